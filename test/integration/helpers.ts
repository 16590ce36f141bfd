// Shared by the suites that run inside VS Code.
import * as assert from 'assert';
import * as path from 'path';

// out/test/integration → repo root → its parent holds shared/.
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/** The reference bundle: read from ../shared at run time, never copied, never written. */
export const SEEDS = path.resolve(REPO_ROOT, '..', 'shared', 'samples', 'seeds.bundle');

/** Polls until `check` passes or the time is up; returns its last value. */
export async function eventually<T>(what: string, read: () => T | PromiseLike<T>, check: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > deadline) assert.fail(`Timed out after ${timeoutMs}ms waiting for ${what}; last value: ${JSON.stringify(value)?.slice(0, 600)}`);
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

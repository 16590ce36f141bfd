// The integration suite's entry point: VS Code calls run() inside the extension host, with the
// real `vscode` API, both under @vscode/test-electron and in code-server (scripts/runIntegration.mjs).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/** Where the suite writes its results for a driver that cannot read the extension host's output. */
export const RESULTS_ENV = 'PARALLAX_TEST_RESULTS';
/** Runs only the tests whose full title matches this (a regular expression). */
export const GREP_ENV = 'PARALLAX_TEST_GREP';

export interface TestResult {
  readonly title: string;
  readonly state: 'passed' | 'failed' | 'pending';
  readonly durationMs: number;
  readonly error?: string;
}

export interface SuiteResults {
  readonly vscodeVersion: string;
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
  readonly durationMs: number;
  readonly tests: readonly TestResult[];
  /** Set when the suite could not run at all (a test file failed to load, …). */
  readonly error?: string;
}

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(dir, f));
}

function writeResults(results: SuiteResults): void {
  const file = process.env[RESULTS_ENV];
  if (!file) return;
  // Written whole, then renamed, so the driver never reads half a file.
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(results, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

function errorText(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

/** Called by VS Code: runs every out/test/integration/**\/*.test.js and settles when they are done. */
export async function run(): Promise<void> {
  // Required lazily: `vscode` exists only inside the extension host.
  const vscode = await import('vscode');
  const started = Date.now();
  const tests: TestResult[] = [];
  const grep = process.env[GREP_ENV];
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec', ...(grep ? { grep: new RegExp(grep) } : {}) });
  let failures = 0;
  try {
    for (const file of testFiles(__dirname)) mocha.addFile(file);
    await mocha.loadFilesAsync();
    failures = await new Promise<number>((resolve) => {
      const runner = mocha.run((n) => resolve(n));
      runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration ?? 0 }));
      runner.on('fail', (t, err) => tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration ?? 0, error: errorText(err) }));
      runner.on('pending', (t) => tests.push({ title: t.fullTitle(), state: 'pending', durationMs: 0 }));
    });
  } catch (err) {
    writeResults({ vscodeVersion: vscode.version, passed: 0, failed: 1, pending: 0, durationMs: Date.now() - started, tests, error: errorText(err) });
    throw err;
  }
  const count = (state: TestResult['state']): number => tests.filter((t) => t.state === state).length;
  writeResults({
    vscodeVersion: vscode.version,
    passed: count('passed'),
    failed: count('failed'),
    pending: count('pending'),
    durationMs: Date.now() - started,
    tests,
  });
  if (failures > 0) throw new Error(`${failures} integration test(s) failed.`);
}

import * as assert from 'assert';
import { CancelledError } from '../../src/core/cancellation';
import type { CancellationLike } from '../../src/core/cancellation';

/**
 * Runs `attempt` again and again, each time with a token that fires at the first check after
 * `units()` rose (one new unit of work), until an attempt finishes: the work stopped after every unit,
 * each time resumed from its kept progress. Returns the result and how many attempts it took;
 * `stopped` is called after each stopped attempt (to see where it stopped).
 */
export function stopAfterEveryUnit<T>(units: () => number, attempt: (token: CancellationLike) => T, stopped?: () => void): { result: T; attempts: number } {
  for (let attempts = 1; ; attempts++) {
    const before = units();
    const token = { get isCancellationRequested() { return units() > before; } };
    try {
      return { result: attempt(token), attempts };
    } catch (err) {
      if (!(err instanceof CancelledError)) throw err;
      assert.ok(units() > before, `attempt ${attempts} stopped without progress`);
      stopped?.();
    }
  }
}

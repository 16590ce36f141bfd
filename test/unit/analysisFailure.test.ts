// An engine failure, as the editor reports it (issue 8 §1): an internal error said as one, with the
// article that fails on its own, how to report it, and the stack for the output channel.
import * as assert from 'assert';
import * as fs from 'fs';
import { parseBundle } from '../../src/core/bundle/parseBundle';
import { EngineError, failureDetails, failureNotice, failureOf, failureSummary } from '../../src/analysis/engineFailure';
import { locateFailure } from '../../src/analysis/locateFailure';
import { SlicedAnalysisRunner } from '../../src/analysis/analysisRunnerSlices';
import { createRunnerToken } from '../../src/analysis/analysisRunner';
import { seedsPath } from './paths';

const seeds = parseBundle(fs.readFileSync(seedsPath, 'utf8')).articles.map((a) => ({ name: a.name, text: a.text }));
// Not text: the engine's contract is strings, so this makes it throw, the way a bug would.
const broken = { name: 'Broken wire copy', text: null as unknown as string };

describe('engine failure', () => {
  const failure = { message: 'word.endsWith is not a function', article: 'Reuters 2', stack: 'TypeError: word.endsWith is not a function\n    at computeLemma (lemma.ts:10:3)' };

  it('the notice says it is an internal error, where, that the last analysis stays, and how to report it; never blames the headers', () => {
    const text = failureNotice(failure, 'news.bundle');
    assert.match(text, /internal error while analysing news\.bundle \(in the article "Reuters 2"\): word\.endsWith is not a function/);
    assert.match(text, /bug in Parallax, not a problem with your bundle/);
    assert.match(text, /keep the last good analysis/);
    assert.match(text, /Report Issue/);
    assert.match(text, /"Parallax" output channel/);
    for (const t of [text, failureSummary(failure, 'news.bundle')]) assert.ok(!/header|<<<FILE/i.test(t), t);
  });

  it('says nothing of an article when none fails on its own', () => {
    assert.ok(!/article/.test(failureNotice({ message: 'boom' }, 'b.bundle')));
    assert.match(failureSummary({ message: 'boom' }, 'b.bundle'), /an internal error \(boom\)/);
  });

  it('details for the output channel hold the article, the message and the stack', () => {
    const details = failureDetails(failure, 'news.bundle', new Date(Date.UTC(2026, 0, 2, 3, 4, 5)));
    assert.match(details, /^\[2026-01-02T03:04:05\.000Z\] Internal error while analysing news\.bundle/);
    assert.match(details, /article: Reuters 2/);
    assert.match(details, /at computeLemma/);
  });

  it('failureOf reads an EngineError, any Error, and anything thrown', () => {
    assert.strictEqual(failureOf(new EngineError(failure)), failure);
    assert.strictEqual(failureOf(new TypeError('x')).message, 'x');
    assert.deepStrictEqual(failureOf('plain'), { message: 'plain' });
  });

  it('locateFailure finds the article that fails on its own, and stops at its budget', () => {
    assert.strictEqual(locateFailure([seeds[0], broken, seeds[1]], {}, 10_000), 'Broken wire copy');
    assert.strictEqual(locateFailure(seeds, {}, 10_000), undefined);
    let t = 0;
    assert.strictEqual(locateFailure([seeds[0], broken], {}, 5, () => (t += 10)), undefined, 'the budget ran out first');
  });

  it('the in-host sliced runner rejects with an EngineError naming the article', async () => {
    const runner = new SlicedAnalysisRunner({ sliceMs: 1000, growth: 2 });
    await assert.rejects(runner.run({ bundleKey: 'b', articles: [seeds[0], broken], options: {}, token: createRunnerToken() }), (err: unknown) => {
      assert.ok(err instanceof EngineError);
      assert.strictEqual(err.failure.article, 'Broken wire copy');
      assert.ok((err.failure.stack ?? '').length > 0);
      return true;
    });
  });
});

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { articleFeatures } from '../../src/core/match/articleFeatures';
import type { SentenceFeatures } from '../../src/core/match/articleFeatures';
import { pairWeights } from '../../src/core/match/documentPair';
import { scoreAtLeast, scoreSentences, surelyUnder } from '../../src/core/match/sentenceScore';
import type { KeyWeight, ScoreOptions } from '../../src/core/match/sentenceScore';
import { DEFAULT_OPTIONS } from '../../src/core/options';
import { findQuotes } from '../../src/core/text/quotes';
import { splitSentences } from '../../src/core/text/sentences';
import { generateDenseBundle } from '../../bench/denseBench';
import { pairFeatures, readMrpc } from '../../bench/paraphraseFit';
import { repoRoot } from './paths';

type Pair = readonly [SentenceFeatures, SentenceFeatures, KeyWeight];

const OPTIONS: readonly ScoreOptions[] = [DEFAULT_OPTIONS, { minSharedWords: 2, paraphraseThreshold: 0.25 }];
const MINS = [0.2, 0.3];

/**
 * Checks scoreAtLeast against the full scorer on every pair, for each least score and options: it
 * answers null only for a pair the full scorer gives a score under the least and no kind, and
 * otherwise the full score itself. Returns how many pairs the full scorer rejects, and how many of
 * those the cheap bound (surelyUnder) rejected before the runs and the common subsequence.
 */
function checkAgainstFullScorer(pairs: readonly Pair[]): { rejected: number; early: number } {
  let rejected = 0;
  let early = 0;
  for (const options of OPTIONS) {
    for (const min of MINS) {
      for (const [a, b, weight] of pairs) {
        const full = scoreSentences(a, b, weight, options);
        const kept = scoreAtLeast(a, b, weight, options, min);
        const fails = full.kind === null && full.score < min;
        if (kept === null) assert.ok(fails, `rejected a kept pair: ${a.words.join(' ')} | ${b.words.join(' ')} (min ${min})`);
        else assert.deepStrictEqual(kept, full);
        if (!fails) continue;
        rejected++;
        if (surelyUnder(a, b, weight, options, min)) early++;
      }
    }
  }
  return { rejected, early };
}

describe('scoreAtLeast: the early bound never rejects a pair the full scorer keeps', function () {
  this.timeout(120000);

  it('on the sentence pairs of dense reuse (stories retold by several outlets)', () => {
    const articles = generateDenseBundle(12).articles.map((a) => {
      const sentences = splitSentences(a.text);
      return articleFeatures(a.text, sentences, findQuotes(a.text, sentences));
    });
    const pairs: Pair[] = [];
    for (let x = 0; x < articles.length; x++) {
      for (let y = x + 1; y < Math.min(articles.length, x + 3); y++) {
        const weight = pairWeights(articles[x], articles[y]);
        for (const a of articles[x].sents) for (const b of articles[y].sents) pairs.push([a, b, weight]);
      }
    }
    const { rejected, early } = checkAgainstFullScorer(pairs);
    console.log(`      dense: ${pairs.length} pairs × ${OPTIONS.length * MINS.length} settings; ${rejected} rejected, ${early} of them before the runs`);
    assert.ok(early >= 0.5 * rejected, `${early} of ${rejected}`);
  });

  it('on MRPC pairs, as labelled and each sentence with another pair\'s sentence', function () {
    const file = path.resolve(repoRoot, '..', 'shared', 'eval', 'mrpc_train.tsv');
    if (!fs.existsSync(file)) this.skip();
    const mrpc = readMrpc(file).slice(0, 600);
    // Mismatched pairs: news sentences on different facts, like most candidates of dense reuse.
    const texts = [...mrpc.map((p) => [p.a, p.b] as const), ...mrpc.map((p, k) => [p.a, mrpc[(k * 7 + 3) % mrpc.length].b] as const)];
    const { sides, weight } = pairFeatures(texts);
    const { rejected, early } = checkAgainstFullScorer(sides.map(([a, b]) => [a, b, weight] as const));
    console.log(`      MRPC: ${sides.length} pairs × ${OPTIONS.length * MINS.length} settings; ${rejected} rejected, ${early} of them before the runs`);
    assert.ok(early >= 0.5 * rejected, `${early} of ${rejected}`);
  });
});

import * as assert from 'assert';
import * as fs from 'fs';
import { analyzeBundle } from '../../src/core/analyze';
import { parseBundle } from '../../src/core/bundle/parseBundle';
import { grouped, MAX_PARTNERS, MAX_SHINGLE_POSTING } from '../../src/core/match/limits';
import { articleFeatures } from '../../src/core/match/articleFeatures';
import type { SentenceFeatures } from '../../src/core/match/articleFeatures';
import { scoreSentences } from '../../src/core/match/sentenceScore';
import { DEFAULT_OPTIONS } from '../../src/core/options';
import { splitSentences } from '../../src/core/text/sentences';
import type { ArticleInput, BundleAnalysis } from '../../src/core/model';
import { seedsPath } from './paths';

/**
 * Shape-independent bounds on the work an analysis does, read from its own counters (never wall
 * time): whatever the text, the sentence pairs scored stay within a constant times the sentences,
 * and the article pairs within a constant times the articles. And a cap that cuts work says so.
 */

/** Sentence pairs scored per sentence, at most, on any text. */
const K_SCORED = 64;

function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const named = (prefix: string, texts: readonly string[]): ArticleInput[] => texts.map((text, k) => ({ name: `${prefix}${k}`, text }));

function shapes(): Record<string, ArticleInput[]> {
  const r = lcg(11);
  const pick = (list: readonly string[]) => list[Math.floor(r() * list.length)];
  const few = ['ka', 'lo', 'ri', 'tam', 'vor', 'du', 'sen'];
  const cast = ['Anna', 'Boris', 'Carla'];
  const talk = 'yes no well maybe never now today here the plan money deal war time home'.split(' ');
  const vocab = Array.from({ length: 400 }, (_, k) => `w${k.toString(36)}x`);
  const line = () => Array.from({ length: 8 + Math.floor(r() * 8) }, () => pick(vocab)).join(' ');
  return {
    repetitive: named('r', [0, 1, 2].map(() => Array.from({ length: 4000 }, () => `${pick(few)}${pick(['', '', '"', '\n', '. '])}`).join(' '))),
    dialogue: named('d', [0, 1, 2].map(() => Array.from({ length: 300 }, () => `"${pick(talk)} ${pick(talk)} ${pick(talk)}," said ${pick(cast)}.`).join('\n'))),
    tiny: named('t', Array.from({ length: 600 }, (_, k) => (k % 3 === 0 ? 'The same short line again and again.' : `${line()}.`))),
    unpunctuated: named('u', [0, 1, 2, 3].map(() => Array.from({ length: 3000 }, () => pick(vocab.slice(0, 60))).join(' '))),
    boilerplate: named('b', Array.from({ length: 90 }, () => `${line()}. Subscribe to our newsletter for the latest local news every morning. ${line()}.`)),
  };
}

function assertBounded(name: string, analysis: BundleAnalysis): void {
  const work = analysis.limits?.work;
  assert.ok(work !== undefined, `${name}: no counters`);
  assert.ok(work.sentencePairsScored <= K_SCORED * Math.max(1, work.sentences), `${name}: ${work.sentencePairsScored} sentence pairs scored for ${work.sentences} sentences`);
  assert.ok(work.articlePairs <= MAX_PARTNERS * Math.max(1, work.articles), `${name}: ${work.articlePairs} article pairs for ${work.articles} articles`);
}

describe('limits: work counters and the caps that report themselves', () => {
  const all = shapes();

  for (const [name, articles] of Object.entries(all)) {
    it(`scores at most ${K_SCORED} sentence pairs per sentence on ${name} text`, () => assertBounded(name, analyzeBundle(articles)));
  }

  it('counts its work on the seeds, where no cap cuts anything', () => {
    const articles = parseBundle(fs.readFileSync(seedsPath, 'utf8')).articles.map((a) => ({ name: a.name, text: a.text }));
    const analysis = analyzeBundle(articles);
    assertBounded('seeds', analysis);
    assert.strictEqual(analysis.limits?.capped, false);
    assert.deepStrictEqual(analysis.limits?.notes, []);
    assert.strictEqual(analysis.limits?.work.articles, articles.length);
    assert.ok((analysis.limits?.work.sentencePairsScored ?? 0) > 0);
  });

  it(`says so when a boilerplate line in more than ${MAX_SHINGLE_POSTING} articles is not used`, () => {
    const analysis = analyzeBundle(all.boilerplate);
    assert.ok((analysis.limits?.work.commonShingles ?? 0) > 0);
    assert.strictEqual(analysis.limits?.capped, true);
    assert.ok(analysis.limits?.notes.some((n) => n.includes(`more than ${MAX_SHINGLE_POSTING} sentences`)), JSON.stringify(analysis.limits?.notes));
  });

  it('gives the same counters from a warm cache as from a cold run', () => {
    const articles = all.tiny.slice(0, 120);
    const cold = analyzeBundle(articles);
    assert.deepStrictEqual(analyzeBundle(articles).limits, cold.limits);
  });

  it('scores two 3,000-word sentences without punctuation reading each key list a bounded number of times', () => {
    // Thousands of distinct keys per "sentence": a look-up per key that scans the other list is quadratic.
    const r = lcg(5);
    const vocab = Array.from({ length: 4000 }, (_, k) => `q${k.toString(36)}z`);
    const sentence = (): SentenceFeatures => {
      const text = Array.from({ length: 3000 }, () => vocab[Math.floor(r() * vocab.length)]).join(' ');
      const sents = articleFeatures(text, splitSentences(text), []).sents;
      assert.strictEqual(sents.length, 1);
      return sents[0];
    };
    let reads = 0;
    const counted = (s: SentenceFeatures): SentenceFeatures => ({
      ...s,
      keys: new Proxy(s.keys as string[], {
        get(target, prop, receiver) {
          if (typeof prop === 'string' && /^\d+$/.test(prop)) reads++;
          return Reflect.get(target, prop, receiver) as unknown;
        },
      }),
    });
    const a = counted(sentence());
    const b = counted(sentence());
    assert.ok(a.keys.length > 1000 && b.keys.length > 1000, `${a.keys.length} and ${b.keys.length} keys`);
    scoreSentences(a, b, () => 1, DEFAULT_OPTIONS);
    assert.ok(reads <= 10 * (a.keys.length + b.keys.length), `${reads} reads of ${a.keys.length} + ${b.keys.length} keys`);
  });
});

describe('grouped counts in the limits notes', () => {
  it('writes a count as toLocaleString(\'en-US\') does', () => {
    const counts = [0, 1, 12, 999, 1000, 1001, 12_345, 999_999, 1_000_000, 123_456_789, Number.MAX_SAFE_INTEGER, 2.5, -1234];
    for (let k = 0, n = 7; k < 40; k++, n = n * 3 + k) counts.push(n);
    for (const n of counts) assert.strictEqual(grouped(n), n.toLocaleString('en-US'), String(n));
  });
});

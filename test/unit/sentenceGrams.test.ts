import * as assert from 'assert';
import { articleFeatures } from '../../src/core/match/articleFeatures';
import type { SentenceFeatures } from '../../src/core/match/articleFeatures';
import { contentKey } from '../../src/core/match/lexicon';
import { sentenceGrams } from '../../src/core/match/sentenceGrams';
import { meaningsOf } from '../../src/core/match/synonyms';
import { prng } from '../../bench/prng';

const features = (s: string): SentenceFeatures => articleFeatures(s, [{ start: 0, end: s.length, paragraph: 0 }], []).sents[0];

/** The senses of the words that carry `key`, in word order, each once (what a Map from key to senses held). */
function naiveSenses(words: readonly string[], key: string): number[] {
  const out: number[] = [];
  for (const w of words) if (contentKey(w) === key) for (const m of meaningsOf(w)) if (!out.includes(m)) out.push(m);
  return out;
}

/** Slot x's senses from the flat lists. */
const slotSenses = (s: SentenceFeatures, x: number): number[] => {
  const g = sentenceGrams(s);
  return Array.from(g.senseList.subarray(g.senseStart[x], g.senseStart[x + 1]));
};

describe('sentence grams: key slots and their senses', () => {
  it('gives each key the senses of the words that carry it, in word order, each once (property over random sentences)', () => {
    const rand = prng(7);
    const vocabulary = ['they', 'rushed', 'hurried', 'rush', 'to', 'buy', 'purchase', 'bought', 'the', 'agreement', 'understanding', 'deal', 'storm', 'Harbor'];
    for (let k = 0; k < 300; k++) {
      const words = Array.from({ length: 1 + Math.floor(rand() * 16) }, () => vocabulary[Math.floor(rand() * vocabulary.length)]);
      const s = features(`${words.join(' ')}.`);
      const g = sentenceGrams(s);
      s.keys.forEach((key, x) => assert.deepStrictEqual(slotSenses(s, x), naiveSenses(s.words, key), key));
      s.words.forEach((w, i) => assert.strictEqual(g.keyAt[i], contentKey(w) === null ? -1 : s.keys.indexOf(contentKey(w) as string), w));
    }
  });

  it('gives a slot past the keys to a word whose key the features lack (features built by hand)', () => {
    const s: SentenceFeatures = { ...features('They rushed to buy.'), keys: ['buy'] };
    const g = sentenceGrams(s);
    const rushed = s.words.indexOf('rushed');
    assert.strictEqual(g.keyAt[s.words.indexOf('buy')], 0);
    assert.strictEqual(g.keyAt[rushed], 1);
    assert.deepStrictEqual(slotSenses(s, 1), naiveSenses(s.words, contentKey('rushed') as string));
    assert.ok(slotSenses(s, 1).length > 0, 'rushed has WordNet senses');
  });
});

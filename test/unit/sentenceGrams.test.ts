import * as assert from 'assert';
import { articleFeatures } from '../../src/core/match/articleFeatures';
import type { SentenceFeatures } from '../../src/core/match/articleFeatures';
import { contentKeyIds } from '../../src/core/match/internKey';
import { contentKey, reserveWordIds } from '../../src/core/match/lexicon';
import { charDice, copied, Gram, GRAMS_KEPT, gramRange, gramsAfresh, sameSource, sentenceGrams, slabsAllocated } from '../../src/core/match/sentenceGrams';
import type { SentenceGrams } from '../../src/core/match/sentenceGrams';
import { meaningsOf } from '../../src/core/match/synonyms';
import { prng } from '../../bench/prng';

const features = (s: string): SentenceFeatures => articleFeatures(s, [{ start: 0, end: s.length, paragraph: 0 }], []).sents[0];

/** The senses of the words that carry `key`, in word order, each once (what a Map from key to senses held). */
function naiveSenses(words: readonly string[], key: string): number[] {
  const out: number[] = [];
  for (const w of words) if (contentKey(w) === key) for (const m of meaningsOf(w)) if (!out.includes(m)) out.push(m);
  return out;
}

/** Slot x's senses from the flat lists, where the alignment's sense stage reads them. */
const slotSenses = (s: SentenceFeatures, x: number): number[] => {
  const g = sentenceGrams(s);
  return Array.from(g.buf.subarray(g.senseListAt + g.buf[g.senseStartAt + x], g.senseListAt + g.buf[g.senseStartAt + x + 1]));
};
/** Word i's key slot. */
const slotOf = (g: SentenceGrams, i: number): number => g.buf[g.slotAt + i];
/** How many elements two multisets have in common, with multiplicity, counted in a Map. */
function sharedCount(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const left = new Map<number, number>();
  for (let i = 0; i < a.length; i++) left.set(a[i], (left.get(a[i]) ?? 0) + 1);
  let hit = 0;
  for (let j = 0; j < b.length; j++) {
    const c = left.get(b[j]) ?? 0;
    if (c === 0) continue;
    hit++;
    left.set(b[j], c - 1);
  }
  return hit;
}
/** One part of the grams: `count` integers from `at`. */
const part = (g: SentenceGrams, at: number, count: number): Int32Array => g.buf.subarray(at, at + count);

describe('sentence grams: key slots and their senses', () => {
  it('gives each key the senses of the words that carry it, in word order, each once (property over random sentences)', () => {
    const rand = prng(7);
    const vocabulary = ['they', 'rushed', 'hurried', 'rush', 'to', 'buy', 'purchase', 'bought', 'the', 'agreement', 'understanding', 'deal', 'storm', 'Harbor'];
    for (let k = 0; k < 300; k++) {
      const words = Array.from({ length: 1 + Math.floor(rand() * 16) }, () => vocabulary[Math.floor(rand() * vocabulary.length)]);
      const s = features(`${words.join(' ')}.`);
      const g = sentenceGrams(s);
      s.keys.forEach((key, x) => assert.deepStrictEqual(slotSenses(s, x), naiveSenses(s.words, key), key));
      s.words.forEach((w, i) => assert.strictEqual(slotOf(g, i), contentKey(w) === null ? -1 : s.keys.indexOf(contentKey(w) as string), w));
    }
  });

  it('gives a slot past the keys to a word whose key the features lack (features built by hand)', () => {
    const s: SentenceFeatures = { ...features('They rushed to buy.'), keys: ['buy'] };
    const g = sentenceGrams(s);
    const rushed = s.words.indexOf('rushed');
    assert.strictEqual(slotOf(g, s.words.indexOf('buy')), 0);
    assert.strictEqual(slotOf(g, rushed), 1);
    assert.deepStrictEqual(slotSenses(s, 1), naiveSenses(s.words, contentKey('rushed') as string));
    assert.ok(slotSenses(s, 1).length > 0, 'rushed has WordNet senses');
  });
});

describe('sentence grams: key slots of keys given in any order', () => {
  /** Word i's slot by the keys' strings: its key's index in `keys`, else past them in order of first use, −1 for a function word. */
  function naiveSlots(words: readonly string[], keys: readonly string[]): number[] {
    const extra: string[] = [];
    return words.map((w) => {
      const key = contentKey(w);
      if (key === null) return -1;
      if (keys.includes(key)) return keys.indexOf(key);
      if (!extra.includes(key)) extra.push(key);
      return keys.length + extra.indexOf(key);
    });
  }

  it('gives the slots the keys as strings give, for keys in order of first use, reordered, short of one or with one more, and after a new generation of shared content ids (property over random sentences)', () => {
    const rand = prng(31);
    const vocabulary = ['they', 'rushed', 'hurried', 'rush', 'to', 'buy', 'bought', 'the', 'deal', 'storm', 'Harbor', '40', 'said'];
    for (let k = 0; k < 300; k++) {
      const s = features(`${Array.from({ length: 1 + Math.floor(rand() * 16) }, () => vocabulary[Math.floor(rand() * vocabulary.length)]).join(' ')}.`);
      if (k % 5 === 4) contentKeyIds.reserve(2 ** 30);
      const variants = [s.keys, [...s.keys].reverse(), s.keys.slice(1), [...s.keys, 'zzz'], ['zzz', ...s.keys]];
      for (const keys of variants) {
        const g = sentenceGrams({ ...s, keys });
        assert.deepStrictEqual(s.words.map((_, i) => slotOf(g, i)), naiveSlots(s.words, keys), `${s.words.join(' ')} / ${keys.join(' ')}`);
        assert.strictEqual(g.slots, naiveSlots(s.words, keys).reduce((m, x) => Math.max(m, x + 1), keys.length));
      }
    }
  });
});

describe('sentence grams: kept intact while later sentences are computed, their slabs reused after', () => {
  const rand = prng(11);
  const vocabulary = ['the', 'storm', 'wall', 'harbor', 'mayor', 'said', '40', 'million', 'Harbor', 'rushed', 'hurried', "didn't", 'boats'];
  const sentence = () => `${Array.from({ length: 1 + Math.floor(rand() * 30) }, () => vocabulary[Math.floor(rand() * vocabulary.length)]).join(' ')}.`;
  /** Every integer of the grams (their whole stretch of the slab: the masked words end it, else the senses), and where two of its parts start in it, as text. */
  const contents = (g: SentenceGrams): string => {
    const end = g.maskedAt >= 0 ? g.maskedAt + g.n : g.senseListAt + g.senses;
    return JSON.stringify([Array.from(part(g, g.unigramAt, end - g.unigramAt)), g.charAt - g.unigramAt, g.slotAt - g.unigramAt, g.maskedAt < 0]);
  };

  it('gives a sentence the same arrays while fewer than GRAMS_KEPT other sentences are computed (their integers share slabs)', () => {
    const first = Array.from({ length: 50 }, () => features(sentence()));
    const held = first.map((s) => sentenceGrams(s));
    const before = held.map(contents);
    // Enough other sentences to fill the grams' slabs many times over and to clear the memo.
    for (let k = first.length; k < GRAMS_KEPT; k++) sentenceGrams(features(sentence()));
    held.forEach((g, k) => assert.strictEqual(contents(g), before[k], 'the grams held are unchanged'));
  });

  it('computes in reused slabs the grams computed before, writing every part (function words class 0), and allocates next to no slab once the memo has been cleared a few times', () => {
    const first = Array.from({ length: 50 }, () => features(sentence()));
    const before = first.map((s) => contents(sentenceGrams(s)));
    for (let k = 0; k < 3 * GRAMS_KEPT; k++) sentenceGrams(features(sentence()));
    const made = slabsAllocated();
    for (let k = 0; k < 4 * GRAMS_KEPT; k++) sentenceGrams(features(sentence()));
    first.forEach((s, k) => {
      // A copy is a new key: its grams are computed again, in a slab that held other grams.
      const g = sentenceGrams({ ...s });
      assert.strictEqual(contents(g), before[k], 'computed afresh in a reused slab');
      assert.deepStrictEqual(Array.from(part(g, g.kindAt, g.n), (kind) => kind === 0), s.words.map((w) => contentKey(w) === null), 'function words are class 0');
    });
    assert.ok(slabsAllocated() - made <= 2, `${slabsAllocated() - made} slabs allocated for ${4 * GRAMS_KEPT} grams`);
  });

  it('masks numbers in the masked words, and has none for a sentence without numbers', () => {
    const g = sentenceGrams(features('The mayor said 40 boats and 12 walls.'));
    assert.ok(g.maskedAt >= 0);
    const masked = Array.from(part(g, g.maskedAt, g.n));
    const hashes = Array.from(part(g, g.hashAt, g.n));
    // The two numbers differ from the plain words, masked alike; every other word is its own hash.
    const differing = masked.map((h, i) => (h === hashes[i] ? -1 : i)).filter((i) => i >= 0);
    assert.strictEqual(differing.length, 2);
    assert.strictEqual(masked[differing[0]], masked[differing[1]]);
    assert.strictEqual(g.maskedNumbers, 2);
    assert.strictEqual(sentenceGrams(features('The mayor said boats.')).maskedAt, -1);
  });
});

describe('sentence grams: words read by id', () => {
  /** Every integer of the grams and what else they say, as text. */
  const contents = (g: SentenceGrams): string => {
    const end = g.maskedAt >= 0 ? g.maskedAt + g.n : g.senseListAt + g.senses;
    return JSON.stringify([
      Array.from(part(g, g.unigramAt, end - g.unigramAt)), g.charAt - g.unigramAt, g.maskedAt < 0, g.negated, g.extraKeys, g.names, g.numbers, g.maskedNumbers, g.bare,
    ]);
  };

  it("computes from an article's word ids what looking each word up computes, and from ids of an older generation (property over random sentences)", () => {
    const rand = prng(23);
    const vocabulary = ['the', 'storm', 'Harbor', 'said', '40', '1,200', 'million', "didn't", 'never', 'cross-section', "mayor's", 'rushed', 'talks', 'negotiations', 'no'];
    const sentence = () => `${Array.from({ length: 1 + Math.floor(rand() * 20) }, () => vocabulary[Math.floor(rand() * vocabulary.length)]).join(' ')}.`;
    for (let k = 0; k < 400; k++) {
      const s = features(sentence());
      // Every fourth sentence's ids are made stale before its grams are computed.
      if (k % 4 === 3) reserveWordIds(2 ** 30);
      const byIds = contents(sentenceGrams(s));
      // A copy built by hand has no ids: each word is looked up (computed afresh: the cache would give it its twin's grams).
      assert.strictEqual(byIds, contents(gramsAfresh({ ...s })), s.words.join(' '));
    }
  });

  it('reads the flags of the words: negation, numbers, bare forms', () => {
    const g = sentenceGrams(features("The mayor's cross-section didn't show 40 boats."));
    assert.strictEqual(g.negated, true);
    assert.deepStrictEqual(g.bare, ['the', 'mayors', 'crosssection', 'didnt', 'show', '40', 'boats']);
    assert.deepStrictEqual(g.numbers.map((m) => m.value), [40]);
    const s = features('The mayor showed boats.');
    const plain = sentenceGrams(s);
    assert.strictEqual(plain.negated, false);
    assert.strictEqual(plain.bare, s.words, 'no hyphen or apostrophe: the words are their bare forms');
    assert.deepStrictEqual(plain.numbers, []);
  });
});

/** Every integer of the grams (from the first) and what else they say, as text. */
function contentsOf(g: SentenceGrams): string {
  const end = g.maskedAt >= 0 ? g.maskedAt + g.n : g.senseListAt + g.senses;
  return JSON.stringify([
    Array.from(part(g, g.unigramAt, end - g.unigramAt)), g.charAt - g.unigramAt, g.slotAt - g.unigramAt, g.maskedAt < 0, g.negated, g.extraKeys, g.names, g.numbers, g.maskedNumbers, g.bare,
  ]);
}

describe('sentence grams: shared by sentences of the same words and keys', () => {
  it('gives a sentence of another article with the same words, keys and salient keys the grams of the first, equal to its own computed afresh', () => {
    const rand = prng(31);
    const vocabulary = ['the', 'storm', 'Harbor', 'said', '40', 'million', "didn't", 'cross-section', 'rushed', 'boats'];
    const sentence = () => `${Array.from({ length: 1 + Math.floor(rand() * 15) }, () => vocabulary[Math.floor(rand() * vocabulary.length)]).join(' ')}.`;
    for (let k = 0; k < 100; k++) {
      const text = sentence();
      const [x, y] = [features(text), features(text)];
      assert.notStrictEqual(x, y);
      assert.ok(sameSource(x, y));
      const gx = sentenceGrams(x);
      const gy = sentenceGrams(y);
      assert.strictEqual(gy, gx, 'the twin shares the grams');
      const fresh = gramsAfresh(y);
      for (const [at, count] of [[gx.unigramAt, fresh.maskedAt >= 0 ? fresh.maskedAt + fresh.n - fresh.unigramAt : fresh.senseListAt + fresh.senses - fresh.unigramAt]]) {
        assert.deepStrictEqual(Array.from(part(gx, at, count)), Array.from(part(fresh, fresh.unigramAt, count)));
      }
      assert.deepStrictEqual([gx.negated, gx.extraKeys, gx.names, gx.numbers, gx.maskedNumbers, gx.bare], [fresh.negated, fresh.extraKeys, fresh.names, fresh.numbers, fresh.maskedNumbers, fresh.bare]);
    }
  });

  it('copies grams whole: every integer at the same offset from the start, and what else they say', () => {
    for (const text of ['The mayor said 40 boats and 12 walls.', "The mayor's cross-section didn't show.", 'Storm.']) {
      const g = gramsAfresh(features(text));
      const copy = copied(g);
      assert.strictEqual(contentsOf(copy), contentsOf(g), text);
      assert.ok(copy.buf !== g.buf || copy.unigramAt !== g.unigramAt, 'a stretch of its own');
    }
  });

  it('gives a sentence asked for again after the cache was cleared once what computing its grams afresh gives', () => {
    const rand = prng(37);
    const vocabulary = ['the', 'storm', 'wall', 'harbor', 'mayor', 'said', '40', 'million', 'Harbor', 'rushed', 'hurried', "didn't", 'boats'];
    const sentence = () => `${Array.from({ length: 1 + Math.floor(rand() * 30) }, () => vocabulary[Math.floor(rand() * vocabulary.length)]).join(' ')}.`;
    const first = Array.from({ length: 50 }, () => features(sentence()));
    for (const s of first) sentenceGrams(s);
    // Enough other sentences to clear the cache at least once (and at most twice).
    for (let k = 0; k < GRAMS_KEPT; k++) sentenceGrams(features(sentence()));
    const again = first.map((s) => sentenceGrams(s));
    // Then enough to clear it once more (the slabs of the generation before are reused from then on) and
    // to fill some of those slabs: grams copied from that generation must not share its slabs.
    for (let k = 0; k < GRAMS_KEPT + 1000; k++) sentenceGrams(features(sentence()));
    again.forEach((g, k) => assert.strictEqual(contentsOf(g), contentsOf(gramsAfresh(first[k])), first[k].words.join(' ')));
  });

  it('does not share between sentences whose words, keys or salient keys differ', () => {
    const x = features('The mayor said the storm wall rose.');
    assert.ok(sameSource(x, { ...x, words: [...x.words] }));
    assert.ok(!sameSource(x, { ...x, words: x.words.slice(1) }));
    assert.ok(!sameSource(x, { ...x, keys: [...x.keys].reverse() }));
    assert.ok(!sameSource(x, { ...x, salient: [...x.salient, 'storm'] }));
    const gx = sentenceGrams(x);
    assert.strictEqual(sentenceGrams({ ...x }), gx);
    const reordered = { ...x, keys: [...x.keys].reverse() };
    assert.notStrictEqual(sentenceGrams(reordered), gx, 'keys in another order give other slots');
  });
});

describe('sentence grams: merges read in place', () => {
  it('gives the precisions and Dice that counting the parts in a Map gives, for sentences side by side in one slab', () => {
    const rand = prng(5);
    const vocabulary = ['the', 'storm', 'wall', 'harbor', 'said', '40', 'million', 'boats', 'Harbor', 'rushed'];
    const sentence = () => `${Array.from({ length: 1 + Math.floor(rand() * 12) }, () => vocabulary[Math.floor(rand() * vocabulary.length)]).join(' ')}.`;
    for (let k = 0; k < 200; k++) {
      const [ga, gb] = [sentenceGrams(features(sentence())), sentenceGrams(features(sentence()))];
      for (const name of ['bigrams', 'trigrams', 'fourgrams', 'keyBigrams', 'maskedBigrams'] as const) {
        const [xa, xb] = [part(ga, Gram[name].at(ga), Gram[name].count(ga)).slice(), part(gb, Gram[name].at(gb), Gram[name].count(gb)).slice()];
        const hit = sharedCount(xa, xb);
        const shares = [xa.length === 0 ? 0 : hit / xa.length, xb.length === 0 ? 0 : hit / xb.length];
        assert.deepStrictEqual(Array.from(gramRange(ga, gb, Gram[name])), [Math.min(...shares), Math.max(...shares)], name);
      }
      const dice = ga.charCount + gb.charCount === 0 ? 0 : (2 * sharedCount(part(ga, ga.charAt, ga.charCount).slice(), part(gb, gb.charAt, gb.charCount).slice())) / (ga.charCount + gb.charCount);
      assert.strictEqual(charDice(ga, gb), dice);
    }
  });

  it('gives the Dice of the character trigrams of the joined words counted as strings (characters by their low ten bits), sorted, for short and very long sentences (property)', () => {
    const rand = prng(17);
    // Accented letters, a character 1,024 above another (the same low ten bits: 'a' and 'Ѐa'), digits and signs.
    const vocabulary = ['the', 'storm', 'wall', 'harbor', 'café', 'naïve', 'Øresund', '40', '$13.62', 'cross-section', "didn't", 'a', 'b', '\u0461', 'ѐ'];
    const sentence = (most: number) => `${Array.from({ length: 1 + Math.floor(rand() * most) }, () => vocabulary[Math.floor(rand() * vocabulary.length)]).join(' ')}.`;
    const trigrams = (s: SentenceFeatures): string[] => {
      const text = Array.from(s.words.join(' '), (ch) => String.fromCharCode(ch.charCodeAt(0) & 1023)).join('');
      return Array.from({ length: Math.max(0, text.length - 2) }, (_, k) => text.slice(k, k + 3));
    };
    const sharedStrings = (x: string[], y: string[]): number => {
      const left = new Map<string, number>();
      for (const t of x) left.set(t, (left.get(t) ?? 0) + 1);
      let hit = 0;
      for (const t of y) {
        const c = left.get(t) ?? 0;
        if (c === 0) continue;
        hit++;
        left.set(t, c - 1);
      }
      return hit;
    };
    for (let k = 0; k < 120; k++) {
      // Every third pair has a sentence of up to 300 words (more trigrams than are sorted by counting).
      const [sa, sb] = [features(sentence(k % 3 === 0 ? 300 : 15)), features(sentence(15))];
      const [ga, gb] = [sentenceGrams(sa), sentenceGrams(sb)];
      const [ta, tb] = [trigrams(sa), trigrams(sb)];
      assert.strictEqual(ga.charCount, ta.length);
      const chars = part(ga, ga.charAt, ga.charCount);
      for (let i = 1; i < chars.length; i++) assert.ok(chars[i - 1] <= chars[i], 'sorted');
      const dice = ta.length + tb.length === 0 ? 0 : (2 * sharedStrings(ta, tb)) / (ta.length + tb.length);
      assert.strictEqual(charDice(ga, gb), dice, `${sa.words.join(' ')} | ${sb.words.join(' ')}`);
    }
  });
});


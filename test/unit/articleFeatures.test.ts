import * as assert from 'assert';
import { articleFeatures, matchKeyIds } from '../../src/core/match/articleFeatures';
import type { ArticleFeatures, KeyTable } from '../../src/core/match/articleFeatures';
import { pairWeights } from '../../src/core/match/documentPair';
import { charDice, Gram, gramRange, sentenceGrams, sharedWordCount } from '../../src/core/match/sentenceGrams';
import { splitSentences } from '../../src/core/text/sentences';
import { findQuotes } from '../../src/core/text/quotes';
import { prng } from '../../bench/prng';
import { contentKey, isReportingWord, reserveWordIds, spellingFacts, wordFacts, wordIdOf } from '../../src/core/match/lexicon';
import { foldWord } from '../../src/core/text/normalize';
import { tokenize } from '../../src/core/text/tokens';
import { contentKeyIds } from '../../src/core/match/internKey';
import { FNV_OFFSET, fnv1aUpdate } from '../../src/core/hash';

const features = (text: string) => articleFeatures(text, splitSentences(text), []);

const storm = 'The storm destroyed the harbor wall on Monday night. Officials estimated the repairs at 40 million euros. ' +
  'The mayor asked the government for emergency funding after the storm. Fishermen said the storm damaged their boats and the wall.';
const rewrite = 'On Monday the storm wrecked the wall of the harbor. The mayor requested emergency money. Boats were damaged, fishermen said.';

/** The sentences of `f` whose keys include `key`, by reading every sentence (what the key table must say). */
function sentencesWith(f: ArticleFeatures, key: string): number[] {
  return f.sents.flatMap((s, i) => (s.keys.includes(key) ? [i] : []));
}

describe('article key tables (integer ids for candidate search and pair weights)', () => {
  it('lists each key once, with the sentences that contain it in ascending order', () => {
    const f = features(storm);
    const t = f.keyTable;
    assert.strictEqual(t.keys.length, t.ids.size);
    assert.ok(t.keys.includes('storm'), 'a repeated content word is a key');
    t.keys.forEach((key, id) => {
      assert.strictEqual(t.ids.get(key), id);
      const postings = [...t.postings.subarray(t.postingStart[id], t.postingStart[id + 1])];
      assert.deepStrictEqual(postings, sentencesWith(f, key), key);
    });
    assert.strictEqual(t.postingStart[t.keys.length], t.postings.length);
  });

  it("gives each sentence its keys' ids in the order of its keys", () => {
    const f = features(storm);
    const t = f.keyTable;
    f.sents.forEach((s, i) => {
      const ids = [...t.sentenceKeys.subarray(t.sentenceKeyStart[i], t.sentenceKeyStart[i + 1])];
      assert.deepStrictEqual(ids.map((id) => t.keys[id]), s.keys);
    });
  });

  it('gives a key the same shared id in every article, and maps two tables\' ids onto each other as their keys do', () => {
    const [a, b] = [features(storm).keyTable, features(rewrite).keyTable];
    const sharedOf = (t: KeyTable, key: string) => t.sharedIds[t.ids.get(key) as number];
    assert.strictEqual(sharedOf(a, 'storm'), sharedOf(b, 'storm'));
    assert.notStrictEqual(sharedOf(a, 'storm'), sharedOf(a, 'wall'));
    const byKeys = (x: KeyTable, y: KeyTable) => x.keys.map((k) => y.ids.get(k) ?? -1);
    const oldGeneration: KeyTable = { ...a, ids: a.ids, keys: a.keys, sharedIds: a.sharedIds, sharedGeneration: a.sharedGeneration - 1 };
    for (const x of [a, oldGeneration]) {
      const [aInB, bInA] = [new Int32Array(a.keys.length).fill(-1), new Int32Array(b.keys.length).fill(-1)];
      matchKeyIds(x, b, aInB, bInA);
      assert.deepStrictEqual([...aInB], byKeys(a, b));
      assert.deepStrictEqual([...bInA], byKeys(b, a));
      assert.ok(aInB.some((id) => id >= 0));
    }
  });

  it("looks a key's id up as a map of the table's keys would, before and after a new generation of shared ids", () => {
    const [a, b] = [features(storm).keyTable, features(rewrite).keyTable];
    const check = (t: KeyTable) => {
      assert.strictEqual(t.ids.size, t.keys.length);
      t.keys.forEach((key, id) => assert.strictEqual(t.ids.get(key), id, key));
      const others = [...b.keys, ...a.keys, 'the', 'constructor', '__proto__', '', 'not a key'].filter((k) => !t.keys.includes(k));
      assert.ok(others.length > 3);
      for (const key of others) assert.ok(t.ids.get(key) === undefined && !t.ids.has(key), key);
    };
    check(a);
    contentKeyIds.reserve(1 << 30); // starts a new generation: a's shared ids no longer compare
    assert.notStrictEqual(a.sharedGeneration, contentKeyIds.generation);
    check(a);
    check(features(storm).keyTable);
  });

  it('reads an article the same after a larger one (the scratch reused from article to article keeps nothing of it)', () => {
    const plain = (f: ArticleFeatures) => ({
      sents: f.sents.map((s) => ({ words: s.words, keys: s.keys, salient: s.salient, reporting: s.reporting, numbers: s.numbers, share: s.quotedShare, starts: [...s.wordStarts], ends: [...s.wordEnds] })),
      keys: f.keyTable.keys,
      tables: [f.keyTable.postingStart, f.keyTable.postings, f.keyTable.sentenceKeyStart, f.keyTable.sentenceKeys, f.keyTable.sharedIds].map((a) => [...a]),
      shingles: f.shingles.map((s) => [...s]),
    });
    const alone = plain(features(rewrite));
    const large = Array.from({ length: 40 }, (_, i) => `${storm} Item ${i} cost ${i * 7} euros in Harbor${i}.`).join(' ');
    assert.ok(plain(features(large)).keys.length > alone.keys.length);
    assert.deepStrictEqual(plain(features(rewrite)), alone);
    assert.deepStrictEqual(plain(features('')), { sents: [], keys: [], tables: [[0], [], [0], [], []], shingles: [] });
    assert.deepStrictEqual(plain(features(rewrite)), alone);
  });

  it('weighs a key by the sentences of both articles that carry it: log(1 + (n + 1) / (df + 0.5))', () => {
    const a = features(storm);
    const b = features(rewrite);
    const weight = pairWeights(a, b);
    const n = a.sents.length + b.sents.length;
    const expected = (key: string) => Math.log(1 + (n + 1) / (sentencesWith(a, key).length + sentencesWith(b, key).length + 0.5));
    for (const key of new Set([...a.keyTable.keys, ...b.keyTable.keys, 'absentword'])) {
      assert.strictEqual(weight(key), expected(key), key);
    }
    // The same weights whichever article comes first.
    const swapped = pairWeights(b, a);
    for (const key of a.keyTable.keys) assert.strictEqual(swapped(key), weight(key), key);
  });
});

/** n-gram precision by counting in Maps, as the scorer computed it before the grams were packed. */
function naivePrecision(a: readonly number[], b: readonly number[]): number {
  const count = (xs: readonly number[]) => {
    const m = new Map<number, number>();
    for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
    return m;
  };
  const cb = count(b);
  let hit = 0;
  for (const [g, c] of count(a)) hit += Math.min(c, cb.get(g) ?? 0);
  return a.length === 0 ? 0 : hit / a.length;
}

/** A sentence's lists read the plain way: Sets over its tokens, in order of first use. */
function naiveLists(text: string) {
  const tokens = tokenize(text);
  const keys = new Set<string>();
  const salient = new Set<string>();
  const reporting = new Set<string>();
  const numbers: string[] = [];
  const pairs = new Set<string>();
  let prev: string | null = null;
  tokens.forEach((t, i) => {
    const key = contentKey(t.norm);
    if (key === null) return;
    keys.add(key);
    if (/^\d/.test(t.norm)) numbers.push(t.norm);
    if (/^\d/.test(t.norm) || (i > 0 && /^\p{Lu}/u.test(text[t.start]))) salient.add(key);
    if (isReportingWord(t.norm)) reporting.add(key);
    if (prev !== null) pairs.add(`${prev} ${key}`);
    prev = key;
  });
  // A shingle is the FNV-1a hash of "key key" (as a signed 32-bit number), however it is computed.
  const shingles = [...pairs].map((pair) => fnv1aUpdate(FNV_OFFSET, pair) | 0);
  return { keys: [...keys], salient: [...salient], reporting: [...reporting], numbers, shingles };
}

describe('sentence lists (keys, names, reporting verbs, numbers, shingles)', () => {
  it('lists each once in order of first use, in short sentences and past the scan limit (property over random sentences)', () => {
    const rand = prng(7);
    const vocabulary = ['the', 'Storm', 'storm', 'wall', 'walls', 'Harbor', 'mayor', 'said', 'told', 'the', 'boats', '40', '1,000',
      'million', 'talks', 'negotiations', 'Rutte', 'of', 'help', 'aid', ...Array.from({ length: 60 }, (_, i) => `word${i}`)];
    for (let k = 0; k < 120; k++) {
      const length = 1 + Math.floor(rand() * (k % 3 === 0 ? 300 : 20));
      const text = `${Array.from({ length }, () => vocabulary[Math.floor(rand() * vocabulary.length)]).join(' ')}.`;
      const f = articleFeatures(text, [{ start: 0, end: text.length, paragraph: 0 }], []);
      const s = f.sents[0];
      const { shingles, ...lists } = naiveLists(text);
      assert.deepStrictEqual({ keys: s.keys, salient: s.salient, reporting: s.reporting, numbers: s.numbers }, lists, text);
      assert.deepStrictEqual([...f.shingles[0]], shingles, text);
    }
  });

  it("gives each sentence its words' offsets in the article", () => {
    const f = features(storm);
    const sentences = splitSentences(storm);
    f.sents.forEach((s, i) => {
      const tokens = tokenize(storm, sentences[i].start, sentences[i].end);
      assert.deepStrictEqual([...s.wordStarts], tokens.map((t) => t.start));
      assert.deepStrictEqual([...s.wordEnds], tokens.map((t) => t.end));
      assert.deepStrictEqual(s.words, tokens.map((t) => t.norm));
    });
  });

  it("gives each sentence its words' ids, of the generation they were read in", () => {
    const f = features(`${storm} ${rewrite}`);
    const ids = (s: (typeof f.sents)[number]): number[] | null => {
      const out = new Int32Array(s.words.length);
      return s.wordIdsInto?.(out) === true ? Array.from(out) : null;
    };
    f.sents.forEach((s) => assert.deepStrictEqual(ids(s), s.words.map((w) => wordIdOf(wordFacts(w))), s.words.join(' ')));
    const stormId = (si: number): number | undefined => ids(f.sents[si])?.[f.sents[si].words.indexOf('storm')];
    assert.ok(stormId(0) !== undefined && stormId(0) === stormId(2), 'one word, one id in both sentences');
    reserveWordIds(2 ** 30);
    f.sents.forEach((s) => assert.strictEqual(ids(s), null, 'ids of an older generation are not given'));
  });

  it("keeps an article's shingles in one buffer of their exact size, each sentence's a view of it in order", () => {
    const f = features(`${storm} ${rewrite}`);
    const buffer = f.shingles[0].buffer;
    let at = 0;
    for (const s of f.shingles) {
      assert.strictEqual(s.buffer, buffer);
      assert.strictEqual(s.byteOffset, 4 * at);
      at += s.length;
    }
    assert.ok(at > 0);
    assert.strictEqual(buffer.byteLength, 4 * at, 'no room left for the words that made no shingle');
  });

  it('reads a spelling to its folded form and that form\'s facts in one look-up', () => {
    for (const spelling of ['Defence', 'Ukraine’s', 'talks', 'constructor', '__proto__', 'THE', '1,000']) {
      const read = spellingFacts(spelling);
      assert.strictEqual(read.norm, foldWord(spelling));
      assert.deepStrictEqual(read, wordFacts(foldWord(spelling)));
    }
  });
});

describe('sentence grams (sorted multisets compared by a merge)', () => {
  it('gives the n-gram precision and character Dice that counting in Maps gives (property over random sentences)', () => {
    const rand = prng(42);
    const vocabulary = ['the', 'storm', 'wall', 'harbor', 'mayor', 'said', 'said', 'the', 'boats', '40', 'million', "didn't"];
    const sentence = () => {
      const words = Array.from({ length: 1 + Math.floor(rand() * 14) }, () => vocabulary[Math.floor(rand() * vocabulary.length)]);
      return `${words.join(' ')}.`;
    };
    for (let k = 0; k < 200; k++) {
      const [sa, sb] = [features(sentence()).sents[0], features(sentence()).sents[0]];
      const [ga, gb] = [sentenceGrams(sa), sentenceGrams(sb)];
      const part = (g: typeof ga, at: number, count: number): number[] => [...g.buf.subarray(at, at + count)];
      assert.strictEqual(sharedWordCount(ga, gb) / ga.n, naivePrecision(part(ga, ga.unigramAt, ga.n), part(gb, gb.unigramAt, gb.n)), 'unigrams');
      for (const name of ['bigrams', 'trigrams', 'fourgrams'] as const) {
        const [xa, xb] = [part(ga, Gram[name].at(ga), Gram[name].count(ga)), part(gb, Gram[name].at(gb), Gram[name].count(gb))];
        const shares = [naivePrecision(xa, xb), naivePrecision(xb, xa)];
        assert.deepStrictEqual(Array.from(gramRange(ga, gb, Gram[name])), [Math.min(...shares), Math.max(...shares)], name);
      }
      const dice = ga.charCount + gb.charCount === 0 ? 0 : (2 * naivePrecision(part(ga, ga.charAt, ga.charCount), part(gb, gb.charAt, gb.charCount)) * ga.charCount) / (ga.charCount + gb.charCount);
      assert.ok(Math.abs(charDice(ga, gb) - dice) < 1e-12);
      assert.strictEqual(ga.charCount, Math.max(0, sa.words.join(' ').length - 2));
    }
  });
});

describe('quoted share of a sentence', () => {
  const withQuotes = (text: string) => {
    const sentences = splitSentences(text);
    return articleFeatures(text, sentences, findQuotes(text, sentences));
  };

  it('counts the words inside quotes, nested ones too, and none between or after them', () => {
    const f = withQuotes('Anna said "we will stay and \'fight\' here" and then Ben said "go home" before lunch.');
    // 16 words; quoted: "we will stay and fight here" (with 'fight' quoted inside) and "go home": 8.
    assert.strictEqual(f.sents.length, 1);
    assert.strictEqual(f.quotes.length, 3);
    assert.strictEqual(f.sents[0].quotedShare, 8 / 16);
  });

  it('is the share a word-by-word look-up over every quote gives, in a run-on sentence of over a thousand quotes', () => {
    const parts: string[] = [];
    for (let i = 0; i < 1200; i++) parts.push(i % 7 === 3 ? `and ${i % 5} more` : `she said "word${i % 13} and 'this${i % 3}' here" then`);
    const text = parts.join(' ') + '.';
    const sentences = splitSentences(text);
    const quotes = findQuotes(text, sentences);
    const f = articleFeatures(text, sentences, quotes);
    let quoted = 0;
    let words = 0;
    for (const s of f.sents) {
      words += s.words.length;
      s.wordStarts.forEach((start, i) => {
        if (quotes.some((q) => q.inner.start <= start && s.wordEnds[i] <= q.inner.end)) quoted++;
      });
    }
    const total = f.sents.reduce((n, s) => n + s.quotedShare * s.words.length, 0);
    assert.ok(quotes.length > 1000);
    assert.strictEqual(Math.round(total), quoted);
    assert.ok(quoted > 0 && quoted < words);
  });
});

import * as assert from 'assert';
import { WordSpans, eachSpelling, tokenize } from '../../src/core/text/tokens';
import { FNV_OFFSET, fnv1aUpdate } from '../../src/core/hash';
import { prng } from '../../bench/prng';

/** The regular expression the word scanner replaces: its words are the reference. */
const WORD = /[\p{L}\p{N}]+(?:(?:['’‘-]|[.,](?=\p{N}))[\p{L}\p{N}]+)*/gu;

function regexWords(text: string, from: number, to: number): [number, number, string][] {
  const out: [number, number, string][] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m !== null && m.index < to; m = WORD.exec(text)) {
    const end = Math.min(m.index + m[0].length, to);
    out.push([m.index, end, text.slice(m.index, end)]);
  }
  return out;
}

function scannedWords(text: string, from: number, to: number): [number, number, string][] {
  const out: [number, number, string][] = [];
  eachSpelling(text, from, to, (start, end, spelling) => out.push([start, end, spelling]));
  return out;
}

/**
 * Pieces of text for the property test: letters and digits of every kind (accented, CJK, Arabic
 * digits, ½, Roman numerals, astral letters and digits), combining marks, the joiners with and
 * without a word after them, emoji, lone surrogates, the replacement character, spaces.
 */
const PIECES = [
  'a', 'Z', 'é', 'ß', '中', 'и', '7', '٣', '½', 'Ⅻ', '²', '\u{1D400}', '\u{1D7CF}', '\u{20000}', '\u0301', "'", '’', '‘', '-', '.', ',',
  '😀', '\uD800', '\uDC00', '\uFFFD', ' ', '\n', '"', '—', '_', 'word', '3.5', '1,000', "it's", 'mid-year',
];

describe('word scanner (tokens)', () => {
  it('reads the words the regular expression reads, from and to any offset, surrogates and joiners included', () => {
    const random = prng(8);
    for (let round = 0; round < 3000; round++) {
      let text = '';
      const length = 1 + Math.floor(random() * 14);
      for (let k = 0; k < length; k++) text += PIECES[Math.floor(random() * PIECES.length)];
      const from = Math.floor(random() * (text.length + 1));
      const to = from + Math.floor(random() * (text.length - from + 1));
      assert.deepStrictEqual(scannedWords(text, from, to), regexWords(text, from, to), JSON.stringify({ text, from, to }));
      // Each word's hash, read while scanning, is FNV-1a of its units (what the spelling table would compute).
      const words = new WordSpans().reset(text, from, to);
      while (words.next()) assert.strictEqual(words.hash, fnv1aUpdate(FNV_OFFSET, text.slice(words.start, words.end)), JSON.stringify({ text, from, to }));
    }
  });

  it('splits numbers, apostrophes and hyphens as words and cuts a word at the end of the slice', () => {
    const text = "Rutte's mid-year plan: 3.5% of 1,000 — 'quoted' words. End";
    assert.deepStrictEqual(tokenize(text).map((t) => text.slice(t.start, t.end)),
      ["Rutte's", 'mid-year', 'plan', '3.5', 'of', '1,000', 'quoted', 'words', 'End']);
    assert.deepStrictEqual(scannedWords(text, 0, 10), [[0, 7, "Rutte's"], [8, 10, 'mi']]);
    assert.deepStrictEqual(scannedWords('a \u{1D400}b', 3, 5), [[2, 5, '\u{1D400}b']], 'a start inside a surrogate pair reads the pair');
  });
});

import * as assert from 'assert';
import { foldText, foldWord } from '../../src/core/text/normalize';
import { tokenize } from '../../src/core/text/tokens';

describe('foldWord / foldText', () => {
  it('folds case, apostrophes and diacritics', () => {
    assert.strictEqual(foldWord('Ukraine’s'), "ukraine's");
    assert.strictEqual(foldWord('Zürich'), 'zurich');
    assert.strictEqual(foldWord('NATO'), 'nato');
  });

  it('folds short ASCII words by case only, and backticks, hyphens and diacritics still by their rules', () => {
    assert.strictEqual(foldWord('ABC'), 'abc');
    assert.strictEqual(foldWord('x1'), 'x1');
    assert.strictEqual(foldWord('a`b'), "a'b");
    assert.strictEqual(foldWord('A-B'), 'a-b');
    assert.strictEqual(foldWord('\u00c9t\u00e9'), 'ete');
    assert.strictEqual(foldWord('Grey'), 'gray');
    assert.strictEqual(foldWord('Itemise'), 'itemize');
    assert.strictEqual(foldWord('Arise'), 'arise');
  });

  it('folds apostrophes and diacritics as the plain path does, ASCII words skipping it (property over mixed characters)', () => {
    const plain = (word: string): string => {
      let w = word.toLowerCase().replace(/[\u2018\u2019\u201B\u2032\u02BC`´]/g, "'");
      if (/[^\x20-\x7e]/.test(w)) w = w.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      return w;
    };
    // Letters that spell no British word (no table entry, no -our, no -ise): the fold is then the plain path's.
    const chars = ['a', 'B', 'e', 'Z', '1', "'", '`', '´', '’', '‘', 'é', 'Ü', '\u212a', 'İ', '\u0301', 'ß', 'x'];
    let seed = 11;
    for (let k = 0; k < 3000; k++) {
      let word = '';
      for (let n = 1 + (k % 9); n > 0; n--) word += chars[(seed = (seed * 1103515245 + 12345) % 2147483648) % chars.length];
      assert.strictEqual(foldWord(word), plain(word), word);
    }
    assert.strictEqual(foldWord('K\u212aAB'), 'kkab');
  });

  it('folds British spelling to American', () => {
    for (const [gb, us] of [['defence', 'defense'], ['Organise', 'organize'], ['organisation', 'organization'], ['colour', 'color'],
      ['favourable', 'favorable'], ['centre', 'center'], ['sombre', 'somber'], ['programme', 'program'], ['travelled', 'traveled'],
      ['defences', 'defenses'], ['licences', 'licenses'], ['600-metre', '600-meter'], ['air-defence', 'air-defense']]) {
      assert.strictEqual(foldWord(gb), us, gb);
    }
  });

  it('leaves words that only look British alone', () => {
    for (const w of ['rise', 'wise', 'premise', 'our', 'four', 'tour', 'hour', 'poured', 'exercise']) {
      assert.strictEqual(foldWord(w), w);
    }
  });

  it('folds quote marks, dashes and spaces in running text', () => {
    assert.strictEqual(foldText('“Air  defence” — the ″priority″'), '"air defense" - the "priority"');
  });
});

describe('tokenize', () => {
  it('returns words with offsets and folded keys', () => {
    const text = 'Rutte’s air-defence plan: 3.5 billion, 1,000 troops.';
    const tokens = tokenize(text);
    assert.deepStrictEqual(tokens.map((t) => text.slice(t.start, t.end)), ['Rutte’s', 'air-defence', 'plan', '3.5', 'billion', '1,000', 'troops']);
    assert.deepStrictEqual(tokens.map((t) => t.norm), ["rutte's", 'air-defense', 'plan', '3.5', 'billion', '1,000', 'troops']);
  });

  it('tokenizes a slice without losing offsets', () => {
    const text = 'one two three four';
    assert.deepStrictEqual(tokenize(text, 4, 13).map((t) => [t.start, t.end]), [[4, 7], [8, 13]]);
  });
});

import * as assert from 'assert';
import fc from 'fast-check';
import { analyzeBundle } from '../../src/core/analyze';
import { parseBundle } from '../../src/core/bundle/parseBundle';

/**
 * Any word of any text is a key somewhere in the engine: a plain object indexed by a word answers
 * "constructor" with a function. Words drawn from every Object.prototype name (and their folded
 * and capitalised forms), with numbers, emoji, combining marks, RTL text and lone surrogates,
 * go through parse and analyze: nothing throws.
 */
const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);
const TRAPS = [...PROTO_NAMES, '__proto__', 'prototype', 'constructor', '__defineGetter__', 'length', 'then'];
const VOCABULARY = [
  ...TRAPS,
  ...TRAPS.map((w) => w.toLowerCase()),
  ...TRAPS.map((w) => w.charAt(0).toUpperCase() + w.slice(1)),
  ...TRAPS.map((w) => `${w}'s`),
  ...TRAPS.map((w) => `${w}s`),
  ...TRAPS.map((w) => `re-${w}`),
  '0', '1', '27', '3.5', '1,000', '-1', 'NaN', 'Infinity', '1e309',
  '😀', '👩‍👩‍👧', '🇺🇦', 'e\u0301', 'a\u0300\u0301\u0302', '\u0301', 'שלום', 'مرحبا', '\u202Eevil\u202C', '\u200F',
  '\uD800', '\uDC00', 'x\uD83Dy', 'said', 'told', 'the', 'Mr', 'President', 'Zelensky', 'build', 'it',
];
const PUNCT = [' ', ' ', ' ', '. ', ', ', '"', '“', '”', '\'', ' — ', '\n', '\n\n', '? ', ': ', '(', ')'];

const sentence = fc.array(fc.tuple(fc.constantFrom(...VOCABULARY), fc.constantFrom(...PUNCT)), { minLength: 1, maxLength: 25 })
  .map((parts) => parts.map(([w, p]) => w + p).join(''));
const article = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((s) => s.join(' '));
const header = fc.constantFrom(...VOCABULARY).map((w) => `<<<FILE ${w}>>>`);
const bundle = fc.array(fc.tuple(header, article), { minLength: 1, maxLength: 5 })
  .map((arts) => arts.map(([h, a]) => `${h}\n${a}\n`).join(''));

describe('text-derived keys (Object.prototype names, __proto__, odd Unicode)', () => {
  it('the word "constructor" in two articles is analysed (the reported crash)', () => {
    const text = '<<<FILE a>>>\nThe constructor said "we will build it".\n<<<FILE b>>>\nThe constructor said "we will build it".\n';
    const articles = parseBundle(text).articles.map((a) => ({ name: a.name, text: a.text }));
    const analysis = analyzeBundle(articles);
    assert.ok(analysis.matches.some((m) => m.kind === 'verbatim'), 'the two copies share their sentence');
  });

  it('every Object.prototype name, alone and in a quote, as an article of its own', () => {
    const articles = VOCABULARY.map((w, k) => ({ name: w, text: `${w} said "${w} ${w} ${w}". The ${w} ${k} was ${w}.` }));
    const analysis = analyzeBundle(articles);
    assert.strictEqual(analysis.articles.length, VOCABULARY.length);
  });

  it('random bundles over that vocabulary never throw in parse or analyze', () => {
    fc.assert(
      fc.property(bundle, (text) => {
        const parsed = parseBundle(text);
        const articles = parsed.articles.map((a) => ({ name: a.name, text: a.text }));
        const analysis = analyzeBundle(articles);
        assert.strictEqual(analysis.articles.length, articles.length);
      }),
      { seed: 8, numRuns: 300 },
    );
  });
});

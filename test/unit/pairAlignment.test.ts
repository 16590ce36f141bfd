import * as assert from 'assert';
import fc from 'fast-check';
import { articleFeatures } from '../../src/core/match/articleFeatures';
import type { SentenceFeatures } from '../../src/core/match/articleFeatures';
import { alignGrams, missingNamesOf } from '../../src/core/match/pairAlignment';
import type { AlignmentEvidence, NameGaps } from '../../src/core/match/pairAlignment';
import { Gram, gramRange, sentenceGrams } from '../../src/core/match/sentenceGrams';

const features = (s: string): SentenceFeatures => articleFeatures(s, [{ start: 0, end: s.length, paragraph: 0 }], []).sents[0];
/** The alignment the scorer runs (pairEvidence), from the two sentences' grams. */
/** Copied out: the engine reuses its answer's object from pair to pair. */
const alignWords = (a: SentenceFeatures, b: SentenceFeatures): AlignmentEvidence => ({ ...alignGrams(sentenceGrams(a), sentenceGrams(b)) });
const missingNames = (a: SentenceFeatures, b: SentenceFeatures): NameGaps => ({ ...missingNamesOf(a, b, sentenceGrams(a), sentenceGrams(b)) });
/** The two bigram features as pairEvidence reads them: the larger precision, in place in the grams. */
function bigramShapes(a: SentenceFeatures, b: SentenceFeatures): { keyBigramMax: number; maskedBigramMax: number } {
  const ga = sentenceGrams(a);
  const gb = sentenceGrams(b);
  return { keyBigramMax: gramRange(ga, gb, Gram.keyBigrams)[1], maskedBigramMax: gramRange(ga, gb, Gram.maskedBigrams)[1] };
}

describe('pairAlignment: word alignment of a sentence pair', () => {
  it('pairs every word of a sentence with itself, and leaves nothing unpaired', () => {
    const s = features('The central bank raised interest rates on Tuesday.');
    const e = alignWords(s, features('The central bank raised interest rates on Tuesday.'));
    assert.strictEqual(e.pairedMin, 1);
    assert.strictEqual(e.unpairedMax, 0);
    assert.strictEqual(e.unpairedOtherLonger, 0);
  });

  it('pairs inflections, synonyms, compounds and one-letter spelling changes', () => {
    const e = alignWords(
      features('Officials said the caretaker Jorge Manzon purchased a cross-section of tickets midyear.'),
      features('Officials say the caretaker Jorge Monzon bought a cross section of tickets mid-year.')
    );
    assert.strictEqual(e.pairedMin, 1, 'say/said, Manzon/Monzon, purchased/bought, cross-section/cross section, midyear/mid-year');
    assert.strictEqual(e.unpairedMax, 0);
  });

  it('pairs words one letter apart at their first letter, and no word of another start and length', () => {
    // Lanzon/Manzon: one letter changed, the first; Kanzo/Manzoni: two letters apart, unpaired.
    const first = alignWords(features('Officials named the caretaker Lanzon today.'), features('Officials named the caretaker Manzon today.'));
    assert.strictEqual(first.pairedMin, 1);
    const apart = alignWords(features('Officials named the caretaker Kanzo today.'), features('Officials named the caretaker Manzoni today.'));
    assert.ok(apart.pairedMin < 1);
    assert.strictEqual(apart.unpairedMax, Math.log1p(1));
  });

  it('pairs any word with one letter changed, added or dropped at its start, of any last letter (property: the quick shape test lets them through)', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyzéø';
    const word = fc.string({ unit: fc.constantFrom(...letters), minLength: 6, maxLength: 10 });
    fc.assert(
      fc.property(word, fc.constantFrom(...letters), fc.integer({ min: 0, max: 2 }), (w, c, edit) => {
        // Changed, added or dropped: the rest of the word (so its last letter) stays.
        const other = edit === 0 ? c + w.slice(1) : edit === 1 ? c + w : w.slice(1);
        const sentence = (x: string): SentenceFeatures => features(`Officials named the caretaker ${x} today.`);
        assert.strictEqual(alignWords(sentence(w), sentence(other)).pairedMin, 1, `${w} / ${other}`);
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it('counts what one side adds, and a reporting verb apart', () => {
    const short = features('The deal will close in the first quarter.');
    const said = alignWords(short, features('The deal will close in the first quarter, Sovereign said.'));
    const added = alignWords(short, features('The deal will close in the first quarter, subject to regulatory approval.'));
    // "Sovereign" is a name: it counts as unpaired; "said" is counted apart.
    assert.strictEqual(said.unpairedMax, Math.log1p(1));
    assert.strictEqual(said.unpairedOtherLonger, 0);
    assert.strictEqual(said.reportingUnpaired, 1);
    assert.strictEqual(added.reportingUnpaired, 0);
    // subject, regulatory, approval: three plain content words.
    assert.strictEqual(added.unpairedMax, Math.log1p(3));
    assert.strictEqual(added.unpairedOtherLonger, Math.log1p(3));
    assert.ok(added.pairedMin < 1 && added.pairedMin > 0.5);
  });

  it('pairs a repeated word only as often as the other side has it', () => {
    const e = alignWords(features('Police police police.'), features('Police arrived.'));
    assert.ok(Math.abs(e.pairedMin - 1 / 3) < 1e-9, String(e.pairedMin));
  });

  it('is symmetric and stays in range on random sentences (property)', () => {
    const vocab = fc.constantFrom('the', 'bank', 'banks', 'Paris', 'said', 'bought', 'purchased', '12', 'twelve', 'not', 'mid-year', 'midyear', 'of', 'rates');
    const sentence = fc.array(vocab, { minLength: 0, maxLength: 14 }).map((ws) => ws.join(' '));
    fc.assert(fc.property(sentence, sentence, (x, y) => {
      const a = features(x || 'x');
      const b = features(y || 'y');
      const ab = alignWords(a, b);
      const ba = alignWords(b, a);
      assert.ok(ab.pairedMin >= 0 && ab.pairedMin <= 1);
      assert.ok(Math.abs(ab.pairedMin - ba.pairedMin) < 1e-9, `${x} | ${y}`);
      assert.ok(Math.abs(ab.unpairedMax - ba.unpairedMax) < 1e-9, `${x} | ${y}`);
    }));
  });
});

describe('pairAlignment: bigram shapes and names', () => {
  it('compares the order of content words, and sentence shapes with numbers masked', () => {
    const s = bigramShapes(features('Shares of Oracle rose 14 cents to $13.62.'), features('Shares of Oracle rose 12 cents to $13.60 in late trading.'));
    // Every bigram of the first, numbers masked, is in the second; with the numbers, not.
    assert.strictEqual(s.maskedBigramMax, 1);
    assert.strictEqual(s.keyBigramMax, 0.4, 'share-oracle and oracle-rise of the five key bigrams of the first');
  });

  it('counts the names each side lacks, for the longer and the shorter sentence', () => {
    const n = missingNames(features('Prince is replacing Sanford Weill as chief executive.'), features('Prince, who heads Citigroup\'s investment bank, is replacing Weill.'));
    // Longer (by words): the second; it names Citigroup, which the first lacks. The first names Sanford.
    assert.strictEqual(n.longer, Math.log1p(1));
    assert.strictEqual(n.shorter, Math.log1p(1));
    assert.deepStrictEqual(missingNames(features('Rates rose.'), features('Rates rose again.')), { longer: 0, shorter: 0, mismatch: 0 });
    assert.strictEqual(n.mismatch, 2 / 4, 'Sanford and Citigroup lacked, of Sanford, Weill and Citigroup, Weill (an opening word is no name)');
  });
});

import * as assert from 'assert';
import fc from 'fast-check';
import { numberMentions, opensNumber, sameQuantity, wordValue } from '../../src/core/match/numbers';
import { meaningsOf } from '../../src/core/match/synonyms';
import { wordKey } from '../../src/core/match/lexicon';
import { STOPWORDS } from '../../src/core/text/tokens';
import { scoreSentences } from '../../src/core/match/sentenceScore';
import { articleFeatures } from '../../src/core/match/articleFeatures';
import type { SentenceFeatures } from '../../src/core/match/articleFeatures';
import { tokenize } from '../../src/core/text/tokens';

const words = (s: string): string[] => tokenize(s).map((t) => t.norm);

/** The value numberMentions finds for a whole phrase ("a dozen", "ten years"), or null when the phrase is not one number. */
function numberValue(ws: readonly string[]): number | null {
  const rest = ws[0] === 'a' || ws[0] === 'an' ? ws.slice(1) : ws;
  const found = numberMentions(rest);
  if (found.length !== 1 || found[0].start !== 0) return null;
  const { end, unit, value } = found[0];
  return end === rest.length || (unit !== null && end + 1 === rest.length) ? value : null;
}

/** Whether the alignment can pair two content words by meaning: the same key (stem or news group), else a shared WordNet sense (its sense stage). */
function sameMeaning(a: string, b: string): boolean {
  if (a === b) return true;
  if (STOPWORDS.has(a) || STOPWORDS.has(b)) return false;
  if (wordKey(a) === wordKey(b)) return true;
  const mb = meaningsOf(b);
  return meaningsOf(a).some((s) => mb.includes(s));
}

describe('numbers in words or digits', () => {
  it('reads digits, number words, dozens, scales and hyphenated tens', () => {
    const cases: [string, number][] = [
      ['twelve', 12], ['a dozen', 12], ['12', 12], ['twenty-five', 25], ['twenty five', 25], ['1,000', 1000],
      ['3.5 million', 3.5e6], ['two hundred', 200], ['a decade', 10], ['ten years', 10], ['two decades', 20],
    ];
    for (const [text, value] of cases) assert.strictEqual(numberValue(words(text)), value, text);
    for (const text of ['hello', 'the year', 'twelve angry men', '']) assert.strictEqual(numberValue(words(text)), null, text);
  });

  it('compares quantities by value and by unit when both say one', () => {
    const [decade] = numberMentions(words('for a decade now'));
    const [tenYears] = numberMentions(words('for ten years now'));
    const [tenDays] = numberMentions(words('ten days'));
    assert.ok(sameQuantity(decade, tenYears));
    assert.ok(!sameQuantity(decade, tenDays));
    assert.ok(sameQuantity(numberMentions(words('twelve'))[0], numberMentions(words('12 of them'))[0]));
  });

  it('never throws and returns spans inside the words (property over random word lists)', () => {
    const vocab = fc.constantFrom('a', 'dozen', 'twelve', '12', 'decade', 'decades', 'million', 'm', 'twenty', 'five', 'years', 'x', '1,000', '3.5', 'half');
    fc.assert(fc.property(fc.array(vocab, { maxLength: 12 }), (ws) => {
      for (const m of numberMentions(ws)) assert.ok(m.start >= 0 && m.start < m.end && m.end <= ws.length && Number.isFinite(m.value));
    }));
  });

  it('starts every mention at a word that opens a number, so words of which none does state none', () => {
    const vocab = fc.constantFrom('a', 'dozen', 'twelve', '12', 'decade', 'centuries', 'million', 'm', 'twenty-five', 'five', 'years', 'x', '1,000', '3.5', 'half', 'hundred', 'the');
    fc.assert(fc.property(fc.array(vocab, { maxLength: 12 }), (ws) => {
      const found = numberMentions(ws);
      for (const m of found) assert.ok(opensNumber(ws[m.start]), ws[m.start]);
      if (!ws.some(opensNumber)) assert.strictEqual(found.length, 0);
    }));
    assert.deepStrictEqual(['million', 'years', 'hundred', 'the', 'm'].map(opensNumber), [false, false, false, false, false]);
    assert.deepStrictEqual(['twelve', '12', 'decade', 'twenty-five', '1,000'].map(opensNumber), [true, true, true, true, true]);
  });
});

describe('numbers: words passed over by their first letter', () => {
  it('says a word opens a number exactly when it is a span or has a value, whatever its first character', () => {
    const spans = ['decade', 'decades', 'century', 'centuries'];
    const firsts = ['', 'a', 'b', 'c', 'd', 'e', 'f', 'h', 'n', 'o', 's', 't', 'z', 'T', 'é', '0', '9', '-', '\u{1F600}'];
    const rests = ['', 'ero', 'ne', 'wenty', 'wenty-five', 'ozen', 'ecade', 'entury', 'alf', 'ouple', 'ifty-one', '1', ',000', '.5', 'th', 'x'];
    for (const f of firsts) {
      for (const r of rests) {
        const w = f + r;
        assert.strictEqual(opensNumber(w), spans.includes(w) || wordValue(w) !== null, w);
        if (!opensNumber(w)) assert.deepStrictEqual(numberMentions([w, 'years']), [], w);
      }
    }
    assert.deepStrictEqual(numberMentions(['the', 'two', 'decades', 'and', '3', 'million', 'of', 'twenty-one', 'years']).map((m) => [m.value, m.start, m.end, m.unit]),
      [[20, 1, 3, 'year'], [3e6, 4, 6, null], [21, 7, 8, 'year']]);
  });
});

describe('synonyms (WordNet-derived table and the news table)', () => {
  it('lets a reworded quotation meet its original word for word', () => {
    // "we will not be rushed into a deal" / "nobody is going to hurry us into an agreement"
    assert.ok(sameMeaning('rushed', 'hurry'));
    assert.ok(sameMeaning('deal', 'agreement'));
    for (const [a, b] of [['bought', 'purchased'], ['big', 'large'], ['car', 'automobile'], ['begin', 'start'], ['cut', 'reduce']]) {
      assert.ok(sameMeaning(a, b), `${a} / ${b}`);
    }
  });

  it('keeps opposites, unrelated words and function words apart, and survives any word', () => {
    for (const [a, b] of [['war', 'peace'], ['increase', 'decrease'], ['bank', 'river'], ['the', 'a'], ['constructor', '__proto__']]) {
      assert.ok(!sameMeaning(a, b), `${a} / ${b}`);
    }
    assert.deepStrictEqual(meaningsOf('hasOwnProperty'), []);
    assert.strictEqual(wordKey('talks'), wordKey('negotiations'));
  });
});

describe('one kind per sentence pair', () => {
  const features = (s: string): SentenceFeatures => articleFeatures(s, [{ start: 0, end: s.length, paragraph: 0 }], []).sents[0];
  const weight = () => 1;
  const options = { minSharedWords: 6, paraphraseThreshold: 0.5 };

  it('calls a copy verbatim, and a sentence carried whole inside another verbatim', () => {
    const s = 'The mayor asked the government for emergency funding on Tuesday.';
    assert.strictEqual(scoreSentences(features(s), features(s), weight, options).kind, 'verbatim');
    const inside = scoreSentences(features('The mayor asked the government for emergency funding.'), features(`A reporter wrote that the mayor asked the government for emergency funding.`), weight, options);
    assert.strictEqual(inside.kind, 'verbatim');
  });

  it('does not call a heavily edited pair verbatim because it shares one six-word run', () => {
    const a = features('Officials in the port city said on Monday that the harbor wall had collapsed after the storm, flooding the old town.');
    const b = features('According to a fisherman who lost two boats, the harbor wall had collapsed after midnight.');
    const s = scoreSentences(a, b, weight, options);
    assert.ok(s.runs.length > 0, 'the run is still found, to be shown inside the pair');
    assert.notStrictEqual(s.kind, 'verbatim');
    assert.strictEqual(s.kind !== null, s.score >= options.paraphraseThreshold);
  });
});

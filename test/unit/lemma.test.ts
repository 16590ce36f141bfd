import * as assert from 'assert';
import fc from 'fast-check';
import { endsWithDoubledConsonant, isOwnLemma, lemma, stripInflection, stripPlural } from '../../src/core/text/lemma';
import { contentKey, isReportingWord, stemWord, wordKey } from '../../src/core/match/lexicon';
import { stem } from '../../src/core/match/quoteGroups';

describe('lemma', () => {
  it('undoes irregular verb forms with compromise\'s lexicon', () => {
    const cases: [string, string][] = [
      ['went', 'go'], ['gone', 'go'], ['spoke', 'speak'], ['spoken', 'speak'], ['said', 'say'], ['told', 'tell'],
      ['began', 'begin'], ['seen', 'see'], ['led', 'lead'], ['known', 'know'], ['was', 'be'], ['says', 'say'],
    ];
    for (const [word, base] of cases) {
      assert.strictEqual(lemma(word), base, word);
    }
  });

  it('undoes regular inflections compromise knows, e restored', () => {
    assert.strictEqual(lemma('vowed'), 'vow');
    assert.strictEqual(lemma('promised'), 'promise');
    assert.strictEqual(lemma('running'), 'run');
    assert.strictEqual(lemma('negotiating'), 'negotiate');
    assert.strictEqual(lemma('stronger'), 'strong');
    assert.strictEqual(lemma('better'), 'good');
    assert.strictEqual(lemma('best'), 'good');
    assert.strictEqual(lemma('honest'), 'honest');
    assert.strictEqual(lemma('modest'), 'modest');
  });

  it('singularizes plurals, irregular ones included', () => {
    const cases: [string, string][] = [['children', 'child'], ['people', 'person'], ['women', 'woman'], ['mice', 'mouse'], ['talks', 'talk'], ['criteria', 'criterion']];
    for (const [word, base] of cases) {
      assert.strictEqual(lemma(word), base, word);
    }
  });

  it('strips the endings of words compromise does not know', () => {
    assert.strictEqual(lemma('outperformed'), 'outperform');
    assert.strictEqual(lemma('outperforming'), 'outperform');
    assert.strictEqual(lemma('negotiations'), 'negotiation');
    assert.strictEqual(lemma('countries'), 'country');
    assert.strictEqual(stripInflection('stopped'), 'stop');
    assert.strictEqual(stripInflection('pledges'), 'pledge');
    assert.strictEqual(stripInflection('crisis'), 'crisis');
    assert.strictEqual(stripInflection('bus'), 'bus');
  });

  it('strips endings as the regular expressions they replace did (property over words of a few letters)', () => {
    const plural = (w: string): string => {
      if (w.length <= 3) return w;
      if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
      if (/(?:ss|us|is)$/.test(w)) return w;
      if (/(?:sh|ch|x|z|ss)es$/.test(w)) return w.slice(0, -2);
      return w.endsWith('s') ? w.slice(0, -1) : w;
    };
    const inflection = (w: string): string => {
      if (w.length <= 3) return w;
      const singular = plural(w);
      if (singular !== w || w.endsWith('s')) return singular;
      for (const suffix of ['ing', 'ed']) {
        const base = w.slice(0, -suffix.length);
        if (w.endsWith(suffix) && base.length >= 3 && /[aeiouy]/.test(base)) return base.length > 3 && /([bdgklmnprt])\1$/.test(base) ? base.slice(0, -1) : base;
      }
      return w;
    };
    const word = fc.array(fc.constantFrom('a', 'e', 'i', 'u', 's', 'h', 'c', 'x', 'z', 'd', 'n', 'g', 't', 'p', 'y'), { maxLength: 9 }).map((cs) => cs.join(''));
    fc.assert(fc.property(word, (w) => stripPlural(w) === plural(w) && stripInflection(w) === inflection(w)), { numRuns: 3000 });
    for (const w of ['buses', 'crashes', 'churches', 'boxes', 'quizzes', 'classes', 'crisis', 'campus', 'seeing', 'stopped', 'bed']) {
      assert.strictEqual(stripInflection(w), inflection(w), w);
    }
  });

  it('stems as the regular expressions it replaced did (property over words of a few letters)', () => {
    const derivations = ['ions', 'ion', 'ments', 'ment', 'ingly', 'ings', 'ing', 'edly', 'ed', 'ly', 'ness', 'ive', 'al'];
    const stemmed = (word: string): string => {
      if (!/[a-z]/.test(word) && (word.length === 0 || !word.endsWith("'"))) return word;
      let w = lemma(word);
      if (w.length <= 3 || /\d/.test(w)) return w;
      w = stripPlural(w);
      const suffix = derivations.find((x) => w.endsWith(x) && w.length - x.length >= 4);
      if (suffix !== undefined) w = w.slice(0, -suffix.length);
      if (w.length > 4 && /([bdgklmnprt])\1$/.test(w)) w = w.slice(0, -1);
      if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
      if (w.length >= 6 && /[^aeiou]y$/.test(w)) w = w.slice(0, -1);
      if (w.length >= 7 && w.startsWith('un')) w = w.slice(2);
      return w;
    };
    const word = fc.array(fc.constantFrom('a', 'e', 'o', 'u', 'y', 'n', 'l', 'p', 't', 's', 'd', 'i', 'g', '1', "'"), { minLength: 3, maxLength: 11 }).map((cs) => cs.join(''));
    fc.assert(fc.property(word, (w) => stemWord(w) === stemmed(w)), { numRuns: 2000 });
    for (const w of ['planned', 'stopped', 'stormy', 'unprotected', 'tally', 'employ', 'deploy', 'a1lly', 'controlling', 'ally']) {
      assert.strictEqual(stemWord(w), stemmed(w), w);
    }
  });

  it('keeps names, function words and base forms as they are', () => {
    for (const word of ['john', 'ukraine', 'rutte', 'zelensky', 'paris', 'james', 'the', 'go', 'meet', 'news', 'thing']) {
      assert.strictEqual(lemma(word), word, word);
    }
  });

  it('reads the last part of a hyphenated word and drops a possessive', () => {
    assert.strictEqual(lemma('well-prepared'), 'well-prepare');
    assert.strictEqual(lemma("children's"), 'child');
    assert.strictEqual(lemma("leaders'"), 'leader');
  });

  it('gives the same answer twice and never throws (property over random strings)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 20 }), (s) => {
      const w = s.toLowerCase();
      const a = lemma(w);
      assert.strictEqual(typeof a, 'string');
      assert.strictEqual(lemma(w), a);
    }));
    for (const word of ['constructor', '__proto__', 'hasownproperty', 'tostring', '', "'", '-', 'a-', '-s']) {
      assert.strictEqual(typeof lemma(word), 'string', word);
    }
  });

  it('answers words that are their own lemma without the lexicon, and only those', () => {
    for (const w of ['', 'a', 'of', 'hq', '4th', '1990s', 'caf\u00e9', '\u0436\u0436\u0436', 'x_y']) {
      assert.ok(isOwnLemma(w), w);
      assert.strictEqual(lemma(w), w);
    }
    // Apostrophes and hyphens are cut at; three or more letters a–z go to the lexicon.
    for (const w of ["x'", "ab's", 'a-b', '-', 'went', 'talks']) assert.ok(!isOwnLemma(w), w);
    assert.strictEqual(lemma("\u0436'"), '\u0436');
    assert.strictEqual(lemma("4th's"), '4th');
  });

  it('stems words without letters a–z as they are, but still drops a final apostrophe', () => {
    for (const w of ['', '1990', '\u0436\u0436\u0436\u0436\u0436', '\u4e2d\u6587', '12-34', "\u0436'-\u0436"]) assert.strictEqual(stemWord(w), w);
    assert.strictEqual(stemWord("\u0436\u0436\u0436'"), '\u0436\u0436\u0436');
    assert.strictEqual(stemWord('\u0436\u0436\u0436\u0436s'), '\u0436\u0436\u0436\u0436');
  });

  it('lets the stemmer meet irregular forms and their base', () => {
    assert.strictEqual(stemWord('went'), stemWord('go'));
    assert.strictEqual(stemWord('spoke'), stemWord('speaking'));
    assert.strictEqual(stemWord('children'), stemWord('child'));
    assert.strictEqual(stemWord('vowed'), stemWord('vows'));
  });
});

describe('one lexicon for paraphrases and quotes', () => {
  it('gives quote grouping the keys paraphrase scoring uses', () => {
    assert.strictEqual(stem('negotiations'), contentKey('talks'));
    assert.strictEqual(stem('make_sure'), stem('ensured'));
    assert.strictEqual(stem('began'), stem('start'));
    assert.strictEqual(stem('easier'), stem('simple'));
    assert.strictEqual(wordKey('the'), 'the');
    assert.strictEqual(contentKey('the'), null);
  });

  it('knows reporting verbs in every form, and "according" is not a deal', () => {
    for (const word of ['said', 'says', 'told', 'wrote', 'written', 'concluded', 'stressed', 'added', 'according', 'explained']) {
      assert.ok(isReportingWord(word), word);
    }
    for (const word of ['agreement', 'deal', 'accord', 'vowed', 'talks']) {
      assert.ok(!isReportingWord(word), word);
    }
  });
});

describe('endsWithDoubledConsonant', () => {
  it('tells what /([bdgklmnprt])\\1$/ tells', () => {
    for (const w of ['stopp', 'plann', 'bell', 'buzz', 'see', 'tt', 't', '', 'abc', 'kiss', 'add', 'ebb', 'err']) {
      assert.strictEqual(endsWithDoubledConsonant(w), /([bdgklmnprt])\1$/.test(w), w);
    }
  });
});

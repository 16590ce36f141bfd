import * as assert from 'assert';
import * as fc from 'fast-check';
import { prng } from '../../bench/prng';
import { continueGrouping, groupQuotes, newQuoteGrouping, quoteRelation, relationBetween, stem } from '../../src/core/match/quoteGroups';
import { readArticleQuotes } from '../../src/core/match/quoteWording';
import type { QuoteInfo } from '../../src/core/match/quoteWording';
import { withOriginal } from '../../src/core/match/originalWording';
import { articleFeatures } from '../../src/core/match/articleFeatures';
import { makeEditorBundle } from '../../bench/editorBench';
import { parseBundle } from '../../src/core/bundle/parseBundle';
import { findQuotes } from '../../src/core/text/quotes';
import { splitSentences } from '../../src/core/text/sentences';
import { stopAfterEveryUnit } from './everyUnit';
import type { QuoteSource } from '../../src/core/match/quoteGroups';
import type { Quote, QuoteGroup } from '../../src/core/model';
import { speakerKey } from '../../src/core/text/names';

/** An article made of sentences; a sentence may hold one quote, written “like this”. */
function article(sentences: readonly { before?: string; quote?: string; after?: string; speaker?: string | null }[]): QuoteSource {
  let text = '';
  const quotes: Quote[] = [];
  const spans = [];
  for (const s of sentences) {
    const start = text.length;
    text += s.before ?? '';
    if (s.quote !== undefined) {
      const q = text.length;
      text += `“${s.quote}”`;
      const speaker = s.speaker ?? null;
      quotes.push({ start: q, end: text.length, inner: { start: q + 1, end: text.length - 1 }, text: s.quote, speaker, speakerKey: speakerKey(speaker), cue: speaker === null ? null : 'said' });
    }
    text += s.after ?? '';
    spans.push({ start, end: text.length, paragraph: spans.length });
    text += ' ';
  }
  return { text, sentences: spans, quotes };
}

const shape = (groups: readonly QuoteGroup[]): string[][] => groups.map((g) => g.occurrences.map((o) => `${o.article}:${o.quote}:${o.relation}`));

describe('groupQuotes', () => {
  it('groups the same words across sources, whatever the case, marks and punctuation', () => {
    const groups = groupQuotes([
      article([{ quote: 'We need to continue the military support,', after: ' Rutte said.', speaker: 'Rutte' }]),
      article([{ before: 'Rutte said: ', quote: 'we need to continue the military support.', speaker: 'Mark Rutte' }]),
    ]);
    assert.deepStrictEqual(shape(groups), [['0:0:verbatim', '1:0:verbatim']]);
    assert.strictEqual(groups[0].speakerKey, 'rutte');
  });

  it('marks fragments as partial, relative to the most complete wording when nothing else tells the original', () => {
    const full = 'I think it is a very good opportunity to speak about security guarantees for Ukraine';
    const part = 'a very good opportunity to speak about security guarantees';
    const forward = groupQuotes([article([{ quote: full, speaker: 'Zelensky' }]), article([{ quote: part, speaker: 'Zelenskiy' }])]);
    assert.deepStrictEqual(shape(forward), [['0:0:verbatim', '1:0:partial']]);
    assert.deepStrictEqual([forward[0].original, forward[0].originalReason], [0, 'most complete']);
    const backward = groupQuotes([article([{ quote: part, speaker: 'Zelenskiy' }]), article([{ quote: full, speaker: 'Zelensky' }])]);
    assert.deepStrictEqual(shape(backward), [['0:0:partial', '1:0:verbatim']]);
    assert.deepStrictEqual(backward[0].occurrences.map((o) => o.original), [false, true]);
  });

  it('takes as original the wording most sources carry word for word, else the one in the source the others derive from', () => {
    const said = 'Our job now is to make sure that the town has every pump and every engineer it needs before the next tide';
    const reworded = 'Our task is to ensure that the town has all the pumps and engineers it needs before the next tide';
    const sources = [
      article([{ before: 'Varnholt promised help for the delta. ', quote: reworded, after: ', she said.', speaker: 'Varnholt' }]),
      article([{ before: 'Varnholt promised help for the delta. ', quote: said, after: ', she said.', speaker: 'Varnholt' }]),
      article([{ before: 'Varnholt promised help for the delta. ', quote: said, after: ', she said.', speaker: 'Varnholt' }]),
    ];
    const byCount = groupQuotes(sources);
    assert.deepStrictEqual(shape(byCount), [['0:0:reworded', '1:0:verbatim', '2:0:verbatim']]);
    assert.deepStrictEqual([byCount[0].original, byCount[0].originalReason], [1, 'most sources']);
    // Given that 1 and 2 derive from 0, 0's wording is the original and theirs are the rewordings.
    const fromFirst = groupQuotes(sources, undefined, (x, y) => y === 0 && x !== 0);
    assert.deepStrictEqual(shape(fromFirst), [['0:0:verbatim', '1:0:reworded', '2:0:reworded']]);
    assert.deepStrictEqual([fromFirst[0].original, fromFirst[0].originalReason], [0, 'origin']);
    // Every pair's relation is stored, whatever the original: 1 and 2 say the same words.
    const g = fromFirst[0];
    assert.strictEqual(relationBetween(g, 1, 2), 'verbatim');
    assert.strictEqual(relationBetween(g, 2, 0), 'reworded');
  });

  it('finds reworded quotes of the same speaker', () => {
    const groups = groupQuotes([
      article([{ before: 'Varnholt promised help for the delta. ', quote: 'Our job now is to make sure that the town has every pump and every engineer it needs before the next tide', after: ', she said.', speaker: 'Annelise Varnholt' }]),
      article([{ before: 'Varnholt pledged engineers for the delta. ', quote: 'Our task is to ensure that the town has all the pumps and engineers it needs before the next tide', after: ', Varnholt explained.', speaker: 'Varnholt' }]),
    ]);
    assert.deepStrictEqual(shape(groups), [['0:0:verbatim', '1:0:reworded']]);
  });

  it('does not call the words of two different speakers, or of two unknown ones, a rewording', () => {
    const a = 'Our job now is to make sure that the town has every pump and every engineer it needs before the next tide';
    const b = 'Our task is to ensure that the town has all the pumps and engineers it needs before the next tide';
    assert.deepStrictEqual(groupQuotes([article([{ quote: a, speaker: 'Varnholt' }]), article([{ quote: b, speaker: 'Tollensen' }])]), []);
    assert.deepStrictEqual(groupQuotes([article([{ quote: a, speaker: null }]), article([{ quote: b, speaker: null }])]), []);
  });

  it('keeps different statements of one speaker apart', () => {
    const groups = groupQuotes([
      article([{ quote: 'We will rebuild every meter of that wall before the spring tide', speaker: 'Kovrynsky' }]),
      article([{ quote: 'Solidarity does not mean signing whatever the alliance puts in front of us', speaker: 'Kovrynsky' }]),
    ]);
    assert.deepStrictEqual(groups, []);
  });

  describe('rewordings that share few words: meaning, speaker, sentence and cue as evidence', () => {
    // Invented: a minister, a harbour, a deal. The two quotes share no content word.
    const hurried = 'Nobody is going to hurry us into an agreement';
    const rushed = 'We will not be rushed into a deal';
    const told = (quote: string, speaker: string, before: string) => article([
      { before: 'Talks on the fishing quotas resumed in Oststad. ' },
      { before, quote, speaker, after: '.' },
      { before: 'The next round is set for March.' },
    ]);

    it('groups them as reworded when the same speaker says them in the same setting', () => {
      const groups = groupQuotes([
        told(rushed, 'Ilse Vandermeer', 'At the harbour office on Friday, fisheries minister Ilse Vandermeer said: '),
        told(hurried, 'Vandermeer', 'Speaking at the harbour office on Friday, fisheries minister Vandermeer said: '),
      ]);
      // The fuller wording is the original when nothing else tells it.
      assert.deepStrictEqual(shape(groups), [['0:0:reworded', '1:0:verbatim']]);
      // On their words alone they are not the same statement.
      assert.strictEqual(quoteRelation(rushed, hurried), null);
    });

    it('reads numbers by value: "a dozen" and "12", "a decade" and "ten years"', () => {
      const groups = groupQuotes([
        told('A dozen trawlers have sat idle for a decade', 'Ilse Vandermeer', 'At the harbour office on Friday, fisheries minister Ilse Vandermeer said: '),
        told('12 boats have been idle for ten years', 'Vandermeer', 'Speaking at the harbour office on Friday, fisheries minister Vandermeer said: '),
      ]);
      assert.deepStrictEqual(shape(groups), [['0:0:verbatim', '1:0:reworded']]);
    });

    it('keeps an unrelated statement of the same speaker in the same setting apart', () => {
      const groups = groupQuotes([
        told(rushed, 'Ilse Vandermeer', 'At the harbour office on Friday, fisheries minister Ilse Vandermeer said: '),
        told('The herring stock must be allowed to recover', 'Vandermeer', 'Speaking at the harbour office on Friday, fisheries minister Vandermeer said: '),
      ]);
      assert.deepStrictEqual(groups, []);
    });

    it('needs the same named speaker, another article, and a sentence that shares its unquoted words', () => {
      const setting = 'At the harbour office on Friday, fisheries minister Ilse Vandermeer said: ';
      const other = 'At the harbour office on Friday, the union leader Piet Hols said: ';
      assert.deepStrictEqual(groupQuotes([told(rushed, 'Ilse Vandermeer', setting), told(hurried, 'Piet Hols', other)]), []);
      const plain = (quote: string) => article([{ quote, speaker: 'Vandermeer', after: ', Vandermeer said.' }]);
      assert.deepStrictEqual(groupQuotes([plain(rushed), plain(hurried)]), []);
      const both = article([{ before: setting, quote: rushed, speaker: 'Vandermeer', after: '.' }, { before: setting, quote: hurried, speaker: 'Vandermeer', after: '.' }]);
      assert.deepStrictEqual(groupQuotes([both]), []);
    });
  });

  it('does not call chance overlaps of a dialogue on a small vocabulary rewordings', () => {
    const words = 'plan money deal war time home stay leave harbour boat storm wall tide town bridge road'.split(' ');
    // The bench's mulberry32; the word is its 32-bit output modulo the list (its low bits do not repeat).
    const rand = prng(5);
    const pick = (): string => words[(rand() * 2 ** 32) % words.length];
    const dialogue = () => article(Array.from({ length: 300 }, () => ({ quote: `${pick()} ${pick()} ${pick()} ${pick()}`, speaker: 'Anna Lind', after: ', Anna Lind said.' })));
    const groups = groupQuotes([dialogue(), dialogue()]);
    assert.deepStrictEqual(groups.flatMap((g) => g.occurrences.filter((o) => o.relation === 'reworded')), []);
  });

  it('does not group one-word scare quotes on their word alone', () => {
    const groups = groupQuotes([
      article([{ before: 'Umerov said Ukraine was ', quote: 'continuing', after: ' the fight.', speaker: 'Umerov' }]),
      article([{ before: 'The central bank said inflation was ', quote: 'continuing', after: ' to fall.', speaker: 'the bank' }]),
    ]);
    assert.deepStrictEqual(groups, []);
  });

  it('groups a repeated quote within one article, but never two wordings from one article', () => {
    const repeated = groupQuotes([article([{ quote: 'We need to continue the military support', speaker: 'Rutte' }, { before: 'Then: ', quote: 'We need to continue the military support', speaker: 'Rutte' }])]);
    assert.deepStrictEqual(shape(repeated), [['0:0:verbatim', '0:1:verbatim']]);
    const reworded = groupQuotes([article([
      { quote: 'Our job now is to make sure that the town has every pump and every engineer it needs', speaker: 'Varnholt' },
      { quote: 'Our task is to ensure that the town has all the pumps and engineers it needs', speaker: 'Varnholt' },
    ])]);
    assert.deepStrictEqual(reworded, []);
  });

  it('puts a fragment with the statement whose context it shares', () => {
    const storm = 'The president toured the flooded delta and the broken sea wall on Tuesday.';
    const fish = 'The president met the fishing cooperative about export quotas on Thursday.';
    const groups = groupQuotes([
      article([{ before: fish + ' ', quote: 'Our fishermen deserve to be in the best possible position to sell their catch abroad', speaker: 'Kovrynsky' }]),
      article([{ before: storm + ' ', quote: 'We will be in the best possible position when the storm season begins and the wall is rebuilt', speaker: 'Kovrynsky' }]),
      article([{ before: 'Kovrynsky toured the flooded delta and the sea wall. He said the town would be ', quote: 'in the best possible position', after: ' once the wall is rebuilt.', speaker: 'Kovrynsky' }]),
    ]);
    assert.deepStrictEqual(shape(groups), [['1:0:verbatim', '2:0:partial']]);
  });

  it('leaves quotes nested in another quote out', () => {
    const source = article([{ quote: 'He told me never again, twice', speaker: 'Kallas' }]);
    const inner: Quote = { start: 12, end: 25, inner: { start: 13, end: 24 }, text: 'never again', speaker: null, speakerKey: null, cue: null };
    const groups = groupQuotes([{ ...source, quotes: [...source.quotes, inner] }, article([{ quote: 'never again', speaker: null }])]);
    assert.deepStrictEqual(groups, []);
  });

  it('scales through an index: 3,000 articles, planted groups found', () => {
    // mulberry32: a fixed-seed generator whose low bits do not repeat.
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const vocabulary = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}x`);
    const sentence = (n: number): string => Array.from({ length: n }, () => vocabulary[random(vocabulary.length)]).join(' ');
    const planted = Array.from({ length: 300 }, () => sentence(14));
    const articles: QuoteSource[] = [];
    for (let a = 0; a < 3000; a++) {
      const quotes = [sentence(12), sentence(10)];
      if (a % 10 < 3) {
        const p = planted[Math.floor(a / 10)];
        quotes.push(a % 10 === 1 ? p.split(' ').slice(2, 9).join(' ') : p);
      }
      articles.push(article(quotes.map((q) => ({ quote: q, speaker: `Speaker${Math.floor(a / 10)}` }))));
    }
    const groups = groupQuotes(articles);
    const shapes = shape(groups);
    assert.strictEqual(groups.length, 300);
    assert.deepStrictEqual(shapes[5], ['50:2:verbatim', '51:2:partial', '52:2:verbatim']);
  });

  it('never throws, and returns well-formed groups, on random quotes', () => {
    const word = fc.constantFrom('we', 'will', 'deal', 'peace', 'talks', 'start', 'Russia', 'the', 'a', 'now', 'best', 'position', 'ensure');
    const quote = fc.record({ words: fc.array(word, { minLength: 1, maxLength: 10 }), speaker: fc.constantFrom(null, 'Rutte', 'Kallas') });
    fc.assert(
      fc.property(fc.array(fc.array(quote, { maxLength: 4 }), { maxLength: 6 }), (arts) => {
        const groups = groupQuotes(arts.map((qs) => article(qs.map((q) => ({ quote: q.words.join(' '), speaker: q.speaker })))));
        const seen = new Set<string>();
        for (const g of groups) {
          assert.ok(g.occurrences.length >= 2);
          assert.deepStrictEqual(g.occurrences.map((_, k) => k).filter((k) => g.occurrences[k].original), [g.original], 'one original');
          assert.strictEqual(g.occurrences[g.original].relation, 'verbatim');
          for (let k = 0; k < g.occurrences.length; k++) assert.strictEqual(relationBetween(g, g.original, k), g.occurrences[k].relation);
          for (let i = 0; i < g.occurrences.length; i++) {
            const o = g.occurrences[i];
            const id = `${o.article}:${o.quote}`;
            assert.ok(!seen.has(id), 'a quote is in one group at most');
            seen.add(id);
            if (i > 0) {
              const p = g.occurrences[i - 1];
              assert.ok(p.article < o.article || (p.article === o.article && p.start < o.start), 'bundle order');
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('quoteRelation', () => {
  it('tells verbatim, partial, reworded and unrelated apart on the words alone', () => {
    assert.strictEqual(quoteRelation('“We need to continue the military support,”', 'we need to continue the military support.'), 'verbatim');
    assert.strictEqual(quoteRelation('We will rebuild every meter of that wall, and higher', 'rebuild every meter of that wall'), 'partial');
    assert.strictEqual(quoteRelation('rebuild every meter of that wall', 'We will rebuild every meter of that wall, and higher'), 'partial');
    assert.strictEqual(
      quoteRelation('Our job now is to make sure that the town has every pump and every engineer it needs before the next tide', 'Our task is to ensure that the town has all the pumps and engineers it needs before the next tide'),
      'reworded',
    );
    assert.strictEqual(quoteRelation('We will rebuild every meter of that wall', 'Solidarity does not mean signing whatever is put in front of us'), null);
    assert.strictEqual(quoteRelation('absolute priority', 'an absolute priority for France'), null, 'too short to judge without context');
    assert.strictEqual(quoteRelation('', 'anything'), null);
  });

  it('groups the same when stopped after every unit of work and resumed', () => {
    const sources: QuoteSource[] = parseBundle(makeEditorBundle(30)).articles.map(({ text }) => {
      const sentences = splitSentences(text);
      return { text, sentences, quotes: findQuotes(text, sentences) };
    });
    const whole = groupQuotes(sources);
    assert.ok(whole.length > 5, `${whole.length} groups`);
    const grouping = newQuoteGrouping();
    const { result, attempts } = stopAfterEveryUnit(() => grouping.units, (token) => continueGrouping(grouping, sources, token));
    assert.deepStrictEqual(result, whole);
    assert.ok(attempts > sources.length + 3, `stopped ${attempts} times`);
  });
});


describe('reading quotes from words read already', () => {
  /** An article's source with its sentences' words as article features read them. */
  const withWords = (text: string): QuoteSource => {
    const sentences = splitSentences(text);
    const quotes = findQuotes(text, sentences);
    return { text, sentences, quotes, sentenceWords: articleFeatures(text, sentences, quotes).sents };
  };
  const withoutWords = ({ text, sentences, quotes }: QuoteSource): QuoteSource => ({ text, sentences, quotes });
  /** What grouping reads of a quote (its lazily read context and cue side included), without how it was read. */
  const reading = (q: QuoteInfo) => ({
    article: q.article, index: q.index, quote: q.quote, seq: q.seq, content: q.content, frame: q.frame, stems: q.stems,
    meaning: q.meaning, context: q.context, sentence: q.sentence, cueSide: q.cueSide, speakerKey: q.speakerKey,
  });

  it('reads the same quotes from the sentences\u2019 words as from the text', () => {
    const tricky = [
      'Dr. Smith said: \u201cGrowth was 3.5 per cent in the U.S. last year.\u201d The end.Then she left. \u201cWe will act,\u201d she added.',
      '\u2022 First point \u201cquoted here\u201d\n\u2022 Second point.\n1. One \u201cnumbered quote\u201d 2. Two items. . . And \u201cmore words\u201d here!',
      'A line that wraps\nin the middle, \u201csaid to be long\u201d and \u2018inner words\u2019 too... \u201cEnd of it?\u201d he asked.',
      '\u201cThe first paragraph of what she said.\n\n\u201cThe second one goes on,\u201d she said. Rock\u2018n\u2019roll and x\u201cab cd\u201dy 3.\u201c5 and\u201d 6.',
      'Fans of \u2018rock\u2019n\u2019roll\u2019 music, \u2018so-called\u2019-style ones: she said \'no\'s are fine\' today.',
    ];
    const texts = [...tricky, ...parseBundle(makeEditorBundle(20)).articles.map((a) => a.text)];
    let quotes = 0;
    texts.forEach((text, a) => {
      const source = withWords(text);
      const read = readArticleQuotes(a, source);
      quotes += read.length;
      assert.deepStrictEqual(read.map(reading), readArticleQuotes(a, withoutWords(source)).map(reading), `article ${a}`);
    });
    assert.ok(quotes > 20, `${quotes} quotes`);
  });

  it('reads each quote the same whatever the order of the quotes (the sentence cursor searches when one goes back)', () => {
    const texts = parseBundle(makeEditorBundle(6)).articles.map((a) => a.text);
    texts.forEach((text, a) => {
      const source = withWords(text);
      const reversed = { ...source, quotes: [...source.quotes].reverse() };
      const byIndex = (infos: readonly QuoteInfo[]) => new Map(infos.map((q) => [q.quote, reading(q)]));
      const inOrder = byIndex(readArticleQuotes(a, source));
      const backwards = byIndex(readArticleQuotes(a, reversed));
      assert.ok(inOrder.size > 1, `article ${a}: ${inOrder.size} quotes`);
      for (const [quote, read] of inOrder) assert.deepStrictEqual({ ...backwards.get(quote), index: read.index }, read, quote.text);
    });
  });

  it('takes the words around a quote from the sentences\u2019 words, not the text, when given', () => {
    const source = withWords('The minister spoke. \u201cTaxes will fall next year,\u201d she said. Nobody believed her.');
    const words = source.sentenceWords ?? [];
    const planted = words.map((w, i) => (i === 2 ? { words: w.words.map(() => 'zebra'), wordStarts: w.wordStarts, wordEnds: w.wordEnds } : w));
    const [info] = readArticleQuotes(0, { ...source, sentenceWords: planted });
    assert.ok(info.context.has('zebra'), [...info.context].join(' '));
    const [fromText] = readArticleQuotes(0, { ...source, sentenceWords: planted.slice(1) });
    assert.ok(!fromText.context.has('zebra') && fromText.context.has(stem('believed')), 'a list that does not fit the sentences is not used');
    const inQuote = words.map((w, i) => (i === 1 ? { words: w.words.map(() => 'zebra'), wordStarts: w.wordStarts, wordEnds: w.wordEnds } : w));
    assert.deepStrictEqual(readArticleQuotes(0, { ...source, sentenceWords: inQuote })[0].frame, ['zebra', 'zebra', 'zebra', 'zebra', 'zebra'], 'the quote\u2019s own words');
  });

  it('gives each group\u2019s original from the wordings grouping read, without reading the texts again', () => {
    const occurrence = (article: number, text: string) => ({ article, quote: 0, start: 0, end: text.length, text, speaker: null });
    const draft = { speakerKey: null, occurrences: [occurrence(0, 'we will act now'), occurrence(1, 'something else entirely')] };
    const wordings = (g: QuoteGroup): string => g.occurrences.map((o) => `${o.wording}:${o.relation}`).join(' ');
    assert.strictEqual(wordings(withOriginal(draft)), '0:reworded 1:verbatim');
    const seqs = [' we will act now ', ' we will act now ']; // what grouping read, trusted as it is
    assert.strictEqual(wordings(withOriginal({ ...draft, seqs })), '0:verbatim 0:verbatim');
  });
});

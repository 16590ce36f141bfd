import * as assert from 'assert';
import * as fs from 'fs';
import { prng } from '../../bench/prng';
import { meaningOf, meaningSimilarity } from '../../src/core/match/quoteMeaning';
import { MAX_CANDIDATES, quoteCandidates } from '../../src/core/match/quoteCandidates';
import { groupQuotes } from '../../src/core/match/quoteGroups';
import type { QuoteSource } from '../../src/core/match/quoteGroups';
import { quoteInfo, readArticleQuotes, quoteWords } from '../../src/core/match/quoteWording';
import type { QuoteInfo } from '../../src/core/match/quoteWording';
import { relate } from '../../src/core/match/quoteRelation';
import { splitSentences } from '../../src/core/text/sentences';
import { findQuotes } from '../../src/core/text/quotes';
import { polnearPath, readPolnear } from './polnear';

const meaning = (text: string) => meaningOf(quoteWords(text));

describe('quote meaning (senses and numbers by value)', () => {
  it('meets a rewording that shares no word: synonyms and numbers however written', () => {
    assert.ok(meaningSimilarity(meaning('we will not be rushed into a deal'), meaning('nobody is going to hurry us into an agreement')) >= 0.5);
    assert.ok(meaningSimilarity(meaning('a dozen ships'), meaning('12 ships')) === 1);
    assert.ok(meaningSimilarity(meaning('twelve ships'), meaning('12 ships')) === 1);
    assert.ok(meaningSimilarity(meaning('idle for a decade'), meaning('idle for ten years')) === 1);
  });

  it('keeps different quantities, units and statements apart', () => {
    assert.ok(meaningSimilarity(meaning('idle for a decade'), meaning('idle for ten days')) < 1);
    assert.ok(meaningSimilarity(meaning('a dozen ships'), meaning('eleven ships')) < 1);
    assert.ok(meaningSimilarity(meaning('we will not be rushed into a deal'), meaning('the herring stock must be allowed to recover')) < 0.2);
    assert.strictEqual(meaning('the of and it').units.length, 0);
    assert.strictEqual(meaningSimilarity(meaning(''), meaning('anything at all')), 0);
  });

  it('reads the same keys and units for a quote as grouping reads it (its content stems as keys when it states no number)', () => {
    const words = 'we said told the of make sure deal deals 12 twelve a dozen decade ten years 3.5 million m 1990s no-one never'.split(' ');
    const rand = prng(5);
    for (let k = 0; k < 400; k++) {
      const text = Array.from({ length: 1 + Math.floor(rand() * 9) }, () => words[Math.floor(rand() * words.length)]).join(' ');
      const quote = { start: 0, end: 0, text, inner: { start: 0, end: 0 }, speaker: null, speakerKey: null, cue: null };
      const read = quoteInfo(0, 0, quote).meaning;
      const plain = meaningOf(quoteWords(text));
      assert.deepStrictEqual([...read.keys], [...plain.keys], text);
      assert.deepStrictEqual(read.units, plain.units, text);
    }
  });
});

describe('quote candidates (bounded per quote)', () => {
  it('gives each quote at most MAX_CANDIDATES earlier quotes, and still finds a rare repeat among thousands that share common words', () => {
    const words = 'yes no well maybe never now today plan money deal war time home go come stay'.split(' ');
    // The bench's mulberry32; the word is its 32-bit output modulo the list (its low bits do not repeat).
    const rand = prng(11);
    const pick = (): string => words[(rand() * 2 ** 32) % words.length];
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) lines.push(`“${[pick(), pick(), pick(), pick()].join(' ')},” Anna said.`);
    lines[100] = '“The harbour wall will hold until the spring tide,” Anna said.';
    lines[2900] = '“The harbour wall will hold until the spring tide,” Anna said.';
    const text = lines.join('\n');
    const sentences = splitSentences(text);
    const infos: QuoteInfo[] = readArticleQuotes(0, { text, sentences, quotes: findQuotes(text, sentences) });
    const index = quoteCandidates(infos);
    let total = 0;
    for (let i = 0; i < infos.length; i++) {
      const found = index.candidatesOf(i);
      assert.ok(found.length <= MAX_CANDIDATES && found.every((j) => j < i));
      total += found.length;
      if (infos[i].quote.text.startsWith('The harbour wall')) assert.ok(i < 200 || found.some((j) => infos[j].quote.text.startsWith('The harbour wall')));
    }
    assert.ok(total <= MAX_CANDIDATES * infos.length);
  });
});

describe('false groupings on real news (PolNeAR dev as one bundle of mostly unrelated stories)', () => {
  const available = fs.existsSync(polnearPath('dev'));

  (available ? it : it.skip)('groups almost no quotes across articles on meaning and setting alone', function () {
    this.timeout(120000);
    const sources: QuoteSource[] = readPolnear('dev').map((a) => {
      const sentences = splitSentences(a.text);
      return { text: a.text, sentences, quotes: findQuotes(a.text, sentences) };
    });
    const groups = groupQuotes(sources);
    const infos = sources.map((s, k) => new Map(readArticleQuotes(k, s).map((q) => [q.index, q])));
    let cross = 0;
    let inContext = 0;
    for (const g of groups) {
      const occ = g.occurrences;
      if (new Set(occ.map((o) => o.article)).size < 2) continue;
      cross++;
      // The occurrences are in bundle order: relate(earlier, later), as grouping does.
      const rests = occ.some((o1, p) => occ.slice(p + 1).some((o2) => o1.article !== o2.article
        && relate(infos[o1.article].get(o1.quote) as QuoteInfo, infos[o2.article].get(o2.quote) as QuoteInfo)?.inContext === true));
      if (rests) inContext++;
    }
    console.log(`      PolNeAR dev, ${sources.length} articles: ${cross} cross-article quote groups, ${inContext} resting on meaning and setting`);
    assert.ok(inContext <= 1, `${inContext} cross-article groups on meaning and setting alone`);
  });
});

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeBundle } from '../../src/core/analyze';
import { parseBundle } from '../../src/core/bundle/parseBundle';
import { laterBy, publicationOf } from '../../src/core/match/publication';
import { articleFeatures } from '../../src/core/match/articleFeatures';
import { findBoilerplate } from '../../src/core/match/boilerplate';
import { directionOfReuse } from '../../src/core/match/direction';
import { comparePair } from '../../src/core/match/documentPair';
import { draftOf, withOriginal } from '../../src/core/match/originalWording';
import { groupQuotes } from '../../src/core/match/quoteGroups';
import { summarizeReuse } from '../../src/core/match/reuse';
import { DEFAULT_OPTIONS } from '../../src/core/options';
import { findQuotes } from '../../src/core/text/quotes';
import { splitSentences } from '../../src/core/text/sentences';
import type { ArticleInput, BundleAnalysis } from '../../src/core/model';
import { repoRoot, seedsPath } from './paths';

/** Direction of reuse (match/direction.ts) and each quotation's original wording, on the seeds, the samples and made-up pairs. */

function load(file: string): ArticleInput[] {
  return parseBundle(fs.readFileSync(file, 'utf8')).articles.map((a) => ({ name: a.name, text: a.text, attributes: a.attributes }));
}

/** Every pair says one direction, seen from both sides; origins are never mutual or circular. */
function assertOneDirection(analysis: BundleAnalysis): void {
  const flip = { 'derives from': 'source of', 'source of': 'derives from', 'shares with': 'shares with' } as const;
  analysis.sources.forEach((s, k) => {
    for (const c of s.covers) {
      const back = analysis.sources[c.article].covers.find((x) => x.article === k);
      assert.ok(back, `${s.name} covers ${c.article} but not the reverse`);
      assert.strictEqual(back.relation, flip[c.relation], `${s.name} ${c.relation} ${analysis.sources[c.article].name}, which says ${back.relation}`);
    }
    // Follow origins: no article comes back to itself.
    const seen = new Set<number>([k]);
    for (let o = s.origin; o !== null; o = analysis.sources[o].origin) {
      assert.ok(!seen.has(o), `origins go round in a circle from ${s.name}`);
      seen.add(o);
    }
  });
}

const index = (analysis: BundleAnalysis, prefix: string): number => analysis.sources.findIndex((s) => s.name.startsWith(prefix));

describe('direction of reuse', () => {
  describe('on the seeds', () => {
    const analysis = analyzeBundle(load(seedsPath));
    const n001 = index(analysis, '001_');
    const n002 = index(analysis, '002_');

    it('reads 001 as derived from 002 (AP), from its quotes, and never the reverse', () => {
      assertOneDirection(analysis);
      assert.strictEqual(analysis.sources[n001].origin, n002);
      assert.strictEqual(analysis.sources[n002].origin, null);
      const cover = analysis.sources[n001].covers.find((c) => c.article === n002);
      assert.strictEqual(cover?.relation, 'derives from');
      assert.ok(cover.evidence.some((e) => /^rewords 3 of its quotes$/.test(e)), cover.evidence.join('; '));
      assert.strictEqual(analysis.sources[n002].covers.find((c) => c.article === n001)?.relation, 'source of');
    });

    it('makes AP’s wording the original of the three Rutte quotations 001 rewords, and 001’s the misquotes', () => {
      const reworded = analysis.quoteGroups.filter((g) => g.occurrences.some((o) => o.article === n001 && o.relation === 'reworded' && /rutte/i.test(g.speakerKey ?? '')));
      assert.strictEqual(reworded.length, 3);
      for (const g of reworded) {
        const original = g.occurrences[g.original];
        assert.strictEqual(original.article, n002, `original of “${original.text}”`);
        assert.ok(original.original);
        assert.strictEqual(g.originalReason, 'origin');
        assert.ok(!g.occurrences.some((o) => o.article === n002 && o.relation === 'reworded'), 'AP is never the misquote');
      }
    });
  });

  it('on samples/newsroom.bundle: the digest derives from the Harbor Times, one way only', () => {
    const analysis = analyzeBundle(load(path.resolve(repoRoot, 'samples', 'newsroom.bundle')));
    assertOneDirection(analysis);
    const digest = index(analysis, 'wire/northgate');
    assert.strictEqual(analysis.sources[digest].origin, index(analysis, 'Harbor Times'));
    assert.strictEqual(analysis.sources[index(analysis, 'Delta Ledger')].covers.length, 0);
  });

  const story = [
    'The harbour board approved a new ferry timetable for the winter season on Monday evening.',
    'Ferries to the outer islands will run every ninety minutes instead of every hour from November.',
    'The board chairwoman said the change would save fuel without stranding any island residents.',
    'Island councillors had asked for an extra late crossing on Fridays for students coming home.',
    'That request was turned down because the crews would exceed their permitted working hours.',
  ];
  const extra = [
    'Local shop owners on the islands fear that fewer crossings will mean fewer day visitors.',
    'A petition against the timetable has collected several hundred signatures in a week.',
    'The board will review the timetable again in March after counting passengers.',
  ];
  const bundle = (a: Partial<ArticleInput>, b: Partial<ArticleInput>): ArticleInput[] => [
    { name: 'a.txt', text: story.join(' '), ...a },
    { name: 'b.txt', text: story.join(' '), ...b },
  ];
  const relationOf = (analysis: BundleAnalysis, k: number) => analysis.sources[k].covers[0];

  it('takes the later of two dated articles as the one that derives, and says by how much', () => {
    const later = analyzeBundle(bundle({ attributes: [{ key: 'date', value: '2025-03-06' }] }, { attributes: [{ key: 'date', value: '2025-03-04' }] }));
    assert.deepStrictEqual([relationOf(later, 0)?.relation, relationOf(later, 0)?.evidence[0]], ['derives from', 'dated 2 days later']);
    assert.strictEqual(relationOf(later, 1)?.relation, 'source of');
    const swapped = analyzeBundle(bundle({ attributes: [{ key: 'date', value: '2025-03-04' }] }, { attributes: [{ key: 'date', value: '2025-03-06' }] }));
    assert.strictEqual(swapped.sources[1].origin, 0);
    const undated = analyzeBundle(bundle({}, {}));
    assert.deepStrictEqual([relationOf(undated, 0)?.relation, undated.sources[0].origin, undated.sources[1].origin], ['shares with', null, null]);
  });

  it('does not call an article derived for one shared sentence, whatever the dates', () => {
    const other = ['Rain is expected across the north on Thursday.', 'Farmers welcomed the forecast after a dry month.', 'The river authority lifted its hosepipe ban.', 'Reservoir levels remain below average for the season.', 'Forecasters expect a warmer weekend.', 'Schools reopen next week after the break.'];
    const analysis = analyzeBundle([
      { name: 'a.txt', text: story.join(' '), attributes: [{ key: 'date', value: '2025-01-01' }] },
      { name: 'b.txt', text: [story[0], ...other].join(' '), attributes: [{ key: 'date', value: '2025-06-01' }] },
    ]);
    assert.strictEqual(analysis.sources[1].covers[0]?.covered, 1);
    assert.deepStrictEqual([analysis.sources[1].origin, analysis.sources[1].covers[0]?.relation], [null, 'shares with']);
  });

  it('follows passim’s src attribute (the source article’s name or id)', () => {
    const analysis = analyzeBundle(bundle({ attributes: [{ key: 'id', value: 'p17' }] }, { attributes: [{ key: 'src', value: 'p17' }] }));
    assert.strictEqual(analysis.sources[1].origin, 0);
    assert.deepStrictEqual(analysis.sources[1].evidence, ['passim: source', 'keeps its order']);
  });

  it('follows passim’s src for a passage of one sentence (an imported passim cluster), where texts alone say nothing', () => {
    const passage = (attributes: ArticleInput['attributes'], extra: string): ArticleInput => ({ name: `${extra.slice(0, 4)}.txt`, text: `${story[0]} ${extra}`, attributes });
    const clusterOf = (srcOnSecond: boolean): BundleAnalysis => analyzeBundle([
      passage([{ key: 'id', value: 'w1' }], 'Markets closed early.'),
      passage(srcOnSecond ? [{ key: 'id', value: 'p2' }, { key: 'src', value: 'w1' }] : [{ key: 'id', value: 'p2' }], 'Crowds gathered outside.'),
    ]);
    const withSrc = clusterOf(true);
    assert.deepStrictEqual([withSrc.sources[1].origin, withSrc.sources[1].evidence[0]], [0, 'passim: source']);
    const without = clusterOf(false);
    assert.deepStrictEqual([without.sources[0].origin, without.sources[1].origin], [null, null]);
  });

  it('reads an article that carries nearly all of another and adds its own as derived from it', () => {
    const analysis = analyzeBundle([{ name: 'a.txt', text: story.join(' ') }, { name: 'b.txt', text: [...story, ...extra].join(' ') }]);
    assertOneDirection(analysis);
    assert.strictEqual(analysis.sources[1].origin, 0);
    assert.match(analysis.sources[1].evidence[0] ?? '', /^carries 5 of its 5 sentences and adds 3 of its own$/);
  });

  it('parses dates and times in UTC and says how much later in words', () => {
    const at = (date: string, time?: string) => publicationOf('x', [{ key: 'date', value: date }, ...(time ? [{ key: 'time', value: time }] : [])]);
    assert.strictEqual(laterBy(at('2025-03-04'), at('2025-03-06')), '2 days later');
    assert.strictEqual(laterBy(at('2025-03-04'), at('2025-03-04')), null);
    assert.strictEqual(laterBy(at('2025-03-04', '09:00'), at('2025-03-04', '12:10')), '3 hours later');
    assert.strictEqual(laterBy(at('2025-03-04T09:00Z'), at('2025-03-04T10:00+01:00')), null, 'the same instant');
    assert.strictEqual(laterBy(at('2025-03-04T23:30'), at('2025-03-05')), '1 day later');
    assert.strictEqual(laterBy(at('not a date'), at('2025-03-05')), null);
    assert.deepStrictEqual(publicationOf('Reuters.txt', [{ key: 'ID', value: 'r1' }]).ids, ['Reuters.txt', 'Reuters', 'r1']);
  });

  it('keeps the original grouping chose for a quote group none of whose carriers derives from another (the same as choosing again)', () => {
    const articles = load(seedsPath);
    const features = articles.map((a) => {
      const sentences = splitSentences(a.text);
      return articleFeatures(a.text, sentences, findQuotes(a.text, sentences));
    });
    const pairs = [];
    for (let a = 0; a < articles.length; a++) {
      for (let b = a + 1; b < articles.length; b++) {
        const links = comparePair(features[a], features[b], DEFAULT_OPTIONS).links;
        if (links.length > 0) pairs.push({ a, b, links });
      }
    }
    const quoteGroups = groupQuotes(features.map((f, k) => ({ quotes: f.quotes, text: articles[k].text, sentences: f.sentences })));
    const input = { articles, sentences: features.map((f) => f.sentences), quotes: features.map((f) => f.quotes), pairs, quoteGroups };
    const direction = directionOfReuse({ ...input, pairs: findBoilerplate(pairs, input.sentences.map((s) => s.length)).pairs, groups: quoteGroups });
    const chosenAgain = quoteGroups.map((g) => withOriginal(draftOf(g), direction.derivesFrom));
    const reuse = summarizeReuse(input);
    assert.strictEqual(JSON.stringify(reuse.quoteGroups), JSON.stringify(chosenAgain));
    assert.ok(reuse.quoteGroups.some((g, k) => g === quoteGroups[k]), 'some group kept as grouping made it');
    assert.ok(reuse.quoteGroups.some((g) => g.originalReason === 'origin'), 'some group takes its original from the direction');
  });
});

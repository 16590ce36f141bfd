import * as assert from 'assert';
import * as fs from 'fs';
import { alignPair, analyzeBundle, createAnalysisCache, DEFAULT_OPTIONS, resolveOptions } from '../../src/core/analyze';
import { CancelledError } from '../../src/core/cancellation';
import { parseBundle } from '../../src/core/bundle/parseBundle';
import type { ArticleInput, BundleAnalysis } from '../../src/core/model';
import { seedsPath } from './paths';

function seeds(): ArticleInput[] {
  return parseBundle(fs.readFileSync(seedsPath, 'utf8')).articles.map((a) => ({ name: a.name, text: a.text }));
}

const index = (articles: readonly ArticleInput[], prefix: string): number => articles.findIndex((a) => a.name.startsWith(prefix));

/** Every sentence of both articles exactly once, in order, on its side. */
function assertCompleteAlignment(analysis: BundleAnalysis, a: number, b: number): void {
  const rows = alignPair(analysis, a, b);
  for (const [side, article] of [['a', a], ['b', b]] as const) {
    const spans = rows.map((r) => r[side]).filter((s) => s !== null);
    const sentences = analysis.articles[article].sentences;
    let k = 0;
    for (const span of spans) {
      assert.strictEqual(span.start, sentences[k].start, `side ${side}: sentence ${k} out of order or missing`);
      while (k < sentences.length && sentences[k].end <= span.end) k++;
      assert.strictEqual(sentences[k - 1].end, span.end, `side ${side}: row does not end on a sentence end`);
    }
    assert.strictEqual(k, sentences.length, `side ${side}: ${sentences.length - k} sentences missing`);
  }
}

describe('analyzeBundle on the seeds', () => {
  const articles = seeds();
  const analysis = analyzeBundle(articles);
  const [n000, n001, n002, n003, n004] = ['000_', '001_', '002_', '003_', '004_'].map((p) => index(articles, p));

  it('reads 001 as a rewrite of 002: every sentence covered, in order', () => {
    const cover = analysis.sources[n001].covers.find((c) => c.article === n002);
    assert.ok(cover);
    assert.deepStrictEqual([cover.covered, cover.total, cover.inOrder], [16, 16, true]);
    const back = analysis.sources[n002].covers.find((c) => c.article === n001);
    assert.deepStrictEqual([back?.covered, back?.total, back?.inOrder], [14, 14, true]);
  });

  it('aligns 001 with 002 in order, both split sentences side by side', () => {
    const rows = alignPair(analysis, n001, n002);
    assert.strictEqual(rows.length, 14);
    assert.ok(rows.every((r) => r.a !== null && r.b !== null));
    const sentences = analysis.articles[n001].sentences;
    const split = rows.filter((r) => r.a && sentences.filter((s) => r.a && s.start >= r.a.start && s.end <= r.a.end).length === 2);
    assert.strictEqual(split.length, 2, 'two rows hold two sentences of 001');
    assertCompleteAlignment(analysis, n001, n002);
    assertCompleteAlignment(analysis, n002, n001);
  });

  it('keeps every sentence exactly once in every aligned view', () => {
    for (let a = 0; a < articles.length; a++) for (let b = 0; b < articles.length; b++) assertCompleteAlignment(analysis, a, b);
  });

  it('finds almost nothing shared by 003', () => {
    assert.strictEqual(analysis.matches.filter((m) => m.a.article === n003 || m.b.article === n003).length, 0);
    assert.strictEqual(analysis.sources[n003].uniqueShare, 1);
  });

  it('finds the verbatim quotes 000 and 002 share, and the quote 004 shares with them', () => {
    const verbatim = (x: number, y: number) => analysis.matches.filter((m) => m.kind === 'verbatim' && m.a.article === x && m.b.article === y);
    assert.ok(verbatim(n000, n002).some((m) => m.a.text.includes('If we now start to discuss amongst ourselves what a deal could look like')));
    // 004 frames the same quotation in a different sentence: the pair is labelled as a whole (not
    // verbatim because of the shared run), and the quotation is still part of a shared passage.
    const shared = (x: number, y: number) => analysis.matches.filter((m) => m.a.article === x && m.b.article === y);
    assert.ok(shared(n000, n004).some((m) => m.b.text.includes('a very good opportunity to speak about security guarantees')));
    assert.ok(shared(n002, n004).some((m) => m.b.text.includes('a very good opportunity to speak about security guarantees')));
  });

  it('returns offsets into each article and texts that match them', () => {
    for (const m of analysis.matches) {
      assert.ok(m.a.article < m.b.article);
      assert.strictEqual(articles[m.a.article].text.slice(m.a.start, m.a.end), m.a.text);
      assert.strictEqual(articles[m.b.article].text.slice(m.b.start, m.b.end), m.b.text);
      assert.ok(m.score >= 0 && m.score <= 1);
    }
  });

  it('groups quotations across sources', () => {
    assert.ok(analysis.quoteGroups.length > 0);
    assert.ok(analysis.quoteGroups.some((g) => new Set(g.occurrences.map((o) => o.article)).size >= 3));
  });
});

describe('analyzeBundle: cache, cancellation, options', () => {
  it('reuses unchanged articles and pairs after one article changes, with the same result as a cold run', () => {
    const articles = seeds();
    const cache = createAnalysisCache();
    analyzeBundle(articles, {}, undefined, cache);
    assert.deepStrictEqual(cache.stats, { articleHits: 0, articleMisses: 5, pairHits: 0, pairMisses: 10 });
    const edited = articles.map((a, k) => (k === 3 ? { name: a.name, text: `${a.text}\nOne more line about the weather.` } : a));
    const warm = analyzeBundle(edited, {}, undefined, cache);
    assert.deepStrictEqual(cache.stats, { articleHits: 4, articleMisses: 1, pairHits: 6, pairMisses: 4 });
    assert.deepStrictEqual(warm, analyzeBundle(edited));
    analyzeBundle(edited, { minSharedWords: 8 }, undefined, cache);
    assert.strictEqual(cache.stats.pairMisses, 10, 'other options recompute the pairs');
    assert.strictEqual(cache.stats.articleHits, 5);
  });

  it('is deterministic', () => {
    assert.deepStrictEqual(JSON.stringify(analyzeBundle(seeds())), JSON.stringify(analyzeBundle(seeds())));
  });

  it('stops with CancelledError when the token asks, between units of work', () => {
    let checks = 0;
    const token = { get isCancellationRequested() { return ++checks > 3; } };
    assert.throws(() => analyzeBundle(seeds(), {}, token), CancelledError);
    assert.throws(() => analyzeBundle(seeds(), {}, { isCancellationRequested: true }), CancelledError);
  });

  it('analyses a single plain text and an empty bundle', () => {
    const one = analyzeBundle([{ name: 'note.txt', text: 'One sentence. Another one.' }]);
    assert.strictEqual(one.articles[0].sentences.length, 2);
    assert.deepStrictEqual(one.matches, []);
    assert.strictEqual(one.sources[0].uniqueShare, 1);
    const empty = analyzeBundle([]);
    assert.deepStrictEqual([empty.articles, empty.matches, empty.quoteGroups, empty.sources, empty.copies], [[], [], [], [], []]);
    assert.deepStrictEqual([empty.limits?.capped, empty.limits?.notes, empty.limits?.work.sentencePairsScored], [false, [], 0]);
  });

  it('checks options and fills in defaults', () => {
    assert.deepStrictEqual(resolveOptions(), DEFAULT_OPTIONS);
    assert.deepStrictEqual(resolveOptions({ minSharedWords: Number.NaN, paraphraseThreshold: 7 }), { minSharedWords: 6, paraphraseThreshold: 1 });
    const articles = seeds();
    const strict = analyzeBundle(articles, { minSharedWords: 30 });
    assert.ok(analyzeBundle(articles).matches.filter((m) => m.kind === 'verbatim').length > strict.matches.filter((m) => m.kind === 'verbatim').length);
  });
});

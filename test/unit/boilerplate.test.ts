import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { prng } from '../../bench/prng';
import { analyzeBundle, createAnalysisCache, finishedPhases } from '../../src/core/analyze';
import { stopAfterEveryUnit } from './everyUnit';
import { findBoilerplate } from '../../src/core/match/boilerplate';
import type { ArticleInput, BundleAnalysis } from '../../src/core/model';
import { repoRoot } from './paths';
import { boilerplateSpans, spansByKind } from '../../src/analysis/analysisIndex';
import { makeAnalysis } from './editorFixture';

/** Boilerplate (match/boilerplate.ts): on a synthetic wire corpus, and on real text (PolNeAR, PAN-13) read from ../shared/eval. */

const evalDir = path.resolve(repoRoot, '..', 'shared', 'eval');

/** Deterministic made-up words, so invented stories share no phrase by chance. */
function storyWords(seed: number, count: number): string[] {
  const next = prng(seed);
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tus', 'vo', 'dal', 'ne', 'pri', 'sco', 'fe', 'gu', 'ta', 'bor', 'wen', 'ly', 'sam', 'qui', 'zo', 'hep'];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let w = '';
    for (let k = 0; k < 3; k++) w += syllables[Math.floor(next() * syllables.length)];
    out.push(w);
  }
  return out;
}

function storySentences(seed: number, n: number): string[] {
  return Array.from({ length: n }, (_, k) => {
    const ws = storyWords(seed * 100 + k, 14);
    return `${ws[0].charAt(0).toUpperCase()}${ws[0].slice(1)} ${ws.slice(1).join(' ')}.`;
  });
}

const HEADER = 'Page 2 (NEWS) of the Daily Wire Service morning edition for subscribers only';
const BYLINE = (k: number) => `By ${['Anna Berg', 'Tomas Ode', 'Lia Stern'][k % 3]}, Northern Press Agency staff correspondent in the capital`;
const SIGNOFF = 'Copyright Northern Press Agency. All rights reserved. Read more stories on our website every day.';

/** Twelve unrelated stories in wire dress, and a thirteenth that rewrites the first (keeps 6 of its 8 sentences). */
function wireCorpus(): ArticleInput[] {
  const articles: ArticleInput[] = [];
  for (let k = 0; k < 12; k++) {
    articles.push({ name: `story${k}.txt`, text: [HEADER, BYLINE(k), ...storySentences(k + 1, 8), SIGNOFF].join('\n') });
  }
  const body = storySentences(1, 8);
  articles.push({ name: 'rewrite.txt', text: [HEADER, BYLINE(5), ...body.slice(0, 6), ...storySentences(99, 2), SIGNOFF].join('\n') });
  return articles;
}

const isFlagged = (analysis: BundleAnalysis, text: string): boolean[] =>
  analysis.matches.filter((m) => m.a.text.includes(text) || text.includes(m.a.text)).map((m) => m.boilerplate === true);

describe('boilerplate', () => {
  it('on a synthetic wire corpus: headers, bylines and sign-offs are boilerplate; a rewrite is reuse', () => {
    const analysis = analyzeBundle(wireCorpus());
    const rewrite = 12;
    const boiler = analysis.matches.filter((m) => m.boilerplate === true);
    assert.ok(boiler.length > 0, 'boilerplate found');
    for (const m of boiler) assert.ok([HEADER, SIGNOFF, ...[0, 1, 2].map(BYLINE)].some((t) => t.includes(m.a.text)), `flagged: ${m.a.text}`);
    assert.ok(isFlagged(analysis, HEADER).every(Boolean) && isFlagged(analysis, SIGNOFF).every(Boolean));
    // The rewrite's shared story is not boilerplate, and it is the only coverage left.
    const story = analysis.matches.filter((m) => m.a.article === 0 && m.b.article === rewrite && !m.boilerplate);
    assert.ok(story.length >= 6, `${story.length} story matches`);
    for (let k = 1; k < 12; k++) assert.deepStrictEqual(analysis.sources[k].covers, [], `story${k} shares only boilerplate`);
    assert.deepStrictEqual(analysis.sources[0].covers.map((c) => c.article), [rewrite]);
    assert.strictEqual(analysis.sources[5].uniqueShare, 1, 'boilerplate is no shared text');
  });

  it('is found the same when the analysis is stopped after every unit of work and resumed', () => {
    const corpus = wireCorpus();
    const whole = analyzeBundle(corpus);
    assert.ok(whole.matches.some((m) => m.boilerplate === true), 'the corpus has boilerplate');
    const cache = createAnalysisCache();
    const { result, attempts } = stopAfterEveryUnit(() => cache.articles.size + cache.pairs.size + finishedPhases(cache), (token) => analyzeBundle(corpus, {}, token, cache));
    assert.deepStrictEqual(result, whole);
    assert.ok(attempts > corpus.length * 2, `stopped ${attempts} times`);
  });

  it('says when a bundle has none, and then passes the links on as they are', () => {
    const pairs = [{ a: 0, b: 1, links: [{ i: 0, j: 0, kind: 'verbatim' as const }] }, { a: 0, b: 2, links: [] }];
    const none = findBoilerplate(pairs, [3, 3, 3]);
    assert.deepStrictEqual([none.none, none.isBoilerplate(0, 0), none.pairs], [true, false, [pairs[0]]]);
    // The first line of five articles that share nothing else is.
    const header = [];
    for (let a = 0; a < 5; a++) for (let b = a + 1; b < 5; b++) header.push({ a, b, links: [{ i: 0, j: 0, kind: 'verbatim' as const }] });
    const found = findBoilerplate(header, [10, 10, 10, 10, 10]);
    assert.deepStrictEqual([found.none, [0, 1, 2, 3, 4].every((k) => found.isBoilerplate(k, 0)), found.isBoilerplate(0, 1), found.pairs], [false, true, false, []]);
  });

  it('keeps an article’s own text when fewer than four articles carry a line', () => {
    const three = wireCorpus().slice(0, 3);
    const analysis = analyzeBundle(three);
    assert.ok(analysis.matches.length > 0 && analysis.matches.every((m) => m.boilerplate === false));
  });

  it('on PolNeAR dev (real news): finds the editor’s note HuffPost appends to its election stories, and nothing that is not repeated at an article’s edge', function () {
    this.timeout(60000);
    const file = path.join(evalDir, 'polnear_dev.jsonl');
    const docs = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as { doc: string; text: string });
    const huff = docs.filter((d) => d.doc.startsWith('huff-post_')).map((d) => ({ name: d.doc, text: d.text }));
    const analysis = analyzeBundle(huff);
    const boiler = analysis.matches.filter((m) => m.boilerplate === true);
    console.log(`    PolNeAR dev, ${huff.length} HuffPost articles: ${boiler.length} of ${analysis.matches.length} matches boilerplate`);
    assert.ok(boiler.length > 0);
    for (const m of boiler) {
      for (const side of [m.a, m.b]) {
        const rest = huff[side.article].text.slice(side.end).trim();
        const before = huff[side.article].text.slice(0, side.start).trim();
        assert.ok(rest.length < 600 || before.length < 600, `flagged text in the middle of ${huff[side.article].name}: ${side.text}`);
      }
    }
  });

  it('on PAN-13 dev (web text): a source passage copied into several documents is reuse, not boilerplate', function () {
    this.timeout(60000);
    const file = path.join(evalDir, 'pan13_dev.jsonl');
    const pairs = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { susp_doc: string; src_doc: string; susp_text: string; src_text: string });
    // The sources that went into two or more suspicious documents, with those documents.
    const uses = new Map<string, number>();
    for (const p of pairs) uses.set(p.src_doc, (uses.get(p.src_doc) ?? 0) + 1);
    const texts = new Map<string, string>();
    for (const p of pairs.filter((x) => (uses.get(x.src_doc) ?? 0) >= 2)) {
      texts.set(p.susp_doc, p.susp_text);
      texts.set(p.src_doc, p.src_text);
    }
    const articles = [...texts].map(([name, text]) => ({ name, text }));
    const analysis = analyzeBundle(articles);
    const boiler = analysis.matches.filter((m) => m.boilerplate === true);
    console.log(`    PAN-13 dev, ${articles.length} documents around shared sources: ${boiler.length} of ${analysis.matches.length} matches boilerplate`);
    assert.strictEqual(boiler.length, 0);
  });

  it('is not highlighted by default; parallax.showBoilerplate (off by default) dims it', () => {
    const texts = ['By Ana Ruiz, Northern Press Agency.\nThe bridge opens in May.', 'By Ana Ruiz, Northern Press Agency.\nThe bridge opens in May.'];
    const a = makeAnalysis(['a.txt', 'b.txt'], texts, [
      { kind: 'verbatim', score: 1, a: [0, 'By Ana Ruiz, Northern Press Agency.'], b: [1, 'By Ana Ruiz, Northern Press Agency.'], boilerplate: true },
      { kind: 'verbatim', score: 1, a: [0, 'The bridge opens in May.'], b: [1, 'The bridge opens in May.'] },
    ]);
    const story = (texts[0] as string).indexOf('The bridge');
    assert.deepStrictEqual(spansByKind(a, 0).get('verbatim'), [{ start: story, end: story + 'The bridge opens in May.'.length }]);
    assert.deepStrictEqual(boilerplateSpans(a, 0), [{ start: 0, end: 'By Ana Ruiz, Northern Press Agency.'.length }]);
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default?: unknown }> } } };
    assert.strictEqual(manifest.contributes.configuration.properties['parallax.showBoilerplate']?.default, false);
  });
});

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeBundle } from '../../src/core/analyze';
import { parseBundle } from '../../src/core/bundle/parseBundle';
import type { BundleAnalysis, Sentence } from '../../src/core/model';
import { repoRoot } from './paths';

interface Gold {
  readonly bundle: string;
  readonly alignments: readonly { readonly a: string; readonly b: string; readonly pairs: readonly { readonly a: string; readonly b: string }[] }[];
  readonly nonMatches: readonly { readonly a: string; readonly b: string; readonly note?: string }[];
}

/** The target for alignment precision and recall. */
const TARGET = 0.9;
/** Floors per gold file (the target for both today; a gold file that needs a lower floor says why here). */
const FLOORS: Record<string, { precision: number; recall: number }> = {
  seeds: { precision: TARGET, recall: TARGET },
  samples: { precision: TARGET, recall: TARGET },
};

function load(goldFile: string): { gold: Gold; names: string[]; texts: string[]; analysis: BundleAnalysis } {
  const gold = JSON.parse(fs.readFileSync(goldFile, 'utf8')) as Gold;
  const bundle = parseBundle(fs.readFileSync(path.resolve(repoRoot, gold.bundle), 'utf8'));
  const articles = bundle.articles.map((a) => ({ name: a.name, text: a.text }));
  return { gold, names: articles.map((a) => a.name), texts: articles.map((a) => a.text), analysis: analyzeBundle(articles) };
}

function sentenceOf(sentences: readonly Sentence[], at: number): number {
  return sentences.findIndex((s) => s.start <= at && at < s.end);
}

/** The sentence of article `k` that holds the gold snippet (which must occur once). */
function snippetSentence(ctx: ReturnType<typeof load>, k: number, snippet: string): number {
  const text = ctx.texts[k];
  const at = text.indexOf(snippet);
  assert.ok(at >= 0, `snippet not in ${ctx.names[k]}: ${snippet}`);
  assert.strictEqual(text.indexOf(snippet, at + 1), -1, `snippet not unique in ${ctx.names[k]}: ${snippet}`);
  const s = sentenceOf(ctx.analysis.articles[k].sentences, at);
  assert.ok(s >= 0, `snippet outside every sentence: ${snippet}`);
  return s;
}

/** Sentence links the engine reports between two articles (every match, mapped to its sentences). */
function predictedLinks(ctx: ReturnType<typeof load>, a: number, b: number): Set<string> {
  const links = new Set<string>();
  for (const m of ctx.analysis.matches) {
    let x = m.a;
    let y = m.b;
    if (m.a.article === b && m.b.article === a) [x, y] = [m.b, m.a];
    else if (m.a.article !== a || m.b.article !== b) continue;
    links.add(`${sentenceOf(ctx.analysis.articles[a].sentences, x.start)}-${sentenceOf(ctx.analysis.articles[b].sentences, y.start)}`);
  }
  return links;
}

function inQuote(ctx: ReturnType<typeof load>, k: number, start: number, end: number): boolean {
  return ctx.analysis.articles[k].quotes.some((q) => q.start <= start && end <= q.end);
}

function goldSuite(label: string, goldFile: string): void {
  describe(`gold: ${label}`, () => {
    let ctx: ReturnType<typeof load>;
    before(function () {
      if (!fs.existsSync(goldFile)) this.skip();
      ctx = load(goldFile);
    });

    it(`aligns sentences with precision ≥ ${FLOORS[label].precision} and recall ≥ ${FLOORS[label].recall} (target ${TARGET})`, () => {
      let truePositives = 0;
      let predicted = 0;
      let expected = 0;
      for (const al of ctx.gold.alignments) {
        const a = ctx.names.indexOf(al.a);
        const b = ctx.names.indexOf(al.b);
        assert.ok(a >= 0 && b >= 0, `unknown article in gold: ${al.a} / ${al.b}`);
        const want = new Set(al.pairs.map((p) => `${snippetSentence(ctx, a, p.a)}-${snippetSentence(ctx, b, p.b)}`));
        const got = predictedLinks(ctx, a, b);
        const hit = [...got].filter((l) => want.has(l)).length;
        console.log(`      ${al.a} ↔ ${al.b}: ${hit}/${want.size} gold links found, ${got.size - hit} extra`);
        truePositives += hit;
        predicted += got.size;
        expected += want.size;
      }
      const precision = predicted === 0 ? 1 : truePositives / predicted;
      const recall = expected === 0 ? 1 : truePositives / expected;
      console.log(`      ${label} alignment: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (${truePositives} of ${expected} gold links, ${predicted} predicted)`);
      assert.ok(precision >= FLOORS[label].precision, `precision ${precision.toFixed(3)} < ${FLOORS[label].precision}`);
      assert.ok(recall >= FLOORS[label].recall, `recall ${recall.toFixed(3)} < ${FLOORS[label].recall}`);
    });

    it('finds nothing shared between the pairs that share nothing (outside quotations)', () => {
      for (const nm of ctx.gold.nonMatches) {
        const a = ctx.names.indexOf(nm.a);
        const b = ctx.names.indexOf(nm.b);
        assert.ok(a >= 0 && b >= 0, `unknown article in gold: ${nm.a} / ${nm.b}`);
        const shared = ctx.analysis.matches.filter((m) => {
          if (!((m.a.article === a && m.b.article === b) || (m.a.article === b && m.b.article === a))) return false;
          return !(inQuote(ctx, m.a.article, m.a.start, m.a.end) && inQuote(ctx, m.b.article, m.b.start, m.b.end));
        });
        assert.deepStrictEqual(shared.map((m) => `${m.kind} ${m.score}: ${m.a.text} | ${m.b.text}`), [], `${nm.a} ↔ ${nm.b}`);
      }
    });
  });
}

goldSuite('seeds', path.resolve(repoRoot, 'test', 'fixtures', 'seeds.gold.json'));
goldSuite('samples', path.resolve(repoRoot, 'test', 'fixtures', 'samples.gold.json'));

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseBundle } from '../../src/core/bundle/parseBundle';
import { splitSentences } from '../../src/core/text/sentences';
import { findQuotes } from '../../src/core/text/quotes';
import { speakerKey } from '../../src/core/text/names';
import { groupQuotes } from '../../src/core/match/quoteGroups';
import type { Quote, QuoteGroup, QuoteRelation } from '../../src/core/model';
import { repoRoot } from './paths';

/**
 * Quotes, speakers and quote groups against gold files written by reading the bundles:
 * pairwise precision/recall of the grouping, accuracy of the relations, accuracy of the speakers.
 */

interface GoldOccurrence {
  readonly article: string;
  readonly snippet: string;
  readonly relation: QuoteRelation;
}

interface GoldGroup {
  readonly speaker: string | null;
  readonly occurrences: readonly GoldOccurrence[];
}

interface Gold {
  readonly bundle: string;
  readonly quoteGroups: readonly GoldGroup[];
}

interface Figures {
  readonly goldQuotes: number;
  readonly foundGold: number;
  readonly foundQuotes: number;
  readonly precision: number;
  readonly recall: number;
  readonly predictedPairs: number;
  readonly goldPairs: number;
  readonly relationAccuracy: number;
  readonly relations: number;
  readonly speakerAccuracy: number;
  readonly perSpeaker: ReadonlyMap<string, { ok: number; total: number }>;
  readonly problems: readonly string[];
}

/** The quote whose inner text best overlaps the snippet's place in the article (Jaccard of ranges). */
function locate(text: string, quotes: readonly Quote[], snippet: string): number {
  const at = text.indexOf(snippet);
  if (at < 0) {
    throw new Error(`gold snippet not found in its article: ${snippet}`);
  }
  const end = at + snippet.length;
  let best = -1;
  let bestScore = 0;
  quotes.forEach((q, i) => {
    const overlap = Math.min(end, q.inner.end) - Math.max(at, q.inner.start);
    if (overlap <= 0) {
      return;
    }
    const score = overlap / (Math.max(end, q.inner.end) - Math.min(at, q.inner.start));
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

function pairsOf(ids: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      out.push(pairKey(ids[i], ids[j]));
    }
  }
  return out;
}

function evaluate(goldPath: string): Figures {
  const gold = JSON.parse(fs.readFileSync(goldPath, 'utf8')) as Gold;
  const bundle = parseBundle(fs.readFileSync(path.resolve(repoRoot, gold.bundle), 'utf8'));
  const articles = bundle.articles.map((a) => {
    const sentences = splitSentences(a.text);
    return { name: a.name, text: a.text, sentences, quotes: findQuotes(a.text, sentences) };
  });
  const groups: QuoteGroup[] = groupQuotes(articles);
  const problems: string[] = [];

  const idOf = (article: number, quote: number): string => `${article}:${quote}`;
  const goldGroups: { ids: (string | null)[]; group: GoldGroup }[] = gold.quoteGroups.map((group) => ({
    group,
    ids: group.occurrences.map((o) => {
      const a = articles.findIndex((x) => x.name === o.article);
      if (a < 0) {
        throw new Error(`gold names an article the bundle does not have: ${o.article}`);
      }
      const q = locate(articles[a].text, articles[a].quotes, o.snippet);
      if (q < 0) {
        problems.push(`not found as a quote: ${o.article}: ${o.snippet}`);
        return null;
      }
      return idOf(a, q);
    }),
  }));

  const goldPairs = new Set(goldGroups.flatMap((g) => pairsOf(g.ids.map((id, i) => id ?? `missing:${g.group.occurrences[i].snippet}`))));
  const predicted = new Set(groups.flatMap((g) => pairsOf(g.occurrences.map((o) => idOf(o.article, o.quote)))));
  let truePairs = 0;
  for (const p of predicted) {
    if (goldPairs.has(p)) {
      truePairs++;
    } else {
      problems.push(`grouped but not in the gold: ${p}`);
    }
  }
  for (const p of goldPairs) {
    if (!predicted.has(p)) {
      problems.push(`in the gold but not grouped: ${p}`);
    }
  }

  // Relations: each non-first occurrence, relative to the gold group's first occurrence.
  const groupOf = new Map<string, QuoteGroup>();
  for (const g of groups) {
    for (const o of g.occurrences) {
      groupOf.set(idOf(o.article, o.quote), g);
    }
  }
  let relations = 0;
  let relationsOk = 0;
  for (const { group, ids } of goldGroups) {
    for (let i = 1; i < ids.length; i++) {
      relations++;
      const id = ids[i];
      const g = id === null ? undefined : groupOf.get(id);
      // The gold gives relations to its first occurrence; the engine stores every pair's relation (wordingRelations).
      const first = g?.occurrences.find((o) => idOf(o.article, o.quote) === ids[0]);
      const mine = g?.occurrences.find((o) => idOf(o.article, o.quote) === id);
      const relation = g !== undefined && first !== undefined && mine !== undefined ? g.wordingRelations[first.wording][mine.wording] : undefined;
      if (relation !== undefined && relation === group.occurrences[i].relation) {
        relationsOk++;
      } else {
        problems.push(`relation of ${group.occurrences[i].snippet}: gold ${group.occurrences[i].relation}, got ${relation ?? 'no group'}`);
      }
    }
  }

  // Speakers, per gold speaker.
  const perSpeaker = new Map<string, { ok: number; total: number }>();
  let speakersOk = 0;
  let speakers = 0;
  for (const { group, ids } of goldGroups) {
    const want = speakerKey(group.speaker);
    ids.forEach((id, i) => {
      const label = group.speaker ?? '(none)';
      const entry = perSpeaker.get(label) ?? { ok: 0, total: 0 };
      entry.total++;
      speakers++;
      const [a, q] = id === null ? [-1, -1] : id.split(':').map(Number);
      const got = a < 0 ? undefined : articles[a].quotes[q].speakerKey;
      if (got === want) {
        entry.ok++;
        speakersOk++;
      } else {
        problems.push(`speaker of ${group.occurrences[i].snippet}: gold ${want}, got ${got}`);
      }
      perSpeaker.set(label, entry);
    });
  }

  const goldQuotes = goldGroups.reduce((n, g) => n + g.ids.length, 0);
  return {
    goldQuotes,
    foundGold: goldGroups.reduce((n, g) => n + g.ids.filter((id) => id !== null).length, 0),
    foundQuotes: articles.reduce((n, a) => n + a.quotes.length, 0),
    precision: predicted.size === 0 ? 1 : truePairs / predicted.size,
    recall: goldPairs.size === 0 ? 1 : truePairs / goldPairs.size,
    predictedPairs: predicted.size,
    goldPairs: goldPairs.size,
    relationAccuracy: relations === 0 ? 1 : relationsOk / relations,
    relations,
    speakerAccuracy: speakers === 0 ? 1 : speakersOk / speakers,
    perSpeaker,
    problems,
  };
}

function print(name: string, f: Figures): void {
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  const lines = [
    `quote gold ${name}: ${f.foundGold}/${f.goldQuotes} gold quotes found (${f.foundQuotes} quotes found in all)`,
    `  groups: precision ${pct(f.precision)} recall ${pct(f.recall)} (pairs: ${f.predictedPairs} predicted, ${f.goldPairs} gold)`,
    `  relations: ${pct(f.relationAccuracy)} of ${f.relations}; speakers: ${pct(f.speakerAccuracy)}`,
    `  per speaker: ${[...f.perSpeaker].map(([s, e]) => `${s} ${e.ok}/${e.total}`).join(', ')}`,
    ...f.problems.map((p) => `  - ${p}`),
  ];
  console.log(lines.join('\n'));
}

function suiteFor(file: string, withAllQuotes: boolean): void {
  const goldPath = path.resolve(repoRoot, 'test', 'fixtures', file);
  describe(`quote groups and speakers against ${file}`, () => {
    if (!fs.existsSync(goldPath)) {
      it.skip(`${file} is not there yet`);
      return;
    }
    let figures: Figures;
    before(() => {
      figures = evaluate(goldPath);
      print(file, figures);
    });
    it('finds every quotation the gold lists', () => {
      assert.strictEqual(figures.foundGold, figures.goldQuotes);
      if (withAllQuotes) {
        // The seeds gold lists every quote, singletons included: nothing else is a quote.
        assert.strictEqual(figures.foundQuotes, figures.goldQuotes);
      }
    });
    it('groups quotes with pairwise precision and recall ≥ 0.95', () => {
      assert.ok(figures.precision >= 0.95, `precision ${figures.precision}`);
      assert.ok(figures.recall >= 0.95, `recall ${figures.recall}`);
    });
    it('gives each occurrence its relation to the first (≥ 0.95)', () => {
      assert.ok(figures.relationAccuracy >= 0.95, `relation accuracy ${figures.relationAccuracy}`);
    });
    it('attributes quotes to their speakers (≥ 0.95)', () => {
      assert.ok(figures.speakerAccuracy >= 0.95, `speaker accuracy ${figures.speakerAccuracy}`);
    });
  });
}

suiteFor('seeds.gold.json', true);
suiteFor('samples.gold.json', false);

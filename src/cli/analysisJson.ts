import type { ArticleInput, BundleAnalysis } from '../core/model';

/**
 * The JSON form of `parallax analyze --json`; documented in the README's "Command line" section,
 * keep it stable (add fields, never rename). Articles are named, never numbered.
 */
export function analysisJson(articles: readonly ArticleInput[], analysis: BundleAnalysis): object {
  const name = (k: number): string => articles[k].name;
  return {
    articles: analysis.articles.map((a) => ({
      name: a.name,
      sentences: a.sentences.map((s) => ({ start: s.start, end: s.end })),
      quotes: a.quotes.map((q) => ({ start: q.start, end: q.end, text: q.text, speaker: q.speaker, cue: q.cue })),
    })),
    matches: analysis.matches.map((m) => ({
      kind: m.kind,
      score: m.score,
      boilerplate: m.boilerplate === true,
      a: { article: name(m.a.article), start: m.a.start, end: m.a.end, text: m.a.text },
      b: { article: name(m.b.article), start: m.b.start, end: m.b.end, text: m.b.text },
    })),
    quoteGroups: analysis.quoteGroups.map((g) => ({
      originalReason: g.originalReason,
      occurrences: g.occurrences.map((o) => ({
        article: name(o.article), start: o.start, end: o.end, text: o.text, speaker: o.speaker, relation: o.relation, original: o.original,
      })),
    })),
    sources: analysis.sources.map((s) => ({
      name: s.name,
      uniqueShare: s.uniqueShare,
      origin: s.origin === null ? null : name(s.origin),
      evidence: s.evidence,
      covers: s.covers.map((c) => ({ article: name(c.article), share: c.share, inOrder: c.inOrder, relation: c.relation, evidence: c.evidence })),
    })),
    copies: (analysis.copies ?? []).map((c) => ({ article: name(c.article), of: name(c.of), kind: c.kind, similarity: c.similarity })),
    limits: analysis.limits ? { capped: analysis.limits.capped, notes: analysis.limits.notes, work: analysis.limits.work } : null,
  };
}

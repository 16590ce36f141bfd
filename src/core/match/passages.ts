import type { ArticleInput, Match, MatchKind, Span } from '../model';
import type { ArticleFeatures } from './articleFeatures';
import type { SentenceLink } from './documentPair';

/** At most this many punctuation characters are taken in on each end of a verbatim run. */
const MAX_PUNCTUATION = 3;
const PUNCTUATION = /[^\p{L}\p{N}\s]/u;

/**
 * A verbatim run spans words; the punctuation right around it ("…tomorrow." or "(APTT)") is part
 * of the copied passage when both texts carry the same characters there. Widens the two spans over
 * that shared punctuation, a few characters at most on each end, never over a space or a word.
 */
export function widenOverSharedPunctuation(ta: string, a: Span, tb: string, b: Span): [Span, Span] {
  let sa = a.start;
  let sb = b.start;
  for (let k = 0; k < MAX_PUNCTUATION && sa > 0 && sb > 0 && ta[sa - 1] === tb[sb - 1] && PUNCTUATION.test(ta[sa - 1]); k++) {
    sa--;
    sb--;
  }
  let ea = a.end;
  let eb = b.end;
  for (let k = 0; k < MAX_PUNCTUATION && ea < ta.length && eb < tb.length && ta[ea] === tb[eb] && PUNCTUATION.test(ta[ea]); k++) {
    ea++;
    eb++;
  }
  return [{ start: sa, end: ea }, { start: sb, end: eb }];
}

/** The sentence links of one article pair (a < b). */
export interface LinkedPair {
  readonly a: number;
  readonly b: number;
  readonly links: readonly SentenceLink[];
}

/**
 * The matches of the links: a verbatim link gives one match per shared run (widened over the
 * punctuation both texts carry around it), any other the two sentences. Sorted by articles, then starts.
 */
export function matchesOf(pairs: readonly LinkedPair[], articles: readonly ArticleInput[], features: readonly ArticleFeatures[]): Match[] {
  const matches: Match[] = [];
  for (const p of pairs) pairMatches(p, articles, features, matches);
  return sortMatches(matches);
}

/** The matches of one pair's links, added to `out` (matchesOf one pair at a time: a time slice stops between two). */
export function pairMatches(p: LinkedPair, articles: readonly ArticleInput[], features: readonly ArticleFeatures[], out: Match[]): void {
  const [ta, tb] = [articles[p.a].text, articles[p.b].text];
  const [fa, fb] = [features[p.a], features[p.b]];
  for (const l of p.links) {
    if (l.kind === 'verbatim' && l.runs.length > 0) {
      const [sa, sb] = [fa.sents[l.i], fb.sents[l.j]];
      for (const r of l.runs) {
        const [a, b] = widenOverSharedPunctuation(
          ta, { start: sa.wordStarts[r.a], end: sa.wordEnds[r.a + r.length - 1] },
          tb, { start: sb.wordStarts[r.b], end: sb.wordEnds[r.b + r.length - 1] },
        );
        out.push(matchOf('verbatim', 1, p, [ta, tb], [a, b]));
      }
    } else {
      out.push(matchOf(l.kind, Math.round(l.score * 1000) / 1000, p, [ta, tb], [fa.sentences[l.i], fb.sentences[l.j]]));
    }
  }
}

/** Matches in the order of an analysis: by articles, then starts (in place). */
export function sortMatches<M extends Match>(matches: M[]): M[] {
  return matches.sort((x, y) => x.a.article - y.a.article || x.b.article - y.b.article || x.a.start - y.a.start || x.b.start - y.b.start);
}

/** One match, built field by field (no spread: one object shape for all). */
function matchOf(kind: MatchKind, score: number, p: LinkedPair, [ta, tb]: readonly [string, string], [a, b]: readonly [Span, Span]): Match {
  return {
    kind, score,
    a: { article: p.a, start: a.start, end: a.end, text: ta.slice(a.start, a.end) },
    b: { article: p.b, start: b.start, end: b.end, text: tb.slice(b.start, b.end) },
    // Set here, last (the key order of the output), so that marking it later (reuse.ts) keeps the object's shape: no property store per match.
    boilerplate: false,
  };
}

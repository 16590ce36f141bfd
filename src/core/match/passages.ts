import type { Span } from '../model';

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

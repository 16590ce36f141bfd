import { diffWords } from 'diff';

/** One piece of a word-level comparison of two wordings. */
export interface WordDiffPart {
  readonly op: 'equal' | 'removed' | 'added';
  readonly text: string;
}

/**
 * What changed between two wordings of a quote, word by word: what the second dropped
 * ('removed') and what it put in ('added'). Case-insensitive, so "High on" and "high on" are equal;
 * adjacent parts of the same kind are merged so a reader sees phrases, not single words.
 */
export function wordDiff(a: string, b: string): WordDiffPart[] {
  const parts: WordDiffPart[] = [];
  for (const change of diffWords(a, b, { ignoreCase: true })) {
    const op = change.added ? 'added' : change.removed ? 'removed' : 'equal';
    const last = parts[parts.length - 1];
    if (last !== undefined && last.op === op) {
      parts[parts.length - 1] = { op, text: last.text + change.value };
    } else if (change.value.length > 0) {
      parts.push({ op, text: change.value });
    }
  }
  return parts;
}

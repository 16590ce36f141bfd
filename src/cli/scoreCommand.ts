import { DEFAULT_OPTIONS } from '../core/analyze';
import { articleFeatures } from '../core/match/articleFeatures';
import type { SentenceFeatures } from '../core/match/articleFeatures';
import { scoreSentences } from '../core/match/sentenceScore';
import type { CommandSpec, ParsedCommandLine, Print } from './args';
import { readTextFile, UsageError } from './io';
import { engineStep } from './internalError';

export const SCORE: CommandSpec = {
  name: 'score',
  args: '<pairs.tsv>',
  summary: 'Score and kind (verbatim, near-verbatim, paraphrase or none) of each "sentence1<TAB>sentence2" line; with more columns, the last two are the sentences.',
  positionals: { min: 1, max: 1 },
  options: {},
};

/**
 * Scores sentence pairs with the engine's sentence scorer, so that it can be measured against
 * labelled paraphrase corpora. Word weights come from the file itself (rarer words weigh more).
 * Returns one `score<TAB>kind` per pair (kind: verbatim, near-verbatim, paraphrase or none).
 */
export function scorePairs(pairs: readonly (readonly [string, string])[]): { score: number; kind: string }[] {
  const features = (s: string): SentenceFeatures => articleFeatures(s, [{ start: 0, end: s.length, paragraph: 0 }], []).sents[0];
  const sides = pairs.map(([a, b]) => [features(a), features(b)] as const);
  const df = new Map<string, number>();
  for (const side of sides) for (const f of side) for (const k of f.keys) df.set(k, (df.get(k) ?? 0) + 1);
  const n = sides.length * 2;
  const weight = (key: string): number => Math.log(1 + (n + 1) / ((df.get(key) ?? 0) + 0.5));
  return sides.map(([a, b]) => {
    const s = scoreSentences(a, b, weight, DEFAULT_OPTIONS);
    return { score: Math.round(s.score * 1000) / 1000, kind: s.kind ?? 'none' };
  });
}

/** `parallax score <pairs.tsv>`: each line `sentence1<TAB>sentence2` (with more columns, the last two are the sentences). */
export function scoreCommand(cl: ParsedCommandLine, out: Print): number {
  const file = cl.positionals[0];
  const pairs: [string, string][] = [];
  readTextFile(file).split(/\r?\n/).forEach((line, k) => {
    if (line.trim() === '') return;
    const cols = line.split('\t');
    if (cols.length < 2) throw new UsageError(`${file}:${k + 1}: no tab on this line. Each line must be "sentence1<TAB>sentence2".`);
    pairs.push([cols[cols.length - 2], cols[cols.length - 1]]);
  });
  for (const r of engineStep('scoring the sentence pairs', [], () => scorePairs(pairs))) out(`${r.score.toFixed(3)}\t${r.kind}`);
  return 0;
}

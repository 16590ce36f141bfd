import * as fs from 'fs';
import type { ArticleInput } from '../src/core/model';
import { analyseInChild, generateBundle, makeSentence, makeVocabulary, mb } from './analysisBench';
import { limitsLine } from './denseBench';
import { prng } from './prng';

/**
 * `npm run bench -- adversarial`: shapes of text that real bundles have and that made the engine
 * quadratic (results tables, dialogue, boilerplate, syndicated copies, text without punctuation,
 * binary junk). Each row is analysed cold in a fresh child process and prints MB/s, peak RSS and
 * its cost per MB against ordinary news. Target: every row ≥ 0.5 MB/s and ≤ 3× slower per MB.
 */

interface Row {
  readonly name: string;
  readonly articles: ArticleInput[];
}

const TIMEOUT_MS = 120000;
const named = (texts: readonly string[], prefix: string): ArticleInput[] =>
  texts.map((text, k) => ({ name: `${prefix}_${String(k).padStart(5, '0')}.txt`, text }));

/** Very few distinct short words, many quote marks and line breaks: every sentence shares shingles with every other. */
function repetitive(rand: () => number, articles: number, size: number): ArticleInput[] {
  const words = ['ka', 'lo', 'ri', 'tam', 'vor', 'du', 'sen'];
  const marks = ['', '', '', '"', '“', '”', '\n', '. ', ', '];
  return named(Array.from({ length: articles }, () => {
    let t = '';
    while (t.length < size) t += words[Math.floor(rand() * words.length)] + marks[Math.floor(rand() * marks.length)] + ' ';
    return t;
  }), 'repetitive');
}

/** Dialogue: short quoted lines with speakers, a small cast and vocabulary. */
function dialogue(rand: () => number, articles: number, size: number): ArticleInput[] {
  const cast = ['Anna', 'Boris', 'Carla', 'Dmitri', 'Eva'];
  const words = 'yes no well maybe never now today here there the plan money deal war time home you we they go come stay'.split(' ');
  const cues = ['said', 'asked', 'replied', 'told him', 'added'];
  return named(Array.from({ length: articles }, () => {
    const lines: string[] = [];
    let n = 0;
    while (n < size) {
      const q = Array.from({ length: 2 + Math.floor(rand() * 6) }, () => words[Math.floor(rand() * words.length)]).join(' ');
      const line = `"${q[0].toUpperCase()}${q.slice(1)}${rand() < 0.3 ? '?' : ','}" ${cues[Math.floor(rand() * cues.length)]} ${cast[Math.floor(rand() * cast.length)]}.`;
      lines.push(line);
      n += line.length + 1;
    }
    return lines.join(rand() < 0.5 ? '\n' : ' ');
  }), 'dialogue');
}

/** One article of `size` characters of ordinary sentences on a single line. */
function oneLine(rand: () => number, size: number): ArticleInput[] {
  const vocab = makeVocabulary(rand, 30000);
  const parts: string[] = [];
  let n = 0;
  while (n < size) {
    const s = makeSentence(rand, vocab.pick);
    parts.push(s);
    n += s.length + 1;
  }
  return named([parts.join(' ')], 'oneline');
}

/** Many one-sentence articles; a third of them repeat a sentence of an earlier one. */
function tiny(rand: () => number, count: number): ArticleInput[] {
  const vocab = makeVocabulary(rand, 5000);
  const texts: string[] = [];
  for (let k = 0; k < count; k++) texts.push(k > 0 && rand() < 0.33 ? texts[Math.floor(rand() * k)] : makeSentence(rand, vocab.pick));
  return named(texts, 'tiny');
}

/** One 2.7 KB press release syndicated `count` times. */
function identical(rand: () => number, count: number): ArticleInput[] {
  const vocab = makeVocabulary(rand, 5000);
  let text = '';
  while (text.length < 2700) text += `${makeSentence(rand, vocab.pick)}${rand() < 0.3 ? '\n' : ' '}`;
  return named(Array.from({ length: count }, () => text), 'identical');
}

/** Sentences of `words` words without punctuation; the articles share long stretches. */
function unpunctuated(rand: () => number, articles: number, words: number): ArticleInput[] {
  const vocab = makeVocabulary(rand, 3000);
  const shared = Array.from({ length: words }, () => vocab.pick());
  return named(Array.from({ length: articles }, () => {
    const sentences: string[] = [];
    for (let s = 0; s < 2; s++) {
      const w = shared.map((x) => (rand() < 0.2 ? vocab.pick() : x));
      sentences.push(w.join(' '));
    }
    return sentences.join('\n\n');
  }), 'unpunctuated');
}

/** Random bytes decoded as UTF-8 (invalid sequences become U+FFFD), cut into articles. */
function randomBytes(rand: () => number, articles: number, size: number): ArticleInput[] {
  const decoder = new TextDecoder('utf-8');
  return named(Array.from({ length: articles }, () => {
    const bytes = new Uint8Array(size);
    for (let k = 0; k < size; k++) bytes[k] = Math.floor(rand() * 256);
    return decoder.decode(bytes);
  }), 'random');
}

const NEWS_ROW = 'ordinary news (reference)';
const DIALOGUE_ROW = 'quote-dense dialogue (4 × 40 KB)';

function rows(): Row[] {
  const rand = prng(88);
  return [
    { name: NEWS_ROW, articles: generateBundle(200).articles },
    { name: 'repetitive vocabulary (4 × 50 KB)', articles: repetitive(rand, 4, 50_000) },
    { name: DIALOGUE_ROW, articles: dialogue(rand, 4, 40_000) },
    { name: 'one 5 MB line', articles: oneLine(rand, 5_000_000) },
    { name: '10,000 tiny articles', articles: tiny(rand, 10_000) },
    { name: '200 identical articles (2.7 KB)', articles: identical(rand, 200) },
    { name: '5,000-word sentences, no punctuation (10 articles)', articles: unpunctuated(rand, 10, 5000) },
    { name: 'random bytes decoded to text (20 × 50 KB)', articles: randomBytes(rand, 20, 50_000) },
  ];
}

/** The larger dialogue bundle whose cost against the row's gives the per-MB slope (0.6 MB). */
const dialogueLarge = (): ArticleInput[] => dialogue(prng(90), 16, 40_000);

/**
 * Writes one row's articles as JSON (what analysis-child reads), for profiling; row
 * `dialogue-large` is the slope's larger dialogue bundle.
 */
export function writeAdversarialFile(rowArg: string | undefined, file: string | undefined): void {
  const all = rows();
  const row = Number(rowArg);
  const articles = rowArg === 'dialogue-large' ? dialogueLarge() : Number.isInteger(row) && row >= 0 && row < all.length ? all[row].articles : undefined;
  if (articles === undefined || file === undefined) throw new Error(`adversarial-file: give a row (0–${all.length - 1} or dialogue-large) and an output file.`);
  fs.writeFileSync(file, JSON.stringify(articles));
}

/**
 * The CPU of a first analysis of a few kilobytes (news and dialogue) in a fresh process: loading the
 * lemma and WordNet tables and compiling the engine, paid once per process whatever the input. A row
 * of 0.15 MB carries it in full, so the table also gives each row's ratio with it taken out.
 */
function startupCpuMs(): number | null {
  const rand = prng(89);
  const child = analyseInChild([...generateBundle(2).articles, ...dialogue(rand, 1, 2_000)], ['--cold-only'], TIMEOUT_MS);
  return child === null ? null : child.coldCpuMs;
}

/** A row's size and the CPU of its cold analysis, for the slope between two sizes. */
interface Measured {
  readonly megabytes: number;
  readonly cpuMs: number;
}

const megabytesOf = (articles: readonly ArticleInput[]): number => articles.reduce((n, a) => n + a.text.length, 0) / 1048576;

/**
 * The CPU each extra MB costs, from the same shape at two sizes: what is paid once per process
 * (tables, compiling the engine's hot paths, which quote-dense text exercises more) cancels out, so
 * a 0.15 MB row and a 1 MB row compare per MB. Run for the reference and the dialogue row, whose
 * small size makes its whole-run ratio mostly start-up.
 */
function slopeLine(name: string, small: Measured, larger: readonly ArticleInput[]): { line: string; cpuPerMb: number } | null {
  const child = analyseInChild(larger, ['--cold-only'], TIMEOUT_MS);
  if (child === null) return null;
  const big = { megabytes: megabytesOf(larger), cpuMs: child.coldCpuMs };
  const cpuPerMb = (big.cpuMs - small.cpuMs) / (big.megabytes - small.megabytes);
  return {
    cpuPerMb,
    line: `  ${name}: ${small.megabytes.toFixed(2)} MB cpu ${small.cpuMs.toFixed(0)} ms, ${big.megabytes.toFixed(2)} MB cpu ${big.cpuMs.toFixed(0)} ms (${(big.megabytes / (child.coldMs / 1000)).toFixed(2)} MB/s): each extra MB ${cpuPerMb.toFixed(0)} ms CPU`,
  };
}

function printSlopes(news: Measured | undefined, dialogueRow: Measured | undefined): void {
  if (news === undefined || dialogueRow === undefined) return;
  console.log('  cost of each extra MB (the same shape at two sizes; start-up cancels out):');
  const reference = slopeLine('ordinary news', news, generateBundle(800).articles);
  const quoted = slopeLine('quote-dense dialogue', dialogueRow, dialogueLarge());
  if (reference === null || quoted === null) return;
  console.log(reference.line);
  console.log(`${quoted.line}, ${(quoted.cpuPerMb / reference.cpuPerMb).toFixed(2)}× the reference per extra MB`);
}

export async function runAdversarialBench(): Promise<void> {
  const measured = new Map<string, Measured>();
  let referenceCpuPerMb = 0;
  let referenceNetPerMb = 0;
  const startup = startupCpuMs() ?? 0;
  console.log('adversarial: each row cold in a fresh process (target ≥ 0.5 MB/s and ≤ 3× the reference\'s time per MB; the ratio is of CPU time, steadier than wall time on a shared machine)');
  console.log(`  a first analysis of 3 small articles costs ${startup.toFixed(0)} ms CPU in a fresh process (tables, compilation); "net" ratios leave it out`);
  for (const row of rows()) {
    const megabytes = megabytesOf(row.articles);
    const child = analyseInChild(row.articles, ['--cold-only'], TIMEOUT_MS);
    const label = `  ${row.name}: ${row.articles.length.toLocaleString('en-US')} articles, ${megabytes.toFixed(2)} MB`;
    if (child === null) {
      console.log(`${label}: over ${TIMEOUT_MS / 1000} s, stopped (< ${(megabytes / (TIMEOUT_MS / 1000)).toFixed(3)} MB/s)`);
      continue;
    }
    measured.set(row.name, { megabytes, cpuMs: child.coldCpuMs });
    const cpuPerMb = child.coldCpuMs / megabytes;
    const netPerMb = Math.max(0, child.coldCpuMs - startup) / megabytes;
    if (referenceCpuPerMb === 0) [referenceCpuPerMb, referenceNetPerMb] = [cpuPerMb, netPerMb];
    console.log(
      `${label}: ${child.coldMs.toFixed(0)} ms (cpu ${child.coldCpuMs.toFixed(0)} ms), ${(megabytes / (child.coldMs / 1000)).toFixed(2)} MB/s ` +
      `(${(megabytes / (child.coldCpuMs / 1000)).toFixed(2)} MB per CPU-second), ` +
      `${(cpuPerMb / referenceCpuPerMb).toFixed(2)}× the reference per MB (net ${(netPerMb / referenceNetPerMb).toFixed(2)}×), ` +
      `peak rss ${mb(child.maxRss)}, ${child.spans.length / 6} matches${limitsLine(child)}`,
    );
  }
  printSlopes(measured.get(NEWS_ROW), measured.get(DIALOGUE_ROW));
}

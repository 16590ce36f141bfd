import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import { diffWords } from 'diff';
import { analyzeBundle, createAnalysisCache } from '../src/core/analyze';
import { parseBundle } from '../src/core/bundle/parseBundle';
import type { CancellationLike } from '../src/core/cancellation';
import type { ArticleInput, BundleAnalysis } from '../src/core/model';
import { prng } from './prng';

/**
 * `npm run bench analysis`: generated bundles of 5, 100 and 1,000 articles (≈ 5 KB each, fixed seed)
 * with planted verbatim, edited and paraphrased sentences; prints the engine's time (cold, warm),
 * peak memory and recall of the planted passages, against a naive baseline that diffs every
 * sentence with every sentence of every other article. The engine's own time and memory are
 * measured in a fresh child process (`analysis-child`) that holds nothing but Node, the engine and
 * the bundle; the same analysis in the bench process, which also holds the generated bundles,
 * the plant lists and the baseline's work, is printed beside it.
 */

export type PlantKind = 'verbatim' | 'edited' | 'paraphrased';

export interface Plant {
  readonly kind: PlantKind;
  readonly source: number;
  readonly target: number;
  /** The planted sentence's text in the source and in the target. */
  readonly sourceText: string;
  readonly targetText: string;
}

interface GeneratedBundle {
  readonly articles: ArticleInput[];
  readonly plants: Plant[];
  readonly bytes: number;
}

export const FUNCTION_WORDS = 'the of and to in a that for on with as by at from is was were has have will would said'.split(' ');
const SYLLABLES = 'ka lo ri sen tam vor ple du mis gra tol ben qui sar fen dor lum pat ver shi no ral ek ost mar vin cal pre'.split(' ');

function makeWord(rand: () => number): string {
  const n = 2 + Math.floor(rand() * 3);
  let w = '';
  for (let k = 0; k < n; k++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w;
}

/** A vocabulary with a Zipf-like use, and the bench's own synonym table (unknown to the engine). */
export function makeVocabulary(rand: () => number, size: number): { words: string[]; synonym: Map<string, string>; pick: () => string } {
  const set = new Set<string>();
  while (set.size < size) set.add(makeWord(rand));
  const words = [...set];
  const synonym = new Map<string, string>();
  for (let k = 0; k + 1 < words.length; k += 2) {
    synonym.set(words[k], words[k + 1]);
    synonym.set(words[k + 1], words[k]);
  }
  // Zipf: rank r drawn with probability ∝ 1/r, by inverting the harmonic CDF approximately.
  const pick = () => words[Math.min(words.length - 1, Math.floor(Math.exp(rand() * Math.log(words.length + 1))) - 1)];
  return { words, synonym, pick };
}

export function makeSentence(rand: () => number, pick: () => string): string {
  const n = 12 + Math.floor(rand() * 16);
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const r = rand();
    if (r < 0.35) out.push(FUNCTION_WORDS[Math.floor(rand() * FUNCTION_WORDS.length)]);
    else if (r < 0.42) { const w = pick(); out.push(w[0].toUpperCase() + w.slice(1)); }
    else if (r < 0.45) out.push(String(Math.floor(rand() * 2000)));
    else out.push(pick());
  }
  out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  return `${out.join(' ')}.`;
}

function capitalize(words: string[]): string {
  const s = words.join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
}

/** Small edits: a word dropped, a word added, two neighbours swapped. */
export function edit(sentence: string, rand: () => number, pick: () => string): string {
  const words = sentence.slice(0, -1).split(' ');
  words.splice(1 + Math.floor(rand() * (words.length - 2)), 1);
  words.splice(1 + Math.floor(rand() * (words.length - 2)), 0, pick());
  const k = 1 + Math.floor(rand() * (words.length - 3));
  [words[k], words[k + 1]] = [words[k + 1], words[k]];
  return capitalize(words.map((w, i) => (i === 0 ? w.toLowerCase() : w)));
}

/** Word-substitution paraphrase: 40% of the content words replaced by their synonyms, function words shuffled. */
export function paraphrase(sentence: string, rand: () => number, synonym: Map<string, string>): string {
  const words = sentence.slice(0, -1).split(' ').map((w, i) => (i === 0 ? w.toLowerCase() : w));
  const out = words.map((w) => {
    if (FUNCTION_WORDS.includes(w)) return rand() < 0.5 ? FUNCTION_WORDS[Math.floor(rand() * FUNCTION_WORDS.length)] : w;
    const s = synonym.get(w.toLowerCase());
    return s !== undefined && rand() < 0.4 ? s : w;
  });
  return capitalize(out);
}

/** A bundle of `count` articles of about 5,000 characters, two planted passages per article. */
export function generateBundle(count: number, seed = 20241218): GeneratedBundle {
  const rand = prng(seed + count);
  const vocab = makeVocabulary(rand, 30000);
  const sentences: string[][] = [];
  for (let a = 0; a < count; a++) {
    const list: string[] = [];
    let size = 0;
    while (size < 5000) {
      const s = makeSentence(rand, vocab.pick);
      list.push(s);
      size += s.length + 1;
    }
    sentences.push(list);
  }
  const plants: Plant[] = [];
  const kinds: PlantKind[] = ['verbatim', 'edited', 'paraphrased'];
  for (let k = 0; k < count * 2 && count > 1; k++) {
    const source = Math.floor(rand() * count);
    let target = Math.floor(rand() * (count - 1));
    if (target >= source) target++;
    const kind = kinds[k % 3];
    const from = sentences[source][Math.floor(rand() * sentences[source].length)];
    const text = kind === 'verbatim' ? from : kind === 'edited' ? edit(from, rand, vocab.pick) : paraphrase(from, rand, vocab.synonym);
    const at = 1 + Math.floor(rand() * (sentences[target].length - 1));
    sentences[target][at] = text;
    plants.push({ kind, source, target, sourceText: from, targetText: text });
  }
  // Keep only plants whose source sentence survived (a later plant may have overwritten it).
  const articles = sentences.map((list, a) => {
    const paragraphs: string[] = [];
    for (let k = 0; k < list.length; k += 4) paragraphs.push(list.slice(k, k + 4).join(' '));
    return { name: `${String(a).padStart(4, '0')}_generated.txt`, text: paragraphs.join('\n') };
  });
  const alive = plants.filter((p) => articles[p.source].text.includes(p.sourceText) && articles[p.target].text.includes(p.targetText));
  return { articles, plants: alive, bytes: articles.reduce((n, a) => n + a.text.length, 0) };
}

/** Share of planted passages the analysis found: a match between the two articles that overlaps both planted sentences. */
export function recallOf(bundle: Pick<GeneratedBundle, 'articles' | 'plants'>, analysis: Pick<BundleAnalysis, 'matches'>): Record<PlantKind | 'all', number> {
  const found: Record<PlantKind, [number, number]> = { verbatim: [0, 0], edited: [0, 0], paraphrased: [0, 0] };
  const byPair = new Map<string, BundleAnalysis['matches'][number][]>();
  for (const m of analysis.matches) {
    const key = `${m.a.article} ${m.b.article}`;
    const list = byPair.get(key);
    if (list) list.push(m);
    else byPair.set(key, [m]);
  }
  for (const p of bundle.plants) {
    const lo = Math.min(p.source, p.target);
    const hi = Math.max(p.source, p.target);
    const sStart = bundle.articles[p.source].text.indexOf(p.sourceText);
    const tStart = bundle.articles[p.target].text.indexOf(p.targetText);
    const overlaps = (span: { start: number; end: number }, start: number, len: number) => span.start < start + len && start < span.end;
    const hit = (byPair.get(`${lo} ${hi}`) ?? []).some((m) => {
      const [src, tgt] = p.source === lo ? [m.a, m.b] : [m.b, m.a];
      return overlaps(src, sStart, p.sourceText.length) && overlaps(tgt, tStart, p.targetText.length);
    });
    found[p.kind][1]++;
    if (hit) found[p.kind][0]++;
  }
  const share = ([h, n]: [number, number]) => (n === 0 ? 1 : h / n);
  const all: [number, number] = [found.verbatim[0] + found.edited[0] + found.paraphrased[0], found.verbatim[1] + found.edited[1] + found.paraphrased[1]];
  return { verbatim: share(found.verbatim), edited: share(found.edited), paraphrased: share(found.paraphrased), all: share(all) };
}

/** The naive baseline's verdict on one sentence pair: share of common characters in a word diff. */
function baselineSimilar(a: string, b: string): boolean {
  let common = 0;
  for (const part of diffWords(a, b, { ignoreCase: true })) if (!part.added && !part.removed) common += part.value.length;
  return (2 * common) / (a.length + b.length) >= 0.5;
}

/** A token that samples memory each time the engine checks it (the analysis is synchronous). */
function memorySampler(): { token: CancellationLike; peak: () => { rss: number; heap: number } } {
  let rss = 0;
  let heap = 0;
  let calls = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  sample();
  return {
    token: { get isCancellationRequested() { if (++calls % 64 === 0) sample(); return false; } },
    peak: () => { sample(); return { rss, heap }; },
  };
}

export const mb = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(0)} MB`;
export const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function sentencesOf(text: string): string[] {
  return text.split(/(?<=\.)\s+/).filter((s) => s.length > 0);
}

/** Times the baseline over all sentence pairs, or over a timed sample of them when there are too many, extrapolating. */
function runBaseline(bundle: GeneratedBundle, budgetMs: number): { ms: number; extrapolated: boolean; recall: number; pairs: number } {
  const sents = bundle.articles.map((a) => sentencesOf(a.text));
  let total = 0;
  let sum = 0;
  for (const s of sents) {
    total += s.length * sum;
    sum += s.length;
  }
  const rand = prng(7);
  const t0 = performance.now();
  let done = 0;
  let all = true;
  outer: for (let x = 0; x < sents.length; x++) {
    for (let y = x + 1; y < sents.length; y++) {
      for (const a of sents[x]) for (const b of sents[y]) { baselineSimilar(a, b); done++; }
      if (performance.now() - t0 > budgetMs) { all = false; break outer; }
    }
  }
  if (!all) {
    // Random article pairs, so the sample is not biased to the first articles.
    const t1 = performance.now();
    let sampled = 0;
    while (performance.now() - t1 < budgetMs / 2) {
      const x = Math.floor(rand() * sents.length);
      const y = Math.floor(rand() * sents.length);
      if (x === y) continue;
      for (const a of sents[x]) for (const b of sents[y]) { baselineSimilar(a, b); sampled++; }
    }
    const perPair = (performance.now() - t1) / Math.max(1, sampled);
    const hits = bundle.plants.filter((p) => baselineSimilar(p.sourceText, p.targetText)).length;
    return { ms: perPair * total, extrapolated: true, recall: hits / Math.max(1, bundle.plants.length), pairs: total };
  }
  const ms = performance.now() - t0;
  const hits = bundle.plants.filter((p) => baselineSimilar(p.sourceText, p.targetText)).length;
  return { ms, extrapolated: false, recall: hits / Math.max(1, bundle.plants.length), pairs: done };
}

/** What `analysis-child` prints on stdout: one line of JSON. Memory in bytes. */
export interface ChildReport {
  readonly coldMs: number;
  /** CPU time (user + system) of the cold analysis: steadier than wall time when the machine is shared. */
  readonly coldCpuMs: number;
  readonly warmMs: number;
  readonly oneEditMs: number;
  /** process.resourceUsage().maxRSS once Node, the engine (compromise included) and the bundle are loaded, before any analysis. */
  readonly loadedRss: number;
  /** The same high-water mark after the cold analysis, and at the end (warm and one-article edit too). */
  readonly coldRss: number;
  readonly maxRss: number;
  /** heapUsed before the analysis, and its peak: the largest heap seen before any GC (v8.GCProfiler) or at any token check. */
  readonly loadedHeap: number;
  readonly peakHeap: number;
  /** Garbage collections during the three analyses, and how many were full (mark-sweep-compact). */
  readonly gcs: number;
  readonly fullGcs: number;
  /** Every match as six numbers: a.article, a.start, a.end, b.article, b.start, b.end (the parent computes recall). */
  readonly spans: number[];
  /** What the analysis says about its own work: its limits (caps that cut work, counters) and copies found. */
  readonly limits?: unknown;
  readonly copies?: number;
}

/** Writes the generated articles to a temporary JSON file for the child to read. */
function writeBundleFile(articles: readonly ArticleInput[]): string {
  const file = path.join(os.tmpdir(), `parallax-bench-${process.pid}-${articles.length}.json`);
  fs.writeFileSync(file, JSON.stringify(articles));
  return file;
}

/**
 * `node dist/bench.js analysis-child <file>`: analyses the bundle in `file` cold, warm, and with one
 * article edited, in a process that holds nothing else, and reports time and memory as JSON.
 * `--snapshot-at=<MB>` writes a heap snapshot (to the working directory) the first time heapUsed passes that size.
 * `--cold-only` skips the warm and edited runs (the adversarial and dense tables time one cold analysis).
 */
export function runAnalysisChild(args: readonly string[]): void {
  const file = args[0];
  if (file === undefined) throw new Error('analysis-child: give the bundle file (JSON array of {name, text}) to analyse.');
  const snapshotAt = Number(args.find((a) => a.startsWith('--snapshot-at='))?.slice('--snapshot-at='.length) ?? NaN) * 1024 * 1024;
  const articles = JSON.parse(fs.readFileSync(file, 'utf8')) as ArticleInput[];
  const loadedRss = process.resourceUsage().maxRSS * 1024;
  const loadedHeap = process.memoryUsage().heapUsed;
  let peakHeap = loadedHeap;
  let snapshotWritten = false;
  const token: CancellationLike = {
    get isCancellationRequested() {
      const used = v8.getHeapStatistics().used_heap_size;
      if (used > peakHeap) peakHeap = used;
      if (!snapshotWritten && used > snapshotAt) {
        snapshotWritten = true;
        process.stderr.write(`analysis-child: heap ${mb(used)}, snapshot ${v8.writeHeapSnapshot()}\n`);
      }
      return false;
    },
  };
  const gc = new v8.GCProfiler();
  gc.start();
  const cache = createAnalysisCache();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const analysis = analyzeBundle(articles, {}, token, cache);
  const coldMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const coldCpuMs = (cpu.user + cpu.system) / 1000;
  const coldRss = process.resourceUsage().maxRSS * 1024;
  const coldOnly = args.includes('--cold-only');
  const t1 = performance.now();
  if (!coldOnly) analyzeBundle(articles, {}, token, cache);
  const warmMs = performance.now() - t1;
  const edited = articles.map((a, k) => (k === 0 ? { name: a.name, text: `${a.text} One more sentence.` } : a));
  const t2 = performance.now();
  if (!coldOnly) analyzeBundle(edited, {}, token, cache);
  const oneEditMs = performance.now() - t2;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const stats = gc.stop().statistics;
  for (const s of stats) peakHeap = Math.max(peakHeap, s.beforeGC.heapStatistics.usedHeapSize);
  const spans: number[] = [];
  for (const m of analysis.matches) spans.push(m.a.article, m.a.start, m.a.end, m.b.article, m.b.start, m.b.end);
  const report: ChildReport = {
    coldMs, coldCpuMs, warmMs, oneEditMs, loadedRss, coldRss, maxRss, loadedHeap, peakHeap,
    gcs: stats.length, fullGcs: stats.filter((s) => s.gcType === 'MarkSweepCompact').length, spans,
    ...extrasOf(analysis),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

/** The analysis's own account of its work, when the engine gives one (fields added by issue 8). */
function extrasOf(analysis: BundleAnalysis): { limits?: unknown; copies?: number } {
  const extra = analysis as BundleAnalysis & { limits?: unknown; copies?: readonly unknown[] };
  return { limits: extra.limits, copies: extra.copies?.length };
}

/**
 * Runs `analysis-child` on a bundle in a fresh Node process (same flags, same script) and reads its
 * report; null when it runs past `timeoutMs` (the child is killed).
 */
export function analyseInChild(articles: readonly ArticleInput[], flags: readonly string[] = [], timeoutMs = 0): ChildReport | null {
  const file = writeBundleFile(articles);
  try {
    const run = spawnSync(process.execPath, [...process.execArgv, process.argv[1], 'analysis-child', file, ...flags], {
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 256 * 1024 * 1024, timeout: timeoutMs > 0 ? timeoutMs : undefined,
    });
    if (run.error && (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return null;
    if (run.error) throw run.error;
    if (run.status !== 0) throw new Error(`analysis-child exited with ${run.status ?? run.signal}`);
    return JSON.parse(run.stdout) as ChildReport;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** The matches of a child's report, as much of them as recallOf reads. */
export function matchesOf(report: ChildReport): Pick<BundleAnalysis, 'matches'> {
  const matches: BundleAnalysis['matches'][number][] = [];
  const s = report.spans;
  for (let k = 0; k + 5 < s.length; k += 6) {
    matches.push({ kind: 'verbatim', score: 1, a: { article: s[k], start: s[k + 1], end: s[k + 2], text: '' }, b: { article: s[k + 3], start: s[k + 4], end: s[k + 5], text: '' } });
  }
  return { matches };
}

export async function runAnalysisBench(): Promise<void> {
  const seeds = path.resolve(__dirname, '..', '..', 'shared', 'samples', 'seeds.bundle');
  if (fs.existsSync(seeds)) {
    const articles = parseBundle(fs.readFileSync(seeds, 'utf8')).articles.map((a) => ({ name: a.name, text: a.text }));
    const cache = createAnalysisCache();
    const c0 = performance.now();
    analyzeBundle(articles, {}, undefined, cache);
    const cold = performance.now() - c0;
    const warm: number[] = [];
    for (let k = 0; k < 20; k++) {
      const t0 = performance.now();
      analyzeBundle(articles, {}, undefined, cache);
      warm.push(performance.now() - t0);
    }
    warm.sort((a, b) => a - b);
    console.log(`analysis: seeds (5 articles, ${(articles.reduce((n, a) => n + a.text.length, 0) / 1024).toFixed(1)} KB): cold ${cold.toFixed(1)} ms, warm median ${warm[10].toFixed(2)} ms (target < 50 ms)`);
  } else {
    console.log(`analysis: seeds bundle not found at ${seeds}; skipped`);
  }
  for (const count of [5, 100, 1000]) {
    const bundle = generateBundle(count);
    // The engine alone: a fresh process that holds Node, the engine and this bundle, nothing else.
    const child = analyseInChild(bundle.articles);
    if (child === null) throw new Error('analysis-child: no report');
    const recall = recallOf(bundle, matchesOf(child));
    // The same analysis in this process, as before: it also holds the bundles, plants and baseline work.
    const sampler = memorySampler();
    const cache = createAnalysisCache();
    const t0 = performance.now();
    const analysis = analyzeBundle(bundle.articles, {}, sampler.token, cache);
    const cold = performance.now() - t0;
    analyzeBundle(bundle.articles, {}, sampler.token, cache);
    const edited = bundle.articles.map((a, k) => (k === 0 ? { name: a.name, text: `${a.text} One more sentence.` } : a));
    analyzeBundle(edited, {}, sampler.token, cache);
    const peak = sampler.peak();
    if (analysis.matches.length * 6 !== child.spans.length) {
      throw new Error(`analysis: the child found ${child.spans.length / 6} matches, this process ${analysis.matches.length}: the engine is not deterministic`);
    }
    const base = runBaseline(bundle, count <= 5 ? 60000 : 8000);
    console.log(
      `analysis: ${count} articles, ${(bundle.bytes / (1024 * 1024)).toFixed(2)} MB, ${bundle.plants.length} planted: ` +
      `cold ${child.coldMs.toFixed(0)} ms (${(bundle.bytes / 1048576 / (child.coldMs / 1000)).toFixed(2)} MB/s; cpu ${child.coldCpuMs.toFixed(0)} ms), ` +
      `warm ${child.warmMs.toFixed(0)} ms, one article edited ${child.oneEditMs.toFixed(0)} ms; ` +
      `${analysis.matches.length} matches; recall ${pct(recall.all)} (verbatim ${pct(recall.verbatim)}, edited ${pct(recall.edited)}, paraphrased ${pct(recall.paraphrased)})`,
    );
    console.log(
      `  engine alone (fresh process): peak rss ${mb(child.maxRss)} (after cold ${mb(child.coldRss)}; ${mb(child.loadedRss)} before analysing: Node, engine, bundle), ` +
      `peak heap ${mb(child.peakHeap)} (${mb(child.loadedHeap)} before); ${child.gcs} GCs, ${child.fullGcs} full (target < 500 MB)`,
    );
    console.log(
      `  whole bench process (same analysis in-process, with the bench's own data): cold ${cold.toFixed(0)} ms, peak rss ${mb(peak.rss)}, heap ${mb(peak.heap)}; ` +
      `process high-water rss so far ${mb(process.resourceUsage().maxRSS * 1024)}`,
    );
    console.log(
      `  naive baseline (diffWords on ${base.pairs.toLocaleString('en-US')} sentence pairs): ${base.extrapolated ? '≈' : ''}${(base.ms / 1000).toFixed(1)} s` +
      `${base.extrapolated ? ' (extrapolated from a timed sample)' : ''}, recall ${pct(base.recall)}; baseline/engine time ${(base.ms / child.coldMs).toFixed(0)}×`,
    );
  }
}

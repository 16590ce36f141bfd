import * as fs from 'fs';
import * as path from 'path';
import { diffWords } from 'diff';
import { analyzeBundle, createAnalysisCache } from '../src/core/analyze';
import { parseBundle } from '../src/core/bundle/parseBundle';
import type { CancellationLike } from '../src/core/cancellation';
import type { ArticleInput, BundleAnalysis } from '../src/core/model';

/**
 * `npm run bench analysis`: generated bundles of 5, 100 and 1,000 articles (≈ 5 KB each, fixed seed)
 * with planted verbatim, edited and paraphrased sentences; prints the engine's time (cold, warm),
 * peak memory and recall of the planted passages, against a naive baseline that diffs every
 * sentence with every sentence of every other article.
 */

type PlantKind = 'verbatim' | 'edited' | 'paraphrased';

interface Plant {
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

/** mulberry32: a small seeded PRNG, so every run plants the same passages. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FUNCTION_WORDS = 'the of and to in a that for on with as by at from is was were has have will would said'.split(' ');
const SYLLABLES = 'ka lo ri sen tam vor ple du mis gra tol ben qui sar fen dor lum pat ver shi no ral ek ost mar vin cal pre'.split(' ');

function makeWord(rand: () => number): string {
  const n = 2 + Math.floor(rand() * 3);
  let w = '';
  for (let k = 0; k < n; k++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w;
}

/** A vocabulary with a Zipf-like use, and the bench's own synonym table (unknown to the engine). */
function makeVocabulary(rand: () => number, size: number): { words: string[]; synonym: Map<string, string>; pick: () => string } {
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

function makeSentence(rand: () => number, pick: () => string): string {
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
function edit(sentence: string, rand: () => number, pick: () => string): string {
  const words = sentence.slice(0, -1).split(' ');
  words.splice(1 + Math.floor(rand() * (words.length - 2)), 1);
  words.splice(1 + Math.floor(rand() * (words.length - 2)), 0, pick());
  const k = 1 + Math.floor(rand() * (words.length - 3));
  [words[k], words[k + 1]] = [words[k + 1], words[k]];
  return capitalize(words.map((w, i) => (i === 0 ? w.toLowerCase() : w)));
}

/** Word-substitution paraphrase: 40% of the content words replaced by their synonyms, function words shuffled. */
function paraphrase(sentence: string, rand: () => number, synonym: Map<string, string>): string {
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
function recallOf(bundle: GeneratedBundle, analysis: BundleAnalysis): Record<PlantKind | 'all', number> {
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

const mb = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(0)} MB`;
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

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
    const sampler = memorySampler();
    const cache = createAnalysisCache();
    const t0 = performance.now();
    const analysis = analyzeBundle(bundle.articles, {}, sampler.token, cache);
    const cold = performance.now() - t0;
    const t1 = performance.now();
    analyzeBundle(bundle.articles, {}, sampler.token, cache);
    const warm = performance.now() - t1;
    // One article edited: what an edit in the editor costs.
    const edited = bundle.articles.map((a, k) => (k === 0 ? { name: a.name, text: `${a.text} One more sentence.` } : a));
    const t2 = performance.now();
    analyzeBundle(edited, {}, sampler.token, cache);
    const oneEdit = performance.now() - t2;
    const peak = sampler.peak();
    const recall = recallOf(bundle, analysis);
    const base = runBaseline(bundle, count <= 5 ? 60000 : 8000);
    console.log(
      `analysis: ${count} articles, ${(bundle.bytes / (1024 * 1024)).toFixed(2)} MB, ${bundle.plants.length} planted: ` +
      `cold ${cold.toFixed(0)} ms (${(bundle.bytes / 1048576 / (cold / 1000)).toFixed(2)} MB/s), warm ${warm.toFixed(0)} ms, one article edited ${oneEdit.toFixed(0)} ms, ` +
      `peak rss ${mb(peak.rss)}, heap ${mb(peak.heap)}; ${analysis.matches.length} matches; ` +
      `recall ${pct(recall.all)} (verbatim ${pct(recall.verbatim)}, edited ${pct(recall.edited)}, paraphrased ${pct(recall.paraphrased)})`,
    );
    console.log(
      `  naive baseline (diffWords on ${base.pairs.toLocaleString('en-US')} sentence pairs): ${base.extrapolated ? '≈' : ''}${(base.ms / 1000).toFixed(1)} s` +
      `${base.extrapolated ? ' (extrapolated from a timed sample)' : ''}, recall ${pct(base.recall)}; baseline/engine time ${(base.ms / cold).toFixed(0)}×`,
    );
  }
}

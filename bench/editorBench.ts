// Editor latency on a 1,000-article bundle: after one analysis, how long a hover or a CodeLens
// request takes when it reads the cached result (the pure modules the editor adapters call).
import { parseBundle } from '../src/core/bundle/parseBundle';
import { createAnalysisCache } from '../src/core/analyze';
import { analyzeInSlices, DEFAULT_SLICES } from '../src/analysis/analysisSlices';
import { indexOf } from '../src/analysis/analysisIndex';
import { headerLens, passageLenses } from '../src/presentation/lensModel';
import { quoteHover } from '../src/presentation/hoverModel';
import { shortLabels } from '../src/presentation/articleLabels';
import { buildAlignmentModel } from '../src/presentation/alignmentModel';
import { reportMarkdown } from '../src/presentation/reportBuilder';
import { prng } from './prng';

const SYLLABLES = 'ba ko ri ten sul mar vi do len pra ost ek hal nu gor fi tes lum bra in cor del sa ver mon ta pe ris gal'.split(' ');

/** A vocabulary of `size` made-up words, so that unrelated sentences share few words, as in real news. */
function vocabulary(size: number, random: () => number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const n = 1 + Math.floor(random() * 3);
    words.add(Array.from({ length: n }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join(''));
  }
  return [...words];
}
const SPEAKERS = ['Anna Berg', 'Tomas Vidal', 'Ines Okafor', 'Pavel Novak', 'Lea Martin', 'Omar Haddad', 'Sara Lind', 'Jon Ek'];

/**
 * About `count` articles of ~5,000 characters: original sentences, quotes with speakers, and
 * passages copied verbatim or lightly edited from earlier articles, so lenses and hovers have work.
 */
export function makeEditorBundle(count: number, seed = 4): string {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const words = vocabulary(6000, random);
  // Skewed towards the first words, as word frequencies are (roughly Zipf).
  const word = (): string => words[Math.floor(words.length * random() ** 2.5)] as string;
  const sentence = (): string => {
    const n = 10 + Math.floor(random() * 12);
    const words = Array.from({ length: n }, word);
    return `${(words[0] as string).charAt(0).toUpperCase()}${words.join(' ').slice(1)}.`;
  };
  const articles: string[][] = [];
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const sentences: string[] = [];
    while (sentences.join(' ').length < 5000) {
      const r = random();
      const earlier = articles.length > 0 ? pick(articles) : undefined;
      if (earlier && r < 0.15) sentences.push(pick(earlier));
      else if (earlier && r < 0.22) sentences.push(pick(earlier).replace(/\b(the|a|in)\b/, 'this'));
      else if (r < 0.35) sentences.push(`“${sentence().slice(0, -1)},” ${pick(SPEAKERS)} said.`);
      else sentences.push(sentence());
    }
    articles.push(sentences);
    const paragraphs: string[] = [];
    for (let s = 0; s < sentences.length; s += 4) paragraphs.push(sentences.slice(s, s + 4).join(' '));
    parts.push(`<<<FILE ${String(i).padStart(4, '0')}_story.txt>>>\n${paragraphs.join('\n')}\n`);
  }
  return parts.join('');
}

function stats(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return `p50 ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms, max ${(sorted[sorted.length - 1] ?? 0).toFixed(3)} ms (n=${sorted.length})`;
}

export async function runEditorBench(): Promise<void> {
  const text = makeEditorBundle(1000);
  const parsed = parseBundle(text);
  const articles = parsed.articles.map((a) => ({ name: a.name, text: a.text }));
  const labels = shortLabels(articles.map((a) => a.name));
  // As the editor runs it: in time slices, the event loop free between them.
  let t0 = performance.now();
  let longestSlice = 0;
  let sliceStart = performance.now();
  const sliced = await analyzeInSlices(articles, {}, createAnalysisCache(), { isCancellationRequested: false }, {
    ...DEFAULT_SLICES,
    yieldToEventLoop: async () => {
      longestSlice = Math.max(longestSlice, performance.now() - sliceStart);
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    },
  });
  longestSlice = Math.max(longestSlice, performance.now() - sliceStart);
  if (!sliced) throw new Error('the analysis was cancelled');
  const analysis = sliced.analysis;
  const analyseMs = performance.now() - t0;
  t0 = performance.now();
  indexOf(analysis);
  const indexMs = performance.now() - t0;
  const quotes = analysis.articles.reduce((n, a) => n + a.quotes.length, 0);
  console.log(`editor: ${parsed.articles.length} articles, ${(text.length / 1e6).toFixed(1)} MB, ${analysis.matches.length} matches, ${quotes} quotes, ${analysis.quoteGroups.length} quote groups`);
  console.log(`editor: analysis ${analyseMs.toFixed(0)} ms in ${sliced.slices} slices, longest slice (extension host busy) ${longestSlice.toFixed(0)} ms; per-article index ${indexMs.toFixed(1)} ms (once per analysis)`);

  const random = prng(7);
  // Warm-up: let the JIT compile the code paths before timing them.
  for (let i = 0; i < 200; i++) {
    const j = i % articles.length;
    passageLenses(analysis, labels, j, articles[j]?.text ?? '');
    const q = analysis.articles[j]?.quotes[0];
    if (q) quoteHover({ analysis, labels, bundle: 'file:///bench.bundle', article: j, offset: q.start + 1 });
  }
  const lensTimes: number[] = [];
  let lensCount = 0;
  for (let run = 0; run < 500; run++) {
    const i = Math.floor(random() * articles.length);
    const start = performance.now();
    headerLens(analysis, labels, i);
    lensCount += passageLenses(analysis, labels, i, articles[i]?.text ?? '').length;
    lensTimes.push(performance.now() - start);
  }
  console.log(`editor: CodeLens request (header + passage lenses of one article, ${(lensCount / 500).toFixed(1)} lenses avg): ${stats(lensTimes)}`);

  const hoverTimes: number[] = [];
  let shown = 0;
  for (let run = 0; run < 500; run++) {
    const i = Math.floor(random() * articles.length);
    const list = analysis.articles[i]?.quotes ?? [];
    const q = list[Math.floor(random() * list.length)];
    const offset = q ? Math.floor((q.start + q.end) / 2) : 0;
    const start = performance.now();
    const hover = quoteHover({ analysis, labels, bundle: 'file:///bench.bundle', article: i, offset });
    hoverTimes.push(performance.now() - start);
    if (hover) shown++;
  }
  console.log(`editor: hover over a quotation (${shown}/500 on a quote): ${stats(hoverTimes)}`);

  const t1 = performance.now();
  const model = buildAlignmentModel(analysis, articles.map((a) => a.name), labels, articles.map((a) => a.text), 'bench');
  const modelMs = performance.now() - t1;
  const t2 = performance.now();
  const markdown = reportMarkdown(model);
  console.log(`editor: alignment panel model ${modelMs.toFixed(0)} ms (${model.rows.length} rows × ${model.columns.length} columns, on demand), Markdown report ${(performance.now() - t2).toFixed(0)} ms (${(markdown.length / 1e6).toFixed(1)} MB)`);
}

import * as fs from 'fs';
import * as path from 'path';
import type { ArticleInput } from '../src/core/model';
import { analyseInChild, edit, makeSentence, makeVocabulary, matchesOf, mb, paraphrase, pct, recallOf } from './analysisBench';
import type { ChildReport, Plant, PlantKind } from './analysisBench';
import { prng } from './prng';

/**
 * `npm run bench -- dense`: real reuse is dense. Each story is told by an agency and retold by
 * 4–7 outlets (5–8 articles per story); each retelling takes 30–70% of its sentences from the
 * agency copy (verbatim, edited or paraphrased, about in order) and writes the rest itself, so a
 * sentence of one article matches sentences of several others. Printed at 1,000 and 2,000
 * articles (≈ 2 KB each, fixed seed) with MB/s, peak RSS and recall of the planted reuse, and
 * the PAN-13 dev documents (../shared/eval/pan13_dev.jsonl) as real web text.
 */

interface DenseBundle {
  readonly articles: ArticleInput[];
  readonly plants: Plant[];
  readonly bytes: number;
}

const KINDS: readonly PlantKind[] = ['verbatim', 'verbatim', 'edited', 'edited', 'paraphrased', 'paraphrased', 'paraphrased'];

/** A story's sentence: the bench vocabulary with the story's own names, and now and then a quotation. */
function storySentence(rand: () => number, pick: () => string, names: readonly string[]): string {
  const s = makeSentence(rand, () => (rand() < 0.12 ? names[Math.floor(rand() * names.length)] : pick()));
  if (rand() >= 0.2) return s;
  const speaker = names[Math.floor(rand() * names.length)];
  return `"${s.slice(0, -1)}," ${speaker[0].toUpperCase()}${speaker.slice(1)} said.`;
}

export function generateDenseBundle(count: number, seed = 20251201): DenseBundle {
  const rand = prng(seed + count);
  const vocab = makeVocabulary(rand, 30000);
  const articles: ArticleInput[] = [];
  const plants: Plant[] = [];
  const join = (list: readonly string[]) => {
    const paragraphs: string[] = [];
    for (let k = 0; k < list.length; k += 3) paragraphs.push(list.slice(k, k + 3).join(' '));
    return paragraphs.join('\n');
  };
  for (let story = 0; articles.length < count; story++) {
    const names = Array.from({ length: 6 }, () => vocab.pick());
    const agencyIndex = articles.length;
    const agency = Array.from({ length: 12 + Math.floor(rand() * 8) }, () => storySentence(rand, vocab.pick, names));
    articles.push({ name: `${String(agencyIndex).padStart(4, '0')}_agency_${story}.txt`, text: join(agency) });
    const outlets = 4 + Math.floor(rand() * 4);
    for (let o = 0; o < outlets && articles.length < count; o++) {
      const share = 0.3 + rand() * 0.4;
      const taken = agency.map((s, k) => ({ s, k })).filter(() => rand() < share);
      const own = Array.from({ length: Math.round(taken.length * (1 - share) / share) + 1 }, () => storySentence(rand, vocab.pick, names));
      const list: { text: string; from: string | null; kind: PlantKind | null }[] = [];
      for (const t of taken) {
        const kind = KINDS[Math.floor(rand() * KINDS.length)];
        const text = kind === 'verbatim' ? t.s : kind === 'edited' ? edit(t.s, rand, vocab.pick) : paraphrase(t.s, rand, vocab.synonym);
        list.push({ text, from: t.s, kind });
      }
      // Own sentences go in between; a taken sentence moves now and then (a quote moved to the end).
      for (const s of own) list.splice(Math.floor(rand() * (list.length + 1)), 0, { text: s, from: null, kind: null });
      const target = articles.length;
      articles.push({ name: `${String(target).padStart(4, '0')}_outlet_${story}_${o}.txt`, text: join(list.map((x) => x.text)) });
      for (const x of list) {
        if (x.from !== null && x.kind !== null) plants.push({ kind: x.kind, source: agencyIndex, target, sourceText: x.from, targetText: x.text });
      }
    }
  }
  const alive = plants.filter((p) => articles[p.source].text.includes(p.sourceText) && articles[p.target].text.includes(p.targetText));
  return { articles, plants: alive, bytes: articles.reduce((n, a) => n + a.text.length, 0) };
}

/** The PAN-13 dev documents, each once (by name), as one bundle; null when ../shared is not there. */
export function pan13Articles(): ArticleInput[] | null {
  const file = path.resolve(__dirname, '..', '..', 'shared', 'eval', 'pan13_dev.jsonl');
  if (!fs.existsSync(file)) return null;
  const byName = new Map<string, string>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const r = JSON.parse(line) as { susp_doc: string; src_doc: string; susp_text: string; src_text: string };
    byName.set(r.susp_doc, r.susp_text);
    byName.set(r.src_doc, r.src_text);
  }
  return [...byName].map(([name, text]) => ({ name, text }));
}

/** Writes the dense bundle of `count` articles as JSON (what analysis-child reads), for profiling. */
export function writeDenseFile(count: number, file: string | undefined): void {
  if (!Number.isInteger(count) || count < 1 || file === undefined) throw new Error('dense-file: give an article count and an output file.');
  fs.writeFileSync(file, JSON.stringify(generateDenseBundle(count).articles));
}

const mbps = (bytes: number, ms: number): string => `${(bytes / 1048576 / (ms / 1000)).toFixed(2)} MB/s`;

export function limitsLine(child: ChildReport): string {
  const parts: string[] = [];
  if (child.copies !== undefined) parts.push(`${child.copies} copies`);
  const limits = child.limits as { notes?: string[]; work?: object } | undefined;
  if (limits?.work !== undefined) parts.push(`work ${JSON.stringify(limits.work)}`);
  for (const note of limits?.notes ?? []) parts.push(`limit: ${note}`);
  return parts.length === 0 ? '' : `\n    ${parts.join('\n    ')}`;
}

/** `args`: the bundle sizes to run and/or `pan` (default: 1,000, 2,000 and PAN-13). */
export async function runDenseBench(args: readonly string[] = []): Promise<void> {
  const counts = args.map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const all = args.length === 0;
  for (const count of all ? [1000, 2000] : counts) {
    const bundle = generateDenseBundle(count);
    const child = analyseInChild(bundle.articles, ['--cold-only'], 600000);
    if (child === null) {
      console.log(`dense: ${count} articles, ${(bundle.bytes / 1048576).toFixed(2)} MB: over 600 s, stopped`);
      continue;
    }
    const recall = recallOf(bundle, matchesOf(child));
    console.log(
      `dense: ${count} articles, ${(bundle.bytes / 1048576).toFixed(2)} MB, ${bundle.plants.length} planted: cold ${child.coldMs.toFixed(0)} ms ` +
      `(${mbps(bundle.bytes, child.coldMs)}; cpu ${child.coldCpuMs.toFixed(0)} ms), peak rss ${mb(child.maxRss)}, ${child.spans.length / 6} matches; ` +
      `recall ${pct(recall.all)} (verbatim ${pct(recall.verbatim)}, edited ${pct(recall.edited)}, paraphrased ${pct(recall.paraphrased)}) ` +
      `(target ≤ 2 s and ≤ 300 MB at 2,000)${limitsLine(child)}`,
    );
  }
  if (!all && !args.includes('pan')) return;
  const pan = pan13Articles();
  if (pan === null) {
    console.log('dense: ../shared/eval/pan13_dev.jsonl not found; PAN-13 skipped');
    return;
  }
  const bytes = pan.reduce((n, a) => n + a.text.length, 0);
  const child = analyseInChild(pan, ['--cold-only'], 600000);
  if (child === null) console.log(`dense: PAN-13 dev, ${pan.length} documents: over 600 s, stopped`);
  else {
    console.log(
      `dense: PAN-13 dev (real web text), ${pan.length} documents, ${(bytes / 1048576).toFixed(2)} MB: cold ${child.coldMs.toFixed(0)} ms ` +
      `(${mbps(bytes, child.coldMs)}; cpu ${child.coldCpuMs.toFixed(0)} ms), peak rss ${mb(child.maxRss)}, ${child.spans.length / 6} matches${limitsLine(child)}`,
    );
  }
}

// `parallax export --format passim` and `parallax import --format passim`: bundles into passim's
// JSON Lines input, passim's output folder back into bundles (one article per reused passage).
import * as fs from 'fs';
import * as path from 'path';
import { parseBundle, looksLikeBundle } from '../core/bundle/parseBundle';
import { clusterBundleText, clustersBundleText } from '../core/passim/clusterBundle';
import { clustersFromPassim } from '../core/passim/clusters';
import type { PassimCluster } from '../core/passim/clusters';
import { PassimLayoutError, readPassimOutput } from '../core/passim/readOutput';
import { passimJsonLines, toPassimRecords } from '../core/passim/toPassim';
import type { ExportBundle } from '../core/passim/toPassim';
import { synopsis } from './args';
import type { CommandSpec, OptionValues, ParsedCommandLine, Print } from './args';
import { readTextFile, UsageError } from './io';
import { nodeFolderAccess } from './passimFolder';
import { counted } from '../core/util/counted';

const FORMAT = { type: 'string', choices: ['passim'], required: true, description: 'the format: passim (the only one so far)' } as const;

export const EXPORT: CommandSpec = {
  name: 'export',
  args: '<bundle>…',
  summary: "Writes the articles of one or more bundles as passim's input: JSON Lines, one record per article.",
  positionals: { min: 1, max: Number.POSITIVE_INFINITY },
  options: { format: FORMAT, output: { type: 'string', short: 'o', value: 'file', description: 'write to this file instead of stdout' } },
  details: [
    'Each record has id (the article name, with the bundle name when two bundles share it), series (the',
    "header's source attribute, else the bundle's file name), date when the header has one, every other",
    'header attribute, and text. Then run passim (Spark) on it; see the README, "When the corpus outgrows one machine".',
  ],
};

export const IMPORT: CommandSpec = {
  name: 'import',
  args: '<passim output folder>',
  summary: "Reads passim's output (out.json/part-*, gzip'd or not, and align.json from --pairwise) as bundles: one article per reused passage.",
  positionals: { min: 1, max: 1 },
  options: {
    format: FORMAT,
    output: { type: 'string', short: 'o', value: 'path', description: 'a .bundle file for every cluster in one bundle, or a folder (ending in /, or existing) for one bundle per cluster; default stdout' },
    'min-size': { type: 'string', value: 'N', description: 'leave out clusters of fewer than N documents' },
    cluster: { type: 'string', value: 'ID', description: 'only this cluster' },
  },
  details: [
    "Each article's header carries name (the document id), cluster, series, date, src (the article passim",
    'inferred as its source, which the analysis reads as direction evidence), begin and end (passim\'s offsets',
    'into the document, in code points) and the other fields passim passed through.',
  ],
};

function requirePassim(spec: CommandSpec, values: OptionValues): void {
  if (values.format === undefined) throw new UsageError(`Missing --format passim. Usage: ${synopsis(spec)}`);
  if (values.format !== 'passim') throw new UsageError(`Unknown format "${String(values.format)}": the only format is passim.`);
}

function writeOutput(file: string, text: string, inputs: readonly string[]): void {
  if (inputs.some((i) => path.resolve(i) === path.resolve(file))) throw new UsageError(`${file} is also an input: choose another output file.`);
  try {
    fs.writeFileSync(file, text);
  } catch (err) {
    throw new UsageError(`Cannot write ${file} (${err instanceof Error ? err.message : String(err)}). Check that its folder exists and is writable.`);
  }
}

function exportBundle(file: string): ExportBundle {
  const text = readTextFile(file);
  const name = path.basename(file);
  if (!looksLikeBundle(text)) return { name, articles: [{ name, text, attributes: [] }] };
  return { name, articles: parseBundle(text).articles };
}

/** `parallax export --format passim <bundle>… [-o out.jsonl]`. */
export function exportCommand(cl: ParsedCommandLine, out: Print, err: Print): number {
  requirePassim(EXPORT, cl.values);
  const bundles = cl.positionals.map(exportBundle);
  const lines = passimJsonLines(toPassimRecords(bundles));
  const file = cl.values.output;
  const what = `${counted(bundles.reduce((n, b) => n + b.articles.length, 0), 'record')} from ${counted(bundles.length, 'bundle')}`;
  if (typeof file === 'string') {
    writeOutput(file, lines, cl.positionals);
    out(`Wrote ${what} to ${file}. Next: passim ${file} <output folder>`);
  } else {
    if (lines !== '') out(lines.slice(0, -1));
    err(what);
  }
  return 0;
}

function minSizeOf(values: OptionValues): number {
  const raw = values['min-size'];
  if (raw === undefined) return 0;
  const n = Number(raw);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || n < 1) throw new UsageError(`--min-size takes a whole number of documents (1 or more), not "${String(raw)}".`);
  return n;
}

/** Writes the clusters: one bundle file, one per cluster into a folder, or stdout. */
function writeClusters(clusters: readonly PassimCluster[], target: string | undefined, input: string, out: Print): string {
  if (target === undefined) {
    out(clustersBundleText(clusters).replace(/\n$/, ''));
    return 'stdout';
  }
  const isFolder = target.endsWith('/') || target.endsWith(path.sep) || (fs.existsSync(target) && fs.statSync(target).isDirectory());
  if (!isFolder) {
    writeOutput(target, clustersBundleText(clusters), [input]);
    return target;
  }
  fs.mkdirSync(target, { recursive: true });
  for (const c of clusters) writeOutput(path.join(target, `cluster-${c.id}.bundle`), clusterBundleText(c), [input]);
  return `${clusters.length} files in ${target}`;
}

/** `parallax import --format passim <output folder> [-o …] [--min-size N] [--cluster ID]`. */
export async function importCommand(cl: ParsedCommandLine, out: Print, err: Print): Promise<number> {
  requirePassim(IMPORT, cl.values);
  const folder = cl.positionals[0];
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new UsageError(`${folder} is not a folder. Give the folder you gave passim as its output (it holds out.json/).`);
  }
  // A folder that is not passim output is the user's mistake (exit 2); anything else stays an internal error.
  const read = await readPassimOutput(nodeFolderAccess(folder)).catch((e: unknown) => {
    throw e instanceof PassimLayoutError ? new UsageError(`${folder}: ${e.message}`) : e;
  });
  for (const p of read.problems) err(`warning: ${p}`);
  let clusters = clustersFromPassim(read.passages, read.alignments, { minSize: minSizeOf(cl.values) });
  const only = cl.values.cluster;
  if (typeof only === 'string') {
    clusters = clusters.filter((c) => c.id === only);
    if (clusters.length === 0) throw new UsageError(`No cluster ${only} in ${folder}${cl.values['min-size'] !== undefined ? ' of that size' : ''}.`);
  }
  if (clusters.length === 0) throw new UsageError(`No cluster in ${folder} has at least ${minSizeOf(cl.values)} documents.`);
  const where = writeClusters(clusters, typeof cl.values.output === 'string' ? cl.values.output : undefined, folder, out);
  const passages = clusters.reduce((n, c) => n + c.articles.length, 0);
  const summary = `${counted(clusters.length, 'cluster')}, ${passages} passages from ${counted(read.files.length, 'part file')}${read.alignments.length > 0 ? `, ${read.alignments.length} alignments` : ''} → ${where}`;
  (where === 'stdout' ? err : out)(summary);
  return 0;
}

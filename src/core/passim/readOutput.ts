// Finds and reads the files of a passim output folder through a small file-access interface, so
// the CLI (node:fs, node:zlib) and the editor (vscode.workspace.fs, on the desktop and the web)
// share one reading of the layout: `<output>/out.json/part-*` (Spark writes one file per
// partition, gzip'd when compression is on, with `_SUCCESS` and hidden `.crc` files beside them)
// and, after `passim --pairwise`, `<output>/align.json/part-*`.
import { parseJsonLines } from './jsonLines';
import { readAlignments, readPassages } from './passimOutput';
import type { PassimAlignment, PassimPassage } from './passimOutput';

/** A folder entry. */
export interface FolderEntry {
  readonly name: string;
  readonly folder: boolean;
}

/** How the reader reaches the files; paths are lists of names under the chosen folder. */
export interface OutputFolderAccess {
  /** The entries of a sub-folder ([] is the chosen folder), or null when there is no such folder. */
  list(sub: readonly string[]): Promise<readonly FolderEntry[] | null>;
  /** A file's text (UTF-8), already gunzipped when its bytes are gzip's. */
  readText(sub: readonly string[]): Promise<string>;
}

/** What was read, with one line per problem a person can act on. */
export interface PassimOutputRead {
  readonly passages: readonly PassimPassage[];
  readonly alignments: readonly PassimAlignment[];
  /** The part files read, as paths under the chosen folder ("out.json/part-00000-….json.gz"). */
  readonly files: readonly string[];
  readonly problems: readonly string[];
}

/** Thrown when the folder is not passim output; the message says what to choose instead. */
export class PassimLayoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PassimLayoutError';
  }
}

const isPart = (e: FolderEntry): boolean => !e.folder && e.name.startsWith('part-') && !e.name.endsWith('.crc');

async function partFiles(access: OutputFolderAccess, dir: readonly string[]): Promise<string[][]> {
  const entries = (await access.list(dir)) ?? [];
  return entries.filter(isPart).map((e) => e.name).sort().map((name) => [...dir, name]);
}

/** Where out.json is: the chosen folder's out.json/, or the chosen folder when it holds the parts. */
async function locate(access: OutputFolderAccess): Promise<{ out: string[]; align: string[] | null }> {
  const root = await access.list([]);
  if (root === null) throw new PassimLayoutError('The folder does not exist or cannot be read.');
  const has = (name: string): boolean => root.some((e) => e.folder && e.name === name);
  if (has('out.json')) return { out: ['out.json'], align: has('align.json') ? ['align.json'] : null };
  if (root.some(isPart)) return { out: [], align: null };
  if (has('out.parquet')) {
    throw new PassimLayoutError('passim wrote Parquet here (--output-format parquet). Run passim again without it (JSON is its default), or convert out.parquet to JSON.');
  }
  throw new PassimLayoutError("No out.json folder here. Choose the folder you gave passim as its output: it holds out.json/ with part-* files.");
}

/** Reads records from part files; unreadable lines and records are reported, never thrown. */
async function readRecords(access: OutputFolderAccess, files: readonly string[][], problems: string[]): Promise<Record<string, unknown>[]> {
  const records: Record<string, unknown>[] = [];
  for (const file of files) {
    const name = file.join('/');
    if (name.endsWith('.bz2') || name.endsWith('.snappy') || name.endsWith('.lz4')) {
      problems.push(`${name}: compressed with a codec Parallax does not read; only gzip (.gz) or plain JSON.`);
      continue;
    }
    let text: string;
    try {
      text = await access.readText(file);
    } catch (err) {
      problems.push(`${name}: cannot be read (${err instanceof Error ? err.message : String(err)}).`);
      continue;
    }
    const parsed = parseJsonLines(text);
    for (const p of parsed.problems.slice(0, 5)) problems.push(`${name}:${p.line}: ${p.message}`);
    if (parsed.problems.length > 5) problems.push(`${name}: ${parsed.problems.length - 5} more lines that are not records.`);
    records.push(...parsed.values);
  }
  return records;
}

/** Reads a passim output folder: every part of out.json, and align.json when passim wrote it. */
export async function readPassimOutput(access: OutputFolderAccess): Promise<PassimOutputRead> {
  const where = await locate(access);
  const problems: string[] = [];
  const outFiles = await partFiles(access, where.out);
  if (outFiles.length === 0) throw new PassimLayoutError(`${where.out.join('/') || 'The folder'} has no part-* files: did passim finish? (Spark writes _SUCCESS beside them when it does.)`);
  const alignFiles = where.align ? await partFiles(access, where.align) : [];
  const read = readPassages(await readRecords(access, outFiles, problems));
  for (const p of read.problems.slice(0, 5)) problems.push(`out.json record ${p.index + 1}: ${p.message}`);
  const aligned = readAlignments(await readRecords(access, alignFiles, problems));
  for (const p of aligned.problems.slice(0, 5)) problems.push(`align.json record ${p.index + 1}: ${p.message}`);
  return {
    passages: read.passages,
    alignments: aligned.alignments,
    files: [...outFiles, ...alignFiles].map((f) => f.join('/')),
    problems,
  };
}

// Parallax: Open passim Output…: picks the folder passim wrote (out.json/part-*, and align.json
// after --pairwise), lists its clusters in a quick pick (size, series, first words) and opens the
// chosen one as an untitled bundle, one article per reused passage, so the ordinary analysis,
// hovers, Compare Sources and the alignment panel explain it. Nothing is written unless the user
// saves. Files are read through vscode.workspace.fs, so it works in VS Code for the Web too.
import * as vscode from 'vscode';
import type { ReadableStreamDefaultReader, WritableStreamDefaultWriter } from 'stream/web';
import { COMMANDS } from '../commands/ids';
import { clusterBundleText, clusterSummary } from '../core/passim/clusterBundle';
import { clustersFromPassim } from '../core/passim/clusters';
import type { PassimCluster } from '../core/passim/clusters';
import { readPassimOutput } from '../core/passim/readOutput';
import type { FolderEntry, OutputFolderAccess } from '../core/passim/readOutput';
import { openUntitledBundle } from './untitledBundle';

/** The web platform's gzip decoder (a global in browsers, web workers and Node ≥ 18). */
type DecompressionStreamLike = new (format: 'gzip') => {
  readonly readable: { getReader(): ReadableStreamDefaultReader<Uint8Array> };
  readonly writable: { getWriter(): WritableStreamDefaultWriter<Uint8Array> };
};

/** Gunzips bytes with DecompressionStream (no Node: the web build has no zlib). */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const Decompression = (globalThis as unknown as { DecompressionStream?: DecompressionStreamLike }).DecompressionStream;
  if (!Decompression) throw new Error(vscode.l10n.t('this VS Code cannot decompress gzip files; gunzip the part files first'));
  const stream = new Decompression('gzip');
  const writer = stream.writable.getWriter();
  // A corrupt file rejects these too; the reader below reports it once.
  writer.write(bytes).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const isGzip = (b: Uint8Array): boolean => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/** A passim output folder read through vscode.workspace.fs. */
export function workspaceFolderAccess(root: vscode.Uri): OutputFolderAccess {
  return {
    async list(sub: readonly string[]): Promise<readonly FolderEntry[] | null> {
      try {
        const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(root, ...sub));
        return entries.map(([name, type]) => ({ name, folder: (type & vscode.FileType.Directory) !== 0 }));
      } catch {
        return null;
      }
    },
    async readText(sub: readonly string[]): Promise<string> {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, ...sub));
      return new TextDecoder('utf-8').decode(isGzip(bytes) ? await gunzip(bytes) : bytes);
    },
  };
}

/** The clusters of a passim output folder; errors and warnings are shown, never thrown. */
export async function readClusters(folder: vscode.Uri): Promise<PassimCluster[] | undefined> {
  const read = await readPassimOutput(workspaceFolderAccess(folder)).catch((err: unknown) => {
    // A PassimLayoutError says what to choose instead; any other failure (unreadable folder) is shown too.
    void vscode.window.showErrorMessage(vscode.l10n.t('Parallax: {0} is not passim output. {1}', folder.toString(true), err instanceof Error ? err.message : String(err)));
    return undefined;
  });
  if (!read) return undefined;
  if (read.problems.length > 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Parallax: {0} records of the passim output could not be read, e.g. {1}', read.problems.length, read.problems[0]));
  }
  const clusters = clustersFromPassim(read.passages, read.alignments);
  if (clusters.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('Parallax: the passim output in {0} has no cluster.', folder.toString(true)));
  return clusters;
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: vscode.l10n.t('Open passim Output'),
    title: vscode.l10n.t('The folder passim wrote (it holds out.json/)'),
  });
  return picked?.[0];
}

async function pickCluster(clusters: readonly PassimCluster[]): Promise<PassimCluster | undefined> {
  const items = clusters.map((cluster) => ({ ...clusterSummary(cluster), cluster }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('passim clusters ({0})', clusters.length),
    placeHolder: vscode.l10n.t('Choose a cluster to open as a bundle'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.cluster;
}

/**
 * The command. A folder Uri and a cluster id (tests, links) skip the dialog and the quick pick.
 * Returns the editor of the opened bundle, or undefined when nothing was opened.
 */
export async function openPassimOutput(folder?: unknown, clusterArg?: unknown): Promise<vscode.TextEditor | undefined> {
  // Menus and links may pass other arguments (a list of selected resources): only a Uri and a string count.
  const clusterId = typeof clusterArg === 'string' ? clusterArg : undefined;
  const root = folder instanceof vscode.Uri ? folder : await pickFolder();
  if (!root) return undefined;
  const clusters = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading passim output…') },
    () => readClusters(root),
  );
  if (!clusters || clusters.length === 0) return undefined;
  const cluster = clusterId !== undefined ? clusters.find((c) => c.id === clusterId) : clusters.length === 1 ? clusters[0] : await pickCluster(clusters);
  if (!cluster) {
    if (clusterId !== undefined) void vscode.window.showErrorMessage(vscode.l10n.t('Parallax: no cluster {0} in {1}.', clusterId, root.toString(true)));
    return undefined;
  }
  const text = clusterBundleText(cluster);
  // Named after the cluster (passim's ids are numbers; anything else is kept to safe characters).
  return openUntitledBundle(`passim-cluster-${cluster.id.replace(/[^\w.-]/g, '_')}.bundle`, text);
}

export function registerOpenPassimOutput(): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.openPassimOutput, (folder?: unknown, cluster?: unknown) => openPassimOutput(folder, cluster));
}

// passim's output folder on disk, for the core's reader: node:fs for the files, node:zlib for
// the gzip'd parts.
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import type { FolderEntry, OutputFolderAccess } from '../core/passim/readOutput';

/** True when the bytes start with gzip's magic number (Spark names them .gz, but trust the bytes). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Access to a folder on disk. */
export function nodeFolderAccess(root: string): OutputFolderAccess {
  return {
    async list(sub: readonly string[]): Promise<readonly FolderEntry[] | null> {
      try {
        const entries = await fs.promises.readdir(path.join(root, ...sub), { withFileTypes: true });
        return entries.map((e) => ({ name: e.name, folder: e.isDirectory() }));
      } catch {
        return null;
      }
    },
    async readText(sub: readonly string[]): Promise<string> {
      const bytes = await fs.promises.readFile(path.join(root, ...sub));
      return (isGzip(bytes) ? zlib.gunzipSync(bytes) : bytes).toString('utf8');
    },
  };
}

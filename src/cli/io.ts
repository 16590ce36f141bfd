import * as fs from 'fs';

/** An error the user can fix: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Reads a UTF-8 text file, with messages that say what to do when it cannot be read. Never writes. */
export function readTextFile(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UsageError(`No such file: ${file}. Check the path (it is relative to ${process.cwd()}).`);
  }
  if (stat.isDirectory()) {
    throw new UsageError(`${file} is a folder. Give the path of a bundle file (articles that start with <<<FILE name>>> lines).`);
  }
  const bytes = fs.readFileSync(file);
  if (bytes.includes(0)) {
    throw new UsageError(`${file} looks binary (it contains NUL bytes). Parallax reads UTF-8 text bundles.`);
  }
  return bytes.toString('utf8');
}

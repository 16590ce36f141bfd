import * as path from 'path';

/** The repository root (tests run from out/test/unit/). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** The reference bundle: it belongs to its outlets, so it is read from ../shared, never copied. */
export const seedsPath = path.resolve(repoRoot, '..', 'shared', 'samples', 'seeds.bundle');

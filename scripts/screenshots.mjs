// `node scripts/screenshots.mjs`: the README's screenshots, taken in code-server with the extension
// packaged from the current sources (`--no-package`: parallax.vsix as it is, if not older than src/),
// and CHECKED: each screenshot's subject must be on screen as the current sources say it should be,
// or the script fails and writes nothing to media/screenshots/.
//   hover.png      the hover over Rutte's quotation in seeds.bundle's 002 names every other source
//                  that carries it (from the engine's quote groups)
//   compare.png    Compare Sources 001 ↔ 002: the diff editor, its "N aligned" equal to the aligned view's
//                  count, no ambiguous-character boxes on the curly quotes and apostrophes
//   alignment.png  the alignment panel's "N of N groups" equal to the view model's row count
//   passim.png     a passim cluster (test/fixtures/passim) opened as a bundle by Parallax: Open passim Output…
// The expected values come from src/ itself (the engine and the view models, bundled by esbuild as the
// extension is), so a stale .vsix, a hover that did not open or a panel still loading all fail.
// Failed shots are kept in test-results/screenshots/ for a look.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { REPO_ROOT, chromiumLaunchOptions, ensureCodeServer, ensurePrerequisites, installExtension, makeProfile, startCodeServer } from './codeServer.mjs';

const VSIX = path.join(REPO_ROOT, 'parallax.vsix');
const SEEDS = path.resolve(REPO_ROOT, '..', 'shared', 'samples', 'seeds.bundle');
const PASSIM_OUT = path.join(REPO_ROOT, 'test', 'fixtures', 'passim', 'out-basic');
const OUT = path.join(REPO_ROOT, 'media', 'screenshots');
const FAILED = path.join(REPO_ROOT, 'test-results', 'screenshots');
/** Rutte's quotation in 002; its curly opening quote is 002's alone, so the find lands in 002. */
const HOVER_QUOTE = '“If we now start';

/** What the current sources compute for a bundle, from an esbuild bundle of src/ (nothing to compile first). */
async function loadExpectations() {
  const entry = `
    import { parseBundle } from './src/core/bundle/parseBundle';
    import { analyzeBundle } from './src/core/analyze';
    import { alignPair } from './src/core/alignPair';
    import { buildAlignmentModel } from './src/presentation/alignmentModel';
    import { alignedViewText } from './src/presentation/alignedView';
    import { shortLabels } from './src/presentation/articleLabels';
    export function expectations(text) {
      const articles = parseBundle(text).articles;
      const names = articles.map((a) => a.name);
      const texts = articles.map((a) => a.text);
      // The inputs the analysis service gives the engine (src/analysis/analysisService.ts), default settings.
      const analysis = analyzeBundle(articles.map((a) => ({ name: a.name, text: a.text })));
      const labels = shortLabels(names);
      return {
        names, labels,
        groups: buildAlignmentModel(analysis, names, labels, texts, '').rows.length,
        aligned: (l, r) => alignedViewText(alignPair(analysis, l, r), texts[l], texts[r]).aligned,
        /** Labels of the other articles whose quotation is grouped with the one holding needle in article. */
        quoteCarriers(article, needle) {
          const at = texts[article].indexOf(needle) + 1;
          const group = analysis.quoteGroups.find((g) => g.occurrences.some((o) => o.article === article && o.start <= at && at < o.end));
          return group ? [...new Set(group.occurrences.filter((o) => o.article !== article).map((o) => labels[o.article]))] : [];
        },
      };
    }`;
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: REPO_ROOT, loader: 'ts', sourcefile: 'screenshot-expectations.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'error',
  });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-shots-expect-')), 'expect.mjs');
  fs.writeFileSync(file, result.outputFiles[0].text);
  return /** @type {{ expectations: (text: string) => Expectations }} */ (await import(pathToFileURL(file).href));
}
/** @typedef {{ names: string[], labels: string[], groups: number, aligned: (l: number, r: number) => number, quoteCarriers: (article: number, needle: string) => string[] }} Expectations */

/** The newest modification time under a path (a file or a folder, recursively). @param {string} p */
function newest(p) {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))));
}

/** The .vsix must hold the current sources: screenshots of an older build are what this script exists to prevent. */
function checkVsixIsCurrent() {
  if (!fs.existsSync(VSIX)) throw new Error('parallax.vsix is missing: run "npm run package" first.');
  const built = fs.statSync(VSIX).mtimeMs;
  const stale = ['src', 'package.json', 'package.nls.json', 'syntaxes', 'samples', 'media/walkthrough'].filter((p) => fs.existsSync(path.join(REPO_ROOT, p)) && newest(path.join(REPO_ROOT, p)) > built + 1000);
  if (stale.length > 0) throw new Error(`parallax.vsix is older than ${stale.join(', ')}: run "npm run package" first.`);
}

/** Ensures a condition about a screenshot, or throws with what was seen. @param {boolean} ok @param {string} message */
function check(ok, message) {
  if (!ok) throw new Error(message);
}

/** @param {import('playwright-core').Page} page @param {string} title */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first().click();
}

/** @param {import('playwright-core').Page} page @param {string} text @param {RegExp} placeholder */
async function pick(page, text, placeholder) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  for (let i = 0; i < 200 && !placeholder.test((await input.getAttribute('placeholder')) ?? ''); i++) await page.waitForTimeout(100);
  await input.fill(text);
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: text }).first().click();
}

/** Polls `read` until `ok` accepts its value or `ms` pass; returns the last value. @template T @param {() => Promise<T>} read @param {(v: T) => boolean} ok */
async function until(read, ok, ms = 20_000) {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    value = await read();
  }
  return value;
}

/** @param {import('playwright-core').Locator} locator */
async function textOf(locator) {
  return (await locator.count()) > 0 ? (await locator.first().innerText()).replace(/\s+/g, ' ').trim() : '';
}

/**
 * Each shot: drive the workbench, check the subject, take the screenshot, check it is still there
 * (a hover can close as the screenshot is taken).
 * @typedef {{ name: string, take: (page: import('playwright-core').Page, expect: Expectations) => Promise<() => Promise<void>> }} Shot
 */

/** @type {Shot} */
const hoverShot = {
  name: 'hover.png',
  async take(page, expect) {
    const article = expect.names.findIndex((n) => n.startsWith('002'));
    const carriers = expect.quoteCarriers(article, HOVER_QUOTE);
    check(carriers.length > 0, `The engine groups Rutte's quotation in 002 with no other source: nothing to show in hover.png.`);
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content');
    const shows = (/** @type {string} */ t) => /Also quoted by/.test(t) && carriers.every((l) => t.includes(l));
    let shown = '';
    // Find the quotation, put the cursor inside it and show the hover from the keyboard; the first
    // try can come before the analysis, so try again until the hover names every carrier.
    for (let attempt = 0; attempt < 5 && !shows(shown); attempt++) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+F');
      await page.keyboard.type(HOVER_QUOTE);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      shown = await until(() => textOf(hover), shows, 8_000);
    }
    check(shows(shown), `hover.png: the hover over ${HOVER_QUOTE}… should name ${carriers.join(', ')} under "Also quoted by"; it shows "${shown.slice(0, 200)}"`);
    return async () => check(shows(await textOf(hover)), 'hover.png: the hover closed while the screenshot was taken.');
  },
};

/** @type {Shot} */
const compareShot = {
  name: 'compare.png',
  async take(page, expect) {
    const left = expect.names.findIndex((n) => n.startsWith('001'));
    const right = expect.names.findIndex((n) => n.startsWith('002'));
    await runCommand(page, 'Parallax: Compare Sources');
    await pick(page, '001_', /compare which article/i);
    await pick(page, '002_', /with which article/i);
    const diff = page.locator('.editor-group-container.active .monaco-diff-editor');
    await diff.waitFor();
    const tab = page.locator('.editor-group-container.active .tab.active');
    const want = [expect.aligned(left, right), expect.aligned(right, left)];
    const title = await until(() => textOf(tab), (t) => want.some((n) => t.includes(`· ${n} aligned`)));
    check(want.some((n) => title.includes(`· ${n} aligned`)), `compare.png: the tab should read "… · ${want[0]} aligned"; it reads "${title}"`);
    const sides = diff.locator('.editor.original .view-lines, .editor.modified .view-lines');
    const text = await until(() => textOf(sides), (t) => /[’“”]/.test(t));
    check(/[’“”]/.test(text), 'compare.png: the diff shows no curly quote or apostrophe to check the ambiguous-character boxes on.');
    // Boxes are drawn a moment after the text.
    await page.waitForTimeout(1500);
    const boxes = await diff.locator('.unicode-highlight').count();
    check(boxes === 0, `compare.png: ${boxes} ambiguous-character boxes in the aligned views (curly quotes and apostrophes must not be boxed).`);
    return async () => check((await diff.count()) === 1, 'compare.png: the diff editor is gone.');
  },
};

/** @type {Shot} */
const alignmentShot = {
  name: 'alignment.png',
  async take(page, expect) {
    await page.keyboard.press('Control+1');
    await page.locator('.tab', { hasText: 'seeds.bundle' }).first().click();
    await runCommand(page, 'Parallax: Show Alignment');
    const body = page.frameLocator('.webview.ready').frameLocator('#active-frame').locator('body');
    await body.locator('table').waitFor({ timeout: 30_000 });
    // The panel alone, at full width.
    await runCommand(page, 'View: Close Editors in Other Groups');
    const summary = body.locator('p.summary');
    const want = `${expect.groups} of ${expect.groups} groups`;
    const shown = await until(() => textOf(summary), (t) => t.startsWith(want));
    check(shown.startsWith(want), `alignment.png: the panel should say "${want}" (the view model's rows for the current sources); it says "${shown}"`);
    const rows = await body.locator('tbody tr').count();
    check(rows > 0 && rows <= expect.groups, `alignment.png: the table shows ${rows} rows for ${expect.groups} groups.`);
    await page.waitForTimeout(1000);
    return async () => check((await textOf(summary)).startsWith(want), 'alignment.png: the panel changed while the screenshot was taken.');
  },
};

/** @type {Shot} */
const passimShot = {
  name: 'passim.png',
  async take(page) {
    await runCommand(page, 'Parallax: Open passim Output');
    // code-server's own folder picker: type the folder, then accept it.
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(`${PASSIM_OUT}/`);
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter');
    const clusters = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await clusters.first().waitFor({ timeout: 30_000 });
    const first = await textOf(clusters.first());
    await clusters.first().click();
    const header = page.locator('.editor-group-container.active .view-lines .view-line', { hasText: '<<<FILE' }).first();
    await header.waitFor({ timeout: 30_000 });
    const label = await until(() => textOf(page.locator('#status\\.editor\\.mode')), (t) => t === 'Parallax Bundle');
    check(label === 'Parallax Bundle', `passim.png: the cluster opened as "${label}", not as a Parallax bundle.`);
    const lens = page.locator('.editor-group-container.active .codelens-decoration', { hasText: /shared|quote/ }).first();
    await lens.waitFor({ timeout: 30_000 });
    const headerText = await textOf(header);
    check(/cluster/.test(headerText), `passim.png: the bundle's headers should carry the passim cluster; the first reads "${headerText}" (picked "${first}")`);
    return async () => check((await header.count()) === 1, 'passim.png: the bundle is gone.');
  },
};

/** @param {import('playwright-core').Browser} browser @param {string} url @param {Shot[]} shots @param {Expectations} expect @param {string} dir */
async function takeAll(browser, url, shots, expect, dir) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  // Generous: on a 2-core machine with other work running, the workbench can take a minute to load.
  page.setDefaultTimeout(60_000);
  await page.goto(url, { timeout: 180_000 });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'seeds.bundle' }).click({ timeout: 180_000 });
  // The header lenses show at once ("Open article"); what the sources share, once the analysis is done.
  // A hover asked for before that has nothing to say: the empty hover.png of earlier runs.
  await page.locator('.editor-group-container.active .codelens-decoration', { hasText: /passages? shared/ }).first().waitFor({ timeout: 180_000 });
  // Close the side bar: more room for the text.
  await page.keyboard.press('Control+B');
  /** @type {string[]} */
  const failures = [];
  for (const shot of shots) {
    const file = path.join(dir, shot.name);
    try {
      const stillThere = await shot.take(page, expect);
      await page.screenshot({ path: file });
      await stillThere();
      console.log(`  ✔ ${shot.name}`);
    } catch (err) {
      fs.mkdirSync(FAILED, { recursive: true });
      await page.screenshot({ path: path.join(FAILED, shot.name) }).catch(() => undefined);
      failures.push(`${shot.name}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      console.log(`  ✘ ${shot.name} (what was on screen: ${path.relative(REPO_ROOT, path.join(FAILED, shot.name))})`);
    }
  }
  return failures;
}

/** Packages the current sources (what the shots must show), unless told the .vsix is already current. */
function packageCurrentBuild() {
  if (process.argv.includes('--no-package')) {
    checkVsixIsCurrent();
    return;
  }
  console.log('npm run package (the shots are of the current sources; --no-package to use parallax.vsix as it is)');
  const r = spawnSync('npm', ['run', 'package'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run package failed:\n${(r.stdout + r.stderr).split('\n').slice(-20).join('\n')}`);
}

async function main() {
  packageCurrentBuild();
  ensurePrerequisites();
  ensureCodeServer();
  const { expectations } = await loadExpectations();
  const expect = expectations(fs.readFileSync(SEEDS, 'utf8'));
  const shots = [hoverShot, compareShot, alignmentShot];
  if (fs.existsSync(PASSIM_OUT)) shots.push(passimShot);
  else console.log(`(no passim fixture at ${path.relative(REPO_ROOT, PASSIM_OUT)}: passim.png skipped)`);

  // No time budget: on a busy machine the first analysis can pass the default 10 s, and the shots
  // need it complete (what they show does not depend on it).
  const profile = makeProfile({ prefix: 'parallax-shots-', settings: { 'parallax.analysis.timeBudgetSeconds': 0 } });
  const workspace = path.join(profile.root, 'workspace');
  const taken = path.join(profile.root, 'shots');
  fs.mkdirSync(workspace);
  fs.mkdirSync(taken);
  fs.copyFileSync(SEEDS, path.join(workspace, 'seeds.bundle'));
  installExtension(VSIX, profile.extensionsDir);
  const server = await startCodeServer({ folder: workspace, profile });
  const browser = await chromium.launch(chromiumLaunchOptions());
  /** @type {string[]} */
  let failures = [];
  try {
    failures = await takeAll(browser, server.url, shots, expect, taken);
    if (failures.length === 0) {
      fs.mkdirSync(OUT, { recursive: true });
      for (const shot of shots) fs.copyFileSync(path.join(taken, shot.name), path.join(OUT, shot.name));
      console.log(`${shots.length} screenshots checked and written to ${path.relative(REPO_ROOT, OUT)}/`);
    }
  } finally {
    await browser.close();
    await server.stop();
    profile.dispose();
  }
  if (failures.length > 0) {
    console.error(`Screenshots not written: ${failures.length} did not show their subject.\n${failures.map((f) => `  ${f}`).join('\n')}`);
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
}

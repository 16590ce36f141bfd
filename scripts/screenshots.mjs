// `node scripts/screenshots.mjs`: the README's screenshots of the hover, the Compare Sources diff and
// the alignment panel, taken in code-server with the packaged extension (run `npm run package` first).
// Writes media/screenshots/{hover,compare,alignment}.png.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { REPO_ROOT, chromiumLaunchOptions, ensureCodeServer, ensurePrerequisites, installExtension, makeProfile, startCodeServer } from './codeServer.mjs';

const VSIX = path.join(REPO_ROOT, 'parallax.vsix');
const SEEDS = path.resolve(REPO_ROOT, '..', 'shared', 'samples', 'seeds.bundle');
const OUT = path.join(REPO_ROOT, 'media', 'screenshots');

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

async function main() {
  if (!fs.existsSync(VSIX)) throw new Error('parallax.vsix is missing: run "npm run package" first.');
  ensurePrerequisites();
  ensureCodeServer();
  fs.mkdirSync(OUT, { recursive: true });
  const profile = makeProfile({ prefix: 'parallax-shots-' });
  const workspace = path.join(profile.root, 'workspace');
  fs.mkdirSync(workspace);
  fs.copyFileSync(SEEDS, path.join(workspace, 'seeds.bundle'));
  installExtension(VSIX, profile.extensionsDir);
  const server = await startCodeServer({ folder: workspace, profile });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(server.url);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'seeds.bundle' }).click();
    await page.locator('.editor-group-container.active .codelens-decoration').first().waitFor({ timeout: 60_000 });
    // Close the side bar: more room for the text.
    await page.keyboard.press('Control+B');

    // The hover over Rutte's quotation in 002 (its curly opening quote is unique to 002).
    await page.keyboard.press('Control+F');
    await page.keyboard.type('“If we now start');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(OUT, 'hover.png') });
    await page.keyboard.press('Escape');

    await runCommand(page, 'Parallax: Compare Sources');
    await pick(page, '001_', /compare which article/i);
    await pick(page, '002_', /with which article/i);
    await page.locator('.editor-group-container.active .monaco-diff-editor').waitFor();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(OUT, 'compare.png') });

    await page.keyboard.press('Control+1');
    await page.locator('.tab', { hasText: 'seeds.bundle' }).first().click();
    await runCommand(page, 'Parallax: Show Alignment');
    const body = page.frameLocator('.webview.ready').frameLocator('#active-frame').locator('body');
    await body.locator('table').waitFor({ timeout: 30_000 });
    // The panel alone, at full width.
    await runCommand(page, 'View: Close Editors in Other Groups');
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(OUT, 'alignment.png') });
    console.log(`screenshots written to ${path.relative(REPO_ROOT, OUT)}/`);
  } finally {
    await browser.close();
    await server.stop();
    profile.dispose();
  }
}

await main();

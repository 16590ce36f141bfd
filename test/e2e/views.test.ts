// The Sources and Quotes views, the shared-passage highlights and Export Report, read through the
// workbench's UI as a user sees them (the tree rows, the editor's painted ranges, the written file).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { useWorkbench } from './workbench';
import { seedArticles } from './seeds';
import type { SeedArticle } from './seeds';
import type { Locator, Page } from 'playwright-core';

const BUNDLE = 'seeds.bundle';

/** A side-bar view's pane, shown through its "Focus on … View" command. */
async function showView(page: Page, runCommand: (title: string) => Promise<void>, name: string): Promise<Locator> {
  await runCommand(`Parallax: Focus on ${name} View`);
  const header = page.locator('.pane-header', { hasText: new RegExp(`^${name}`, 'i') }).first();
  const pane = page.locator('.pane', { has: header }).first();
  await pane.locator('.monaco-list-row').first().waitFor({ timeout: 30_000 });
  return pane;
}

function row(pane: Locator, text: string | RegExp, level?: number): Locator {
  return pane.locator(level ? `.monaco-list-row[aria-level="${level}"]` : '.monaco-list-row', { hasText: text }).first();
}

/** Waits until the bundle's analysis is in: a header lens says what an article shares. */
async function waitForAnalysis(page: Page): Promise<void> {
  await page.locator('.editor-group-container.active .codelens-decoration', { hasText: /passages? shared/ }).first().waitFor({ timeout: 90_000 });
}

/** Elements the editor paints for decorations with a background (the highlights' ranges). */
function painted(page: Page): Locator {
  return page.locator('.editor-group-container.active .view-overlays div[class*="ced-"]');
}

describe('Parallax views, highlights and export in the workbench', function () {
  this.timeout(120_000);
  const wb = useWorkbench();
  let articles: SeedArticle[];

  before(() => {
    articles = seedArticles();
  });

  it('the Sources view lists the bundle and its articles; an article opens on its shared passages, and a click reveals one', async () => {
    const page = wb.current.page;
    await wb.current.openFromExplorer(BUNDLE);
    await wb.current.waitForBundle();
    await waitForAnalysis(page);
    const pane = await showView(page, (t) => wb.current.runCommand(t), 'Sources');
    await row(pane, BUNDLE, 1).waitFor();
    for (const a of articles) assert.match(await row(pane, a.name, 2).innerText(), /\d+% unique/, `${a.name} shows its unique share`);
    await row(pane, articles[1].name, 2).click();
    const passage = pane.locator('.monaco-list-row[aria-level="3"]').first();
    await passage.waitFor();
    const label = (await passage.locator('.label-name').innerText()).replace(/…$/, '').trim();
    assert.ok(label.length > 10, `a passage row shows the passage's words: "${label}"`);
    await passage.click();
    // The bundle's editor selects the passage: its words are the start of the selection.
    const selected = page.locator('.editor-group-container.active .view-overlays .selected-text').first();
    await selected.waitFor();
    assert.match((await wb.current.activeTab().innerText()).trim(), new RegExp(`${BUNDLE}|${articles[1].name}`));
  });

  it('the Quotes view lists speakers, their quotations, and the sources that reword one', async () => {
    const page = wb.current.page;
    await wb.current.openFromExplorer(BUNDLE);
    await wb.current.waitForBundle();
    await waitForAnalysis(page);
    const pane = await showView(page, (t) => wb.current.runCommand(t), 'Quotes');
    const rutte = row(pane, /Rutte/, 1);
    await rutte.waitFor();
    const reworded = pane.locator('.monaco-list-row[aria-level="2"]', { hasText: /reworded/ }).first();
    await reworded.waitFor();
    assert.match(await reworded.innerText(), /“.+”[\s\S]*\d+ sources?/);
    await reworded.click();
    await pane.locator('.monaco-list-row[aria-level="3"]', { hasText: /reworded ⚠/ }).first().waitFor();
  });

  it('highlights shared passages, and the toggle turns the highlights off and on', async () => {
    const page = wb.current.page;
    await wb.current.openFromExplorer(BUNDLE);
    await wb.current.waitForBundle();
    await waitForAnalysis(page);
    await painted(page).first().waitFor({ timeout: 30_000 });
    await wb.current.runCommand('Parallax: Toggle Shared-Passage Highlights');
    await painted(page).first().waitFor({ state: 'detached', timeout: 10_000 });
    await wb.current.runCommand('Parallax: Toggle Shared-Passage Highlights');
    await painted(page).first().waitFor({ timeout: 10_000 });
  });

  it('exports the report as Markdown to the file picked in the save dialog, beside the bundle', async () => {
    const page = wb.current.page;
    const target = path.join(wb.env.workspace, 'seeds.parallax.md');
    fs.rmSync(target, { force: true });
    const bundleBefore = fs.readFileSync(path.join(wb.env.workspace, BUNDLE), 'utf8');
    await wb.current.openFromExplorer(BUNDLE);
    await wb.current.waitForBundle();
    await waitForAnalysis(page);
    await wb.current.runCommand('Parallax: Export Report…');
    await wb.current.pick('Markdown', /export the report as/i);
    // The save dialog offers <bundle>.parallax.md in the bundle's folder: accept it.
    const input = page.locator('.quick-input-widget .quick-input-box input');
    const deadline = Date.now() + 20_000;
    while (!((await input.inputValue()).endsWith('seeds.parallax.md'))) {
      if (Date.now() > deadline) assert.fail(`the save dialog offers "${await input.inputValue()}"`);
      await page.waitForTimeout(100);
    }
    await page.keyboard.press('Enter');
    const until = Date.now() + 20_000;
    while (!fs.existsSync(target)) {
      if (Date.now() > until) assert.fail(`${target} was not written`);
      await page.waitForTimeout(200);
    }
    await page.waitForTimeout(300);
    const md = fs.readFileSync(target, 'utf8');
    assert.ok(md.startsWith('# Parallax\\: seeds\\.bundle'), md.slice(0, 80));
    assert.match(md, /## Shared passages \(\d+\)/);
    for (const a of articles) assert.match(md, new RegExp(`\\| ${a.prefix} \\|`));
    assert.strictEqual(fs.readFileSync(path.join(wb.env.workspace, BUNDLE), 'utf8'), bundleBefore, 'the bundle is unchanged');
  });
});

// A new user's first run, through the UI: the "Get Started with Parallax" walkthrough, its Open Sample
// Bundle button and Parallax: Open Sample Bundle (the sample that ships in the .vsix, read through
// workspace.fs), the hover it leads to, and Compare Sources on the sample without ambiguous-character
// boxes on curly quotes. Once in the desktop build (the server's extension host) and once in the
// browser build (the web worker extension host: scripts/runE2e.mjs's second code-server).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { useWorkbench } from './workbench';
import type { E2eEnv, Workbench } from './workbench';

const WALKTHROUGH = 'Get Started with Parallax';
const STEPS = ['What a bundle is', 'Open the sample', 'Hover over a quotation', 'Compare Sources', 'The alignment panel'];
/** The sample's first header and a quotation three of its outlets carry (samples/newsroom.bundle). */
const SAMPLE = path.resolve(__dirname, '..', '..', '..', 'samples', 'newsroom.bundle');
const FIRST_HEADER = '<<<FILE 000_meridian_wire.txt>>>';

function hosts(): { title: string; env: () => E2eEnv; control: boolean }[] {
  const desktop = (): E2eEnv => {
    const url = process.env.PARALLAX_E2E_URL;
    const workspace = process.env.PARALLAX_E2E_WORKSPACE;
    if (!url || !workspace) throw new Error('PARALLAX_E2E_URL and PARALLAX_E2E_WORKSPACE are not set: run the end-to-end tests with `npm run test:e2e`.');
    return { url, workspace };
  };
  const web = (): E2eEnv => {
    const url = process.env.PARALLAX_E2E_WEB_URL;
    const workspace = process.env.PARALLAX_E2E_WEB_WORKSPACE;
    if (!url || !workspace) throw new Error('PARALLAX_E2E_WEB_URL and PARALLAX_E2E_WEB_WORKSPACE are not set: run the end-to-end tests with `npm run test:e2e`.');
    return { url, workspace };
  };
  return [
    // The control test runs once: it checks VS Code, not Parallax.
    { title: 'the desktop build (server extension host)', env: desktop, control: true },
    { title: 'the browser build (web worker extension host)', env: web, control: false },
  ];
}

/** The walkthrough's page, opened from the command palette as a user finds it. */
async function openWalkthrough(wb: Workbench): Promise<void> {
  await runParallaxCommand(wb, 'Welcome: Open Walkthrough...');
  await wb.pick(WALKTHROUGH);
  await wb.page.locator('.gettingStartedContainer button.getting-started-step').first().waitFor();
}

async function stepTitles(wb: Workbench): Promise<string[]> {
  const titles = wb.page.locator('.gettingStartedContainer button.getting-started-step .step-title');
  return (await titles.allInnerTexts()).map((t) => t.trim()).filter((t) => t.length > 0);
}

/** Expands a step of the walkthrough and clicks its button. */
async function clickStepButton(wb: Workbench, step: string, button: string): Promise<void> {
  const row = wb.page.locator('.gettingStartedContainer button.getting-started-step', { hasText: step }).first();
  // A button's command may open its editor in the walkthrough's own group (toSide races the command): bring the walkthrough back.
  if (!(await row.isVisible())) await wb.page.locator('.tab', { hasText: 'Walkthrough' }).first().click();
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  await row.locator('.button-link, .monaco-button', { hasText: button }).first().click();
}

/**
 * Whether a step shows as done; false while the walkthrough is behind another tab (it is brought back
 * for the next try). The page re-renders a step's row when a step completes, so a row seen a moment
 * ago may be gone: read every row there is now, without waiting on one (`eventually` polls).
 */
async function stepChecked(wb: Workbench, step: string): Promise<boolean> {
  const rows = wb.page.locator('.gettingStartedContainer button.getting-started-step', { hasText: step });
  if (!(await rows.first().isVisible())) {
    const tab = wb.page.locator('.tab', { hasText: 'Walkthrough' }).first();
    if (await tab.isVisible()) await tab.click();
    if (!(await rows.first().isVisible())) return false;
  }
  return rows.evaluateAll((els) => els.some((el) => el.getAttribute('aria-checked') === 'true'));
}

/**
 * Runs a Parallax command from the palette once the workbench lists it: right after the page loads,
 * the extension's contributions may not be registered yet.
 */
async function runParallaxCommand(wb: Workbench, title: string): Promise<void> {
  const row = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first();
  const deadline = Date.now() + 30_000;
  for (;;) {
    await wb.page.keyboard.press('F1');
    const input = wb.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(`>${title}`);
    try {
      await row.waitFor({ timeout: 3_000 });
      await row.click();
      return;
    } catch (err) {
      await wb.page.keyboard.press('Escape');
      if (Date.now() > deadline) throw err;
    }
  }
}

/** Polls until `read` gives a value `ok` accepts, or fails with the last value. */
async function eventually<T>(wb: Workbench, read: () => Promise<T>, ok: (v: T) => boolean, what: string, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > deadline) assert.fail(`${what}; last seen: ${JSON.stringify(value).slice(0, 300)}`);
    await wb.page.waitForTimeout(250);
    value = await read();
  }
  return value;
}

/** Waits until the active editor is the sample: an untitled Parallax bundle named after it, holding the shipped text. */
async function waitForSample(wb: Workbench): Promise<void> {
  await wb.activeTab().filter({ hasText: /newsroom(-\d+)?\.bundle/ }).waitFor({ timeout: 30_000 });
  assert.strictEqual(await wb.waitForBundle(), 'Parallax Bundle', 'the sample opens as a Parallax bundle');
  const firstLine = wb.page.locator('.editor-group-container.active .view-lines .view-line', { hasText: FIRST_HEADER });
  await firstLine.first().waitFor();
  const lens = wb.page.locator('.editor-group-container.active .codelens-decoration', { hasText: /shared/ }).first();
  await lens.waitFor({ timeout: 30_000 });
}

for (const host of hosts()) {
  describe(`First run in ${host.title}`, function () {
    this.timeout(120_000);
    const hooks = useWorkbench(host.env());
    const wb = (): Workbench => hooks.current;

    before(() => {
      assert.ok(fs.readFileSync(SAMPLE, 'utf8').startsWith(FIRST_HEADER), 'the sample starts with its first header');
    });

    it('opens the walkthrough: Open Sample Bundle opens the sample beside it, Show Me opens a shared quotation\'s hover, each step gets checked', async () => {
      await openWalkthrough(wb());
      const titles = await eventually(wb(), () => stepTitles(wb()), (t) => t.length >= STEPS.length, 'the walkthrough lists its steps');
      assert.deepStrictEqual(titles, STEPS);
      assert.strictEqual(await stepChecked(wb(), 'Open the sample'), false, 'the sample step starts unchecked');
      await clickStepButton(wb(), 'Open the sample', 'Open Sample Bundle');
      await waitForSample(wb());
      await eventually(wb(), () => stepChecked(wb(), 'Open the sample'), (v) => v, 'the "Open the sample" step is checked after its button ran');
      // The walkthrough stays open beside the sample (command:toSide:); its next button goes on from there.
      await clickStepButton(wb(), 'Hover over a quotation', 'Show Me');
      // Every editor group has its own hover widget: read all that are shown, not the first in the DOM.
      const hovers = wb().page.locator('.monaco-hover:not(.hidden) .monaco-hover-content');
      const text = await eventually(wb(), async () => (await hovers.allInnerTexts()).join(' ').replace(/\s+/g, ' '), (t) => /Also quoted by/.test(t), 'Show Me opens a hover that lists the other sources of a quotation');
      assert.match(text, /Quotation/, `the hover is Parallax's quotation hover: "${text.slice(0, 200)}"`);
      await eventually(wb(), () => stepChecked(wb(), 'Hover over a quotation'), (v) => v, 'the hover step is checked');
    });

    it('Parallax: Open Sample Bundle opens the shipped sample as an untitled bundle; Compare Sources on it boxes no curly quote or apostrophe', async () => {
      await runParallaxCommand(wb(), 'Parallax: Open Sample Bundle');
      await waitForSample(wb());
      await runParallaxCommand(wb(), 'Parallax: Compare Sources');
      await wb().pick('Harbor Times', /compare which article/i);
      await wb().pick('northgate', /with which article/i);
      const diff = wb().page.locator('.editor-group-container.active .monaco-diff-editor');
      await diff.waitFor();
      const sides = diff.locator('.editor.original .view-lines, .editor.modified .view-lines');
      await eventually(wb(), async () => (await sides.allInnerTexts()).join(' '), (t) => /’/.test(t) && /“/.test(t), 'both aligned views show the curly apostrophes and quotes of the sample');
      // Boxes come from the editor's worker a moment after the text: give them time to appear.
      await wb().page.waitForTimeout(2_000);
      assert.strictEqual(await diff.locator('.unicode-highlight').count(), 0, 'no ambiguous-character boxes in the aligned views');
      assert.strictEqual(await wb().languageLabel(), 'Parallax Aligned View');
    });

    if (host.control) {
      const control = (): string => path.join(host.env().workspace, 'control.ts');
      // Written before the workbench opens (the explorer lists it at once), removed after this suite.
      before(() => fs.writeFileSync(control(), 'export const s = "It’s";\n'));
      after(() => fs.rmSync(control(), { force: true }));
      it('boxes a curly apostrophe in a TypeScript file (the check above can see boxes)', async () => {
        await wb().openFromExplorer('control.ts');
        const boxes = wb().page.locator('.editor-group-container.active .unicode-highlight');
        await eventually(wb(), () => boxes.count(), (n) => n > 0, 'VS Code boxes ’ in a TypeScript string', 30_000);
      });
    }
  });
}

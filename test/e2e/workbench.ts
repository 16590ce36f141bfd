// Drives the code-server workbench through its UI as a person does: clicks, keys, what is on screen.
// scripts/runE2e.mjs starts code-server with the packaged extension and passes its address here.
import * as fs from 'fs';
import * as path from 'path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

/** out/test/e2e → repo root. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'e2e');

export interface E2eEnv {
  /** The code-server base URL, http://127.0.0.1:PORT/ */
  readonly url: string;
  /** The workspace folder code-server opened (a temporary copy of the sample bundles). */
  readonly workspace: string;
}

export function e2eEnv(): E2eEnv {
  const url = process.env.PARALLAX_E2E_URL;
  const workspace = process.env.PARALLAX_E2E_WORKSPACE;
  if (!url || !workspace) {
    throw new Error('PARALLAX_E2E_URL and PARALLAX_E2E_WORKSPACE are not set: run the end-to-end tests with `npm run test:e2e`.');
  }
  return { url, workspace };
}

/** Debian's Chromium with the same options as scripts/codeServer.mjs (both read scripts/chromium.json). */
export async function launchChromium(): Promise<Browser> {
  const { executablePath, args } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'scripts', 'chromium.json'), 'utf8')) as { executablePath: string; args: string[] };
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium is not installed at ${executablePath}. Install it with: apt-get update && apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath, headless: true, timeout: 60_000, args });
}

/** A file name from a test title. */
function fileName(title: string): string {
  return title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 120);
}

/** One workbench window in a fresh browser context (its own storage, so tests do not share state). */
export class Workbench {
  private constructor(
    private readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async open(browser: Browser, env: E2eEnv): Promise<Workbench> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.goto(`${env.url}?folder=${encodeURIComponent(env.workspace)}`, { timeout: 60_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    return new Workbench(context, page);
  }

  /** Clicks a file in the explorer and waits until its editor is the active one. */
  async openFromExplorer(name: string): Promise<void> {
    await this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).click();
    await this.activeTab().filter({ hasText: name }).waitFor();
    await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor();
  }

  /**
   * Waits until the active editor is a Parallax bundle with the extension at work: the status bar
   * names the language (it reads "Plain Text" until the extension's contributions load) and the
   * header CodeLenses are drawn. Returns the language label.
   */
  async waitForBundle(): Promise<string> {
    const deadline = Date.now() + 30_000;
    let label = await this.languageLabel();
    while (label !== 'Parallax Bundle' && Date.now() < deadline) {
      await this.page.waitForTimeout(200);
      label = await this.languageLabel();
    }
    if (label === 'Parallax Bundle') {
      await this.page.locator('.editor-group-container.active .codelens-decoration').first().waitFor({ timeout: 30_000 });
    }
    return label;
  }

  /**
   * Finds `text` in the active editor with the find widget, as a person would, and leaves it
   * selected and on screen. Returns the middle of the selection's first piece, in page pixels.
   */
  async revealText(text: string): Promise<{ x: number; y: number }> {
    const editor = this.page.locator('.editor-group-container.active .monaco-editor').first();
    await this.runCommand('View: Focus Active Editor Group');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.page.keyboard.press('Control+F');
    const find = editor.locator('.find-widget.visible .monaco-findInput').locator('textarea, input').first();
    await find.fill(text);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.editor-group-container.active .find-widget .matchesCount', { hasText: /of/ }).first().waitFor();
    await this.page.keyboard.press('Escape');
    const selection = editor.locator('.view-overlays .selected-text').first();
    await selection.waitFor();
    const box = await selection.boundingBox();
    if (!box) throw new Error(`"${text}" was found but its selection is not on screen.`);
    return { x: box.x + Math.min(box.width / 2, 40), y: box.y + box.height / 2 };
  }

  /**
   * Rests the mouse on `text` in the active editor until a hover shows, and returns the hover's text
   * once `until` accepts it (or after 10 s). Moves away and back between tries: the editor
   * re-renders its lines as highlights arrive, and a hover starts on a fresh move.
   */
  async hoverText(text: string, until: (shown: string) => boolean = (t) => !/^\(?loading/i.test(t), timeoutMs = 40_000): Promise<string> {
    const hover = this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    while (Date.now() < deadline) {
      try {
        const at = await this.revealText(text);
        await this.page.mouse.move(at.x, Math.max(at.y - 60, 0));
        await this.page.mouse.move(at.x, at.y, { steps: 4 });
        await hover.waitFor({ timeout: 4_000 });
        // The hover says "Loading..." until every provider has answered.
        const settle = Date.now() + 10_000;
        let shown = '';
        while (!until((shown = (await hover.innerText()).replace(/\s+/g, ' ').trim())) && Date.now() < settle) {
          await this.page.waitForTimeout(200);
        }
        return shown;
      } catch (err) {
        lastError = err; // re-rendered under the mouse, or no hover yet: try again
      }
      await this.page.waitForTimeout(300);
    }
    throw new Error(`No hover appeared over "${text}" within ${timeoutMs / 1000}s. Last error: ${lastError instanceof Error ? lastError.message.split('\n')[0] : String(lastError)}`);
  }

  activeTab(): Locator {
    return this.page.locator('.editor-group-container.active .tab.active');
  }

  /** The status bar's language indicator. */
  async languageLabel(): Promise<string> {
    return (await this.page.locator('#status\\.editor\\.mode').innerText()).trim();
  }

  /** Runs a command from the command palette by its full title, e.g. "Parallax: Compare Sources". */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor();
    await row.click();
  }

  /**
   * Answers an open quick pick by typing and choosing the first row that shows `text`. With
   * `placeholder`, first waits for the pick that asks that question (the previous one may still show).
   */
  async pick(text: string, placeholder?: RegExp): Promise<void> {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    if (placeholder) {
      const deadline = Date.now() + 20_000;
      let shown = '';
      while (!placeholder.test((shown = (await input.getAttribute('placeholder')) ?? ''))) {
        if (Date.now() > deadline) throw new Error(`The quick pick asks "${shown}", expected ${placeholder}`);
        await this.page.waitForTimeout(100);
      }
    }
    await input.fill(text);
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: text }).first();
    await row.waitFor();
    await row.click();
  }

  /** Expands a view of the side bar (e.g. "Outline") and returns its pane. */
  async expandView(title: string): Promise<Locator> {
    const header = this.page.locator('.pane-header', { hasText: new RegExp(`^${title}$`, 'i') }).first();
    const pane = this.page.locator('.pane', { has: header }).first();
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    return pane;
  }

  async screenshot(title: string): Promise<string> {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, `${fileName(title)}.png`);
    await this.page.screenshot({ path: file, timeout: 10_000 }).catch(() => undefined);
    return file;
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }
}

/**
 * The mocha hooks of a suite of workbench tests: one Chromium per file, one fresh workbench per
 * test, a screenshot after every test under test-results/e2e/ (failures keep theirs).
 */
export function useWorkbench(env: E2eEnv = e2eEnv()): { readonly current: Workbench; readonly env: E2eEnv } {
  let browser: Browser | undefined;
  let workbench: Workbench | undefined;
  before(async () => {
    browser = await launchChromium();
  });
  beforeEach(async function () {
    this.timeout(90_000);
    if (!browser) throw new Error('Chromium did not start.');
    workbench = await Workbench.open(browser, env);
  });
  afterEach(async function () {
    const test = this.currentTest;
    if (workbench && test) {
      const file = await workbench.screenshot(`${test.state === 'failed' ? 'FAILED-' : ''}${test.fullTitle()}`);
      if (test.state === 'failed') console.log(`      screenshot: ${path.relative(REPO_ROOT, file)}`);
    }
    await workbench?.close();
    workbench = undefined;
  });
  after(async () => {
    await browser?.close().catch(() => undefined);
  });
  return {
    get current(): Workbench {
      if (!workbench) throw new Error('No workbench is open (used outside a test?).');
      return workbench;
    },
    env,
  };
}

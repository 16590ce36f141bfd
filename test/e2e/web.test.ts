// The web build (package.json `browser`, dist/web/extension.js) running in VS Code's web worker
// extension host, as in VS Code for the Web. scripts/runE2e.mjs starts a second code-server whose
// user settings say `"remote.extensionKind": { "<publisher>.<name>": ["web"] }`: the workbench then
// loads the browser build in a web worker (no `process`, no Node built-ins) instead of the Node
// build in the server's extension host.
import * as assert from 'assert';
import { useWorkbench } from './workbench';
import type { Workbench } from './workbench';
import { seedArticles, sharedQuote } from './seeds';
import type { SeedArticle } from './seeds';

const BUNDLE = 'seeds.bundle';

function webEnv(): { url: string; workspace: string } {
  const url = process.env.PARALLAX_E2E_WEB_URL;
  const workspace = process.env.PARALLAX_E2E_WEB_WORKSPACE;
  if (!url || !workspace) {
    throw new Error('PARALLAX_E2E_WEB_URL and PARALLAX_E2E_WEB_WORKSPACE are not set: run the end-to-end tests with `npm run test:e2e`.');
  }
  return { url, workspace };
}

describe('Parallax in the web worker extension host (the browser build)', function () {
  this.timeout(120_000);
  const hooks = useWorkbench(webEnv());
  let articles: SeedArticle[];
  /** What the workbench logged about Parallax failing, e.g. "Activating extension 'parallax-dev.parallax' failed: process is not defined." */
  let errors: string[] = [];
  const wb = (): Workbench => hooks.current;

  before(() => {
    articles = seedArticles();
    assert.strictEqual(articles.length, 5, 'seeds.bundle holds five articles');
  });
  // Runs after useWorkbench's own beforeEach has opened a fresh workbench.
  beforeEach(async function () {
    this.timeout(90_000);
    const workbench = wb();
    errors = [];
    workbench.page.on('console', (message) => {
      if (message.type() === 'error' && /parallax/i.test(message.text())) errors.push(message.text());
    });
    // Opening the bundle activates Parallax (onLanguage) in the web worker.
    await workbench.openFromExplorer(BUNDLE);
    let label = '';
    try {
      label = await workbench.waitForBundle();
    } catch (err) {
      throw new Error(`Parallax did not come up in the web worker: ${errors.join(' | ') || (err instanceof Error ? err.message.split('\n')[0] : String(err))}`);
    }
    assert.strictEqual(label, 'Parallax Bundle');
  });
  it('runs in the web worker extension host, not in the server', async () => {
    const page = wb().page;
    await wb().runCommand('Developer: Show Running Extensions');
    // Each row names where its extension runs: "web worker", or the server's host:port.
    const rows = page.locator('.runtime-extensions-editor .monaco-list-row');
    await rows.filter({ hasText: 'Parallax' }).first().waitFor();
    const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    const text = texts.find((t) => /^Parallax \d/.test(t));
    assert.ok(text, `Running Extensions lists Parallax: ${JSON.stringify(texts)}`);
    assert.match(text, /web worker/i, `Running Extensions shows where Parallax runs: "${text}"`);
    assert.ok(!text.includes(new URL(webEnv().url).host), `Parallax is not in the server's extension host: "${text}"`);
    assert.match(text, /Activation: \d+/, `Parallax was activated: "${text}"`);
    assert.deepStrictEqual(errors, [], 'the workbench logged no Parallax error');
  });

  it('lists the five articles in the outline', async () => {
    const outline = await wb().expandView('Outline');
    const rows = outline.locator('.monaco-list-row');
    await rows.nth(articles.length - 1).waitFor();
    const labels = (await rows.allInnerTexts()).map((t) => t.split('\n')[0].trim());
    assert.deepStrictEqual(labels, articles.map((a) => a.name));
  });

  it('opens an article with Parallax: Open Article… and shows exactly its text', async () => {
    const article = articles[2];
    await wb().runCommand('Parallax: Open Article');
    await wb().pick(article.name, /open which article/i);
    await wb().activeTab().filter({ hasText: article.name }).waitFor();
    const lines = wb().page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
    const opening = article.text.split(/\s+/).slice(0, 8).join(' ');
    const deadline = Date.now() + 15_000;
    let shown = '';
    while (!(shown = (await lines.innerText()).replace(/\s+/g, ' ')).includes(opening)) {
      if (Date.now() > deadline) assert.fail(`the article opens with "${opening}", the editor shows "${shown.slice(0, 160)}"`);
      await wb().page.waitForTimeout(200);
    }
    // Its own document, not the bundle: no header line of any article.
    assert.ok(!shown.includes('<<<FILE'), `the article document holds no bundle header: "${shown.slice(0, 160)}"`);
  });

  it('analyses the bundle in a Web Worker of the web worker extension host: a hover in an article names the sources that carry its quotation', async () => {
    const quote = sharedQuote(articles);
    await wb().runCommand('Parallax: Open Article');
    await wb().pick(quote.article.name, /open which article/i);
    await wb().activeTab().filter({ hasText: quote.article.name }).waitFor();
    const text = await wb().hoverText(quote.opening, (t) => t.includes(quote.alsoIn.prefix));
    assert.match(text, new RegExp(quote.alsoIn.prefix), `the hover names ${quote.alsoIn.prefix}, which carries the quotation too: "${text.slice(0, 300)}"`);
    assert.match(text, new RegExp(quote.article.prefix), `the hover names ${quote.article.prefix}, where the quotation is: "${text.slice(0, 300)}"`);
    // In a Web Worker, not on the host's thread: the runner tells the user when it has to fall back.
    await wb().runCommand('Notifications: Show Notifications');
    const center = wb().page.locator('.notifications-center');
    await center.waitFor();
    const notices = await center.innerText();
    assert.ok(!/analysis worker stopped/i.test(notices), `the analysis ran in a Web Worker: "${notices.slice(0, 400)}"`);
  });
});

// Parallax through the UI of a real VS Code (code-server, Chromium), installed from its .vsix.
import * as assert from 'assert';
import { useWorkbench } from './workbench';
import { seedArticles, sharedQuote } from './seeds';
import type { SeedArticle } from './seeds';

const BUNDLE = 'seeds.bundle';

describe('Parallax in the workbench (installed from the .vsix)', function () {
  this.timeout(120_000);
  const wb = useWorkbench();
  let articles: SeedArticle[];

  before(() => {
    articles = seedArticles();
    assert.strictEqual(articles.length, 5, 'seeds.bundle holds five articles');
  });

  it('opens seeds.bundle from the explorer as a Parallax bundle', async () => {
    await wb.current.openFromExplorer(BUNDLE);
    assert.strictEqual(await wb.current.waitForBundle(), 'Parallax Bundle');
    const header = wb.current.page.locator('.view-lines .view-line', { hasText: `<<<FILE ${articles[0].name}>>>` });
    await header.waitFor();
    // Each header carries an "Open article" lens.
    const lenses = await wb.current.page.locator('.codelens-decoration', { hasText: 'Open article' }).count();
    assert.ok(lenses >= 1, 'the headers on screen show "Open article"');
  });

  it('lists the five articles in the outline', async () => {
    await wb.current.openFromExplorer(BUNDLE);
    await wb.current.waitForBundle();
    const outline = await wb.current.expandView('Outline');
    const rows = outline.locator('.monaco-list-row');
    await rows.nth(articles.length - 1).waitFor();
    const labels = (await rows.allInnerTexts()).map((t) => t.split('\n')[0].trim());
    assert.deepStrictEqual(labels, articles.map((a) => a.name));
  });

  it('compares 001 with 002 from the command palette in a diff editor', async () => {
    const page = wb.current.page;
    await wb.current.openFromExplorer(BUNDLE);
    await wb.current.waitForBundle();
    await wb.current.runCommand('Parallax: Compare Sources');
    await wb.current.pick(articles[1].prefix, /compare which article/i);
    await wb.current.pick(articles[2].prefix, /with which article/i);
    const diff = page.locator('.editor-group-container.active .monaco-diff-editor');
    await diff.waitFor();
    const tab = (await wb.current.activeTab().innerText()).trim();
    assert.match(tab, new RegExp(articles[1].prefix), `the tab names ${articles[1].prefix}: "${tab}"`);
    assert.match(tab, new RegExp(articles[2].prefix), `the tab names ${articles[2].prefix}: "${tab}"`);
    // Each article's opening words are on screen, one article per side, and the diff editor
    // marks what differs between the aligned sentences.
    const opening = (a: SeedArticle): string => a.text.split(/\s+/).slice(0, 5).join(' ');
    const sideText = async (side: string): Promise<string> => (await diff.locator(`.editor.${side} .view-lines`).innerText()).replace(/\s+/g, ' ');
    const deadline = Date.now() + 15_000;
    let sides: string[] = [];
    for (;;) {
      sides = [await sideText('original'), await sideText('modified')];
      const shows = (a: SeedArticle): boolean => sides.some((t) => t.includes(opening(a)));
      if (shows(articles[1]) && shows(articles[2])) break;
      if (Date.now() > deadline) assert.fail(`the two sides do not open with "${opening(articles[1])}" and "${opening(articles[2])}": ${sides.map((t) => `"${t.slice(0, 120)}"`).join(' | ')}`);
      await page.waitForTimeout(250);
    }
    assert.ok(!(sides[0].includes(opening(articles[1])) && sides[0].includes(opening(articles[2]))), 'one article per side');
    await diff.locator('.line-insert, .line-delete, .char-insert, .char-delete').first().waitFor();
  });

  it('shows which sources carry a quotation when hovering it', async () => {
    const quote = sharedQuote(articles);
    await wb.current.openFromExplorer(BUNDLE);
    await wb.current.waitForBundle();
    const text = await wb.current.hoverText(quote.opening, (t) => t.includes(quote.alsoIn.prefix));
    assert.match(text, new RegExp(quote.alsoIn.prefix), `the hover names ${quote.alsoIn.prefix}, which carries the quotation too: "${text.slice(0, 300)}"`);
    assert.match(text, new RegExp(quote.article.prefix), `the hover names ${quote.article.prefix}, where the quotation is: "${text.slice(0, 300)}"`);
  });

  it('opens the alignment panel with a column per source', async () => {
    const page = wb.current.page;
    await wb.current.openFromExplorer(BUNDLE);
    await wb.current.waitForBundle();
    await wb.current.runCommand('Parallax: Show Alignment');
    // A webview: the workbench's iframe holds the panel's own frame.
    const body = page.frameLocator('.webview.ready').frameLocator('#active-frame').locator('body');
    await body.locator(`text=${articles[4].prefix}`).first().waitFor({ timeout: 30_000 });
    const text = await body.innerText();
    for (const a of articles) assert.match(text, new RegExp(a.prefix), `the panel shows ${a.prefix}`);
    // The column heads say who derives from whom, as the Sources view does (001 rewrites 002).
    assert.match(await body.locator('thead').innerText(), /derives from/, 'a column head states a direction');
    assert.match(text, /original wording/, 'the quotations list marks the original wording');
    // The panel's words come from the extension (vscode.l10n), with their numbers filled in.
    assert.match(text, /\d+ of \d+ groups of shared passages/, 'the summary counts the groups');
    assert.match(await body.locator('thead').innerText(), /\d+% unique/, 'each column head gives its unique share');
    assert.match(text, /Quotations in several sources/, 'the quotations section has its heading');
    assert.strictEqual(await body.locator('button', { hasText: 'Export report…' }).count(), 1, 'the toolbar has its Export button');
    assert.doesNotMatch(text, /\{\d\}/, 'no placeholder is left unfilled');
  });
});

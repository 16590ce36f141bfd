// Issue 4 in a real VS Code: lenses, Compare Sources, the quote hover, re-analysis after an edit, the
// highlight toggle and the alignment panel's page, on the reference bundle, observed as a user sees
// them (lenses, hovers, tabs, documents, settings); the views' and the panel's contents are read by
// the Playwright suite (test/e2e). seeds.bundle is opened read-only from ../shared/samples; anything
// edited is an untitled copy that is never saved.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { activeDiffTab, analysedLenses, closeAllEditorsReverting, eventually, SEEDS, untitledBundle } from './helpers';
import { resourceKey } from '../../src/features/exportReport';

const EXTENSION_ID = 'parallax-dev.parallax';

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function markdownOf(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('Parallax editor features on seeds.bundle', () => {
  let seedsUri: vscode.Uri;
  let seedsText: string;
  let names: string[];

  before(async () => {
    assert.ok(fs.existsSync(SEEDS), `the reference bundle is missing at ${SEEDS}`);
    seedsText = fs.readFileSync(SEEDS, 'utf8');
    names = [...seedsText.matchAll(/^<<<FILE (.+)>>>\r?$/gm)].map((m) => m[1] as string);
    assert.strictEqual(names.length, 5);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
    await extension.activate();
    seedsUri = vscode.Uri.file(SEEDS);
  });

  beforeEach(async () => {
    const doc = await vscode.workspace.openTextDocument(seedsUri);
    await vscode.window.showTextDocument(doc);
    await analysedLenses(seedsUri);
  });

  afterEach(closeAllEditorsReverting);

  it('offers, on 001’s header, a summary and a comparison with 002', async () => {
    const lenses = await eventually('lenses on seeds.bundle',
      () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', seedsUri, 100),
      (l) => (l ?? []).some((x) => x.command?.command === 'parallax.compareSources'));
    const headerLine = seedsText.split('\n').findIndex((l) => l.startsWith(`<<<FILE ${names[1]}`));
    const onHeader = lenses.filter((l) => l.range.start.line === headerLine).map((l) => l.command?.title ?? '');
    assert.ok(onHeader.some((t) => /^\d+ passages? shared · \d+ quotes? · \d+% unique( · |$)/.test(t)), `summary lens on 001: ${JSON.stringify(onHeader)}`);
    assert.ok(onHeader.some((t) => /^Compare with 002 \(/.test(t)), `compare lens on 001: ${JSON.stringify(onHeader)}`);
    // No wall of lenses: at most one passage lens per line.
    const perLine = new Map<number, number>();
    for (const l of lenses.filter((x) => x.command?.title.match(/^(\d+ passages: )?[=≃≈] /))) perLine.set(l.range.start.line, (perLine.get(l.range.start.line) ?? 0) + 1);
    assert.ok(perLine.size > 0, 'passage lenses exist');
    assert.ok([...perLine.values()].every((n) => n === 1), 'one passage lens per line');
    // 000 is a single line: it gets one passage lens.
    const line000 = seedsText.split('\n').findIndex((l) => l.startsWith(`<<<FILE ${names[0]}`)) + 1;
    assert.strictEqual(perLine.get(line000), 1);
  });

  it('shows the same lenses in an article document', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('parallax.openArticle', seedsUri, 1);
    const lenses = await eventually('lenses on article 001',
      () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 100),
      (l) => (l ?? []).some((x) => /^Compare with 002 \(/.test(x.command?.title ?? '')));
    assert.ok(lenses.some((l) => l.range.start.line === 0 && /^Compare with 002 \(/.test(l.command?.title ?? '')));
  });

  it('Compare Sources opens a diff whose two sides hold aligned sentences on equal lines', async () => {
    await vscode.commands.executeCommand('parallax.compareSources', seedsUri, 1, 2);
    const tab = await activeDiffTab();
    const title = tab.label;
    assert.match(title, /^001 ↔ 002 · \d+ aligned$/);
    const input = tab.input as vscode.TabInputTextDiff;
    assert.strictEqual(input.original.scheme, 'parallax-aligned');
    const left = (await vscode.workspace.openTextDocument(input.original)).getText().split('\n');
    const right = (await vscode.workspace.openTextDocument(input.modified)).getText().split('\n');
    assert.strictEqual(left.length, right.length, 'both sides have the same number of lines');
    const texts = seedsText.split(/^<<<FILE .+>>>\r?\n/m).slice(1).map(flat);
    // Every non-blank line is a passage of its own article; blanks stand against unmatched passages.
    for (const l of left) if (l) assert.ok(texts[1]?.includes(l), `left line is from 001: ${l}`);
    for (const r of right) if (r) assert.ok(texts[2]?.includes(r), `right line is from 002: ${r}`);
    const aligned = left.filter((l, i) => l && right[i]).length;
    assert.ok(title.endsWith(`· ${aligned} aligned`));
    assert.ok(aligned >= 12, `001 is a sentence-by-sentence rewrite of 002: ${aligned} aligned lines`);
    // Pairs a reader sees: the same statement on the same line.
    for (const [a, b] of [
      ['Zelenskyy shared on Telegram', 'Zelenskyy posted on Telegram'],
      ['Earlier at NATO headquarters, Rutte remarked', 'At NATO headquarters earlier, Rutte had said'],
      ['Rutte further stressed the importance', 'The focus, Rutte said, must be'],
    ] as const) {
      const i = left.findIndex((l) => l.startsWith(a));
      assert.ok(i >= 0, `001's sentence "${a}…" is shown`);
      assert.ok(right[i]?.startsWith(b), `"${a}…" stands against "${b}…", not "${right[i]}"`);
    }
    // From a line of the aligned view back to the article.
    const line = right.findIndex((r) => r.startsWith('Zelenskyy posted on Telegram'));
    const shown = await vscode.commands.executeCommand<vscode.TextEditor>('parallax.revealInArticle', input.modified, line);
    assert.strictEqual(shown.document.uri.scheme, 'parallax-article');
    assert.strictEqual(flat(shown.document.getText(shown.selection)), right[line]);
  });

  it('the hover over Rutte’s quote in 002 lists 000 as verbatim and 001 as reworded', async () => {
    const doc = await vscode.workspace.openTextDocument(seedsUri);
    const start002 = seedsText.indexOf(`<<<FILE ${names[2]}`);
    const at = seedsText.indexOf('If we now start to discuss amongst ourselves', start002);
    assert.ok(start002 >= 0 && at > start002);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', seedsUri, doc.positionAt(at + 10));
    const text = markdownOf(hovers);
    assert.match(text, /Quotation/);
    assert.match(text, /Rutte/);
    const entry = (label: string): string => text.split('\n').find((l) => l.startsWith(`- [${label}](command:parallax.revealPassage?`)) ?? '';
    assert.match(entry('000'), / — verbatim/, text);
    assert.match(entry('001'), / — \*\*reworded\*\*: /, text);
    assert.match(entry('001'), /~~[^~]+~~/, 'the reworded entry shows what was dropped');
    // The hover's links only reveal passages.
    for (const m of text.matchAll(/\]\((command:[^?)]+)/g)) assert.strictEqual(m[1], 'command:parallax.revealPassage');
  });

  it('the hover also works in an article document', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('parallax.openArticle', seedsUri, 2);
    const at = editor.document.getText().indexOf('If we now start to discuss amongst ourselves');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(at + 5));
    assert.match(markdownOf(hovers), /\[000\]\(command:parallax\.revealPassage\?[^)]*\) — verbatim/);
  });

  it('analyses again after an edit, without being asked', async () => {
    const copied = 'Rutte appeared frustrated about when peace talks might start and whether European peacekeepers would be involved.';
    assert.ok(seedsText.includes(copied));
    const doc = await untitledBundle(seedsText);
    const editor = await vscode.window.showTextDocument(doc);
    const end003 = doc.getText().indexOf('\n<<<FILE 004');
    const line = doc.positionAt(end003).line;
    // A lens above a line that carries 000's words verbatim: "= 000 (verbatim)", "2 passages: = 000, 002 …".
    const verbatimWith000 = (lenses: vscode.CodeLens[]): boolean => lenses.some((l) => l.range.start.line === line && /= (\S+, )*000\b/.test(l.command?.title ?? ''));
    assert.ok(!verbatimWith000(await analysedLenses(doc.uri)), '003 shares nothing verbatim with 000 on its last line at first');
    // 003 copies one of 000's sentences word for word.
    await editor.edit((e) => e.insert(doc.positionAt(end003), ` ${copied}`));
    await analysedLenses(doc.uri, verbatimWith000);
  });

  it('the highlight toggle turns the setting off and on again', async () => {
    const enabled = (): boolean | undefined => vscode.workspace.getConfiguration('parallax').get<boolean>('decorations.enabled');
    assert.strictEqual(enabled(), true);
    await vscode.commands.executeCommand('parallax.toggleDecorations');
    try {
      assert.strictEqual(enabled(), false, 'off after the toggle');
    } finally {
      await vscode.commands.executeCommand('parallax.toggleDecorations');
    }
    assert.strictEqual(enabled(), true, 'on again');
  });

  it('Export Report recognises a bundle however its address is spelled, so it never writes over one', () => {
    const bundle = vscode.Uri.file('/work/reports/seeds.bundle');
    for (const spelled of [vscode.Uri.file('/work/reports/../reports/seeds.bundle'), vscode.Uri.parse('file:///work/reports/./seeds%2Ebundle'), vscode.Uri.parse('file:///work/reports/seeds.bundle?x#y')]) {
      assert.strictEqual(resourceKey(spelled), resourceKey(bundle), spelled.toString());
    }
    assert.notStrictEqual(resourceKey(vscode.Uri.file('/work/reports/seeds.parallax.md')), resourceKey(bundle));
  });

  it('commands without arguments act on the bundle behind the active article or comparison document', async () => {
    const panelTab = (): vscode.Tab | undefined => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview);
    for (const open of [
      async () => vscode.commands.executeCommand('parallax.openArticle', seedsUri, 3),
      async () => vscode.commands.executeCommand('parallax.compareSources', { bundle: seedsUri.toString(), left: 0, right: 2 }),
    ]) {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await open();
      const active = vscode.window.activeTextEditor?.document.uri.scheme;
      assert.ok(active === 'parallax-article' || active === 'parallax-aligned', `an article or comparison document is active: ${active}`);
      await vscode.commands.executeCommand('parallax.showAlignment');
      const tab = await eventually('the panel tab', panelTab, (t) => !!t && t.label === 'Alignment · seeds.bundle');
      assert.ok(tab);
    }
  });

  it('the alignment panel opens on the bundle, with a page that runs only its own script', async () => {
    await vscode.commands.executeCommand('parallax.showAlignment', seedsUri);
    const tab = await eventually('the panel tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview), (t) => !!t);
    assert.ok(tab);
    assert.match((tab.input as vscode.TabInputWebview).viewType, /parallax\.alignment$/);
    assert.match(tab.label, /seeds\.bundle|Parallax Alignment/);
  });
});

// Issue 4 in a real VS Code: lenses, Compare Sources, the quote hover, the Sources and Quotes views
// and the alignment panel, on the reference bundle. seeds.bundle is opened read-only from
// ../shared/samples; anything edited is an untitled copy that is never saved.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { eventually, SEEDS } from './helpers';
import type { ParallaxApi } from '../../src/features/parallaxApi';
import type { SourcesNode } from '../../src/features/sourcesView';

const EXTENSION_ID = 'parallax-dev.parallax';

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function markdownOf(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('Parallax editor features on seeds.bundle', () => {
  let api: ParallaxApi;
  let seedsUri: vscode.Uri;
  let seedsText: string;
  let names: string[];

  before(async () => {
    assert.ok(fs.existsSync(SEEDS), `the reference bundle is missing at ${SEEDS}`);
    seedsText = fs.readFileSync(SEEDS, 'utf8');
    names = [...seedsText.matchAll(/^<<<FILE (.+)>>>\r?$/gm)].map((m) => m[1] as string);
    assert.strictEqual(names.length, 5);
    const extension = vscode.extensions.getExtension<ParallaxApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
    api = await extension.activate();
    seedsUri = vscode.Uri.file(SEEDS);
  });

  beforeEach(async () => {
    const doc = await vscode.workspace.openTextDocument(seedsUri);
    await vscode.window.showTextDocument(doc);
    const snapshot = await api.analyses.ready(seedsUri);
    assert.ok(snapshot, 'seeds.bundle is analysed');
  });

  afterEach(async () => {
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('offers, on 001’s header, a summary and a comparison with 002', async () => {
    const lenses = await eventually('lenses on seeds.bundle',
      () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', seedsUri, 100),
      (l) => (l ?? []).some((x) => x.command?.command === 'parallax.compareSources'));
    const headerLine = seedsText.split('\n').findIndex((l) => l.startsWith(`<<<FILE ${names[1]}`));
    const onHeader = lenses.filter((l) => l.range.start.line === headerLine).map((l) => l.command?.title ?? '');
    assert.ok(onHeader.some((t) => /^\d+ passages? shared · \d+ quotes? · \d+% unique$/.test(t)), `summary lens on 001: ${JSON.stringify(onHeader)}`);
    assert.ok(onHeader.includes('Compare with 002 (closest)'), `compare lens on 001: ${JSON.stringify(onHeader)}`);
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
      (l) => (l ?? []).some((x) => x.command?.title === 'Compare with 002 (closest)'));
    assert.ok(lenses.some((l) => l.range.start.line === 0 && l.command?.title === 'Compare with 002 (closest)'));
  });

  it('Compare Sources opens a diff whose two sides hold aligned sentences on equal lines', async () => {
    const title = await vscode.commands.executeCommand<string>('parallax.compareSources', seedsUri, 1, 2);
    assert.ok(title, 'the command returns the title it showed');
    assert.match(title, /^001 ↔ 002 · \d+ aligned$/);
    const tab = await eventually('the diff tab', () => vscode.window.tabGroups.activeTabGroup.activeTab, (t) => t?.input instanceof vscode.TabInputTextDiff);
    assert.ok(tab);
    assert.strictEqual(tab.label, title);
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
    // The hover trusts only Parallax's commands.
    for (const m of text.matchAll(/\]\((command:[^?)]+)/g)) assert.ok(['command:parallax.revealPassage', 'command:parallax.compareSources'].includes(m[1] as string), m[1]);
  });

  it('the hover also works in an article document', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('parallax.openArticle', seedsUri, 2);
    const at = editor.document.getText().indexOf('If we now start to discuss amongst ourselves');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(at + 5));
    assert.match(markdownOf(hovers), /\[000\]\(command:parallax\.revealPassage\?[^)]*\) — verbatim/);
  });

  it('the Sources view lists the bundle, its five articles and their shared passages; a click reveals one', async () => {
    const roots = api.sources.getChildren();
    const bundle = roots.find((r) => r.bundle === seedsUri.toString());
    assert.ok(bundle, `seeds.bundle in the Sources view: ${JSON.stringify(roots)}`);
    const articles = api.sources.getChildren(bundle);
    assert.deepStrictEqual(articles.map((a) => a.label), names);
    for (const a of articles) assert.match(a.kind === 'article' ? a.description : '', /\d+% unique/);
    const a001 = articles[1] as SourcesNode;
    assert.match(a001.kind === 'article' ? a001.description : '', /follows 002 \(\d+\/\d+ in order\)/);
    const passages = api.sources.getChildren(a001);
    assert.ok(passages.length >= 10, `001 shares many passages: ${passages.length}`);
    const first = passages[0] as SourcesNode;
    const item = api.sources.getTreeItem(first);
    assert.ok(item.command);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(item.command.command, ...(item.command.arguments ?? []));
    const selected = flat(editor.document.getText(editor.selection));
    assert.ok(selected.length > 20 && flat(seedsText).includes(selected));
    assert.ok(flat(first.label.replace(/…$/, '')).length > 0 && selected.startsWith(flat(first.label.replace(/…$/, ''))), `${selected} / ${first.label}`);
  });

  it('the Quotes view lists speakers, their quotations and each source’s relation', async () => {
    const speakers = api.quotes.getChildren();
    const rutte = speakers.find((s) => s.kind === 'speaker' && /Rutte/.test(s.row.name));
    assert.ok(rutte, `Rutte among the speakers: ${speakers.map((s) => (s.kind === 'speaker' ? s.row.name : '')).join(', ')}`);
    const quotations = api.quotes.getChildren(rutte);
    const russians = quotations.find((q) => q.kind === 'quotation' && q.row.occurrences.some((o) => o.text.includes('discuss amongst ourselves')));
    assert.ok(russians, 'the quotation about discussing a deal');
    const occurrences = api.quotes.getChildren(russians).map((o) => (o.kind === 'occurrence' ? `${o.row.label}:${o.row.relation}` : ''));
    assert.ok(occurrences.includes('000:verbatim') || occurrences.includes('002:verbatim'), occurrences.join(' '));
    assert.ok(occurrences.includes('001:reworded'), `001 rewords it: ${occurrences.join(' ')}`);
    const item = api.quotes.getTreeItem(russians);
    assert.match(String(item.description), /reworded/);
  });

  it('analyses again after an edit, without being asked', async () => {
    const copied = 'Rutte appeared frustrated about when peace talks might start and whether European peacekeepers would be involved.';
    assert.ok(seedsText.includes(copied));
    const doc = await vscode.workspace.openTextDocument({ language: 'parallax-bundle', content: seedsText });
    const editor = await vscode.window.showTextDocument(doc);
    const first = await api.analyses.ready(doc.uri);
    assert.ok(first);
    const shares = (a: NonNullable<typeof first>): boolean => a.analysis.matches.some((m) => m.a.article === 0 && m.b.article === 3 && m.kind === 'verbatim');
    assert.ok(!shares(first), '003 shares nothing verbatim with 000 at first');
    // 003 copies one of 000's sentences word for word.
    const end003 = doc.getText().indexOf('\n<<<FILE 004');
    await editor.edit((e) => e.insert(doc.positionAt(end003), ` ${copied}`));
    const after = await eventually('the analysis of the edited text', () => api.analyses.get(doc.uri), (s) => !!s && s.version === doc.version);
    assert.ok(after && shares(after), 'the copied sentence is found as verbatim');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100);
    const header003 = doc.positionAt(doc.getText().indexOf('<<<FILE 003')).line;
    assert.ok(lenses.some((l) => l.range.start.line === header003 && /^[1-9]\d* passages? shared/.test(l.command?.title ?? '')), 'the header lens of 003 counts the new passage');
  });

  it('highlights shared passages by kind, and the toggle turns them off and on', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(seedsUri));
    const painted = (): number => [...api.decorations.rangesFor(editor).values()].reduce((n, r) => n + r.length, 0);
    const ranges = api.decorations.rangesFor(editor);
    assert.ok((ranges.get('verbatim') ?? []).length > 0, 'verbatim passages are marked');
    assert.ok((ranges.get('paraphrase') ?? []).length + (ranges.get('near-verbatim') ?? []).length > 0, 'reworded or paraphrased passages are marked');
    // Each marked range is text of the bundle's articles, never a header.
    for (const r of ranges.get('verbatim') ?? []) assert.ok(!editor.document.getText(r).includes('<<<FILE'));
    await vscode.commands.executeCommand('parallax.toggleDecorations');
    try {
      assert.strictEqual(painted(), 0, 'off after the toggle');
    } finally {
      await vscode.commands.executeCommand('parallax.toggleDecorations');
    }
    assert.ok(painted() > 0, 'on again');
  });

  it('exports the report as Markdown and HTML to the file given, never touching the bundle', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-report-'));
    try {
      const before = fs.readFileSync(SEEDS, 'utf8');
      const mdFile = vscode.Uri.file(path.join(dir, 'report.md'));
      const htmlFile = vscode.Uri.file(path.join(dir, 'report.html'));
      assert.strictEqual((await vscode.commands.executeCommand<vscode.Uri>('parallax.exportReport', seedsUri, 'markdown', mdFile))?.fsPath, mdFile.fsPath);
      await vscode.commands.executeCommand('parallax.exportReport', seedsUri, 'html', htmlFile);
      const md = fs.readFileSync(mdFile.fsPath, 'utf8');
      const html = fs.readFileSync(htmlFile.fsPath, 'utf8');
      assert.ok(md.startsWith('# Parallax\\: seeds\\.bundle'), md.slice(0, 80));
      assert.match(md, /## Shared passages \(\d+\)/);
      for (const n of ['000', '001', '002', '003', '004']) assert.match(md, new RegExp(`\\| ${n} \\|`));
      assert.match(html, /<table>/);
      assert.match(html, /Quotations in several sources/);
      assert.strictEqual(fs.readFileSync(SEEDS, 'utf8'), before, 'the bundle is unchanged');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the alignment panel opens, and bundle text with <script> or <img onerror> stays inert', async () => {
    const payload = '<img src=x onerror="document.title=1"> <script>document.title=2</script>';
    // Both 000 and 002 carry the same hostile quotation, so it shows as a shared passage and a quote.
    const content = seedsText.replace(/\n(<<<FILE 001)/, ` “${payload} we will never stop,” Rutte said.\n$1`)
      .replace(/\n(<<<FILE 003)/, `\n“${payload} we will never stop,” Rutte said.\n$1`);
    const doc = await vscode.workspace.openTextDocument({ language: 'parallax-bundle', content });
    await vscode.window.showTextDocument(doc);
    await api.analyses.ready(doc.uri);
    const panel = await vscode.commands.executeCommand<{ panel: vscode.WebviewPanel } | undefined>('parallax.showAlignment', doc.uri);
    assert.ok(panel, 'the panel opens');
    const html = panel.panel.webview.html;
    assert.match(html, /Content-Security-Policy" content="default-src 'none';[^"]*script-src 'nonce-[0-9a-f]{32}'/);
    assert.doesNotMatch(html, /onerror|document\.title/, 'bundle text never goes into the page source');
    const rendered = await eventually('the panel to render', () => api.alignmentPanel()?.lastRendered, (r) => !!r && r.rows > 0, 30_000);
    assert.ok(rendered);
    assert.strictEqual(rendered.activeElements, 0, 'no <img>, <script> or other active element came from the bundle');
    assert.strictEqual(rendered.handlers, 0, 'no element carries an on… handler attribute');
    assert.ok(rendered.text.includes(payload), 'the hostile text is shown as text');
    assert.ok(rendered.passages >= rendered.rows);
  });
});

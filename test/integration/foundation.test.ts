// The foundation in a real VS Code: language detection, outline, article documents that follow
// their bundle. Reads the reference bundle from ../shared/samples at run time and never writes
// there: edits happen in a temporary copy that is never saved.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAllEditorsReverting, eventually, SEEDS, untitledBundle } from './helpers';

const LANGUAGE = 'parallax-bundle';
const ARTICLE_SCHEME = 'parallax-article';

interface ExpectedArticle {
  readonly name: string;
  readonly text: string;
}

/**
 * The seed bundle's articles, split by this test's own reading of the seed form (a header line
 * `<<<FILE name>>>`; the text runs to the line break before the next header or the end), so the
 * extension's parser is checked against an independent oracle.
 */
function expectedArticles(text: string): ExpectedArticle[] {
  const headers = [...text.matchAll(/^<<<FILE (.+)>>>\r?$/gm)];
  return headers.map((m, i) => {
    const start = (m.index ?? 0) + m[0].length + 1;
    const next = i + 1 < headers.length ? (headers[i + 1].index ?? text.length) : text.length;
    const end = text.slice(start, next).endsWith('\n') ? next - 1 : next;
    return { name: m[1], text: text.slice(start, end).replace(/\r$/, '') };
  });
}

async function outline(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  return (await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
}

function articleDocuments(): vscode.TextDocument[] {
  return vscode.workspace.textDocuments.filter((d) => d.uri.scheme === ARTICLE_SCHEME);
}

/** Opens article `index` of a bundle through the extension's command; returns the shown document. */
async function openArticle(bundle: vscode.Uri, index: number): Promise<vscode.TextDocument> {
  const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('parallax.openArticle', bundle, index);
  assert.ok(editor, `parallax.openArticle returned no editor for article ${index}`);
  assert.strictEqual(editor.document.uri.scheme, ARTICLE_SCHEME, 'the article opens as a virtual document of its own scheme');
  return editor.document;
}

describe('Foundation in VS Code', () => {
  let seedsText: string;
  let expected: ExpectedArticle[];
  let tmpDir: string;

  before(async () => {
    assert.ok(fs.existsSync(SEEDS), `the reference bundle is missing at ${SEEDS}`);
    seedsText = fs.readFileSync(SEEDS, 'utf8');
    expected = expectedArticles(seedsText);
    assert.strictEqual(expected.length, 5, 'the oracle reads five articles in seeds.bundle');
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-it-'));
    // VS Code for the Web (code-server) saves an edited file a second after the last edit by default
    // (files.autoSave "afterDelay"; the desktop's default is "off"). The edit test checks that Parallax
    // leaves its copy edited in memory only, so VS Code must not save it either: the desktop default.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  });

  afterEach(closeAllEditorsReverting);

  after(async () => {
    fs.rmSync(tmpDir, { recursive: true, force: true });
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
  });

  it('detects the bundle language for seeds.bundle', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(SEEDS));
    assert.strictEqual(doc.languageId, LANGUAGE);
  });

  it('detects the bundle language by content, whatever the file is called', async () => {
    const file = path.join(tmpDir, 'story-without-extension');
    fs.writeFileSync(file, seedsText);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    assert.strictEqual(doc.languageId, LANGUAGE);
  });

  it('lists the five articles in the outline', async () => {
    const uri = vscode.Uri.file(SEEDS);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const symbols = await eventually('five outline entries', () => outline(uri), (s) => s.length === 5);
    assert.deepStrictEqual(symbols.map((s) => s.name), expected.map((e) => e.name));
    // Each entry starts at its article's header line.
    const doc = await vscode.workspace.openTextDocument(uri);
    for (const [i, s] of symbols.entries()) {
      assert.strictEqual(doc.lineAt(s.selectionRange.start.line).text, `<<<FILE ${expected[i].name}>>>`);
    }
  });

  it('opens each article showing exactly its text, titled by its name', async () => {
    const uri = vscode.Uri.file(SEEDS);
    await vscode.workspace.openTextDocument(uri);
    for (const [i, want] of expected.entries()) {
      const doc = await openArticle(uri, i);
      assert.strictEqual(doc.getText(), want.text, `article ${i} (${want.name}) shows exactly its text`);
      assert.strictEqual(path.posix.basename(doc.uri.path), want.name, 'the tab title is the article name');
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString(), 'the article is shown');
    }
    assert.strictEqual(new Set(articleDocuments().map((d) => d.uri.toString())).size, 5, 'five distinct article documents');
  });

  it('updates an open article when its bundle is edited, and says when the article is gone', async () => {
    const file = path.join(tmpDir, 'copy.bundle');
    fs.writeFileSync(file, seedsText);
    const bundleUri = vscode.Uri.file(file);
    const bundle = await vscode.workspace.openTextDocument(bundleUri);
    const article = await openArticle(bundleUri, 2);
    assert.strictEqual(article.getText(), expected[2].text);

    // Insert a sentence at the start of article 2's text.
    const contentStart = seedsText.indexOf(`<<<FILE ${expected[2].name}>>>`) + `<<<FILE ${expected[2].name}>>>\n`.length;
    const inserted = 'An editor added this sentence. ';
    const edit = new vscode.WorkspaceEdit();
    edit.insert(bundleUri, bundle.positionAt(contentStart), inserted);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
    await eventually('the article to follow the edit', () => article.getText(), (t) => t === inserted + expected[2].text);

    // Other open articles are untouched by an edit elsewhere.
    const other = await openArticle(bundleUri, 4);
    assert.strictEqual(other.getText(), expected[4].text);

    // Rename article 2's header: the open article must say it is gone rather than show stale text.
    const headerLine = bundle.lineAt(bundle.positionAt(seedsText.indexOf(`<<<FILE ${expected[2].name}>>>`)).line);
    const rename = new vscode.WorkspaceEdit();
    rename.replace(bundleUri, headerLine.range, '<<<FILE renamed.txt>>>');
    assert.ok(await vscode.workspace.applyEdit(rename));
    const notice = await eventually('the removal notice', () => article.getText(), (t) => !t.includes(inserted));
    assert.match(notice, /no longer in the bundle/);
    assert.ok(bundle.isDirty, 'the copy was edited in memory only');
    assert.strictEqual(fs.readFileSync(file, 'utf8'), seedsText, 'the copy on disk is untouched');
  });

  it('treats an untitled bundle the same way', async () => {
    const doc = await untitledBundle(seedsText);
    assert.strictEqual(doc.uri.scheme, 'untitled');
    await vscode.window.showTextDocument(doc);
    const symbols = await eventually('five outline entries', () => outline(doc.uri), (s) => s.length === 5);
    assert.deepStrictEqual(symbols.map((s) => s.name), expected.map((e) => e.name));
    const article = await openArticle(doc.uri, 0);
    assert.strictEqual(article.getText(), expected[0].text);
  });

  it('reports format problems in the Problems panel with precise ranges, and clears them when fixed', async () => {
    const text = 'Notes before any header.\n<<<FILE a.txt>>>\nOne.\n<<<FILE a.txt>>>\nTwo.\n<<<FILE broken\nThree.\n';
    const doc = await untitledBundle(text);
    await vscode.window.showTextDocument(doc);
    const diagnostics = await eventually('three problems', () => vscode.languages.getDiagnostics(doc.uri), (d) => d.length === 3);
    const byCode = new Map(diagnostics.map((d) => [String(d.code), d]));
    assert.deepStrictEqual([...byCode.keys()].sort(), ['duplicateName', 'strayText', 'unterminatedHeader']);
    const unterminated = byCode.get('unterminatedHeader');
    assert.ok(unterminated);
    assert.strictEqual(unterminated.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(doc.getText(unterminated.range), '<<<FILE broken');
    assert.match(unterminated.message, />>>/);
    assert.strictEqual(doc.getText(byCode.get('strayText')?.range), 'Notes before any header.');
    assert.ok(diagnostics.every((d) => d.source === 'Parallax'));
    // Fix the header: its problem goes away.
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    await editor.edit((e) => e.insert(unterminated.range.end, '>>>'));
    await eventually('two problems after the fix', () => vscode.languages.getDiagnostics(doc.uri), (d) => d.length === 2);
  });

  it('folds each article, and keeps several bundles apart', async () => {
    const first = await untitledBundle(seedsText);
    const second = await untitledBundle('<<<FILE other.txt>>>\nLine one.\nLine two.\n');
    const folds = await eventually('five folding ranges', async () =>
      (await vscode.commands.executeCommand<vscode.FoldingRange[] | undefined>('vscode.executeFoldingRangeProvider', first.uri)) ?? [],
    (f) => f.length >= 5);
    const headerLines = seedsText.split('\n').flatMap((l, i) => (l.startsWith('<<<FILE') ? [i] : []));
    for (const line of headerLines) {
      assert.ok(folds.some((f) => f.start === line), `a fold starts at header line ${line}`);
    }
    const otherSymbols = await eventually('one article in the second bundle', () => outline(second.uri), (s) => s.length === 1);
    assert.strictEqual(otherSymbols[0].name, 'other.txt');
    const a = await openArticle(second.uri, 0);
    assert.strictEqual(a.getText(), 'Line one.\nLine two.');
    const b = await openArticle(first.uri, 0);
    assert.strictEqual(b.getText(), expected[0].text);
  });
});

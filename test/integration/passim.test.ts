// Issue 11 §1 in a real VS Code: Parallax: Open passim Output… on the fixtures of
// test/fixtures/passim (passim's formats: gzip'd and plain part files, --pairwise align.json).
// The folder and the cluster are passed as arguments, so nothing asks; the opened bundle is
// untitled and is reverted, never saved.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { activeDiffTab, analysedLenses, articleNames, closeAllEditorsReverting, eventually, REPO_ROOT } from './helpers';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'passim');

function markdownOf(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('Parallax: Open passim Output…', function () {
  // The first test starts the analysis worker and waits for lenses, a hover and a diff: on a loaded
  // 2-core machine that can pass mocha's 30 s default.
  this.timeout(90_000);

  before(async () => {
    const extension = vscode.extensions.getExtension('parallax-dev.parallax');
    assert.ok(extension, 'the extension is installed');
    await extension.activate();
  });

  afterEach(closeAllEditorsReverting);

  it('opens a cluster of --pairwise output (gzip’d parts) as an untitled bundle that analyses, hovers and compares', async () => {
    const folder = vscode.Uri.file(path.join(FIXTURES, 'out-pairwise'));
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('parallax.openPassimOutput', folder, '8589934593');
    assert.ok(editor, 'the cluster is opened');
    const doc = editor.document;
    assert.strictEqual(doc.isUntitled, true, 'nothing is written unless the user saves');
    assert.strictEqual(doc.languageId, 'parallax-bundle');
    const text = doc.getText();
    assert.match(text, /^<<<FILE name="courier-0211\.txt" cluster="8589934593" series="Coastal Courier" date="2026-02-11" begin="124" end="414"/);
    assert.match(text, /<<<FILE name="bulletin-0212\.txt" cluster="8589934593" series="Harbor Bulletin" date="2026-02-12" src="courier-0211\.txt"/);
    assert.ok(text.includes('noticeboard 🌊🌊') && text.includes('𝔐errow'), 'astral characters are kept');

    // Analysed: a lens marks the two copies of the warden’s notice as verbatim (the hover below
    // shows the quote grouped across the two).
    const lenses = await analysedLenses(doc.uri, (l) => l.some((x) => /(^|: )= /.test(x.command?.title ?? '')));
    assert.deepStrictEqual(await articleNames(doc.uri), ['courier-0211.txt', 'bulletin-0212.txt']);
    // passim's src in the Bulletin's header reaches the engine: its summary lens gives it as evidence.
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(titles.some((t) => /derives from courier-0211 \([^)]*passim: source/.test(t)), JSON.stringify(titles));

    const at = text.indexOf('Stay off the dunes', text.indexOf('<<<FILE name="bulletin'));
    const hovers = await eventually('the quote hover',
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + 5)),
      (h) => /Quotation/.test(markdownOf(h ?? [])));
    assert.match(markdownOf(hovers), /verbatim/);

    await vscode.commands.executeCommand('parallax.compareSources', doc.uri, 0, 1);
    assert.match((await activeDiffTab()).label, /↔ .* · [12] aligned$/);
  });

  it('reads several part files, gzip’d and not, and opens the cluster asked for', async () => {
    const folder = vscode.Uri.file(path.join(FIXTURES, 'out-basic'));
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('parallax.openPassimOutput', folder, '25769803790');
    assert.ok(editor);
    await analysedLenses(editor.document.uri);
    assert.deepStrictEqual(await articleNames(editor.document.uri), ['gazette-0213.txt', 'ledger-0214.txt']);
    assert.deepStrictEqual(vscode.languages.getDiagnostics(editor.document.uri), [], 'no format problems');
  });

  it('opens nothing for a folder that is not passim output', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('parallax.openPassimOutput', vscode.Uri.file(FIXTURES), '1');
    assert.strictEqual(editor, undefined);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.isUntitled && d.languageId === 'parallax-bundle' && d.getText().includes('cluster=')));
  });
});

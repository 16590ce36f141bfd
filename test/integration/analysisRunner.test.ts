// Where the analysis runs in a real VS Code: on the Node extension host (code-server's, like the
// desktop's) the engine runs in the worker thread dist/analysisWorker.js, not on the host's thread.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { SEEDS } from './helpers';
import type { ParallaxApi } from '../../src/features/parallaxApi';


describe('Parallax analysis runner', () => {
  it('analyses in the worker thread on the Node extension host, and again after an edit', async () => {
    const extension = vscode.extensions.getExtension<ParallaxApi>('parallax-dev.parallax');
    assert.ok(extension);
    const api = await extension.activate();
    assert.ok(fs.existsSync(path.join(extension.extensionPath, 'dist', 'analysisWorker.js')), 'the worker is built into the extension');
    assert.strictEqual(api.analyses.runnerKind, 'worker');

    // An untitled copy: its own bundle key, so the worker starts a cache for it.
    const doc = await vscode.workspace.openTextDocument({ language: 'parallax-bundle', content: fs.readFileSync(SEEDS, 'utf8') });
    try {
      await vscode.window.showTextDocument(doc);
      const first = await api.analyses.ready(doc.uri);
      assert.strictEqual(first?.ranIn, 'worker');
      assert.strictEqual(first.analysis.articles.length, 5);
      assert.ok(first.analysis.matches.length > 0, 'the worker ran the engine');

      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, doc.positionAt(doc.getText().length), '\nOne more sentence, added by the runner test.\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const second = await api.analyses.ready(doc.uri);
      assert.strictEqual(second?.version, doc.version);
      assert.strictEqual(second.ranIn, 'worker');
      assert.deepStrictEqual(second.analysis.quoteGroups.length, first.analysis.quoteGroups.length);
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});

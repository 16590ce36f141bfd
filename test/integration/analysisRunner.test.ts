// Where the analysis runs in a real VS Code: on the Node extension host (code-server's, like the
// desktop's) the platform's runner is the worker thread the extension ships (dist/analysisWorker.js),
// so the engine never runs on the host's thread.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { SEEDS, untitledBundle } from './helpers';
import { createAnalysisRunner } from '../../src/analysis/analysisRunnerPlatform';
import { createRunnerToken } from '../../src/analysis/analysisRunner';
import { parseBundle } from '../../src/core/bundle/parseBundle';
import { AnalysisService } from '../../src/analysis/analysisService';
import type { AnalysisRunner, RunRequest, RunResult } from '../../src/analysis/analysisRunner';
import { SlicedAnalysisRunner } from '../../src/analysis/analysisRunnerSlices';
import { EngineError } from '../../src/analysis/engineFailure';
import { BundleModel } from '../../src/features/bundleModel';

describe('Parallax analysis runner', () => {
  // The first test of the suite: its duration, printed beside it, is Parallax's activation on the Node
  // extension host (loading dist/extension.js and running activate()), a figure for issue 10, not a check.
  it('activates (this test’s time is the activation’s)', async function () {
    const extension = vscode.extensions.getExtension('parallax-dev.parallax');
    assert.ok(extension);
    // Something activated it before: this test's time would say nothing.
    if (extension.isActive) this.skip();
    await extension.activate();
    assert.ok(extension.isActive);
  });

  it('analyses in the shipped worker thread on the Node extension host, and again after an edit', async () => {
    const extension = vscode.extensions.getExtension('parallax-dev.parallax');
    assert.ok(extension);
    await extension.activate();
    assert.ok(fs.existsSync(path.join(extension.extensionPath, 'dist', 'analysisWorker.js')), 'the worker is built into the extension');
    const fallbacks: string[] = [];
    const runner = createAnalysisRunner(extension.extensionPath, (m) => fallbacks.push(m));
    try {
      assert.strictEqual(runner.kind, 'worker');
      const articles = parseBundle(fs.readFileSync(SEEDS, 'utf8')).articles.map((a) => ({ name: a.name, text: a.text }));
      const first = await runner.run({ bundleKey: 'runner-test', articles, options: {}, token: createRunnerToken() });
      assert.strictEqual(first?.ranIn, 'worker');
      assert.strictEqual(first.analysis.articles.length, 5);
      assert.ok(first.analysis.matches.length > 0, 'the worker ran the engine');

      const last = articles.length - 1;
      const edited = articles.map((a, i) => (i === last ? { ...a, text: `${a.text}\nOne more sentence, added by the runner test.\n` } : a));
      const second = await runner.run({ bundleKey: 'runner-test', articles: edited, options: {}, token: createRunnerToken() });
      assert.strictEqual(second?.ranIn, 'worker');
      assert.strictEqual(second.analysis.quoteGroups.length, first.analysis.quoteGroups.length);
      assert.deepStrictEqual(fallbacks, [], 'the worker was never given up');
    } finally {
      runner.dispose();
    }
  });
});

/**
 * A runner that fails or stalls on demand, in front of the real in-host runner: the runner is the
 * service's interface, so this is a test double of the seam, not a mock of the engine.
 */
class ScriptedRunner implements AnalysisRunner {
  readonly kind = 'slices' as const;
  mode: 'real' | 'fail' | 'stall' | 'partial' = 'real';
  /** The time budget of the last run asked, in ms. */
  budgetMs: number | undefined;
  private readonly real = new SlicedAnalysisRunner();

  run(request: RunRequest): Promise<RunResult | undefined> {
    this.budgetMs = request.budgetMs;
    // The real engine past its budget from the start, as on a bundle far too large for it.
    if (this.mode === 'partial') return this.real.run({ ...request, budgetMs: 0 });
    if (this.mode === 'fail') {
      return Promise.reject(new EngineError({ message: 'word.endsWith is not a function', article: 'Wire copy 2', stack: 'TypeError: word.endsWith is not a function\n    at computeLemma (lemma.ts:1:1)' }));
    }
    if (this.mode === 'stall') {
      // Runs until stopped, like an engine on a pathological text.
      request.onStarted?.();
      return new Promise((resolve) => request.token.onCancellationRequested(() => resolve(undefined)));
    }
    return this.real.run(request);
  }
  forget(bundleKey: string): void {
    this.real.forget(bundleKey);
  }
  dispose(): void {
    this.real.dispose();
  }
}

describe('Parallax analysis service when the engine fails or stalls', () => {
  let model: BundleModel;
  let runner: ScriptedRunner;
  let service: AnalysisService;
  let doc: vscode.TextDocument;

  beforeEach(async () => {
    model = new BundleModel();
    runner = new ScriptedRunner();
    service = new AnalysisService(model, runner);
    doc = await untitledBundle(fs.readFileSync(SEEDS, 'utf8'));
  });
  afterEach(async () => {
    service.dispose();
    model.dispose();
    await vscode.workspace.getConfiguration('parallax').update('analysis.timeBudgetSeconds', undefined, vscode.ConfigurationTarget.Global);
  });

  async function edit(): Promise<void> {
    const change = new vscode.WorkspaceEdit();
    change.insert(doc.uri, doc.positionAt(doc.getText().length), '\nOne more sentence.\n');
    assert.ok(await vscode.workspace.applyEdit(change));
  }

  it('says an internal error is one, names the article, never blames the headers, and keeps the last good analysis', async () => {
    const good = await service.ready(doc.uri);
    assert.ok(good && good.analysis.articles.length === 5);
    assert.strictEqual(service.problem(doc.uri), undefined);

    runner.mode = 'fail';
    await edit();
    const after = await service.ready(doc.uri);
    assert.strictEqual(after, good, 'ready gives the last good analysis');
    assert.strictEqual(service.get(doc.uri), good, 'views keep the last good analysis');
    const problem = service.problem(doc.uri);
    assert.strictEqual(problem?.kind, 'failed');
    assert.strictEqual(problem.kind === 'failed' ? problem.failure.article : '', 'Wire copy 2');
    const why = service.whyNoAnalysis(doc.uri);
    assert.match(why, /internal error in the article "Wire copy 2"/);
    assert.match(why, /Report Issue/);
    assert.ok(!/<<<FILE|header/i.test(why), why);

    // The next good run clears the problem.
    runner.mode = 'real';
    await edit();
    const fresh = await service.ready(doc.uri);
    assert.strictEqual(fresh?.version, doc.version);
    assert.strictEqual(service.problem(doc.uri), undefined);
  });

  it('shows the partial analysis the engine finishes with at the time budget', async function () {
    this.timeout(30_000);
    await vscode.workspace.getConfiguration('parallax').update('analysis.timeBudgetSeconds', 3, vscode.ConfigurationTarget.Global);
    runner.mode = 'partial';
    await edit();
    const shown = await service.ready(doc.uri);
    assert.strictEqual(runner.budgetMs, 3000, 'the run was given the budget');
    assert.strictEqual(shown?.version, doc.version, 'an analysis of the current text is shown');
    assert.strictEqual(shown.analysis.limits?.partial, true);
    // The pairs of the unchanged articles come from the last run's cache; the edited article's are left out.
    const counts = /Time budget: compared (\d+) of (\d+) candidate article pairs/.exec(shown.analysis.limits.notes.join(' '));
    assert.ok(counts && Number(counts[1]) < Number(counts[2]), `what was left out: ${shown.analysis.limits.notes.join(' ')}`);
    assert.strictEqual(service.problem(doc.uri), undefined, 'a partial result is a result');
  });

  it('stops a run that gives nothing, not even a partial result, keeps what it shows, and says so', async function () {
    this.timeout(30_000);
    const good = await service.ready(doc.uri);
    assert.ok(good);
    await vscode.workspace.getConfiguration('parallax').update('analysis.timeBudgetSeconds', 1, vscode.ConfigurationTarget.Global);
    runner.mode = 'stall';
    const started = Date.now();
    await edit();
    const shown = await service.ready(doc.uri);
    const waited = Date.now() - started;
    assert.strictEqual(shown, good, 'the last complete analysis, never a frozen view');
    // The backstop: twice the budget and 5 s.
    assert.ok(waited >= 6_900 && waited < 20_000, `stopped after ${waited} ms`);
    assert.deepStrictEqual(service.problem(doc.uri), { kind: 'over budget', seconds: 1 });
    assert.match(service.whyNoAnalysis(doc.uri), /stopped analysing .* after 7 s, with no result, not even a partial one \(time budget 1 s, setting parallax\.analysis\.timeBudgetSeconds\)/);
  });
});

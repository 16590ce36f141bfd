import * as vscode from 'vscode';
import type { ParsedBundle } from '../core/bundle/parseBundle';
import type { AnalysisOptions, BundleAnalysis } from '../core/model';
import { isBundleDocument } from '../features/bundleModel';
import type { BundleModel } from '../features/bundleModel';
import { parseArticleUri } from '../features/articleDocuments';
import { ANALYSIS_SETTINGS, onSettingsChange, readConfig } from '../features/config';
import { shortLabels } from '../presentation/articleLabels';
import { viewsOf } from '../features/rangeMapping';
import { indexOf } from './analysisIndex';
import { createAnalysisRunner } from './analysisRunnerPlatform';
import type { AnalysisRunner, RunnerKind } from './analysisRunner';
import type { ArticleView } from '../features/rangeMapping';
import { fileNameOf } from '../features/documentUris';
import { failureDetails, failureNotice, failureOf, failureSummary } from './engineFailure';
import { EARLY_FINISH_PREFIX } from '../core/match/limits';
import type { EngineFailure } from './engineFailure';

/** The last completed analysis of one bundle, with the parse its offsets refer to. */
export interface AnalysisSnapshot {
  readonly bundleUri: vscode.Uri;
  /** Document version that was analysed. */
  readonly version: number;
  readonly parsed: ParsedBundle;
  readonly analysis: BundleAnalysis;
  /** Short label per article ("002"), same order as the articles. */
  readonly labels: readonly string[];
  readonly durationMs: number;
  /** Where the engine ran: a worker thread (desktop) or slices on the extension host's thread (web, fallback). */
  readonly ranIn: RunnerKind;
}

/** A document's articles in the last completed analysis of its bundle. */
export interface DocumentAnalysis {
  readonly snapshot: AnalysisSnapshot;
  readonly views: readonly ArticleView[];
}

/**
 * Why a bundle's latest analysis did not complete: the engine failed (a bug of ours, said as one), or
 * the run gave no result, not even a partial one, well past the time budget (the engine finishes
 * with what it has at the budget; this is the backstop, backstopSeconds). Views keep showing the last completed analysis meanwhile.
 */
export type AnalysisProblem =
  | { readonly kind: 'failed'; readonly failure: EngineFailure }
  | { readonly kind: 'over budget'; readonly seconds: number };

const DEBOUNCE_MS = 300;

/** The issue reporter's id for Parallax (package.json publisher.name). */
const EXTENSION_ID = 'parallax-dev.parallax';

interface Pending {
  readonly tokenSource: vscode.CancellationTokenSource;
  timer: ReturnType<typeof setTimeout> | undefined;
  readonly waiters: Array<(s: AnalysisSnapshot | undefined) => void>;
  /** Run without the time budget (the user asked to, from the notice). */
  readonly unlimited: boolean;
}

/**
 * How long a run with a time budget may take before it is stopped without a result: at the budget
 * the engine only finishes what it has (its last phases), which must not keep a stale view forever.
 */
function backstopSeconds(budget: number): number {
  return 2 * budget + 5;
}

/** A run's token: the pending entry's, also fired when the run outlasts the backstop (backstopSeconds). */
interface BudgetedToken {
  readonly token: vscode.CancellationToken;
  /** The engine began the run: the budget counts from now (not the worker's start, nor the queue). */
  start(): void;
  /** True when the budget, not a newer edit, stopped the run. */
  expired(): boolean;
  dispose(): void;
}

function budgeted(outer: vscode.CancellationToken, seconds: number): BudgetedToken {
  const source = new vscode.CancellationTokenSource();
  let expired = false;
  const subscription = outer.onCancellationRequested(() => source.cancel());
  if (outer.isCancellationRequested) source.cancel();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    token: source.token,
    start: () => {
      if (seconds > 0 && timer === undefined) timer = setTimeout(() => ((expired = true), source.cancel()), backstopSeconds(seconds) * 1000);
    },
    expired: () => expired && !outer.isCancellationRequested,
    dispose: () => {
      clearTimeout(timer);
      subscription.dispose();
      source.dispose();
    },
  };
}

/**
 * Runs the engine for every open bundle on open and after edits (debounced), through a runner that
 * leaves the extension host free (a worker thread on desktop, a Web Worker on the web), stops a run
 * that a newer edit made useless, and keeps the last completed result, so hovers, lenses and views
 * read from memory and never wait for the engine.
 */
export class AnalysisService implements vscode.Disposable {
  private readonly snapshots = new Map<string, AnalysisSnapshot>();
  private readonly pending = new Map<string, Pending>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly problems = new Map<string, AnalysisProblem>();
  /** Per bundle, the last notice shown: one per distinct problem, not one per keystroke. */
  private readonly notified = new Map<string, string>();
  private output: vscode.OutputChannel | undefined;

  /** A bundle has a new completed analysis, lost it when closed, or its latest run did not complete (see `problem`). */
  readonly onDidChangeAnalysis = this.changeEmitter.event;

  constructor(
    private readonly model: BundleModel,
    private readonly runner: AnalysisRunner,
  ) {
    this.subscriptions.push(
      this.changeEmitter,
      model.onDidChangeBundle((doc) => this.schedule(doc, DEBOUNCE_MS)),
      model.onDidCloseBundle((uri) => this.forget(uri)),
      onSettingsChange(ANALYSIS_SETTINGS, () => {
        for (const doc of model.bundles()) this.schedule(doc, 0);
      }),
    );
    for (const doc of model.bundles()) this.schedule(doc, 0);
  }

  /** Where the next analysis runs: 'worker' (a worker thread, a Web Worker on the web), 'slices' after the worker failed. */
  get runnerKind(): RunnerKind {
    return this.runner.kind;
  }

  /** The last completed analysis of a bundle, if any. */
  get(bundleUri: vscode.Uri): AnalysisSnapshot | undefined {
    return this.snapshots.get(bundleUri.toString());
  }

  /** Why the latest analysis of a bundle did not complete, if it did not. */
  problem(bundleUri: vscode.Uri): AnalysisProblem | undefined {
    return this.problems.get(bundleUri.toString());
  }

  /** What a view that needs an analysis says when `ready` gave none. */
  whyNoAnalysis(bundleUri: vscode.Uri): string {
    const problem = this.problem(bundleUri);
    const name = fileNameOf(bundleUri);
    if (problem?.kind === 'failed') return failureSummary(problem.failure, name);
    if (problem?.kind === 'over budget') return overBudgetText(name, problem.seconds, false);
    return `Parallax has no analysis of ${name}: it was closed, or changed while being analysed. Open it and try again.`;
  }

  /** The last completed analysis behind a bundle or article document, and where its articles sit in it. */
  forDocument(document: vscode.TextDocument): DocumentAnalysis | undefined {
    const ref = parseArticleUri(document.uri);
    if (!ref && !isBundleDocument(document)) return undefined;
    const snapshot = this.get(ref ? ref.bundleUri : document.uri);
    if (!snapshot) return undefined;
    return { snapshot, views: viewsOf(document, snapshot.parsed) };
  }

  /** Every completed analysis, for the views. */
  all(): AnalysisSnapshot[] {
    return [...this.snapshots.values()];
  }

  /**
   * The analysis of a bundle's current text: at once when it is up to date, else after running it now.
   * For commands that need a fresh result (Compare Sources, tests); hovers and lenses use `get`.
   */
  async ready(bundleUri: vscode.Uri): Promise<AnalysisSnapshot | undefined> {
    const document = await this.model.document(bundleUri);
    const current = this.get(document.uri);
    if (current && current.version === document.version) return current;
    return new Promise((resolve) => this.schedule(document, 0, resolve));
  }

  private schedule(document: vscode.TextDocument, delay: number, waiter?: (s: AnalysisSnapshot | undefined) => void, unlimited = false): void {
    const key = document.uri.toString();
    const previous = this.pending.get(key);
    const waiters = previous?.waiters ?? [];
    if (previous) {
      // A newer edit makes the queued or running analysis useless.
      previous.tokenSource.cancel();
      previous.tokenSource.dispose();
      if (previous.timer !== undefined) clearTimeout(previous.timer);
    }
    if (waiter) waiters.push(waiter);
    const entry: Pending = { tokenSource: new vscode.CancellationTokenSource(), timer: undefined, waiters, unlimited };
    this.pending.set(key, entry);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      void this.run(document, entry);
    }, delay);
  }

  private async run(document: vscode.TextDocument, entry: Pending): Promise<void> {
    const key = document.uri.toString();
    const token = entry.tokenSource.token;
    const finish = (snapshot: AnalysisSnapshot | undefined): void => {
      if (this.pending.get(key) === entry) {
        this.pending.delete(key);
        entry.tokenSource.dispose();
        for (const w of entry.waiters.splice(0)) w(snapshot);
      }
    };
    if (document.isClosed) return finish(undefined);
    const snapshot = await this.analyse(document, entry);
    if (snapshot && !token.isCancellationRequested) {
      this.snapshots.set(key, snapshot);
      this.updateContext();
      this.changeEmitter.fire(document.uri);
    }
    finish(token.isCancellationRequested ? undefined : snapshot ?? this.get(document.uri));
  }

  private async analyse(document: vscode.TextDocument, entry: Pending): Promise<AnalysisSnapshot | undefined> {
    const key = document.uri.toString();
    const version = document.version;
    const parsed = this.model.parse(document);
    const config = readConfig(document.uri);
    const options: Partial<AnalysisOptions> = { minSharedWords: config.minSharedWords, paraphraseThreshold: config.paraphraseThreshold };
    const budget = entry.unlimited ? 0 : config.timeBudgetSeconds;
    const run = budgeted(entry.tokenSource.token, budget);
    const started = Date.now();
    const progress = this.progressOnSlow(parsed.articles.length);
    try {
      // Header attributes too: the engine reads `date`/`time` and passim's `src` as direction evidence.
      const articles = parsed.articles.map((a) => ({ name: a.name, text: a.text, attributes: a.attributes }));
      const budgetMs = budget > 0 ? budget * 1000 : undefined;
      const result = await this.runner.run({ bundleKey: key, articles, options, token: run.token, onSlow: progress.onSlow, onStarted: run.start, budgetMs });
      if (!result) {
        if (run.expired()) this.overBudget(document, budget);
        return undefined;
      }
      // Build the per-article lookups now, so the first hover or lens request does not pay for them.
      indexOf(result.analysis);
      this.problems.delete(key);
      if (result.analysis.limits?.partial) this.partial(document, budget, result.analysis.limits.notes);
      else this.notified.delete(key);
      const labels = shortLabels(parsed.articles.map((a) => a.name));
      return { bundleUri: document.uri, version, parsed, analysis: result.analysis, labels, durationMs: Date.now() - started, ranIn: result.ranIn };
    } catch (err) {
      this.failed(document, failureOf(err));
      return undefined;
    } finally {
      run.dispose();
      progress.end();
    }
  }

  /** The status bar shows progress once the run outlasts a moment. */
  private progressOnSlow(articles: number): { onSlow: () => void; end: () => void } {
    let end: (() => void) | undefined;
    const onSlow = (): void => {
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: `Parallax: analysing ${articles} articles…` },
        () => new Promise<void>((resolve) => (end = resolve)),
      );
    };
    return { onSlow, end: () => end?.() };
  }

  /**
   * The engine failed: an internal error, said as one (what, where, how to report it), its details and
   * stack in the "Parallax" output channel; hovers, lenses and views keep the last good analysis.
   */
  private failed(document: vscode.TextDocument, failure: EngineFailure): void {
    const key = document.uri.toString();
    const name = vscode.workspace.asRelativePath(document.uri);
    this.problems.set(key, { kind: 'failed', failure });
    this.outputChannel().appendLine(failureDetails(failure, name, new Date()));
    this.changeEmitter.fire(document.uri);
    const notice = failureNotice(failure, name);
    if (this.notified.get(key) === notice) return;
    this.notified.set(key, notice);
    void vscode.window.showErrorMessage(notice, 'Show Details', 'Report Issue').then((choice) => {
      if (choice === 'Show Details') this.outputChannel().show(true);
      else if (choice === 'Report Issue') void this.reportIssue(failure, name);
    });
  }

  /** VS Code's issue reporter with Parallax chosen and the failure filled in; the output channel where there is none. */
  private async reportIssue(failure: EngineFailure, name: string): Promise<void> {
    const issueBody = ['Parallax hit an internal error while analysing a bundle.', '', '```', failureDetails(failure, name, new Date()), '```'].join('\n');
    try {
      await vscode.commands.executeCommand('workbench.action.openIssueReporter', { extensionId: EXTENSION_ID, issueTitle: `Internal error: ${failure.message}`, issueBody });
    } catch {
      this.outputChannel().show(true);
    }
  }

  /**
   * The run reached `parallax.analysis.timeBudgetSeconds` and finished with what it had: views show
   * that partial analysis (the Sources view's tooltip lists what it left out), and the notice offers the
   * full one, which the engine's cache lets start where this one stopped. One notice per bundle and budget.
   */
  private partial(document: vscode.TextDocument, seconds: number, notes: readonly string[]): void {
    const notice = partialText(vscode.workspace.asRelativePath(document.uri), seconds, notes);
    this.offerUnlimitedRun(document, `partial ${seconds}`, (m, ...items) => vscode.window.showInformationMessage(m, ...items), notice, 'Analyse Fully');
  }

  /** The run gave nothing, not even a partial result, by the backstop: views keep what they show, and the notice offers to go on. */
  private overBudget(document: vscode.TextDocument, seconds: number): void {
    const key = document.uri.toString();
    this.problems.set(key, { kind: 'over budget', seconds });
    this.changeEmitter.fire(document.uri);
    const notice = overBudgetText(vscode.workspace.asRelativePath(document.uri), seconds, this.snapshots.has(key));
    this.offerUnlimitedRun(document, notice, (m, ...items) => vscode.window.showWarningMessage(m, ...items), notice, 'Analyse Without Limit');
  }

  /**
   * Shows a time-budget notice once per bundle and `once` key, offering a run without the budget
   * (`goOn`) or the setting.
   */
  private offerUnlimitedRun(document: vscode.TextDocument, once: string, show: (message: string, ...items: string[]) => Thenable<string | undefined>, notice: string, goOn: string): void {
    const key = document.uri.toString();
    if (this.notified.get(key) === once) return;
    this.notified.set(key, once);
    void show(notice, goOn, 'Open Settings').then((choice) => {
      if (choice === goOn && !document.isClosed) this.schedule(document, 0, undefined, true);
      else if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'parallax.analysis.timeBudgetSeconds');
    });
  }

  private outputChannel(): vscode.OutputChannel {
    this.output ??= vscode.window.createOutputChannel('Parallax');
    return this.output;
  }

  /** `parallax.hasBundles` lets menus offer bundle commands wherever an analysed bundle is open. */
  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', 'parallax.hasBundles', this.snapshots.size > 0);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const entry = this.pending.get(key);
    if (entry) {
      entry.tokenSource.cancel();
      if (entry.timer !== undefined) clearTimeout(entry.timer);
      this.pending.delete(key);
      for (const w of entry.waiters.splice(0)) w(undefined);
      entry.tokenSource.dispose();
    }
    this.runner.forget(key);
    this.problems.delete(key);
    this.notified.delete(key);
    if (this.snapshots.delete(key)) {
      this.updateContext();
      this.changeEmitter.fire(uri);
    }
  }

  dispose(): void {
    for (const uri of [...this.pending.keys()]) this.forget(vscode.Uri.parse(uri));
    this.snapshots.clear();
    this.output?.dispose();
    this.runner.dispose();
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

/** The backstop's notice; `hasLast` when a completed analysis is still shown. */
function overBudgetText(name: string, seconds: number, hasLast: boolean): string {
  const shown = hasLast ? 'Hovers, lenses and views show the last complete analysis.' : 'No analysis is shown yet.';
  return `Parallax stopped analysing ${name} after ${backstopSeconds(seconds)} s, with no result, not even a partial one (time budget ${seconds} s, setting parallax.analysis.timeBudgetSeconds). ${shown}`;
}

/** The partial-analysis notice: what the engine left out to finish at the time budget (its limits' notes). */
export function partialText(name: string, seconds: number, notes: readonly string[]): string {
  const left = notes.filter((n) => n.startsWith(EARLY_FINISH_PREFIX)).map((n) => n.slice(EARLY_FINISH_PREFIX.length));
  return `Parallax showed a partial analysis of ${name} after ${seconds} s (setting parallax.analysis.timeBudgetSeconds): ${left.join(' ') || 'some work was left out.'}`;
}

/**
 * The text of the web engine bundle, for VS Code for the Web's worker (the Node host loads its worker
 * by path and never calls this): through the workspace file system, or fetched where the extension is
 * served over http(s).
 */
async function readWebEngine(extensionUri: vscode.Uri): Promise<string> {
  const uri = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'analysisWorker.js');
  if (uri.scheme === 'http' || uri.scheme === 'https') {
    const response = await fetch(uri.toString(true));
    if (!response.ok) throw new Error(`${uri.toString(true)}: HTTP ${response.status}`);
    return response.text();
  }
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/**
 * Creates the service with this platform's runner (a worker thread in dist/ under `extensionUri` on
 * desktop); the returned object is also the Disposable to push to context.subscriptions, and
 * disposing it ends the worker.
 */
export function registerAnalysisService(model: BundleModel, extensionUri: vscode.Uri): AnalysisService {
  const runner = createAnalysisRunner(extensionUri.fsPath, (message) => void vscode.window.showErrorMessage(message), () => readWebEngine(extensionUri));
  return new AnalysisService(model, runner);
}

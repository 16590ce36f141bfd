import * as vscode from 'vscode';
import type { ParsedBundle } from '../core/bundle/parseBundle';
import type { AnalysisOptions, BundleAnalysis } from '../core/model';
import { isBundleDocument } from '../features/bundleModel';
import type { BundleModel } from '../features/bundleModel';
import { parseArticleUri } from '../features/articleDocuments';
import { affectsAnalysis, readConfig } from '../features/config';
import { shortLabels } from '../presentation/articleLabels';
import { viewsOf } from '../features/rangeMapping';
import { indexOf } from './analysisIndex';
import { createAnalysisRunner } from './analysisRunnerPlatform';
import type { AnalysisRunner, RunnerKind } from './analysisRunner';
import type { ArticleView } from '../features/rangeMapping';

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

const DEBOUNCE_MS = 300;

interface Pending {
  readonly tokenSource: vscode.CancellationTokenSource;
  timer: ReturnType<typeof setTimeout> | undefined;
  readonly waiters: Array<(s: AnalysisSnapshot | undefined) => void>;
}

/**
 * Runs the engine for every open bundle on open and after edits (debounced), through a runner that
 * leaves the extension host free (a worker thread on desktop, time slices on the web), stops a run
 * that a newer edit made useless, and keeps the last completed result, so hovers, lenses and views
 * read from memory and never wait for the engine.
 */
export class AnalysisService implements vscode.Disposable {
  private readonly snapshots = new Map<string, AnalysisSnapshot>();
  private readonly pending = new Map<string, Pending>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private reportedError: string | undefined;

  /** A bundle has a new completed analysis (or lost it when closed). */
  readonly onDidChangeAnalysis = this.changeEmitter.event;

  constructor(
    private readonly model: BundleModel,
    private readonly runner: AnalysisRunner,
  ) {
    this.subscriptions.push(
      this.changeEmitter,
      model.onDidChangeBundle((doc) => this.schedule(doc, DEBOUNCE_MS)),
      model.onDidCloseBundle((uri) => this.forget(uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!affectsAnalysis(e)) return;
        for (const doc of model.bundles()) this.schedule(doc, 0);
      }),
    );
    for (const doc of model.bundles()) this.schedule(doc, 0);
  }

  /** Where the next analysis runs: 'worker' on desktop, 'slices' on the web or after the worker failed. */
  get runnerKind(): RunnerKind {
    return this.runner.kind;
  }

  /** The last completed analysis of a bundle, if any. */
  get(bundleUri: vscode.Uri): AnalysisSnapshot | undefined {
    return this.snapshots.get(bundleUri.toString());
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

  private schedule(document: vscode.TextDocument, delay: number, waiter?: (s: AnalysisSnapshot | undefined) => void): void {
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
    const entry: Pending = { tokenSource: new vscode.CancellationTokenSource(), timer: undefined, waiters };
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
    const snapshot = await this.analyse(document, token);
    if (snapshot && !token.isCancellationRequested) {
      this.snapshots.set(key, snapshot);
      this.updateContext();
      this.changeEmitter.fire(document.uri);
    }
    finish(token.isCancellationRequested ? undefined : snapshot ?? this.get(document.uri));
  }

  private async analyse(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<AnalysisSnapshot | undefined> {
    const key = document.uri.toString();
    const version = document.version;
    const parsed = this.model.parse(document);
    const config = readConfig(document.uri);
    const options: Partial<AnalysisOptions> = { minSharedWords: config.minSharedWords, paraphraseThreshold: config.paraphraseThreshold };
    const started = Date.now();
    // The status bar shows progress once the run outlasts a moment.
    let endProgress: (() => void) | undefined;
    const onSlow = (): void => {
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: `Parallax: analysing ${parsed.articles.length} articles…` },
        () => new Promise<void>((resolve) => (endProgress = resolve)),
      );
    };
    try {
      const articles = parsed.articles.map((a) => ({ name: a.name, text: a.text }));
      const result = await this.runner.run({ bundleKey: key, articles, options, token, onSlow });
      if (!result) return undefined;
      // Build the per-article lookups now, so the first hover or lens request does not pay for them.
      indexOf(result.analysis);
      this.reportedError = undefined;
      return {
        bundleUri: document.uri,
        version,
        parsed,
        analysis: result.analysis,
        labels: shortLabels(parsed.articles.map((a) => a.name)),
        durationMs: Date.now() - started,
        ranIn: result.ranIn,
      };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      // One message per distinct failure, not one per keystroke.
      if (this.reportedError !== message) {
        this.reportedError = message;
        void vscode.window.showErrorMessage(
          `Parallax could not analyse ${vscode.workspace.asRelativePath(document.uri)}: ${message}. Lenses and hovers show the last good analysis; edit the bundle or reload the window to retry.`,
        );
      }
      return undefined;
    } finally {
      endProgress?.();
    }
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
    if (this.snapshots.delete(key)) {
      this.updateContext();
      this.changeEmitter.fire(uri);
    }
  }

  dispose(): void {
    for (const uri of [...this.pending.keys()]) this.forget(vscode.Uri.parse(uri));
    this.snapshots.clear();
    this.runner.dispose();
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

/**
 * Creates the service with this platform's runner (a worker thread in dist/ under `extensionUri` on
 * desktop); the returned object is also the Disposable to push to context.subscriptions, and
 * disposing it ends the worker.
 */
export function registerAnalysisService(model: BundleModel, extensionUri: vscode.Uri): AnalysisService {
  const runner = createAnalysisRunner(extensionUri.fsPath, (message) => void vscode.window.showErrorMessage(message));
  return new AnalysisService(model, runner);
}

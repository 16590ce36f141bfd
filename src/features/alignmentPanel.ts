import * as vscode from 'vscode';
import { isBundleDocument } from './bundleModel';
import type { BundleModel } from './bundleModel';
import { parseArticleUri } from './articleDocuments';
import type { AnalysisService, AnalysisSnapshot } from '../analysis/analysisService';
import { buildAlignmentModel } from '../presentation/alignmentModel';
import type { AlignmentModel } from '../presentation/alignmentModel';
import { isFromWebview } from './alignmentMessages';
import type { AlignmentViewState, FromWebview, ToWebview } from './alignmentMessages';
import { revealPassage } from './revealPassage';
import type { CompareOptions } from './compare';
import { COMMANDS } from '../commands/ids';

export const ALIGNMENT_VIEW_TYPE = 'parallax.alignment';

/** The panel's model for a bundle's last analysis, built at most once per analysis. */
const models = new WeakMap<AnalysisSnapshot, AlignmentModel>();
export function alignmentModelOf(snapshot: AnalysisSnapshot): AlignmentModel {
  let model = models.get(snapshot);
  if (!model) {
    const articles = snapshot.parsed.articles;
    const file = snapshot.bundleUri.path.split('/').pop() || snapshot.bundleUri.toString(true);
    model = buildAlignmentModel(snapshot.analysis, articles.map((a) => a.name), snapshot.labels, articles.map((a) => a.text), `Parallax: ${file}`);
    models.set(snapshot, model);
  }
  return model;
}

/** The bundle the user is looking at, if any. */
export function activeBundleUri(): vscode.Uri | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc) return undefined;
  return parseArticleUri(doc.uri)?.bundleUri ?? (isBundleDocument(doc) ? doc.uri : undefined);
}

function nonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The webview's page: a strict CSP with a nonce, only local script and style from media/. */
export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const n = nonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'alignment.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'alignment.css'));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${n}'; img-src ${webview.cspSource}; font-src ${webview.cspSource};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Parallax alignment</title>
</head>
<body>
<main id="root"><p class="empty">Analysing…</p></main>
<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
}

/**
 * `Parallax: Show Alignment`: one column per source, one row per group of matching passages.
 * One panel, following the bundle it was opened for; restored after a reload by its serializer.
 */
export class AlignmentPanel implements vscode.Disposable {
  static current: AlignmentPanel | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<Extract<FromWebview, { type: 'rendered' }>>();
  /** Fires each time the webview has drawn a model (what its DOM holds). */
  readonly onDidRender = this.renderedEmitter.event;
  lastRendered: Extract<FromWebview, { type: 'rendered' }> | undefined;

  static createOrShow(extensionUri: vscode.Uri, model: BundleModel, analyses: AnalysisService, bundle: vscode.Uri): AlignmentPanel {
    if (AlignmentPanel.current) {
      AlignmentPanel.current.panel.reveal(vscode.ViewColumn.Beside);
      AlignmentPanel.current.show(bundle);
      return AlignmentPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(ALIGNMENT_VIEW_TYPE, 'Parallax Alignment', vscode.ViewColumn.Beside, panelOptions(extensionUri));
    return new AlignmentPanel(panel, extensionUri, model, analyses, bundle);
  }

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly model: BundleModel,
    private readonly analyses: AnalysisService,
    private bundle: vscode.Uri | undefined,
  ) {
    AlignmentPanel.current = this;
    panel.webview.options = panelOptions(extensionUri);
    panel.webview.html = panelHtml(panel.webview, extensionUri);
    this.subscriptions.push(
      this.renderedEmitter,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      analyses.onDidChangeAnalysis((uri) => {
        if (this.bundle && uri.toString() === this.bundle.toString()) void this.post();
      }),
    );
  }

  /** Shows another bundle in the panel. */
  show(bundle: vscode.Uri): void {
    this.bundle = bundle;
    void this.post();
  }

  private async post(): Promise<void> {
    let message: ToWebview;
    if (!this.bundle) {
      message = { type: 'empty', message: 'Open a bundle, then run Parallax: Show Alignment.' };
    } else {
      const snapshot = await this.analyses.ready(this.bundle);
      if (!snapshot) message = { type: 'empty', message: `Parallax could not analyse ${this.bundle.toString(true)}. Open it and check its <<<FILE …>>> headers.` };
      else {
        const model = alignmentModelOf(snapshot);
        this.panel.title = `Alignment · ${snapshot.bundleUri.path.split('/').pop() ?? ''}`;
        message = { type: 'model', bundle: snapshot.bundleUri.toString(), model };
      }
    }
    await this.panel.webview.postMessage(message);
  }

  private async receive(raw: unknown): Promise<void> {
    if (!isFromWebview(raw)) return;
    switch (raw.type) {
      case 'ready':
        if (!this.bundle && raw.state?.bundle) this.bundle = vscode.Uri.parse(raw.state.bundle);
        await this.post();
        return;
      case 'reveal':
        await revealPassage(this.model, raw, false);
        return;
      case 'compare': {
        const args: CompareOptions = { bundle: raw.bundle, left: raw.left, right: raw.right };
        await vscode.commands.executeCommand(COMMANDS.compareSources, args);
        return;
      }
      case 'export':
        await vscode.commands.executeCommand(COMMANDS.exportReport, this.bundle);
        return;
      case 'rendered':
        this.lastRendered = raw;
        this.renderedEmitter.fire(raw);
        return;
    }
  }

  dispose(): void {
    if (AlignmentPanel.current === this) AlignmentPanel.current = undefined;
    vscode.Disposable.from(...this.subscriptions.splice(0)).dispose();
    this.panel.dispose();
  }
}

function panelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

export function registerAlignmentPanel(extensionUri: vscode.Uri, model: BundleModel, analyses: AnalysisService): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.showAlignment, (arg?: unknown) => {
      const bundle = arg instanceof vscode.Uri ? (parseArticleUri(arg)?.bundleUri ?? arg)
        : arg && typeof arg === 'object' && typeof (arg as { bundle?: unknown }).bundle === 'string' ? vscode.Uri.parse((arg as { bundle: string }).bundle)
        : activeBundleUri() ?? model.bundles()[0]?.uri;
      if (!bundle) {
        void vscode.window.showInformationMessage('Parallax: open a bundle first (a text file whose articles start with <<<FILE name>>> lines).');
        return undefined;
      }
      return AlignmentPanel.createOrShow(extensionUri, model, analyses, bundle);
    }),
    vscode.window.registerWebviewPanelSerializer(ALIGNMENT_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: AlignmentViewState | undefined) {
        AlignmentPanel.current?.dispose();
        const bundle = state?.bundle ? vscode.Uri.parse(state.bundle) : undefined;
        new AlignmentPanel(panel, extensionUri, model, analyses, bundle);
      },
    }),
    { dispose: () => AlignmentPanel.current?.dispose() },
  );
}

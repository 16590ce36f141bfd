import * as vscode from 'vscode';
import type { BundleModel } from './bundleModel';
import type { AnalysisService, AnalysisSnapshot } from '../analysis/analysisService';
import { buildAlignmentModel } from '../presentation/alignmentModel';
import type { AlignmentModel } from '../presentation/alignmentModel';
import { isAlignmentViewState, isFromWebview } from './alignmentMessages';
import type { FromWebview, PanelStrings, ToWebview } from './alignmentMessages';
import { revealPassage } from './revealPassage';
import { COMMANDS } from '../commands/ids';
import { registerCommand, runCommand } from '../commands/args';
import { resolveTarget } from '../commands/target';
import { fileNameOf } from './documentUris';

export const ALIGNMENT_VIEW_TYPE = 'parallax.alignment';

/** The panel's model for a bundle's last analysis, built at most once per analysis. */
const models = new WeakMap<AnalysisSnapshot, AlignmentModel>();
export function alignmentModelOf(snapshot: AnalysisSnapshot): AlignmentModel {
  let model = models.get(snapshot);
  if (!model) {
    const articles = snapshot.parsed.articles;
    const file = fileNameOf(snapshot.bundleUri);
    model = buildAlignmentModel(snapshot.analysis, articles.map((a) => a.name), snapshot.labels, articles.map((a) => a.text), vscode.l10n.t('Parallax: {0}', file));
    models.set(snapshot, model);
  }
  return model;
}

function nonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Text for an HTML attribute value in double quotes. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The webview's page: a strict CSP with a nonce, only local script and style from media/. */
export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const n = nonce();
  const script = escapeAttribute(webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'alignment.js')).toString());
  const style = escapeAttribute(webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'alignment.css')).toString());
  const source = escapeAttribute(webview.cspSource);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${source}; script-src 'nonce-${n}'; img-src ${source}; font-src ${source};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Parallax alignment</title>
</head>
<body>
<main id="root"><p class="empty">Analysing…</p></main>
<script nonce="${n}" src="${script}"></script>
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
  /** The bundle whose model the webview shows: its messages' article indices are into that one. */
  private shown: vscode.Uri | undefined;

  static createOrShow(extensionUri: vscode.Uri, model: BundleModel, analyses: AnalysisService, bundle: vscode.Uri): AlignmentPanel {
    if (AlignmentPanel.current) {
      AlignmentPanel.current.panel.reveal(vscode.ViewColumn.Beside);
      AlignmentPanel.current.show(bundle);
      return AlignmentPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(ALIGNMENT_VIEW_TYPE, vscode.l10n.t('Parallax Alignment'), vscode.ViewColumn.Beside, panelOptions(extensionUri));
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
    this.shown = undefined;
    let message: ToWebview;
    if (!this.bundle) {
      message = { type: 'empty', message: vscode.l10n.t('Open a bundle, then run Parallax: Show Alignment.') };
    } else {
      const snapshot = await this.analyses.ready(this.bundle);
      // Why, honestly: an internal error is ours, not the user's headers (issue 8 §1).
      if (!snapshot) message = { type: 'empty', message: this.analyses.whyNoAnalysis(this.bundle) };
      else {
        const model = alignmentModelOf(snapshot);
        this.panel.title = vscode.l10n.t('Alignment · {0}', fileNameOf(snapshot.bundleUri));
        message = { type: 'model', bundle: snapshot.bundleUri.toString(), model, strings: panelStrings() };
        this.shown = snapshot.bundleUri;
      }
    }
    await this.panel.webview.postMessage(message);
  }

  private async receive(raw: unknown): Promise<void> {
    if (!isFromWebview(raw)) return;
    if (raw.type === 'ready') {
      await this.post();
      return;
    }
    // Every other message acts on the bundle the panel itself shows.
    const bundle = this.shown?.toString();
    if (!bundle) return;
    await this.act(raw, bundle);
  }

  private async act(message: Exclude<FromWebview, { type: 'ready' }>, bundle: string): Promise<void> {
    switch (message.type) {
      case 'reveal':
        await revealPassage(this.model, { bundle, article: message.article, start: message.start, end: message.end }, false);
        return;
      case 'compare':
        await runCommand(COMMANDS.compareSources, { bundle, left: message.left, right: message.right });
        return;
      case 'export':
        await runCommand(COMMANDS.exportReport, bundle);
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
    registerCommand(COMMANDS.showAlignment, async (arg) => {
      const target = await resolveTarget(model, arg, vscode.l10n.t('Show the alignment of which bundle?'));
      if (!target) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Parallax: open a bundle first (a text file whose articles start with <<<FILE name>>> lines).'));
        return;
      }
      AlignmentPanel.createOrShow(extensionUri, model, analyses, target.bundle.uri);
    }),
    vscode.window.registerWebviewPanelSerializer(ALIGNMENT_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        AlignmentPanel.current?.dispose();
        // The state the webview saved: the bundle it showed, checked like any message from it.
        const bundle = isAlignmentViewState(state) && state.bundle ? vscode.Uri.parse(state.bundle) : undefined;
        new AlignmentPanel(panel, extensionUri, model, analyses, bundle);
      },
    }),
    { dispose: () => AlignmentPanel.current?.dispose() },
  );
}

/** The panel's words in the user's language: the webview cannot call vscode.l10n itself. */
function panelStrings(): PanelStrings {
  return {
    reveal: vscode.l10n.t('Click to reveal in the article'),
    exportReport: vscode.l10n.t('Export report…'),
    summary: vscode.l10n.t('{0} of {1} groups of shared passages'),
    firstShown: vscode.l10n.t(' (first {0} shown)'),
    someColumns: vscode.l10n.t(' · {0} of {1} sources (those with a passage here)'),
    keys: vscode.l10n.t(' · ↑/↓ to move, Enter to reveal, c to compare the first two sources of a row'),
    unique: vscode.l10n.t('{0}% unique'),
    showMore: vscode.l10n.t('Show {0} more groups'),
    quotationsHeading: vscode.l10n.t('Quotations in several sources'),
    originalWording: vscode.l10n.t('original wording'),
  };
}

import * as vscode from 'vscode';
import type { AnalysisService, AnalysisSnapshot } from '../analysis/analysisService';
import { articleRow, passageRows } from '../presentation/sourcesModel';
import { bundleTooltip, copyLine, limitsMark } from '../presentation/analysisNotes';
import type { RevealPassageArgs } from '../presentation/hoverModel';
import { COMMANDS } from '../commands/ids';
import { commandOf } from '../commands/args';
import { fileNameOf } from './documentUris';
import { onSettingsChange, readConfig } from './config';
import { RefreshingProvider, registerTreeView } from './registration';

export const SOURCES_VIEW_ID = 'parallax.sources';

export type SourcesNode =
  | { readonly kind: 'bundle'; readonly bundle: string; readonly label: string; readonly description: string; readonly tooltip: string }
  | { readonly kind: 'copy'; readonly bundle: string; readonly article: number; readonly label: string }
  | { readonly kind: 'article'; readonly bundle: string; readonly article: number; readonly label: string; readonly description: string; readonly tooltip: string }
  | { readonly kind: 'passage'; readonly bundle: string; readonly article: number; readonly label: string; readonly description: string; readonly reveal: RevealPassageArgs };

/** Bundles → articles (source, date, unique share, direction of reuse) → shared passages (boilerplate only with parallax.showBoilerplate). */
export class SourcesTreeProvider extends RefreshingProvider implements vscode.TreeDataProvider<SourcesNode> {
  readonly onDidChangeTreeData = this.onRefresh;

  constructor(private readonly analyses: AnalysisService) {
    super();
    this.own(analyses.onDidChangeAnalysis(this.refresh), onSettingsChange(['showBoilerplate'], this.refresh));
  }

  private snapshot(bundle: string): AnalysisSnapshot | undefined {
    return this.analyses.get(vscode.Uri.parse(bundle));
  }

  getChildren(node?: SourcesNode): SourcesNode[] {
    if (!node) {
      return this.analyses.all().map((s) => this.bundleNode(s));
    }
    const snapshot = this.snapshot(node.bundle);
    if (!snapshot) return [];
    if (node.kind === 'bundle') {
      return snapshot.parsed.articles.map((a) => {
        const row = articleRow(snapshot.analysis, snapshot.labels, a.index, a);
        return { kind: 'article', bundle: node.bundle, article: a.index, label: row.label, description: row.description, tooltip: row.tooltip };
      });
    }
    if (node.kind === 'article') {
      const text = snapshot.parsed.articles[node.article]?.text ?? '';
      const copy = copyLine(snapshot.analysis, snapshot.labels, node.article);
      const copyRow: SourcesNode[] = copy ? [{ kind: 'copy', bundle: node.bundle, article: node.article, label: copy }] : [];
      const options = { showBoilerplate: readConfig(snapshot.bundleUri).showBoilerplate };
      return [...copyRow, ...passageRows(snapshot.analysis, snapshot.labels, node.article, text, options).map((p) => ({
        kind: 'passage',
        bundle: node.bundle,
        article: node.article,
        label: p.label,
        description: p.description,
        reveal: { bundle: node.bundle, article: node.article, start: p.span.start, end: p.span.end },
      } as const))];
    }
    return [];
  }

  /** A bundle row: its size, a mark when caps cut work, and a tooltip with the limits' notes and any problem of the latest run. */
  private bundleNode(s: AnalysisSnapshot): SourcesNode {
    const name = fileNameOf(s.bundleUri);
    const problem = this.analyses.problem(s.bundleUri) ? this.analyses.whyNoAnalysis(s.bundleUri) : undefined;
    const marks = [limitsMark(s.analysis), problem ? vscode.l10n.t('latest run incomplete') : undefined].filter((m) => m !== undefined);
    return {
      kind: 'bundle',
      bundle: s.bundleUri.toString(),
      label: name,
      description: [vscode.l10n.t('{0} articles · {1} shared passages', s.parsed.articles.length, s.analysis.matches.length), ...marks].join(' · '),
      tooltip: bundleTooltip(s.analysis, name, problem),
    };
  }

  getTreeItem(node: SourcesNode): vscode.TreeItem {
    const None = vscode.TreeItemCollapsibleState.None;
    switch (node.kind) {
      case 'bundle':
        return treeItem(node.label, vscode.TreeItemCollapsibleState.Expanded, 'files', 'parallaxBundle', node.description, node.tooltip);
      case 'article':
        return treeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed, 'file-text', 'parallaxArticle', node.description, node.tooltip);
      case 'copy':
        return treeItem(node.label, None, 'copy', 'parallaxCopy');
      default: {
        const item = treeItem(node.label, None, 'link', 'parallaxPassage', node.description, `${node.label}\n${node.description}`);
        item.command = commandOf(COMMANDS.revealPassage, vscode.l10n.t('Reveal passage'), [node.reveal]);
        return item;
      }
    }
  }
}

/** A row of the view: its label, whether it opens, icon, context value (for menus), description and tooltip. */
function treeItem(label: string, state: vscode.TreeItemCollapsibleState, icon: string, context: string, description?: string, tooltip?: string): vscode.TreeItem {
  const item = new vscode.TreeItem(label, state);
  item.iconPath = new vscode.ThemeIcon(icon);
  item.contextValue = context;
  if (description !== undefined) item.description = description;
  if (tooltip !== undefined) item.tooltip = tooltip;
  return item;
}

export function registerSourcesView(provider: SourcesTreeProvider): vscode.Disposable {
  return registerTreeView(SOURCES_VIEW_ID, provider);
}

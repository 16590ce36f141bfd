import * as vscode from 'vscode';
import type { AnalysisService, AnalysisSnapshot } from '../analysis/analysisService';
import { occurrenceText, quoteTree } from '../presentation/quotesModel';
import type { OccurrenceRow, QuotationRow, SpeakerRow } from '../presentation/quotesModel';
import { COMMANDS } from '../commands/ids';
import { commandOf } from '../commands/args';
import { bundleUriOf } from '../commands/target';
import { RefreshingProvider, registerTreeView } from './registration';

export const QUOTES_VIEW_ID = 'parallax.quotes';

export type QuotesNode =
  | { readonly kind: 'speaker'; readonly bundle: string; readonly row: SpeakerRow }
  | { readonly kind: 'quotation'; readonly bundle: string; readonly row: QuotationRow }
  | { readonly kind: 'occurrence'; readonly bundle: string; readonly row: OccurrenceRow };

/** Speakers → quotations → occurrences by source, for the bundle in the active editor (or the last one shown). */
export class QuotesTreeProvider extends RefreshingProvider implements vscode.TreeDataProvider<QuotesNode> {
  private bundle: string | undefined;
  readonly onDidChangeTreeData = this.onRefresh;

  constructor(private readonly analyses: AnalysisService) {
    super();
    this.follow(vscode.window.activeTextEditor);
    this.own(analyses.onDidChangeAnalysis(this.refresh), vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)));
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    if (!editor) return;
    const bundle = bundleUriOf(editor.document)?.toString();
    if (bundle && bundle !== this.bundle) {
      this.bundle = bundle;
      this.refresh();
    }
  }

  private current(): AnalysisSnapshot | undefined {
    const chosen = this.bundle ? this.analyses.get(vscode.Uri.parse(this.bundle)) : undefined;
    return chosen ?? this.analyses.all()[0];
  }

  getChildren(node?: QuotesNode): QuotesNode[] {
    if (!node) {
      const snapshot = this.current();
      if (!snapshot) return [];
      const bundle = snapshot.bundleUri.toString();
      return quoteTree(snapshot.analysis, snapshot.labels).map((row) => ({ kind: 'speaker', bundle, row }));
    }
    if (node.kind === 'speaker') return node.row.quotations.map((row) => ({ kind: 'quotation', bundle: node.bundle, row }));
    if (node.kind === 'quotation') return node.row.occurrences.map((row) => ({ kind: 'occurrence', bundle: node.bundle, row }));
    return [];
  }

  getTreeItem(node: QuotesNode): vscode.TreeItem {
    if (node.kind === 'speaker') {
      const item = new vscode.TreeItem(node.row.name, vscode.TreeItemCollapsibleState.Expanded);
      const reworded = node.row.quotations.reduce((n, q) => n + q.reworded, 0);
      const count = node.row.quotations.length === 1 ? vscode.l10n.t('1 quotation') : vscode.l10n.t('{0} quotations', node.row.quotations.length);
      item.description = reworded ? vscode.l10n.t('{0} · {1} reworded', count, reworded) : count;
      item.iconPath = new vscode.ThemeIcon('person');
      return item;
    }
    if (node.kind === 'quotation') {
      const item = new vscode.TreeItem(`“${node.row.label}”`, vscode.TreeItemCollapsibleState.Collapsed);
      const sources = new Set(node.row.occurrences.map((o) => o.article)).size;
      const count = sources === 1 ? vscode.l10n.t('1 source') : vscode.l10n.t('{0} sources', sources);
      item.description = node.row.reworded ? vscode.l10n.t('{0} · {1} reworded', count, node.row.reworded) : count;
      item.iconPath = new vscode.ThemeIcon(node.row.reworded ? 'warning' : 'quote');
      return item;
    }
    const row = node.row;
    const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
    item.description = `${occurrenceText(row)} · “${row.text.replace(/\s+/g, ' ').slice(0, 80)}”`;
    item.tooltip = `${row.label}${row.speaker ? ` — ${row.speaker}` : ''} (${row.relation})\n“${row.text}”`;
    item.iconPath = new vscode.ThemeIcon(row.relation === 'reworded' ? 'warning' : row.relation === 'partial' ? 'quote' : 'check');
    item.command = commandOf(COMMANDS.revealPassage, vscode.l10n.t('Reveal quotation'), [{ bundle: node.bundle, article: row.article, start: row.start, end: row.end }]);
    return item;
  }
}

export function registerQuotesView(provider: QuotesTreeProvider): vscode.Disposable {
  return registerTreeView(QUOTES_VIEW_ID, provider);
}

import * as vscode from 'vscode';
import type { MatchKind } from '../core/model';
import type { AnalysisService } from '../analysis/analysisService';
import { CONFIG_SECTION, onSettingsChange, readConfig } from './config';
import { boilerplateSpans, spansByKind } from '../analysis/analysisIndex';
import { spanRange } from './rangeMapping';
import { MATCH_KINDS } from '../presentation/kinds';
import { COMMANDS } from '../commands/ids';
import { registerCommand } from '../commands/args';
import { DisposableOwner } from './registration';


/** Theme colours contributed in package.json (contributes.colors), so themes can restyle them. */
const COLOR_IDS: Record<MatchKind, string> = {
  verbatim: 'parallax.verbatimBackground',
  'near-verbatim': 'parallax.rewordedBackground',
  paraphrase: 'parallax.paraphraseBackground',
};

/** Marks shared passages by kind in every visible bundle and article editor. */
export class SharedPassageDecorations extends DisposableOwner {
  private readonly types: Map<MatchKind, vscode.TextEditorDecorationType>;
  /** Boilerplate, shown only with parallax.showBoilerplate: dimmed text, no background. */
  private readonly boilerplate = vscode.window.createTextEditorDecorationType({ opacity: '0.55', rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed });

  constructor(private readonly analyses: AnalysisService) {
    super();
    this.types = new Map(MATCH_KINDS.map((kind) => [kind, vscode.window.createTextEditorDecorationType({
      backgroundColor: new vscode.ThemeColor(COLOR_IDS[kind]),
      overviewRulerColor: new vscode.ThemeColor(COLOR_IDS[kind]),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    })]));
    this.own(
      this.boilerplate,
      ...this.types.values(),
      analyses.onDidChangeAnalysis(() => this.refresh()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refresh()),
      onSettingsChange(['decorations.enabled', 'showBoilerplate'], () => this.refresh()),
    );
    this.refresh();
  }

  /** The ranges to paint in an editor, per kind. */
  private rangesFor(editor: vscode.TextEditor): Map<MatchKind, vscode.Range[]> {
    const result = new Map<MatchKind, vscode.Range[]>(MATCH_KINDS.map((k) => [k, []]));
    if (!readConfig(editor.document.uri).decorationsEnabled) return result;
    const found = this.analyses.forDocument(editor.document);
    if (!found) return result;
    for (const view of found.views) {
      for (const [kind, spans] of spansByKind(found.snapshot.analysis, view.article.index)) {
        result.get(kind)?.push(...spans.map((s) => spanRange(editor.document, view, s)));
      }
    }
    return result;
  }

  /** Boilerplate ranges to dim in an editor: none unless decorations and parallax.showBoilerplate are on. */
  private boilerplateFor(editor: vscode.TextEditor): vscode.Range[] {
    const config = readConfig(editor.document.uri);
    const found = config.decorationsEnabled && config.showBoilerplate ? this.analyses.forDocument(editor.document) : undefined;
    if (!found) return [];
    return found.views.flatMap((view) => boilerplateSpans(found.snapshot.analysis, view.article.index).map((s) => spanRange(editor.document, view, s)));
  }

  refresh(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const ranges = this.rangesFor(editor);
      for (const [kind, type] of this.types) editor.setDecorations(type, ranges.get(kind) ?? []);
      editor.setDecorations(this.boilerplate, this.boilerplateFor(editor));
    }
  }
}

export function registerDecorations(decorations: SharedPassageDecorations): vscode.Disposable {
  return vscode.Disposable.from(
    decorations,
    registerCommand(COMMANDS.toggleDecorations, async () => {
      const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
      const next = !readConfig().decorationsEnabled;
      await config.update('decorations.enabled', next, vscode.ConfigurationTarget.Global);
      void vscode.window.setStatusBarMessage(next ? vscode.l10n.t('Parallax: shared-passage highlights on') : vscode.l10n.t('Parallax: shared-passage highlights off'), 2000);
    }),
  );
}

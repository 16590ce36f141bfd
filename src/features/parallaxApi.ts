import type { AnalysisService } from '../analysis/analysisService';
import type { SourcesTreeProvider } from './sourcesView';
import type { QuotesTreeProvider } from './quotesView';
import type { AlignmentPanel } from './alignmentPanel';
import type { SharedPassageDecorations } from './decorations';

/**
 * What `activate` returns: the parts other extensions and the integration tests may read
 * (`vscode.extensions.getExtension('parallax-dev.parallax').exports`).
 */
export interface ParallaxApi {
  readonly analyses: AnalysisService;
  readonly sources: SourcesTreeProvider;
  readonly quotes: QuotesTreeProvider;
  readonly decorations: SharedPassageDecorations;
  /** The open alignment panel, if any. */
  alignmentPanel(): AlignmentPanel | undefined;
}

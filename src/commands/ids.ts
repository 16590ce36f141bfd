// Every command the extension contributes, in one table (package.json's contributes.commands lists the
// same IDs; test/unit/commands.test.ts keeps the two in step). Pure: the view models link to these.

export const COMMANDS = {
  openArticle: 'parallax.openArticle',
  compareSources: 'parallax.compareSources',
  revealInArticle: 'parallax.revealInArticle',
  showAlignment: 'parallax.showAlignment',
  exportReport: 'parallax.exportReport',
  toggleDecorations: 'parallax.toggleDecorations',
  revealPassage: 'parallax.revealPassage',
  openSample: 'parallax.openSample',
  nextSharedQuotation: 'parallax.nextSharedQuotation',
  openPassimOutput: 'parallax.openPassimOutput',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

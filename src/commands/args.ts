// The arguments each command takes, by position, so a caller (a lens, a tree item, a hover link, the
// panel, a test) and the command's handler agree on them; registerCommand checks both sides.
import * as vscode from 'vscode';
import type { RevealPassageArgs } from '../presentation/hoverModel';
import { COMMANDS } from './ids';
import type { CommandId } from './ids';

/**
 * What names a bundle, and maybe an article in it: a URI (of a bundle, an article document or one
 * side of a comparison) or its string, or an object with the bundle's URI string and an article
 * index (a Sources/Quotes view node, a lens's arguments). commands/target.ts resolves all of them.
 */
export type TargetArg = vscode.Uri | string | { readonly bundle: string; readonly article?: number };

/** Two articles of a bundle to compare, by index or by name, and where to start reading. */
export interface CompareOptions {
  readonly bundle: string;
  readonly left: number | string;
  readonly right: number | string;
  /** Offsets in the left/right article to show first. */
  readonly leftOffset?: number;
  readonly rightOffset?: number;
}

export type ReportFormat = 'markdown' | 'html';

export type CommandArgs = {
  [COMMANDS.openArticle]: [target?: TargetArg, which?: number | string];
  [COMMANDS.compareSources]: [target?: TargetArg | CompareOptions, left?: number | string, right?: number | string];
  [COMMANDS.revealInArticle]: [uri?: vscode.Uri, line?: number];
  [COMMANDS.showAlignment]: [target?: TargetArg];
  [COMMANDS.exportReport]: [target?: TargetArg, format?: ReportFormat];
  [COMMANDS.toggleDecorations]: [];
  [COMMANDS.revealPassage]: [passage: RevealPassageArgs, inArticle?: boolean];
  [COMMANDS.openSample]: [];
  [COMMANDS.nextSharedQuotation]: [];
};

/** A command's arguments; a command not in the table yet takes any. */
export type ArgsOf<C extends CommandId> = C extends keyof CommandArgs ? CommandArgs[C] : unknown[];

/** Registers a command's handler with the arguments its table entry declares. */
export function registerCommand<C extends CommandId>(id: C, handler: (...args: Partial<ArgsOf<C>>) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, handler as unknown as (...args: unknown[]) => unknown);
}

/** A command to attach to a lens or a tree item, its arguments checked against the table. */
export function commandOf<C extends CommandId>(id: C, title: string, args: ArgsOf<C>, tooltip?: string): vscode.Command {
  return { title, command: id, arguments: args, tooltip };
}

/** Runs one of Parallax's commands with the arguments it declares. */
export function runCommand<C extends CommandId, R = unknown>(id: C, ...args: ArgsOf<C>): Thenable<R | undefined> {
  return vscode.commands.executeCommand<R | undefined>(id, ...args);
}

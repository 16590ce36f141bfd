// The text of the two sides of an aligned comparison. Pure: no vscode import.
import type { AlignedPair, Span } from '../core/model';

export interface AlignedViewText {
  /** One passage per line; a blank line where the other side has a passage this side lacks. */
  readonly left: string;
  readonly right: string;
  /** Line i of both sides comes from lines[i]. */
  readonly lines: readonly AlignedPair[];
  /** Lines where both sides have a passage. */
  readonly aligned: number;
}

/** A passage on one line: inner line breaks and runs of spaces become one space. */
export function passageLine(text: string, span: Span | null): string {
  return span ? text.slice(span.start, span.end).replace(/\s+/g, ' ').trim() : '';
}

/**
 * Lays out aligned pairs so that line i of the left text and line i of the right text are the two
 * sides of pair i: the diff editor then shows matched passages side by side and marks word changes.
 */
export function alignedViewText(pairs: readonly AlignedPair[], leftText: string, rightText: string): AlignedViewText {
  return {
    left: pairs.map((p) => passageLine(leftText, p.a)).join('\n'),
    right: pairs.map((p) => passageLine(rightText, p.b)).join('\n'),
    lines: pairs,
    aligned: pairs.filter((p) => p.a && p.b).length,
  };
}

/** The line whose passage on one side holds `offset` (or the first passage after it). */
export function lineForOffset(lines: readonly AlignedPair[], side: 'a' | 'b', offset: number): number {
  let after = -1;
  for (let i = 0; i < lines.length; i++) {
    const span = lines[i]?.[side];
    if (!span) continue;
    if (offset >= span.start && offset < span.end) return i;
    if (after < 0 && span.start >= offset) after = i;
  }
  return Math.max(after, 0);
}

/** "002 ↔ 001 · 16 aligned" */
export function comparisonTitle(leftLabel: string, rightLabel: string, aligned: number): string {
  return `${leftLabel} ↔ ${rightLabel} · ${aligned} aligned`;
}

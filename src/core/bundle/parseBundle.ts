import type { Span } from '../model';
import { parseHeader, parseEndMarker } from './headerLine';
import type { HeaderInfo } from './headerLine';

/** A `key=value` attribute of a header, in the order written. */
export interface Attribute {
  readonly key: string;
  readonly value: string;
}

/** One article of a bundle. Every range is an offset range into the bundle text. */
export interface BundleArticle {
  /** 0-based position in the bundle. */
  readonly index: number;
  /** Unique within the bundle: duplicates get " (2)", " (3)", … */
  readonly name: string;
  readonly attributes: readonly Attribute[];
  /** The block id of `<<<FILE 3f9a2c path=x>>>` forms, closed by `<<<END FILE 3f9a2c>>>`. */
  readonly blockId: string | null;
  /** The header line, without its line break. */
  readonly headerRange: Span;
  /** The article's text: from the line after the header to the line break before what ends it. */
  readonly contentRange: Span;
  /** The end marker line that closed the article, if any. */
  readonly endMarkerRange: Span | null;
  /** Exactly the text of contentRange. */
  readonly text: string;
}

export type BundleProblemCode =
  | 'unterminatedHeader'
  | 'strayEndMarker'
  | 'unmatchedEndMarker'
  | 'unclosedBlock'
  | 'emptyArticle'
  | 'duplicateName'
  | 'strayText';

export interface BundleProblem {
  readonly code: BundleProblemCode;
  readonly severity: 'error' | 'warning' | 'info';
  /** What is wrong and how to fix it. */
  readonly message: string;
  readonly range: Span;
}

export interface ParsedBundle {
  readonly articles: readonly BundleArticle[];
  readonly problems: readonly BundleProblem[];
  /** Text that belongs to no article (before the first header, between an end marker and a header). */
  readonly outside: readonly Span[];
}

interface Line {
  readonly start: number;
  /** End of the line's text, before "\r\n" or "\n". */
  readonly end: number;
  /** Start of the next line. */
  readonly next: number;
}

/** The line starting at `start`. */
function lineAt(text: string, start: number): Line {
  const nl = text.indexOf('\n', start);
  if (nl < 0) {
    return { start, end: text.length, next: text.length };
  }
  const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
  return { start, end, next: nl + 1 };
}

/** Offsets of every line that starts with "<<<" (the only lines that can be markers), in order. */
function markerLineStarts(text: string, bomLength: number): number[] {
  const starts: number[] = [];
  if (text.startsWith('<<<', bomLength)) {
    starts.push(bomLength);
  }
  for (let i = text.indexOf('\n<<<', bomLength); i >= 0; i = text.indexOf('\n<<<', i + 1)) {
    starts.push(i + 1);
  }
  return starts;
}

/** The end of the text before a marker line: the marker's start less the line break before it. */
function contentEndBefore(text: string, markerStart: number, contentStart: number): number {
  let end = markerStart;
  if (end > contentStart && text.charCodeAt(end - 1) === 10) {
    end--;
    if (end > contentStart && text.charCodeAt(end - 1) === 13) {
      end--;
    }
  }
  return Math.max(end, contentStart);
}

const NOT_BLANK = /\S/g;

function isBlank(text: string, start: number, end: number): boolean {
  NOT_BLANK.lastIndex = start;
  const m = NOT_BLANK.exec(text);
  return m === null || m.index >= end;
}

type HeaderMarker = { readonly kind: 'header'; readonly line: Line; readonly header: HeaderInfo };
type EndMarker = { readonly kind: 'end'; readonly line: Line; readonly id: string | null };
type Marker = HeaderMarker | EndMarker;

function findBlockEnd(markers: readonly Marker[], from: number, id: string): number {
  for (let j = from; j < markers.length; j++) {
    const m = markers[j];
    if (m.kind === 'end' && m.id === id) return j;
  }
  return -1;
}

function readMarker(text: string, lineStart: number): Marker | null {
  const line = lineAt(text, lineStart);
  const raw = text.slice(line.start, line.end);
  const endId = parseEndMarker(raw);
  if (endId !== undefined) {
    return { kind: 'end', line, id: endId };
  }
  const header = parseHeader(raw);
  return header ? { kind: 'header', line, header } : null;
}

/** Length of a leading byte-order mark (0 or 1). */
function bomLengthOf(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/** Phase 1: the header and end marker lines, in order. */
function readMarkers(text: string, bomLength: number): Marker[] {
  const markers: Marker[] = [];
  for (const start of markerLineStarts(text, bomLength)) {
    const marker = readMarker(text, start);
    if (marker) markers.push(marker);
  }
  return markers;
}

function lineSpanOf(line: Line): Span {
  return { start: line.start, end: line.end };
}

/** An article between its header and what ends it, before it gets its final name. */
interface ArticleDraft {
  readonly header: HeaderInfo;
  readonly headerRange: Span;
  readonly contentRange: Span;
  readonly endMarkerRange: Span | null;
}

/**
 * Phase 2: walks the markers in order, cutting the text into article drafts and the text outside
 * any article, with the problems of the markers themselves.
 */
class MarkerWalk {
  readonly drafts: ArticleDraft[] = [];
  readonly outside: Span[] = [];
  readonly problems: BundleProblem[] = [];
  /** Where text outside any article starts (null while inside an article). */
  private outsideFrom: number | null;
  private open: { readonly header: HeaderInfo; readonly headerRange: Span; readonly contentStart: number } | null = null;

  constructor(
    private readonly text: string,
    private readonly markers: readonly Marker[],
    bomLength: number,
  ) {
    this.outsideFrom = bomLength;
  }

  run(): this {
    for (let i = 0; i < this.markers.length; i++) {
      const marker = this.markers[i];
      if (marker.kind === 'header') {
        i = this.header(marker, i);
      } else {
        this.endMarker(marker);
      }
    }
    this.closeOpen(this.text.length, null);
    this.closeOutside(this.text.length);
    return this;
  }

  /** Opens an article at a header; a block header runs to its own end marker. Returns the last marker index used. */
  private header(marker: HeaderMarker, i: number): number {
    const lineSpan = lineSpanOf(marker.line);
    this.closeOpen(marker.line.start, null);
    this.closeOutside(marker.line.start);
    if (!marker.header.terminated) {
      this.problems.push({
        code: 'unterminatedHeader',
        severity: 'error',
        message: 'This header has no closing ">>>". Write it on one line as <<<FILE name>>>; the rest of the line is taken as the article name.',
        range: lineSpan,
      });
    }
    this.open = { header: marker.header, headerRange: lineSpan, contentStart: marker.line.next };
    const blockId = marker.header.blockId;
    if (blockId === null) return i;
    // Inside a block, lines that look like headers are article text, up to the matching end marker.
    const close = findBlockEnd(this.markers, i + 1, blockId);
    if (close < 0) {
      this.problems.push({
        code: 'unclosedBlock',
        severity: 'warning',
        message: `Block "${blockId}" is never closed: add <<<END FILE ${blockId}>>> after its last line. Until then it ends at the next header.`,
        range: lineSpan,
      });
      return i;
    }
    const end = this.markers[close];
    this.closeOpen(end.line.start, lineSpanOf(end.line));
    this.outsideFrom = end.line.next;
    return close;
  }

  /** Closes the open article at an end marker, or reports the marker as stray. */
  private endMarker(marker: EndMarker): void {
    const lineSpan = lineSpanOf(marker.line);
    const open = this.open;
    if (open) {
      const openId = open.header.blockId;
      if (marker.id !== null && marker.id !== openId) {
        this.problems.push({
          code: 'unmatchedEndMarker',
          severity: 'warning',
          message: openId === null
            ? `This end marker names block "${marker.id}", but the open article has no block id. Use <<<END>>>, or give the header the id: <<<FILE ${marker.id} name=…>>>.`
            : `This end marker names block "${marker.id}", but the open article is block "${openId}". Write <<<END FILE ${openId}>>>.`,
          range: lineSpan,
        });
      }
      this.closeOpen(marker.line.start, lineSpan);
    } else {
      this.closeOutside(marker.line.start);
      this.problems.push({
        code: 'strayEndMarker',
        severity: 'warning',
        message: 'This end marker closes nothing: no article is open here. Delete it, or add a <<<FILE name>>> header above the text it should end.',
        range: lineSpan,
      });
    }
    this.outsideFrom = marker.line.next;
  }

  private closeOpen(markerStart: number, endMarker: Span | null): void {
    const open = this.open;
    if (!open) return;
    this.drafts.push({
      header: open.header,
      headerRange: open.headerRange,
      contentRange: { start: open.contentStart, end: contentEndBefore(this.text, markerStart, open.contentStart) },
      endMarkerRange: endMarker,
    });
    this.open = null;
  }

  private closeOutside(end: number): void {
    if (this.outsideFrom !== null && end > this.outsideFrom) {
      this.outside.push({ start: this.outsideFrom, end });
    }
    this.outsideFrom = null;
  }
}

/** Phase 3: a warning for each stretch of non-blank text outside every article. */
function strayTextProblems(text: string, outside: readonly Span[], noMarkers: boolean): BundleProblem[] {
  return outside
    .filter((span) => !isBlank(text, span.start, span.end))
    .map((span) => ({
      code: 'strayText',
      severity: 'warning',
      message: noMarkers
        ? 'No <<<FILE name>>> header found: this text belongs to no article. Start each article with a header line such as <<<FILE report.txt>>>.'
        : 'This text is outside any article and is ignored. Move it below a <<<FILE name>>> header, or delete it.',
      range: trimSpan(text, span),
    }));
}

/** Phase 4: the articles with unique names and their text; duplicate names and empty articles as problems. */
function finishArticles(text: string, drafts: readonly ArticleDraft[]): { articles: BundleArticle[]; problems: BundleProblem[] } {
  const names = drafts.map((d, i) => articleName(d.header, i));
  const problems = disambiguateNames(names, drafts.map((d) => d.headerRange));
  const articles = drafts.map((d, index): BundleArticle => {
    if (isBlank(text, d.contentRange.start, d.contentRange.end)) {
      problems.push({
        code: 'emptyArticle',
        severity: 'warning',
        message: `Article "${names[index]}" is empty. Add its text below the header, or delete the header.`,
        range: d.headerRange,
      });
    }
    return {
      index,
      name: names[index],
      attributes: d.header.attributes,
      blockId: d.header.blockId,
      headerRange: d.headerRange,
      contentRange: d.contentRange,
      endMarkerRange: d.endMarkerRange,
      text: text.slice(d.contentRange.start, d.contentRange.end),
    };
  });
  return { articles, problems };
}

/** Sets `name (2)`, `name (3)`… on duplicates; returns the problems. */
function disambiguateNames(names: string[], headers: readonly Span[]): BundleProblem[] {
  const problems: BundleProblem[] = [];
  const taken = new Set<string>();
  const firstIndex = new Map<string, number>();
  names.forEach((name, i) => {
    if (!taken.has(name)) {
      taken.add(name);
      firstIndex.set(name, i);
      return;
    }
    let n = 2;
    while (taken.has(`${name} (${n})`)) n++;
    const unique = `${name} (${n})`;
    taken.add(unique);
    names[i] = unique;
    problems.push({
      code: 'duplicateName',
      severity: 'warning',
      message: `Another article (number ${(firstIndex.get(name) ?? 0) + 1}) is already named "${name}"; this one is shown as "${unique}". Rename one of them in its header to tell them apart.`,
      range: headers[i],
    });
  });
  return problems;
}

/**
 * Parses a bundle: articles that each start at a `<<<FILE …>>>` header line. Never throws;
 * everything odd becomes a problem with a range and a message that says how to fix it.
 * Linear in the text: only lines that start with "<<<" are looked at closely.
 */
export function parseBundle(text: string): ParsedBundle {
  const bomLength = bomLengthOf(text);
  const markers = readMarkers(text, bomLength);
  const walk = new MarkerWalk(text, markers, bomLength).run();
  const finished = finishArticles(text, walk.drafts);
  const problems = [...walk.problems, ...strayTextProblems(text, walk.outside, markers.length === 0), ...finished.problems];
  problems.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { articles: finished.articles, problems, outside: walk.outside };
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** `name`, else `path`, else `title`, else the bare name, else "Article N". */
function articleName(header: HeaderInfo, index: number): string {
  for (const key of ['name', 'path', 'title']) {
    const attr = header.attributes.find((a) => a.key.toLowerCase() === key);
    if (attr && attr.value.trim() !== '') return attr.value.trim();
  }
  return header.bareName ?? `Article ${index + 1}`;
}

/** True when the text has at least one `<<<FILE` header line: it is a bundle, not a plain text. */
export function looksLikeBundle(text: string): boolean {
  return markerLineStarts(text, bomLengthOf(text)).some((start) => readMarker(text, start)?.kind === 'header');
}

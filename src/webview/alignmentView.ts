// The alignment panel's script, in the webview. It builds the whole DOM with createElement and
// textContent: bundle text is never parsed as HTML, so nothing in a bundle can add elements or run.
import type { AlignmentModel, AlignmentRow, CellPassage } from '../presentation/alignmentModel';
import { MATCH_KINDS } from '../presentation/kinds';
import type { AlignmentViewState, FromWebview, PanelStrings, ToWebview } from '../features/alignmentMessages';
import type { MatchKind } from '../core/model';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): AlignmentViewState | undefined;
  setState(state: AlignmentViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const saved = vscode.getState();
let state: AlignmentViewState = saved ?? { bundle: '', kinds: MATCH_KINDS, selectedRow: 0, scrollTop: 0 };
let model: AlignmentModel | undefined;
/** The panel's words, translated by the extension and sent with each model. */
let strings: PanelStrings | undefined;
/** Rows drawn at a time: a 1,000-article bundle has thousands of groups. */
const PAGE = 200;
let shownRows = PAGE;
/** Up to this many sources every column is shown (one per source); beyond, only those with passages in view. */
const ALL_COLUMNS_UP_TO = 12;

/** One of the panel's words with its `{0}`, `{1}`… filled in (they come with the model, before anything is drawn). */
function t(key: keyof PanelStrings, ...args: (string | number)[]): string {
  const template = strings?.[key] ?? '';
  return template.replace(/\{(\d+)\}/g, (whole, n: string) => (args[Number(n)] !== undefined ? String(args[Number(n)]) : whole));
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function save(patch: Partial<AlignmentViewState>): void {
  state = { ...state, ...patch };
  vscode.setState(state);
}

function visibleRows(): AlignmentRow[] {
  if (!model) return [];
  return model.rows.filter((r) => r.kinds.some((k) => state.kinds.includes(k)));
}

function reveal(p: { readonly article: number; readonly start: number; readonly end: number }): void {
  vscode.postMessage({ type: 'reveal', article: p.article, start: p.start, end: p.end });
}

function passageElement(p: CellPassage): HTMLElement {
  const node = el('div', 'passage');
  node.title = t('reveal');
  for (const s of p.segments) node.append(s.changed ? el('mark', undefined, s.text) : document.createTextNode(s.text));
  node.addEventListener('click', () => reveal(p));
  return node;
}

function selectRow(index: number, focus: boolean): void {
  const rows = document.querySelectorAll<HTMLTableRowElement>('tbody tr');
  if (rows.length === 0) return;
  const i = Math.max(0, Math.min(rows.length - 1, index));
  rows.forEach((r, j) => r.classList.toggle('selected', j === i));
  const row = rows[i];
  if (row && focus) {
    row.focus();
    row.scrollIntoView({ block: 'nearest' });
  }
  save({ selectedRow: i });
}

function renderFilters(container: HTMLElement): void {
  const bar = el('div', 'toolbar');
  bar.setAttribute('role', 'toolbar');
  for (const kind of MATCH_KINDS) {
    const label = el('label', `filter kind-${kind}`);
    const box = el('input');
    box.type = 'checkbox';
    box.checked = state.kinds.includes(kind);
    box.addEventListener('change', () => {
      const kinds: MatchKind[] = MATCH_KINDS.filter((k) => (k === kind ? box.checked : state.kinds.includes(k)));
      save({ kinds, selectedRow: 0 });
      render();
    });
    label.append(box, document.createTextNode(` ${kind}`));
    bar.append(label);
  }
  const exportButton = el('button', undefined, t('exportReport'));
  exportButton.addEventListener('click', () => vscode.postMessage({ type: 'export' }));
  bar.append(exportButton);
  container.append(bar);
}

/** The sources to show as columns: all of them, or in a large bundle those with a passage in `rows`. */
function shownColumns(current: AlignmentModel, rows: readonly AlignmentRow[]): number[] {
  const all = current.columns.map((c) => c.article);
  return all.length <= ALL_COLUMNS_UP_TO ? all : all.filter((a) => rows.some((r) => (r.cells[a]?.length ?? 0) > 0));
}

function summaryText(current: AlignmentModel, matching: number, shown: number, columns: number): string {
  const rowsNote = shown < matching ? t('firstShown', shown) : '';
  const columnsNote = columns < current.columns.length ? t('someColumns', columns, current.columns.length) : '';
  return `${t('summary', matching, current.rows.length)}${rowsNote}${columnsNote}${t('keys')}`;
}

function headerRow(current: AlignmentModel, columns: readonly number[]): HTMLTableSectionElement {
  const head = el('thead');
  const tr = el('tr');
  tr.append(el('th', 'num', '#'));
  for (const a of columns) {
    const c = current.columns[a];
    if (!c) continue;
    const th = el('th');
    th.title = c.name;
    th.append(el('div', 'label', c.label), el('div', 'unique', t('unique', Math.round(c.uniqueShare * 100))));
    // Who derives from whom, as the Sources view and the lenses say it.
    if (c.direction) th.append(el('div', 'direction', c.direction));
    tr.append(th);
  }
  head.append(tr);
  return head;
}

/** Keys on a row: move, reveal its first passage, compare its first two sources. */
function onRowKey(e: KeyboardEvent, row: AlignmentRow, i: number, count: number): void {
  if (e.key === 'ArrowDown' || e.key === 'j') selectRow(i + 1, true);
  else if (e.key === 'ArrowUp' || e.key === 'k') selectRow(i - 1, true);
  else if (e.key === 'Home') selectRow(0, true);
  else if (e.key === 'End') selectRow(count - 1, true);
  else if (e.key === 'Enter') {
    const first = row.cells.flat()[0];
    if (first) reveal(first);
  } else if (e.key === 'c') {
    const sources = row.cells.map((c, a) => (c.length > 0 ? a : -1)).filter((a) => a >= 0);
    if (sources.length >= 2) vscode.postMessage({ type: 'compare', left: sources[0] as number, right: sources[1] as number });
  } else return;
  e.preventDefault();
}

function bodyRow(row: AlignmentRow, i: number, count: number, columns: readonly number[]): HTMLTableRowElement {
  const tr = el('tr');
  tr.tabIndex = 0;
  tr.dataset.row = String(row.id);
  const num = el('td', 'num');
  num.append(el('div', undefined, String(row.id + 1)));
  for (const k of row.kinds) num.append(el('div', `badge kind-${k}`, k));
  tr.append(num);
  for (const a of columns) {
    const td = el('td');
    for (const p of row.cells[a] ?? []) td.append(passageElement(p));
    tr.append(td);
  }
  tr.addEventListener('focus', () => selectRow(i, false));
  tr.addEventListener('keydown', (e) => onRowKey(e, row, i, count));
  return tr;
}

function moreButton(remaining: number): HTMLButtonElement {
  const more = el('button', 'more', t('showMore', Math.min(PAGE, remaining)));
  more.addEventListener('click', () => {
    shownRows += PAGE;
    render();
  });
  return more;
}

/** "Quotations in several sources": each with the sources that carry it, click or Enter to reveal. */
function quotesSection(current: AlignmentModel): HTMLElement[] {
  if (current.quotes.length === 0) return [];
  const list = el('ul', 'quotes');
  for (const q of current.quotes) {
    const item = el('li');
    item.append(el('div', 'quote-head', `${q.speaker}: “${q.text}”`));
    const occ = el('ul');
    for (const o of q.occurrences) {
      const li = el('li', o.relation === 'reworded' ? 'reworded' : undefined, `${o.label} — ${o.original ? t('originalWording') : o.relation}: “${o.text}”`);
      li.tabIndex = 0;
      li.addEventListener('click', () => reveal(o));
      li.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') reveal(o);
      });
      occ.append(li);
    }
    item.append(occ);
    list.append(item);
  }
  return [el('h2', undefined, t('quotationsHeading')), list];
}

/** Draws the model: title, filters, the table of rows (a page at a time), then the quotations. */
function render(): void {
  const root = document.getElementById('root');
  if (!root) return;
  root.replaceChildren();
  if (!model) return;
  const current = model;
  const matching = visibleRows();
  const rows = matching.slice(0, shownRows);
  const columns = shownColumns(current, rows);
  root.append(el('h1', undefined, current.title));
  renderFilters(root);
  root.append(el('p', 'summary', summaryText(current, matching.length, rows.length, columns.length)));
  const table = el('table');
  const body = el('tbody');
  rows.forEach((row, i) => body.append(bodyRow(row, i, rows.length, columns)));
  table.append(headerRow(current, columns), body);
  root.append(table);
  if (rows.length < matching.length) root.append(moreButton(matching.length - rows.length));
  root.append(...quotesSection(current));
  selectRow(state.selectedRow, false);
  document.scrollingElement?.scrollTo(0, state.scrollTop);
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'model') {
    model = message.model;
    strings = message.strings;
    if (message.bundle !== state.bundle) {
      save({ bundle: message.bundle, selectedRow: 0, scrollTop: 0 });
      shownRows = PAGE;
    }
    render();
  } else if (message.type === 'empty') {
    model = undefined;
    const root = document.getElementById('root');
    root?.replaceChildren(el('p', 'empty', message.message));
  }
});

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
  if (scrollTimer !== undefined) clearTimeout(scrollTimer);
  scrollTimer = setTimeout(() => save({ scrollTop: document.scrollingElement?.scrollTop ?? 0 }), 200);
});

vscode.postMessage({ type: 'ready', state: saved ?? null });

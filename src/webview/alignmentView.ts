// The alignment panel's script, in the webview. It builds the whole DOM with createElement and
// textContent: bundle text is never parsed as HTML, so nothing in a bundle can add elements or run.
import type { AlignmentModel, AlignmentRow, CellPassage } from '../presentation/alignmentModel';
import { MATCH_KINDS } from '../presentation/kinds';
import type { AlignmentViewState, FromWebview, ToWebview } from '../features/alignmentMessages';
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
/** Rows drawn at a time: a 1,000-article bundle has thousands of groups. */
const PAGE = 200;
let shownRows = PAGE;
/** Up to this many sources every column is shown (one per source); beyond, only those with passages in view. */
const ALL_COLUMNS_UP_TO = 12;

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

function passageElement(p: CellPassage, bundle: string): HTMLElement {
  const node = el('div', 'passage');
  node.title = 'Click to reveal in the article';
  for (const s of p.segments) node.append(s.changed ? el('mark', undefined, s.text) : document.createTextNode(s.text));
  node.addEventListener('click', () => vscode.postMessage({ type: 'reveal', bundle, article: p.article, start: p.start, end: p.end }));
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
  const exportButton = el('button', undefined, 'Export report…');
  exportButton.addEventListener('click', () => vscode.postMessage({ type: 'export' }));
  bar.append(exportButton);
  container.append(bar);
}

function render(): void {
  const root = document.getElementById('root');
  if (!root) return;
  root.replaceChildren();
  if (!model) return;
  const bundle = state.bundle;
  root.append(el('h1', undefined, model.title));
  renderFilters(root);
  const matching = visibleRows();
  // Large bundles: rows page by page, and only the sources that have a passage in the rows shown.
  const rows = matching.slice(0, shownRows);
  const columns = model.columns.length <= ALL_COLUMNS_UP_TO
    ? model.columns.map((c) => c.article)
    : model.columns.map((c) => c.article).filter((a) => rows.some((r) => (r.cells[a]?.length ?? 0) > 0));
  root.append(el('p', 'summary', `${matching.length} of ${model.rows.length} groups of shared passages${rows.length < matching.length ? ` (first ${rows.length} shown)` : ''}${columns.length < model.columns.length ? ` · ${columns.length} of ${model.columns.length} sources (those with a passage here)` : ''} · ↑/↓ to move, Enter to reveal, c to compare the first two sources of a row`));
  const table = el('table');
  const head = el('thead');
  const headRow = el('tr');
  headRow.append(el('th', 'num', '#'));
  for (const a of columns) {
    const c = model.columns[a];
    if (!c) continue;
    const th = el('th');
    th.title = c.name;
    th.append(el('div', 'label', c.label), el('div', 'unique', `${Math.round(c.uniqueShare * 100)}% unique`));
    headRow.append(th);
  }
  head.append(headRow);
  const body = el('tbody');
  rows.forEach((row, i) => {
    const tr = el('tr');
    tr.tabIndex = 0;
    tr.dataset.row = String(row.id);
    const num = el('td', 'num');
    num.append(el('div', undefined, String(row.id + 1)));
    for (const k of row.kinds) num.append(el('div', `badge kind-${k}`, k));
    tr.append(num);
    for (const a of columns) {
      const td = el('td');
      for (const p of row.cells[a] ?? []) td.append(passageElement(p, bundle));
      tr.append(td);
    }
    tr.addEventListener('focus', () => selectRow(i, false));
    tr.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'j') selectRow(i + 1, true);
      else if (e.key === 'ArrowUp' || e.key === 'k') selectRow(i - 1, true);
      else if (e.key === 'Home') selectRow(0, true);
      else if (e.key === 'End') selectRow(rows.length - 1, true);
      else if (e.key === 'Enter') {
        const first = row.cells.flat()[0];
        if (first) vscode.postMessage({ type: 'reveal', bundle, article: first.article, start: first.start, end: first.end });
      } else if (e.key === 'c') {
        const sources = row.cells.map((c, a) => (c.length > 0 ? a : -1)).filter((a) => a >= 0);
        if (sources.length >= 2) vscode.postMessage({ type: 'compare', bundle, left: sources[0] as number, right: sources[1] as number });
      } else return;
      e.preventDefault();
    });
    body.append(tr);
  });
  table.append(head, body);
  root.append(table);
  if (rows.length < matching.length) {
    const more = el('button', 'more', `Show ${Math.min(PAGE, matching.length - rows.length)} more groups`);
    more.addEventListener('click', () => {
      shownRows += PAGE;
      render();
    });
    root.append(more);
  }
  if (model.quotes.length > 0) {
    root.append(el('h2', undefined, 'Quotations in several sources'));
    const list = el('ul', 'quotes');
    for (const q of model.quotes) {
      const item = el('li');
      item.append(el('div', 'quote-head', `${q.speaker}: “${q.text}”`));
      const occ = el('ul');
      for (const o of q.occurrences) {
        const li = el('li', o.relation === 'reworded' ? 'reworded' : undefined, `${o.label} — ${o.relation}: “${o.text}”`);
        li.tabIndex = 0;
        li.addEventListener('click', () => vscode.postMessage({ type: 'reveal', bundle, article: o.article, start: o.start, end: o.end }));
        li.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') vscode.postMessage({ type: 'reveal', bundle, article: o.article, start: o.start, end: o.end });
        });
        occ.append(li);
      }
      item.append(occ);
      list.append(item);
    }
    root.append(list);
  }
  selectRow(state.selectedRow, false);
  document.scrollingElement?.scrollTo(0, state.scrollTop);
  vscode.postMessage({
    type: 'rendered',
    rows: rows.length,
    passages: document.querySelectorAll('.passage').length,
    activeElements: root.querySelectorAll('script, img, iframe, object, embed, link, style, svg, a, form, input:not([type=checkbox])').length,
    handlers: [...root.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.toLowerCase().startsWith('on'))).length,
    text: (root.textContent ?? '').slice(0, 100_000),
  });
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'model') {
    model = message.model;
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

// The exported report, in Markdown or HTML, from the same model the alignment panel shows. Pure.
// All bundle text is escaped: a report opened in a Markdown preview or a browser stays inert.
import type { AlignmentModel, CellPassage, QuoteFinding } from './alignmentModel';
import { escapeMarkdown } from './hoverModel';
import { percent } from './articleLabels';

/** Text safe inside HTML elements and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function markdownPassage(p: CellPassage): string {
  return p.segments.map((s) => (s.changed && s.text.trim() ? `**${escapeMarkdown(s.text.trim())}**${/\s$/.test(s.text) ? ' ' : ''}` : escapeMarkdown(s.text))).join('').trim();
}

/** "original", "**reworded** (misquote)", "verbatim", "partial": the original is never the misquote. */
function occurrenceText(o: QuoteFinding['occurrences'][number]): string {
  if (o.original === true) return 'original';
  return o.relation === 'reworded' ? '**reworded** (misquote)' : o.relation;
}

export function reportMarkdown(model: AlignmentModel): string {
  const out: string[] = [`# ${escapeMarkdown(model.title)}`, ''];
  out.push('## Sources', '', '| Source | Article | Unique content | Direction of reuse |', '| --- | --- | --- | --- |');
  for (const c of model.columns) out.push(`| ${escapeMarkdown(c.label)} | ${escapeMarkdown(c.name)} | ${percent(c.uniqueShare)} | ${escapeMarkdown(c.direction ?? '')} |`);
  out.push('', `## Shared passages (${model.rows.length})`, '', 'Words that differ from the first source of each group are in **bold**.', '');
  for (const row of model.rows) {
    out.push(`### ${row.id + 1}. ${row.kinds.join(', ')}`, '');
    row.cells.forEach((cell, a) => {
      for (const p of cell) out.push(`- **${escapeMarkdown(model.columns[a]?.label ?? String(a))}**: ${markdownPassage(p)}`);
    });
    out.push('');
  }
  if (model.quotes.length > 0) {
    out.push(`## Quotations in several sources (${model.quotes.length})`, '');
    for (const q of model.quotes) {
      out.push(`### ${escapeMarkdown(q.speaker)}: “${escapeMarkdown(q.text)}”`, '');
      for (const o of q.occurrences) out.push(`- **${escapeMarkdown(o.label)}** — ${occurrenceText(o)}: “${escapeMarkdown(o.text)}”`);
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function htmlPassage(p: CellPassage): string {
  return p.segments.map((s) => (s.changed ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text))).join('');
}

/** A standalone HTML page: no scripts, no remote resources, a CSP that forbids both. */
export function reportHtml(model: AlignmentModel): string {
  const head = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(model.title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2em;line-height:1.45}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #ccc;padding:.4em;vertical-align:top;text-align:left}
mark{background:#ffe08a}
.kind{font-size:.85em;color:#555}
.reworded{color:#b00020;font-weight:bold}
</style></head><body>`;
  const parts: string[] = [head, `<h1>${escapeHtml(model.title)}</h1>`, '<h2>Shared passages</h2>'];
  parts.push('<p>Highlighted words differ from the first source of each group.</p>', '<table><thead><tr><th>#</th>');
  for (const c of model.columns) {
    const direction = c.direction ? `<br><span class="kind">${escapeHtml(c.direction)}</span>` : '';
    parts.push(`<th title="${escapeHtml(c.name)}">${escapeHtml(c.label)}<br><span class="kind">${percent(c.uniqueShare)} unique</span>${direction}</th>`);
  }
  parts.push('</tr></thead><tbody>');
  for (const row of model.rows) {
    parts.push(`<tr><td>${row.id + 1}<br><span class="kind">${escapeHtml(row.kinds.join(', '))}</span></td>`);
    for (const cell of row.cells) parts.push(`<td>${cell.map(htmlPassage).join('<hr>')}</td>`);
    parts.push('</tr>');
  }
  parts.push('</tbody></table>');
  if (model.quotes.length > 0) {
    parts.push('<h2>Quotations in several sources</h2>');
    for (const q of model.quotes) {
      parts.push(`<h3>${escapeHtml(q.speaker)}: “${escapeHtml(q.text)}”</h3><ul>`);
      for (const o of q.occurrences) {
        const misquote = o.original !== true && o.relation === 'reworded';
        const what = o.original === true ? 'original' : misquote ? 'reworded (misquote)' : o.relation;
        parts.push(`<li><b>${escapeHtml(o.label)}</b> — <span class="${misquote ? 'reworded' : 'kind'}">${what}</span>: “${escapeHtml(o.text)}”</li>`);
      }
      parts.push('</ul>');
    }
  }
  parts.push('</body></html>');
  return `${parts.join('\n')}\n`;
}

import * as assert from 'assert';
import { buildAlignmentModel } from '../../src/presentation/alignmentModel';
import { shortLabels } from '../../src/presentation/articleLabels';
import { councilAnalysis, NAMES, TEXTS } from './editorFixture';

const labels = shortLabels(NAMES);

describe('alignment model', () => {
  it('groups passages linked by matches into one row per group, one column per source', () => {
    const m = buildAlignmentModel(councilAnalysis(), NAMES, labels, TEXTS, 'Council');
    assert.strictEqual(m.columns.length, 3);
    assert.strictEqual(m.rows.length, 2);
    const [first, second] = m.rows;
    // Row 1: 000's first sentence, 001's first sentence and 002's second line (near-verbatim + paraphrase).
    assert.deepStrictEqual(first?.cells.map((c) => c.length), [1, 1, 1]);
    assert.deepStrictEqual(first?.kinds, ['near-verbatim', 'paraphrase']);
    assert.deepStrictEqual(second?.cells.map((c) => c.length), [1, 1, 0]);
    assert.deepStrictEqual(second?.kinds, ['verbatim']);
    // Word highlights: 001 changed "shall" and "before" against 000.
    const changed = first?.cells[1]?.[0]?.segments.filter((s) => s.changed).map((s) => s.text.trim()).join(' ');
    assert.match(changed ?? '', /shall/);
    assert.match(changed ?? '', /before/);
    assert.strictEqual(second?.cells[1]?.[0]?.segments.some((s) => s.changed), false, 'a verbatim copy has no highlight');
    // Words dropped from the other wording leave their space: "agreed with the" + " budget", never "thebudget".
    for (const row of m.rows) for (const cell of row.cells) for (const p of cell) {
      assert.strictEqual(p.segments.map((s) => s.text).join('').replace(/\s+/g, ' ').trim(), (TEXTS[p.article] as string).slice(p.start, p.end).replace(/\s+/g, ' ').trim());
    }
    // Highlights cover words, not the spaces around them.
    for (const row of m.rows) for (const cell of row.cells) for (const p of cell) for (const s of p.segments) if (s.changed) assert.strictEqual(s.text, s.text.trim());
    assert.strictEqual(m.quotes.length, 1);
    assert.strictEqual(m.quotes[0]?.occurrences[1]?.relation, 'reworded');
  });
});

// The alignment panel survives a window reload with what the user set in it (issue 4): VS Code
// revives it through Parallax's webview serializer, and the webview reads back its saved state.
import * as assert from 'assert';
import { useWorkbench } from './workbench';
import type { FrameLocator, Locator, Page } from 'playwright-core';

const BUNDLE = 'seeds.bundle';
/** The filter this test unticks: a match kind the seeds have rows of. */
const FILTER = 'paraphrase';

/** The panel's own document: the workbench's webview iframe holds the page's frame. */
function panel(page: Page): FrameLocator {
  return page.frameLocator('.webview.ready').frameLocator('#active-frame');
}

function filterBox(page: Page, kind: string): Locator {
  return panel(page).locator(`label.filter.kind-${kind} input[type=checkbox]`);
}

interface PanelState {
  readonly filterChecked: boolean;
  readonly rows: number;
  readonly passages: number;
  /** data-row (the group's id) and position of the selected row. */
  readonly selected: { readonly id: string | null; readonly index: number };
  readonly summary: string;
}

async function readPanel(page: Page): Promise<PanelState> {
  const frame = panel(page);
  const rows = frame.locator('tbody tr');
  const ids = await rows.evaluateAll((trs) => trs.map((tr) => ({ id: tr.getAttribute('data-row'), selected: tr.classList.contains('selected') })));
  const index = ids.findIndex((r) => r.selected);
  return {
    filterChecked: await filterBox(page, FILTER).isChecked(),
    rows: ids.length,
    passages: await frame.locator('tbody .passage').count(),
    selected: { id: index >= 0 ? ids[index].id : null, index },
    summary: (await frame.locator('p.summary').innerText()).trim(),
  };
}

/** Reads until `done` accepts the value or 10 s pass; returns the last value read. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

describe('The alignment panel after a window reload', function () {
  this.timeout(120_000);
  const wb = useWorkbench();

  it('comes back with the filter the user unticked and the row they selected', async () => {
    const page = wb.current.page;
    await wb.current.openFromExplorer(BUNDLE);
    await wb.current.waitForBundle();
    await wb.current.runCommand('Parallax: Show Alignment');
    const frame = panel(page);
    await frame.locator('tbody tr .passage').first().waitFor({ timeout: 30_000 });
    const before = await readPanel(page);
    assert.ok(before.filterChecked, `"${FILTER}" starts ticked`);

    // Untick the filter, as a person would: the rows left are the other kinds.
    await filterBox(page, FILTER).uncheck();
    const filtered = await until(() => readPanel(page), (s) => s.rows < before.rows);
    assert.ok(!filtered.filterChecked, `"${FILTER}" is unticked`);
    assert.ok(filtered.rows < before.rows, `unticking "${FILTER}" hides rows (${before.rows} → ${filtered.rows}): the seeds have ${FILTER} groups`);
    assert.ok(filtered.rows >= 3, `at least three rows remain to move through (${filtered.rows})`);

    // Move the selection with the keyboard: focus the first row by its number cell, then ↓ ↓.
    await frame.locator('tbody tr').first().locator('td.num').click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await frame.locator('tbody tr:nth-child(3).selected').waitFor({ timeout: 5_000 });
    const chosen = await readPanel(page);
    assert.strictEqual(chosen.selected.index, 2, 'two ↓ from the first row select the third');
    assert.ok(chosen.selected.id !== null);

    // Reload as a user does; the workbench saves its editors (and the webview's state) first.
    const reloaded = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 30_000 });
    await wb.current.runCommand('Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });

    // The panel is back, with content, drawn from the saved state.
    const tab = page.locator('.tab', { hasText: `Alignment · ${BUNDLE}` });
    await tab.first().waitFor({ timeout: 30_000 });
    await panel(page).locator('tbody tr .passage').first().waitFor({ timeout: 30_000 });
    await panel(page).locator('tbody tr.selected').waitFor({ timeout: 10_000 });
    const after = await readPanel(page);
    assert.strictEqual(after.filterChecked, false, `"${FILTER}" is still unticked after the reload`);
    assert.strictEqual(after.rows, filtered.rows, 'the same rows are shown');
    assert.ok(after.passages > 0, 'the rows show passages');
    assert.deepStrictEqual(after.selected, chosen.selected, 'the same row is selected');
    assert.strictEqual(after.summary, chosen.summary);
  });
});

import * as assert from 'assert';
import { isAlignmentViewState, isFromWebview } from '../../src/features/alignmentMessages';

describe('alignment panel messages from the webview', () => {
  const state = { bundle: 'file:///w/seeds.bundle', kinds: ['verbatim', 'paraphrase'], selectedRow: 3, scrollTop: 120.5 };

  it('accepts the messages the webview sends', () => {
    for (const m of [{ type: 'ready', state }, { type: 'ready', state: null }, { type: 'export' }, { type: 'reveal', article: 1, start: 0, end: 20 }, { type: 'compare', left: 0, right: 2 }]) {
      assert.ok(isFromWebview(m), JSON.stringify(m));
    }
  });

  it('rejects unknown types, bad indices and a ready state of the wrong shape', () => {
    for (const m of [
      null, 'ready', { type: 'rendered', rows: 1 }, { type: 'reveal', article: -1, start: 0, end: 1 }, { type: 'reveal', article: 0.5, start: 0, end: 1 },
      { type: 'compare', left: '0', right: 1 }, { type: 'ready' }, { type: 'ready', state: { ...state, kinds: ['verbatim', 'script'] } },
      { type: 'ready', state: { ...state, bundle: 42 } }, { type: 'ready', state: { ...state, selectedRow: -2 } }, { type: 'ready', state: { ...state, scrollTop: Number.NaN } },
    ]) {
      assert.ok(!isFromWebview(m), JSON.stringify(m));
    }
  });

  it('checks a saved state the same way when VS Code revives the panel', () => {
    assert.ok(isAlignmentViewState(state));
    assert.ok(!isAlignmentViewState({ ...state, kinds: 'verbatim' }));
    assert.ok(!isAlignmentViewState(undefined));
  });
});

import * as assert from 'assert';
import { quoteTree } from '../../src/presentation/quotesModel';
import { shortLabels } from '../../src/presentation/articleLabels';
import { makeAnalysis, NAMES, TEXTS } from './editorFixture';

const labels = shortLabels(NAMES);

describe('quotes view model', () => {
  it('groups quotations by speaker, flags reworded ones, keeps lone quotes', () => {
    const texts = [...TEXTS.slice(0, 2), 'Someone said “alone here” once.'];
    const a = makeAnalysis(NAMES, texts, [], [
      { article: 0, text: 'we will rebuild the bridge by spring', speaker: 'Mayor Ada Lind' },
      { article: 1, text: 'we shall rebuild the bridge before spring', speaker: 'Mayor Ada Lind' },
      { article: 2, text: 'alone here', speaker: null },
    ], [[[0, 0, 'verbatim'], [1, 0, 'reworded']]]);
    const tree = quoteTree(a, labels);
    assert.deepStrictEqual(tree.map((s) => [s.name, s.quotations.length]), [['Mayor Ada Lind', 1], ['Speaker not found', 1]]);
    assert.strictEqual(tree[0]?.quotations[0]?.reworded, 1);
    assert.deepStrictEqual(tree[0]?.quotations[0]?.occurrences.map((o) => `${o.label} ${o.relation}`), ['000 verbatim', '001 reworded']);
  });
});

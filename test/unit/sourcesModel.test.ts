import * as assert from 'assert';
import * as fs from 'fs';
import { analyzeBundle } from '../../src/core/analyze';
import { parseBundle } from '../../src/core/bundle/parseBundle';
import { articleRow, passageRows, relationText } from '../../src/presentation/sourcesModel';
import { headerLens } from '../../src/presentation/lensModel';
import { shortLabels } from '../../src/presentation/articleLabels';
import { councilAnalysis, makeAnalysis, NAMES, TEXTS } from './editorFixture';
import { seedsPath } from './paths';

const labels = shortLabels(NAMES);

describe('sourcesModel', () => {
  it('says one direction per pair: derives from, source of, or shares with', () => {
    assert.strictEqual(relationText(councilAnalysis(), labels, 0), 'source of 001');
    assert.strictEqual(relationText(councilAnalysis(), labels, 1), 'derives from 000 (dated 1 day later, rewords 1 of its quotes)');
    assert.strictEqual(relationText(councilAnalysis(), labels, 2), 'shares with 000 (1/3)');
  });

  it('lists every other source in the tooltip with its relation and evidence', () => {
    const row = articleRow(councilAnalysis(), labels, 0, { name: NAMES[0] as string, attributes: [] });
    assert.deepStrictEqual(row.tooltip.split('\n').slice(1), [
      'Direction of reuse',
      '  source of 001: 2/2 sentences, in order — dated 1 day later, rewords 1 of its quotes',
      '  shares with 002: 1/2 sentences, in order',
    ]);
  });

  it('on the seeds, the Sources view and the header lens say the same as the engine: 001 derives from 002', () => {
    const articles = parseBundle(fs.readFileSync(seedsPath, 'utf8')).articles.map((a) => ({ name: a.name, text: a.text }));
    const analysis = analyzeBundle(articles);
    const l = shortLabels(articles.map((a) => a.name));
    assert.match(relationText(analysis, l, 1) ?? '', /^derives from 002 \(/);
    assert.strictEqual(relationText(analysis, l, 2), 'source of 001');
    assert.match(headerLens(analysis, l, 1).summary, / · derives from 002 \(/);
    assert.strictEqual(headerLens(analysis, l, 1).compare?.title, 'Compare with 002 (its source)');
    // Never both ways: nothing says 002 derives from 001.
    assert.ok(!articles.some((_, k) => (relationText(analysis, l, k) ?? '').startsWith('derives from 001')));
  });

  it('leaves boilerplate passages out unless asked, then marks them', () => {
    const texts = ['By Ana Ruiz, Northern Press Agency.\nThe bridge opens in May.', 'By Ana Ruiz, Northern Press Agency.\nA new school year starts.'];
    const a = makeAnalysis(['a.txt', 'b.txt'], texts, [{ kind: 'verbatim', score: 1, a: [0, 'By Ana Ruiz, Northern Press Agency.'], b: [1, 'By Ana Ruiz, Northern Press Agency.'], boilerplate: true }]);
    assert.deepStrictEqual(passageRows(a, ['a', 'b'], 0, texts[0] as string), []);
    const shown = passageRows(a, ['a', 'b'], 0, texts[0] as string, { showBoilerplate: true });
    assert.deepStrictEqual(shown.map((r) => [r.boilerplate, r.label]), [[true, '(boilerplate) By Ana Ruiz, Northern Press Agency.']]);
    assert.deepStrictEqual(passageRows(councilAnalysis(), labels, 0, TEXTS[0] as string).map((r) => r.boilerplate), [false, false]);
  });
});

describe('sources view model on the council fixture', () => {
  it('says the direction of reuse the engine found, with its evidence', () => {
    assert.strictEqual(relationText(councilAnalysis(), labels, 1), 'derives from 000 (dated 1 day later, rewords 1 of its quotes)');
    assert.strictEqual(relationText(councilAnalysis(), labels, 2), 'shares with 000 (1/3)');
    const row = articleRow(councilAnalysis(), labels, 1, { name: NAMES[1] as string, attributes: [{ key: 'source', value: 'Gazette' }, { key: 'date', value: '2024-12-18' }] });
    assert.strictEqual(row.description, 'Gazette · 2024-12-18 · 0% unique · derives from 000 (dated 1 day later, rewords 1 of its quotes)');
  });

  it('lists an article’s shared passages with every other source', () => {
    const rows = passageRows(councilAnalysis(), labels, 0, TEXTS[0] as string);
    assert.deepStrictEqual(rows.map((r) => r.description), ['≃ 001 0.72 · ≈ 002 0.81', '= 001']);
  });
});

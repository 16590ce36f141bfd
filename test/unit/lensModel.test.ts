import * as assert from 'assert';
import { headerLens, passageLenses } from '../../src/presentation/lensModel';
import { shortLabels } from '../../src/presentation/articleLabels';
import { councilAnalysis, makeAnalysis, NAMES, TEXTS } from './editorFixture';

const labels = shortLabels(NAMES);

describe('lensModel', () => {
  it('labels numbered articles by their number, others by their name without extension', () => {
    assert.deepStrictEqual(labels, ['000', '001', '002']);
    assert.deepStrictEqual(shortLabels(['ap.txt', 'reuters.txt']), ['ap', 'reuters']);
    assert.deepStrictEqual(shortLabels(['a_1.txt', 'a_2.txt']), ['a_1', 'a_2']);
  });

  it('sums up an article on its header with its direction of reuse, and offers its source or closest', () => {
    const h = headerLens(councilAnalysis(), labels, 0);
    assert.strictEqual(h.summary, '2 passages shared · 1 quote · 0% unique · source of 001');
    assert.deepStrictEqual(h.compare, { title: 'Compare with 001 (derived from this)', article: 1 });
    const gazette = headerLens(councilAnalysis(), labels, 1);
    assert.strictEqual(gazette.summary, '2 passages shared · 1 quote · 0% unique · derives from 000 (dated 1 day later, rewords 1 of its quotes)');
    assert.deepStrictEqual(gazette.compare, { title: 'Compare with 000 (its source)', article: 0 });
    const radio = headerLens(councilAnalysis(), labels, 2);
    assert.strictEqual(radio.summary, '1 passage shared · 0 quotes · 67% unique');
    assert.strictEqual(radio.compare?.title, 'Compare with 000 (closest)');
  });

  it('offers no comparison when nothing is shared', () => {
    const a = makeAnalysis(['x.txt', 'y.txt'], ['One.', 'Two.'], []);
    assert.strictEqual(headerLens(a, ['x', 'y'], 0).compare, null);
    assert.deepStrictEqual(passageLenses(a, ['x', 'y'], 0, 'One.'), []);
  });

  it('puts one lens on a one-line article, listing every source by kind', () => {
    const lenses = passageLenses(councilAnalysis(), labels, 0, TEXTS[0] as string);
    assert.strictEqual(lenses.length, 1, 'article 000 is one line: one lens, not one per passage');
    const [lens] = lenses;
    assert.strictEqual(lens?.title, '2 passages: = 001 (verbatim) · ≈ 002 (paraphrase 0.81)');
    assert.strictEqual(lens?.line, 0);
    // The strongest match decides where the lens leads.
    assert.strictEqual(lens?.target.article, 1);
  });

  it('puts each lens on the line of its passage in a multi-line article', () => {
    const lenses = passageLenses(councilAnalysis(), labels, 2, TEXTS[2] as string);
    assert.deepStrictEqual(lenses.map((l) => [l.line, l.title]), [[1, '≈ 000 (paraphrase 0.81)']]);
    assert.strictEqual(lenses[0]?.offset, (TEXTS[2] as string).indexOf('The mayor told'));
    assert.strictEqual(lenses[0]?.target.otherOffset, 0);
  });

  it('keeps a lens short when many sources share a line', () => {
    const n = 12;
    const names = Array.from({ length: n }, (_, i) => `${String(i).padStart(3, '0')}_x.txt`);
    const texts = names.map(() => 'Exactly the same sentence in every source.');
    const matches = names.slice(1).map((_, i) => ({ kind: 'verbatim' as const, score: 1, a: [0, texts[0] as string] as const, b: [i + 1, texts[0] as string] as const }));
    const a = makeAnalysis(names, texts, matches);
    const [lens] = passageLenses(a, shortLabels(names), 0, texts[0] as string);
    assert.strictEqual(lens?.title, '= 001, 002, 003, 004, 005, +6 more (verbatim)');
  });

  it('shows each near-verbatim source with its score', () => {
    const texts = ['Alpha beta gamma delta.', 'Alpha beta gamma delta!', 'Alpha beta gamma, delta.'];
    const a = makeAnalysis(['a.txt', 'b.txt', 'c.txt'], texts, [
      { kind: 'near-verbatim', score: 0.9, a: [0, texts[0] as string], b: [1, texts[1] as string] },
      { kind: 'near-verbatim', score: 0.95, a: [0, texts[0] as string], b: [2, texts[2] as string] },
    ]);
    assert.strictEqual(passageLenses(a, ['a', 'b', 'c'], 0, texts[0] as string)[0]?.title, '≃ c 0.95, b 0.90 (near-verbatim)');
  });

  it('hides boilerplate lenses by default and shows them marked when asked', () => {
    const names = ['000_a.txt', '001_b.txt'];
    const texts = ['By Ana Ruiz, Northern Press Agency.\nThe bridge opens in May.', 'By Ana Ruiz, Northern Press Agency.\nA new school year starts.'];
    const a = makeAnalysis(names, texts, [{ kind: 'verbatim', score: 1, a: [0, 'By Ana Ruiz, Northern Press Agency.'], b: [1, 'By Ana Ruiz, Northern Press Agency.'], boilerplate: true }]);
    const l = shortLabels(names);
    assert.deepStrictEqual(passageLenses(a, l, 0, texts[0] as string), []);
    assert.deepStrictEqual(passageLenses(a, l, 0, texts[0] as string, { showBoilerplate: true }).map((x) => x.title), ['boilerplate: = 001 (verbatim)']);
    assert.strictEqual(headerLens(a, l, 0).summary.startsWith('0 passages shared'), true, 'boilerplate is not a shared passage');
  });
});

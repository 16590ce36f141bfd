import * as assert from 'assert';
import { analyzeBundle } from '../../src/core/analyze';
import { continueCopies, findCopies, newCopySearch, normalisedText } from '../../src/core/match/copies';
import { stopAfterEveryUnit } from './everyUnit';
import type { ArticleInput } from '../../src/core/model';

const RELEASE = [
  'The ministry announced on Tuesday a programme of 40 million euros to rebuild the flood barriers along the northern coast.',
  '"We will not let the sea take our towns," the minister, Anna Verhoef, told reporters in the capital.',
  'Work on the first section near Harlingen starts in March and should be finished before the autumn storms.',
  'Local councils had warned for years that the dikes were too low for the storms that climate change brings.',
  'The plan also pays for pumps, sensors along the dunes and a training programme for volunteer dike wardens.',
  'Opposition parties said the money came too late and asked why the southern provinces were left out of the plan.',
].join(' ');

const OTHER = 'Farmers in the east protested against new rules on fertiliser. Police said the protest was peaceful and ended before noon.';

const named = (texts: readonly string[]): ArticleInput[] => texts.map((text, k) => ({ name: `${k}.txt`, text }));

describe('copies: identical and near-identical articles found first', () => {
  it('folds case, spacing and punctuation for identical copies', () => {
    assert.strictEqual(normalisedText('The  Minister said: "Yes!"\nThen, left.'), 'the minister said yes then left');
    const copies = findCopies([RELEASE, RELEASE.toUpperCase().replace(/ /g, '\n'), OTHER]);
    assert.deepStrictEqual(copies, [{ article: 1, of: 0, kind: 'identical', similarity: 1 }]);
  });

  it('reads words as the runs of letters and numbers of the lower-cased text, whatever the code points', () => {
    // Differential: normalisedText against the regex it replaces, over random text from an alphabet of hard cases.
    const alphabet = ['a', 'Z', '7', ' ', '.', '\n', '"', 'É', 'ß', 'İ', 'Σ', 'ς', 'ª', '٣', '\u0301', '\u05d0', '\ud835\udc00', '\ud83d\ude00', '\ud800', '\udc00', '\u2028', '_', '½', 'Ⅻ'];
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let t = 0; t < 300; t++) {
      const text = Array.from({ length: 1 + Math.floor(rand() * 40) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      const expected = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
      assert.strictEqual(normalisedText(text), expected, JSON.stringify(text));
    }
  });

  it('tells identical texts outside ASCII by every code unit of their words', () => {
    const greek = Array.from({ length: 30 }, (_, k) => `Ο υπουργός ανακοίνωσε 𝐀${k} σχέδιο 😀 για τα αναχώματα.`).join(' ');
    const shouted = greek.toUpperCase().replace(/ /g, '  ');
    // One letter of one word differs (ό for ο): not identical, though most shingles are shared.
    const oneLetter = greek.replace('σχέδιο', 'σχέδιό');
    const copies = findCopies([greek, shouted, oneLetter]);
    assert.deepStrictEqual(copies.map((c) => [c.article, c.of, c.kind]), [[1, 0, 'identical'], [2, 0, 'near-identical']]);
  });

  it('calls a release with a new dateline and one edited word near-identical, and an excerpt not', () => {
    const edited = `AMSTERDAM (Agency) - ${RELEASE.replace('Tuesday', 'Wednesday')}`;
    const excerpt = RELEASE.slice(0, RELEASE.length / 2);
    const copies = findCopies([RELEASE, OTHER, edited, excerpt]);
    assert.strictEqual(copies.length, 1);
    assert.deepStrictEqual([copies[0].article, copies[0].of, copies[0].kind], [2, 0, 'near-identical']);
    assert.ok(copies[0].similarity >= 0.9 && copies[0].similarity < 1, `similarity ${copies[0].similarity}`);
  });

  it('does not call two texts over the same few words copies (word order counts)', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const words = ['ka', 'lo', 'ri', 'tam', 'vor', 'du', 'sen'];
    const texts = [0, 1, 2].map(() => Array.from({ length: 3000 }, () => words[Math.floor(rand() * words.length)]).join(' '));
    assert.deepStrictEqual(findCopies(texts), []);
  });

  it('points a copy of a copy at the group\'s original', () => {
    const near = `${RELEASE} Updated at noon.`;
    const copies = findCopies([RELEASE, near, near]);
    assert.deepStrictEqual(copies.map((c) => [c.article, c.of, c.kind]), [[1, 0, 'near-identical'], [2, 0, 'near-identical']]);
  });

  it('compares 40 syndicated copies with their original only, not pair by pair', () => {
    const articles = named([...Array.from({ length: 40 }, () => RELEASE), OTHER, `${RELEASE.split('. ')[1]}. ${OTHER}`]);
    const analysis = analyzeBundle(articles);
    assert.strictEqual(analysis.copies?.length, 39);
    assert.ok(analysis.copies?.every((c) => c.of === 0 && c.kind === 'identical'));
    // 39 original–copy pairs, plus the original against the two others at most.
    const work = analysis.limits?.work;
    assert.ok(work !== undefined && work.articlePairs <= 41, `${work?.articlePairs} article pairs`);
    for (const m of analysis.matches) assert.ok(m.a.article === 0 || m.a.article >= 40, `a match between copies ${m.a.article} and ${m.b.article}`);
    // Each copy is covered by its original, every sentence, in order.
    const cover = analysis.sources[7].covers.find((c) => c.article === 0);
    assert.ok(cover !== undefined && cover.share === 1 && cover.inOrder);
    // The original still finds what the other article took from it.
    assert.ok(analysis.matches.some((m) => m.a.article === 0 && m.b.article === 41));
  });

  it('finds the same copies when stopped after every article and resumed', () => {
    const edited = `AMSTERDAM (Agency) - ${RELEASE.replace('Tuesday', 'Wednesday')}`;
    const texts = [RELEASE, OTHER, edited, RELEASE.slice(0, RELEASE.length / 2), RELEASE, edited.toUpperCase(), OTHER];
    const search = newCopySearch();
    const { result, attempts } = stopAfterEveryUnit(() => search.units, (token) => continueCopies(search, texts, token));
    assert.deepStrictEqual(result, findCopies(texts));
    assert.ok(result.length >= 3, 'the texts hold copies');
    assert.strictEqual(attempts, texts.length + 1, 'one article per attempt');
  });
});

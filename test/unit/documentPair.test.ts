import * as assert from 'assert';
import { articleFeatures } from '../../src/core/match/articleFeatures';
import { compareArticles, pairWeights } from '../../src/core/match/documentPair';
import { containedShare, scoreSentences } from '../../src/core/match/sentenceScore';
import { splitSentences } from '../../src/core/text/sentences';

const options = { minSharedWords: 6, paraphraseThreshold: 0.5 };
const features = (text: string) => articleFeatures(text, splitSentences(text), []);

describe('sentence pairs and document alignment', () => {
  const original = 'The storm destroyed the harbor wall on Monday night. Officials estimated the repairs at 40 million euros. ' +
    'The mayor asked the government for emergency funding. Fishermen said their boats were badly damaged.';
  const rewrite = 'On Monday night the storm wrecked the wall of the harbor. The mayor requested emergency money from the government. ' +
    'Repairs were estimated by officials at 40 million euros. Fishermen reported heavy damage to their boats.';
  const unrelated = 'The football club signed a new striker from Brazil. Ticket prices will rise next season, the club said.';

  it('links a rewrite sentence by sentence, including a moved sentence', () => {
    const links = compareArticles(features(original), features(rewrite), options);
    const pairs = links.map((l) => `${l.i}-${l.j}`).sort();
    assert.deepStrictEqual(pairs, ['0-0', '1-2', '2-1', '3-3']);
    assert.ok(links.every((l) => l.score > 0 && l.score <= 1));
  });

  it('finds nothing between unrelated articles', () => {
    assert.deepStrictEqual(compareArticles(features(original), features(unrelated), options), []);
  });

  it('calls a copied sentence verbatim and a lightly edited one near-verbatim', () => {
    const copy = 'A reporter wrote that the mayor asked the government for emergency funding on Tuesday.';
    const verbatim = compareArticles(features(original), features(copy), options);
    assert.strictEqual(verbatim.length, 1);
    assert.strictEqual(verbatim[0].kind, 'verbatim');
    assert.ok(verbatim[0].runs[0].length >= 6);
    const edited = compareArticles(features('Officials estimated the repairs at about 40 million euros.'), features(original), options);
    assert.strictEqual(edited[0].kind, 'near-verbatim');
  });

  it('aligns one sentence with the two halves it was split into', () => {
    const whole = 'The minister promised new pumps for the flooded delta, and she warned that the dikes would not hold another winter.';
    const split = 'The minister promised new pumps for the flooded delta. She warned that the dikes would not hold another winter.';
    const links = compareArticles(features(`Intro about weather today. ${whole} Closing remark about ferries.`), features(split), options);
    assert.deepStrictEqual(links.map((l) => `${l.i}-${l.j}`), ['1-0', '1-1']);
  });

  it('scores through key ids exactly as through the key strings', () => {
    const a = features(`${original} Minister Varnholt said the harbor would reopen in March, officials said.`);
    const b = features(`${rewrite} The harbor will reopen in March, Varnholt told reporters.`);
    const weight = pairWeights(a, b);
    assert.ok(weight.table !== undefined, 'the pair weight carries its key id table');
    // The same weights without the table: the scorer then looks every key up by its string.
    const byString = (key: string) => weight(key);
    for (const sa of a.sents) {
      for (const sb of b.sents) {
        assert.deepStrictEqual(scoreSentences(sa, sb, weight, options), scoreSentences(sa, sb, byString, options));
        assert.strictEqual(containedShare(sa, sb, weight), containedShare(sa, sb, byString));
        assert.strictEqual(containedShare(sb, sa, weight), containedShare(sb, sa, byString));
      }
    }
  });

  it('gives each pair its own weights and scores when two pairs are scored in turn (their shared work arrays are taken back)', () => {
    const a = features(original);
    const b = features(rewrite);
    const c = features(`${unrelated} The storm destroyed the harbor wall, the club said.`);
    // What each pair gives alone, computed fresh just before it is asked.
    const alone = (x: typeof a, y: typeof a) => {
      const w = pairWeights(x, y);
      return x.sents.flatMap((sx) => y.sents.map((sy) => scoreSentences(sx, sy, w, options)));
    };
    const ab = pairWeights(a, b);
    const ac = pairWeights(a, c);
    const turns: unknown[][] = [[], []];
    for (const sa of a.sents) {
      for (let k = 0; k < Math.max(b.sents.length, c.sents.length); k++) {
        if (k < b.sents.length) turns[0].push(scoreSentences(sa, b.sents[k], ab, options));
        if (k < c.sents.length) turns[1].push(scoreSentences(sa, c.sents[k], ac, options));
      }
    }
    assert.deepStrictEqual(turns[0], alone(a, b));
    assert.deepStrictEqual(turns[1], alone(a, c));
    for (const key of ['harbor', 'storm', 'club']) {
      assert.strictEqual(ab(key), pairWeights(a, b)(key), key);
      assert.strictEqual(ac(key), pairWeights(a, c)(key), key);
    }
  });
});

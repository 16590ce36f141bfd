import * as assert from 'assert';
import { PairAnchors, quoteAnchoredLinks } from '../../src/core/match/quoteAnchors';
import { comparePair, MIN_NEIGHBOUR, pairScorer } from '../../src/core/match/documentPair';
import { scoreAtLeast } from '../../src/core/match/sentenceScore';
import type { MeasuredPairs } from '../../src/core/match/documentPair';
import type { ArticleFeatures } from '../../src/core/match/articleFeatures';
import { articleFeatures } from '../../src/core/match/articleFeatures';
import { groupQuotes } from '../../src/core/match/quoteGroups';
import { splitSentences } from '../../src/core/text/sentences';
import { findQuotes } from '../../src/core/text/quotes';
import { DEFAULT_OPTIONS } from '../../src/core/options';

function featuresOf(texts: readonly string[]): ArticleFeatures[] {
  return texts.map((text) => {
    const sentences = splitSentences(text);
    return articleFeatures(text, sentences, findQuotes(text, sentences));
  });
}

/** The links PairAnchors finds for articles 0 and 1 from quoted sentences 0 and 0, given what the comparison measured. */
function pairAnchors(features: readonly ArticleFeatures[], measured?: MeasuredPairs): string[] {
  const anchors = new PairAnchors(1, features, DEFAULT_OPTIONS, undefined, measured);
  anchors.anchor(0, 0);
  return [...anchors.links.values()].map((l) => `${l.i}-${l.j} ${l.score} ${l.kind}`).sort();
}

/** The sentence pairs quotations anchor between two invented articles. */
function anchored(a: string, b: string): string[] {
  const features = featuresOf([a, b]);
  const groups = groupQuotes(features.map((f, k) => ({ quotes: f.quotes, text: [a, b][k], sentences: f.sentences })));
  const links = quoteAnchoredLinks(groups, features, DEFAULT_OPTIONS).get('0 1') ?? [];
  return links.map((l) => `${l.i}-${l.j}`).sort();
}

describe('quoteAnchoredLinks', () => {
  const said = '“The harbour wall will hold until the spring tide comes in,” Anna Lind said.';

  it('links the sentences that carry one quotation, and a neighbour that restates the counterpart', () => {
    const summary = 'The harbour wall will hold until the spring tide comes in, the engineers said.';
    assert.deepStrictEqual(anchored(`${said} ${summary}`, said), ['0-0', '1-0']);
  });

  it('does not link a neighbour that is one quoted line of another speaker (a dialogue, not a restatement)', () => {
    const reply = '“The harbour wall will hold until the spring,” Boris Olt said.';
    assert.deepStrictEqual(anchored(`${said} ${reply}`, said), ['0-0']);
  });

  it('reads what the articles\' comparison measured instead of scoring a sentence pair again, to the same links', () => {
    const features = featuresOf([
      `${said} Engineers expect the old harbour wall to hold against the spring tide next month. Ferries to the islands were cancelled for the week.`,
      `${said} The harbour wall should hold, engineers said, though the spring tide may flood the quay. Schools stay open.`,
    ]);
    const measured: MeasuredPairs = new Map();
    comparePair(features[0], features[1], DEFAULT_OPTIONS, measured);
    // The comparison scored both neighbour pairs of the quoted one (i·3 + j) without a kind: the anchors read them.
    assert.deepStrictEqual([...measured.keys()].sort(), [1, 3]);
    const links = pairAnchors(features, measured);
    assert.deepStrictEqual(links, pairAnchors(features));
    assert.deepStrictEqual(links.map((l) => l.split(' ')[0]), ['0-0', '0-1', '1-0']);
    // A sentence pair the comparison measured under the least score is not scored again: a measure that says so (here
    // falsely, for the summary facing the quote) keeps the link out.
    const summary = 'The harbour wall will hold until the spring tide comes in, the engineers said.';
    const restated = featuresOf([`${said} ${summary}`, said]);
    assert.deepStrictEqual(pairAnchors(restated).map((l) => l.split(' ')[0]), ['0-0', '1-0']);
    assert.deepStrictEqual(pairAnchors(restated, new Map([[1, 0.2]])).map((l) => l.split(' ')[0]), ['0-0']);
  });

  it('the comparison measures the neighbours of quoted sentence pairs it links, each as the anchors would score it', () => {
    const texts = [
      `Ferries to the islands were cancelled for the week. ${said} Engineers expect the old harbour wall to hold against the spring tide next month.`,
      `Schools stay open in the town. ${said} The harbour wall should hold, engineers said, though the spring tide may flood the quay.`,
    ];
    const features = featuresOf(texts);
    const measured: MeasuredPairs = new Map();
    const { links } = comparePair(features[0], features[1], DEFAULT_OPTIONS, measured);
    assert.ok(links.some((l) => l.i === 1 && l.j === 1), 'the quoted sentences link');
    const nB = features[1].sents.length;
    // The four neighbours of the quoted pair (1, 1) that the comparison does not link are measured.
    for (const [i, j] of [[0, 1], [2, 1], [1, 0], [1, 2]]) {
      if (links.some((l) => l.i === i && l.j === j)) continue;
      const m = measured.get(i * nB + j);
      assert.ok(m !== undefined, `${i}-${j} measured`);
      // A number is the least score the pair stays under; a score is the scorer's own, at that least score or above.
      const scorer = pairScorer(features[0], features[1]);
      scorer.expect(i, j);
      const own = scoreAtLeast(features[0].sents[i], features[1].sents[j], scorer.weight, DEFAULT_OPTIONS, typeof m === 'number' ? m : MIN_NEIGHBOUR);
      if (typeof m === 'number') assert.strictEqual(own, null, `${i}-${j} stays under ${m}`);
      else assert.deepStrictEqual(m, own);
    }
    // The unrelated first sentences facing the quotes are no candidates of the comparison: measured as neighbours only.
    assert.strictEqual(measured.get(0 * nB + 1), MIN_NEIGHBOUR);
    assert.strictEqual(measured.get(1 * nB + 0), MIN_NEIGHBOUR);
    // The anchors read them, to the links they find alone.
    const anchors = (known?: MeasuredPairs) => {
      const a = new PairAnchors(1, features, DEFAULT_OPTIONS, undefined, known);
      a.anchor(1, 1);
      return [...a.links.values()];
    };
    assert.deepStrictEqual(anchors(measured), anchors());
  });
});

import * as assert from 'assert';
import { PairAnchors, quoteAnchoredLinks } from '../../src/core/match/quoteAnchors';
import { comparePair } from '../../src/core/match/documentPair';
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
});

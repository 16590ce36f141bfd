import * as assert from 'assert';
import { quoteAnchoredLinks } from '../../src/core/match/quoteAnchors';
import { articleFeatures } from '../../src/core/match/articleFeatures';
import { groupQuotes } from '../../src/core/match/quoteGroups';
import { splitSentences } from '../../src/core/text/sentences';
import { findQuotes } from '../../src/core/text/quotes';
import { DEFAULT_OPTIONS } from '../../src/core/options';

/** The sentence pairs quotations anchor between two invented articles. */
function anchored(a: string, b: string): string[] {
  const features = [a, b].map((text) => {
    const sentences = splitSentences(text);
    return articleFeatures(text, sentences, findQuotes(text, sentences));
  });
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
});

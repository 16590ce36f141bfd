import * as assert from 'assert';
import * as fc from 'fast-check';
import { seqWordBits, wordingSeq } from '../../src/core/match/quoteWording';

describe('quote wording: the word filter of a wording', () => {
  // Few distinct words (some of them prefixes or suffixes of others, one empty), so that many
  // wordings occur inside others, and some strings do without their words being whole words there.
  const word = fc.constantFrom('', 'a', 'an', 'and', 'nd', 'make', 'sure', 'make sure', 'deal', 'dea', 'ideal', '12', 'é', 'x'.repeat(40));
  const seq = fc.array(word, { maxLength: 8 }).map((ws) => ` ${ws.join(' ')} `);

  it('a wording found inside another has no word bit the other lacks', () => {
    fc.assert(
      fc.property(seq, seq, seq, (before, middle, after) => {
        // The longer one contains the middle one, as fragmentOf searches for it.
        const long = `${before.slice(0, -1)}${middle}${after.slice(1)}`;
        assert.ok(long.includes(middle));
        assert.strictEqual(seqWordBits(middle) & ~seqWordBits(long), 0, `${JSON.stringify(middle)} in ${JSON.stringify(long)}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('tells most different wordings apart without a search', () => {
    const pairs = [['we will not be rushed', 'into a deal'], ['the herring stock', 'must recover'], ['twelve ships', 'a dozen boats']];
    for (const [a, b] of pairs) assert.notStrictEqual(seqWordBits(wordingSeq(a)) & ~seqWordBits(wordingSeq(b)), 0, `${a} / ${b}`);
  });
});

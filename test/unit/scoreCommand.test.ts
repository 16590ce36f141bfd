import * as assert from 'assert';
import { scorePairs } from '../../src/cli/scoreCommand';

describe('scorePairs (parallax score)', () => {
  it('ranks a paraphrase above an unrelated pair and calls a copy verbatim', () => {
    const [copy, para, none] = scorePairs([
      ['The cat sat on the mat by the door.', 'The cat sat on the mat by the door.'],
      ['The president met allies in Brussels on Tuesday.', 'On Tuesday the president held talks with allies in Brussels.'],
      ['It rained all day in the hills.', 'Stocks fell sharply on Wall Street.'],
    ]);
    assert.strictEqual(copy.kind, 'verbatim');
    assert.strictEqual(copy.score, 1);
    assert.ok(para.score > 0.5 && para.kind !== 'none', JSON.stringify(para));
    assert.deepStrictEqual(none, { score: 0, kind: 'none' });
  });
});

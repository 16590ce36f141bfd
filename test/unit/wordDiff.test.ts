import * as assert from 'assert';
import * as fc from 'fast-check';
import { wordDiff } from '../../src/core/text/wordDiff';

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('wordDiff', () => {
  it('is one equal part for the same words, whatever the case', () => {
    assert.deepStrictEqual(wordDiff('High on the agenda', 'high on the agenda').map((p) => p.op), ['equal']);
  });

  it('shows what a rewording dropped and what it added', () => {
    const parts = wordDiff('we make it so easy for the Russians', 'we inadvertently ease the situation for the Russians');
    const removed = parts.filter((p) => p.op === 'removed').map((p) => p.text).join(' ');
    const added = parts.filter((p) => p.op === 'added').map((p) => p.text).join(' ');
    assert.match(removed, /make/);
    assert.match(removed, /easy/);
    assert.match(added, /inadvertently/);
    assert.match(added, /situation/);
    assert.ok(parts.some((p) => p.op === 'equal' && /for the Russians/.test(p.text)));
  });

  it('never puts two parts of the same kind side by side', () => {
    const parts = wordDiff('a b c d e f', 'a x y d z f');
    for (let i = 1; i < parts.length; i++) {
      assert.notStrictEqual(parts[i].op, parts[i - 1].op);
    }
  });

  it('rebuilds both wordings from its parts', () => {
    const word = fc.constantFrom('the', 'deal', 'talks', 'Russia', 'peace', 'will', 'start', 'now', ',', '.');
    const sentence = fc.array(word, { maxLength: 12 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(sentence, sentence, (a, b) => {
        const parts = wordDiff(a, b);
        assert.strictEqual(squash(parts.filter((p) => p.op !== 'added').map((p) => p.text).join(' ')).replace(/ /g, ''), a.replace(/ /g, '').replace(/\s/g, ''));
        assert.strictEqual(squash(parts.filter((p) => p.op !== 'removed').map((p) => p.text).join(' ')).replace(/ /g, '').toLowerCase(), b.replace(/ /g, '').toLowerCase());
      }),
      { numRuns: 200 },
    );
  });
});

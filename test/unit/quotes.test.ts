import * as assert from 'assert';
import * as fc from 'fast-check';
import { findQuotes, isSpaceCode, mayStandAfterClose, mayStandBeforeOpen, scanQuotes } from '../../src/core/text/quotes';
import { splitSentences } from '../../src/core/text/sentences';

const texts = (text: string): string[] => scanQuotes(text).map((q) => q.text);

describe('scanQuotes: quotation marks', () => {
  it('finds curly double quotes with exact offsets', () => {
    const text = 'He said “hello world” today.';
    const [q] = scanQuotes(text);
    assert.strictEqual(q.text, 'hello world');
    assert.strictEqual(text.slice(q.start, q.end), '“hello world”');
    assert.strictEqual(text.slice(q.inner.start, q.inner.end), 'hello world');
  });

  it('finds straight, double-prime, guillemet and low-9 quotes', () => {
    assert.deepStrictEqual(texts('"Yes, we will," she said.'), ['Yes, we will,']);
    assert.deepStrictEqual(texts('making support its ″absolute priority″ and giving it ″the means to win,″ the office said.'), ['absolute priority', 'the means to win,']);
    assert.deepStrictEqual(texts('Il a dit « nous restons » hier.'), [' nous restons ']);
    assert.deepStrictEqual(texts('Er sagte „Guten Tag“ und ging.'), ['Guten Tag']);
    assert.deepStrictEqual(texts('Er sagte »Guten Tag« und ging.'), ['Guten Tag']);
  });

  it('finds single quotes, curly and straight, and tells them from apostrophes', () => {
    assert.deepStrictEqual(texts('She called it ‘a disaster’ yesterday.'), ['a disaster']);
    assert.deepStrictEqual(texts("'We need to continue the support,' Rutte says"), ['We need to continue the support,']);
    assert.deepStrictEqual(texts('Ukraine’s army, the ’90s, rock ’n’ roll and the leaders’ summit'), []);
    assert.deepStrictEqual(texts("Ukraine's army, the '90s, rock 'n' roll, don't and the leaders' summit"), []);
    assert.deepStrictEqual(texts('It was ‘the leaders’ summit that failed’, he said.'), ['the leaders’ summit that failed']);
  });

  it('keeps apostrophes inside quotes', () => {
    assert.deepStrictEqual(texts('He added "I think it\'s a very good opportunity."'), ["I think it's a very good opportunity."]);
    assert.deepStrictEqual(texts('“I know there’s lots of speculation,” he added.'), ['I know there’s lots of speculation,']);
  });

  it('finds partial quotes inside a sentence', () => {
    assert.deepStrictEqual(texts('Rutte said a “joint structure” will make sure both sides “capture all the lessons” soon.'), ['joint structure', 'capture all the lessons']);
  });

  it('finds nested quotes', () => {
    const found = scanQuotes('“He told me ‘never again’ twice,” she said.');
    assert.deepStrictEqual(found.map((q) => [q.text, q.depth]), [['He told me ‘never again’ twice,', 0], ['never again', 1]]);
  });

  it('follows a quote across paragraphs when the next paragraph reopens it', () => {
    const text = '“We have had two storms in six years.\n\n“If nothing is done, I would not live there,” he said.\nNext.';
    const found = scanQuotes(text);
    assert.strictEqual(found.length, 1);
    assert.strictEqual(found[0].text, 'We have had two storms in six years. If nothing is done, I would not live there,');
    assert.strictEqual(text.slice(found[0].start, found[0].start + 1), '“');
    assert.strictEqual(text.slice(found[0].end - 1, found[0].end), '”');
    assert.deepStrictEqual(texts(text.replace(/\n/g, '\r\n')), [found[0].text]);
  });

  it('follows straight quotes across paragraphs too, and nests single straight quotes', () => {
    assert.deepStrictEqual(texts('"First part.\n"Second part," he said.'), ['First part. Second part,']);
    assert.deepStrictEqual(scanQuotes('"He said \'no way\' to me," she said.').map((q) => [q.text, q.depth]), [["He said 'no way' to me,", 0], ['no way', 1]]);
  });

  it('closes a quote followed directly by a letter (a missing space)', () => {
    assert.deepStrictEqual(texts('The "peace plan"was rejected.'), ['peace plan']);
  });

  it('pairs mixed curly and straight marks, as news copy mixes them', () => {
    assert.deepStrictEqual(texts('“The risk pool is out of balance," the group wrote. "A correction is needed.“ Next.'), [
      'The risk pool is out of balance,',
      'A correction is needed.',
    ]);
    assert.deepStrictEqual(texts('"But Pete Wilson won,” Axelrod said.'), ['But Pete Wilson won,']);
    assert.deepStrictEqual(texts('the claim that it was “definitely not support" him'), ['definitely not support']);
  });

  it('closes a straight quote on a mark after punctuation, and opens a curly one after a closing mark', () => {
    assert.deepStrictEqual(texts('"We will win,"Katie Packer said. "More and more."'), ['We will win,', 'More and more.']);
    assert.deepStrictEqual(texts('the study “is clear.”“Your facts are wrong,”Ramos wrote.'), ['is clear.', 'Your facts are wrong,']);
  });

  it('drops a quote left open at the end of its paragraph', () => {
    assert.deepStrictEqual(texts('He said “this never closes.\nThe next paragraph has “its own” quote.'), ['its own']);
  });

  it('does not take inch marks or stray marks for quotes', () => {
    assert.deepStrictEqual(texts('a 5" screen and a 10" one'), []);
    assert.deepStrictEqual(texts('” closing first, then “ opening last'), []);
  });

  it('never throws and keeps offsets inside the text, on any input', () => {
    const alphabet = fc.constantFrom(...'ab Z.,;:\n\'"“”‘’„«»‹›″‚-—'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 200 }).map((a) => a.join('')), (text) => {
        const found = findQuotes(text, []);
        for (const q of found) {
          assert.ok(q.start >= 0 && q.start < q.inner.start && q.inner.start <= q.inner.end && q.inner.end < q.end && q.end <= text.length);
        }
        for (let i = 1; i < found.length; i++) {
          assert.ok(found[i - 1].start <= found[i].start);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on news-like soup, with real or nonsense sentences', () => {
    const piece = fc.constantFrom('Rutte', 'Mark', 'said', 'he', 'she', 'told', 'reporters', 'the', 'minister', 'according to', 'Macron’s office',
      ',', '.', ':', '“', '”', '"', "'", '‘', '’', '″', '\n', '\n\n', 'I think', 'it’s', '’90s', 'of', 'Kallas', 'added');
    const sentence = fc.record({ start: fc.integer({ min: -5, max: 300 }), end: fc.integer({ min: -5, max: 300 }), paragraph: fc.nat(5) });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }).map((a) => a.join(' ')), fc.array(sentence, { maxLength: 8 }), fc.boolean(), (text, bogus, real) => {
        const quotes = findQuotes(text, real ? splitSentences(text) : bogus);
        for (const q of quotes) {
          assert.ok(q.end <= text.length && (q.speaker === null) === (q.speakerKey === null));
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('scanQuotes: character classes by code', () => {
  it('tells space, what may stand before an opening mark and after a closing one as the regular expressions do, for every code unit', () => {
    // The expressions the scanner used before it read character codes.
    const space = /\s/;
    const beforeOpen = /[\s([{\u2014\u2013\-/:;,…]/;
    const afterClose = /[\s.,;:!?)\]}\u2014\u2013\-/…*]/;
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      assert.strictEqual(isSpaceCode(c), space.test(ch), `space ${c.toString(16)}`);
      assert.strictEqual(mayStandBeforeOpen(c), beforeOpen.test(ch), `before open ${c.toString(16)}`);
      assert.strictEqual(mayStandAfterClose(c), afterClose.test(ch), `after close ${c.toString(16)}`);
    }
    assert.strictEqual(isSpaceCode(-1), false);
  });
});

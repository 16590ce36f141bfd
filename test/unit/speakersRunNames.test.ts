import * as assert from 'assert';
import { forEachNameRun } from '../../src/core/text/speakerSubjects';
import { nameAt, runNameOf, runSlot, spellingAt } from '../../src/core/text/speakersRunNames';

/** Every capitalized run of `text`, read through the table and straight from runNameOf. */
function check(text: string): number {
  let runs = 0;
  forEachNameRun(text, (start, end) => {
    const raw = text.slice(start, end);
    const slot = runSlot(text, start, end);
    assert.strictEqual(spellingAt(slot), raw);
    assert.deepStrictEqual(nameAt(slot), runNameOf(raw), raw);
    runs++;
  });
  return runs;
}

describe('speakersRunNames: the names of capitalized runs, kept per spelling', () => {
  it('reads each run as runNameOf reads it cut out', () => {
    const text = 'Mark Rutte met Kaja Kallas. Rutte said NATO would act. Separation From Wife Huma Abedin. Mr. King and Ursula von der Leyen.';
    assert.ok(check(text) >= 5);
    // Again, now from the table: the same answers, and one string per spelling.
    check(text);
    const first = runSlot(text, 0, 'Mark Rutte'.length);
    assert.strictEqual(spellingAt(first), 'Mark Rutte');
    assert.strictEqual(nameAt(first)?.key, 'rutte');
    // A headline in title case names nobody.
    const at = text.indexOf('Separation');
    assert.strictEqual(nameAt(runSlot(text, at, text.indexOf('.', at))), null);
  });

  it('stays right once more spellings than it keeps have passed', () => {
    // 25,000 distinct runs (the table starts over at 20,000), then the first ones again.
    const words: string[] = [];
    for (let i = 0; i < 25_000; i++) words.push(`Q${i.toString(36)}x`);
    const text = words.join(' met ');
    assert.strictEqual(check(text), 25_000);
    check(words.slice(0, 50).join(' and '));
  });
});

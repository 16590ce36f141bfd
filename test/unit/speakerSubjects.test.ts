import * as assert from 'assert';
import { DESCRIBED_NAME_AT_START, NAME_ANYWHERE, NAME_RUN, forEachNameRun, isNumberWord, lettersBeforeDot, mayOpenWithWordAndSpace, nameAtStart, subjectAfter, nameRightBefore, subjectBefore } from '../../src/core/text/speakerSubjects';
import { isAmount, isSpaceCode, phraseBefore } from '../../src/core/text/speakerPhrases';
import { countWork } from './workCounter';

describe('subjects read from the end of the text before a cue', () => {
  // The text before a cue verb is up to 300 characters of its sentence; the subject ends it.
  const lead = (n: number): string => 'Officials met in the capital on a long day of talks and plans, and '.repeat(n);
  const ends = ['Ursula von der Leyen', 'Mark Rutte also', "Macron's press office", 'the foreign minister', 'the minister of Lirania', 'he', 'many officials', 'Rutte on Monday', 'a Times article'];

  it('finds the same subject whatever comes before it', () => {
    for (const end of ends) {
      assert.deepStrictEqual(subjectBefore(lead(8) + end), subjectBefore(lead(1) + end), end);
      assert.deepStrictEqual(phraseBefore(lead(8) + end), phraseBefore(lead(1) + end), end);
    }
    assert.deepStrictEqual(subjectBefore(`${lead(3)}Ursula von der Leyen`), { kind: 'name', text: 'Ursula von der Leyen', person: 'Ursula von der Leyen' });
    assert.deepStrictEqual(subjectBefore(`${lead(3)}Mark Rutte on Monday`), { kind: 'name', text: 'Mark Rutte', person: 'Mark Rutte' });
    assert.deepStrictEqual(subjectBefore(`${lead(3)}many officials`), { kind: 'phrase', text: 'many officials' });
    assert.deepStrictEqual(nameRightBefore(`${lead(3)}footage of Trump`), { kind: 'name', text: 'Trump', person: 'Trump' });
  });

  it('reads only the end of that text: the work does not grow with what comes before the subject', () => {
    // Before, each pattern that ends with $ was tried at every offset of the text (the work grew
    // 2.5× to 8×). Ends with a time or a complement are left out: the counter counts the text cut
    // before them (a slice), which V8 does not copy.
    for (const end of ends.filter((e) => !/also|Monday| of /.test(e))) {
      subjectBefore(end); // names are read once and kept: the work counted is the reading of the text
      const short = countWork(() => subjectBefore(lead(1) + end));
      const long = countWork(() => subjectBefore(lead(8) + end));
      assert.ok(long <= short * 1.5, `${end}: ${short} → ${long}`);
    }
  });

  it('skips the words that may stand between a subject and its verb, and no others', () => {
    const rutte = { kind: 'name', text: 'Mark Rutte', person: 'Mark Rutte' };
    for (const between of ['also', 'had also', 'repeatedly', 'quietly', 'on Monday', 'at the time', 'last week', 'this morning', 'on Twitter', 'has\u00a0since']) {
      const expected = between === 'has\u00a0since' ? { kind: 'none', text: '' } : rutte;
      assert.deepStrictEqual(subjectBefore(`${lead(1)}Mark Rutte ${between} `), expected, between);
    }
    // "rally" ends in -ly but is no adverb; "Timely" is no "time".
    assert.notDeepStrictEqual(subjectBefore(`${lead(1)}Mark Rutte rally`), rutte);
    assert.notDeepStrictEqual(subjectBefore(`${lead(1)}Mark Rutte Timely`), rutte);
  });

  it('reads a phrase back to its determiner, stopped by a verb only before it', () => {
    assert.strictEqual(phraseBefore('Officials met, and the retired neurosurgeon'), 'the retired neurosurgeon');
    assert.strictEqual(phraseBefore('He spoke to the chair of the DNC'), 'the chair of the DNC');
    assert.strictEqual(phraseBefore('In the morning the officials emailed reporters'), null);
    assert.strictEqual(phraseBefore('the minister of Lirania emailed'), null);
    assert.strictEqual(phraseBefore('Trump issued a statement'), null);
    assert.strictEqual(phraseBefore('Trump said the senator'), 'the senator');
    assert.strictEqual(phraseBefore('most reporters covering the vote'), null);
    assert.strictEqual(phraseBefore('Another intelligence source speaking to Fox News'), 'Another intelligence source');
    assert.strictEqual(phraseBefore('a senior official of the party in the capital'), 'a senior official of the party in the capital');
  });

  it('tells white space by char code as \\s does', () => {
    for (let c = 0; c < 0x10000; c++) {
      assert.strictEqual(isSpaceCode(c), /\s/.test(String.fromCharCode(c)), c.toString(16));
    }
  });
});

describe('capitalized runs', () => {
  const runsOf = (text: string): number[][] => {
    const runs: number[][] = [];
    forEachNameRun(text, (start, end) => runs.push([start, end]));
    return runs;
  };
  const byPattern = (text: string): number[][] => [...text.matchAll(new RegExp(NAME_ANYWHERE.source, 'gu'))].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);

  it('finds the runs NAME_ANYWHERE finds, one-word runs read by char code', () => {
    const texts = [
      'Riek said Ursula von der Leyen and Mark Rutte met NATO chiefs. S, Q; Zzc. O’Neil-Smith de Gaulle',
      'Officials in Kyiv said: “Zelenskyy will go.” A Ralprefen To Nopatqui And Ostka\nQuiekcalpat Dorsarvor.',
      'É Ärzte warnen Émile Zola\u00a0Dreyfus x\u0301Y Ab\u0301c \ud835\udc00Bc Q\ud835\udc00 Jean  de  la Fontaine Van van',
    ];
    // Random code units, as random bytes decode to: capitals next to marks, spaces, surrogates and replacement characters.
    let seed = 42;
    const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const units = [0x41, 0x5a, 0x61, 0x7a, 0x20, 0x27, 0x2e, 0x2d, 0x2c, 0x0a, 0xa0, 0xc9, 0xe9, 0x301, 0x2019, 0xfffd, 0xfffc, 0xd835, 0xdc00, 0x3b1, 0x391];
    for (let t = 0; t < 200; t++) {
      texts.push(String.fromCharCode(...Array.from({ length: 80 }, () => units[next(units.length)])));
      texts.push(String.fromCharCode(...Array.from({ length: 80 }, () => next(0x10000))));
    }
    for (const text of texts) {
      assert.deepStrictEqual(runsOf(text), byPattern(text), JSON.stringify(text));
    }
  });
});

describe('patterns told by char code when the text is ASCII', () => {
  let seed = 5;
  const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const units = ['o', 'n', 'e', 'T', 'W', 'h', 'i', 'r', 't', 'y', 'S', 'f', 'u', 'd', 's', '-', '.', 'é', '\u017f', 'K', '\u212a', '@', '[', '\u000e', 'x', 'A'];
  const words = ['one', 'Two', 'THREE', 'Twenty-one', 'ſix', 'seventy', 'hundreds', 'Thousand', 'ninety-éa', 'on', 'Eva', 'Anna.', 'Tom.', 'Dr.', 'Zoë.', 'ab.', '.', ''];
  for (let t = 0; t < 3000; t++) words.push(Array.from({ length: 1 + next(7) }, () => units[next(units.length)]).join(''));

  it('isNumberWord and lettersBeforeDot tell what their patterns tell', () => {
    const numberWord = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?)(?:-\p{L}+)?$/iu;
    for (const w of words) {
      assert.strictEqual(isNumberWord(w), numberWord.test(w), JSON.stringify(w));
      const dotted = `${w}.`;
      assert.strictEqual(lettersBeforeDot(dotted), /\p{L}{3,}\.$/u.test(dotted), JSON.stringify(dotted));
    }
  });
});

describe('the name after an inverted cue', () => {
  let seed = 3;
  const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const pieces = [' ', '  ', '\u00a0', 'Anna', 'anna', 'de', 'von', 'Eva.', 'him', 'told', ',', '.', "'s", '’s office', 'É', 'é', '\u0301', '-', 'x', 'Q', '\ud835\udc00', '\uFFFC', '\n', '3'];
  const texts = [' Anna.', ' him Anna.', ' Ursula von der Leyen, who', ' election lawyer Joe Birkenstock.', '', '   ', ' anna', ' Émile Zola'];
  for (let t = 0; t < 3000; t++) texts.push(Array.from({ length: next(7) }, () => pieces[next(pieces.length)]).join(''));

  it('reads what NAME_AT_START reads, and tries DESCRIBED_NAME_AT_START wherever it can match', () => {
    const nameAtStartPattern = new RegExp(`^\\s*(${NAME_RUN})`, 'u');
    for (const text of texts) {
      const m = nameAtStartPattern.exec(text);
      assert.deepStrictEqual(nameAtStart(text), m === null ? null : [m[0], m[1]], JSON.stringify(text));
      if (!mayOpenWithWordAndSpace(text)) assert.strictEqual(DESCRIBED_NAME_AT_START.exec(text), null, JSON.stringify(text));
    }
    assert.deepStrictEqual(subjectAfter(' Anna.'), { kind: 'name', text: 'Anna', person: 'Anna' });
    assert.deepStrictEqual(subjectAfter(' him Anna.'), { kind: 'name', text: 'Anna', person: 'Anna' });
  });
});

describe('isAmount', () => {
  it('tells what /^\\d[\\d,.]*%?$/ tells', () => {
    for (const w of ['63', '1,000', '2.5%', '%', '', 'a1', '1a', '\u0661', '12%%', '9.', ',1']) {
      assert.strictEqual(isAmount(w), /^\d[\d,.]*%?$/.test(w), JSON.stringify(w));
    }
  });
});

import * as assert from 'assert';
import { ArticleNames, foldSurname, hasSpaceOr, looksLikeName, nameFacts, nameWords, speakerKey, startsWithCapital } from '../../src/core/text/names';

describe('speakerKey and names', () => {
  it('gives transliteration variants one key', () => {
    const keys = ['Zelensky', 'Zelenskyy', 'Zelenskiy', 'Zelenski', 'Volodymyr Zelensky', 'President Volodymyr Zelenskyy', 'Ukrainian President Zelenskiy'].map(speakerKey);
    assert.deepStrictEqual(new Set(keys), new Set(['zelensky']));
    assert.strictEqual(speakerKey('Dmitrii Peskov'), speakerKey('Dmitry Peskov'));
    assert.strictEqual(speakerKey('Romanoff'), speakerKey('Romanov'));
    assert.strictEqual(speakerKey('Šefčovič'), speakerKey('Sefcovic'));
    assert.strictEqual(speakerKey('Medvedyev'), speakerKey('Medvedev'));
  });

  it('keys a person by surname, without titles', () => {
    for (const n of ['Mark Rutte', 'Rutte', 'NATO Secretary-General Mark Rutte', 'Dutch Prime Minister Mark Rutte', 'Mr. Rutte']) {
      assert.strictEqual(speakerKey(n), 'rutte', n);
    }
    assert.strictEqual(speakerKey('Macron’s office'), 'macron');
    assert.strictEqual(speakerKey("Macron's spokesman"), 'macron');
    assert.strictEqual(speakerKey('Martin Luther King Jr.'), 'king');
  });

  it('keeps descriptions that are not names as folded phrases', () => {
    assert.strictEqual(speakerKey('the statement'), 'the statement');
    assert.strictEqual(speakerKey('The  Minister'), 'the minister');
    assert.strictEqual(speakerKey(''), null);
    assert.strictEqual(speakerKey(null), null);
  });

  it('strips titles and descriptions from a name', () => {
    assert.deepStrictEqual(nameWords('French President Emmanuel Macron'), ['Emmanuel', 'Macron']);
    assert.deepStrictEqual(nameWords('British foreign minister David Lammy'), ['David', 'Lammy']);
    assert.deepStrictEqual(nameWords('Ursula von der Leyen'), ['Ursula', 'von', 'der', 'Leyen']);
    assert.strictEqual(foldSurname('Zelenskyy'), 'zelensky');
  });

  it('resolves surname-only mentions to the full name seen earlier in the article', () => {
    const names = new ArticleNames();
    assert.strictEqual(names.add('NATO Secretary-General Mark Rutte'), 'Mark Rutte');
    assert.strictEqual(names.add('Rutte'), 'Mark Rutte');
    assert.strictEqual(names.resolve('Rutte'), 'Mark Rutte');
    names.add('President Volodymyr Zelensky');
    assert.strictEqual(names.resolve('Zelenskyy'), 'Volodymyr Zelensky');
    assert.strictEqual(names.resolve('Kallas'), 'Kallas');
  });

  it('records the facts of a name as add records its display form', () => {
    const byFacts = new ArticleNames();
    const byDisplay = new ArticleNames();
    // "Mr. King" shows as "King", whose own facts differ (a title alone is no name): looked up again.
    for (const n of ['Rutte', 'NATO Secretary-General Mark Rutte', 'Mr. King', 'King', 'Martin Luther King Jr.', 'Kallas']) {
      assert.strictEqual(byFacts.addFacts(nameFacts(n)), byDisplay.add(nameFacts(n).display), n);
    }
    for (const n of ['Rutte', 'King', 'Kallas']) {
      assert.strictEqual(byFacts.resolve(n), byDisplay.resolve(n), n);
    }
    assert.strictEqual(nameFacts('Mark Rutte').plain, true);
    assert.strictEqual(nameFacts('Mr. King').plain, false);
  });

  it('records a name with its facts at hand as add records the name', () => {
    const withFacts = new ArticleNames();
    const plain = new ArticleNames();
    for (const n of ['Rutte', 'NATO Secretary-General Mark Rutte', ' Mr. King ', 'King', 'the minister', 'Kallas', 'Rutte']) {
      assert.strictEqual(withFacts.addWithFacts(n, nameFacts(n)), plain.add(n), n);
    }
    for (const n of ['Rutte', 'King', 'Kallas']) {
      assert.strictEqual(withFacts.resolve(n), plain.resolve(n), n);
    }
  });
});

describe('startsWithCapital and honorific names', () => {
  it('tells what /^\\p{Lu}/u tells, and keeps "Mr. King" a name', () => {
    for (const w of ['Anna', 'anna', '', 'É', 'é', '\ud835\udc00x', '1a', '@', '[', 'Ω', 'ω']) {
      assert.strictEqual(startsWithCapital(w), /^\p{Lu}/u.test(w), JSON.stringify(w));
    }
    assert.strictEqual(looksLikeName('  Mr. King '), true);
    assert.strictEqual(looksLikeName('Dr King'), true);
    assert.strictEqual(looksLikeName('The Minister'), false);
  });
});

describe('hasSpaceOr', () => {
  it('tells what /[\\s,]/ and /\\s/ tell', () => {
    for (const t of ['Anna', 'Anna Lind', 'Lind,', '', ' ', '\u00a0', '\ufeff', 'a\u2028b', 'x\u200bx', 'a\tb', 'a;b']) {
      assert.strictEqual(hasSpaceOr(t, 44), /[\s,]/.test(t), JSON.stringify(t));
      assert.strictEqual(hasSpaceOr(t, 32), /\s/.test(t), JSON.stringify(t));
    }
    assert.deepStrictEqual(nameWords('Mark'), ['Mark']);
    assert.deepStrictEqual(nameWords('"Mark"'), ['Mark']);
    assert.deepStrictEqual(nameWords('?'), []);
  });
});

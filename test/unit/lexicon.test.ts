import * as assert from 'assert';
import { SpellingTable, contentIdOf, contentKey, reserveWordIds, spellingFacts, spellingFactsAt, stemWord, wordFacts, wordIdGeneration, wordIdOf } from '../../src/core/match/lexicon';
import type { WordFacts } from '../../src/core/match/lexicon';
import { foldWord } from '../../src/core/text/normalize';
import { contentKeyIds } from '../../src/core/match/internKey';
import { FNV_OFFSET, fnv1aUpdate } from '../../src/core/hash';

describe('lexicon', () => {
  it('stems inflections together and maps synonyms to one key', () => {
    assert.strictEqual(stemWord('negotiations'), stemWord('negotiate'));
    assert.strictEqual(stemWord('discussing'), stemWord('discussed'));
    assert.strictEqual(contentKey('talks'), contentKey('negotiations'));
    assert.strictEqual(contentKey('bolster'), contentKey('strengthen'));
    assert.strictEqual(contentKey('the'), null);
    assert.notStrictEqual(contentKey('pumps'), contentKey('wall'));
  });

  it("carries the hash of each content word's key (the first half of its shingles' hash), 0 for a function word", () => {
    const talks = wordFacts('talks');
    assert.strictEqual(talks.contentHash, fnv1aUpdate(FNV_OFFSET, talks.content ?? ''));
    assert.strictEqual(talks.contentHash, wordFacts('negotiations').contentHash, 'one key, one hash');
    assert.strictEqual(wordFacts('the').contentHash, 0);
  });

  it("gives each content word its key's shared id, looked up again when the facts are of an older generation", () => {
    const talks = wordFacts('talks');
    assert.strictEqual(contentIdOf(talks), contentIdOf(wordFacts('negotiations')), 'one key, one id');
    assert.strictEqual(contentKeyIds.keyOf(contentIdOf(talks)), talks.content);
    assert.strictEqual(contentIdOf(wordFacts('the')), -1);
    const stale = { ...talks, contentId: 123456, idGeneration: contentKeyIds.generation - 1 };
    assert.strictEqual(contentIdOf(stale), contentIdOf(talks));
  });

  it('gives each word one id per generation: the same for its every spelling, another for another word, and afresh after a new generation', () => {
    const talks = wordIdOf(wordFacts('talks'));
    assert.strictEqual(wordIdOf(spellingFacts('Talks')), talks, 'one folded word, one id');
    assert.notStrictEqual(wordIdOf(wordFacts('negotiations')), talks, 'one key, but another word');
    assert.strictEqual(wordIdOf(wordFacts('talks')), talks, 'asked again');
    const generation = wordIdGeneration();
    reserveWordIds(2 ** 30);
    assert.strictEqual(wordIdGeneration(), generation + 1, 'no room left: a new generation');
    const renewed = wordIdOf(wordFacts('the'));
    assert.strictEqual(renewed, 0, 'ids are given afresh from 0');
    assert.strictEqual(wordIdOf(wordFacts('talks')), 1);
    assert.strictEqual(wordIdOf(wordFacts('the')), renewed);
  });

  it('looks a spelling up by its offsets in a text: the facts of its folded form, the same object every time', () => {
    const text = 'The Defence ministry’s defence plans; DEFENCE.';
    const at = (word: string, from = 0) => text.indexOf(word, from);
    const facts = spellingFactsAt(text, at('Defence'), at('Defence') + 7);
    assert.strictEqual(facts, wordFacts(foldWord('Defence')));
    assert.strictEqual(facts.norm, 'defense');
    assert.strictEqual(spellingFactsAt(text, at('ministry’s'), at('ministry’s') + 10).norm, "ministry's");
    assert.strictEqual(spellingFacts('Defence'), facts, 'a spelling looked up as a string or by offsets is one entry');
    assert.strictEqual(spellingFactsAt(text, at('DEFENCE'), at('DEFENCE') + 7).norm, 'defense');
  });

  it('keeps every spelling it is asked while it grows, and starts afresh past its bound', () => {
    const computed: string[] = [];
    const table = new SpellingTable(3000, (spelling): WordFacts => {
      computed.push(spelling);
      return wordFacts(foldWord(spelling));
    });
    const words = Array.from({ length: 2500 }, (_, i) => `w${i}`);
    const text = words.join(' ');
    let at = 0;
    const spans = words.map((w): [number, number] => [at, (at += w.length + 1) - 1]);
    for (const round of [1, 2]) {
      for (const [start, end] of spans) assert.strictEqual(table.factsAt(text, start, end).norm, text.slice(start, end), `round ${round}`);
    }
    assert.strictEqual(computed.length, 2500, 'each spelling computed once while the table has room');
    assert.strictEqual(table.size, 2500);
    for (let i = 2500; i < 3100; i++) table.factsAt(`w${i}`, 0, `w${i}`.length);
    assert.ok(table.size <= 3000 && table.size >= 100, `cleared at its bound (${table.size})`);
    assert.strictEqual(table.factsAt('w3099', 0, 5).norm, 'w3099');
  });
});

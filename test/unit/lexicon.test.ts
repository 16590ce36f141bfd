import * as assert from 'assert';
import { contentIdOf, contentKey, stemWord, wordFacts } from '../../src/core/match/lexicon';
import { contentKeyIds } from '../../src/core/match/internKey';

describe('lexicon', () => {
  it('stems inflections together and maps synonyms to one key', () => {
    assert.strictEqual(stemWord('negotiations'), stemWord('negotiate'));
    assert.strictEqual(stemWord('discussing'), stemWord('discussed'));
    assert.strictEqual(contentKey('talks'), contentKey('negotiations'));
    assert.strictEqual(contentKey('bolster'), contentKey('strengthen'));
    assert.strictEqual(contentKey('the'), null);
    assert.notStrictEqual(contentKey('pumps'), contentKey('wall'));
  });

  it("gives each content word its key's shared id, looked up again when the facts are of an older generation", () => {
    const talks = wordFacts('talks');
    assert.strictEqual(contentIdOf(talks), contentIdOf(wordFacts('negotiations')), 'one key, one id');
    assert.strictEqual(contentKeyIds.keyOf(contentIdOf(talks)), talks.content);
    assert.strictEqual(contentIdOf(wordFacts('the')), -1);
    const stale = { ...talks, contentId: 123456, idGeneration: contentKeyIds.generation - 1 };
    assert.strictEqual(contentIdOf(stale), contentIdOf(talks));
  });
});

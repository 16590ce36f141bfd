import * as assert from 'assert';
import { contentKey, stemWord } from '../../src/core/match/lexicon';

describe('lexicon', () => {
  it('stems inflections together and maps synonyms to one key', () => {
    assert.strictEqual(stemWord('negotiations'), stemWord('negotiate'));
    assert.strictEqual(stemWord('discussing'), stemWord('discussed'));
    assert.strictEqual(contentKey('talks'), contentKey('negotiations'));
    assert.strictEqual(contentKey('bolster'), contentKey('strengthen'));
    assert.strictEqual(contentKey('the'), null);
    assert.notStrictEqual(contentKey('pumps'), contentKey('wall'));
  });
});

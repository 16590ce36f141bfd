import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_OPTIONS } from '../../src/core/analyze';
import { repoRoot } from './paths';

interface Property {
  readonly default?: unknown;
  readonly markdownDescription?: string;
}

describe('parallax.* settings', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, Property> } } };
  const props = manifest.contributes.configuration.properties;

  it('default to what the engine does without them', () => {
    assert.strictEqual(props['parallax.minSharedWords']?.default, DEFAULT_OPTIONS.minSharedWords);
    assert.strictEqual(props['parallax.paraphraseThreshold']?.default, DEFAULT_OPTIONS.paraphraseThreshold);
  });

  it('are all described', () => {
    for (const key of ['parallax.minSharedWords', 'parallax.paraphraseThreshold', 'parallax.codeLens.enabled', 'parallax.decorations.enabled']) {
      assert.ok((props[key]?.markdownDescription ?? '').length > 30, key);
    }
  });
});

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { COMMANDS } from '../../src/commands/ids';
import { repoRoot } from './paths';

describe('command table', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
  const contributed = manifest.contributes.commands.map((c) => c.command).sort();

  it('lists exactly the commands package.json contributes', () => {
    assert.deepStrictEqual(Object.values(COMMANDS).sort(), contributed);
  });
});

// The extension host's bundle does not carry the engine (issue 10): the engine (and compromise, most
// of its size and of the activation time) ships in the worker's bundle, which the host loads only to
// fall back. Built here in memory from the same entry point esbuild.config.mjs uses.
import * as assert from 'assert';
import * as esbuild from 'esbuild';
import { repoRoot } from './paths';

/** The web build's swap of the platform runner, as esbuild.config.mjs does it. */
const webRunner: esbuild.Plugin = {
  name: 'web-analysis-runner',
  setup(build) {
    build.onResolve({ filter: /^\.\/analysisRunnerPlatform$/ }, (args) => ({ path: `${args.resolveDir}/analysisRunnerPlatform.web.ts` }));
  },
};

async function hostInputs(web = false): Promise<string[]> {
  const result = await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: ['src/extension.ts'],
    bundle: true,
    write: false,
    metafile: true,
    platform: web ? 'browser' : 'node',
    format: 'cjs',
    external: ['vscode'],
    outfile: 'host-bundle-test.js',
    logLevel: 'silent',
    ...(web ? { mainFields: ['browser', 'module', 'main'], plugins: [webRunner] } : {}),
  });
  return Object.keys(result.metafile.inputs);
}

// Light pure helpers (wordDiff, the monotone chain of alignPair) may come along; the engine may not.
const ENGINE_MODULES = ['src/core/analyze.ts', 'src/core/text/sentences.ts', 'src/core/text/lemma.ts', 'src/core/text/quotes.ts', 'src/core/match/quoteGroups.ts', 'src/core/match/documentPair.ts'];
const engineIn = (inputs: readonly string[]): string[] => inputs.filter((p) => /node_modules\/(compromise|efrt|grad-school)\//.test(p) || ENGINE_MODULES.includes(p));

describe('the extension host bundle', function () {
  this.timeout(60_000);
  it('holds no part of the engine: no compromise, no sentence splitting, lemmas or matching', async () => {
    const inputs = await hostInputs();
    assert.ok(inputs.includes('src/analysis/analysisService.ts'), 'the build is the host’s');
    assert.deepStrictEqual(engineIn(inputs), []);
  });

  it('nor does the web build’s: its engine runs in a Web Worker from dist/web/analysisWorker.js', async () => {
    const inputs = await hostInputs(true);
    assert.ok(inputs.includes('src/analysis/analysisRunnerWorkerWeb.ts'), 'the build is the web host’s');
    assert.deepStrictEqual(engineIn(inputs), []);
  });
});

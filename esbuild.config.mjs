// Builds the Node extension, the web extension (VS Code for the Web), the CLI and the benchmark.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  target: 'es2022',
};

/** The web build takes the in-host runner instead of the worker one (no worker_threads in a browser). */
const webRunner = {
  name: 'web-analysis-runner',
  setup(build) {
    build.onResolve({ filter: /^\.\/analysisRunnerPlatform$/ }, (args) => ({ path: `${args.resolveDir}/analysisRunnerPlatform.web.ts` }));
  },
};

/**
 * Every module that does `import * as vscode from 'vscode'` gets its own copy of the API's ~200 names
 * from esbuild's CommonJS interop: about 30 ms of a 45 ms activation (measured with
 * `npm run bench -- activation`). One shim module re-exports the API once and every import reads it.
 */
const oneVscodeNamespace = {
  name: 'one-vscode-namespace',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-api' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-api' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-api' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'], plugins: [oneVscodeNamespace] },
  // The web build must not need Node: esbuild fails here if anything pulls in a Node built-in.
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', external: ['vscode'], mainFields: ['browser', 'module', 'main'], plugins: [webRunner, oneVscodeNamespace] },
  // The analysis worker the Node extension host starts (src/analysis/analysisRunnerWorker.ts).
  { ...common, entryPoints: ['src/analysis/analysisWorker.ts'], outfile: 'dist/analysisWorker.js', platform: 'node', format: 'cjs' },
  // VS Code for the Web's engine: a script defining `parallaxEngine`, started as a Web Worker by the web
  // build (src/analysis/analysisRunnerWorkerWeb.ts), or evaluated in the host where no worker can start.
  { ...common, entryPoints: ['src/analysis/analysisWorker.web.ts'], outfile: 'dist/web/analysisWorker.js', platform: 'browser', format: 'iife', globalName: 'parallaxEngine', mainFields: ['browser', 'module', 'main'] },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  // The alignment panel's script, loaded by the webview from media/ (its CSP allows only this file).
  { ...common, entryPoints: ['src/webview/alignmentView.ts'], outfile: 'media/alignment.js', platform: 'browser', format: 'iife', sourcemap: false },
];
if (process.argv.includes('--bench')) {
  builds.push({ ...common, entryPoints: ['bench/main.ts'], outfile: 'dist/bench.js', platform: 'node', format: 'cjs' });
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}

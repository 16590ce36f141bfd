// Desktop activation outside VS Code: require() of dist/extension.js and its activate() in a fresh
// Node process, with `vscode` a recording stand-in (every name answers, every call returns the
// stand-in), so activate() runs all of its own code: the features' constructors and registrations.
// The stand-in's own calls cost next to nothing, so this is the extension's share of VS Code's
// "Activation" (Developer: Show Running Extensions), not the editor's. Issue 10's target: < 50 ms.
// Needs dist/extension.js next to dist/bench.js (`npm run bench` builds both).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const RUNS = 9;

/** What one child prints: wall and CPU ms of the require() and of activate(), and the stand-in's call count. */
interface ActivationRun {
  readonly loadWall: number;
  readonly loadCpu: number;
  readonly activateWall: number;
  readonly activateCpu: number;
  readonly apiCalls: number;
  readonly subscriptions: number;
}

/**
 * The child: `vscode` holds every top-level name of @types/vscode, each a Proxy that returns itself for any property, call or `new`, '' where a
 * string is wanted, and an empty iteration; activate() gets a context with a real subscriptions
 * list and the extension's folder. Prints one ActivationRun as JSON.
 */
const ACTIVATE_SCRIPT = `
const fs = require('fs');
const Module = require('module');
const [file, types] = process.argv.slice(1);
let apiCalls = 0;
const stub = new Proxy(function () {}, {
  get: (_, p) => {
    if (p === Symbol.toPrimitive) return () => '';
    if (p === Symbol.iterator) return function* () {};
    if (p === 'then') return undefined;
    if (p === 'prototype') return {};
    return stub;
  },
  apply: () => { apiCalls++; return stub; },
  construct: () => { apiCalls++; return stub; },
});
// The bundle copies the module's own names (esbuild's import * interop, once per importing module):
// give it the API's top-level names (one tab deep in the declaration file), as many as the real one has.
const api = Object.create(null);
for (const m of fs.readFileSync(types, 'utf8').matchAll(/^\\texport (?:class|enum|namespace|function|const|let|var) (\\w+)/gm)) api[m[1]] = stub;
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? api : load.call(this, request, ...rest); };
const time = (f) => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const c = process.cpuUsage(c0);
  return { value, wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
};
const loaded = time(() => require(file));
if (typeof loaded.value.activate !== 'function') throw new Error(file + ' exports no activate');
// The extension's folder (dist/..): the analysis service finds its worker script under it.
const root = require('path').dirname(require('path').dirname(file));
const extensionUri = { scheme: 'file', path: root, fsPath: root, toString: () => 'file://' + root };
const context = { subscriptions: [], extensionUri, extensionPath: root, globalState: stub, workspaceState: stub };
const activated = time(() => loaded.value.activate(context));
console.log(JSON.stringify({ loadWall: loaded.wall, loadCpu: loaded.cpu, activateWall: activated.wall, activateCpu: activated.cpu, apiCalls, subscriptions: context.subscriptions.length }));
process.exit(0);
`;

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Runs the child `RUNS` times on `extensionPath`; one fresh process each, so every require() is cold. */
export function measureActivation(extensionPath: string, runs = RUNS): ActivationRun[] {
  // dist/bench.js runs from the repository's dist/.
  const types = path.join(__dirname, '..', 'node_modules', '@types', 'vscode', 'index.d.ts');
  const results: ActivationRun[] = [];
  for (let k = 0; k < runs; k++) {
    results.push(JSON.parse(execFileSync(process.execPath, ['-e', ACTIVATE_SCRIPT, extensionPath, types], { encoding: 'utf8' })) as ActivationRun);
  }
  return results;
}

/** A module with an empty activate(): what Node's first require() costs in the same harness, whatever the extension. */
function emptyExtension(): string {
  const file = path.join(os.tmpdir(), `parallax-empty-extension-${process.pid}.js`);
  fs.writeFileSync(file, 'exports.activate = () => {};\n');
  return file;
}

/** `npm run bench -- activation`: the activation table (medians of fresh processes, CPU beside wall). */
export function runActivationBench(): void {
  const extensionPath = path.join(__dirname, 'extension.js');
  const empty = emptyExtension();
  const baseline = measureActivation(empty);
  fs.rmSync(empty);
  const runs = measureActivation(extensionPath);
  const kb = (fs.statSync(extensionPath).size / 1024).toFixed(0);
  const ms = (list: readonly ActivationRun[], pick: (r: ActivationRun) => number): string => median(list.map(pick)).toFixed(1);
  const last = runs[runs.length - 1];
  console.log(`activation: dist/extension.js (${kb} KB), desktop, vscode stubbed, median of ${runs.length} fresh processes`);
  console.log(`activation:   require() of an empty module (Node's share)  ${ms(baseline, (r) => r.loadWall)} ms wall, ${ms(baseline, (r) => r.loadCpu)} ms CPU`);
  console.log(`activation:   require()   ${ms(runs, (r) => r.loadWall)} ms wall, ${ms(runs, (r) => r.loadCpu)} ms CPU`);
  console.log(`activation:   activate()  ${ms(runs, (r) => r.activateWall)} ms wall, ${ms(runs, (r) => r.activateCpu)} ms CPU (${last?.apiCalls ?? 0} API calls, ${last?.subscriptions ?? 0} subscriptions)`);
  console.log(`activation:   total       ${ms(runs, (r) => r.loadWall + r.activateWall)} ms wall, ${ms(runs, (r) => r.loadCpu + r.activateCpu)} ms CPU (target < 50 ms)`);
}

// `npm run test:e2e`: the end-to-end tests (test/e2e, compiled to out/test/e2e) through the UI of
// code-server, with Parallax installed from parallax.vsix as a user would install it. Starts
// code-server on 127.0.0.1 with a temporary workspace holding a copy of seeds.bundle, runs mocha
// over the tests (each drives Chromium through playwright-core), and always stops everything.
// A second code-server, whose user settings put Parallax in the web worker extension host, serves
// test/e2e/web.test.ts: the browser build (dist/web/extension.js) as VS Code for the Web runs it.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, ensureCodeServer, ensurePrerequisites, installExtension, makeProfile, readTail, sleep, startCodeServer } from './codeServer.mjs';

const VSIX = path.join(REPO_ROOT, 'parallax.vsix');
const TESTS = path.join(REPO_ROOT, 'out', 'test', 'e2e');
const SEEDS = path.resolve(REPO_ROOT, '..', 'shared', 'samples', 'seeds.bundle');
// With other work sharing the machine's 2 cores, 15 of the 20 tests took 480 s (2026-12-02): the cap
// leaves room for a loaded machine; .ci/run's own 19-minute limit still bounds npm test as a whole.
const RUN_TIMEOUT_MS = Number(process.env.PARALLAX_E2E_TIMEOUT_MS ?? 10 * 60_000);
const MANIFEST = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
/** test/e2e/web.test.ts: the second code-server runs Parallax's browser build in the web worker extension host. */
/**
 * The tests check what the features show, not the analysis time budget: on a loaded machine the
 * 10 s default can stop the seeds' analysis before anything is shown, so the runs get 120 s.
 */
const TEST_SETTINGS = { 'parallax.analysis.timeBudgetSeconds': 120 };
const WEB_SETTINGS = { ...TEST_SETTINGS, 'remote.extensionKind': { [`${MANIFEST.publisher}.${MANIFEST.name}`]: ['web'] } };

/** @param {number} started */
const since = (started) => `${((Date.now() - started) / 1000).toFixed(1)}s`;

/**
 * Runs mocha in its own process group and kills the group (mocha and its Chromiums) on timeout.
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<number>}
 */
function runMocha(env) {
  const files = fs.readdirSync(TESTS, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.test.js')).map((f) => path.join(TESTS, f));
  if (files.length === 0) throw new Error(`No end-to-end tests in ${path.relative(REPO_ROOT, TESTS)}: run "npm run compile-e2e" first.`);
  const mocha = path.join(REPO_ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const args = [mocha, '--no-config', '--reporter', 'spec', '--timeout', '120000', ...(process.env.PARALLAX_TEST_GREP ? ['--grep', process.env.PARALLAX_TEST_GREP] : []), ...files];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: 'inherit', detached: true });
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone
      }
    };
    const timer = setTimeout(() => {
      console.error(`The end-to-end tests did not finish within ${RUN_TIMEOUT_MS / 1000}s; stopping them.`);
      killGroup();
    }, RUN_TIMEOUT_MS);
    process.on('exit', killGroup);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      killGroup(); // any Chromium left behind
      process.off('exit', killGroup);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function main() {
  const started = Date.now();
  if (!fs.existsSync(VSIX)) throw new Error('parallax.vsix is missing: run "npm run package" first (npm run test:e2e does).');
  if (!fs.existsSync(SEEDS)) throw new Error(`The reference bundle is missing at ${SEEDS}.`);
  ensurePrerequisites();
  ensureCodeServer();

  const profile = makeProfile({ prefix: 'parallax-e2e-', settings: TEST_SETTINGS });
  const webProfile = makeProfile({ prefix: 'parallax-e2e-web-', settings: WEB_SETTINGS });
  /** @param {ReturnType<typeof makeProfile>} p */
  const makeWorkspace = (p) => {
    const workspace = path.join(p.root, 'workspace');
    fs.mkdirSync(workspace);
    // A copy: the tests open and may edit it; shared/ is never written.
    fs.copyFileSync(SEEDS, path.join(workspace, 'seeds.bundle'));
    return workspace;
  };
  const workspace = makeWorkspace(profile);
  const webWorkspace = makeWorkspace(webProfile);
  /** @type {Awaited<ReturnType<typeof startCodeServer>> | undefined} */
  let server;
  /** @type {Awaited<ReturnType<typeof startCodeServer>> | undefined} */
  let webServer;
  let exitCode = 1;
  try {
    installExtension(VSIX, profile.extensionsDir);
    installExtension(VSIX, webProfile.extensionsDir);
    [server, webServer] = await Promise.all([
      startCodeServer({ folder: workspace, profile }),
      startCodeServer({ folder: webWorkspace, profile: webProfile }),
    ]);
    console.log(`code-server ${server.url} and ${webServer.url} (web worker extension host) ready after ${since(started)}`);
    exitCode = await runMocha({
      PARALLAX_E2E_URL: server.url,
      PARALLAX_E2E_WORKSPACE: workspace,
      PARALLAX_E2E_WEB_URL: webServer.url,
      PARALLAX_E2E_WEB_WORKSPACE: webWorkspace,
    });
    if (exitCode !== 0) {
      console.error(`code-server log (tail):\n${readTail(server.logFile, 25)}`);
      console.error(`web worker code-server log (tail):\n${readTail(webServer.logFile, 25)}`);
    }
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    exitCode = 1;
  } finally {
    await Promise.all([server?.stop(), webServer?.stop()]);
    await sleep(100);
    profile.dispose();
    webProfile.dispose();
  }
  console.log(`end-to-end run: ${since(started)} in all; screenshots in test-results/e2e/`);
  return exitCode;
}

process.exitCode = await main();

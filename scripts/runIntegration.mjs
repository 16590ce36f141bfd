// `npm run test:integration`: runs the integration suite (test/integration, compiled to
// out/test/integration) inside a real VS Code — code-server 4.100.3 on 127.0.0.1, its web
// workbench driven by Debian's Chromium — with Parallax loaded from this source tree.
// The suite writes its results to a JSON file; this waits for it, prints it and exits non-zero
// on any failure, or when the suite never reports.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { REPO_ROOT, chromiumLaunchOptions, ensureCodeServer, ensurePrerequisites, makeProfile, readTail, sleep, startCodeServer } from './codeServer.mjs';

const SUITE_TIMEOUT_MS = Number(process.env.PARALLAX_SUITE_TIMEOUT_MS ?? 5 * 60_000);
const SUITE_ENTRY = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');

/**
 * The workbench URL that opens `folder` and runs the suite in the remote extension host, the way
 * `code --extensionDevelopmentPath --extensionTestsPath` does on the desktop.
 * @param {string} base
 * @param {number} port
 * @param {string} folder
 */
export function testWorkbenchUrl(base, port, folder) {
  const remote = (/** @type {string} */ p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(REPO_ROOT)],
    ['extensionTestsPath', remote(SUITE_ENTRY)],
  ];
  return `${base}?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** @param {number} started */
const since = (started) => `${((Date.now() - started) / 1000).toFixed(1)}s`;

async function main() {
  const started = Date.now();
  for (const [file, command] of [[path.join(REPO_ROOT, 'dist', 'extension.js'), 'npm run build'], [SUITE_ENTRY, 'npm run compile-tests']]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(REPO_ROOT, file)} is missing: run "${command}" first (npm run test:integration does both).`);
  }
  ensurePrerequisites();
  ensureCodeServer();

  const profile = makeProfile({ prefix: 'parallax-integration-' });
  const workspace = path.join(profile.root, 'workspace');
  fs.mkdirSync(workspace);
  const resultsFile = path.join(profile.root, 'results.json');
  const consoleLog = path.join(profile.root, 'workbench-console.log');
  /** @type {Awaited<ReturnType<typeof startCodeServer>> | undefined} */
  let server;
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  let exitCode = 1;
  try {
    server = await startCodeServer({
      folder: workspace,
      profile,
      env: { PARALLAX_TEST_RESULTS: resultsFile, ...(process.env.PARALLAX_TEST_GREP ? { PARALLAX_TEST_GREP: process.env.PARALLAX_TEST_GREP } : {}) },
    });
    console.log(`code-server ${server.url} ready after ${since(started)}`);
    browser = await chromium.launch(chromiumLaunchOptions());
    const page = await browser.newPage();
    let pageGone = '';
    page.on('console', (m) => fs.appendFileSync(consoleLog, `[${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => fs.appendFileSync(consoleLog, `[pageerror] ${e.message}\n`));
    page.on('crash', () => { pageGone = 'the workbench page crashed'; });
    await page.goto(testWorkbenchUrl(server.url, server.port, workspace), { timeout: 60_000 });

    const deadline = Date.now() + SUITE_TIMEOUT_MS;
    while (!fs.existsSync(resultsFile)) {
      if (pageGone) throw new Error(`${pageGone} before the suite reported.`);
      if (Date.now() > deadline) {
        throw new Error(
          `The integration suite did not report within ${SUITE_TIMEOUT_MS / 1000}s.\n` +
            `code-server log (tail):\n${readTail(server.logFile, 30)}\nworkbench console (tail):\n${readTail(consoleLog, 30)}`,
        );
      }
      await sleep(250);
    }
    /** @type {import('../test/integration/index').SuiteResults} */
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    exitCode = printResults(results);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    exitCode = 1;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (exitCode === 0) profile.dispose();
    else console.error(`Logs kept in ${profile.root}`);
  }
  console.log(`integration run: ${since(started)} in all`);
  return exitCode;
}

/** @param {import('../test/integration/index').SuiteResults} results */
function printResults(results) {
  console.log(`\nParallax integration suite in VS Code ${results.vscodeVersion} (code-server)`);
  for (const t of results.tests) {
    const mark = t.state === 'passed' ? '  ✓' : t.state === 'pending' ? '  -' : '  ✗';
    console.log(`${mark} ${t.title}${t.state === 'passed' ? ` (${t.durationMs}ms)` : ''}`);
  }
  for (const t of results.tests.filter((x) => x.state === 'failed')) {
    console.log(`\nFAILED: ${t.title}\n${t.error ?? ''}`);
  }
  if (results.error) console.log(`\nThe suite could not run:\n${results.error}`);
  console.log(`\n${results.passed} passing, ${results.failed} failing, ${results.pending} pending (${(results.durationMs / 1000).toFixed(1)}s in the extension host)`);
  const ok = results.failed === 0 && !results.error && results.passed > 0;
  if (results.passed === 0 && !results.error) console.log('No test ran: that counts as a failure.');
  return ok ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  // A hard ceiling so CI can never hang here, whatever goes wrong.
  const watchdog = setTimeout(() => {
    console.error('runIntegration: hard timeout, giving up.');
    process.exit(1);
  }, SUITE_TIMEOUT_MS + 3 * 60_000);
  watchdog.unref();
  process.exitCode = await main();
}

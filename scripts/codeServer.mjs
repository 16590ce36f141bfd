// code-server (VS Code 1.100.3's server and web workbench) for running Parallax in a real VS Code
// on a machine that cannot download the desktop VS Code. Installed once into .cache/code-server/,
// started on 127.0.0.1 with throw-away profile folders, and always stopped.
//
//   node scripts/codeServer.mjs install            install (or check) the cached code-server
//   node scripts/codeServer.mjs prerequisites      install (or name) the Debian packages we need
/* global fetch, AbortSignal */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The last code-server line built for Node 20 (newer ones need Node 22+). */
export const CODE_SERVER_VERSION = '4.100.3';
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE_DIR = path.join(REPO_ROOT, '.cache', 'code-server');
const INSTALL_DIR = path.join(CACHE_DIR, CODE_SERVER_VERSION);
const MARKER = path.join(INSTALL_DIR, '.installed.json');
const INSTALL_LOG = path.join(CACHE_DIR, `install-${CODE_SERVER_VERSION}.log`);
const PACKAGE_DIR = path.join(INSTALL_DIR, 'node_modules', 'code-server');
const VSCODE_DIR = path.join(PACKAGE_DIR, 'lib', 'vscode');
/** code-server's command-line entry point, run with this Node. */
export const CODE_SERVER_ENTRY = path.join(PACKAGE_DIR, 'out', 'node', 'entry.js');
export const CHROMIUM = '/usr/bin/chromium';

const STEP_TIMEOUT_MS = 10 * 60_000;

/** @param {string} message */
function log(message) {
  process.stdout.write(`[code-server] ${message}\n`);
}

/** @param {string} cmd */
function onPath(cmd) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, cmd)));
}

/** @param {string} pkg */
function debianPackageInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/**
 * What the tests need from the system, each with the Debian package that provides it: Chromium
 * drives the workbench; libkrb5-dev and a C++ toolchain build code-server's native modules;
 * ripgrep replaces the binary @vscode/ripgrep would download.
 */
const PREREQUISITES = [
  { pkg: 'chromium', present: () => fs.existsSync(CHROMIUM) },
  { pkg: 'libkrb5-dev', present: () => debianPackageInstalled('libkrb5-dev') || fs.existsSync('/usr/include/krb5.h') },
  { pkg: 'ripgrep', present: () => onPath('rg') },
  { pkg: 'g++', present: () => onPath('g++') },
  { pkg: 'make', present: () => onPath('make') },
  { pkg: 'python3', present: () => onPath('python3') },
];

/**
 * Installs the missing Debian packages when we are root (CI), otherwise fails with the exact
 * command to run. Never skips silently. Chromium is needed only to drive the workbench in tests.
 * @param {{ chromium: boolean }} [options]
 */
export function ensurePrerequisites(options = { chromium: true }) {
  const missing = PREREQUISITES.filter((p) => (options.chromium || p.pkg !== 'chromium') && !p.present()).map((p) => p.pkg);
  if (missing.length === 0) return;
  // Wait up to 5 minutes for the Debian package lock (a fresh machine may be running apt already)
  // instead of failing at once.
  const lock = '-o DPkg::Lock::Timeout=300';
  const command = `apt-get ${lock} update && apt-get ${lock} install -y ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !onPath('apt-get')) {
    throw new Error(
      `Missing system packages: ${missing.join(', ')}. Install them, then run this again:\n  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  log(`installing missing Debian packages: ${missing.join(' ')}`);
  const started = Date.now();
  const r = spawnSync('bash', ['-c', command], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: STEP_TIMEOUT_MS,
  });
  if (r.status !== 0) {
    throw new Error(`"${command}" failed (exit ${r.status ?? r.signal}). Run it by hand to see why.`);
  }
  log(`Debian packages installed in ${seconds(started)}`);
}

/** @param {number} started */
function seconds(started) {
  return `${((Date.now() - started) / 1000).toFixed(1)}s`;
}

/** The Node ABI and version the native modules were built for. */
function buildStamp() {
  return { version: CODE_SERVER_VERSION, node: process.version, abi: process.versions.modules, arch: process.arch };
}

/** True when the cache holds a finished install built for this Node. */
export function isInstalled() {
  try {
    const stamp = JSON.parse(fs.readFileSync(MARKER, 'utf8'));
    const want = buildStamp();
    return stamp.version === want.version && stamp.abi === want.abi && stamp.arch === want.arch && fs.existsSync(CODE_SERVER_ENTRY);
  } catch {
    return false;
  }
}

/**
 * The environment of the install steps. Native modules are built from source against this Node's
 * headers (node-gyp must not download them), and as root npm needs unsafe-perm for scripts.
 */
function installEnv() {
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, npm_config_yes: 'true', npm_config_unsafe_perm: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  if (!env.npm_config_nodedir && fs.existsSync(path.join(prefix, 'include', 'node', 'node_api.h'))) {
    env.npm_config_nodedir = prefix;
  }
  return env;
}

/**
 * Runs one install step, appending its output to the install log; throws with the log's tail on
 * failure.
 * @param {string} title
 * @param {string} cwd
 * @param {string[]} args npm arguments
 * @param {NodeJS.ProcessEnv} env
 */
function npmStep(title, cwd, args, env) {
  const started = Date.now();
  fs.appendFileSync(INSTALL_LOG, `\n$ (cd ${cwd} && npm ${args.join(' ')})\n`);
  const out = fs.openSync(INSTALL_LOG, 'a');
  try {
    const r = spawnSync('npm', args, { cwd, env, stdio: ['ignore', out, out], timeout: STEP_TIMEOUT_MS });
    if (r.status !== 0) {
      const tail = fs.readFileSync(INSTALL_LOG, 'utf8').split('\n').slice(-40).join('\n');
      throw new Error(
        `code-server install step "${title}" failed (${r.error ? r.error.message : `exit ${r.status ?? r.signal}`}).\n` +
          `Last lines of ${INSTALL_LOG}:\n${tail}\n` +
          'If a native module failed to build, check that g++, make, python3 and libkrb5-dev are installed.',
      );
    }
  } finally {
    fs.closeSync(out);
  }
  log(`  ${title}: ${seconds(started)}`);
}

/**
 * Installs code-server into .cache/code-server/<version>/ the way its postinstall would, but
 * without its downloads (npm 11 runs no dependency install scripts unless allowed, and this
 * machine reaches only the npm registry). A marker written last makes the next call instant; a
 * half-finished install is removed and redone.
 * @returns {string} the entry point to run with node
 */
export function ensureCodeServer() {
  if (isInstalled()) return CODE_SERVER_ENTRY;
  ensurePrerequisites({ chromium: false });
  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(REPO_ROOT, INSTALL_DIR)} (once; log: ${path.relative(REPO_ROOT, INSTALL_LOG)})`);
  fs.rmSync(INSTALL_DIR, { recursive: true, force: true });
  fs.mkdirSync(INSTALL_DIR, { recursive: true });
  fs.writeFileSync(INSTALL_LOG, `code-server ${CODE_SERVER_VERSION} install, ${new Date().toISOString()}\n`);
  fs.writeFileSync(path.join(INSTALL_DIR, 'package.json'), JSON.stringify({ private: true, description: 'code-server for Parallax tests' }, null, 2));
  const env = installEnv();

  npmStep('npm install code-server', INSTALL_DIR, ['install', `code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts', '--no-save'], env);
  npmStep('build argon2', INSTALL_DIR, ['rebuild', 'argon2'], env);
  npmStep('install VS Code dependencies', VSCODE_DIR, ['install', '--omit=dev', '--ignore-scripts'], env);
  npmStep(
    'build VS Code native modules',
    VSCODE_DIR,
    ['rebuild', 'kerberos', 'node-pty', '@parcel/watcher', '@vscode/deviceid', '@vscode/spdlog', 'native-watchdog'],
    env,
  );

  // @vscode/ripgrep's postinstall downloads rg from GitHub; Debian's ripgrep is the same tool.
  const rgBin = path.join(VSCODE_DIR, 'node_modules', '@vscode', 'ripgrep', 'bin');
  fs.mkdirSync(rgBin, { recursive: true });
  const rg = spawnSync('bash', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim() || '/usr/bin/rg';
  fs.copyFileSync(rg, path.join(rgBin, 'rg'));
  fs.chmodSync(path.join(rgBin, 'rg'), 0o755);

  // What code-server's postinstall.sh does after installing: VS Code looks for files in
  // node_modules.asar, and the bin folders hold per-platform scripts.
  symlink('node_modules', path.join(VSCODE_DIR, 'node_modules.asar'));
  symlink('code-linux.sh', path.join(VSCODE_DIR, 'bin', 'remote-cli', 'code-server'));
  symlink('browser-linux.sh', path.join(VSCODE_DIR, 'bin', 'helpers', 'browser.sh'));

  npmStep('install built-in extensions', path.join(VSCODE_DIR, 'extensions'), ['install', '--omit=dev'], env);

  fs.writeFileSync(MARKER, JSON.stringify({ ...buildStamp(), installedAt: new Date().toISOString(), seconds: (Date.now() - started) / 1000 }, null, 2));
  log(`code-server ${CODE_SERVER_VERSION} installed in ${seconds(started)}`);
  return CODE_SERVER_ENTRY;
}

/**
 * @param {string} target
 * @param {string} link
 */
function symlink(target, link) {
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync(target, link);
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * User settings that keep the workbench quiet: no welcome page or walkthrough stealing focus, no
 * trust prompt, no network calls for updates, experiments or the marketplace.
 */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'security.workspace.trust.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'github.gitAuthentication': false,
  'npm.fetchOnlinePackageInfo': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'window.commandCenter': false,
  'editor.minimap.enabled': false,
  'files.hotExit': 'off',
  'workbench.editor.enablePreview': false,
  'terminal.integrated.enablePersistentSessions': false,
};

/**
 * A throw-away folder for one run: user data (with QUIET_SETTINGS), extensions and a config file,
 * so nothing is read from or written to the user's own profile.
 * @param {{ settings?: Record<string, unknown>, prefix?: string }} [options]
 */
export function makeProfile(options = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), options.prefix ?? 'parallax-code-server-'));
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2));
  const configFile = path.join(root, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  return {
    root,
    userDataDir,
    extensionsDir,
    configFile,
    dispose: () => fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 }),
  };
}

/**
 * Installs a packaged extension into an extensions folder, as `code --install-extension` does.
 * @param {string} vsix
 * @param {string} extensionsDir
 */
export function installExtension(vsix, extensionsDir) {
  const entry = ensureCodeServer();
  fs.mkdirSync(extensionsDir, { recursive: true });
  const started = Date.now();
  const r = spawnSync(process.execPath, [entry, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(extensionsDir, '..') },
  });
  if (r.status !== 0) {
    throw new Error(`Installing ${vsix} into code-server failed (${r.error?.message ?? `exit ${r.status ?? r.signal}`}):\n${r.stdout}\n${r.stderr}`);
  }
  log(`installed ${path.basename(vsix)} in ${seconds(started)}`);
}

/**
 * Starts code-server on 127.0.0.1 and waits until it answers. The returned `stop()` kills its
 * whole process group (server, extension hosts, pty hosts); it also runs when this process exits.
 * @param {{ folder: string, profile: ReturnType<typeof makeProfile>, port?: number, env?: NodeJS.ProcessEnv, extraArgs?: string[], logFile?: string, readyTimeoutMs?: number, handleSignals?: boolean }} options
 */
export async function startCodeServer(options) {
  const entry = ensureCodeServer();
  const port = options.port ?? (await freePort());
  const { profile } = options;
  const logFile = options.logFile ?? path.join(profile.root, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const args = [
    entry,
    '--config', profile.configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', profile.userDataDir,
    '--extensions-dir', profile.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(options.extraArgs ?? []),
    options.folder,
  ];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    detached: true, // its own process group, so stop() reaches every child it forks
    stdio: ['ignore', out, out],
    env: { ...process.env, XDG_CONFIG_HOME: profile.root, XDG_DATA_HOME: profile.root, ...options.env },
  });
  fs.closeSync(out);
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });

  const killGroup = (/** @type {NodeJS.Signals} */ signal) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);
  // A plain SIGTERM (CI's timeout, npm passing on Ctrl+C) would end Node without 'exit' handlers.
  if (options.handleSignals !== false) exitOnSignals();

  const stop = async () => {
    process.off('exit', onExit);
    if (!exited) {
      killGroup('SIGTERM');
      const deadline = Date.now() + 5000;
      while (!exited && Date.now() < deadline) await sleep(100);
    }
    killGroup('SIGKILL'); // stragglers of the group (extension hosts) even when the server exited
  };

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`code-server exited before it was ready. Its log:\n${readTail(logFile)}`);
    }
    if (await answers(`${url}healthz`)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within ${(options.readyTimeoutMs ?? 60_000) / 1000}s. Its log:\n${readTail(logFile)}`);
    }
    await sleep(200);
  }
  return { url, port, logFile, process: child, stop };
}

let signalsHandled = false;
/** Turns SIGINT/SIGTERM/SIGHUP into process.exit, so every 'exit' handler (the kills) runs. */
function exitOnSignals() {
  if (signalsHandled) return;
  signalsHandled = true;
  for (const [signal, code] of /** @type {const} */ ([['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]])) {
    process.on(signal, () => process.exit(code));
  }
}

/** @param {string} url */
async function answers(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** @param {string} file */
export function readTail(file, lines = 60) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** @param {number} ms */
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Chromium's launch options for playwright-core, from scripts/chromium.json (shared with the e2e tests).
 * @param {{ headless?: boolean }} [options]
 */
export function chromiumLaunchOptions(options = {}) {
  const { executablePath, args } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'scripts', 'chromium.json'), 'utf8'));
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium is not installed at ${executablePath}. Install it with: apt-get update && apt-get install -y chromium`);
  }
  return { executablePath, headless: options.headless ?? true, timeout: 60_000, args };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const command = process.argv[2] ?? 'install';
  try {
    if (command === 'install') {
      const started = Date.now();
      ensureCodeServer();
      log(`ready: ${path.relative(REPO_ROOT, CODE_SERVER_ENTRY)} (checked in ${seconds(started)})`);
    } else if (command === 'prerequisites') {
      ensurePrerequisites();
      log('system packages present');
    } else {
      throw new Error(`Unknown command "${command}". Use: install | prerequisites`);
    }
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}

// `npm start` (after `npm run build`): opens the sample bundle in a real VS Code with Parallax loaded.
// - With the desktop `code` on PATH: `code --extensionDevelopmentPath=<repo> samples/newsroom.bundle`.
// - Otherwise (this machine, CI images, servers): packages parallax.vsix, installs it into the
//   cached code-server (scripts/codeServer.mjs), starts code-server on 127.0.0.1 with samples/
//   open and the bundle in an editor, and prints the URL. Ctrl+C stops it.
// PARALLAX_CODE_SERVER=1 forces code-server even where `code` exists; PORT picks the port.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, ensureCodeServer, ensurePrerequisites, freePort, installExtension, makeProfile, startCodeServer } from './codeServer.mjs';

const SAMPLES = path.join(REPO_ROOT, 'samples');
const SAMPLE = path.join(SAMPLES, 'newsroom.bundle');

/** @param {string} cmd */
function onPath(cmd) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, cmd)));
}

/** The desktop VS Code, not code-server's remote CLI (which is also called `code` in its terminals). */
function hasDesktopCode() {
  return onPath('code') && !process.env.VSCODE_IPC_HOOK_CLI && process.env.PARALLAX_CODE_SERVER !== '1';
}

function openInDesktop() {
  const target = fs.existsSync(SAMPLE) ? SAMPLE : SAMPLES;
  console.log(`Opening ${path.relative(REPO_ROOT, target)} in VS Code with Parallax from ${REPO_ROOT}`);
  const r = spawnSync('code', [`--extensionDevelopmentPath=${REPO_ROOT}`, target], { stdio: 'inherit' });
  return r.status ?? 1;
}

async function openInCodeServer() {
  ensurePrerequisites({ chromium: false });
  console.log('Packaging parallax.vsix…');
  const pack = spawnSync('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'], timeout: 180_000 });
  if (pack.status !== 0) throw new Error('Packaging the extension failed (see above). Try `npm run package` to see the whole output.');
  ensureCodeServer();

  const profile = makeProfile({ prefix: 'parallax-start-', settings: { 'workbench.startupEditor': 'none' } });
  installExtension(path.join(REPO_ROOT, 'parallax.vsix'), profile.extensionsDir);
  const port = process.env.PORT ? Number(process.env.PORT) : await freePort();
  const server = await startCodeServer({ folder: SAMPLES, profile, port, handleSignals: false });

  // Open the folder and, through the workbench's payload, the sample bundle in an editor.
  const payload = fs.existsSync(SAMPLE) ? [['openFile', `vscode-remote://127.0.0.1:${server.port}${SAMPLE}`]] : [];
  const url = `${server.url}?folder=${encodeURIComponent(SAMPLES)}${payload.length ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
  console.log('\nParallax is running in code-server (VS Code 1.100.3 in the browser). Open:\n');
  console.log(`  ${url}\n`);
  console.log(`(On a remote machine, forward the port first: ssh -L ${server.port}:127.0.0.1:${server.port} <host>.)`);
  console.log(`code-server log: ${server.logFile}\nPress Ctrl+C to stop.`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping code-server…');
    await server.stop();
    profile.dispose();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.process.on('exit', (code) => {
    if (stopping) return;
    console.error(`code-server stopped by itself (exit ${code}). Its log: ${server.logFile}`);
    process.exit(1);
  });
}

try {
  if (hasDesktopCode()) {
    process.exitCode = openInDesktop();
  } else {
    await openInCodeServer();
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
}

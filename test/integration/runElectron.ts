// `npm run test:electron`: the integration suite in the desktop VS Code that @vscode/test-electron
// downloads (a developer's laptop with internet). On machines that cannot download it, use
// `npm run test:integration`, which runs the same suite in code-server.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  // out/test/integration → repo root.
  const extensionDevelopmentPath = path.resolve(__dirname, '..', '..', '..');
  const extensionTestsPath = path.resolve(__dirname, 'index.js');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-electron-'));
  try {
    await runTests({
      version: process.env.PARALLAX_VSCODE_VERSION ?? '1.100.3',
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  console.error('The integration tests failed, or VS Code could not be downloaded (no internet? use `npm run test:integration`).');
  process.exit(1);
});

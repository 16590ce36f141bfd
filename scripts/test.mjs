// `npm test`: type-check, lint, unit tests, the integration suite in VS Code and the end-to-end
// tests, in that order, stopping at the first phase that fails (as `a && b && …` would), then one
// closing line that sums every suite: "tests: N passed, N failed" (mocha's "N passing" / "N
// failing" lines, and the integration runner's). Each phase's output is passed through as it comes.
// `node scripts/test.mjs unit integration` runs only the phases named.
import { spawn } from 'node:child_process';

/** [phase, npm script]. */
const PHASES = [
  ['type-check', 'typecheck'],
  ['lint', 'lint'],
  ['unit', 'test:unit'],
  ['integration', 'test:integration'],
  ['end-to-end', 'test:e2e'],
];

/**
 * The passed and failed counts a phase printed: the sum of every "N passing" and "N failing".
 * @param {string} output
 */
export function countTests(output) {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  const sum = (/** @type {RegExp} */ re) => [...plain.matchAll(re)].reduce((n, m) => n + Number(m[1]), 0);
  return { passed: sum(/\b(\d+) passing\b/g), failed: sum(/\b(\d+) failing\b/g) };
}

/**
 * Runs one npm script, echoing its output; resolves with its exit code and output.
 * @param {string} script
 * @returns {Promise<{ code: number, output: string }>}
 */
function runScript(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['inherit', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; process.stdout.write(chunk); });
    child.stderr.on('data', (chunk) => { output += chunk; process.stderr.write(chunk); });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

async function main() {
  let passed = 0;
  let failed = 0;
  let exitCode = 0;
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !PHASES.some(([phase]) => phase === name));
  if (unknown.length > 0) {
    console.error(`Unknown phase ${unknown.join(', ')}: the phases are ${PHASES.map(([phase]) => phase).join(', ')}.`);
    process.exitCode = 2;
    return;
  }
  for (const [phase, script] of PHASES.filter(([p]) => only.length === 0 || only.includes(p))) {
    console.log(`\n=== npm test: ${phase} (npm run ${script})`);
    const { code, output } = await runScript(script);
    const counts = countTests(output);
    passed += counts.passed;
    failed += counts.failed;
    if (code !== 0) {
      console.log(`\nnpm test stopped: ${phase} failed (exit code ${code}).`);
      exitCode = code;
      break;
    }
  }
  console.log(`\ntests: ${passed} passed, ${failed} failed`);
  process.exitCode = exitCode;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

// `npm test`: lint (with the layer rules), typecheck, build, vitest, then Playwright in Debian's
// Chromium. Ends with one summary line "Tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `找不到 Chromium（${chromium}）：请运行 apt-get install chromium，或设置 CHROME_PATH 指向已安装的 Chromium，然后重新运行 npm test。`,
  );
  process.exit(1);
}

const steps = [
  ['lint', 'npx', ['eslint', '--max-warnings', '0', '.']],
  ['format', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']],
  ['typecheck (node)', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']],
  ['typecheck (renderer)', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']],
  ['typecheck (e2e)', 'npx', ['tsc', '-p', 'tsconfig.e2e.json', '--noEmit']],
  ['build', 'npm', ['run', 'build', '--silent', '--', '--logLevel', 'warn']],
  ['vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']],
  ['playwright', 'npx', ['playwright', 'test']],
];

mkdirSync(`${root}/test-results`, { recursive: true });
const failedSteps = [];
for (const [name, command, args] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, CHROME_PATH: chromium } });
  console.log(`◀ ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (result.status !== 0) {
    failedSteps.push(name);
    // Nothing after a failed build can be trusted.
    if (name === 'build') break;
  }
}

const counts = { passed: 0, failed: 0, skipped: 0 };
const readJson = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
const vitest = readJson(`${root}/test-results/vitest.json`);
if (vitest) {
  counts.passed += vitest.numPassedTests;
  counts.failed += vitest.numFailedTests;
  counts.skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
}
const playwright = readJson(`${root}/test-results/playwright.json`);
if (playwright) {
  // A flaky test failed once and passed on its retry (CI only): it passed, and is named apart so it gets looked at.
  counts.passed += playwright.stats.expected + playwright.stats.flaky;
  counts.failed += playwright.stats.unexpected;
  counts.skipped += playwright.stats.skipped;
  if (playwright.stats.flaky) console.log(`\nFlaky (failed once, passed on retry): ${playwright.stats.flaky}`);
}

if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);

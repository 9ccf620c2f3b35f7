#!/usr/bin/env node
/**
 * `npm test`: unit + interoperability (vitest), then the extension build and the
 * end-to-end suite in Chromium (Playwright). Prints each runner's closing lines
 * and one final line "N passed, N failed" summing all suites.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'test-results');
mkdirSync(out, { recursive: true });

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const totals = { passed: 0, failed: 0 };
let anyFailure = false;

// 1. unit and interoperability suites
const vitestJson = path.join(out, 'vitest.json');
const vitestCode = await run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  console.log(`vitest: ${r.numPassedTests} passed, ${r.numFailedTests} failed (${r.numTotalTests} tests)`);
  if (r.numFailedTests > 0 || r.numTotalTests === 0) anyFailure = true;
} else {
  console.log('vitest: no results written');
  totals.failed += 1;
  anyFailure = true;
}
if (vitestCode !== 0) anyFailure = true;

// 2. end-to-end suite with the built extension in Chromium
const skipE2e = process.env.CREDLENS_SKIP_E2E === '1';
if (!skipE2e) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.log(`e2e: Chromium not found at ${chromium}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`);
    totals.failed += 1;
    anyFailure = true;
  } else {
    const buildCode = await run('npx', ['wxt', 'build']);
    if (buildCode !== 0) {
      console.log('e2e: extension build failed');
      totals.failed += 1;
      anyFailure = true;
    } else {
      const pwJson = path.join(out, 'playwright.json');
      const pwCode = await run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
      if (existsSync(pwJson)) {
        const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats ?? {};
        const passed = (s.expected ?? 0) + (s.flaky ?? 0);
        const failed = s.unexpected ?? 0;
        totals.passed += passed;
        totals.failed += failed;
        console.log(`playwright: ${passed} passed, ${failed} failed, ${s.skipped ?? 0} skipped`);
        if (failed > 0) anyFailure = true;
      } else {
        console.log('playwright: no results written');
        totals.failed += 1;
        anyFailure = true;
      }
      if (pwCode !== 0) anyFailure = true;
    }
  }
}

console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(anyFailure ? 1 : 0);

#!/usr/bin/env node
/**
 * `npm run demo`: builds the extension, starts the local demo world and opens
 * Chromium with Credlens on a LinkedIn-like profile. With a display it opens a
 * normal window and waits until you close it; without one it runs headless,
 * prints each credential's verdict and writes screenshots to demo-output/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(chromium)) {
  console.error(`Chromium was not found at ${chromium}.`);
  console.error('Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or point CHROMIUM_PATH at a Chromium or Chrome binary.');
  process.exit(2);
}

const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

if (process.env.CREDLENS_DEMO_SKIP_BUILD !== '1') {
  console.log('Building the extension (npx wxt build)…');
  if (run('npx', ['wxt', 'build']) !== 0) {
    console.error('The extension build failed; see the output above.');
    process.exit(1);
  }
}
// The demo world is TypeScript shared with the end-to-end suite; tsx runs it directly.
process.exit(run('npx', ['tsx', path.join('tests', 'demo', 'run.ts')]));

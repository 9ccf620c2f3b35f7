import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './tests/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1, // each test launches Chromium with a fresh profile; one at a time suits 2 shared cores
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results/playwright', // Playwright empties this folder per run; screenshots and other reports sit beside it
  use: { trace: 'retain-on-failure' },
});

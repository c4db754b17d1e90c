import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3199);
export const BASE_URL = `http://localhost:${port}`;

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.e2e\.ts$/,
  outputDir: './.results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `node node_modules/next/dist/bin/next start -p ${port}`,
    cwd: '../..',
    url: `${BASE_URL}/sandbox/fhir/metadata`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      SANDBOX_ENABLED: '1',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      FRAME_ANCESTORS: 'http://127.0.0.1:3198',
      // Extra seed files: one good transaction Bundle, and files the sandbox must refuse or report.
      SANDBOX_SEED_DIR: 'tests/e2e/seed-extra',
      SANDBOX_SEED_ANCHOR: '2026-06-15T12:00:00Z',
    },
  },
});

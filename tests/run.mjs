// `npm test`: every test. Unit and integration tests (jest), then the end-to-end tests in real
// headless Chromium (Debian `chromium`, driven by Playwright; no browser download).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ensureSandboxBuild } from '../lib/cli/sandbox-build.mjs';

const ROOT = process.cwd();
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);
const env = { ...process.env, TZ: 'UTC', NEXT_TELEMETRY_DISABLED: '1' };
const args = process.argv.slice(2);
const only = args.includes('--unit') ? 'unit' : args.includes('--e2e') ? 'e2e' : 'all';

function run(command, commandArgs, extraEnv = {}) {
  const result = spawnSync(command, commandArgs, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...env, ...extraEnv },
  });
  return result.status === 0;
}

/** Debian's chromium; installed here when running as root (fresh machine, CI), never skipped. */
function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (existsSync(chromium)) return chromium;
  const command = 'apt-get update && apt-get install -y chromium';
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    console.log(`Chromium not found at ${chromium}; installing Debian chromium: ${command}`);
    if (run('sh', ['-c', command], { DEBIAN_FRONTEND: 'noninteractive' }) && existsSync(chromium))
      return chromium;
    console.error('Installing chromium failed.');
  } else {
    console.error(
      `Chromium not found at ${chromium}. Install it with:\n  sudo ${command.replace('&& ', '&& sudo ')}`,
    );
  }
  process.exit(1);
}

let ok = true;
if (only !== 'e2e') {
  ok = run(bin('jest'), ['--config', 'tests/jest.config.mjs']) && ok;
}
if (only !== 'unit') {
  const chromium = ensureChromium();
  try {
    ensureSandboxBuild();
    ok =
      run(bin('playwright'), ['test', '--config', 'tests/e2e/playwright.config.ts'], {
        CHROMIUM_PATH: chromium,
      }) && ok;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    ok = false;
  }
}
process.exit(ok ? 0 : 1);

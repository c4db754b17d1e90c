// Builds the app with the sandbox EHR (`.next-sandbox/`) unless a build of the current sources
// already exists. Used by `npm run demo` and `npm test`, so both work right after `npm install`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = process.cwd();
const DIST = path.join(ROOT, '.next-sandbox');
const STAMP = path.join(DIST, 'source-fingerprint');
const INPUTS = [
  'app',
  'lib',
  'fhir-profiles',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'tsconfig.json',
  'package-lock.json',
];

function listFiles(entry) {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [entry];
  return readdirSync(full, { withFileTypes: true }).flatMap((dirent) =>
    listFiles(path.join(entry, dirent.name)),
  );
}

/** A hash of every source file that goes into the build. */
export function sourceFingerprint() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(listFiles).sort()) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(ROOT, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** Runs `next build` with the sandbox switch when the sources changed since the last build. */
export function ensureSandboxBuild({ log = console.log } = {}) {
  const fingerprint = sourceFingerprint();
  const current =
    existsSync(path.join(DIST, 'BUILD_ID')) && existsSync(STAMP)
      ? readFileSync(STAMP, 'utf8').trim()
      : '';
  if (current === fingerprint) {
    log('Sandbox build is up to date (.next-sandbox).');
    return;
  }
  log('Building the app with the sandbox EHR (.next-sandbox)…');
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        SANDBOX_ENABLED: '1',
        NEXT_TELEMETRY_DISABLED: '1',
        NODE_ENV: 'production',
      },
    },
  );
  if (result.status !== 0) {
    throw new Error(`next build failed (exit ${result.status ?? result.signal}).`);
  }
  writeFileSync(STAMP, `${fingerprint}\n`);
}

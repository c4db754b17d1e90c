// `npm run demo`: builds if needed, then serves the app with the embedded sandbox EHR in
// production mode on $PORT (default 3000). Synthetic data only; nothing leaves the machine.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureSandboxBuild } from './sandbox-build.mjs';

const port = process.env.PORT || '3000';
try {
  ensureSandboxBuild();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

console.log(`\nSpine Red-Flag Screener with the sandbox EHR (synthetic data)`);
console.log(`  Sandbox launcher: http://localhost:${port}/sandbox`);
console.log(`  FHIR base (iss):  http://localhost:${port}/sandbox/fhir\n`);

const child = spawn(
  process.execPath,
  [path.join(process.cwd(), 'node_modules/next/dist/bin/next'), 'start', '-p', port],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      SANDBOX_ENABLED: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
    },
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

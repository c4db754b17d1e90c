/**
 * Entry point of `npm run --silent screen -- …` (clinical-spec §13). Run by tsx, no build step.
 * Everything happens in {@link runScreen}; this file only wires the process to it.
 */
import { runScreen } from './screen-run';
import { loadProjectTerminology } from './screen-terminology';

void runScreen(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  clock: () => new Date(),
  terminology: () => loadProjectTerminology(),
}).then((code) => {
  process.exitCode = code;
});

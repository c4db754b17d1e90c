/**
 * What the auth handlers depend on, passed in so tests can use their own patients and clock.
 * The route files pass `sandboxAuthDeps()`.
 */
import { listSeedPatients, listSeedPractitioners } from '../seed/sandbox-seed';
import type { SandboxDirectory } from './directory';

/** Environment variables the auth server reads (`SANDBOX_CLIENTS`, `SANDBOX_ACCESS_TOKEN_LIFETIME`). */
export type SandboxEnv = Readonly<Record<string, string | undefined>>;

/** Dependencies of the sandbox auth handlers. */
export interface SandboxAuthDeps {
  /** The sandbox's patients and practitioners. */
  readonly directory: SandboxDirectory;
  /** Current time in epoch milliseconds (default `Date.now`); tests move it to expire codes. */
  readonly now?: () => number;
  /** Environment (default `process.env`). */
  readonly env?: SandboxEnv;
}

/** The seeded patients and practitioners (the store loads on first use). */
const SEED_DIRECTORY: SandboxDirectory = {
  patients: listSeedPatients,
  practitioners: listSeedPractitioners,
};

/**
 * The dependencies the route handlers use: the seed directory, the real clock and `process.env`.
 */
export function sandboxAuthDeps(): SandboxAuthDeps {
  return { directory: SEED_DIRECTORY };
}

/**
 * The clock of a set of dependencies.
 * @param deps - the dependencies
 */
export function nowOf(deps: Pick<SandboxAuthDeps, 'now'>): number {
  return deps.now ? deps.now() : Date.now();
}

/**
 * The environment of a set of dependencies.
 * @param deps - the dependencies
 */
export function envOf(deps: Pick<SandboxAuthDeps, 'env'>): SandboxEnv {
  return deps.env ?? process.env;
}

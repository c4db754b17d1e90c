/**
 * Deployment configuration, read from the environment on the server (never inlined into the
 * browser bundle, so one build serves any deployment).
 */
import { readRegistrations, type RegistrationsResult } from '@/lib/smart/registrations';
import { sandboxFhirBase } from '@/lib/sandbox/origin';

/** The configuration for one request. */
export interface AppConfig {
  /** True when this build contains the sandbox and `SANDBOX_ENABLED=1` at run time. */
  readonly sandboxEnabled: boolean;
  readonly registrations: RegistrationsResult;
  /** CSP `frame-ancestors` sources: `'self'` plus the EHR origins allowed to embed the app. */
  readonly frameAncestors: readonly string[];
}

type Env = Readonly<Record<string, string | undefined>>;

/** Whether the sandbox EHR is on: it must be both built in and switched on. */
export function isSandboxEnabled(env: Env): boolean {
  return env.NEXT_PUBLIC_SANDBOX_BUILD === '1' && env.SANDBOX_ENABLED === '1';
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.origin === value.replace(/\/$/, '')
    );
  } catch {
    return false;
  }
}

/**
 * `FRAME_ANCESTORS`: space-separated origins of EHRs that embed the app in an iframe (Epic,
 * Cerner PowerChart, the SMART launcher). `'self'` is always allowed. Entries that are not plain
 * http(s) origins are ignored, so a typo can never widen the policy (e.g. to `*`).
 */
export function readFrameAncestors(env: Env): string[] {
  const extra = (env.FRAME_ANCESTORS ?? '')
    .split(/\s+/)
    .filter((entry) => entry !== '' && entry !== "'self'")
    .filter(isOrigin)
    .map((entry) => new URL(entry).origin);
  return ["'self'", ...new Set(extra)];
}

/**
 * The server's environment. `NEXT_PUBLIC_SANDBOX_BUILD` is written out literally so that Next
 * inlines the build-time value (it is not in `process.env` at run time).
 */
export function serverEnv(): Env {
  return { ...process.env, NEXT_PUBLIC_SANDBOX_BUILD: process.env.NEXT_PUBLIC_SANDBOX_BUILD };
}

/**
 * The configuration for a request arriving at `origin`.
 * @param env - the process environment
 * @param origin - the request's origin (the sandbox issuer is built from it)
 */
export function readAppConfig(env: Env, origin: string): AppConfig {
  const sandboxEnabled = isSandboxEnabled(env);
  return {
    sandboxEnabled,
    registrations: readRegistrations(
      { ...env, SANDBOX_ENABLED: sandboxEnabled ? '1' : '0' },
      sandboxFhirBase(origin),
    ),
    frameAncestors: readFrameAncestors(env),
  };
}

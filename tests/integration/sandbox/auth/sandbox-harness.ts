/**
 * Drives the sandbox auth handlers with real `Request` objects, a fake clock and a fixed
 * directory (no seed files, no sleeping).
 */
import { createHash, randomBytes } from 'node:crypto';
import { handleAuthorize } from '@/lib/sandbox/auth/authorize';
import { handleConsentDecision } from '@/lib/sandbox/auth/consent';
import type { SandboxAuthDeps, SandboxEnv } from '@/lib/sandbox/auth/deps';
import { staticDirectory } from '@/lib/sandbox/auth/directory';
import { handleSandboxLaunch } from '@/lib/sandbox/auth/launch';
import { handleTokenRequest } from '@/lib/sandbox/auth/token';

export const ORIGIN = 'http://localhost:4123';
export const FHIR_BASE = `${ORIGIN}/sandbox/fhir`;
export const CLIENT_ID = 'spine-redflag-screener';
export const REDIRECT_URI = `${ORIGIN}/review`;
export const LAUNCH_URI = `${ORIGIN}/launch`;
/** What the app asks for in an EHR launch (lib/smart/scopes.ts, v2). */
export const EHR_SCOPE =
  'launch openid fhirUser online_access patient/Patient.r patient/Observation.rs ' +
  'patient/Condition.rs patient/QuestionnaireResponse.cs patient/ServiceRequest.cs';
export const STANDALONE_SCOPE = EHR_SCOPE.replace('launch ', 'launch/patient ');

export const PATIENTS = [
  { id: 'pt-cancer', name: 'Ada Synthetic', birthDate: '1958-04-02', gender: 'female' },
  { id: 'pt-strain', name: 'Ben Synthetic', birthDate: '1990-11-20', gender: 'male' },
] as const;
export const PRACTITIONERS = [
  { id: 'sandbox-clinician', name: 'Dr Sam Sandbox' },
  { id: 'other-doc', name: 'Dr Olu Other' },
] as const;

/** A clock the test moves by hand. */
export interface TestClock {
  readonly now: () => number;
  readonly advance: (ms: number) => void;
}

/** Starts at the real time, so tokens it stamps verify with the real clock too. */
export function testClock(): TestClock {
  let time = Date.now();
  return {
    now: () => time,
    advance: (ms) => {
      time += ms;
    },
  };
}

/**
 * Dependencies with the test directory.
 * @param clock - the test clock
 * @param env - environment variables
 */
export function testDeps(clock: TestClock, env: SandboxEnv = {}): SandboxAuthDeps {
  return {
    directory: staticDirectory(PATIENTS, PRACTITIONERS),
    now: clock.now,
    env,
  };
}

/** A PKCE pair as fhirclient makes it (S256). */
export function pkce(): { readonly verifier: string; readonly challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Params with `undefined` values left out. */
function defined(params: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/**
 * A GET request on the test origin.
 * @param path - path on the origin
 * @param params - query parameters (undefined ones left out)
 */
export function getRequest(
  path: string,
  params: Readonly<Record<string, string | undefined>>,
): Request {
  return new Request(`${ORIGIN}${path}?${new URLSearchParams(defined(params))}`);
}

/**
 * A form-encoded POST on the test origin.
 * @param path - path on the origin
 * @param params - form fields (undefined ones left out)
 * @param headers - extra headers
 */
export function formPost(
  path: string,
  params: Readonly<Record<string, string | undefined>>,
  headers: Readonly<Record<string, string>> = {},
): Request {
  return new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(defined(params)),
  });
}

/** The `Location` of a redirect, parsed. */
export function locationOf(response: Response): URL {
  const location = response.headers.get('location');
  if (location === null) throw new Error(`expected a redirect, got ${response.status}`);
  return new URL(location);
}

/** The query parameter of a URL; fails the test if absent. */
export function paramOf(url: URL, name: string): string {
  const value = url.searchParams.get(name);
  if (value === null) throw new Error(`${url.href} has no ${name}`);
  return value;
}

/** A sandbox harness bound to one clock and environment. */
export function sandbox(env: SandboxEnv = {}) {
  const clock = testClock();
  const deps = testDeps(clock, env);
  const { verifier, challenge } = pkce();

  const launch = (params: Readonly<Record<string, string | undefined>>) =>
    handleSandboxLaunch(
      getRequest('/sandbox/launch', { patient: 'pt-cancer', launch_uri: LAUNCH_URI, ...params }),
      deps,
    );

  /** Authorize-request parameters as fhirclient sends them, with overrides. */
  const authorizeParams = (overrides: Readonly<Record<string, string | undefined>> = {}) => ({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    scope: EHR_SCOPE,
    state: 'state-123',
    aud: FHIR_BASE,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...overrides,
  });

  const authorize = (overrides: Readonly<Record<string, string | undefined>> = {}) =>
    handleAuthorize(getRequest('/sandbox/auth/authorize', authorizeParams(overrides)), deps);

  const token = (params: Readonly<Record<string, string | undefined>>) =>
    handleTokenRequest(formPost('/sandbox/auth/token', params), deps);

  const exchange = (code: string, overrides: Readonly<Record<string, string | undefined>> = {}) =>
    token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      client_id: CLIENT_ID,
      code_verifier: verifier,
      ...overrides,
    });

  const decide = (params: Readonly<Record<string, string | undefined>>) =>
    handleConsentDecision(formPost('/sandbox/auth/consent/decision', params), deps);

  /** `GET /sandbox/launch` (EHR mode) and the opaque launch code it hands to the app. */
  const launchCode = async (params: Readonly<Record<string, string | undefined>> = {}) =>
    paramOf(locationOf(await launch(params)), 'launch');

  /** Launch + authorize: the code the app receives. */
  const ehrCode = async (
    launchParams: Readonly<Record<string, string | undefined>> = {},
    authorizeOverrides: Readonly<Record<string, string | undefined>> = {},
  ) => {
    const launched = await launchCode(launchParams);
    const response = await authorize({ launch: launched, ...authorizeOverrides });
    return paramOf(locationOf(response), 'code');
  };

  return {
    clock,
    deps,
    verifier,
    challenge,
    launch,
    authorizeParams,
    authorize,
    token,
    exchange,
    decide,
    launchCode,
    ehrCode,
  };
}

/** Token-endpoint JSON, loosely typed for assertions. */
export async function jsonOf(response: Response): Promise<Record<string, unknown>> {
  const body: unknown = await response.json();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new Error('expected a JSON object');
  }
  return Object.fromEntries(Object.entries(body));
}

/** A string field of a JSON object; fails the test if it is not a string. */
export function stringField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string') throw new Error(`${name} is not a string`);
  return value;
}

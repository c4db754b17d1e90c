/**
 * Completing a SMART launch on the redirect page. Browser only (fhirclient's browser entry).
 * The result is a union: a connected session, or a failure with words that say what to do.
 */
import type Client from 'fhirclient/lib/Client';
import type { SmartClient } from './client';
import { missingScopes, parseScopes } from './scopes';

/** Why a launch could not be completed. */
export type LaunchFailure =
  | 'no-launch'
  | 'denied'
  | 'auth-error'
  | 'state-missing'
  | 'state-unknown'
  | 'invalid-client'
  | 'code-rejected'
  | 'token-failed'
  | 'no-patient-context';

/** A connected session. */
export interface SmartSession {
  readonly client: SmartClient;
  readonly serverUrl: string;
  readonly patientId: string;
  readonly encounterId: string | undefined;
  /** The signed-in user as a relative reference, e.g. `Practitioner/123` (from `fhirUser`). */
  readonly userRef: string | undefined;
  /** The user's name from the ID token, when the EHR sent one. */
  readonly userName: string | undefined;
  /** The granted scopes, as the token response listed them. */
  readonly grantedScopes: readonly string[];
  /** Requested resource scopes the EHR did not grant. */
  readonly missingScopes: readonly string[];
  /** False when the EHR already shows the patient banner around the app. */
  readonly needPatientBanner: boolean;
}

/** Outcome of {@link completeLaunch}. */
export type LaunchResult =
  | ({ readonly status: 'ready' } & SmartSession)
  | {
      readonly status: 'failed';
      readonly reason: LaunchFailure;
      readonly message: string;
      readonly detail?: string;
    };

/** What each failure means for the clinician and what to do about it. */
export const LAUNCH_FAILURE_MESSAGES: Readonly<Record<LaunchFailure, string>> = {
  'no-launch':
    'This page was opened without a launch. Open the Spine Red-Flag Screener from the patient’s chart in your EHR (or from the sandbox launcher).',
  denied:
    'Access was not approved, so the app cannot read the chart. Launch the app again and choose Approve if you want to screen this patient.',
  'auth-error':
    'The EHR’s authorization server refused the launch. Launch the app again; if it keeps failing, tell your EHR administrator the message below.',
  'state-missing':
    'The EHR returned without the security “state” value, so the launch cannot be trusted. Launch the app again from the EHR.',
  'state-unknown':
    'This launch has expired or belongs to another browser tab (its security state is not in this tab). Launch the app again from the EHR, in this tab.',
  'invalid-client':
    'The EHR does not recognise this app’s client id (invalid_client). The app’s registration with this EHR needs fixing; tell your EHR administrator.',
  'code-rejected':
    'The EHR rejected the one-time authorization code (it expired or was already used). Launch the app again from the EHR.',
  'token-failed':
    'The EHR did not issue an access token. Launch the app again; if it keeps failing, tell your EHR administrator the message below.',
  'no-patient-context':
    'The EHR launched the app without a patient. Open the app from a patient’s chart, or pick a patient when asked.',
};

function fail(reason: LaunchFailure, detail?: string): LaunchResult {
  return {
    status: 'failed',
    reason,
    message: LAUNCH_FAILURE_MESSAGES[reason],
    ...(detail ? { detail } : {}),
  };
}

/** Classifies what `oauth2.ready()` threw. */
export function classifyReadyError(error: unknown): { reason: LaunchFailure; detail: string } {
  const message = error instanceof Error ? error.message : String(error);
  const status =
    typeof error === 'object' && error !== null && 'status' in error
      ? (error as { status: unknown }).status
      : undefined;
  if (message.includes("No 'state' parameter found"))
    return { reason: 'state-missing', detail: message };
  if (message.includes('No state found')) return { reason: 'state-unknown', detail: message };
  if (/invalid_client/.test(message) || status === 401)
    return { reason: 'invalid-client', detail: firstLines(message) };
  if (/invalid_grant/.test(message))
    return { reason: 'code-rejected', detail: firstLines(message) };
  return { reason: 'token-failed', detail: firstLines(message) };
}

/** The error text without URLs (which could carry codes). */
function firstLines(message: string): string {
  return message
    .split('\n')
    .filter((line) => !line.startsWith('URL:'))
    .join(' ')
    .trim();
}

function describeAuthError(params: URLSearchParams): LaunchResult {
  const error = params.get('error') ?? '';
  const description = params.get('error_description') ?? undefined;
  if (error === 'access_denied') return fail('denied', description);
  if (error === 'invalid_client' || error === 'unauthorized_client')
    return fail('invalid-client', description);
  return fail('auth-error', [error, description].filter(Boolean).join(': '));
}

function readSession(client: Client, requestedScope: string | undefined): LaunchResult {
  const patientId = client.getPatientId();
  if (!patientId) return fail('no-patient-context');
  const tokenResponse = client.state.tokenResponse ?? {};
  const granted = typeof tokenResponse.scope === 'string' ? tokenResponse.scope : undefined;
  const idToken = client.getIdToken();
  const name = idToken && typeof idToken.name === 'string' ? idToken.name : undefined;
  return {
    status: 'ready',
    client,
    serverUrl: client.state.serverUrl,
    patientId,
    encounterId: client.getEncounterId() ?? undefined,
    userRef: client.getFhirUser() ?? undefined,
    userName: name,
    grantedScopes: parseScopes(granted),
    missingScopes: granted === undefined ? [] : missingScopes(requestedScope ?? '', granted),
    needPatientBanner: tokenResponse.need_patient_banner !== false,
  };
}

async function run(): Promise<LaunchResult> {
  const url = new URL(window.location.href);
  const params = url.searchParams;
  if (params.has('error')) return describeAuthError(params);
  const hasStored = window.sessionStorage.getItem('SMART_KEY') !== null;
  if (!params.has('code') && !params.has('state') && !hasStored) return fail('no-launch');
  if (params.has('code') && !params.has('state')) return fail('state-missing');
  const { default: FHIR } = await import('fhirclient');
  let client: Client;
  try {
    client = await FHIR.oauth2.ready();
  } catch (error) {
    const { reason, detail } = classifyReadyError(error);
    return fail(reason, detail);
  }
  return readSession(client, client.state.scope);
}

let pending: Promise<LaunchResult> | undefined;

/**
 * Completes the launch once per page load (React StrictMode runs effects twice; a second code
 * exchange would fail because codes are single-use).
 */
export function completeLaunch(): Promise<LaunchResult> {
  pending ??= run();
  return pending;
}

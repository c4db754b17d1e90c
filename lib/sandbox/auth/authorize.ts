/**
 * `GET|POST /sandbox/auth/authorize`: the SMART authorization endpoint. Errors that make the
 * client or its redirect URI untrustworthy are shown as a page and never redirected
 * (RFC 6749 §4.1.2.1: the server must not become an open redirector); every other error goes
 * back to the app's redirect URI with `error`, `error_description` and `state`.
 */
import { requestOrigin } from '../origin';
import { findClient } from './clients';
import { issueAuthorizationCode, PENDING_LIFETIME_MS } from './codes';
import { nowOf, type SandboxAuthDeps } from './deps';
import { DEFAULT_PRACTITIONER_ID, findPractitioner } from './directory';
import { sandboxEndpoints } from './endpoints';
import { htmlPage, redirect, redirectError, withParams } from './responses';
import { grantScopes, isSmartScope, splitScope, type LaunchKind } from './scopes';
import {
  authState,
  randomToken,
  sweepExpired,
  type LaunchOptions,
  type PendingAuthorization,
} from './state';

/** Parameters that must appear at most once (RFC 6749 §3.1). */
const SINGLE_PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'aud',
  'launch',
  'code_challenge',
  'code_challenge_method',
  'nonce',
] as const;

/** BASE64URL(SHA-256(verifier)) is always 43 characters (RFC 7636 §4.2). */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

async function readParams(request: Request): Promise<URLSearchParams> {
  if (request.method === 'POST') {
    const type = request.headers.get('content-type') ?? '';
    return type.includes('application/x-www-form-urlencoded')
      ? new URLSearchParams(await request.text())
      : new URLSearchParams();
  }
  return new URL(request.url).searchParams;
}

/** A parameter's value; empty counts as missing. */
function param(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  return value === null || value === '' ? undefined : value;
}

/**
 * Handles an authorization request (EHR launch with `launch`, or standalone without).
 * @param request - GET with query parameters or POST with a form body
 * @param deps - directory (practitioner names), clock and environment (clients)
 */
export async function handleAuthorize(request: Request, deps: SandboxAuthDeps): Promise<Response> {
  const now = nowOf(deps);
  const state = authState();
  sweepExpired(state, now);
  const origin = requestOrigin(request);
  const endpoints = sandboxEndpoints(origin);
  const params = await readParams(request);

  const clientId = param(params, 'client_id');
  const client = clientId === undefined ? undefined : findClient(clientId, origin, deps);
  if (client === undefined || params.getAll('client_id').length > 1) {
    return htmlPage(400, 'Unknown app', [
      clientId === undefined
        ? 'The authorization request has no client_id.'
        : `No app with client_id "${clientId}" is registered with this sandbox EHR.`,
      'The app was not sent back: an authorization server only redirects to registered apps.',
    ]);
  }
  const redirectUri = param(params, 'redirect_uri');
  if (
    redirectUri === undefined ||
    !client.redirectUris.includes(redirectUri) ||
    params.getAll('redirect_uri').length > 1
  ) {
    return htmlPage(400, 'Redirect URI not registered', [
      `The redirect_uri "${redirectUri ?? ''}" is not registered for ${client.name}.`,
      `Registered: ${client.redirectUris.join(', ')}. Redirect URIs must match exactly.`,
    ]);
  }

  const oauthState = param(params, 'state');
  const fail = (
    error: 'invalid_request' | 'unsupported_response_type' | 'invalid_scope',
    description: string,
  ): Response => redirectError(redirectUri, error, description, oauthState);

  const repeated = SINGLE_PARAMS.find((name) => params.getAll(name).length > 1);
  if (repeated !== undefined) return fail('invalid_request', `${repeated} was sent more than once`);
  const responseType = param(params, 'response_type');
  if (responseType === undefined) return fail('invalid_request', 'response_type is required');
  if (responseType !== 'code') {
    return fail('unsupported_response_type', 'Only response_type=code is supported');
  }
  if (oauthState === undefined) return fail('invalid_request', 'state is required');
  const codeChallenge = param(params, 'code_challenge');
  if (codeChallenge === undefined) {
    return fail(
      'invalid_request',
      'PKCE is required: send code_challenge with code_challenge_method=S256',
    );
  }
  if (param(params, 'code_challenge_method') !== 'S256') {
    return fail('invalid_request', 'code_challenge_method must be S256 (plain is not supported)');
  }
  if (!S256_CHALLENGE.test(codeChallenge)) {
    return fail(
      'invalid_request',
      'code_challenge must be a base64url SHA-256 hash (43 characters)',
    );
  }
  if (param(params, 'aud') !== endpoints.fhirBase) {
    return fail('invalid_request', `aud must be the FHIR server URL (${endpoints.fhirBase})`);
  }
  const requested = splitScope(param(params, 'scope') ?? '');
  if (requested === undefined || requested.length === 0) {
    return fail('invalid_scope', 'scope is missing or malformed');
  }
  if (!requested.some(isSmartScope)) {
    return fail('invalid_scope', 'none of the requested scopes is a SMART scope');
  }

  const launchCode = param(params, 'launch');
  const launch = launchCode === undefined ? undefined : state.launches.get(launchCode);
  if (launchCode !== undefined && (launch === undefined || launch.expiresAt <= now)) {
    return fail(
      'invalid_request',
      'launch is unknown or expired; launch the app again from the EHR',
    );
  }
  const kind: LaunchKind = launch === undefined ? 'standalone' : 'ehr';
  let options: LaunchOptions & { readonly patient?: string };
  if (launch !== undefined) {
    options = launch;
  } else {
    // A `mode=standalone` sandbox launch leaves its options for the next standalone request.
    options = state.standalonePreset ?? { practitioner: DEFAULT_PRACTITIONER_ID };
    state.standalonePreset = undefined;
  }

  const scopes = grantScopes(requested, kind, options.scopeLimit);
  if (scopes.length === 0) {
    return fail('invalid_scope', 'none of the requested scopes is allowed for this app');
  }
  const practitioner = await findPractitioner(deps.directory, options.practitioner);
  const pending: PendingAuthorization = {
    id: randomToken(),
    kind,
    clientId: client.clientId,
    clientName: client.name,
    redirectUri,
    state: oauthState,
    codeChallenge,
    fhirBase: endpoints.fhirBase,
    nonce: param(params, 'nonce'),
    scopes,
    patient: options.patient,
    choosePatient: kind === 'standalone' && scopes.includes('launch/patient'),
    practitioner: options.practitioner,
    practitionerName: practitioner?.name,
    scopeLimit: options.scopeLimit,
    tokenLifetime: options.tokenLifetime,
    fault: options.fault,
    expiresAt: now + PENDING_LIFETIME_MS,
  };
  if (launch !== undefined && launch.consent === 'auto') {
    const code = issueAuthorizationCode(pending, now);
    return redirect(withParams(redirectUri, { code, state: oauthState }));
  }
  state.pending.set(pending.id, pending);
  return redirect(withParams(endpoints.consent, { request: pending.id }));
}

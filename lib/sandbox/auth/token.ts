/**
 * `POST /sandbox/auth/token`: exchanges an authorization code (public client + PKCE) or a
 * refresh token for an access token. Errors are JSON `{error, error_description}` (RFC 6749
 * §5.2); responses are never cached.
 */
import { findClient } from './clients';
import { nowOf, type SandboxAuthDeps } from './deps';
import { requestOrigin } from '../origin';
import { noStoreJson, oauthErrorJson } from './responses';
import { signAccessToken, signIdToken } from './tokens';
import { authState, randomToken, revokeGrant, sweepExpired, type GrantDraft } from './state';

/** `online_access` refresh tokens live for a working day; `offline_access` for 30 days. */
const ONLINE_REFRESH_LIFETIME_MS = 8 * 60 * 60 * 1000;
const OFFLINE_REFRESH_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

/** RFC 7636 §4.1: 43–128 unreserved characters. */
const CODE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

const SINGLE_PARAMS = [
  'grant_type',
  'code',
  'redirect_uri',
  'client_id',
  'code_verifier',
  'refresh_token',
  'scope',
] as const;

function param(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  return value === null || value === '' ? undefined : value;
}

async function s256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return Buffer.from(digest).toString('base64url');
}

/** Constant-time comparison of two short ASCII strings. */
function sameString(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Issues the token response for a grant (and a new refresh token if it may refresh). */
async function tokenResponse(
  grant: GrantDraft,
  scopes: readonly string[],
  deps: SandboxAuthDeps,
): Promise<Response> {
  const now = nowOf(deps);
  const { accessToken, expiresIn } = await signAccessToken(grant, scopes, deps);
  const offline = grant.scopes.includes('offline_access');
  let refreshToken: string | undefined;
  if (offline || grant.scopes.includes('online_access')) {
    refreshToken = randomToken();
    authState().refreshTokens.set(refreshToken, {
      clientId: grant.clientId,
      grant,
      expiresAt: now + (offline ? OFFLINE_REFRESH_LIFETIME_MS : ONLINE_REFRESH_LIFETIME_MS),
    });
  }
  const idToken =
    scopes.includes('openid') && (scopes.includes('fhirUser') || scopes.includes('profile'))
      ? await signIdToken(grant, expiresIn, deps)
      : undefined;
  return noStoreJson(200, {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: expiresIn,
    scope: scopes.join(' '),
    patient: grant.patient,
    need_patient_banner: grant.needPatientBanner,
    id_token: idToken,
    refresh_token: refreshToken,
  });
}

async function exchangeCode(
  params: URLSearchParams,
  clientId: string,
  deps: SandboxAuthDeps,
): Promise<Response> {
  const state = authState();
  const now = nowOf(deps);
  const code = param(params, 'code');
  if (code === undefined) return oauthErrorJson(400, 'invalid_request', 'code is required');
  const record = state.codes.get(code);
  if (record === undefined) {
    return oauthErrorJson(400, 'invalid_grant', 'The authorization code is unknown or expired');
  }
  if (record.used) {
    // OAuth security BCP: a replayed code may be stolen; revoke what it already yielded.
    revokeGrant(state, record.grant.grantId);
    return oauthErrorJson(
      400,
      'invalid_grant',
      'The authorization code was already used; tokens issued with it are revoked',
    );
  }
  record.used = true;
  if (record.expiresAt <= now) {
    return oauthErrorJson(400, 'invalid_grant', 'The authorization code has expired');
  }
  if (record.fault === 'token_invalid_client') {
    return oauthErrorJson(
      401,
      'invalid_client',
      'Client authentication failed (sandbox fault injected by the launch: fault=token_invalid_client)',
    );
  }
  if (record.clientId !== clientId) {
    return oauthErrorJson(
      400,
      'invalid_grant',
      'The authorization code was issued to another client',
    );
  }
  if (param(params, 'redirect_uri') !== record.redirectUri) {
    return oauthErrorJson(
      400,
      'invalid_grant',
      'redirect_uri does not match the one of the authorization request',
    );
  }
  const verifier = param(params, 'code_verifier');
  if (verifier === undefined || !CODE_VERIFIER.test(verifier)) {
    return oauthErrorJson(400, 'invalid_grant', 'code_verifier is missing or malformed (PKCE)');
  }
  if (!sameString(await s256(verifier), record.codeChallenge)) {
    return oauthErrorJson(400, 'invalid_grant', 'code_verifier does not match the code_challenge');
  }
  return tokenResponse(record.grant, record.grant.scopes, deps);
}

async function refresh(
  params: URLSearchParams,
  clientId: string | undefined,
  deps: SandboxAuthDeps,
): Promise<Response> {
  const state = authState();
  const now = nowOf(deps);
  const token = param(params, 'refresh_token');
  if (token === undefined)
    return oauthErrorJson(400, 'invalid_request', 'refresh_token is required');
  const record = state.refreshTokens.get(token);
  if (record === undefined) {
    const rotated = state.rotatedRefreshTokens.get(token);
    if (rotated !== undefined) {
      // A rotated-away token came back: it may be stolen, so the whole grant is revoked.
      revokeGrant(state, rotated.grantId);
      return oauthErrorJson(
        400,
        'invalid_grant',
        'The refresh token was already used (rotated); the grant is revoked',
      );
    }
    return oauthErrorJson(400, 'invalid_grant', 'The refresh token is unknown or expired');
  }
  if (record.expiresAt <= now || state.revokedGrants.has(record.grant.grantId)) {
    state.refreshTokens.delete(token);
    return oauthErrorJson(400, 'invalid_grant', 'The refresh token has expired or was revoked');
  }
  if (clientId !== undefined && clientId !== record.clientId) {
    return oauthErrorJson(400, 'invalid_grant', 'The refresh token was issued to another client');
  }
  let scopes = record.grant.scopes;
  const asked = param(params, 'scope');
  if (asked !== undefined) {
    const subset = asked.split(' ').filter((scope) => scope !== '');
    const extra = subset.filter((scope) => !record.grant.scopes.includes(scope));
    if (extra.length > 0) {
      return oauthErrorJson(
        400,
        'invalid_scope',
        `Not part of the original grant: ${extra.join(' ')}`,
      );
    }
    scopes = [...new Set(subset)];
  }
  state.refreshTokens.delete(token);
  state.rotatedRefreshTokens.set(token, {
    grantId: record.grant.grantId,
    expiresAt: record.expiresAt,
  });
  return tokenResponse(record.grant, scopes, deps);
}

/**
 * Handles a token request (`grant_type=authorization_code` or `refresh_token`).
 * Public clients identify with `client_id` (required for a code; optional on refresh, where
 * fhirclient omits it by default, but checked when sent).
 * @param request - form-encoded POST
 * @param deps - clock and environment (clients, token lifetime)
 */
export async function handleTokenRequest(
  request: Request,
  deps: SandboxAuthDeps,
): Promise<Response> {
  sweepExpired(authState(), nowOf(deps));
  const type = request.headers.get('content-type') ?? '';
  if (request.method !== 'POST' || !type.includes('application/x-www-form-urlencoded')) {
    return oauthErrorJson(400, 'invalid_request', 'Send a form-encoded POST');
  }
  const params = new URLSearchParams(await request.text());
  const repeated = SINGLE_PARAMS.find((name) => params.getAll(name).length > 1);
  if (repeated !== undefined) {
    return oauthErrorJson(400, 'invalid_request', `${repeated} was sent more than once`);
  }
  const grantType = param(params, 'grant_type');
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
    return grantType === undefined
      ? oauthErrorJson(400, 'invalid_request', 'grant_type is required')
      : oauthErrorJson(400, 'unsupported_grant_type', `grant_type ${grantType} is not supported`);
  }
  const clientId = param(params, 'client_id');
  if (clientId !== undefined && findClient(clientId, requestOrigin(request), deps) === undefined) {
    return oauthErrorJson(401, 'invalid_client', `Unknown client_id "${clientId}"`);
  }
  if (grantType === 'refresh_token') return refresh(params, clientId, deps);
  if (clientId === undefined) {
    return oauthErrorJson(401, 'invalid_client', 'client_id is required for a public client');
  }
  return exchangeCode(params, clientId, deps);
}

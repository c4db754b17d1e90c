/**
 * Access tokens and `id_token`s of the sandbox EHR. Access tokens are HS256 JWTs (`typ: at+jwt`,
 * RFC 9068) under a random per-process secret, so only this process can mint or verify them;
 * `id_token`s are RS256 so an app could check them against `/sandbox/auth/jwks`. Tokens are never
 * logged.
 */
import {
  SignJWT,
  calculateJwkThumbprint,
  errors,
  exportJWK,
  jwtVerify,
  type JWK,
  type JWTPayload,
} from 'jose';
import type { AccessGrant, TokenCheck } from '../types';
import { envOf, nowOf, type SandboxAuthDeps, type SandboxEnv } from './deps';
import { authState, idTokenKeys, randomToken, type GrantDraft } from './state';

/** Default access-token lifetime: SMART recommends at most an hour. */
export const DEFAULT_ACCESS_TOKEN_LIFETIME = 3600;
/** Longest lifetime a launch or `SANDBOX_ACCESS_TOKEN_LIFETIME` may ask for (one day). */
export const MAX_ACCESS_TOKEN_LIFETIME = 86_400;

const ACCESS_TOKEN_TYPE = 'at+jwt';
const QA_CLIENT_ID = 'sandbox-qa';
/** Read and search everything; the FHIR wrapper refuses every write of a QA grant. */
export const QA_SCOPE = 'system/*.rs';

/**
 * Parses a lifetime in whole seconds within 1…MAX_ACCESS_TOKEN_LIFETIME.
 * @param raw - the text, e.g. from a query parameter or the environment
 */
export function parseLifetime(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\d{1,6}$/.test(raw.trim())) return undefined;
  const seconds = Number(raw.trim());
  return seconds >= 1 && seconds <= MAX_ACCESS_TOKEN_LIFETIME ? seconds : undefined;
}

/**
 * The access-token lifetime from `SANDBOX_ACCESS_TOKEN_LIFETIME` (seconds), else the default.
 * @param env - the environment
 */
export function configuredAccessTokenLifetime(env: SandboxEnv): number {
  const raw = env.SANDBOX_ACCESS_TOKEN_LIFETIME;
  if (raw === undefined || raw === '') return DEFAULT_ACCESS_TOKEN_LIFETIME;
  const seconds = parseLifetime(raw);
  if (seconds === undefined) {
    console.warn(
      `SANDBOX_ACCESS_TOKEN_LIFETIME must be 1…${MAX_ACCESS_TOKEN_LIFETIME} seconds; using ${DEFAULT_ACCESS_TOKEN_LIFETIME}.`,
    );
    return DEFAULT_ACCESS_TOKEN_LIFETIME;
  }
  return seconds;
}

/** A freshly signed access token. */
export interface SignedAccessToken {
  readonly accessToken: string;
  /** Seconds until it expires. */
  readonly expiresIn: number;
}

/**
 * Signs an access token for a grant.
 * @param grant - what the token allows
 * @param scopes - the scopes of this token (the grant's, or a subset on refresh)
 * @param deps - clock and environment (default lifetime)
 */
export async function signAccessToken(
  grant: GrantDraft,
  scopes: readonly string[],
  deps: Pick<SandboxAuthDeps, 'now' | 'env'>,
): Promise<SignedAccessToken> {
  const expiresIn = grant.tokenLifetime ?? configuredAccessTokenLifetime(envOf(deps));
  const iat = Math.floor(nowOf(deps) / 1000);
  const accessToken = await new SignJWT({
    client_id: grant.clientId,
    scope: scopes.join(' '),
    patient: grant.patient,
    fhirUser: `Practitioner/${grant.practitioner}`,
    gid: grant.grantId,
  })
    .setProtectedHeader({ alg: 'HS256', typ: ACCESS_TOKEN_TYPE })
    .setIssuer(grant.fhirBase)
    .setAudience(grant.fhirBase)
    .setSubject(grant.practitioner)
    .setIssuedAt(iat)
    .setExpirationTime(iat + expiresIn)
    .setJti(randomToken())
    .sign(authState().secret);
  return { accessToken, expiresIn };
}

/**
 * Signs the QA token of `POST /sandbox/qa/token`: read and search everything, write nothing.
 * @param fhirBase - the sandbox FHIR base (`iss` and `aud`)
 * @param deps - clock and environment (lifetime)
 */
export async function signQaAccessToken(
  fhirBase: string,
  deps: Pick<SandboxAuthDeps, 'now' | 'env'>,
): Promise<SignedAccessToken> {
  const expiresIn = configuredAccessTokenLifetime(envOf(deps));
  const iat = Math.floor(nowOf(deps) / 1000);
  const accessToken = await new SignJWT({ client_id: QA_CLIENT_ID, scope: QA_SCOPE, qa: true })
    .setProtectedHeader({ alg: 'HS256', typ: ACCESS_TOKEN_TYPE })
    .setIssuer(fhirBase)
    .setAudience(fhirBase)
    .setSubject(QA_CLIENT_ID)
    .setIssuedAt(iat)
    .setExpirationTime(iat + expiresIn)
    .setJti(randomToken())
    .sign(authState().secret);
  return { accessToken, expiresIn };
}

async function idTokenKid(): Promise<string> {
  const { publicKey } = await idTokenKeys();
  return calculateJwkThumbprint(await exportJWK(publicKey));
}

/**
 * Signs an OpenID Connect `id_token` naming the practitioner as `fhirUser` (absolute URL).
 * @param grant - the grant (its practitioner, client, FHIR base and nonce)
 * @param expiresIn - lifetime in seconds
 * @param deps - clock
 */
export async function signIdToken(
  grant: GrantDraft,
  expiresIn: number,
  deps: Pick<SandboxAuthDeps, 'now'>,
): Promise<string> {
  const iat = Math.floor(nowOf(deps) / 1000);
  const practitionerRef = `Practitioner/${grant.practitioner}`;
  const { privateKey } = await idTokenKeys();
  return new SignJWT({
    fhirUser: `${grant.fhirBase}/${practitionerRef}`,
    name: grant.practitionerName,
    nonce: grant.nonce,
    // SMART 1.0 apps read `profile` instead of `fhirUser`.
    profile: grant.scopes.includes('profile') ? practitionerRef : undefined,
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: await idTokenKid() })
    .setIssuer(grant.fhirBase)
    .setAudience(grant.clientId)
    .setSubject(grant.practitioner)
    .setIssuedAt(iat)
    .setExpirationTime(iat + expiresIn)
    .sign(privateKey);
}

/**
 * The public key set that verifies `id_token`s (`jwks_uri`).
 */
export async function sandboxJwks(): Promise<{ readonly keys: readonly JWK[] }> {
  const { publicKey } = await idTokenKeys();
  const jwk = await exportJWK(publicKey);
  return { keys: [{ ...jwk, kid: await idTokenKid(), alg: 'RS256', use: 'sig' }] };
}

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' ? value : undefined;
}

function toGrant(payload: JWTPayload): AccessGrant | string {
  const clientId = stringClaim(payload, 'client_id');
  const scope = stringClaim(payload, 'scope');
  if (clientId === undefined || scope === undefined) return 'token lacks client_id or scope';
  if (payload.iss === undefined || !payload.iss.endsWith('/sandbox/fhir')) {
    return 'token was not issued by the sandbox FHIR server';
  }
  if (payload.aud !== payload.iss) return 'token audience is not the sandbox FHIR server';
  return {
    clientId,
    scopes: scope.split(' ').filter((s) => s !== ''),
    patient: stringClaim(payload, 'patient'),
    fhirUser: stringClaim(payload, 'fhirUser'),
    qa: payload.qa === true ? true : undefined,
  };
}

/**
 * Checks a bearer token from a FHIR request: signature (this process's secret), type, expiry,
 * issuer/audience (the sandbox FHIR base) and revocation. A missing token is the caller's case.
 * @param token - the bearer token
 * @param options - `now` (epoch ms) for tests; `audience` to require one exact FHIR base
 */
export async function verifyAccessToken(
  token: string,
  options: { readonly now?: number; readonly audience?: string } = {},
): Promise<TokenCheck> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, authState().secret, {
      algorithms: ['HS256'],
      typ: ACCESS_TOKEN_TYPE,
      audience: options.audience,
      currentDate: options.now === undefined ? undefined : new Date(options.now),
      requiredClaims: ['exp', 'iat', 'iss', 'aud', 'sub', 'jti'],
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      return { ok: false, reason: 'expired', detail: 'The access token has expired.' };
    }
    const why = error instanceof errors.JOSEError ? error.code : 'unreadable token';
    return { ok: false, reason: 'invalid', detail: `The access token is not valid (${why}).` };
  }
  const grantId = stringClaim(payload, 'gid');
  if (grantId !== undefined && authState().revokedGrants.has(grantId)) {
    return { ok: false, reason: 'invalid', detail: 'The access token has been revoked.' };
  }
  const grant = toGrant(payload);
  if (typeof grant === 'string') return { ok: false, reason: 'invalid', detail: grant };
  return { ok: true, grant };
}

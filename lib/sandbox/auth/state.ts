/**
 * The sandbox authorization server's memory: signing keys, launch contexts, pending consents,
 * authorization codes and refresh tokens. Nothing is persisted. It lives on `globalThis` because
 * Next bundles each route separately: a module-level variable would give the authorize route,
 * the token route and the FHIR route different secrets.
 */
import { generateKeyPair, type CryptoKey } from 'jose';

/** Test hooks that make the token endpoint misbehave for one launch. */
export type LaunchFault = 'token_invalid_client';

/** Options a sandbox launch sets for the authorization it leads to. */
export interface LaunchOptions {
  readonly practitioner: string;
  /** Simulates an EHR registration that allows only these scopes. */
  readonly scopeLimit?: readonly string[];
  /** Access-token lifetime in seconds for this launch. */
  readonly tokenLifetime?: number;
  readonly fault?: LaunchFault;
}

/** An EHR launch created by `GET /sandbox/launch`, referenced by its opaque `launch` code. */
export interface LaunchContext extends LaunchOptions {
  readonly code: string;
  readonly patient: string;
  /** `prompt` shows the consent page even though the EHR launched the app. */
  readonly consent: 'auto' | 'prompt';
  /** The app's launch URL with `iss` and `launch` (what the sandbox EHR chart embeds). */
  readonly appUrl: string;
  readonly expiresAt: number;
}

/** Options of the last `mode=standalone` launch, applied to the next standalone authorization. */
export interface StandalonePreset extends LaunchOptions {
  /** Preselected in the patient picker. */
  readonly patient?: string;
  readonly expiresAt: number;
}

/** What a token will allow: settled at approval, carried by codes and refresh tokens. */
export interface GrantDraft {
  readonly clientId: string;
  /** The granted scopes. */
  readonly scopes: readonly string[];
  readonly patient?: string;
  readonly practitioner: string;
  readonly practitionerName?: string;
  readonly needPatientBanner: boolean;
  /** The FHIR base: `iss` and `aud` of the access token, `iss` of the `id_token`. */
  readonly fhirBase: string;
  /** Per-launch access-token lifetime (seconds). */
  readonly tokenLifetime?: number;
  /** OpenID Connect `nonce` from the authorize request. */
  readonly nonce?: string;
  /** Identifies every token issued from one authorization, so they can be revoked together. */
  readonly grantId: string;
}

/** An authorize request waiting for the user on the consent page. */
export interface PendingAuthorization extends LaunchOptions {
  readonly id: string;
  readonly kind: 'ehr' | 'standalone';
  readonly clientId: string;
  readonly clientName: string;
  readonly redirectUri: string;
  readonly state: string;
  readonly codeChallenge: string;
  readonly fhirBase: string;
  readonly nonce?: string;
  /** The practitioner's display name (`name` of the `id_token`), if known. */
  readonly practitionerName?: string;
  /** The scopes that will be granted on approval. */
  readonly scopes: readonly string[];
  /** The EHR launch's patient, or the standalone picker's preselection. */
  readonly patient?: string;
  /** True when the user must pick a patient (standalone with `launch/patient`). */
  readonly choosePatient: boolean;
  readonly expiresAt: number;
}

/** An issued authorization code. */
export interface AuthorizationCode {
  readonly code: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly codeChallenge: string;
  readonly grant: GrantDraft;
  readonly fault?: LaunchFault;
  readonly expiresAt: number;
  /** Codes are single-use: a second presentation fails and revokes what the first one issued. */
  used: boolean;
}

/** An issued refresh token. */
export interface RefreshRecord {
  readonly clientId: string;
  readonly grant: GrantDraft;
  readonly expiresAt: number;
}

/** The `id_token` signing key pair. */
export interface IdTokenKeys {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
}

/** All in-memory state of the sandbox authorization server. */
export interface AuthState {
  /** HS256 secret of access tokens. */
  readonly secret: Uint8Array;
  /**
   * RS256 key pair of `id_token`s (public half published at `/sandbox/auth/jwks`), made on first
   * use: RSA key generation is slow, and most requests never need it.
   */
  idTokenKeys: Promise<IdTokenKeys> | undefined;
  readonly launches: Map<string, LaunchContext>;
  standalonePreset: StandalonePreset | undefined;
  readonly pending: Map<string, PendingAuthorization>;
  readonly codes: Map<string, AuthorizationCode>;
  readonly refreshTokens: Map<string, RefreshRecord>;
  /** Refresh tokens replaced by rotation (token → grant id), to detect their replay. */
  readonly rotatedRefreshTokens: Map<
    string,
    { readonly grantId: string; readonly expiresAt: number }
  >;
  /** Grants whose tokens no longer verify (code replay, refresh-token replay). */
  readonly revokedGrants: Set<string>;
}

declare global {
  // `var` is how a global is typed; the state must survive Next's per-route bundles and HMR.
  var __spineSandboxAuthState: AuthState | undefined;
}

/**
 * Random, URL-safe, 256-bit opaque value (codes, launch ids, refresh tokens).
 */
export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Buffer.from(bytes).toString('base64url');
}

function createState(idTokenKeys?: Promise<IdTokenKeys>): AuthState {
  return {
    secret: crypto.getRandomValues(new Uint8Array(32)),
    idTokenKeys,
    launches: new Map(),
    standalonePreset: undefined,
    pending: new Map(),
    codes: new Map(),
    refreshTokens: new Map(),
    rotatedRefreshTokens: new Map(),
    revokedGrants: new Set(),
  };
}

/**
 * The process-wide state, created on first use.
 */
export function authState(): AuthState {
  globalThis.__spineSandboxAuthState ??= createState();
  return globalThis.__spineSandboxAuthState;
}

/**
 * The `id_token` key pair, generated on first use.
 */
export function idTokenKeys(): Promise<IdTokenKeys> {
  const state = authState();
  state.idTokenKeys ??= generateKeyPair('RS256');
  return state.idTokenKeys;
}

/**
 * Forgets every launch, code and token and rotates the access-token secret (tests; a fresh
 * sandbox). The `id_token` key pair is kept: it is slow to make and signs nothing that grants
 * access.
 */
export function resetAuthState(): void {
  globalThis.__spineSandboxAuthState = createState(globalThis.__spineSandboxAuthState?.idTokenKeys);
}

/** How long a used code is remembered after it expires, to recognise a replay. */
const USED_CODE_MEMORY_MS = 10 * 60 * 1000;

/**
 * Drops expired entries so the maps do not grow without bound.
 * @param state - the state to sweep
 * @param now - current time (epoch ms)
 */
export function sweepExpired(state: AuthState, now: number): void {
  for (const [key, launch] of state.launches)
    if (launch.expiresAt <= now) state.launches.delete(key);
  for (const [key, pending] of state.pending)
    if (pending.expiresAt <= now) state.pending.delete(key);
  for (const [key, code] of state.codes) {
    if (code.expiresAt + USED_CODE_MEMORY_MS <= now) state.codes.delete(key);
  }
  for (const [key, refresh] of state.refreshTokens) {
    if (refresh.expiresAt <= now) state.refreshTokens.delete(key);
  }
  for (const [key, rotated] of state.rotatedRefreshTokens) {
    if (rotated.expiresAt <= now) state.rotatedRefreshTokens.delete(key);
  }
  if (state.standalonePreset && state.standalonePreset.expiresAt <= now) {
    state.standalonePreset = undefined;
  }
}

/**
 * Revokes every token issued from one authorization.
 * @param state - the state
 * @param grantId - the authorization's grant id
 */
export function revokeGrant(state: AuthState, grantId: string): void {
  state.revokedGrants.add(grantId);
  for (const [key, refresh] of state.refreshTokens) {
    if (refresh.grant.grantId === grantId) state.refreshTokens.delete(key);
  }
}

/**
 * SMART scope checks of the sandbox authorization server: which requested scopes are well
 * formed, what a registration limit (`scope_limit`) leaves of them, and how to say them in words
 * on the consent page. Both SMART v1 (`patient/Observation.read`) and v2
 * (`patient/Observation.rs?category=…`) syntax are accepted, as HTI-1 requires of US EHRs; the
 * grammar itself lives in `lib/smart/scope-grammar.ts`.
 */
import {
  formatV1Scopes,
  formatV2Scope,
  parseScope,
  PERMISSION_ORDER,
  toPermissionLetters,
  type ParsedScope,
  type Permission,
  type ScopeContext,
  type ScopeParts,
  type ScopeSyntax,
} from '@/lib/smart/scope-grammar';

/** Scopes that are not about resources. */
const NON_RESOURCE_SCOPES = new Set([
  'launch',
  'launch/patient',
  'launch/encounter',
  'openid',
  'fhirUser',
  'profile',
  'online_access',
  'offline_access',
]);

/** RFC 6749 §3.3 scope-token characters. */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/** A parsed resource scope. */
export interface ResourceScope {
  readonly context: ScopeContext;
  /** A resource type or `*`. */
  readonly type: string;
  /** Interactions as in-order v2 letters, e.g. `rs`. */
  readonly interactions: string;
  /** The v2 granular query, e.g. `category=…|laboratory` (without `?`). */
  readonly query?: string;
  readonly syntax: ScopeSyntax;
}

/**
 * A resource scope this server accepts: well formed, and granular only in v2 syntax (SMART v1
 * has no granular form, so `patient/Observation.read?category=…` is not a scope here).
 */
function parseAcceptedScope(scope: string): ParsedScope | undefined {
  const parsed = parseScope(scope);
  return parsed?.syntax === 'v1' && parsed.restriction !== undefined ? undefined : parsed;
}

/**
 * Parses a resource scope, or returns undefined if it is not a well-formed one.
 * v1 `.read` means `rs`, `.write` means `cud`, `.*` means `cruds` (SMART 2.x mapping).
 * @param scope - one scope token
 */
export function parseResourceScope(scope: string): ResourceScope | undefined {
  const parsed = parseAcceptedScope(scope);
  if (parsed === undefined) return undefined;
  const { context, resourceType: type, syntax, restriction: query } = parsed;
  const interactions = toPermissionLetters(parsed.permissions);
  return query === undefined
    ? { context, type, interactions, syntax }
    : { context, type, interactions, query, syntax };
}

/**
 * True for a scope this server understands (SMART v1/v2 resource scope or a known launch,
 * identity or refresh scope).
 * @param scope - one scope token
 */
export function isSmartScope(scope: string): boolean {
  return NON_RESOURCE_SCOPES.has(scope) || parseAcceptedScope(scope) !== undefined;
}

/**
 * Splits a scope parameter; undefined when it is not a list of RFC 6749 scope tokens.
 * @param scope - the `scope` parameter
 */
export function splitScope(scope: string): readonly string[] | undefined {
  const tokens = scope.split(' ').filter((token) => token !== '');
  return tokens.every((token) => SCOPE_TOKEN.test(token)) ? [...new Set(tokens)] : undefined;
}

/** Writes a narrowed scope back in the syntax the app asked in. */
function formatNarrowed(scope: ScopeParts, syntax: ScopeSyntax): readonly string[] {
  // A granular scope has no v1 spelling, so it stays in v2 syntax.
  if (syntax === 'v2' || scope.restriction !== undefined) return [formatV2Scope(scope)];
  return formatV1Scopes(scope);
}

/** What a limit scope leaves of a requested resource scope. */
function narrowResourceScope(requested: ParsedScope, limit: ParsedScope): readonly string[] {
  if (requested.context !== limit.context) return [];
  let resourceType: string;
  if (limit.resourceType === '*' || limit.resourceType === requested.resourceType) {
    resourceType = requested.resourceType;
  } else if (requested.resourceType === '*') resourceType = limit.resourceType;
  else return [];
  if (
    requested.restriction !== undefined &&
    limit.restriction !== undefined &&
    requested.restriction !== limit.restriction
  ) {
    return [];
  }
  const permissions = new Set<Permission>(
    [...requested.permissions].filter((permission) => limit.permissions.has(permission)),
  );
  if (permissions.size === 0) return [];
  const restriction = requested.restriction ?? limit.restriction;
  return formatNarrowed(
    restriction === undefined
      ? { context: requested.context, resourceType, permissions }
      : { context: requested.context, resourceType, permissions, restriction },
    requested.syntax,
  );
}

/**
 * Narrows one requested scope to a registration's allowed scopes: resource scopes keep what both
 * allow (in the requested syntax), other scopes must be allowed literally.
 * @param scope - a well-formed requested scope
 * @param limit - the allowed scopes
 */
export function narrowScope(scope: string, limit: readonly string[]): readonly string[] {
  const requested = parseAcceptedScope(scope);
  if (requested === undefined) return limit.includes(scope) ? [scope] : [];
  return limit.flatMap((allowed) => {
    const parsed = parseAcceptedScope(allowed);
    return parsed === undefined ? [] : narrowResourceScope(requested, parsed);
  });
}

/** The kind of launch a grant belongs to. */
export type LaunchKind = 'ehr' | 'standalone';

/**
 * The scopes to grant: the requested well-formed SMART scopes, narrowed to the registration's
 * limit if there is one. `launch` is kept only for an EHR launch (it names the EHR context) and
 * `launch/encounter` is dropped (the sandbox has no encounter context to give).
 * @param requested - requested scope tokens
 * @param kind - EHR or standalone launch
 * @param limit - the registration's allowed scopes, if limited
 */
export function grantScopes(
  requested: readonly string[],
  kind: LaunchKind,
  limit: readonly string[] | undefined,
): readonly string[] {
  const granted = requested
    .filter(isSmartScope)
    .filter((scope) => scope !== 'launch/encounter' && (scope !== 'launch' || kind === 'ehr'))
    .flatMap((scope) => (limit === undefined ? [scope] : narrowScope(scope, limit)));
  return [...new Set(granted)];
}

/**
 * True when a grant carries the patient context: an EHR launch's context comes with `launch`,
 * a standalone patient with `launch/patient`.
 * @param scopes - granted scopes
 * @param kind - EHR or standalone launch
 */
export function grantsPatientContext(scopes: readonly string[], kind: LaunchKind): boolean {
  return scopes.includes('launch/patient') || (kind === 'ehr' && scopes.includes('launch'));
}

const VERBS: Readonly<Record<Permission, string>> = {
  c: 'create',
  r: 'read',
  u: 'update',
  d: 'delete',
  s: 'search',
};

const CONTEXT_WORDS: Readonly<Record<ResourceScope['context'], string>> = {
  patient: 'for the patient in context',
  user: 'that you can access',
  system: 'across the whole system',
};

const NON_RESOURCE_WORDS: Readonly<Record<string, string>> = {
  launch: 'Open with the patient and user of the current EHR session',
  'launch/patient': 'Choose a patient when the app starts',
  'launch/encounter': 'Know the current encounter',
  openid: 'Confirm your identity (OpenID Connect)',
  fhirUser: 'Know who you are (your Practitioner record)',
  profile: 'Know who you are (your profile)',
  online_access: 'Stay connected while you are signed in to the EHR',
  offline_access: 'Stay connected after you sign out (offline access)',
};

function listInWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

/**
 * A scope in plain words for the consent page, e.g. `patient/Observation.rs` →
 * "Read and search Observation records for the patient in context".
 * @param scope - one scope token
 */
export function describeScope(scope: string): string {
  const words = NON_RESOURCE_WORDS[scope];
  if (words !== undefined) return words;
  const parsed = parseAcceptedScope(scope);
  if (parsed === undefined) return scope;
  const verbs = listInWords(
    PERMISSION_ORDER.filter((permission) => parsed.permissions.has(permission)).map(
      (permission) => VERBS[permission],
    ),
  );
  const what = parsed.resourceType === '*' ? 'all' : parsed.resourceType;
  const only = parsed.restriction === undefined ? '' : ` (only where ${parsed.restriction})`;
  const sentence = `${verbs} ${what} records ${CONTEXT_WORDS[parsed.context]}${only}`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

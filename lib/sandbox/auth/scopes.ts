/**
 * SMART scope checks of the sandbox authorization server: which requested scopes are well
 * formed, what a registration limit (`scope_limit`) leaves of them, and how to say them in words
 * on the consent page. Both SMART v1 (`patient/Observation.read`) and v2
 * (`patient/Observation.rs?category=…`) syntax are accepted, as HTI-1 requires of US EHRs.
 */

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

/** v2 interactions in their required order (SMART 2.x: an in-order subset of `cruds`). */
const V2_LETTERS = 'cruds';

/** RFC 6749 §3.3 scope-token characters. */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/** A parsed resource scope. */
export interface ResourceScope {
  readonly context: 'patient' | 'user' | 'system';
  /** A resource type or `*`. */
  readonly type: string;
  /** Interactions as in-order v2 letters, e.g. `rs`. */
  readonly interactions: string;
  /** The v2 granular query, e.g. `category=…|laboratory` (without `?`). */
  readonly query?: string;
  readonly syntax: 'v1' | 'v2';
}

const RESOURCE_SCOPE = /^(patient|user|system)\/([A-Z][A-Za-z]*|\*)\.([a-z*]+)(?:\?(.+))?$/;

function isContext(value: string): value is ResourceScope['context'] {
  return value === 'patient' || value === 'user' || value === 'system';
}

function isInOrderSubset(letters: string): boolean {
  let last = -1;
  for (const letter of letters) {
    const index = V2_LETTERS.indexOf(letter);
    if (index <= last) return false;
    last = index;
  }
  return letters !== '';
}

/**
 * Parses a resource scope, or returns undefined if it is not a well-formed one.
 * v1 `.read` means `rs`, `.write` means `cud`, `.*` means `cruds` (SMART 2.x mapping).
 * @param scope - one scope token
 */
export function parseResourceScope(scope: string): ResourceScope | undefined {
  const match = RESOURCE_SCOPE.exec(scope);
  if (!match) return undefined;
  const [, context = '', type = '', action = '', query] = match;
  if (!isContext(context)) return undefined;
  const v1 = action === 'read' ? 'rs' : action === 'write' ? 'cud' : action === '*' ? 'cruds' : '';
  if (v1 !== '') {
    // v1 has no granular queries.
    return query === undefined ? { context, type, interactions: v1, syntax: 'v1' } : undefined;
  }
  if (!isInOrderSubset(action)) return undefined;
  return { context, type, interactions: action, query, syntax: 'v2' };
}

/**
 * True for a scope this server understands (SMART v1/v2 resource scope or a known launch,
 * identity or refresh scope).
 * @param scope - one scope token
 */
export function isSmartScope(scope: string): boolean {
  return NON_RESOURCE_SCOPES.has(scope) || parseResourceScope(scope) !== undefined;
}

/**
 * Splits a scope parameter; undefined when it is not a list of RFC 6749 scope tokens.
 * @param scope - the `scope` parameter
 */
export function splitScope(scope: string): readonly string[] | undefined {
  const tokens = scope.split(' ').filter((token) => token !== '');
  return tokens.every((token) => SCOPE_TOKEN.test(token)) ? [...new Set(tokens)] : undefined;
}

function intersect(a: string, b: string): string {
  return [...V2_LETTERS].filter((letter) => a.includes(letter) && b.includes(letter)).join('');
}

/** Writes a resource scope back in the syntax the app asked in. */
function formatResourceScope(scope: ResourceScope, syntax: 'v1' | 'v2'): readonly string[] {
  const base = `${scope.context}/${scope.type}`;
  if (syntax === 'v2' || scope.query !== undefined) {
    return [`${base}.${scope.interactions}${scope.query === undefined ? '' : `?${scope.query}`}`];
  }
  if (scope.interactions === V2_LETTERS) return [`${base}.*`];
  const out: string[] = [];
  if (scope.interactions.includes('r') && scope.interactions.includes('s'))
    out.push(`${base}.read`);
  if (['c', 'u', 'd'].every((letter) => scope.interactions.includes(letter))) {
    out.push(`${base}.write`);
  }
  return out;
}

/** What a limit scope leaves of a requested resource scope. */
function narrowResourceScope(requested: ResourceScope, limit: ResourceScope): readonly string[] {
  if (requested.context !== limit.context) return [];
  let type: string;
  if (limit.type === '*' || limit.type === requested.type) type = requested.type;
  else if (requested.type === '*') type = limit.type;
  else return [];
  if (
    requested.query !== undefined &&
    limit.query !== undefined &&
    requested.query !== limit.query
  ) {
    return [];
  }
  const interactions = intersect(requested.interactions, limit.interactions);
  if (interactions === '') return [];
  return formatResourceScope(
    { ...requested, type, interactions, query: requested.query ?? limit.query },
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
  const requested = parseResourceScope(scope);
  if (requested === undefined) return limit.includes(scope) ? [scope] : [];
  return limit.flatMap((allowed) => {
    const parsed = parseResourceScope(allowed);
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

const VERBS: Readonly<Record<string, string>> = {
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
  const parsed = parseResourceScope(scope);
  if (parsed === undefined) return scope;
  const verbs = listInWords([...parsed.interactions].map((letter) => VERBS[letter] ?? letter));
  const what = parsed.type === '*' ? 'all' : parsed.type;
  const only = parsed.query === undefined ? '' : ` (only where ${parsed.query})`;
  const sentence = `${verbs} ${what} records ${CONTEXT_WORDS[parsed.context]}${only}`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

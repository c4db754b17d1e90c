import type { AccessGrant } from '@/lib/sandbox/types';

/**
 * SMART scopes, as the sandbox enforces them.
 *
 * - v1 (`patient/Observation.read`, `.write`, `.*`) and v2 (`patient/Observation.rs`, `.cruds`)
 *   syntax. v1 `.read` = `rs`, `.write` = `cud`, `.*` = `cruds`. v2 letters must be a non-empty,
 *   in-order subset of `cruds` (`.sr` or `.rr` is not a scope and grants nothing).
 * - `patient/`, `user/` and `system/` contexts, `*` as the resource type.
 * - Granular scopes: only `?category=<token>[,<token>...]` on Observation and Condition is
 *   understood, and it is enforced (reads, searches and writes must stay inside the category).
 *   Any other `?param=value` restriction makes the scope grant nothing: the sandbox never widens
 *   a restriction it cannot enforce.
 * - Non-resource scopes (`launch`, `openid`, `fhirUser`, `offline_access`, ...) are ignored here.
 */

/** One SMART v2 permission letter. */
export type Permission = 'c' | 'r' | 'u' | 'd' | 's';

/** The compartment a scope applies to. */
export type ScopeContext = 'patient' | 'user' | 'system';

/** A FHIR interaction the sandbox authorises. */
export type Interaction = 'read' | 'vread' | 'search' | 'create' | 'update' | 'delete';

/** The permission letter each interaction needs. */
export const INTERACTION_PERMISSION: Readonly<Record<Interaction, Permission>> = {
  read: 'r',
  vread: 'r',
  search: 's',
  create: 'c',
  update: 'u',
  delete: 'd',
};

/** A parsed resource scope. */
export interface ResourceScope {
  readonly raw: string;
  readonly context: ScopeContext;
  /** A resource type, or `*`. */
  readonly resourceType: string;
  readonly permissions: ReadonlySet<Permission>;
  /** The granular `category` restriction (a token OR-list), if any. */
  readonly category?: string;
}

/** Types whose granular `?category=` restriction the sandbox can enforce. */
export const CATEGORY_RESTRICTABLE_TYPES: ReadonlySet<string> = new Set([
  'Observation',
  'Condition',
]);

const V2_ORDER = 'cruds';
const SCOPE_PATTERN =
  /^(patient|user|system)\/(\*|[A-Z][A-Za-z]+)\.(\*|read|write|[a-z]+)(?:\?(.+))?$/;

function parsePermissions(action: string): ReadonlySet<Permission> | undefined {
  if (action === 'read') return new Set<Permission>(['r', 's']);
  if (action === 'write') return new Set<Permission>(['c', 'u', 'd']);
  if (action === '*') return new Set<Permission>(['c', 'r', 'u', 'd', 's']);
  const permissions = new Set<Permission>();
  let last = -1;
  for (const letter of action) {
    const index = V2_ORDER.indexOf(letter);
    // Out of order, repeated or unknown letters: not a valid v2 scope.
    if (index <= last) return undefined;
    last = index;
    permissions.add(letter as Permission);
  }
  return permissions.size > 0 ? permissions : undefined;
}

function parseRestriction(resourceType: string, query: string): string | null {
  const params = [...new URLSearchParams(query)];
  const [first] = params;
  if (params.length !== 1 || !first) return null;
  const [name, value] = first;
  if (
    name !== 'category' ||
    value.trim() === '' ||
    !CATEGORY_RESTRICTABLE_TYPES.has(resourceType)
  ) {
    return null;
  }
  return value;
}

/**
 * Parses one SMART scope string.
 * @param scope - e.g. `patient/Observation.rs?category=laboratory`.
 * @returns The resource scope, or `undefined` when it is not a resource scope the sandbox can
 *   honour (a non-resource scope, a malformed one, or an unenforceable granular restriction).
 */
export function parseSmartScope(scope: string): ResourceScope | undefined {
  const match = SCOPE_PATTERN.exec(scope.trim());
  if (!match) return undefined;
  const [, context, resourceType, action, query] = match;
  if (!context || !resourceType || !action) return undefined;
  const permissions = parsePermissions(action);
  if (!permissions) return undefined;
  if (query === undefined) {
    return { raw: scope, context: context as ScopeContext, resourceType, permissions };
  }
  const category = parseRestriction(resourceType, query);
  if (!category) return undefined;
  return { raw: scope, context: context as ScopeContext, resourceType, permissions, category };
}

/** The result of an access decision. */
export type AccessDecision =
  | {
      readonly allowed: true;
      /** Set when only `patient/` scopes allow the request: limit it to this patient's compartment. */
      readonly patient?: string;
      /** Set when every allowing scope is category-restricted: the allowed categories (OR-list). */
      readonly category?: string;
    }
  | { readonly allowed: false; readonly reason: string };

const INTERACTION_VERB: Readonly<Record<Permission, string>> = {
  c: 'create',
  r: 'read',
  u: 'update',
  d: 'delete',
  s: 'search',
};
const V1_EQUIVALENT: Readonly<Record<Permission, string>> = {
  c: 'write',
  r: 'read',
  u: 'write',
  d: 'write',
  s: 'read',
};

/**
 * Decides whether a grant allows one permission on one resource type. `system/` and `user/`
 * scopes win over `patient/` scopes (they are not limited to a compartment). A QA grant may read
 * and search everything and write nothing.
 * @param grant - The verified token's grant.
 * @param resourceType - The resource type the request touches.
 * @param permission - The permission letter the interaction needs.
 */
export function decideAccess(
  grant: AccessGrant,
  resourceType: string,
  permission: Permission,
): AccessDecision {
  if (grant.qa === true) {
    return permission === 'r' || permission === 's'
      ? { allowed: true }
      : {
          allowed: false,
          reason: `The QA token is read-only: it cannot ${INTERACTION_VERB[permission]} ${resourceType}`,
        };
  }
  const matching = grant.scopes
    .map(parseSmartScope)
    .filter(
      (scope): scope is ResourceScope =>
        scope !== undefined &&
        (scope.resourceType === '*' || scope.resourceType === resourceType) &&
        scope.permissions.has(permission),
    );
  for (const context of ['system', 'user', 'patient'] as const) {
    const group = matching.filter((scope) => scope.context === context);
    if (group.length === 0) continue;
    const category = group.some((scope) => scope.category === undefined)
      ? undefined
      : group.map((scope) => scope.category).join(',');
    if (context !== 'patient') {
      return category === undefined ? { allowed: true } : { allowed: true, category };
    }
    if (!grant.patient) {
      return {
        allowed: false,
        reason: `patient/ scopes need a patient in context to ${INTERACTION_VERB[permission]} ${resourceType}`,
      };
    }
    return category === undefined
      ? { allowed: true, patient: grant.patient }
      : { allowed: true, patient: grant.patient, category };
  }
  const context = grant.patient ? 'patient' : 'user';
  return {
    allowed: false,
    reason:
      `To ${INTERACTION_VERB[permission]} ${resourceType} the token needs scope ` +
      `${context}/${resourceType}.${permission} (v1: ${context}/${resourceType}.${V1_EQUIVALENT[permission]})`,
  };
}

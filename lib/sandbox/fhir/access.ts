import type { AccessGrant } from '@/lib/sandbox/types';
import { parseScope, type ParsedScope, type Permission } from '@/lib/smart/scope-grammar';

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
 *
 * The grammar is `lib/smart/scope-grammar.ts`; this module adds the enforcement policy.
 */

export type { Permission, ScopeContext } from '@/lib/smart/scope-grammar';

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

/** A resource scope the sandbox can honour. */
export interface ResourceScope extends ParsedScope {
  /** The enforceable granular `category` restriction (a token OR-list), if any. */
  readonly category?: string;
}

/** Types whose granular `?category=` restriction the sandbox can enforce. */
export const CATEGORY_RESTRICTABLE_TYPES: ReadonlySet<string> = new Set([
  'Observation',
  'Condition',
]);

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
  const parsed = parseScope(scope.trim());
  if (!parsed) return undefined;
  if (parsed.restriction === undefined) return { ...parsed, raw: scope };
  const category = parseRestriction(parsed.resourceType, parsed.restriction);
  if (!category) return undefined;
  return { ...parsed, raw: scope, category };
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

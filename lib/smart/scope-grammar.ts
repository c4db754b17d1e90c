/**
 * The SMART resource-scope grammar, parsed in one place for the app (`missingScopes`) and the
 * sandbox (granting, narrowing, describing and enforcing scopes). It only parses and formats:
 * what a scope is allowed to do (e.g. whether a granular restriction counts) is each caller's
 * policy.
 *
 * - v1: `patient/Observation.read`, `.write`, `.*`. SMART 2.x maps `.read` to `rs`, `.write` to
 *   `cud` and `.*` to `cruds`.
 * - v2: `patient/Observation.rs`: the letters are a non-empty, in-order subset of `cruds` (no
 *   repeats, no other letters).
 * - Contexts `patient/`, `user/` and `system/`; the resource type is a capitalised name or `*`.
 * - An optional `?param=value…` granular restriction, kept raw (without the `?`). SMART defines
 *   it for v2 only; the grammar still parses it after a v1 action so each caller decides.
 */

/** One SMART v2 permission letter: create, read, update, delete, search. */
export type Permission = 'c' | 'r' | 'u' | 'd' | 's';

/** The compartment a resource scope applies to. */
export type ScopeContext = 'patient' | 'user' | 'system';

/** The SMART scope syntax a scope was written in. */
export type ScopeSyntax = 'v1' | 'v2';

/** The v2 permission letters in their required order (`cruds`). */
export const PERMISSION_ORDER: readonly Permission[] = ['c', 'r', 'u', 'd', 's'];

/** A SMART v1 action. */
export type V1Action = 'read' | 'write' | '*';

/** The permissions each SMART v1 action stands for (SMART 2.x mapping). */
export const V1_ACTION_PERMISSIONS: Readonly<Record<V1Action, readonly Permission[]>> = {
  read: ['r', 's'],
  write: ['c', 'u', 'd'],
  '*': ['c', 'r', 'u', 'd', 's'],
};

/** A well-formed SMART resource scope, as written. */
export interface ParsedScope {
  /** The scope string that was parsed. */
  readonly raw: string;
  readonly context: ScopeContext;
  /** A resource type (e.g. `Observation`), or `*` for every type. */
  readonly resourceType: string;
  /** The permissions the action stands for (v1 actions already mapped to v2 letters). */
  readonly permissions: ReadonlySet<Permission>;
  readonly syntax: ScopeSyntax;
  /** The raw granular restriction after `?` (e.g. `category=laboratory`), if any. */
  readonly restriction?: string;
}

/** The parts of a scope needed to write it back. */
export type ScopeParts = Pick<
  ParsedScope,
  'context' | 'resourceType' | 'permissions' | 'restriction'
>;

// Context, then a capitalised type or `*`, then the action, then an optional non-empty query.
const RESOURCE_SCOPE = /^(patient|user|system)\/([A-Z][A-Za-z]*|\*)\.([a-z*]+)(?:\?(.+))?$/;

function isContext(value: string): value is ScopeContext {
  return value === 'patient' || value === 'user' || value === 'system';
}

function isV1Action(action: string): action is V1Action {
  return action === 'read' || action === 'write' || action === '*';
}

/** The permissions of v2 letters, or undefined unless they are a non-empty in-order subset. */
function parseV2Letters(letters: string): ReadonlySet<Permission> | undefined {
  const permissions = new Set<Permission>();
  let last = -1;
  for (const letter of letters) {
    const index = PERMISSION_ORDER.findIndex((permission) => permission === letter);
    const permission = PERMISSION_ORDER[index];
    // Unknown (-1), out of order or repeated: `.x`, `.sr` and `.rr` are not scopes.
    if (permission === undefined || index <= last) return undefined;
    last = index;
    permissions.add(permission);
  }
  return permissions.size > 0 ? permissions : undefined;
}

/**
 * Parses one SMART resource scope (v1 or v2). Nothing is trimmed or normalised.
 * @param scope - one scope token, e.g. `patient/Observation.rs?category=laboratory`
 * @returns The parsed scope, or undefined when it is not a well-formed resource scope (a
 *   non-resource scope such as `launch`, an unknown context, a lowercase type, or v2 letters that
 *   are empty, repeated, out of order or not in `cruds`).
 */
export function parseScope(scope: string): ParsedScope | undefined {
  const match = RESOURCE_SCOPE.exec(scope);
  if (!match) return undefined;
  const [, context = '', resourceType = '', action = '', restriction] = match;
  if (!isContext(context)) return undefined;
  const v1 = isV1Action(action);
  const permissions = v1 ? new Set(V1_ACTION_PERMISSIONS[action]) : parseV2Letters(action);
  if (permissions === undefined) return undefined;
  const syntax = v1 ? 'v1' : 'v2';
  return restriction === undefined
    ? { raw: scope, context, resourceType, permissions, syntax }
    : { raw: scope, context, resourceType, permissions, syntax, restriction };
}

/**
 * Permissions as in-order v2 letters, e.g. `rs`.
 * @param permissions - any set of permissions
 */
export function toPermissionLetters(permissions: ReadonlySet<Permission>): string {
  return PERMISSION_ORDER.filter((permission) => permissions.has(permission)).join('');
}

/**
 * Writes a scope in v2 syntax, restriction included, e.g. `patient/Observation.rs?category=…`.
 * @param scope - the context, type, permissions (non-empty) and restriction to write
 */
export function formatV2Scope(scope: ScopeParts): string {
  const query = scope.restriction === undefined ? '' : `?${scope.restriction}`;
  return `${scope.context}/${scope.resourceType}.${toPermissionLetters(scope.permissions)}${query}`;
}

/**
 * Writes permissions in v1 syntax: `.*` for all five, else `.read` for `r` and `s`, else `.write`
 * for `c`, `u` and `d` (both together would be all five). v1 cannot say the rest (e.g. `r` alone
 * or `cs`), so it is dropped, and v1 has no restriction to write.
 * @param scope - the context, type and permissions to write
 * @returns The v1 scope, or an empty list when v1 cannot say any of the permissions.
 */
export function formatV1Scopes(
  scope: Pick<ScopeParts, 'context' | 'resourceType' | 'permissions'>,
): readonly string[] {
  const base = `${scope.context}/${scope.resourceType}`;
  const covers = (action: V1Action): boolean =>
    V1_ACTION_PERMISSIONS[action].every((permission) => scope.permissions.has(permission));
  if (covers('*')) return [`${base}.*`];
  const partial: readonly V1Action[] = ['read', 'write'];
  return partial.filter(covers).map((action) => `${base}.${action}`);
}

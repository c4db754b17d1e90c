import { randomUUID } from 'node:crypto';
import { isResourceType, normalizeErrorString, validateResource } from '@medplum/core';
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { dateShiftFor, readAnchor, shiftResourceDates } from './shift-dates';

/** The outcome of preparing one seed file: every resource ready to store, or why it is refused. */
export type PreparedSeedFile =
  | { readonly ok: true; readonly resources: readonly Resource[] }
  | { readonly ok: false; readonly reason: string };

/** How to read one seed file. */
export interface PrepareOptions {
  /** The load time the anchor maps to. */
  readonly now: Date;
  /** Anchor to use instead of the file's own `meta.tag` anchor (`SANDBOX_SEED_ANCHOR`). */
  readonly anchorOverride?: string;
  /**
   * Validate every resource against R4 (default true). The built-in patient files skip it: the
   * test suite validates each of them, and validating the 13,000-resource large chart would add
   * about 4.5 s to every start.
   */
  readonly validate?: boolean;
}

const ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;
const UUID_URN =
  /^urn:uuid:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
const SEEDABLE_BUNDLES = new Set(['collection', 'transaction', 'batch']);

class SeedFileError extends Error {}

function isResource(value: unknown): value is Resource {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { resourceType?: unknown }).resourceType === 'string'
  );
}

/** `Type/id` at the end of a request URL or fullUrl (`Patient/1`, `http://x/fhir/Patient/1`). */
function typeAndIdOf(url: string): [string, string] | undefined {
  if (url.includes('?')) return undefined;
  const parts = url.split('/').filter(Boolean);
  const id = parts.at(-1);
  const type = parts.at(-2);
  return type && id && isResourceType(type) && ID_PATTERN.test(id) ? [type, id] : undefined;
}

/**
 * Picks the id a seeded resource keeps: the id in a PUT `request.url`, else the resource's own
 * id, else the uuid of a `urn:uuid:` fullUrl (deterministic), else the id at the end of an
 * absolute fullUrl, else a new uuid.
 */
function seedId(resource: Resource, entry: BundleEntry | undefined, index: number): string {
  const request = entry?.request;
  if (request && request.method !== 'POST' && request.method !== 'PUT') {
    throw new SeedFileError(`entry ${index}: ${request.method} cannot seed a resource`);
  }
  if (request?.method === 'PUT') {
    const target = typeAndIdOf(request.url);
    if (!target)
      throw new SeedFileError(`entry ${index}: PUT ${request.url} does not name Type/id`);
    if (target[0] !== resource.resourceType) {
      throw new SeedFileError(`entry ${index}: PUT ${target[0]} holds a ${resource.resourceType}`);
    }
    return target[1];
  }
  if (resource.id) {
    if (!ID_PATTERN.test(resource.id)) throw new SeedFileError(`entry ${index}: invalid id`);
    return resource.id;
  }
  const fullUrl = entry?.fullUrl;
  const uuid = fullUrl ? UUID_URN.exec(fullUrl)?.[1] : undefined;
  if (uuid) return uuid.toLowerCase();
  const fromUrl = fullUrl ? typeAndIdOf(fullUrl) : undefined;
  if (fromUrl && fromUrl[0] === resource.resourceType) return fromUrl[1];
  return randomUUID();
}

/** Replaces `Reference.reference` values that name a Bundle entry's fullUrl with `Type/id`. */
function rewriteReferences(value: unknown, fullUrls: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteReferences(item, fullUrls));
  if (typeof value !== 'object' || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    result[key] =
      key === 'reference' && typeof item === 'string'
        ? (fullUrls.get(item) ?? item)
        : rewriteReferences(item, fullUrls);
  }
  return result;
}

function findUnresolvedUrn(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findUnresolvedUrn(item);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (key === 'reference' && typeof item === 'string' && item.startsWith('urn:')) return item;
    const found = findUnresolvedUrn(item);
    if (found) return found;
  }
  return undefined;
}

function entriesOf(root: Resource): { resource: Resource; entry?: BundleEntry }[] {
  if (root.resourceType !== 'Bundle' || !SEEDABLE_BUNDLES.has((root as Bundle).type ?? '')) {
    return [{ resource: root }];
  }
  const entries = (root as Bundle).entry ?? [];
  return entries.map((entry, index) => {
    if (!isResource(entry.resource)) throw new SeedFileError(`entry ${index} has no resource`);
    return { resource: entry.resource, entry };
  });
}

/**
 * Turns one seed file's text into the resources to store, or a reason to skip the whole file.
 * Accepts a Bundle of type collection, transaction or batch (entry ids kept; `urn:uuid:`
 * fullUrls resolved and references rewritten) or any single resource. Dates are shifted so the
 * anchor (`anchorOverride`, else the file's own anchor tag, else none) maps to `now`, then every
 * resource is validated; one invalid resource refuses the whole file. Pure apart from new uuids
 * for resources that have no id at all.
 * @param text - The file's contents.
 * @param options - Load time and anchor override.
 */
export function prepareSeedFile(text: string, options: PrepareOptions): PreparedSeedFile {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    // The parser's message can quote file content; the report only says what kind of problem.
    return { ok: false, reason: 'not valid JSON' };
  }
  if (!isResource(root) || !isResourceType(root.resourceType)) {
    return { ok: false, reason: 'not a FHIR R4 resource (no known resourceType)' };
  }
  const anchor = options.anchorOverride ?? readAnchor(root);
  const shift = anchor === undefined ? undefined : dateShiftFor(anchor, options.now);
  if (anchor !== undefined && shift === undefined) {
    return { ok: false, reason: `anchor '${anchor}' is not an ISO 8601 date-time` };
  }
  try {
    const entries = entriesOf(root);
    const fullUrls = new Map<string, string>();
    const identified = entries.map(({ resource, entry }, index) => {
      if (!isResourceType(resource.resourceType)) {
        throw new SeedFileError(`entry ${index}: unknown resourceType`);
      }
      const id = seedId(resource, entry, index);
      if (entry?.fullUrl) fullUrls.set(entry.fullUrl, `${resource.resourceType}/${id}`);
      return { ...resource, id } as Resource;
    });
    const resources = identified.map((resource) => {
      const rewritten = rewriteReferences(resource, fullUrls) as Resource;
      const unresolved = findUnresolvedUrn(rewritten);
      if (unresolved) {
        throw new SeedFileError(
          `${resource.resourceType}/${resource.id ?? ''}: unresolved reference ${unresolved}`,
        );
      }
      return shift ? shiftResourceDates(rewritten, shift) : rewritten;
    });
    for (const resource of options.validate === false ? [] : resources) {
      try {
        validateResource(resource);
      } catch (error) {
        throw new SeedFileError(
          `${resource.resourceType}/${resource.id ?? ''} is not valid R4: ${normalizeErrorString(error)}`,
        );
      }
    }
    return { ok: true, resources };
  } catch (error) {
    if (error instanceof SeedFileError) return { ok: false, reason: error.message };
    throw error;
  }
}

/**
 * Writing the screening back to the EHR without ever creating a duplicate.
 *
 * Every resource carries a stable business identifier. Before creating anything the app searches
 * for that identifier, so a double click, a retry after a lost response, or a reload finds what a
 * previous attempt already wrote. Creates are conditional (`If-None-Exist`) as a second guard on
 * servers that honour it. When the server's CapabilityStatement lists the `transaction`
 * interaction the remaining resources go in one transaction Bundle; otherwise one by one, in
 * order, each later resource pointing at the real id of the earlier ones.
 */
import type { Bundle, BundleEntry, CapabilityStatement, Identifier, Resource } from 'fhir/r4';
import type { SmartClient } from '@/lib/smart/client';
import { FhirRequestError, toFhirRequestError } from './errors';

/** A resource to write. */
export interface WriteItem {
  /** A local name for the outcome, e.g. `questionnaire-response`. */
  readonly key: string;
  /**
   * The resource. Its business identifier (`identifier`, or `identifier[0]` where the element
   * repeats) with system and value is stable across attempts.
   */
  readonly resource: Resource & { readonly identifier?: Identifier | Identifier[] };
  /**
   * The placeholder (`urn:uuid:…`) by which later items refer to this one; replaced with
   * `Type/id` once the server has assigned the id.
   */
  readonly fullUrl?: string;
}

/** What happened to one resource. */
export type WriteOutcome =
  | {
      readonly key: string;
      readonly state: 'created';
      readonly reference: `${string}/${string}`;
      /** True when a previous attempt had already written it (found by identifier). */
      readonly existed: boolean;
    }
  | { readonly key: string; readonly state: 'failed'; readonly error: FhirRequestError };

/** How to write. */
export interface WriteOptions {
  /** Whether the server accepts transaction Bundles (from its CapabilityStatement). */
  readonly transactions: boolean;
}

type Reference = `${string}/${string}`;

function identifierOf(item: WriteItem): { system: string; value: string } {
  const raw = item.resource.identifier;
  const identifier = Array.isArray(raw) ? raw[0] : raw;
  if (!identifier?.system || !identifier.value) {
    throw new Error(`${item.key}: a written resource needs an identifier with system and value.`);
  }
  return { system: identifier.system, value: identifier.value };
}

function identifierQuery(item: WriteItem): string {
  const { system, value } = identifierOf(item);
  return new URLSearchParams({ identifier: `${system}|${value}` }).toString();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isBundle(value: unknown): value is Bundle {
  return isRecord(value) && value.resourceType === 'Bundle';
}

/** `Type/id` from a resource body or a `Location` header (`…/Type/id/_history/n`). */
function referenceFrom(
  resourceType: string,
  body: unknown,
  location: string | null,
): Reference | undefined {
  if (
    isRecord(body) &&
    body.resourceType === resourceType &&
    typeof body.id === 'string' &&
    body.id !== ''
  ) {
    return `${resourceType}/${body.id}`;
  }
  if (location) {
    const match = new RegExp(
      `(?:^|/)${resourceType}/([A-Za-z0-9\\-.]{1,64})(?:/_history/[^/]+)?/?$`,
    ).exec(location);
    if (match?.[1]) return `${resourceType}/${match[1]}`;
  }
  return undefined;
}

/** Replaces every placeholder reference in a resource with the real `Type/id`. */
function resolvePlaceholders<T>(value: T, resolved: ReadonlyMap<string, Reference>): T {
  if (resolved.size === 0) return value;
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) =>
      key === 'reference' && typeof v === 'string' && resolved.has(v) ? resolved.get(v) : v,
    ),
  ) as T;
}

function placeholdersIn(
  value: unknown,
  placeholders: ReadonlySet<string>,
  found = new Set<string>(),
): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) placeholdersIn(v, placeholders, found);
  } else if (isRecord(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'reference' && typeof v === 'string' && placeholders.has(v)) found.add(v);
      else placeholdersIn(v, placeholders, found);
    }
  }
  return found;
}

/**
 * Searches for a resource by its identifier.
 * @returns its reference, undefined when none exists, or `'unsearchable'` when the server refused
 * the search (403: no search scope), in which case the conditional create is the only guard
 */
async function findExisting(
  client: SmartClient,
  item: WriteItem,
): Promise<Reference | undefined | 'unsearchable'> {
  const type = item.resource.resourceType;
  const url = `${type}?${identifierQuery(item)}`;
  let bundle: unknown;
  try {
    bundle = await client.request<unknown>(url);
  } catch (error) {
    const failure = await toFhirRequestError(error, `${type}?identifier=…`);
    if (failure.status === 403) return 'unsearchable';
    throw failure;
  }
  if (!isBundle(bundle)) {
    throw new FhirRequestError(
      0,
      `${type}?identifier=…`,
      'The EHR answered the search with something that is not a Bundle.',
    );
  }
  for (const entry of bundle.entry ?? []) {
    const resource = entry.resource;
    if (resource?.resourceType === type && resource.id) return `${type}/${resource.id}`;
  }
  return undefined;
}

async function createOne(
  client: SmartClient,
  item: WriteItem,
  resource: Resource,
): Promise<Reference> {
  const type = resource.resourceType;
  let result: { body: unknown; response: Response };
  try {
    result = await client.request<{ body: unknown; response: Response }>({
      url: type,
      method: 'POST',
      body: JSON.stringify(resource),
      headers: {
        'Content-Type': 'application/fhir+json',
        'If-None-Exist': identifierQuery(item),
      },
      includeResponse: true,
    });
  } catch (error) {
    throw await toFhirRequestError(error, type);
  }
  const reference = referenceFrom(type, result.body, result.response.headers.get('location'));
  if (!reference) {
    throw new FhirRequestError(
      0,
      type,
      'The EHR accepted the resource but did not say which id it was given.',
    );
  }
  return reference;
}

async function createInTransaction(
  client: SmartClient,
  items: readonly { item: WriteItem; resource: Resource }[],
): Promise<Reference[]> {
  const bundle: Bundle = {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: items.map(({ item, resource }): BundleEntry => ({
      ...(item.fullUrl ? { fullUrl: item.fullUrl } : {}),
      resource,
      request: { method: 'POST', url: resource.resourceType, ifNoneExist: identifierQuery(item) },
    })),
  };
  let response: unknown;
  try {
    response = await client.request<unknown>({
      url: '',
      method: 'POST',
      body: JSON.stringify(bundle),
      headers: { 'Content-Type': 'application/fhir+json' },
    });
  } catch (error) {
    throw await toFhirRequestError(error, 'transaction');
  }
  const entries = isBundle(response) ? (response.entry ?? []) : [];
  return items.map(({ resource }, index) => {
    const entry = entries[index];
    const reference = referenceFrom(
      resource.resourceType,
      entry?.resource,
      entry?.response?.location ?? null,
    );
    if (!reference) {
      throw new FhirRequestError(
        0,
        'transaction',
        'The EHR answered the transaction without the ids of what it wrote.',
      );
    }
    return reference;
  });
}

const inFlight = new Map<string, Promise<WriteOutcome[]>>();

/**
 * Writes the items (in order: an item may refer to earlier ones by their `fullUrl`). Never throws
 * for a server problem: each item gets its own outcome, and an item whose referenced item failed
 * is not written (it fails with a message saying so), so a retry can complete the set.
 * @param client - the SMART client (its `request` path refreshes tokens and handles 401)
 * @param items - the resources, each with a stable identifier
 * @param options - whether the server supports transactions
 */
export function writeResources(
  client: SmartClient,
  items: readonly WriteItem[],
  options: WriteOptions,
): Promise<WriteOutcome[]> {
  // A second call for the same resources while the first is still running (a double click) joins
  // the first instead of racing it.
  const key = items
    .map((item) => `${item.resource.resourceType}?${identifierQuery(item)}`)
    .join('&');
  const running = inFlight.get(key);
  if (running) return running;
  const write = writeAll(client, items, options).finally(() => inFlight.delete(key));
  inFlight.set(key, write);
  return write;
}

async function writeAll(
  client: SmartClient,
  items: readonly WriteItem[],
  options: WriteOptions,
): Promise<WriteOutcome[]> {
  const outcomes = new Map<string, WriteOutcome>();
  const resolved = new Map<string, Reference>();
  const failedPlaceholders = new Set<string>();
  const placeholders = new Set(items.flatMap((item) => (item.fullUrl ? [item.fullUrl] : [])));
  const fail = (item: WriteItem, error: FhirRequestError) => {
    outcomes.set(item.key, { key: item.key, state: 'failed', error });
    if (item.fullUrl) failedPlaceholders.add(item.fullUrl);
  };
  const succeed = (item: WriteItem, reference: Reference, existed: boolean) => {
    outcomes.set(item.key, { key: item.key, state: 'created', reference, existed });
    if (item.fullUrl) resolved.set(item.fullUrl, reference);
  };

  // 1. What a previous attempt already wrote.
  const pending: WriteItem[] = [];
  await Promise.all(
    items.map(async (item) => {
      try {
        const existing = await findExisting(client, item);
        if (existing && existing !== 'unsearchable') succeed(item, existing, true);
        else pending.push(item);
      } catch (error) {
        fail(item, await toFhirRequestError(error, item.resource.resourceType));
      }
    }),
  );
  const toWrite = items.filter((item) => pending.includes(item));

  // 2. Create the rest, never with a reference to something that failed.
  const blockedBy = (item: WriteItem) =>
    [...placeholdersIn(item.resource, placeholders)].find((p) => failedPlaceholders.has(p));
  const blockedError = (item: WriteItem) =>
    new FhirRequestError(
      0,
      item.resource.resourceType,
      'Not written, because a resource it refers to could not be written. Retry to complete it.',
    );

  if (options.transactions) {
    const ready = toWrite.filter((item) => {
      if (blockedBy(item)) fail(item, blockedError(item));
      return !blockedBy(item);
    });
    if (ready.length > 0) {
      const prepared = ready.map((item) => ({
        item,
        resource: resolvePlaceholders(item.resource, resolved),
      }));
      try {
        const references = await createInTransaction(client, prepared);
        ready.forEach((item, index) => {
          const reference = references[index];
          if (reference) succeed(item, reference, false);
        });
      } catch (error) {
        const failure = await toFhirRequestError(error, 'transaction');
        for (const item of ready) fail(item, failure);
      }
    }
  } else {
    for (const item of toWrite) {
      if (blockedBy(item)) {
        fail(item, blockedError(item));
        continue;
      }
      try {
        succeed(
          item,
          await createOne(client, item, resolvePlaceholders(item.resource, resolved)),
          false,
        );
      } catch (error) {
        fail(item, await toFhirRequestError(error, item.resource.resourceType));
      }
    }
  }
  return items.map(
    (item) =>
      outcomes.get(item.key) ?? { key: item.key, state: 'failed', error: blockedError(item) },
  );
}

/**
 * Whether the server accepts transaction Bundles, from its CapabilityStatement. Read only when
 * writing (never in the chart-reading wave); a server whose metadata cannot be read is written
 * to one resource at a time.
 */
export async function fetchSupportsTransactions(client: SmartClient): Promise<boolean> {
  try {
    const capability = await client.request<CapabilityStatement>('metadata');
    return (capability.rest ?? []).some((rest) =>
      (rest.interaction ?? []).some((interaction) => interaction.code === 'transaction'),
    );
  } catch {
    return false;
  }
}

import { getStatus, isOk, isResourceType } from '@medplum/core';
import type { FhirRequest } from '@medplum/fhir-router';
import type { Bundle, BundleEntry, OperationOutcome, Resource } from '@medplum/fhirtypes';
import type { AccessGrant } from '@/lib/sandbox/types';
import type { Interaction } from './access';
import { decideAccess, INTERACTION_PERMISSION } from './access';
import { buildCapabilityStatement } from './capability';
import type { SandboxEngine } from './engine';
import { getSandboxEngine } from './engine';
import { GuardedRepository } from './guarded-repository';
import {
  cleanOutcome,
  errorResponse,
  FhirError,
  fhirError,
  fhirResponse,
  toErrorOutcome,
} from './outcome';
import { decorateSearchBundle } from './paging';
import { restoreRepository, snapshotRepository } from './repository-state';
import type { FhirRoute } from './routes';
import { resolveRoute } from './routes';
import type { SearchPlan } from './search-params';
import { normalizeConditionQuery, planSearch } from './search-params';

/** What {@link handleFhirRequest} needs besides the request. */
export interface FhirRequestOptions {
  /** Absolute FHIR base, e.g. `http://localhost:3000/sandbox/fhir`; the request path lives under it. */
  readonly baseUrl: string;
  /** The verified token's grant. */
  readonly grant: AccessGrant;
  /** An engine from `createSandboxEngine()` (tests); default: the process singleton. */
  readonly engine?: SandboxEngine;
}

interface Context {
  readonly request: Request;
  readonly baseUrl: string;
  readonly grant: AccessGrant;
  readonly engine: SandboxEngine;
}

type RouterAnswer = [OperationOutcome, Resource | undefined];

const NOT_READY = fhirError(
  503,
  'transient',
  'The sandbox FHIR server failed to start; see the server log',
);

async function engineOf(engine: SandboxEngine | undefined): Promise<SandboxEngine> {
  try {
    return engine ?? (await getSandboxEngine());
  } catch {
    throw NOT_READY;
  }
}

/**
 * `GET [base]/metadata`: the CapabilityStatement. Needs no token, and answers only once every
 * seed is loaded, so it doubles as the readiness signal (503 if the store failed to start).
 * @param options - The FHIR base, and optionally an engine (tests).
 */
export async function handleMetadataRequest(options: {
  readonly baseUrl: string;
  readonly engine?: SandboxEngine;
}): Promise<Response> {
  try {
    await engineOf(options.engine);
    return fhirResponse(200, buildCapabilityStatement(options.baseUrl.replace(/\/$/, '')));
  } catch (error) {
    return errorResponse(error);
  }
}

/**
 * A 401 for a missing, invalid or expired bearer token, with `WWW-Authenticate: Bearer`.
 * @param reason - Why the token was refused.
 * @param detail - Text for the OperationOutcome (no token content).
 */
export function unauthorizedResponse(
  reason: 'missing' | 'invalid' | 'expired',
  detail: string,
): Response {
  const challenge =
    reason === 'missing'
      ? 'Bearer realm="sandbox"'
      : `Bearer realm="sandbox", error="invalid_token", error_description="${reason} token"`;
  return fhirResponse(
    401,
    {
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: reason === 'expired' ? 'expired' : 'login',
          details: { text: detail },
        },
      ],
    } satisfies OperationOutcome,
    { 'WWW-Authenticate': challenge },
  );
}

/**
 * Serves one FHIR R4 request of the sandbox EHR (everything except `.well-known`): read, vread,
 * search (GET and `POST _search`), create (with `If-None-Exist`), update, delete, batch and
 * transaction Bundles, and `metadata`. Built on Medplum's FhirRouter + MemoryRepository; this
 * wrapper adds access control (see `access.ts`, `guarded-repository.ts`), validation, strict
 * search parameters, paging links, transaction rollback and OperationOutcome errors.
 * @param request - The HTTP request; its path under `baseUrl` is the FHIR path.
 * @param options - FHIR base, the token's grant, optional engine.
 */
export async function handleFhirRequest(
  request: Request,
  options: FhirRequestOptions,
): Promise<Response> {
  try {
    const baseUrl = options.baseUrl.replace(/\/$/, '');
    const route = resolveRoute(request.method, pathSegments(request.url, baseUrl));
    if (route.kind === 'metadata') return await handleMetadataRequest(options);
    const engine = await engineOf(options.engine);
    return await dispatch({ request, baseUrl, grant: options.grant, engine }, route);
  } catch (error) {
    return errorResponse(error);
  }
}

function pathSegments(requestUrl: string, baseUrl: string): string[] {
  const basePath = new URL(baseUrl).pathname.replace(/\/$/, '');
  const pathname = new URL(requestUrl).pathname;
  if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) {
    throw fhirError(404, 'not-found', 'Not a FHIR path of this server');
  }
  try {
    return pathname.slice(basePath.length).split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    throw fhirError(400, 'invalid', 'Malformed path');
  }
}

async function dispatch(
  ctx: Context,
  route: Exclude<FhirRoute, { kind: 'metadata' }>,
): Promise<Response> {
  switch (route.kind) {
    case 'search':
      return search(ctx, route.resourceType, route.viaPost);
    case 'read':
      return read(ctx, 'read', route.resourceType, `${route.resourceType}/${route.id}`);
    case 'vread':
      return read(
        ctx,
        'vread',
        route.resourceType,
        `${route.resourceType}/${route.id}/_history/${route.versionId}`,
      );
    case 'create':
      return create(ctx, route.resourceType);
    case 'update':
      return update(ctx, route.resourceType, route.id);
    case 'delete':
      return remove(ctx, route.resourceType, route.id);
    case 'bundle':
      return bundle(ctx);
  }
}

function guardedRepository(ctx: Context): GuardedRepository {
  return new GuardedRepository(ctx.engine.repository, ctx.grant, ctx.engine.searchCache);
}

function requireAccess(grant: AccessGrant, resourceType: string, interaction: Interaction): void {
  const decision = decideAccess(grant, resourceType, INTERACTION_PERMISSION[interaction]);
  if (!decision.allowed) throw fhirError(403, 'forbidden', decision.reason);
}

async function runRouter(
  ctx: Context,
  repository: GuardedRepository,
  request: Pick<FhirRequest, 'method' | 'url'> & Partial<Pick<FhirRequest, 'body' | 'headers'>>,
): Promise<RouterAnswer> {
  const [outcome, resource] = await ctx.engine.router.handleRequest(
    {
      method: request.method,
      url: request.url,
      pathname: '',
      params: {},
      query: {},
      body: request.body,
      headers: request.headers ?? {},
      // Without this flag Medplum processes a transaction Bundle like a batch.
      config: { transactions: true },
    },
    repository,
  );
  if (!isOk(outcome)) throw new FhirError(getStatus(outcome), cleanOutcome(outcome));
  return [outcome, resource];
}

function versionHeaders(resource: Resource | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (resource?.meta?.versionId) headers.ETag = `W/"${resource.meta.versionId}"`;
  if (resource?.meta?.lastUpdated)
    headers['Last-Modified'] = new Date(resource.meta.lastUpdated).toUTCString();
  return headers;
}

function locationOf(baseUrl: string, resource: Resource): string {
  const version = resource.meta?.versionId ? `/_history/${resource.meta.versionId}` : '';
  return `${baseUrl}/${resource.resourceType}/${resource.id ?? ''}${version}`;
}

async function search(ctx: Context, resourceType: string, viaPost: boolean): Promise<Response> {
  requireAccess(ctx.grant, resourceType, 'search');
  const params = new URLSearchParams(new URL(ctx.request.url).searchParams);
  if (viaPost) {
    const contentType = ctx.request.headers.get('content-type') ?? '';
    const text = await ctx.request.text();
    if (text.trim() !== '') {
      if (!contentType.startsWith('application/x-www-form-urlencoded')) {
        throw fhirError(
          415,
          'not-supported',
          '_search takes an application/x-www-form-urlencoded body',
        );
      }
      for (const [key, value] of new URLSearchParams(text)) params.append(key, value);
    }
  }
  const plan = planSearch(resourceType, params, ctx.baseUrl);
  const [, result] = await ctx.engine.exclusive(() =>
    runRouter(ctx, guardedRepository(ctx), {
      method: 'GET',
      url: `${resourceType}?${plan.query.toString()}`,
    }),
  );
  if (result?.resourceType !== 'Bundle')
    throw fhirError(500, 'exception', 'Search returned no Bundle');
  return fhirResponse(200, decorateSearchBundle(result, plan, ctx.baseUrl));
}

async function read(
  ctx: Context,
  interaction: Interaction,
  resourceType: string,
  url: string,
): Promise<Response> {
  requireAccess(ctx.grant, resourceType, interaction);
  const [, resource] = await ctx.engine.exclusive(() =>
    runRouter(ctx, guardedRepository(ctx), { method: 'GET', url }),
  );
  return fhirResponse(200, resource, versionHeaders(resource));
}

async function readJsonBody(request: Request): Promise<unknown> {
  const contentType = request.headers.get('content-type') ?? '';
  if (contentType !== '' && !/json/i.test(contentType)) {
    throw fhirError(
      415,
      'not-supported',
      `Content-Type '${contentType}' is not supported: send application/fhir+json`,
    );
  }
  const text = await request.text();
  if (text.trim() === '') throw fhirError(400, 'invalid', 'The request body is empty');
  try {
    return JSON.parse(text);
  } catch {
    throw fhirError(400, 'invalid', 'The request body is not valid JSON');
  }
}

function asResource(value: unknown, expectedType?: string): Resource {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw fhirError(400, 'invalid', 'The body must be a FHIR resource (a JSON object)');
  }
  const resourceType = (value as { resourceType?: unknown }).resourceType;
  if (typeof resourceType !== 'string' || !isResourceType(resourceType)) {
    throw fhirError(400, 'invalid', 'The body has no known resourceType');
  }
  if (expectedType !== undefined && resourceType !== expectedType) {
    throw fhirError(400, 'invalid', `The body is a ${resourceType}, the URL names ${expectedType}`);
  }
  return value as Resource;
}

async function create(ctx: Context, resourceType: string): Promise<Response> {
  requireAccess(ctx.grant, resourceType, 'create');
  const resource = asResource(await readJsonBody(ctx.request), resourceType);
  const headers: Record<string, string> = {};
  const ifNoneExist = ctx.request.headers.get('if-none-exist');
  if (ifNoneExist !== null) {
    // A conditional create searches first: it needs `s` as well as `c`.
    requireAccess(ctx.grant, resourceType, 'search');
    headers['if-none-exist'] = normalizeConditionQuery(resourceType, ifNoneExist, ctx.baseUrl);
  }
  const [outcome, stored] = await ctx.engine.exclusive(() =>
    runRouter(ctx, guardedRepository(ctx), {
      method: 'POST',
      url: resourceType,
      body: resource,
      headers,
    }),
  );
  if (!stored) throw fhirError(500, 'exception', 'Create returned no resource');
  return fhirResponse(getStatus(outcome), stored, {
    ...versionHeaders(stored),
    Location: locationOf(ctx.baseUrl, stored),
  });
}

async function update(ctx: Context, resourceType: string, id: string): Promise<Response> {
  requireAccess(ctx.grant, resourceType, 'update');
  const resource = asResource(await readJsonBody(ctx.request), resourceType);
  if (resource.id !== id) {
    throw fhirError(400, 'invalid', `The body's id must equal the URL's id (${id})`);
  }
  const ifMatch = ctx.request.headers.get('if-match');
  const repository = guardedRepository(ctx);
  const [, stored] = await ctx.engine.exclusive(() =>
    runRouter(ctx, repository, {
      method: 'PUT',
      url: `${resourceType}/${id}`,
      body: resource,
      headers: ifMatch === null ? {} : { 'if-match': ifMatch },
    }),
  );
  if (!stored) throw fhirError(500, 'exception', 'Update returned no resource');
  const created = repository.createdByUpdate.has(`${resourceType}/${id}`);
  return fhirResponse(created ? 201 : 200, stored, {
    ...versionHeaders(stored),
    ...(created ? { Location: locationOf(ctx.baseUrl, stored) } : {}),
  });
}

async function remove(ctx: Context, resourceType: string, id: string): Promise<Response> {
  requireAccess(ctx.grant, resourceType, 'delete');
  await ctx.engine.exclusive(() =>
    runRouter(ctx, guardedRepository(ctx), {
      method: 'DELETE',
      url: `${resourceType}/${id}`,
    }),
  );
  return fhirResponse(200, {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: 'information',
        code: 'informational',
        details: { text: `Deleted ${resourceType}/${id}` },
      },
    ],
  } satisfies OperationOutcome);
}

/** A Bundle entry checked against the grant, rewritten for Medplum (normalised search/condition). */
interface CheckedEntry {
  readonly entry: BundleEntry;
  readonly plan?: SearchPlan;
}

function relativeEntryUrl(url: string, baseUrl: string): string {
  if (url.startsWith(`${baseUrl}/`)) return url.slice(baseUrl.length + 1);
  if (/^[a-z][a-z0-9+.-]*:/i.test(url))
    throw fhirError(400, 'invalid', 'Entry URL is not on this server');
  return url.replace(/^\//, '');
}

/**
 * Checks one batch/transaction entry before anything runs: a known interaction, a scope that
 * covers it, supported search parameters. Compartment and validation checks happen when the entry
 * runs, inside the guarded repository (a transaction is then rolled back).
 */
function checkEntry(ctx: Context, entry: BundleEntry, index: number): CheckedEntry {
  const request = entry.request;
  if (!request?.method || !request.url) {
    throw fhirError(400, 'invalid', `Bundle.entry[${index}] needs request.method and request.url`);
  }
  const url = relativeEntryUrl(request.url, ctx.baseUrl);
  const [path = '', query = ''] = url.split('?', 2);
  const route = resolveRoute(request.method, path.split('/').filter(Boolean));
  switch (route.kind) {
    case 'metadata':
    case 'bundle':
      throw fhirError(
        400,
        'not-supported',
        `Bundle.entry[${index}]: ${request.method} ${path} is not allowed in a Bundle`,
      );
    case 'search': {
      requireAccess(ctx.grant, route.resourceType, 'search');
      const plan = planSearch(route.resourceType, new URLSearchParams(query), ctx.baseUrl);
      return {
        entry: {
          ...entry,
          request: { ...request, url: `${route.resourceType}?${plan.query.toString()}` },
        },
        plan,
      };
    }
    case 'read':
    case 'vread':
    case 'delete':
      requireAccess(ctx.grant, route.resourceType, route.kind);
      return { entry: { ...entry, request: { ...request, url: path } } };
    case 'create': {
      requireAccess(ctx.grant, route.resourceType, 'create');
      const resource = asResource(entry.resource, route.resourceType);
      const ifNoneExist = request.ifNoneExist ?? (query === '' ? undefined : query);
      if (ifNoneExist === undefined) {
        return { entry: { ...entry, resource, request: { ...request, url: path } } };
      }
      requireAccess(ctx.grant, route.resourceType, 'search');
      const normalized = normalizeConditionQuery(route.resourceType, ifNoneExist, ctx.baseUrl);
      return {
        entry: { ...entry, resource, request: { ...request, url: path, ifNoneExist: normalized } },
      };
    }
    case 'update': {
      requireAccess(ctx.grant, route.resourceType, 'update');
      const resource = asResource(entry.resource, route.resourceType);
      if (resource.id !== route.id) {
        throw fhirError(
          400,
          'invalid',
          `Bundle.entry[${index}]: the resource id must equal the URL's id`,
        );
      }
      return { entry: { ...entry, resource, request: { ...request, url: path } } };
    }
  }
}

function decorateEntry(
  entry: BundleEntry | undefined,
  checked: CheckedEntry | undefined,
  createdByUpdate: ReadonlySet<string>,
  baseUrl: string,
): BundleEntry {
  if (!entry) return { response: { status: '500' } };
  const resource = entry.resource;
  const response = entry.response ? { ...entry.response } : { status: '200' };
  const ok = response.status.startsWith('2');
  if (ok) {
    delete response.outcome;
  } else if (response.outcome) {
    response.outcome = cleanOutcome(response.outcome);
  }
  if (!ok || !resource) return { ...entry, response };
  if (resource.resourceType === 'Bundle' && checked?.plan) {
    return { resource: decorateSearchBundle(resource, checked.plan, baseUrl), response };
  }
  const reference = `${resource.resourceType}/${resource.id ?? ''}`;
  if (createdByUpdate.has(reference) && response.status.startsWith('200')) response.status = '201';
  if (resource.meta?.versionId) response.etag = `W/"${resource.meta.versionId}"`;
  if (resource.meta?.lastUpdated) response.lastModified = resource.meta.lastUpdated;
  if (response.location) response.location = locationOf(baseUrl, resource);
  return { fullUrl: `${baseUrl}/${reference}`, resource, response };
}

async function bundle(ctx: Context): Promise<Response> {
  const body = asResource(await readJsonBody(ctx.request), 'Bundle') as Bundle;
  if (body.type !== 'transaction' && body.type !== 'batch') {
    throw fhirError(
      400,
      'invalid',
      `POST to the base takes a transaction or batch Bundle, not '${body.type ?? ''}'`,
    );
  }
  const entries = body.entry ?? [];
  if (entries.length === 0) throw fhirError(400, 'invalid', 'The Bundle has no entries');
  return body.type === 'transaction' ? transaction(ctx, body, entries) : batch(ctx, entries);
}

/** All or nothing: every entry is checked first; a failure while running restores the snapshot. */
async function transaction(
  ctx: Context,
  body: Bundle,
  entries: readonly BundleEntry[],
): Promise<Response> {
  const checked = entries.map((entry, index) => checkEntry(ctx, entry, index));
  const { result, createdByUpdate } = await ctx.engine.exclusive(async () => {
    const snapshot = snapshotRepository(ctx.engine.repository);
    const repository = guardedRepository(ctx);
    try {
      const [, answer] = await runRouter(ctx, repository, {
        method: 'POST',
        url: '',
        body: { ...body, entry: checked.map((item) => item.entry) },
      });
      return { result: answer, createdByUpdate: repository.createdByUpdate };
    } catch (error) {
      restoreRepository(ctx.engine.repository, snapshot);
      ctx.engine.searchCache.clear();
      throw error;
    }
  });
  if (result?.resourceType !== 'Bundle')
    throw fhirError(500, 'exception', 'Transaction returned no Bundle');
  return fhirResponse(200, {
    resourceType: 'Bundle',
    type: 'transaction-response',
    entry: checked.map((item, index) =>
      decorateEntry(result.entry?.[index], item, createdByUpdate, ctx.baseUrl),
    ),
  } satisfies Bundle);
}

/** Each entry on its own: refused entries get their own error response, the rest run in Medplum. */
async function batch(ctx: Context, entries: readonly BundleEntry[]): Promise<Response> {
  const checks = entries.map((entry, index) => {
    try {
      return { ok: true as const, checked: checkEntry(ctx, entry, index) };
    } catch (error) {
      return { ok: false as const, ...toErrorOutcome(error) };
    }
  });
  const runnable = checks.flatMap((check, index) =>
    check.ok ? [{ index, checked: check.checked }] : [],
  );
  const repository = guardedRepository(ctx);
  const answers = new Map<number, BundleEntry | undefined>();
  if (runnable.length > 0) {
    const [, result] = await ctx.engine.exclusive(() =>
      runRouter(ctx, repository, {
        method: 'POST',
        url: '',
        body: {
          resourceType: 'Bundle',
          type: 'batch',
          entry: runnable.map((item) => item.checked.entry),
        },
      }),
    );
    const resultEntries = result?.resourceType === 'Bundle' ? (result.entry ?? []) : [];
    runnable.forEach((item, position) => answers.set(item.index, resultEntries[position]));
  }
  return fhirResponse(200, {
    resourceType: 'Bundle',
    type: 'batch-response',
    entry: checks.map((check, index) =>
      check.ok
        ? decorateEntry(answers.get(index), check.checked, repository.createdByUpdate, ctx.baseUrl)
        : { response: { status: String(check.status), outcome: check.outcome } },
    ),
  } satisfies Bundle);
}

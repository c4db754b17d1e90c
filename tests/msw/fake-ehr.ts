import { http, HttpResponse } from 'msw';
import type { Bundle, Resource } from 'fhir/r4';
import { FHIR_BASE } from './server';

/** Behaviour switches of the fake EHR. */
export interface FakeEhrOptions {
  /** Honour `If-None-Exist` (conditional create), as the sandbox does. */
  readonly conditionalCreate: boolean;
  /** List `transaction` in the CapabilityStatement and accept transaction Bundles. */
  readonly transactions: boolean;
}

type Stored = Resource & {
  identifier?: { system?: string; value?: string } | { system?: string; value?: string }[];
};

/**
 * A small in-memory FHIR server for write tests: search by identifier, create (optionally
 * conditional), transactions, metadata. `fail` lets a test make the next request of a kind fail.
 */
export function fakeEhr(options: FakeEhrOptions) {
  const store: Stored[] = [];
  let nextId = 1;
  const faults: {
    match: (method: string, path: string) => boolean;
    respond: () => Response;
    afterStore?: boolean;
  }[] = [];
  const requests: { method: string; path: string; headers: Headers }[] = [];

  const matching = (type: string, token: string | null) => {
    const [system, value] = (token ?? '').split('|');
    return store.filter(
      (r) =>
        r.resourceType === type &&
        [r.identifier ?? []].flat().some((i) => i.system === system && i.value === value),
    );
  };
  const create = (
    resource: Stored,
    ifNoneExist: string | null,
  ): { status: number; resource: Stored } => {
    if (ifNoneExist && options.conditionalCreate) {
      const existing = matching(
        resource.resourceType,
        new URLSearchParams(ifNoneExist).get('identifier'),
      );
      if (existing[0]) return { status: 200, resource: existing[0] };
    }
    const stored = { ...resource, id: `id-${nextId++}` };
    store.push(stored);
    return { status: 201, resource: stored };
  };
  const takeFault = (method: string, path: string) => {
    const index = faults.findIndex((f) => f.match(method, path));
    if (index < 0) return undefined;
    const [fault] = faults.splice(index, 1);
    return fault;
  };

  const handlers = [
    http.get(
      `${FHIR_BASE}/metadata`,
      () =>
        takeFault('GET', 'metadata')?.respond() ??
        HttpResponse.json({
          resourceType: 'CapabilityStatement',
          status: 'active',
          kind: 'instance',
          fhirVersion: '4.0.1',
          format: ['json'],
          rest: [
            {
              mode: 'server',
              interaction: options.transactions ? [{ code: 'transaction' }] : [{ code: 'batch' }],
            },
          ],
        }),
    ),
    http.get(`${FHIR_BASE}/:type`, ({ request, params }) => {
      const url = new URL(request.url);
      requests.push({
        method: 'GET',
        path: `${String(params.type)}${url.search}`,
        headers: request.headers,
      });
      const fault = takeFault('GET', String(params.type));
      if (fault) return fault.respond();
      const found = matching(String(params.type), url.searchParams.get('identifier'));
      return HttpResponse.json({
        resourceType: 'Bundle',
        type: 'searchset',
        total: found.length,
        entry: found.map((resource) => ({ resource })),
      } satisfies Bundle);
    }),
    http.post(`${FHIR_BASE}/:type`, async ({ request, params }) => {
      const type = String(params.type);
      requests.push({ method: 'POST', path: type, headers: request.headers });
      const fault = takeFault('POST', type);
      if (fault && !fault.afterStore) return fault.respond();
      const { status, resource } = create(
        (await request.json()) as Stored,
        request.headers.get('if-none-exist'),
      );
      if (fault) return fault.respond(); // the write happened, the answer is lost
      return HttpResponse.json(resource, {
        status,
        headers: { Location: `${FHIR_BASE}/${type}/${resource.id}/_history/1` },
      });
    }),
    http.post(FHIR_BASE, async ({ request }) => {
      requests.push({ method: 'POST', path: '', headers: request.headers });
      const fault = takeFault('POST', '');
      if (fault) return fault.respond();
      const bundle = (await request.json()) as Bundle;
      if (!options.transactions || bundle.type !== 'transaction') {
        return HttpResponse.json(
          {
            resourceType: 'OperationOutcome',
            issue: [{ severity: 'error', code: 'not-supported' }],
          },
          { status: 400 },
        );
      }
      const resolved = new Map<string, string>();
      const results = (bundle.entry ?? []).map((entry) => {
        const resource = JSON.parse(
          JSON.stringify(entry.resource, (key, v: unknown) =>
            key === 'reference' && typeof v === 'string' && resolved.has(v) ? resolved.get(v) : v,
          ),
        ) as Stored;
        const { status, resource: stored } = create(resource, entry.request?.ifNoneExist ?? null);
        if (entry.fullUrl) resolved.set(entry.fullUrl, `${stored.resourceType}/${stored.id}`);
        return { status, stored };
      });
      return HttpResponse.json({
        resourceType: 'Bundle',
        type: 'transaction-response',
        entry: results.map(({ status, stored }) => ({
          response: {
            status: String(status),
            location: `${stored.resourceType}/${stored.id}/_history/1`,
          },
        })),
      } satisfies Bundle);
    }),
  ];

  return {
    handlers,
    store,
    requests,
    /** Makes the next matching request fail with `respond()`; `afterStore` stores first, then fails (a lost answer). */
    fail(method: 'GET' | 'POST', path: string, respond: () => Response, afterStore = false) {
      faults.push({ match: (m, p) => m === method && p === path, respond, afterStore });
    },
  };
}

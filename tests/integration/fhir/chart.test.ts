/** @jest-environment jest-fixed-jsdom */
import { http, HttpResponse } from 'msw';
import { chartSearches, fetchChart } from '@/lib/fhir/chart';
import { FhirRequestError } from '@/lib/fhir/errors';
import { DEFAULT_TERMINOLOGY } from '@/lib/redflags/default-terminology';
import { FHIR_BASE, server, setUpMswServer } from '../../msw/server';
import { makeTestClient } from '../../msw/test-client';

setUpMswServer();

const NOW = '2026-06-15T12:00:00Z';
const options = { now: NOW, terminology: DEFAULT_TERMINOLOGY };
const bundle = (resources: object[], next?: string) => ({
  resourceType: 'Bundle',
  type: 'searchset',
  ...(next ? { link: [{ relation: 'next', url: next }] } : {}),
  entry: resources.map((resource) => ({ resource })),
});
const PATIENT = { resourceType: 'Patient', id: 'pt-1', birthDate: '1980-01-01' };

function defaultHandlers() {
  return [
    http.get(`${FHIR_BASE}/Patient/pt-1`, () => HttpResponse.json(PATIENT)),
    http.get(`${FHIR_BASE}/Observation`, () =>
      HttpResponse.json(
        bundle([
          {
            resourceType: 'Observation',
            id: 'o1',
            status: 'final',
            subject: { reference: 'Patient/pt-1' },
          },
          { resourceType: 'OperationOutcome', issue: [] },
        ]),
      ),
    ),
    http.get(`${FHIR_BASE}/Condition`, () =>
      HttpResponse.json(bundle([{ resourceType: 'Condition', id: 'c1' }])),
    ),
    http.get(`${FHIR_BASE}/Procedure`, () =>
      HttpResponse.json(bundle([{ resourceType: 'Procedure', id: 'p1' }])),
    ),
    http.get(`${FHIR_BASE}/MedicationRequest`, () => HttpResponse.json(bundle([]))),
  ];
}

describe('chartSearches', () => {
  it('filters Observations by the ValueSet codes and a date floor of T0 − 181 days', () => {
    const url = new URL(chartSearches('pt-1', options).Observation.url, 'https://x/');
    expect(url.searchParams.get('patient')).toBe('pt-1');
    expect(url.searchParams.get('date')).toBe('ge2025-12-16');
    expect(url.searchParams.get('_count')).toBe('100');
    const codes = url.searchParams.get('code')?.split(',') ?? [];
    expect(codes).toEqual(
      expect.arrayContaining([
        'http://loinc.org|4537-7',
        'http://loinc.org|1988-5',
        'http://loinc.org|6690-2',
        'http://loinc.org|8310-5',
        'http://loinc.org|29463-7',
        'http://loinc.org|72514-3',
        'http://loinc.org|600-7',
      ]),
    );
  });

  it('asks for completed Procedures and the MedicationRequest statuses of §3.6', () => {
    const s = chartSearches('pt-1', options);
    expect(s.Procedure.url).toBe('Procedure?patient=pt-1&status=completed&_count=100');
    expect(s.MedicationRequest.url).toBe(
      'MedicationRequest?patient=pt-1&status=active%2Ccompleted%2Con-hold%2Cstopped&_count=100',
    );
    expect(s.Condition.url).toBe('Condition?patient=pt-1&_count=100');
  });
});

describe('fetchChart', () => {
  it('reads the Patient and the four searches with the bearer token, keeping only resources of the searched type', async () => {
    const auth: (string | null)[] = [];
    server.events.on('request:start', ({ request }) => {
      auth.push(request.headers.get('authorization'));
    });
    server.use(...defaultHandlers());
    const chart = await fetchChart(makeTestClient(), 'pt-1', options);
    server.events.removeAllListeners();
    expect(chart.patient.id).toBe('pt-1');
    expect(chart.observations.map((o) => o.id)).toEqual(['o1']);
    expect(chart.conditions.map((c) => c.id)).toEqual(['c1']);
    expect(chart.procedures.map((p) => p.id)).toEqual(['p1']);
    expect(chart.medicationRequests).toEqual([]);
    expect(chart.failures.size).toBe(0);
    expect(auth).toHaveLength(5);
    expect(new Set(auth)).toEqual(new Set(['Bearer test-token']));
  });

  it('starts all five requests before any of them completes (one parallel wave, no /metadata)', async () => {
    const seen: string[] = [];
    let release: () => void = () => undefined;
    const allArrived = new Promise<void>((resolve) => (release = resolve));
    const gate = async (path: string) => {
      seen.push(path);
      if (seen.length === 5) release();
      await Promise.race([
        allArrived,
        new Promise((_, reject) => setTimeout(() => reject(new Error('not parallel')), 2000)),
      ]);
    };
    server.use(
      http.get(`${FHIR_BASE}/metadata`, () => HttpResponse.json({}, { status: 500 })),
      http.get(
        `${FHIR_BASE}/Patient/pt-1`,
        async () => (await gate('Patient'), HttpResponse.json(PATIENT)),
      ),
      ...(['Observation', 'Condition', 'Procedure', 'MedicationRequest'] as const).map((type) =>
        http.get(
          `${FHIR_BASE}/${type}`,
          async () => (await gate(type), HttpResponse.json(bundle([]))),
        ),
      ),
    );
    const chart = await fetchChart(makeTestClient(), 'pt-1', options);
    expect(chart.failures.size).toBe(0);
    expect(seen.sort()).toEqual([
      'Condition',
      'MedicationRequest',
      'Observation',
      'Patient',
      'Procedure',
    ]);
  });

  it('records a 403 on Procedure as a failure for that kind; the others are fine', async () => {
    server.use(...defaultHandlers());
    server.use(
      http.get(`${FHIR_BASE}/Procedure`, () =>
        HttpResponse.json(
          {
            resourceType: 'OperationOutcome',
            issue: [{ severity: 'error', code: 'forbidden', diagnostics: 'scope' }],
          },
          { status: 403 },
        ),
      ),
    );
    const chart = await fetchChart(makeTestClient(), 'pt-1', options);
    const failure = chart.failures.get('Procedure');
    expect(failure).toBeInstanceOf(FhirRequestError);
    expect(failure?.status).toBe(403);
    expect(failure?.url).toBe('Procedure?patient&status&_count');
    expect([...chart.failures.keys()]).toEqual(['Procedure']);
    expect(chart.conditions).toHaveLength(1);
  });

  it('follows next links up to the page limit', async () => {
    let pages = 0;
    server.use(...defaultHandlers());
    server.use(
      http.get(`${FHIR_BASE}/Condition`, ({ request }) => {
        pages += 1;
        const page = Number(new URL(request.url).searchParams.get('page') ?? '1');
        return HttpResponse.json(
          bundle(
            [{ resourceType: 'Condition', id: `c${page}` }],
            `${FHIR_BASE}/Condition?patient=pt-1&page=${page + 1}`,
          ),
        );
      }),
    );
    const chart = await fetchChart(makeTestClient(), 'pt-1', { ...options, pageLimit: 3 });
    expect(chart.conditions.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    expect(pages).toBe(3);
  });

  it('throws a FhirRequestError when the Patient cannot be read', async () => {
    server.use(...defaultHandlers());
    server.use(
      http.get(`${FHIR_BASE}/Patient/pt-1`, () => new HttpResponse(null, { status: 404 })),
    );
    const error = await fetchChart(makeTestClient(), 'pt-1', options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FhirRequestError);
    expect(error instanceof FhirRequestError ? error.status : 0).toBe(404);
  });

  it('records a network failure as status 0', async () => {
    server.use(...defaultHandlers());
    server.use(http.get(`${FHIR_BASE}/Observation`, () => HttpResponse.error()));
    const chart = await fetchChart(makeTestClient(), 'pt-1', options);
    expect(chart.failures.get('Observation')?.status).toBe(0);
  });
});

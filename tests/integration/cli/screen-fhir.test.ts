/** @jest-environment jest-fixed-jsdom */
import { http, HttpResponse } from 'msw';
import { FHIR_BASE, server, setUpMswServer } from '../../msw/server';
import { runInProcess } from '../../fixtures/cli';

setUpMswServer();

const bundle = (resources: object[]) => ({
  resourceType: 'Bundle',
  type: 'searchset',
  entry: resources.map((resource) => ({ resource })),
});
const chart = [
  http.get(`${FHIR_BASE}/Patient/p1`, () =>
    HttpResponse.json({ resourceType: 'Patient', id: 'p1', birthDate: '1950-01-01' }),
  ),
  http.get(`${FHIR_BASE}/Observation`, () => HttpResponse.json(bundle([]))),
  http.get(`${FHIR_BASE}/Condition`, () =>
    HttpResponse.json(
      bundle([
        {
          resourceType: 'Condition',
          id: 'c1',
          subject: { reference: 'Patient/p1' },
          code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'M81.0' }] },
        },
      ]),
    ),
  ),
  http.get(`${FHIR_BASE}/Procedure`, () => HttpResponse.json(bundle([]))),
  http.get(`${FHIR_BASE}/MedicationRequest`, () => HttpResponse.json(bundle([]))),
];
const args = ['--fhir', FHIR_BASE, '--patient', 'p1', '--now', '2026-06-15T12:00:00Z'];

describe('screen --fhir (spec §13)', () => {
  it('screens a live patient with the same chart queries as the app, sending SCREEN_BEARER_TOKEN', async () => {
    let auth: string | null = null;
    server.use(...chart);
    server.use(
      http.get(`${FHIR_BASE}/Patient/p1`, ({ request }) => {
        auth = request.headers.get('authorization');
        return HttpResponse.json({ resourceType: 'Patient', id: 'p1', birthDate: '1950-01-01' });
      }),
    );
    const run = await runInProcess(args, { SCREEN_BEARER_TOKEN: 'secret' });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(auth).toBe('Bearer secret');
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 'incomplete',
      firedRules: ['RF-FRACTURE-RISK'],
      tier: 'SOON',
    });
  });

  it('sends no Authorization header without a token', async () => {
    let auth: string | null = 'unset';
    server.use(...chart);
    server.use(
      http.get(`${FHIR_BASE}/Patient/p1`, ({ request }) => {
        auth = request.headers.get('authorization');
        return HttpResponse.json({ resourceType: 'Patient', id: 'p1' });
      }),
    );
    expect((await runInProcess(args)).code).toBe(0);
    expect(auth).toBeNull();
  });

  it('exit 3 naming the request and status when a search fails', async () => {
    server.use(...chart);
    server.use(
      http.get(`${FHIR_BASE}/Procedure`, () =>
        HttpResponse.json(
          {
            resourceType: 'OperationOutcome',
            issue: [{ severity: 'error', code: 'forbidden', diagnostics: 'no scope' }],
          },
          { status: 403 },
        ),
      ),
    );
    const run = await runInProcess(args);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'screen: GET Procedure?patient&status&_count failed: HTTP 403 — no scope\n',
    );
  });

  it('exit 3 when the Patient read fails', async () => {
    server.use(...chart);
    server.use(http.get(`${FHIR_BASE}/Patient/p1`, () => new HttpResponse(null, { status: 404 })));
    const run = await runInProcess(args);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^screen: GET Patient\/p1 failed: HTTP 404/);
  });

  it('exit 3 on a network failure', async () => {
    server.use(...chart);
    server.use(http.get(`${FHIR_BASE}/Observation`, () => HttpResponse.error()));
    const run = await runInProcess(args);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /^screen: GET Observation\?patient&code&date&_count failed: network failure/,
    );
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

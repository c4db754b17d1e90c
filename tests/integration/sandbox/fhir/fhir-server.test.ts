/** @jest-environment node */
import { validateResource } from '@medplum/core';
import type { Bundle, CapabilityStatement, Observation, ServiceRequest } from '@medplum/fhirtypes';
import type { SandboxEngine } from '@/lib/sandbox/fhir/engine';
import { handleMetadataRequest } from '@/lib/sandbox/fhir/handler';
import type { FhirCall } from './fhir-test-kit';
import {
  BASE,
  createFixtureEngine,
  entryIds,
  fhirCaller,
  grantOf,
  issueText,
  makeTempDir,
  removeDir,
  resourceOf,
  bundleOf,
} from './fhir-test-kit';

jest.setTimeout(30_000);

let root: string;
let engine: SandboxEngine;
/** A clinician: user/ scopes, no compartment limit. */
let user: FhirCall;

beforeAll(async () => {
  root = await makeTempDir();
  engine = await createFixtureEngine(root);
  user = fhirCaller(engine, grantOf(['user/*.cruds']));
});

afterAll(async () => {
  await removeDir(root);
});

const newObservation = (patient: string, code = '4537-7'): Observation => ({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code }] },
  subject: { reference: `Patient/${patient}` },
  effectiveDateTime: '2026-06-15T09:00:00Z',
});

describe('GET metadata', () => {
  it('answers an R4 CapabilityStatement with the SMART endpoints, once the seeds are loaded', async () => {
    const response = await handleMetadataRequest({ baseUrl: BASE, engine });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/fhir+json');
    const statement = (await response.json()) as CapabilityStatement;
    expect(() => validateResource(statement)).not.toThrow();
    expect(statement.fhirVersion).toBe('4.0.1');
    expect(statement.format).toContain('json');
    const rest = statement.rest?.[0];
    expect(rest?.mode).toBe('server');
    expect(rest?.interaction).toEqual([{ code: 'transaction' }, { code: 'batch' }]);
    expect(rest?.security?.service?.[0]?.coding?.[0]?.code).toBe('SMART-on-FHIR');
    const uris = rest?.security?.extension?.[0]?.extension ?? [];
    expect(uris).toEqual([
      { url: 'authorize', valueUri: 'http://localhost:3000/sandbox/auth/authorize' },
      { url: 'token', valueUri: 'http://localhost:3000/sandbox/auth/token' },
    ]);
    const observation = rest?.resource?.find((item) => item.type === 'Observation');
    expect(observation?.interaction?.map((item) => item.code)).toEqual(
      expect.arrayContaining(['read', 'search-type', 'create', 'update']),
    );
    expect(observation?.searchParam?.map((item) => item.name)).toEqual(
      expect.arrayContaining([
        'patient',
        'subject',
        'code',
        'date',
        'category',
        '_id',
        '_lastUpdated',
      ]),
    );
  });

  it('is also served through handleFhirRequest', async () => {
    const answer = await user('GET', 'metadata');
    expect(answer.status).toBe(200);
    expect(answer.body.resourceType).toBe('CapabilityStatement');
  });
});

describe('read', () => {
  it('returns the resource with an ETag', async () => {
    const answer = await user('GET', 'Patient/pat-a');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      resourceType: 'Patient',
      id: 'pat-a',
      birthDate: '2023-06-15',
    });
    expect(answer.headers.get('etag')).toMatch(/^W\/".+"$/);
  });

  it('answers 404 OperationOutcomes for an unknown id and an unknown type', async () => {
    for (const path of ['Patient/nobody', 'Nonsense/1', 'Nonsense']) {
      const answer = await user('GET', path);
      expect(answer.status).toBe(404);
      expect(answer.body.resourceType).toBe('OperationOutcome');
      expect(answer.headers.get('content-type')).toBe('application/fhir+json');
    }
  });

  it('reads a version (vread)', async () => {
    const current = await user('GET', 'Observation/obs-a-esr-1');
    const versionId = resourceOf<Observation>(current).meta?.versionId ?? '';
    const answer = await user('GET', `Observation/obs-a-esr-1/_history/${versionId}`);
    expect(answer.status).toBe(200);
    expect(answer.body.id).toBe('obs-a-esr-1');
  });
});

describe('search', () => {
  it('matches a bare patient id (as fhirclient sends it) to Patient/<id>', async () => {
    const byPatient = await user('GET', 'Observation?patient=pat-a');
    expect(byPatient.status).toBe(200);
    expect(byPatient.body.total).toBe(7);
    expect(entryIds(byPatient.body).every((id) => id.startsWith('obs-a-'))).toBe(true);
    const bySubject = await user('GET', 'Observation?subject=pat-b');
    expect(entryIds(bySubject.body).sort()).toEqual(['obs-b-esr-1', 'obs-b-temp-1']);
    const absolute = await user(
      'GET',
      `Observation?subject=${encodeURIComponent(`${BASE}/Patient/pat-b`)}`,
    );
    expect(absolute.body.total).toBe(2);
  });

  it('adds fullUrl, search.mode and total to a searchset', async () => {
    const answer = await user('GET', 'Condition?patient=pat-a');
    const bundle = bundleOf(answer);
    expect(bundle.type).toBe('searchset');
    expect(bundle.total).toBe(1);
    expect(bundle.entry?.[0]).toMatchObject({
      fullUrl: `${BASE}/Condition/cond-a-1`,
      search: { mode: 'match' },
    });
    expect(bundle.link?.find((link) => link.relation === 'self')?.url).toBe(
      `${BASE}/Condition?patient=pat-a&_count=50`,
    );
  });

  it('ORs the values of a token list', async () => {
    const answer = await user(
      'GET',
      `Observation?patient=pat-a&code=${encodeURIComponent('http://loinc.org|4537-7,http://loinc.org|1988-5')}`,
    );
    expect(entryIds(answer.body).sort()).toEqual([
      'obs-a-crp-1',
      'obs-a-crp-2',
      'obs-a-esr-1',
      'obs-a-esr-2',
    ]);
  });

  it.each([
    ['ge2026-06-01', ['obs-a-crp-1', 'obs-a-esr-1', 'obs-a-temp-1', 'obs-a-wbc-1']],
    ['lt2026-03-02', ['obs-a-crp-2', 'obs-a-temp-2']],
    ['2026-06-12', ['obs-a-crp-1', 'obs-a-wbc-1']],
    ['gt2026-06-12T07:30:00Z', ['obs-a-crp-1', 'obs-a-temp-1']],
  ])('date=%s', async (date, expected) => {
    const answer = await user('GET', `Observation?patient=pat-a&date=${encodeURIComponent(date)}`);
    expect(answer.status).toBe(200);
    expect(entryIds(answer.body).sort()).toEqual(expected);
  });

  it('ANDs repeated date parameters', async () => {
    const answer = await user(
      'GET',
      'Observation?patient=pat-a&date=ge2026-05-01&date=lt2026-06-11',
    );
    expect(entryIds(answer.body).sort()).toEqual(['obs-a-esr-1', 'obs-a-esr-2']);
  });

  it('sorts by several keys, the first one primary', async () => {
    const answer = await user('GET', 'Observation?patient=pat-a&_sort=code,-date');
    expect(entryIds(answer.body)).toEqual([
      'obs-a-crp-1',
      'obs-a-crp-2',
      'obs-a-esr-1',
      'obs-a-esr-2',
      'obs-a-wbc-1',
      'obs-a-temp-1',
      'obs-a-temp-2',
    ]);
  });

  it('sorts dates as instants across offsets and date-only values', async () => {
    const answer = await user('GET', 'Observation?_sort=-date');
    expect(entryIds(answer.body).slice(0, 5)).toEqual([
      'obs-a-temp-1',
      'obs-b-temp-1',
      'obs-a-crp-1',
      'obs-a-wbc-1',
      'obs-b-esr-1',
    ]);
    const ascending = await user('GET', 'Observation?_sort=date&_count=1');
    expect(entryIds(ascending.body)).toEqual(['obs-a-temp-2']);
  });

  it('pages with _count and next links that can be followed to the end', async () => {
    let url: string | undefined = `${BASE}/Observation?_count=2&_sort=_id`;
    const seen: string[] = [];
    let pages = 0;
    while (url) {
      const answer = await user('GET', url);
      expect(answer.status).toBe(200);
      const bundle = bundleOf(answer);
      expect(bundle.total).toBe(9);
      expect(bundle.entry?.length ?? 0).toBeLessThanOrEqual(2);
      if (pages > 0) expect(bundle.link?.some((link) => link.relation === 'previous')).toBe(true);
      seen.push(...entryIds(answer.body));
      url = bundle.link?.find((link) => link.relation === 'next')?.url;
      if (url) expect(url.startsWith(`${BASE}/Observation?`)).toBe(true);
      pages += 1;
    }
    expect(pages).toBe(5);
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
    expect(seen).toEqual([...seen].sort());
  });

  it('answers _summary=count with a total and no entries', async () => {
    const answer = await user('GET', 'Observation?patient=pat-a&_summary=count');
    expect(answer.body.total).toBe(7);
    expect(answer.body.entry).toBeUndefined();
  });

  it('searches with POST _search and a form body', async () => {
    const response = await user('POST', 'Observation/_search', {
      body: 'patient=pat-b&_sort=-date',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(200);
    expect(entryIds(response.body)).toEqual(['obs-b-temp-1', 'obs-b-esr-1']);
  });

  it.each([
    ['foo=bar', 'foo'],
    ['code:text=sed%20rate', 'code:text'],
    ['code:in=http://example.org/vs', 'code:in'],
    ['code:below=http://loinc.org|4537', 'code:below'],
    ['code:above=http://loinc.org|4537', 'code:above'],
    ['code:identifier=x', 'code:identifier'],
    ['subject.name=Ardent', 'subject.name'],
    ['subject:Patient.name=Ardent', 'subject:Patient.name'],
    ['_has:Observation:patient:code=4537-7', '_has:Observation:patient:code'],
    ['value-quantity=gt5', 'value-quantity'],
    ['date=sw2026', 'date'],
    ['date=2026-06-01,2026-06-02', 'date'],
    ['_include=Observation:subject', '_include'],
    ['_revinclude=Provenance:target', '_revinclude'],
    ['_elements=id', '_elements'],
    ['_summary=true', '_summary'],
    ['_sort=value-quantity', '_sort'],
    ['_count=-1', '_count'],
    ['_format=xml', '_format'],
  ])('refuses %s with a 400 OperationOutcome naming the parameter', async (query, name) => {
    const answer = await user('GET', `Observation?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.body.resourceType).toBe('OperationOutcome');
    expect(answer.headers.get('content-type')).toBe('application/fhir+json');
    expect(issueText(answer.body)).toContain(name.split(':')[0] ?? name);
  });

  it('refuses a system-level search', async () => {
    const answer = await user('GET', '?_type=Observation');
    expect(answer.status).toBe(400);
    expect(answer.body.resourceType).toBe('OperationOutcome');
  });
});

describe('create and update', () => {
  it('creates with 201, Location and ETag, ignoring a client id', async () => {
    const answer = await user('POST', 'Observation', {
      body: { ...newObservation('pat-b'), id: 'obs-a-esr-1' },
    });
    expect(answer.status).toBe(201);
    const id = String(answer.body.id);
    expect(id).not.toBe('obs-a-esr-1');
    const versionId = resourceOf<Observation>(answer).meta?.versionId ?? '';
    expect(answer.headers.get('location')).toBe(`${BASE}/Observation/${id}/_history/${versionId}`);
    expect(answer.headers.get('etag')).toBe(`W/"${versionId}"`);
    expect((await user('GET', `Observation/${id}`)).status).toBe(200);
    expect((await user('GET', 'Observation/obs-a-esr-1')).body.subject).toEqual({
      reference: 'Patient/pat-a',
    });
  });

  it('conditional create (If-None-Exist) returns the existing resource and creates no duplicate', async () => {
    const request: ServiceRequest = {
      resourceType: 'ServiceRequest',
      identifier: [{ system: 'urn:test:request', value: 'once-1' }],
      status: 'draft',
      intent: 'proposal',
      subject: { reference: 'Patient/pat-a' },
      code: { text: 'MRI lumbar spine' },
    };
    const headers = { 'If-None-Exist': 'identifier=urn:test:request|once-1' };
    const first = await user('POST', 'ServiceRequest', { body: request, headers });
    const second = await user('POST', 'ServiceRequest', { body: request, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    const search = await user(
      'GET',
      `ServiceRequest?identifier=${encodeURIComponent('urn:test:request|once-1')}`,
    );
    expect(search.body.total).toBe(1);
  });

  it('answers 412 when If-None-Exist matches several resources', async () => {
    const request: ServiceRequest = {
      resourceType: 'ServiceRequest',
      identifier: [{ system: 'urn:test:dup', value: 'twice' }],
      status: 'draft',
      intent: 'proposal',
      subject: { reference: 'Patient/pat-a' },
    };
    await user('POST', 'ServiceRequest', { body: request });
    await user('POST', 'ServiceRequest', { body: request });
    const answer = await user('POST', 'ServiceRequest', {
      body: request,
      headers: { 'If-None-Exist': 'identifier=urn:test:dup|twice' },
    });
    expect(answer.status).toBe(412);
    expect(answer.body.resourceType).toBe('OperationOutcome');
  });

  it('update answers 201 for a new id and 200 for an existing one', async () => {
    const body = { ...newObservation('pat-a'), id: 'obs-put-1' };
    const created = await user('PUT', 'Observation/obs-put-1', { body });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toContain('/Observation/obs-put-1/_history/');
    const updated = await user('PUT', 'Observation/obs-put-1', {
      body: { ...body, status: 'amended' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.status).toBe('amended');
  });

  it('honours If-Match', async () => {
    const current = await user('GET', 'Observation/obs-b-temp-1');
    const stale = await user('PUT', 'Observation/obs-b-temp-1', {
      body: current.body,
      headers: { 'If-Match': 'W/"not-the-version"' },
    });
    expect(stale.status).toBe(412);
  });

  it.each([
    ['malformed JSON', '{"resourceType": "Observation",', 400],
    ['a JSON array', '[]', 400],
    ['an empty body', '', 400],
    ['an unknown resourceType', '{"resourceType":"Nope"}', 400],
    ['another type than the URL', '{"resourceType":"Patient"}', 400],
    [
      'an invalid resource (unknown element)',
      JSON.stringify({ ...newObservation('pat-a'), colour: 'red' }),
      400,
    ],
    [
      'an invalid resource (bad date)',
      JSON.stringify({ ...newObservation('pat-a'), effectiveDateTime: 'yesterday' }),
      400,
    ],
  ])('refuses %s with an OperationOutcome', async (_label, body, status) => {
    const answer = await user('POST', 'Observation', { body });
    expect(answer.status).toBe(status);
    expect(answer.body.resourceType).toBe('OperationOutcome');
  });

  it("reports the validator's message for an invalid resource", async () => {
    const answer = await user('POST', 'Observation', {
      body: { ...newObservation('pat-a'), colour: 'red' },
    });
    expect(issueText(answer.body)).toContain('colour');
  });

  it('refuses a body whose id differs from the URL', async () => {
    const answer = await user('PUT', 'Observation/obs-a-esr-1', {
      body: { ...newObservation('pat-a'), id: 'other' },
    });
    expect(answer.status).toBe(400);
  });

  it('refuses a non-JSON content type with 415', async () => {
    const answer = await user('POST', 'Observation', {
      body: '<Observation/>',
      headers: { 'Content-Type': 'application/fhir+xml' },
    });
    expect(answer.status).toBe(415);
    expect(answer.body.resourceType).toBe('OperationOutcome');
  });

  it('answers 405 with Allow for PATCH and history', async () => {
    const patch = await user('PATCH', 'Observation/obs-a-esr-1', { body: '[]' });
    expect(patch.status).toBe(405);
    expect(patch.headers.get('allow')).toBe('GET, PUT, DELETE');
    expect((await user('GET', 'Observation/obs-a-esr-1/_history')).status).toBe(405);
  });

  it('deletes', async () => {
    const created = await user('POST', 'Observation', { body: newObservation('pat-b') });
    const id = String(created.body.id);
    expect((await user('DELETE', `Observation/${id}`)).status).toBe(200);
    expect((await user('GET', `Observation/${id}`)).status).toBe(404);
  });
});

describe('transaction and batch', () => {
  it('applies a transaction and resolves urn:uuid references', async () => {
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:9a3a3f4e-0b1c-4c55-9d3e-2b2f0b0c0d01',
          resource: { resourceType: 'Patient', name: [{ family: 'Tx' }] },
          request: { method: 'POST', url: 'Patient' },
        },
        {
          resource: {
            ...newObservation('x'),
            subject: { reference: 'urn:uuid:9a3a3f4e-0b1c-4c55-9d3e-2b2f0b0c0d01' },
          },
          request: { method: 'POST', url: 'Observation' },
        },
      ],
    };
    const answer = await user('POST', '', { body: bundle });
    expect(answer.status).toBe(200);
    const response = bundleOf(answer);
    expect(response.type).toBe('transaction-response');
    expect(response.entry?.map((entry) => entry.response?.status)).toEqual(['201', '201']);
    const patientId = response.entry?.[0]?.resource?.id ?? '';
    const observation = response.entry?.[1]?.resource as Observation;
    expect(observation.subject?.reference).toBe(`Patient/${patientId}`);
    expect(response.entry?.[1]?.fullUrl).toBe(`${BASE}/Observation/${observation.id ?? ''}`);
  });

  it('rolls back a transaction whose second entry fails', async () => {
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          resource: { ...newObservation('pat-a'), id: 'tx-rollback-1' },
          request: { method: 'PUT', url: 'Observation/tx-rollback-1' },
        },
        {
          resource: {
            ...newObservation('pat-a'),
            id: 'tx-rollback-2',
            effectiveDateTime: 'not a date',
          },
          request: { method: 'PUT', url: 'Observation/tx-rollback-2' },
        },
      ],
    };
    const answer = await user('POST', '', { body: bundle });
    expect(answer.status).toBe(400);
    expect(answer.body.resourceType).toBe('OperationOutcome');
    expect((await user('GET', 'Observation/tx-rollback-1')).status).toBe(404);
    expect((await user('GET', 'Observation?_id=tx-rollback-1')).body.total).toBe(0);
  });

  it('rolls back updates of existing resources too', async () => {
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          resource: {
            ...newObservation('pat-b', '8310-5'),
            id: 'obs-b-temp-1',
            status: 'cancelled',
          },
          request: { method: 'PUT', url: 'Observation/obs-b-temp-1' },
        },
        { request: { method: 'GET', url: 'Observation/does-not-exist' } },
      ],
    };
    const answer = await user('POST', '', { body: bundle });
    expect(answer.status).toBe(404);
    expect((await user('GET', 'Observation/obs-b-temp-1')).body.status).toBe('final');
  });

  it('answers each batch entry on its own', async () => {
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { request: { method: 'GET', url: 'Patient/pat-a' } },
        { request: { method: 'GET', url: 'Observation?patient=pat-a&date=lt2026-06-01&_count=1' } },
        { request: { method: 'GET', url: 'Observation?foo=bar' } },
        { request: { method: 'GET', url: 'Patient/nobody' } },
      ],
    };
    const answer = await user('POST', '', { body: bundle });
    expect(answer.status).toBe(200);
    const entries = bundleOf(answer).entry ?? [];
    expect(entries.map((entry) => entry.response?.status)).toEqual(['200', '200', '400', '404']);
    const page = entries[1]?.resource as Bundle;
    expect(page.total).toBe(3);
    expect(page.entry?.[0]?.fullUrl).toMatch(
      /^http:\/\/localhost:3000\/sandbox\/fhir\/Observation\//,
    );
    expect(page.link?.find((link) => link.relation === 'next')?.url).toBe(
      `${BASE}/Observation?patient=pat-a&date=lt2026-06-01&_count=1&_offset=1`,
    );
  });

  it('refuses a Bundle that is not a transaction or batch', async () => {
    const answer = await user('POST', '', {
      body: { resourceType: 'Bundle', type: 'collection', entry: [] },
    });
    expect(answer.status).toBe(400);
  });
});

describe('reset', () => {
  it('restores the seeded state', async () => {
    const local = await createFixtureEngine(root);
    const call = fhirCaller(local, grantOf(['user/*.cruds']));
    await call('POST', 'Observation', { body: newObservation('pat-a') });
    await call('POST', 'Observation', { body: newObservation('pat-a') });
    await call('DELETE', 'Observation/obs-a-esr-1');
    expect((await call('GET', 'Observation?patient=pat-a')).body.total).toBe(8);
    await local.reset();
    expect((await call('GET', 'Observation?patient=pat-a')).body.total).toBe(7);
    expect((await call('GET', 'Observation/obs-a-esr-1')).status).toBe(200);
  });
});

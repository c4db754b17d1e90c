/** @jest-environment node */
import type { Bundle, Observation } from '@medplum/fhirtypes';
import type { SandboxEngine } from '@/lib/sandbox/fhir/engine';
import type { AccessGrant } from '@/lib/sandbox/types';
import {
  createFixtureEngine,
  entryIds,
  fhirCaller,
  grantOf,
  issueText,
  makeTempDir,
  removeDir,
  bundleOf,
} from './fhir-test-kit';

jest.setTimeout(30_000);

let root: string;
let engine: SandboxEngine;

beforeAll(async () => {
  root = await makeTempDir();
  engine = await createFixtureEngine(root);
});

afterAll(async () => {
  await removeDir(root);
});

const call = (grant: AccessGrant) => fhirCaller(engine, grant);
const admin = () => call(grantOf(['system/*.cruds']));

const observationFor = (patient: string, id?: string): Observation => ({
  resourceType: 'Observation',
  ...(id ? { id } : {}),
  status: 'final',
  category: [
    {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/observation-category',
          code: 'laboratory',
        },
      ],
    },
  ],
  code: { coding: [{ system: 'http://loinc.org', code: '4537-7' }] },
  subject: { reference: `Patient/${patient}` },
  effectiveDateTime: '2026-06-15T09:00:00Z',
});

async function expectForbidden(
  promise: ReturnType<ReturnType<typeof call>>,
  mentions?: string,
): Promise<void> {
  const answer = await promise;
  expect(answer.status).toBe(403);
  expect(answer.body.resourceType).toBe('OperationOutcome');
  expect((answer.body as { issue?: { code?: string }[] }).issue?.[0]?.code).toBe('forbidden');
  if (mentions) expect(issueText(answer.body)).toContain(mentions);
}

describe('scope coverage', () => {
  it('refuses a resource type the scopes do not name, naming the missing scope', async () => {
    const app = call(grantOf(['patient/Observation.rs', 'patient/Condition.rs'], 'pat-a'));
    expect((await app('GET', 'Observation?patient=pat-a')).status).toBe(200);
    await expectForbidden(app('GET', 'Procedure?patient=pat-a'), 'patient/Procedure.s');
    await expectForbidden(app('GET', 'Procedure/proc-a-1'), 'patient/Procedure.r');
  });

  it('understands v1 .read and .write', async () => {
    const reader = call(grantOf(['patient/Observation.read'], 'pat-a'));
    expect((await reader('GET', 'Observation/obs-a-esr-1')).status).toBe(200);
    expect((await reader('GET', 'Observation?patient=pat-a')).status).toBe(200);
    await expectForbidden(
      reader('POST', 'Observation', { body: observationFor('pat-a') }),
      'patient/Observation.c',
    );
    const writer = call(grantOf(['patient/Observation.write'], 'pat-a'));
    await expectForbidden(writer('GET', 'Observation/obs-a-esr-1'), 'patient/Observation.r');
    expect((await writer('POST', 'Observation', { body: observationFor('pat-a') })).status).toBe(
      201,
    );
  });

  it('understands v1 .* and wildcard types', async () => {
    const app = call(grantOf(['patient/*.read'], 'pat-a'));
    expect((await app('GET', 'Procedure/proc-a-1')).status).toBe(200);
    await expectForbidden(
      app('PUT', 'Observation/obs-a-esr-2', { body: observationFor('pat-a', 'obs-a-esr-2') }),
    );
    const all = call(grantOf(['patient/Observation.*'], 'pat-a'));
    expect(
      (
        await all('PUT', 'Observation/obs-a-esr-2', {
          body: observationFor('pat-a', 'obs-a-esr-2'),
        })
      ).status,
    ).toBe(200);
  });

  it('refuses a create without the v2 c letter', async () => {
    const app = call(grantOf(['patient/Observation.rus'], 'pat-a'));
    await expectForbidden(
      app('POST', 'Observation', { body: observationFor('pat-a') }),
      'patient/Observation.c',
    );
  });

  it('refuses a conditional create without s (it searches first)', async () => {
    const app = call(grantOf(['patient/ServiceRequest.c'], 'pat-a'));
    await expectForbidden(
      app('POST', 'ServiceRequest', {
        body: {
          resourceType: 'ServiceRequest',
          status: 'draft',
          intent: 'proposal',
          subject: { reference: 'Patient/pat-a' },
        },
        headers: { 'If-None-Exist': 'identifier=urn:x|1' },
      }),
      'patient/ServiceRequest.s',
    );
  });

  it('refuses an update without u and a delete without d', async () => {
    const app = call(grantOf(['patient/Observation.crs'], 'pat-a'));
    await expectForbidden(
      app('PUT', 'Observation/obs-a-esr-2', { body: observationFor('pat-a', 'obs-a-esr-2') }),
      '.u',
    );
    await expectForbidden(app('DELETE', 'Observation/obs-a-esr-2'), '.d');
  });

  it.each([
    'patient/Observation.sr',
    'patient/Observation.rrs',
    'patient/Observation.x',
    'patient/Observation.',
  ])('grants nothing for the malformed scope %s', async (scope) => {
    await expectForbidden(call(grantOf([scope], 'pat-a'))('GET', 'Observation?patient=pat-a'));
  });

  it('refuses patient/ scopes without a patient in context', async () => {
    await expectForbidden(
      call(grantOf(['patient/*.rs']))('GET', 'Observation/obs-a-esr-1'),
      'patient in context',
    );
  });

  it('refuses a token with no resource scopes at all', async () => {
    await expectForbidden(
      call(grantOf(['openid', 'fhirUser', 'launch'], 'pat-a'))('GET', 'Patient/pat-a'),
    );
  });
});

describe('patient compartment', () => {
  const app = () => call(grantOf(['patient/*.cruds'], 'pat-a'));

  it("refuses to read another patient's Patient and Observation", async () => {
    expect((await app()('GET', 'Patient/pat-a')).status).toBe(200);
    await expectForbidden(app()('GET', 'Patient/pat-b'), 'Patient/pat-a');
    await expectForbidden(app()('GET', 'Observation/obs-b-esr-1'));
  });

  it('refuses a search that names another patient', async () => {
    await expectForbidden(app()('GET', 'Observation?patient=pat-b'));
    await expectForbidden(app()('GET', 'Observation?subject=Patient/pat-b'));
    await expectForbidden(app()('GET', 'Patient?_id=pat-b'));
  });

  it('limits a search without a patient parameter to the patient in context', async () => {
    const answer = await app()('GET', 'Observation?code=http://loinc.org|4537-7');
    expect(answer.status).toBe(200);
    expect(entryIds(answer.body).every((id) => !id.startsWith('obs-b-'))).toBe(true);
    const patients = await app()('GET', 'Patient');
    expect(entryIds(patients.body)).toEqual(['pat-a']);
  });

  it('refuses to create or update a resource of another patient', async () => {
    await expectForbidden(app()('POST', 'Observation', { body: observationFor('pat-b') }));
    await expectForbidden(
      app()('PUT', 'Observation/obs-b-esr-1', { body: observationFor('pat-a', 'obs-b-esr-1') }),
    );
    await expectForbidden(
      app()('PUT', 'Observation/obs-a-esr-1', { body: observationFor('pat-b', 'obs-a-esr-1') }),
    );
    await expectForbidden(app()('DELETE', 'Observation/obs-b-esr-1'));
    const unchanged = await admin()('GET', 'Observation/obs-b-esr-1');
    expect(unchanged.body.effectiveDateTime).toBe('2026-06-11T00:00:00Z');
  });

  it('refuses a resource that belongs to no patient', async () => {
    await expectForbidden(
      app()('POST', 'Observation', { body: { ...observationFor('pat-a'), subject: undefined } }),
    );
  });

  it('keeps resources outside the compartment (Practitioner) out of patient/ scopes', async () => {
    await expectForbidden(app()('GET', 'Practitioner/prac-1'));
    await expectForbidden(app()('GET', 'Practitioner'));
    const clinician = call(grantOf(['patient/*.rs', 'user/Practitioner.rs'], 'pat-a'));
    expect((await clinician('GET', 'Practitioner/prac-1')).status).toBe(200);
  });

  it('does not limit user/ and system/ scopes to a compartment', async () => {
    const clinician = call(grantOf(['user/Observation.rs'], 'pat-a'));
    expect((await clinician('GET', 'Observation/obs-b-esr-1')).status).toBe(200);
    expect((await clinician('GET', 'Observation?patient=pat-b')).body.total).toBe(2);
  });
});

describe('granular category scopes', () => {
  const lab = () =>
    call(
      grantOf(
        [
          'patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory',
        ],
        'pat-a',
      ),
    );

  it('restricts searches and reads to the category', async () => {
    const answer = await lab()('GET', 'Observation?patient=pat-a');
    expect(answer.status).toBe(200);
    expect(entryIds(answer.body).some((id) => id.includes('temp'))).toBe(false);
    expect(entryIds(answer.body)).toContain('obs-a-esr-2');
    await expectForbidden(lab()('GET', 'Observation/obs-a-temp-1'), 'category');
  });

  it('grants nothing for a granular restriction it cannot enforce', async () => {
    const app = call(grantOf(['patient/Observation.rs?code=http://loinc.org|4537-7'], 'pat-a'));
    await expectForbidden(app('GET', 'Observation?patient=pat-a'));
  });
});

describe('QA token', () => {
  const qa = () => call(grantOf(['system/*.rs'], undefined, { qa: true }));

  it('reads and searches everything', async () => {
    expect((await qa()('GET', 'Patient/pat-b')).status).toBe(200);
    expect((await qa()('GET', 'Observation?_count=100')).body.total).toBeGreaterThanOrEqual(9);
  });

  it('writes nothing, even with write scopes', async () => {
    await expectForbidden(
      qa()('POST', 'Observation', { body: observationFor('pat-a') }),
      'read-only',
    );
    const qaWithWrite = call(grantOf(['system/*.cruds'], undefined, { qa: true }));
    await expectForbidden(
      qaWithWrite('PUT', 'Observation/obs-a-esr-1', {
        body: observationFor('pat-a', 'obs-a-esr-1'),
      }),
    );
    await expectForbidden(qaWithWrite('DELETE', 'Observation/obs-a-esr-1'));
  });
});

describe('transactions and batches', () => {
  it('refuses a whole transaction when one entry is not allowed, and writes nothing', async () => {
    const app = call(grantOf(['patient/Observation.cruds'], 'pat-a'));
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          resource: observationFor('pat-a', 'tx-allowed-1'),
          request: { method: 'PUT', url: 'Observation/tx-allowed-1' },
        },
        {
          resource: { resourceType: 'Condition', subject: { reference: 'Patient/pat-a' } },
          request: { method: 'POST', url: 'Condition' },
        },
      ],
    };
    await expectForbidden(app('POST', '', { body: bundle }), 'patient/Condition.c');
    expect((await admin()('GET', 'Observation/tx-allowed-1')).status).toBe(404);
  });

  it("rolls back a transaction that writes another patient's resource", async () => {
    const app = call(grantOf(['patient/Observation.cruds'], 'pat-a'));
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          resource: observationFor('pat-a', 'tx-mixed-1'),
          request: { method: 'PUT', url: 'Observation/tx-mixed-1' },
        },
        {
          resource: observationFor('pat-b', 'tx-mixed-2'),
          request: { method: 'PUT', url: 'Observation/tx-mixed-2' },
        },
      ],
    };
    await expectForbidden(app('POST', '', { body: bundle }));
    expect((await admin()('GET', 'Observation/tx-mixed-1')).status).toBe(404);
    expect((await admin()('GET', 'Observation/tx-mixed-2')).status).toBe(404);
  });

  it('refuses forbidden batch entries one by one', async () => {
    const app = call(grantOf(['patient/Observation.rs'], 'pat-a'));
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { request: { method: 'GET', url: 'Observation/obs-a-esr-1' } },
        { request: { method: 'GET', url: 'Observation/obs-b-esr-1' } },
        { request: { method: 'GET', url: 'Procedure?patient=pat-a' } },
      ],
    };
    const answer = await app('POST', '', { body: bundle });
    expect(answer.status).toBe(200);
    expect((bundleOf(answer).entry ?? []).map((entry) => entry.response?.status)).toEqual([
      '200',
      '403',
      '403',
    ]);
  });
});

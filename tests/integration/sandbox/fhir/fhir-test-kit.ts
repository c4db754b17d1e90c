import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Bundle, Observation, Resource } from '@medplum/fhirtypes';
import type { SandboxEngine, SandboxEngineOptions } from '@/lib/sandbox/fhir/engine';
import { createSandboxEngine } from '@/lib/sandbox/fhir/engine';
import { handleFhirRequest } from '@/lib/sandbox/fhir/handler';
import { SANDBOX_ANCHOR_SYSTEM } from '@/lib/sandbox/seed/shift-dates';
import type { AccessGrant } from '@/lib/sandbox/types';

/** The FHIR base the tests talk to. */
export const BASE = 'http://localhost:3000/sandbox/fhir';
/** The fixture files' anchor; engines made with `now = ANCHOR` keep every date as written. */
export const ANCHOR = '2026-06-15T12:00:00Z';

const LOINC = 'http://loinc.org';
const CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

function observation(
  id: string,
  patient: string,
  code: string,
  category: 'laboratory' | 'vital-signs',
  effective: string,
): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [{ coding: [{ system: CATEGORY, code: category }] }],
    code: { coding: [{ system: LOINC, code }] },
    subject: { reference: `Patient/${patient}` },
    effectiveDateTime: effective,
  };
}

/** Observations of the two fixture patients (ESR 4537-7, CRP 1988-5, WBC 6690-2, temp 8310-5). */
export const FIXTURE_OBSERVATIONS: readonly Observation[] = [
  observation('obs-a-esr-1', 'pat-a', '4537-7', 'laboratory', '2026-06-10T08:00:00Z'),
  observation('obs-a-esr-2', 'pat-a', '4537-7', 'laboratory', '2026-05-01T08:00:00Z'),
  observation('obs-a-crp-1', 'pat-a', '1988-5', 'laboratory', '2026-06-12T08:00:00Z'),
  observation('obs-a-crp-2', 'pat-a', '1988-5', 'laboratory', '2026-03-01'),
  observation('obs-a-wbc-1', 'pat-a', '6690-2', 'laboratory', '2026-06-12T09:00:00+02:00'),
  observation('obs-a-temp-1', 'pat-a', '8310-5', 'vital-signs', '2026-06-14T20:00:00Z'),
  observation('obs-a-temp-2', 'pat-a', '8310-5', 'vital-signs', '2026-01-15T10:00:00Z'),
  observation('obs-b-esr-1', 'pat-b', '4537-7', 'laboratory', '2026-06-11T00:00:00Z'),
  observation('obs-b-temp-1', 'pat-b', '8310-5', 'vital-signs', '2026-06-13'),
];

function collection(id: string, resources: readonly Resource[]): Bundle {
  return {
    resourceType: 'Bundle',
    id,
    meta: { tag: [{ system: SANDBOX_ANCHOR_SYSTEM, code: ANCHOR }] },
    type: 'collection',
    entry: resources.map((resource) => ({
      fullUrl: `https://sandbox.test/fhir/${resource.resourceType}/${resource.id ?? ''}`,
      resource,
    })),
  };
}

/** The fixture patients folder: file name -> contents. */
export function fixturePatientFiles(): Record<string, Bundle> {
  return {
    'pat-a.json': collection('pat-a-seed', [
      {
        resourceType: 'Patient',
        id: 'pat-a',
        name: [{ family: 'Ardent', given: ['Alma'] }],
        gender: 'female',
        birthDate: '2023-06-15',
      },
      ...FIXTURE_OBSERVATIONS.filter((item) => item.subject?.reference === 'Patient/pat-a'),
      {
        resourceType: 'Condition',
        id: 'cond-a-1',
        subject: { reference: 'Patient/pat-a' },
        code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'M54.50' }] },
        onsetDateTime: '2026-06-05',
      },
      {
        resourceType: 'Procedure',
        id: 'proc-a-1',
        status: 'completed',
        subject: { reference: 'Patient/pat-a' },
        code: { text: 'Lumbar microdiscectomy' },
        performedDateTime: '2021-03-02',
      },
    ]),
    'pat-b.json': collection('pat-b-seed', [
      {
        resourceType: 'Patient',
        id: 'pat-b',
        name: [{ family: 'Bellweather', given: ['Boris'] }],
        gender: 'male',
        birthDate: '1970-02-01',
      },
      ...FIXTURE_OBSERVATIONS.filter((item) => item.subject?.reference === 'Patient/pat-b'),
    ]),
    'practitioners.json': collection('practitioners-seed', [
      { resourceType: 'Practitioner', id: 'prac-1', name: [{ family: 'Rivera', given: ['Alex'] }] },
    ]),
  };
}

/**
 * Writes JSON (or raw text) files into a folder.
 * @param dir - Target folder (created).
 * @param files - File name -> JSON value or raw string.
 */
export async function writeFiles(dir: string, files: Record<string, unknown>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    await writeFile(
      path.join(dir, name),
      typeof content === 'string' ? content : JSON.stringify(content, null, 2),
    );
  }
}

/** A fresh temp folder; remove it with {@link removeDir}. */
export function makeTempDir(prefix = 'sandbox-fhir-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/**
 * Removes a temp folder.
 * @param dir - From {@link makeTempDir}.
 */
export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * An engine seeded with the fixture patients (and no `SANDBOX_SEED_DIR` unless given).
 * @param root - A temp folder to write the fixtures into.
 * @param options - Extra engine options (default `now` = the anchor).
 */
export async function createFixtureEngine(
  root: string,
  options: SandboxEngineOptions = {},
): Promise<SandboxEngine> {
  const patientsDir = path.join(root, 'patients');
  await writeFiles(patientsDir, fixturePatientFiles());
  return createSandboxEngine({ patientsDir, now: new Date(ANCHOR), ...options });
}

/** A FHIR answer, parsed. */
export interface FhirAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown> & { resourceType?: string };
}

/** Calls the sandbox FHIR handler with a grant. */
export type FhirCall = (
  method: string,
  pathAndQuery: string,
  init?: { body?: unknown; headers?: Record<string, string> },
) => Promise<FhirAnswer>;

/**
 * A caller bound to an engine and a grant.
 * @param engine - From {@link createFixtureEngine}.
 * @param grant - The token's grant.
 */
export function fhirCaller(engine: SandboxEngine, grant: AccessGrant): FhirCall {
  return async (method, pathAndQuery, init = {}) => {
    const url = pathAndQuery.startsWith('http') ? pathAndQuery : `${BASE}/${pathAndQuery}`;
    const body =
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body);
    const headers: Record<string, string> = {
      ...(body !== undefined ? { 'Content-Type': 'application/fhir+json' } : {}),
      ...init.headers,
    };
    const response = await handleFhirRequest(new Request(url, { method, headers, body }), {
      baseUrl: BASE,
      grant,
      engine,
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text === '' ? {} : (JSON.parse(text) as FhirAnswer['body']),
    };
  };
}

/** A grant with the given scopes (and patient, if any). */
export function grantOf(
  scopes: readonly string[],
  patient?: string,
  extra: Partial<AccessGrant> = {},
): AccessGrant {
  return { clientId: 'test-client', scopes, ...(patient ? { patient } : {}), ...extra };
}

/**
 * The body of an answer as a FHIR resource of the expected type (the tests assert the shape).
 * @param answer - A parsed answer.
 */
export function resourceOf<T extends Resource>(answer: FhirAnswer): T {
  return answer.body as unknown as T;
}

/**
 * The body of an answer as a Bundle.
 * @param answer - A parsed answer.
 */
export function bundleOf(answer: FhirAnswer): Bundle {
  return resourceOf<Bundle>(answer);
}

/** The ids of a searchset's entries, in order. */
export function entryIds(body: FhirAnswer['body']): string[] {
  const entries = (body as unknown as Bundle).entry ?? [];
  return entries.map((entry) => entry.resource?.id ?? '');
}

/** The text of an OperationOutcome's first issue. */
export function issueText(body: FhirAnswer['body']): string {
  const issue = (body as { issue?: { details?: { text?: string }; diagnostics?: string }[] })
    .issue?.[0];
  return `${issue?.details?.text ?? ''} ${issue?.diagnostics ?? ''}`;
}

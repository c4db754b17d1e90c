/** @jest-environment node */
import path from 'node:path';
import { MemoryRepository } from '@medplum/fhir-router';
import type { Bundle, Observation, Patient, Resource } from '@medplum/fhirtypes';
import { loadFhirDefinitions } from '@/lib/sandbox/fhir/definitions';
import { createSandboxEngine, getSandboxEngine } from '@/lib/sandbox/fhir/engine';
import type { SeedOptions } from '@/lib/sandbox/seed/load-seeds';
import { loadSeeds } from '@/lib/sandbox/seed/load-seeds';
import {
  getSeedReport,
  listSeedPatients,
  listSeedPractitioners,
  resetSandbox,
} from '@/lib/sandbox/seed/sandbox-seed';
import { SANDBOX_ANCHOR_SYSTEM } from '@/lib/sandbox/seed/shift-dates';
import { makeTempDir, removeDir, writeFiles } from '@/tests/integration/sandbox/fhir/fhir-test-kit';

jest.setTimeout(30_000);

const ANCHOR = '2026-06-15T12:00:00Z';
const anchorTag = (code = ANCHOR) => ({ tag: [{ system: SANDBOX_ANCHOR_SYSTEM, code }] });

const patient = (id: string, birthDate = '2023-06-15'): Patient => ({
  resourceType: 'Patient',
  id,
  name: [{ given: ['Test'], family: id }],
  gender: 'unknown',
  birthDate,
});

const observation = (
  id: string,
  patientRef: string,
  effective = '2026-06-14T08:00:00Z',
): Observation => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { text: 'ESR' },
  subject: { reference: patientRef },
  effectiveDateTime: effective,
});

const collection = (resources: Resource[], meta: Bundle['meta'] = anchorTag()): Bundle => ({
  resourceType: 'Bundle',
  meta,
  type: 'collection',
  entry: resources.map((resource) => ({ resource })),
});

let root: string;
let errors: jest.SpyInstance;

beforeAll(() => {
  loadFhirDefinitions();
});

beforeEach(async () => {
  root = await makeTempDir('sandbox-seed-');
  errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(async () => {
  errors.mockRestore();
  await removeDir(root);
});

async function load(
  patients: Record<string, unknown>,
  extra?: Record<string, unknown>,
  options: Partial<SeedOptions> = {},
): Promise<{ repository: MemoryRepository; result: Awaited<ReturnType<typeof loadSeeds>> }> {
  const patientsDir = path.join(root, 'patients');
  await writeFiles(patientsDir, patients);
  const seedDir = extra ? path.join(root, 'extra') : undefined;
  if (seedDir && extra) await writeFiles(seedDir, extra);
  const repository = new MemoryRepository();
  const result = await loadSeeds(repository, {
    patientsDir,
    ...(seedDir ? { seedDir } : {}),
    now: new Date(ANCHOR),
    ...options,
  });
  return { repository, result };
}

async function exists(repository: MemoryRepository, type: string, id: string): Promise<boolean> {
  try {
    await repository.readResource(type, id);
    return true;
  } catch {
    return false;
  }
}

const stderr = (): string => errors.mock.calls.map((args: unknown[]) => args.join(' ')).join('\n');

describe('loadSeeds', () => {
  it('loads every *.json Bundle of the patients folder, keeping ids', async () => {
    const { repository, result } = await load({
      'a.json': collection([patient('a'), observation('a-1', 'Patient/a')]),
      'b.json': collection([patient('b')]),
      'README.md': '# not a seed',
    });
    expect(result.report.loaded).toEqual([
      { file: 'a.json', source: 'patients', resources: 2 },
      { file: 'b.json', source: 'patients', resources: 1 },
    ]);
    expect(result.report.skipped).toEqual([]);
    expect(await exists(repository, 'Observation', 'a-1')).toBe(true);
    expect(result.patients.map((item) => item.id)).toEqual(['a', 'b']);
    expect(result.patients[0]).toEqual({
      id: 'a',
      name: 'Test a',
      birthDate: '2023-06-15',
      gender: 'unknown',
      file: 'a.json',
    });
  });

  it('skips and reports a file that is not JSON', async () => {
    const { result } = await load({
      'broken.json': '{"resourceType": "Bundle", ',
      'ok.json': collection([patient('ok')]),
    });
    expect(result.report.skipped).toEqual([
      { file: 'broken.json', source: 'patients', reason: 'not valid JSON' },
    ]);
    expect(result.report.loaded.map((item) => item.file)).toEqual(['ok.json']);
    expect(stderr()).toContain('broken.json');
  });

  it('skips the whole file when one resource is not valid R4', async () => {
    const invalid = {
      ...observation('bad-1', 'Patient/bad'),
      status: 42,
    } as unknown as Observation;
    const { repository, result } = await load({
      'bad.json': collection([patient('bad'), invalid]),
    });
    expect(result.report.loaded).toEqual([]);
    expect(result.report.skipped).toHaveLength(1);
    expect(result.report.skipped[0]?.file).toBe('bad.json');
    expect(result.report.skipped[0]?.reason).toContain('Observation/bad-1 is not valid R4');
    expect(await exists(repository, 'Patient', 'bad')).toBe(false);
    expect(result.patients).toEqual([]);
    expect(stderr()).toContain('bad.json');
  });

  it.each([
    ['an unknown element', { ...patient('x'), colour: 'blue' }],
    ['an unknown resourceType', { resourceType: 'Spaceship', id: 'x' }],
    ['a JSON array', []],
    ['an invalid date', { ...patient('x'), birthDate: '2020-13-45' }],
  ])('skips a single-resource file with %s', async (_label, content) => {
    const { result } = await load({ 'one.json': content });
    expect(result.report.loaded).toEqual([]);
    expect(result.report.skipped.map((item) => item.file)).toEqual(['one.json']);
  });

  it('reports a duplicate id and keeps the first one', async () => {
    const { repository, result } = await load({
      'a.json': collection([patient('same', '2001-01-01')]),
      'b.json': collection([patient('same', '1999-09-09'), patient('other')]),
    });
    expect(result.report.duplicates).toEqual([
      { file: 'b.json', source: 'patients', reference: 'Patient/same', firstFile: 'a.json' },
    ]);
    expect(result.report.loaded).toEqual([
      { file: 'a.json', source: 'patients', resources: 1 },
      { file: 'b.json', source: 'patients', resources: 1 },
    ]);
    expect((await repository.readResource<Patient>('Patient', 'same')).birthDate).toBe(
      '2001-01-01',
    );
    expect(stderr()).toContain('Patient/same');
  });

  it('shifts every date so the anchor maps to the load time', async () => {
    const { repository, result } = await load(
      {
        'a.json': collection([
          patient('a', '2023-06-15'),
          observation('a-1', 'Patient/a', '2026-06-14T08:00:00-04:00'),
        ]),
      },
      undefined,
      { now: new Date('2026-09-01T18:30:00Z') },
    );
    const stored = await repository.readResource<Patient>('Patient', 'a');
    expect(stored.birthDate).toBe('2023-09-01');
    expect(result.patients[0]?.birthDate).toBe('2023-09-01');
    const obs = await repository.readResource<Observation>('Observation', 'a-1');
    expect(obs.effectiveDateTime).toBe('2026-08-31T14:30:00-04:00');
    expect(result.report.now).toBe('2026-09-01T18:30:00.000Z');
  });

  it('leaves dates alone in a file with no anchor', async () => {
    const { repository } = await load(
      { 'a.json': collection([patient('a', '2001-02-03')], {}) },
      undefined,
      {
        now: new Date('2030-01-01T00:00:00Z'),
      },
    );
    expect((await repository.readResource<Patient>('Patient', 'a')).birthDate).toBe('2001-02-03');
  });

  it('skips a file whose anchor is not a date-time', async () => {
    const { result } = await load({
      'a.json': collection([patient('a')], anchorTag('next tuesday')),
    });
    expect(result.report.skipped[0]?.reason).toContain('anchor');
  });

  it('loads SANDBOX_SEED_DIR files after the patients, in file-name order, with urn:uuid references resolved', async () => {
    const transaction: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:6b1f9a52-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
          resource: {
            resourceType: 'Patient',
            name: [{ family: 'Uuid' }],
            birthDate: '1980-01-01',
          },
          request: { method: 'POST', url: 'Patient' },
        },
        {
          fullUrl: 'urn:uuid:0e0e0e0e-1111-4222-8333-444444444444',
          resource: {
            resourceType: 'Observation',
            status: 'final',
            code: { text: 'x' },
            subject: { reference: 'urn:uuid:6b1f9a52-3c4d-4e5f-8a9b-0c1d2e3f4a5b' },
            hasMember: [{ reference: 'urn:uuid:0e0e0e0e-1111-4222-8333-444444444444' }],
          },
          request: { method: 'POST', url: 'Observation' },
        },
        {
          resource: { resourceType: 'Practitioner', id: 'ignored-id', name: [{ family: 'Put' }] },
          request: { method: 'PUT', url: 'Practitioner/put-1' },
        },
      ],
    };
    const { repository, result } = await load(
      { 'a.json': collection([patient('a')]) },
      { '2-tx.json': transaction, '1-single.json': patient('single'), 'notes.txt': 'hello' },
    );
    expect(result.report.loaded).toEqual([
      { file: 'a.json', source: 'patients', resources: 1 },
      { file: '1-single.json', source: 'seed-dir', resources: 1 },
      { file: '2-tx.json', source: 'seed-dir', resources: 3 },
    ]);
    expect(result.report.skipped).toEqual([
      { file: 'notes.txt', source: 'seed-dir', reason: 'not valid JSON' },
    ]);
    const obs = await repository.readResource<Observation>(
      'Observation',
      '0e0e0e0e-1111-4222-8333-444444444444',
    );
    expect(obs.subject?.reference).toBe('Patient/6b1f9a52-3c4d-4e5f-8a9b-0c1d2e3f4a5b');
    expect(obs.hasMember?.[0]?.reference).toBe('Observation/0e0e0e0e-1111-4222-8333-444444444444');
    expect(await exists(repository, 'Practitioner', 'put-1')).toBe(true);
    expect(result.practitioners).toEqual([{ id: 'put-1', name: 'Put', file: '2-tx.json' }]);
  });

  it('skips a transaction with an unresolved urn:uuid reference or a method that cannot seed', async () => {
    const dangling: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          resource: { ...observation('o', 'urn:uuid:6b1f9a52-3c4d-4e5f-8a9b-000000000000') },
          request: { method: 'POST', url: 'Observation' },
        },
      ],
    };
    const deleting: Bundle = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [{ resource: patient('d'), request: { method: 'DELETE', url: 'Patient/d' } }],
    };
    const { result } = await load({}, { 'dangling.json': dangling, 'delete.json': deleting });
    expect(result.report.skipped.map((item) => item.file)).toEqual([
      'dangling.json',
      'delete.json',
    ]);
    expect(result.report.skipped[0]?.reason).toContain('unresolved reference');
    expect(result.report.skipped[1]?.reason).toContain('DELETE');
  });

  it('dates SANDBOX_SEED_DIR files with SANDBOX_SEED_ANCHOR when set, else with their own anchor', async () => {
    const own = collection([patient('own', '2020-01-10')], anchorTag('2026-06-10T12:00:00Z'));
    const now = new Date('2026-06-15T12:00:00Z');
    const withOwn = await load({}, { 'own.json': own }, { now });
    expect((await withOwn.repository.readResource<Patient>('Patient', 'own')).birthDate).toBe(
      '2020-01-15',
    );
    await removeDir(root);
    root = await makeTempDir('sandbox-seed-');
    const overridden = await load(
      {},
      { 'own.json': own },
      { now, seedAnchor: '2026-06-13T12:00:00Z' },
    );
    expect((await overridden.repository.readResource<Patient>('Patient', 'own')).birthDate).toBe(
      '2020-01-12',
    );
  });

  it('reports a SANDBOX_SEED_DIR that cannot be read', async () => {
    const repository = new MemoryRepository();
    const result = await loadSeeds(repository, {
      patientsDir: path.join(root, 'none'),
      seedDir: path.join(root, 'missing'),
      now: new Date(ANCHOR),
    });
    expect(result.report.skipped).toEqual([
      {
        file: path.join(root, 'missing'),
        source: 'seed-dir',
        reason: 'SANDBOX_SEED_DIR cannot be read',
      },
    ]);
  });
});

describe('createSandboxEngine', () => {
  const saved = { dir: process.env.SANDBOX_SEED_DIR, anchor: process.env.SANDBOX_SEED_ANCHOR };
  afterEach(() => {
    if (saved.dir === undefined) delete process.env.SANDBOX_SEED_DIR;
    else process.env.SANDBOX_SEED_DIR = saved.dir;
    if (saved.anchor === undefined) delete process.env.SANDBOX_SEED_ANCHOR;
    else process.env.SANDBOX_SEED_ANCHOR = saved.anchor;
  });

  it('reads SANDBOX_SEED_DIR and SANDBOX_SEED_ANCHOR from the environment', async () => {
    await writeFiles(path.join(root, 'extra'), {
      'p.json': { ...patient('env', '2020-01-10'), meta: anchorTag() },
    });
    process.env.SANDBOX_SEED_DIR = path.join(root, 'extra');
    process.env.SANDBOX_SEED_ANCHOR = '2026-06-14T12:00:00Z';
    const engine = await createSandboxEngine({
      patientsDir: path.join(root, 'none'),
      now: new Date(ANCHOR),
    });
    expect(engine.seed.report.loaded).toEqual([
      { file: 'p.json', source: 'seed-dir', resources: 1 },
    ]);
    expect(engine.seed.patients[0]?.birthDate).toBe('2020-01-11');
  });
});

describe('the process singleton', () => {
  it('seeds from <cwd>/lib/sandbox/patients once, and exposes report, patients, practitioners and reset', async () => {
    await writeFiles(path.join(root, 'lib/sandbox/patients'), {
      'a.json': collection([
        patient('solo'),
        { resourceType: 'Practitioner', id: 'doc', name: [{ prefix: ['Dr.'], family: 'Who' }] },
      ]),
    });
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const first = getSandboxEngine();
      expect(getSandboxEngine()).toBe(first);
      const engine = await first;
      expect((await getSeedReport()).loaded).toEqual([
        { file: 'a.json', source: 'patients', resources: 2 },
      ]);
      expect((await listSeedPatients()).map((item) => item.id)).toEqual(['solo']);
      expect(await listSeedPractitioners()).toEqual([
        { id: 'doc', name: 'Dr. Who', file: 'a.json' },
      ]);
      await engine.repository.deleteResource('Patient', 'solo');
      await resetSandbox();
      expect(await exists(engine.repository, 'Patient', 'solo')).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });
});

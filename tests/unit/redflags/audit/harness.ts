/**
 * Independent audit harness (clinical-spec `bp-redflag-1.1`): hand-built FHIR Bundles and
 * QuestionnaireResponses, run through the same path as `npm run screen -- --bundle … --answers …`
 * (`toChartFromBundle` + `evaluateScreen` with the project terminology), and a compact projection
 * of the output object for table-driven expectations derived by hand from the spec.
 *
 * Deliberately does not reuse `tests/fixtures/chart.ts`: the audit builds its own resources so its
 * expectations do not share assumptions with the engine's own tests.
 */
import { toChartFromBundle } from '@/lib/cli/screen-bundle';
import { DEFAULT_TERMINOLOGY } from '@/lib/redflags/default-terminology';
import { evaluateScreen } from '@/lib/redflags/evaluate';
import type { ImagingSuggestion, ScreenOutput } from '@/lib/redflags/types';

/** T0 of every audit case unless a case says otherwise. */
export const T0 = '2026-06-15T12:00:00Z';
const T0_MS = Date.parse(T0);
/** The audit patient's id. */
export const PID = 'audit-p1';
/** The Patient entry's fullUrl in audit Bundles. */
export const FULL_URL = 'urn:uuid:9f0c1d2e-0000-4000-8000-00000000a001';
const HOUR = 3_600_000;
const ANSWER_SYSTEM = 'http://spine-redflags.org/fhir/CodeSystem/back-pain-answers';
const LOINC = 'http://loinc.org';
const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
const SCT = 'http://snomed.info/sct';
const CPT = 'http://www.ama-assn.org/go/cpt';

/** A JSON object (FHIR resources are built loosely on purpose: the audit also feeds junk). */
export type Json = Record<string, unknown>;

/** An instant `h` hours before T0 (negative: after T0), as `…Z` with seconds. */
export function hoursAgo(h: number): string {
  return new Date(T0_MS - h * HOUR).toISOString().replace('.000Z', 'Z');
}

/** An instant `d` × 24 h before T0. */
export function daysAgo(d: number): string {
  return hoursAgo(d * 24);
}

/** A birthDate giving exactly `age` completed years at T0 (birthday on 1 January). */
export function born(age: number): string {
  return `${2026 - age}-01-01`;
}

let serial = 0;
const nextId = (prefix: string) => `${prefix}${(serial += 1)}`;

/** The patient reference every resource uses unless told otherwise. */
export const SUBJECT = { reference: `Patient/${PID}` };

/**
 * An Observation: LOINC code, a valueQuantity built from the parts given, the effective time
 * (`effectiveDateTime` unless `extra` overrides it), status `final` unless overridden.
 */
export function obs(
  loinc: string,
  value: number | undefined,
  unit: string | undefined,
  effective: string | undefined,
  extra: Json & { comparator?: string; unitText?: string } = {},
): Json {
  const { comparator, unitText, ...rest } = extra;
  const quantity: Json = {};
  if (value !== undefined) quantity.value = value;
  if (comparator !== undefined) quantity.comparator = comparator;
  if (unit !== undefined) {
    quantity.code = unit;
    quantity.system = 'http://unitsofmeasure.org';
  }
  if (unitText !== undefined) quantity.unit = unitText;
  return {
    resourceType: 'Observation',
    id: nextId('obs-'),
    status: 'final',
    code: { coding: [{ system: LOINC, code: loinc }] },
    subject: SUBJECT,
    ...(effective === undefined ? {} : { effectiveDateTime: effective }),
    valueQuantity: quantity,
    ...rest,
  };
}

/** ESR (4537-7) in mm/h, `h` hours before T0. */
export const esr = (v: number, h = 24, extra: Json = {}) =>
  obs('4537-7', v, 'mm/h', hoursAgo(h), extra);
/** CRP (1988-5) in mg/L, `h` hours before T0. */
export const crp = (v: number, h = 24, extra: Json = {}) =>
  obs('1988-5', v, 'mg/L', hoursAgo(h), extra);
/** WBC (6690-2) in 10*3/uL, `h` hours before T0. */
export const wbc = (v: number, h = 24, extra: Json = {}) =>
  obs('6690-2', v, '10*3/uL', hoursAgo(h), extra);
/** Body temperature (8310-5) in Cel, `h` hours before T0. */
export const temp = (v: number, h = 6, extra: Json = {}) =>
  obs('8310-5', v, 'Cel', hoursAgo(h), extra);

/** A CodeableConcept of an HL7 condition status CodeSystem. */
function status(kind: 'clinical' | 'ver-status', code: string): Json {
  const system =
    kind === 'clinical'
      ? 'http://terminology.hl7.org/CodeSystem/condition-clinical'
      : 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
  return { coding: [{ system, code }] };
}

/**
 * A Condition coded in ICD-10-CM (`icd`) or SNOMED CT (`sct`). `clinical`/`verification` add the
 * HL7 status codings (omitted when undefined).
 */
export function cond(
  system: 'icd' | 'sct',
  code: string,
  opts: { clinical?: string; verification?: string; extra?: Json } = {},
): Json {
  return {
    resourceType: 'Condition',
    id: nextId('cond-'),
    subject: SUBJECT,
    code: { coding: [{ system: system === 'icd' ? ICD : SCT, code }] },
    ...(opts.clinical === undefined ? {} : { clinicalStatus: status('clinical', opts.clinical) }),
    ...(opts.verification === undefined
      ? {}
      : { verificationStatus: status('ver-status', opts.verification) }),
    ...opts.extra,
  };
}

/** A Procedure coded in CPT (`cpt`) or SNOMED CT (`sct`); `performed` fields given explicitly. */
export function proc(
  system: 'cpt' | 'sct',
  code: string,
  procStatus: string,
  performed: Json,
): Json {
  return {
    resourceType: 'Procedure',
    id: nextId('proc-'),
    status: procStatus,
    subject: SUBJECT,
    code: { coding: [{ system: system === 'cpt' ? CPT : SCT, code }] },
    ...performed,
  };
}

/** A MedicationRequest with an RxNorm ingredient code. */
export function medRequest(rxcui: string, reqStatus: string, authoredOn: string): Json {
  return {
    resourceType: 'MedicationRequest',
    id: nextId('mr-'),
    status: reqStatus,
    intent: 'order',
    subject: SUBJECT,
    authoredOn,
    medicationCodeableConcept: {
      coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: rxcui }],
    },
  };
}

/** A Bundle with one Patient (`birthDate` null: none) and the given resources. */
export function bundle(birthDate: string | null, resources: readonly Json[] = []): Json {
  const patient: Json = { resourceType: 'Patient', id: PID };
  if (birthDate !== null) patient.birthDate = birthDate;
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { fullUrl: FULL_URL, resource: patient },
      ...resources.map((resource) => ({ resource })),
    ],
  };
}

/** Answer values by linkId (`undefined`: leave the item unanswered). */
export type Answers = Record<string, boolean | number | string | undefined>;

const CHOICE = new Set(['pain-location', 'trauma', 'hx-ivdu']);
const INTEGER = new Set(['duration-days', 'motor-grade-min', 'slr-angle', 'pain-nrs']);

/**
 * A complete negative answer set for a patient of `age` (§9.1): every R item; `R12` from 12; A
 * items for adults (motor grade 5), P items for children. Duration 3 days, lumbar pain, no trauma,
 * `hx-ivdu` never. Conditional items are not included (their conditions are false).
 */
export function negatives(age: number): Answers {
  const a: Answers = {
    'duration-days': 3,
    'pain-location': 'lumbar',
    'night-pain': false,
    'fever-reported': false,
    'weight-loss-unexplained': false,
    trauma: 'none',
    'urinary-retention': false,
    'incontinence-new': false,
    'saddle-anesthesia': false,
    'bilateral-leg-deficit': false,
    'neuro-progressive': false,
    'motor-multilevel': false,
    'cord-signs': false,
    'point-tenderness': false,
    'radicular-pain': false,
    'hx-cancer': false,
    'hx-osteoporosis': false,
    'hx-chronic-steroids': false,
    'hx-immunosuppression': false,
    'hx-ivdu': 'never',
    'hx-diabetes': false,
    'hx-spine-surgery': false,
    'hx-spine-procedure-90d': false,
    'hx-recent-infection-30d': false,
    'hx-dialysis-catheter': false,
    'hx-chronic-liver': false,
  };
  if (age >= 12) a['sexual-dysfunction-new'] = false;
  if (age >= 18) {
    a['motor-grade-min'] = 5;
    a['ibp-features'] = false;
    a['hx-ankylosing'] = false;
  } else {
    for (const id of [
      'limp',
      'irritability',
      'decreased-rom',
      'constant-pain',
      'abnormal-neuro-exam',
      'morning-stiffness',
    ]) {
      a[id] = false;
    }
  }
  return a;
}

/** One QuestionnaireResponse item with a typed answer. */
export function item(linkId: string, value: boolean | number | string): Json {
  let answer: Json;
  if (CHOICE.has(linkId)) answer = { valueCoding: { system: ANSWER_SYSTEM, code: value } };
  else if (INTEGER.has(linkId)) answer = { valueInteger: value };
  else answer = { valueBoolean: value };
  return { linkId, answer: [answer] };
}

/** A QuestionnaireResponse (flat items) for the given answers. */
export function qr(answers: Answers, extra: Json = {}): Json {
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: 'http://spine-redflags.org/fhir/Questionnaire/back-pain-redflags|1.1',
    status: 'completed',
    subject: SUBJECT,
    item: Object.entries(answers).flatMap(([linkId, value]) =>
      value === undefined ? [] : [item(linkId, value)],
    ),
    ...extra,
  };
}

/** The negatives for `age` with overrides (`undefined` removes an answer). */
export function answersFor(age: number, overrides: Answers = {}): Answers {
  return { ...negatives(age), ...overrides };
}

/** Runs the engine exactly as `screen --bundle` does; throws if the input is refused. */
export function run(b: Json, answers: Json | undefined, now = T0): ScreenOutput {
  const chart = toChartFromBundle(b);
  if (!chart.ok) throw new Error(chart.reason);
  const result = evaluateScreen(chart.chart, answers, now, DEFAULT_TERMINOLOGY);
  if (!result.ok) throw new Error(result.reason);
  return result.evaluation.output;
}

/** Runs the engine and returns the refusal reason (or undefined if it evaluated). */
export function refusal(b: Json, answers: Json | undefined, now = T0): string | undefined {
  const chart = toChartFromBundle(b);
  if (!chart.ok) return chart.reason;
  const result = evaluateScreen(chart.chart, answers, now, DEFAULT_TERMINOLOGY);
  return result.ok ? undefined : result.reason;
}

/** `KEY/REGION/priority` of a study. */
export function studyOf(s: ImagingSuggestion): string {
  return `${s.key}/${s.region}/${s.priority}`;
}

/** A compact view of the output object, compared field by field with hand-derived values. */
export interface Projection {
  status: ScreenOutput['status'];
  missingItems: readonly string[];
  tier: ScreenOutput['tier'];
  firedRules: readonly string[];
  advisories: readonly string[];
  pathwayLabel: ScreenOutput['pathwayLabel'];
  imaging: string | null;
  secondary: readonly string[];
  labs: readonly string[];
}

/** The compact view. */
export function project(out: ScreenOutput): Projection {
  return {
    status: out.status,
    missingItems: out.missingItems,
    tier: out.tier,
    firedRules: out.firedRules,
    advisories: out.advisories,
    pathwayLabel: out.pathwayLabel,
    imaging: out.imaging === null ? null : studyOf(out.imaging),
    secondary: out.secondaryImaging.map(studyOf),
    labs: out.labs.map((l) => l.analyte),
  };
}

/** One table row: a spec citation, the chart and answers, and the hand-derived fields. */
export interface AuditCase {
  /** Spec section(s) and what is checked. */
  readonly name: string;
  readonly birthDate: string | null;
  readonly resources?: readonly Json[];
  /** Answers for the QuestionnaireResponse; `null` = no QuestionnaireResponse. */
  readonly answers: Answers | null;
  readonly now?: string;
  readonly expect: Partial<Projection>;
}

/** Runs one table row and returns the projected fields the row names. */
export function check(c: AuditCase): Partial<Projection> {
  const out = project(
    run(
      bundle(c.birthDate, c.resources ?? []),
      c.answers === null ? undefined : qr(c.answers),
      c.now,
    ),
  );
  const picked: Partial<Projection> = {};
  for (const key of Object.keys(c.expect) as (keyof Projection)[]) {
    Object.assign(picked, { [key]: out[key] });
  }
  return picked;
}

/** A complete, quiet evaluation with nothing fired (the defaults most rows start from). */
export const QUIET: Partial<Projection> = {
  status: 'complete',
  missingItems: [],
  tier: 'ROUTINE',
  firedRules: [],
  advisories: [],
  imaging: null,
  secondary: [],
  labs: [],
};

/**
 * The negatives for `age` with overrides, plus the conditional items those overrides enable
 * answered "No" unless given (§9.1: conservative-tried when duration > 28, surgical-candidate when
 * duration ≥ 42 and conservative-tried, radicular-severe-worsening when radicular-pain, for adults;
 * postop-new-symptoms when hx-spine-surgery), so the evaluation stays complete.
 */
export function complete(age: number, overrides: Answers = {}): Answers {
  const a = answersFor(age, overrides);
  const add = (linkId: string, when: boolean) => {
    if (when && !(linkId in overrides)) a[linkId] = false;
  };
  const duration = typeof a['duration-days'] === 'number' ? a['duration-days'] : 0;
  add('conservative-tried', age >= 18 && duration > 28);
  add('surgical-candidate', age >= 18 && duration >= 42 && a['conservative-tried'] === true);
  add('radicular-severe-worsening', age >= 18 && a['radicular-pain'] === true);
  add('postop-new-symptoms', a['hx-spine-surgery'] === true);
  return a;
}

/**
 * A full expected projection of a complete evaluation: defaults (complete, nothing missing, no
 * advisory, no label, no secondary study) overridden by `extra`.
 */
export function expected(
  tier: Projection['tier'],
  firedRules: readonly string[],
  imaging: string | null,
  labs: readonly string[],
  extra: Partial<Projection> = {},
): Partial<Projection> {
  return {
    status: 'complete',
    missingItems: [],
    tier,
    firedRules,
    advisories: [],
    pathwayLabel: null,
    imaging,
    secondary: [],
    labs,
    ...extra,
  };
}

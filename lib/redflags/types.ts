/**
 * Domain types of the red-flag engine (clinical-spec `bp-redflag-1.1`). Every id is the spec's own
 * string, identical in code, tests and the `screen` output.
 */
import type {
  Condition,
  MedicationRequest,
  Observation,
  Patient,
  Procedure,
  QuestionnaireResponse,
} from 'fhir/r4';

/** The rule-set id written into every output object (§13). */
export const RULE_SET = 'bp-redflag-1.1';

/** Rule ids in the canonical order of §5 (order of evaluation and of `firedRules`). */
export const RULE_IDS = [
  'RF-CES',
  'RF-NEURO-PROG',
  'RF-TRAUMA-MAJOR',
  'RF-MOTOR-MAJOR',
  'RF-INFECTION',
  'RF-ADULT-INFLAM',
  'RF-FEVER-WORKUP',
  'RF-PED-INFLAM',
  'RF-PED-DISC-WORKUP',
  'RF-PED-NEURO',
  'RF-CANCER-HX',
  'RF-CANCER-MULTI',
  'RF-IMMUNOSUPP',
  'RF-FRACTURE-RISK',
  'RF-POSTOP-NEW',
  'RF-PERSISTENT',
  'RF-RADIC-SEVERE',
  'RF-WEIGHT-LOSS',
  'RF-IBP',
  'RF-INFECT-RISK-WORKUP',
  'RF-FEVER-LABS-NEG',
  'RF-PED-REDFLAG',
] as const;

/** A rule id of §5. */
export type RuleId = (typeof RULE_IDS)[number];

/** Advisory ids in the order of the §5.4 table (order of `advisories`). */
export const ADVISORY_IDS = [
  'ADV-RADICULOPATHY',
  'ADV-VISCERAL',
  'ADV-DISCREPANCY',
  'ADV-STALE-ELEVATED',
  'ADV-IRF-LABS-NEG',
  'ADV-DATA-QUALITY',
  'ADV-NAI',
] as const;

/** An advisory id of §5.4. */
export type AdvisoryId = (typeof ADVISORY_IDS)[number];

/** Urgency tiers of §2, lowest first. */
export const TIERS = ['ROUTINE', 'SOON', 'URGENT', 'EMERGENT'] as const;

/** An urgency tier (§2). */
export type Tier = (typeof TIERS)[number];

/** Spine imaging keys of §7.1 plus the pelvis radiograph of §7.2. */
export type ImagingKey = 'MRI_WWO' | 'MRI_WO' | 'CT_WO' | 'XR' | 'XR_PELVIS';

/** Imaging keys that can be the primary study (§7.1: never `XR_PELVIS`). */
export type SpineImagingKey = Exclude<ImagingKey, 'XR_PELVIS'>;

/** Regions of §7.3 (and `PELVIS` for `XR_PELVIS`, §7.2). */
export type Region = 'LUMBAR' | 'THORACIC' | 'COMPLETE' | 'PELVIS';

/** A spine region (§7.3). */
export type SpineRegion = Exclude<Region, 'PELVIS'>;

/** Laboratory analytes of §7.4, in output order. */
export const LAB_ANALYTES = ['ESR', 'CRP', 'CBC', 'BLOOD_CULTURE', 'URINALYSIS'] as const;

/** A laboratory suggestion (§7.4). */
export type LabAnalyte = (typeof LAB_ANALYTES)[number];

/** `ServiceRequest.priority` values used by §2. */
export type Priority = 'stat' | 'urgent' | 'routine';

/** Pathway labels of §6.5. */
export type PathwayLabel = 'PED-DISC' | 'PED-SPINE-INFECTION';

/** A non-empty read-only list. */
export type NonEmpty<T> = readonly [T, ...T[]];

/**
 * Why a rule or advisory fired, pointing back at what the clinician can open: a resource
 * (`Patient/…`, `Observation/…`, `Condition/…`, `Procedure/…`), an answer
 * (`QuestionnaireResponse#<linkId>`), or `null` for an absence of data (§13).
 */
export interface Evidence {
  readonly reference: string | null;
  readonly detail: string;
}

/** An evidence entry of the output object: the fired rule or advisory id and what made it fire. */
export interface OutputEvidence extends Evidence {
  readonly rule: RuleId | AdvisoryId;
}

/** Codes of one imaging study (§10.6), from the `imaging-<key>-<region>` ValueSets. */
export interface ImagingCodes {
  readonly cpt: readonly string[];
  readonly loinc: string | null;
  readonly radlex: string | null;
  readonly snomed: string | null;
}

/** An imaging suggestion of the output object (§7.5, §13). */
export interface ImagingSuggestion {
  readonly key: ImagingKey;
  readonly region: Region;
  readonly priority: Priority;
  readonly occurrenceLatest: string;
  readonly codes: ImagingCodes;
}

/** A lab suggestion of the output object (§7.4, §10.7). */
export interface LabSuggestion {
  readonly analyte: LabAnalyte;
  readonly loinc: string;
}

/** The output object of one evaluation (§7.5 and §13), field names and value sets fixed. */
export interface ScreenOutput {
  readonly ruleSet: typeof RULE_SET;
  readonly evaluatedAt: string;
  readonly status: 'complete' | 'incomplete';
  readonly missingItems: readonly string[];
  readonly tier: Tier;
  readonly firedRules: readonly RuleId[];
  readonly advisories: readonly AdvisoryId[];
  readonly pathwayLabel: PathwayLabel | null;
  readonly imaging: ImagingSuggestion | null;
  readonly secondaryImaging: readonly ImagingSuggestion[];
  readonly labs: readonly LabSuggestion[];
  readonly evidence: readonly OutputEvidence[];
}

/** The chart searches whose failure is recorded rather than thrown (the Patient read must work). */
export type ChartKind = 'Observation' | 'Condition' | 'Procedure' | 'MedicationRequest';

/** What a failed chart search reports (a `FhirRequestError` satisfies it). */
export interface ChartFailure {
  readonly status: number;
  readonly message: string;
}

/**
 * One patient's chart as read from a Bundle, a FHIR server or a Bulk Data export. Resources of
 * another subject may be present: the engine ignores them (§13 subject matching).
 */
export interface ChartInputs {
  readonly patient: Patient;
  /** The Patient entry's `fullUrl`, when read from a Bundle (§13 subject matching). */
  readonly patientFullUrl?: string;
  readonly observations: readonly Observation[];
  readonly conditions: readonly Condition[];
  readonly procedures: readonly Procedure[];
  readonly medicationRequests: readonly MedicationRequest[];
  /** Searches that failed: their facts are unknown, never negative, and the evaluation is incomplete. */
  readonly failures: ReadonlyMap<ChartKind, ChartFailure>;
}

/** Everything one evaluation needs. Time and ids are parameters: the core reads no clock. */
export interface ScreenInput {
  readonly chart: ChartInputs;
  /** The clinician's answers, or undefined when there are none (the evaluation is incomplete, §8.4). */
  readonly answers?: QuestionnaireResponse;
  /** T0: ISO-8601 date-time with a UTC offset (§13 `--now`). */
  readonly now: string;
}

/**
 * Conditions, Procedures and MedicationRequests (clinical-spec §3.6) turned into chart evidence
 * for the history facts of §4 and the suggestions of §9.1/§9.3. Pure; never throws on junk.
 */
import { DAY_MS, formatInstant, readFhirTime, readHistoryTime, type T0 } from './dates';
import { arrayOf, isRecord, stringOf } from './json';
import { referenceOf } from './observations';
import { VALUE_SET, type Terminology } from './terminology';
import type { Evidence } from './types';

const VER_STATUS = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';

/** Chart-authoritative history facts (§3.7) and the §9.1 item each one pre-populates. */
export const CHART_FACT_ITEMS = {
  CANCER_HX: 'hx-cancer',
  OSTEO: 'hx-osteoporosis',
  STEROID: 'hx-chronic-steroids',
  IMMUNOSUPP: 'hx-immunosuppression',
  IVDU: 'hx-ivdu',
  DIABETES: 'hx-diabetes',
  SPINE_SURGERY: 'hx-spine-surgery',
  RECENT_PROC: 'hx-spine-procedure-90d',
  DIALYSIS: 'hx-dialysis-catheter',
  CHRONIC_LIVER: 'hx-chronic-liver',
  ANKYLOSED: 'hx-ankylosing',
} as const;

/** A chart-authoritative history fact. */
export type ChartFact = keyof typeof CHART_FACT_ITEMS;

/** Suggestion-only chart findings (§3.7 clinician-authoritative, §9.3, §10.5). */
export type SuggestionKind =
  | 'steroid-history'
  | 'steroid-medication'
  | 'immunosuppressant-medication'
  | 'substance-use'
  | 'arthrodesis-status'
  | 'recent-infection'
  | 'back-pain-onset';

/** What Conditions, Procedures and MedicationRequests give. */
export interface HistorySnapshot {
  /** Chart evidence per authoritative fact (empty = no chart evidence). */
  readonly facts: Readonly<Record<ChartFact, readonly Evidence[]>>;
  /** Suggestion-only evidence. */
  readonly suggestions: Readonly<Record<SuggestionKind, readonly Evidence[]>>;
  /** Days since the onset of the most recent active back-pain Condition (`duration-days`). */
  readonly backPainOnsetDays: number | undefined;
}

function codesOf(resource: Record<string, unknown>, field: string): readonly string[] {
  const concept = resource[field];
  return arrayOf(isRecord(concept) ? concept.coding : undefined)
    .filter(isRecord)
    .map((c) => stringOf(c.code))
    .filter((c): c is string => c !== undefined);
}

/** HL7 status codes of a CodeableConcept (codings of other systems are ignored, §3.6). */
function statusCodes(concept: unknown, system: string): readonly string[] {
  return arrayOf(isRecord(concept) ? concept.coding : undefined)
    .filter(isRecord)
    .filter((c) => c.system === system)
    .map((c) => stringOf(c.code))
    .filter((c): c is string => c !== undefined);
}

function describe(resource: Record<string, unknown>, field: string): string {
  const concept = resource[field];
  const text = isRecord(concept) ? stringOf(concept.text) : undefined;
  const first = arrayOf(isRecord(concept) ? concept.coding : undefined).find(isRecord);
  const display = text ?? (first ? stringOf(first.display) : undefined);
  const codes = codesOf(resource, field).join(', ');
  return display === undefined ? codes : `${display} [${codes}]`;
}

/** A Condition is excluded when refuted or entered-in-error (§3.6). */
function isValidCondition(condition: Record<string, unknown>): boolean {
  return !statusCodes(condition.verificationStatus, VER_STATUS).some(
    (c) => c === 'refuted' || c === 'entered-in-error',
  );
}

/**
 * The CURRENT filter (§3.6): clinicalStatus active/recurrence/relapse or absent, and no abatement
 * at or before T0. `abatementAge`/`Range`/`String`, a Period without dates or an unreadable date
 * count as abated; a partial abatement date is the last day of its period (not yet reached).
 */
function isCurrent(condition: Record<string, unknown>, t0: T0): boolean {
  const clinical = statusCodes(condition.clinicalStatus, CLINICAL);
  if (
    clinical.length > 0 &&
    !clinical.some((c) => c === 'active' || c === 'recurrence' || c === 'relapse')
  ) {
    return false;
  }
  if (
    condition.abatementAge !== undefined ||
    condition.abatementRange !== undefined ||
    condition.abatementString !== undefined ||
    condition.abatementBoolean !== undefined
  ) {
    return false;
  }
  let raw: unknown;
  if (condition.abatementDateTime !== undefined) raw = condition.abatementDateTime;
  else if (condition.abatementPeriod !== undefined) {
    const period = condition.abatementPeriod;
    raw = isRecord(period) ? (period.end ?? period.start) : undefined;
    if (raw === undefined) return false; // a Period without dates counts as abated
  } else return true;
  const time = readFhirTime(raw, t0.offsetMinutes);
  if (time === undefined) return false; // unreadable → abated (§3.6)
  return time.ms > t0.ms;
}

function clinicalLabel(condition: Record<string, unknown>): string {
  const clinical = statusCodes(condition.clinicalStatus, CLINICAL);
  return clinical.length > 0 ? clinical.join('/') : 'no clinical status';
}

function conditionEvidence(condition: Record<string, unknown>, label: string): Evidence {
  return {
    reference: referenceOf('Condition', condition.id),
    detail: `${label}: ${describe(condition, 'code')} (${clinicalLabel(condition)})`,
  };
}

/**
 * Reads Conditions, Procedures and MedicationRequests (already filtered to the patient) into chart
 * evidence per §3.6: verification refuted/entered-in-error excluded; HISTORY filter (any clinical
 * status) for CANCER_HX, SPINE_SURGERY, ANKYLOSED; CURRENT filter for STEROID, IMMUNOSUPP, IVDU,
 * DIABETES, DIALYSIS, CHRONIC_LIVER; OSTEO unless resolved (Z87.310 whatever its status);
 * Procedures `completed` only (SPINE_SURGERY any date, RECENT_PROC within 90 days);
 * MedicationRequests for suggestions only.
 * @param input - the patient's resources
 * @param t0 - T0
 * @param terminology - code sets (§10.3–§10.5)
 */
export function toHistorySnapshot(
  input: {
    readonly conditions: readonly unknown[];
    readonly procedures: readonly unknown[];
    readonly medicationRequests: readonly unknown[];
  },
  t0: T0,
  terminology: Terminology,
): HistorySnapshot {
  const facts: Record<ChartFact, Evidence[]> = {
    CANCER_HX: [],
    OSTEO: [],
    STEROID: [],
    IMMUNOSUPP: [],
    IVDU: [],
    DIABETES: [],
    SPINE_SURGERY: [],
    RECENT_PROC: [],
    DIALYSIS: [],
    CHRONIC_LIVER: [],
    ANKYLOSED: [],
  };
  const suggestions: Record<SuggestionKind, Evidence[]> = {
    'steroid-history': [],
    'steroid-medication': [],
    'immunosuppressant-medication': [],
    'substance-use': [],
    'arthrodesis-status': [],
    'recent-infection': [],
    'back-pain-onset': [],
  };
  let backPainOnset: number | undefined;

  for (const condition of input.conditions) {
    if (!isRecord(condition) || !isValidCondition(condition)) continue;
    const code = isRecord(condition.code) ? condition.code : undefined;
    const matches = (url: string) => terminology.matches(url, code);
    const current = isCurrent(condition, t0);
    const clinical = statusCodes(condition.clinicalStatus, CLINICAL);
    const history: readonly [ChartFact, string, string][] = [
      ['CANCER_HX', VALUE_SET.malignancy, 'malignancy'],
      ['SPINE_SURGERY', VALUE_SET.spineSurgeryCondition, 'prior spine surgery'],
      ['ANKYLOSED', VALUE_SET.ankylosedSpine, 'ankylosed spine'],
    ];
    for (const [fact, url, label] of history) {
      if (matches(url)) facts[fact].push(conditionEvidence(condition, label));
    }
    const currentFacts: readonly [ChartFact, string, string][] = [
      ['STEROID', VALUE_SET.steroidLongTerm, 'long-term systemic steroids'],
      ['IMMUNOSUPP', VALUE_SET.immunosuppression, 'immunosuppression'],
      ['IVDU', VALUE_SET.ivdu, 'injection drug use'],
      ['DIABETES', VALUE_SET.diabetes, 'diabetes'],
      ['DIALYSIS', VALUE_SET.dialysis, 'dialysis dependence'],
      ['CHRONIC_LIVER', VALUE_SET.chronicLiver, 'chronic liver disease / alcohol use disorder'],
    ];
    for (const [fact, url, label] of currentFacts) {
      if (current && matches(url)) facts[fact].push(conditionEvidence(condition, label));
    }
    if (matches(VALUE_SET.osteoporosisHistoryFracture)) {
      facts.OSTEO.push(conditionEvidence(condition, 'history of osteoporotic fracture'));
    } else if (matches(VALUE_SET.osteoporosis) && !clinical.includes('resolved')) {
      facts.OSTEO.push(conditionEvidence(condition, 'osteoporosis'));
    }
    if (matches(VALUE_SET.steroidHistory)) {
      suggestions['steroid-history'].push(
        conditionEvidence(condition, 'history of steroid therapy'),
      );
    }
    if (matches(VALUE_SET.substanceUsePrompt)) {
      suggestions['substance-use'].push(
        conditionEvidence(condition, 'substance use (route not coded)'),
      );
    }
    if (matches(VALUE_SET.arthrodesisStatusPrompt)) {
      suggestions['arthrodesis-status'].push(conditionEvidence(condition, 'arthrodesis status'));
    }
    const onset = isRecord(condition.onsetPeriod)
      ? condition.onsetPeriod.start
      : condition.onsetDateTime;
    const onsetMs = readHistoryTime(onset, t0);
    const recordedMs = readHistoryTime(condition.recordedDate, t0);
    if (matches(VALUE_SET.recentInfection)) {
      const when = onsetMs ?? recordedMs;
      if (when !== undefined && t0.ms - when >= 0 && t0.ms - when <= 30 * DAY_MS) {
        suggestions['recent-infection'].push(conditionEvidence(condition, 'recent infection'));
      }
    }
    if (matches(VALUE_SET.backPain) && current && onsetMs !== undefined && onsetMs <= t0.ms) {
      if (backPainOnset === undefined || onsetMs > backPainOnset) {
        backPainOnset = onsetMs;
        suggestions['back-pain-onset'] = [conditionEvidence(condition, 'back pain')];
      }
    }
  }

  for (const procedure of input.procedures) {
    if (!isRecord(procedure) || procedure.status !== 'completed') continue;
    const code = isRecord(procedure.code) ? procedure.code : undefined;
    const surgery = terminology.matches(VALUE_SET.spineSurgeryProcedure, code);
    const injection = terminology.matches(VALUE_SET.spinalInjection, code);
    if (!surgery && !injection) continue;
    const period = isRecord(procedure.performedPeriod) ? procedure.performedPeriod : undefined;
    const raw =
      procedure.performedDateTime ??
      (period === undefined ? undefined : (period.end ?? period.start));
    const when = readHistoryTime(raw, t0);
    const dated = when === undefined ? 'no date' : formatInstant(when, t0.offsetMinutes);
    const evidence: Evidence = {
      reference: referenceOf('Procedure', procedure.id),
      detail: `${surgery ? 'spine surgery' : 'spinal procedure'}: ${describe(procedure, 'code')} (${dated})`,
    };
    if (surgery) facts.SPINE_SURGERY.push(evidence);
    // Without a date a procedure counts for history, never as "within 90 days" (§3.6).
    if (when !== undefined && t0.ms - when >= 0 && t0.ms - when <= 90 * DAY_MS) {
      facts.RECENT_PROC.push(evidence);
    }
  }

  for (const request of input.medicationRequests) {
    if (!isRecord(request)) continue;
    const status = request.status;
    const authored = readHistoryTime(request.authoredOn, t0);
    const included =
      status === 'active' ||
      status === 'completed' ||
      status === 'on-hold' ||
      (status === 'stopped' &&
        authored !== undefined &&
        t0.ms - authored >= 0 &&
        t0.ms - authored <= 90 * DAY_MS);
    if (!included) continue;
    const concept = isRecord(request.medicationCodeableConcept)
      ? request.medicationCodeableConcept
      : undefined;
    const detail = `${describe(request, 'medicationCodeableConcept')} (${String(status)}, authored ${
      authored === undefined ? 'unknown' : formatInstant(authored, t0.offsetMinutes)
    })`;
    const evidence: Evidence = { reference: referenceOf('MedicationRequest', request.id), detail };
    // "Chronic" = active and first authored ≥ 90 days before T0 (§10.5).
    if (
      terminology.matches(VALUE_SET.systemicGlucocorticoid, concept) &&
      status === 'active' &&
      authored !== undefined &&
      t0.ms - authored >= 90 * DAY_MS
    ) {
      suggestions['steroid-medication'].push(evidence);
    }
    if (terminology.matches(VALUE_SET.immunosuppressant, concept)) {
      suggestions['immunosuppressant-medication'].push(evidence);
    }
  }

  return {
    facts,
    suggestions,
    backPainOnsetDays:
      backPainOnset === undefined ? undefined : Math.floor((t0.ms - backPainOnset) / DAY_MS),
  };
}

/**
 * Usable Observations (clinical-spec §3.2), currency and selection (§3.3), comparators (§3.5),
 * stale elevated results (§4), measured fever (§4), blood-culture subtraction (§7.4) and the
 * chart-derived suggestions of §9.1/§9.3 (weight loss, pain score). Pure.
 */
import { DAY_MS, HOUR_MS, formatInstant, readFhirTime, type T0 } from './dates';
import { finiteNumber, isRecord, stringOf } from './json';
import { VALUE_SET, type Terminology } from './terminology';
import type { Evidence } from './types';
import {
  CANONICAL_UNIT,
  isComparator,
  judge,
  toCanonical,
  unitOf,
  type Analyte,
  type Comparator,
  type Judgement,
  type ThresholdKind,
} from './units';

/** A usable Observation value of one analyte (§3.2), in the canonical unit (§3.4). */
export interface UsableResult {
  readonly analyte: Analyte;
  readonly reference: string | null;
  /** Effective time. */
  readonly ms: number;
  /** Canonical value, or the comparator's bound. */
  readonly value: number;
  readonly comparator: Comparator | undefined;
  /** e.g. `ESR 55 mm/h at 2026-06-14 12:00`. */
  readonly detail: string;
}

/** An Observation of a decision code with a usable status but an unusable value/unit/time (§3.2). */
export interface RejectedObservation {
  readonly analyte: Analyte;
  readonly reference: string | null;
  readonly reason: string;
}

/** What the Observations of a chart give, before age and answers are known. */
export interface ObservationSnapshot {
  /** Usable results by analyte (effective time ≤ T0). */
  readonly results: Readonly<Record<Analyte, readonly UsableResult[]>>;
  /** Observations raising ADV-DATA-QUALITY (§3.2). */
  readonly rejected: readonly RejectedObservation[];
  /** A blood culture (600-7, not cancelled/entered-in-error) within 72 h (§7.4), if any. */
  readonly bloodCulture: Evidence | undefined;
  /** Latest pain score within 7 days (§9.1 `pain-nrs` pre-population), if any. */
  readonly painScore: { readonly value: number; readonly evidence: Evidence } | undefined;
}

const ANALYTE_VALUE_SETS: readonly (readonly [Analyte, string])[] = [
  ['ESR', VALUE_SET.esr],
  ['CRP', VALUE_SET.crp],
  ['WBC', VALUE_SET.wbc],
  ['TEMPERATURE', VALUE_SET.temperature],
  ['WEIGHT', VALUE_SET.weight],
];

const USABLE_STATUSES = new Set(['final', 'amended', 'corrected']);

/** `Observation/<id>`, or null when the resource has no id. */
export function referenceOf(resourceType: string, id: unknown): string | null {
  return typeof id === 'string' && id !== '' ? `${resourceType}/${id}` : null;
}

/**
 * The effective time field of §3.2 condition 3: `effectiveDateTime`, else `effectivePeriod.end`,
 * else `effectivePeriod.start`, else `effectiveInstant`, else `issued` (the first present one).
 */
function effectiveField(obs: Record<string, unknown>): unknown {
  if (obs.effectiveDateTime !== undefined) return obs.effectiveDateTime;
  const period = obs.effectivePeriod;
  if (isRecord(period)) {
    if (period.end !== undefined) return period.end;
    if (period.start !== undefined) return period.start;
  }
  if (obs.effectiveInstant !== undefined) return obs.effectiveInstant;
  return obs.issued;
}

type Effective =
  { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly reason: string };

/** The effective instant of §3.2 condition 3, or why it is unusable. */
function effectiveTime(obs: Record<string, unknown>, t0: T0): Effective {
  const raw = effectiveField(obs);
  if (raw === undefined) return { ok: false, reason: 'no effective time' };
  const time = readFhirTime(raw, t0.offsetMinutes);
  if (time === undefined) return { ok: false, reason: `unreadable effective time ${String(raw)}` };
  if (time.precision === 'partial') {
    return { ok: false, reason: `effective time ${String(raw)} is coarser than a day` };
  }
  if (time.ms > t0.ms) return { ok: false, reason: `effective time ${String(raw)} is after T0` };
  return { ok: true, ms: time.ms };
}

function valueKind(obs: Record<string, unknown>): string | undefined {
  return Object.keys(obs).find((k) => k.startsWith('value') && k !== 'valueQuantity');
}

function formatNumber(value: number): string {
  return String(Number(value.toFixed(6)));
}

/** Reads one Observation for one analyte: a usable result or a rejection (§3.2). */
function readResult(
  obs: Record<string, unknown>,
  analyte: Analyte,
  t0: T0,
): { readonly result: UsableResult } | { readonly rejected: RejectedObservation } {
  const reference = referenceOf('Observation', obs.id);
  const reject = (reason: string) => ({ rejected: { analyte, reference, reason } });
  if (obs.dataAbsentReason !== undefined) return reject('has a dataAbsentReason');
  const quantity = obs.valueQuantity;
  if (!isRecord(quantity)) {
    const other = valueKind(obs);
    return reject(other === undefined ? 'has no value' : `has ${other}, not a valueQuantity`);
  }
  const raw = finiteNumber(quantity.value);
  if (raw === undefined) return reject('has no numeric value');
  const comparator = quantity.comparator;
  if (comparator !== undefined && !isComparator(comparator)) {
    return reject(`has comparator ${String(comparator)}`);
  }
  const effective = effectiveTime(obs, t0);
  if (!effective.ok) return reject(effective.reason);
  const unit = unitOf(quantity.code, quantity.unit);
  const value = toCanonical(analyte, raw, unit);
  if (value === undefined) {
    return reject(
      unit === undefined ? 'has no unit' : `unit ${unit} is not accepted for ${analyte}`,
    );
  }
  const written = `${comparator ?? ''}${formatNumber(raw)} ${unit ?? ''}`.trim();
  const canonical = `${comparator ?? ''}${formatNumber(value)} ${CANONICAL_UNIT[analyte]}`;
  const shown = written === canonical ? written : `${written} (= ${canonical})`;
  return {
    result: {
      analyte,
      reference,
      ms: effective.ms,
      value,
      comparator,
      detail: `${analyte} ${shown} at ${formatInstant(effective.ms, t0.offsetMinutes)}`,
    },
  };
}

/**
 * Reads the patient's Observations (already filtered to the patient): usable results per analyte
 * (status final/amended/corrected, a numeric valueQuantity with an allowed comparator, a usable
 * effective time not after T0, a unit of the §3.4 table), the unusable ones that raise
 * ADV-DATA-QUALITY, a recent blood culture and the latest pain score. Never throws on junk.
 * @param observations - the patient's Observations
 * @param t0 - T0
 * @param terminology - code sets (§10.1 decision lists)
 */
export function toObservationSnapshot(
  observations: readonly unknown[],
  t0: T0,
  terminology: Terminology,
): ObservationSnapshot {
  const results: Record<Analyte, UsableResult[]> = {
    ESR: [],
    CRP: [],
    WBC: [],
    TEMPERATURE: [],
    WEIGHT: [],
  };
  const rejected: RejectedObservation[] = [];
  let bloodCulture: { ms: number; evidence: Evidence } | undefined;
  let painScore: { ms: number; value: number; evidence: Evidence } | undefined;
  for (const obs of observations) {
    if (!isRecord(obs)) continue;
    const code = isRecord(obs.code) ? obs.code : undefined;
    const status = stringOf(obs.status);
    if (terminology.matches(VALUE_SET.bloodCulture, code)) {
      // §7.4: a culture counts unless cancelled or entered-in-error (a preliminary one is pending).
      // A status is required (safer reading: an Observation without status does not cancel the suggestion).
      const effective = effectiveTime(obs, t0);
      if (
        status !== undefined &&
        status !== 'cancelled' &&
        status !== 'entered-in-error' &&
        effective.ok &&
        t0.ms - effective.ms <= 72 * HOUR_MS &&
        (bloodCulture === undefined || effective.ms > bloodCulture.ms)
      ) {
        bloodCulture = {
          ms: effective.ms,
          evidence: {
            reference: referenceOf('Observation', obs.id),
            detail: `blood culture (${status}) at ${formatInstant(effective.ms, t0.offsetMinutes)}`,
          },
        };
      }
    }
    if (status === undefined || !USABLE_STATUSES.has(status)) continue; // §3.2 condition 1: silently
    if (terminology.matches(VALUE_SET.painScore, code)) {
      const effective = effectiveTime(obs, t0);
      const quantity = isRecord(obs.valueQuantity) ? obs.valueQuantity.value : undefined;
      const value = finiteNumber(quantity) ?? finiteNumber(obs.valueInteger);
      if (
        effective.ok &&
        value !== undefined &&
        t0.ms - effective.ms <= 7 * DAY_MS &&
        (painScore === undefined || effective.ms > painScore.ms)
      ) {
        painScore = {
          ms: effective.ms,
          value,
          evidence: {
            reference: referenceOf('Observation', obs.id),
            detail: `pain score ${formatNumber(value)} at ${formatInstant(effective.ms, t0.offsetMinutes)}`,
          },
        };
      }
    }
    for (const [analyte, url] of ANALYTE_VALUE_SETS) {
      if (!terminology.matches(url, code)) continue;
      const read = readResult(obs, analyte, t0);
      if ('result' in read) results[analyte].push(read.result);
      else rejected.push(read.rejected);
    }
  }
  return {
    results,
    rejected,
    bloodCulture: bloodCulture?.evidence,
    painScore:
      painScore === undefined
        ? undefined
        : { value: painScore.value, evidence: painScore.evidence },
  };
}

/** A lab analyte's decision threshold (§4). */
export interface Threshold {
  readonly value: number;
  readonly kind: ThresholdKind;
}

/** ESR ≥ 20 mm/h (§4 ESR_ELEV). */
export const ESR_THRESHOLD: Threshold = { value: 20, kind: 'ge' };
/** CRP > 10 mg/L (§4 CRP_ELEV). */
export const CRP_THRESHOLD: Threshold = { value: 10, kind: 'gt' };
/** CRP > 20 mg/L (§4 CRP_GT20, paediatric RF-PED-INFLAM). */
export const CRP_GT20_THRESHOLD: Threshold = { value: 20, kind: 'gt' };
/** Temperature ≥ 38.0 °C (§4 FEVER_MEASURED). */
export const FEVER_THRESHOLD: Threshold = { value: 38, kind: 'ge' };

/**
 * WBC > the age-specific upper limit (§4 WBC_ELEV): AGE 0–1 → 17.5; 2–5 → 15.5; 6–12 → 13.5;
 * 13–17 and adults → 11.0 (×10³/µL).
 * @param age - AGE in completed years
 */
export function wbcThreshold(age: number): Threshold {
  if (age <= 1) return { value: 17.5, kind: 'gt' };
  if (age <= 5) return { value: 15.5, kind: 'gt' };
  if (age <= 12) return { value: 13.5, kind: 'gt' };
  return { value: 11, kind: 'gt' };
}

/** Judges a result against a threshold (§3.5). */
export function judgeResult(result: UsableResult, threshold: Threshold): Judgement {
  return judge(result.value, result.comparator, threshold.value, threshold.kind);
}

/** The current result chosen for a lab analyte (§3.3), with its judgement. */
export interface CurrentResult {
  readonly result: UsableResult;
  readonly elevated: boolean;
}

/**
 * The current result of a lab analyte (§3.3): usable, `0 ≤ T0 − effective ≤ window`, not pre-onset
 * (`effective ≥ T0 − (duration + 1 day)`, skipped when the duration is unknown), and determinate
 * for the threshold. The most recent wins; at the same time a plain result beats comparator
 * results, the highest plain value wins, and among comparator results an elevated one wins.
 * @param results - usable results of the analyte
 * @param t0 - T0
 * @param windowMs - currency window
 * @param durationDays - `duration-days`, or undefined when unanswered
 * @param threshold - the analyte's decision threshold
 */
export function selectCurrent(
  results: readonly UsableResult[],
  t0: T0,
  windowMs: number,
  durationDays: number | undefined,
  threshold: Threshold,
): CurrentResult | undefined {
  const onsetFloor = durationDays === undefined ? undefined : t0.ms - (durationDays + 1) * DAY_MS;
  let best: { result: UsableResult; judgement: Judgement } | undefined;
  for (const result of results) {
    const age = t0.ms - result.ms;
    if (age < 0 || age > windowMs) continue;
    if (onsetFloor !== undefined && result.ms < onsetFloor) continue;
    const judgement = judgeResult(result, threshold);
    if (judgement === 'indeterminate') continue;
    if (best === undefined || beats({ result, judgement }, best)) best = { result, judgement };
  }
  return best === undefined
    ? undefined
    : { result: best.result, elevated: best.judgement === 'elevated' };
}

function beats(
  a: { result: UsableResult; judgement: Judgement },
  b: { result: UsableResult; judgement: Judgement },
): boolean {
  if (a.result.ms !== b.result.ms) return a.result.ms > b.result.ms;
  const aPlain = a.result.comparator === undefined;
  const bPlain = b.result.comparator === undefined;
  if (aPlain !== bPlain) return aPlain;
  if (aPlain) return a.result.value > b.result.value;
  return a.judgement === 'elevated' && b.judgement !== 'elevated';
}

/**
 * A stale elevated result (§4 STALE_ELEVATED_X): a usable result with `0 ≤ T0 − effective ≤ 90 d`
 * that is determinately elevated (only consulted when the analyte has no current result).
 * @returns the most recent such result, or undefined
 */
export function staleElevated(
  results: readonly UsableResult[],
  t0: T0,
  threshold: Threshold,
): UsableResult | undefined {
  let latest: UsableResult | undefined;
  for (const result of results) {
    const age = t0.ms - result.ms;
    if (age < 0 || age > 90 * DAY_MS) continue;
    if (judgeResult(result, threshold) !== 'elevated') continue;
    if (latest === undefined || result.ms > latest.ms) latest = result;
  }
  return latest;
}

/**
 * Measured fever (§4 FEVER_MEASURED): every usable temperature within 72 h (any, not only the
 * latest — fever is intermittent) that is determinately ≥ 38.0 °C. No pre-onset filter (§3.3).
 * @returns the febrile readings (empty when none)
 */
export function febrileReadings(results: readonly UsableResult[], t0: T0): readonly UsableResult[] {
  return results.filter((r) => {
    const age = t0.ms - r.ms;
    return age >= 0 && age <= 72 * HOUR_MS && judgeResult(r, FEVER_THRESHOLD) === 'elevated';
  });
}

/** The chart's weight-loss suggestion (§9.3). */
export interface WeightLossSuggestion {
  /** Percentage lost, rounded to one decimal. */
  readonly percent: number;
  readonly evidence: readonly Evidence[];
}

/**
 * Weight loss (§9.3, suggestion only): `W_now` = most recent usable weight within 30 days,
 * `W_max` = maximum in `[T0 − 180 d, T0 − 7 d]`; a loss of ≥ 5 % suggests asking about
 * unexplained weight loss. Comparator weights are ignored.
 * @param results - usable weights
 * @param t0 - T0
 */
export function weightLoss(
  results: readonly UsableResult[],
  t0: T0,
): WeightLossSuggestion | undefined {
  const plain = results.filter((r) => r.comparator === undefined && r.value > 0);
  let now: UsableResult | undefined;
  let max: UsableResult | undefined;
  for (const r of plain) {
    const age = t0.ms - r.ms;
    if (age >= 0 && age <= 30 * DAY_MS && (now === undefined || r.ms > now.ms)) now = r;
    if (age >= 7 * DAY_MS && age <= 180 * DAY_MS && (max === undefined || r.value > max.value))
      max = r;
  }
  if (now === undefined || max === undefined) return undefined;
  const fraction = (max.value - now.value) / max.value;
  if (fraction < 0.05 - 1e-12) return undefined;
  return {
    percent: Math.round(fraction * 1000) / 10,
    evidence: [
      { reference: max.reference, detail: max.detail },
      { reference: now.reference, detail: now.detail },
    ],
  };
}

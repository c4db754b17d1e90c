/**
 * Chart to facts, step 1 (clinical-spec §3): everything the chart gives before the age class and
 * the answers are applied — usable Observations, rejected ones, history evidence, suggestions.
 * Pure: T0 and the code sets are parameters.
 */
import { ageRange, type AgeRange } from './age';
import { toHistorySnapshot, type HistorySnapshot } from './conditions';
import type { T0 } from './dates';
import { isRecord, stringOf } from './json';
import { referenceOf, toObservationSnapshot, type ObservationSnapshot } from './observations';
import { belongsToPatient, patientReferenceMatcher } from './subject';
import type { Terminology } from './terminology';
import type { ChartInputs, ChartKind } from './types';

/** The chart read at T0. */
export interface ChartSnapshot {
  readonly t0: T0;
  /** `Patient/<id>` (null when the Patient has no id). */
  readonly patientReference: string | null;
  readonly birthDate: string | undefined;
  /** Possible ages at T0's date (§3.1). */
  readonly ageRange: AgeRange;
  readonly observations: ObservationSnapshot;
  readonly history: HistorySnapshot;
  /** Chart searches that failed: their facts are unknown (the evaluation is incomplete). */
  readonly failures: ReadonlySet<ChartKind>;
  /** Whether a reference points at this patient (§13 subject matching). */
  readonly isPatientReference: (reference: string) => boolean;
}

function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Reads a chart at T0: resources of another subject are ignored (§13), and junk never throws.
 * @param chart - the patient's resources
 * @param t0 - T0
 * @param terminology - code sets
 */
export function toChartSnapshot(
  chart: ChartInputs,
  t0: T0,
  terminology: Terminology,
): ChartSnapshot {
  const patient: unknown = chart.patient;
  const id = isRecord(patient) ? stringOf(patient.id) : undefined;
  const birthDate = isRecord(patient) ? stringOf(patient.birthDate) : undefined;
  const isPatientReference = patientReferenceMatcher(id, chart.patientFullUrl);
  const own = (resources: unknown) =>
    listOf(resources).filter((r) => belongsToPatient(r, isPatientReference));
  const failures = new Set<ChartKind>(chart.failures instanceof Map ? chart.failures.keys() : []);
  return {
    t0,
    patientReference: referenceOf('Patient', id),
    birthDate,
    ageRange: ageRange(birthDate, t0.date),
    observations: toObservationSnapshot(own(chart.observations), t0, terminology),
    history: toHistorySnapshot(
      {
        conditions: own(chart.conditions),
        procedures: own(chart.procedures),
        medicationRequests: own(chart.medicationRequests),
      },
      t0,
      terminology,
    ),
    failures,
    isPatientReference,
  };
}

/**
 * Reading a chart Bundle for `screen --bundle` (clinical-spec §13): any Bundle type, exactly one
 * Patient; Observation, Condition, Procedure and MedicationRequest resources are kept (the engine
 * drops those of another subject); other types and entries without a resource are ignored.
 */
import type { Condition, MedicationRequest, Observation, Patient, Procedure } from 'fhir/r4';
import { isRecord } from '@/lib/redflags/json';
import type { ChartInputs } from '@/lib/redflags/types';

/** A chart, or why the Bundle is unusable input (exit 2). */
export type BundleResult =
  | { readonly ok: true; readonly chart: ChartInputs }
  | { readonly ok: false; readonly reason: string };

function isPatient(value: Record<string, unknown>): value is Record<string, unknown> & Patient {
  return value.resourceType === 'Patient';
}
function isObservation(
  value: Record<string, unknown>,
): value is Record<string, unknown> & Observation {
  return value.resourceType === 'Observation';
}
function isCondition(value: Record<string, unknown>): value is Record<string, unknown> & Condition {
  return value.resourceType === 'Condition';
}
function isProcedure(value: Record<string, unknown>): value is Record<string, unknown> & Procedure {
  return value.resourceType === 'Procedure';
}
function isMedicationRequest(
  value: Record<string, unknown>,
): value is Record<string, unknown> & MedicationRequest {
  return value.resourceType === 'MedicationRequest';
}

/**
 * Turns a parsed Bundle into chart inputs.
 * @param bundle - the parsed JSON
 */
export function toChartFromBundle(bundle: unknown): BundleResult {
  if (!isRecord(bundle) || bundle.resourceType !== 'Bundle') {
    return { ok: false, reason: 'the bundle file is not a FHIR Bundle' };
  }
  const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
  const patients: { resource: Patient; fullUrl: string | undefined }[] = [];
  const observations: Observation[] = [];
  const conditions: Condition[] = [];
  const procedures: Procedure[] = [];
  const medicationRequests: MedicationRequest[] = [];
  for (const entry of entries) {
    if (!isRecord(entry) || !isRecord(entry.resource)) continue;
    const resource = entry.resource;
    if (isPatient(resource)) {
      patients.push({
        resource,
        fullUrl: typeof entry.fullUrl === 'string' ? entry.fullUrl : undefined,
      });
    } else if (isObservation(resource)) observations.push(resource);
    else if (isCondition(resource)) conditions.push(resource);
    else if (isProcedure(resource)) procedures.push(resource);
    else if (isMedicationRequest(resource)) medicationRequests.push(resource);
  }
  const [patient, ...others] = patients;
  if (patient === undefined) return { ok: false, reason: 'the Bundle holds no Patient' };
  if (others.length > 0) {
    return {
      ok: false,
      reason: `the Bundle holds ${patients.length} Patients; exactly one is needed`,
    };
  }
  return {
    ok: true,
    chart: {
      patient: patient.resource,
      patientFullUrl: patient.fullUrl,
      observations,
      conditions,
      procedures,
      medicationRequests,
      failures: new Map(),
    },
  };
}

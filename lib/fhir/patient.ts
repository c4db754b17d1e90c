/**
 * Reading the Patient in context.
 */
import type { Patient } from 'fhir/r4';
import type { SmartClient } from '@/lib/smart/client';
import { FhirRequestError, toFhirRequestError } from './errors';

/**
 * Reads `Patient/<id>` through the client's request path (token refresh and 401 handling apply).
 * @param client - the SMART client
 * @param patientId - the patient in launch context
 * @throws FhirRequestError - on an HTTP error, a network failure, or an answer that is not that Patient
 */
export async function fetchPatient(client: SmartClient, patientId: string): Promise<Patient> {
  const url = `Patient/${encodeURIComponent(patientId)}`;
  let body: unknown;
  try {
    body = await client.request<unknown>(url);
  } catch (error) {
    throw await toFhirRequestError(error, url);
  }
  if (
    typeof body !== 'object' ||
    body === null ||
    (body as { resourceType?: unknown }).resourceType !== 'Patient'
  ) {
    throw new FhirRequestError(
      0,
      url,
      'The EHR answered the Patient read with something that is not a Patient resource.',
    );
  }
  const patient = body as Patient;
  if (patient.id !== undefined && patient.id !== patientId) {
    throw new FhirRequestError(
      0,
      url,
      'The EHR returned a different patient than the one in launch context.',
    );
  }
  return patient;
}

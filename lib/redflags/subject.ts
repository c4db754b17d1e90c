/**
 * Whose resource is it (clinical-spec §13): a resource belongs to the patient when its
 * `subject.reference`, with a trailing `/_history/…` removed, equals `Patient/<id>`, equals the
 * Patient entry's `fullUrl`, or ends with `/Patient/<id>`.
 */
import { isRecord } from './json';

/**
 * A matcher for references to one patient.
 * @param patientId - `Patient.id`
 * @param fullUrl - the Patient entry's `fullUrl` in a Bundle, if any
 */
export function patientReferenceMatcher(
  patientId: string | undefined,
  fullUrl?: string,
): (reference: string) => boolean {
  return (reference) => {
    const ref = reference.replace(/\/_history\/[^/]*$/, '');
    if (fullUrl !== undefined && fullUrl !== '' && ref === fullUrl) return true;
    if (patientId === undefined || patientId === '') return false;
    return ref === `Patient/${patientId}` || ref.endsWith(`/Patient/${patientId}`);
  };
}

/**
 * Whether a resource's `subject.reference` refers to the patient (a resource without such a
 * reference is not the patient's and is ignored).
 * @param resource - any resource (junk gives false)
 * @param isPatient - from {@link patientReferenceMatcher}
 */
export function belongsToPatient(
  resource: unknown,
  isPatient: (reference: string) => boolean,
): boolean {
  if (!isRecord(resource)) return false;
  const subject = resource.subject;
  return isRecord(subject) && typeof subject.reference === 'string' && isPatient(subject.reference);
}

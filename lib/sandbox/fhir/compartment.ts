import {
  convertToSearchableReferences,
  evalFhirPathTyped,
  getSearchParameter,
  toTypedValue,
} from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { patientCompartmentParams } from './definitions';

/**
 * The patient compartment, as `patient/` scopes see it.
 *
 * Each type has one "patient parameter": `patient` or `subject` when the R4 Patient
 * CompartmentDefinition lists it, otherwise its first compartment parameter (`_id` for Patient).
 * A resource is readable by patient X when its patient parameter references `Patient/X`; it may be
 * written for patient X only when, in addition, no compartment parameter references any other
 * patient. Searches are restricted by adding `<patient parameter>=Patient/X`, so a search returns
 * exactly what a read would allow. Types outside the compartment (Practitioner, Organization, ...)
 * are not reachable through `patient/` scopes.
 */

const ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * The patient id a reference string points at, if it points at a Patient.
 * @param reference - `Patient/123`, `Patient/123/_history/2` or an absolute URL ending so.
 */
export function patientIdOf(reference: string): string | undefined {
  const parts = reference.split('/');
  const historyAt = parts.lastIndexOf('_history');
  const tail = historyAt >= 2 ? parts.slice(0, historyAt) : parts;
  const id = tail.at(-1);
  const type = tail.at(-2);
  return type === 'Patient' && id !== undefined && ID_PATTERN.test(id) ? id : undefined;
}

/**
 * The search parameter that links a resource type to its patient, or `undefined` when the type
 * is not in the Patient compartment.
 * @param resourceType - A resource type.
 */
export function patientSearchParam(resourceType: string): string | undefined {
  if (resourceType === 'Patient') return '_id';
  const params = patientCompartmentParams().get(resourceType);
  if (!params) return undefined;
  return (
    params.find((param) => param === 'patient') ??
    params.find((param) => param === 'subject') ??
    params[0]
  );
}

function referencedPatients(resource: Resource, param: string): string[] {
  const expression = getSearchParameter(resource.resourceType, param)?.expression;
  if (!expression) return [];
  const values = evalFhirPathTyped(expression, [toTypedValue(resource)]);
  return convertToSearchableReferences(values)
    .map((reference) => patientIdOf(reference))
    .filter((id): id is string => id !== undefined);
}

/**
 * Whether patient `patientId` may read `resource` through `patient/` scopes.
 * @param resource - Any resource.
 * @param patientId - The patient in context.
 */
export function isInPatientCompartment(resource: Resource, patientId: string): boolean {
  if (resource.resourceType === 'Patient') return resource.id === patientId;
  const param = patientSearchParam(resource.resourceType);
  return param !== undefined && referencedPatients(resource, param).includes(patientId);
}

/**
 * Whether `resource` may be written for patient `patientId` through `patient/` scopes: it is in
 * the patient's compartment and references no other patient.
 * @param resource - The resource to create or update (or the stored version being replaced).
 * @param patientId - The patient in context.
 */
export function belongsOnlyToPatient(resource: Resource, patientId: string): boolean {
  if (!isInPatientCompartment(resource, patientId)) return false;
  if (resource.resourceType === 'Patient') return true;
  const params = patientCompartmentParams().get(resource.resourceType) ?? [];
  return params.every((param) =>
    referencedPatients(resource, param).every((id) => id === patientId),
  );
}

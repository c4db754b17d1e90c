import { isResourceType } from '@medplum/core';
import { FhirError, fhirError } from './outcome';

/** One FHIR REST interaction the sandbox serves, resolved from a method and a path. */
export type FhirRoute =
  | { readonly kind: 'metadata' }
  | { readonly kind: 'bundle' }
  | { readonly kind: 'search'; readonly resourceType: string; readonly viaPost: boolean }
  | { readonly kind: 'create'; readonly resourceType: string }
  | { readonly kind: 'read'; readonly resourceType: string; readonly id: string }
  | {
      readonly kind: 'vread';
      readonly resourceType: string;
      readonly id: string;
      readonly versionId: string;
    }
  | { readonly kind: 'update'; readonly resourceType: string; readonly id: string }
  | { readonly kind: 'delete'; readonly resourceType: string; readonly id: string };

const ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;

function notAllowed(method: string, what: string, allow: string): FhirError {
  const { outcome } = fhirError(405, 'not-supported', `${method} is not allowed on ${what}`);
  return new FhirError(405, outcome, { Allow: allow });
}

function checkId(id: string): string {
  if (id.startsWith('$')) throw fhirError(400, 'not-supported', `Operation ${id} is not supported`);
  if (!ID_PATTERN.test(id)) throw fhirError(400, 'invalid', `'${id}' is not a valid FHIR id`);
  return id;
}

/**
 * Maps a method and the path segments under the FHIR base to an interaction.
 * Unknown resource types answer 404, unsupported interactions (history, PATCH, conditional
 * update/delete, operations, system search) 405 or 400, always as an OperationOutcome.
 * @param method - HTTP method.
 * @param segments - Decoded path segments after the base, e.g. `['Observation', '123']`.
 */
export function resolveRoute(method: string, segments: readonly string[]): FhirRoute {
  const [first, second, third, fourth, ...rest] = segments;
  if (first === undefined) {
    if (method === 'POST') return { kind: 'bundle' };
    if (method === 'GET') {
      throw fhirError(
        400,
        'not-supported',
        'System-level search is not supported: search one resource type',
      );
    }
    throw notAllowed(method, 'the base', 'GET, POST');
  }
  if (first === 'metadata' && second === undefined) {
    if (method === 'GET') return { kind: 'metadata' };
    throw notAllowed(method, 'metadata', 'GET');
  }
  if (first.startsWith('$') || first.startsWith('_')) {
    throw fhirError(400, 'not-supported', `${first} is not supported by the sandbox`);
  }
  if (!isResourceType(first)) {
    throw fhirError(404, 'not-found', `Unknown resource type '${first}'`);
  }
  const resourceType = first;
  if (second === undefined) {
    if (method === 'GET') return { kind: 'search', resourceType, viaPost: false };
    if (method === 'POST') return { kind: 'create', resourceType };
    throw notAllowed(
      method,
      `${resourceType} (conditional update/delete/patch are not supported)`,
      'GET, POST',
    );
  }
  if (second === '_search' && third === undefined) {
    if (method === 'POST') return { kind: 'search', resourceType, viaPost: true };
    throw notAllowed(method, `${resourceType}/_search`, 'POST');
  }
  if (second === '_history') {
    throw fhirError(405, 'not-supported', 'History is not supported by the sandbox');
  }
  const id = checkId(second);
  if (third === undefined) {
    if (method === 'GET') return { kind: 'read', resourceType, id };
    if (method === 'PUT') return { kind: 'update', resourceType, id };
    if (method === 'DELETE') return { kind: 'delete', resourceType, id };
    throw notAllowed(method, `${resourceType}/${id}`, 'GET, PUT, DELETE');
  }
  if (third === '_history') {
    if (fourth === undefined)
      throw fhirError(405, 'not-supported', 'History is not supported by the sandbox');
    if (rest.length === 0) {
      if (method === 'GET') return { kind: 'vread', resourceType, id, versionId: checkId(fourth) };
      throw notAllowed(method, 'a version', 'GET');
    }
  }
  if (third.startsWith('$'))
    throw fhirError(400, 'not-supported', `Operation ${third} is not supported`);
  throw fhirError(404, 'not-found', 'Unknown FHIR path');
}

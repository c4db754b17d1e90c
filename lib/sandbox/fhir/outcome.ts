import { getStatus, isOperationOutcome, OperationOutcomeError } from '@medplum/core';
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

/** The media type of every sandbox FHIR answer, errors included. */
export const FHIR_JSON = 'application/fhir+json';

/**
 * Medplum derives an HTTP status from `OperationOutcome.id` (see `getStatus`). Errors thrown
 * inside router handlers reach the client only as their outcome, so the id carries the status.
 */
const MEDPLUM_OUTCOME_IDS: Readonly<Record<number, string>> = {
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  412: 'precondition-failed',
  422: 'business-rule',
};

/** An error that answers with `status` and an OperationOutcome. */
export class FhirError extends OperationOutcomeError {
  /** The HTTP status to answer with. */
  readonly status: number;
  /** Extra response headers (e.g. `Allow` on a 405). */
  readonly headers: Readonly<Record<string, string>>;

  /**
   * @param status - HTTP status of the answer.
   * @param outcome - The OperationOutcome body.
   * @param headers - Extra response headers.
   */
  constructor(
    status: number,
    outcome: OperationOutcome,
    headers: Readonly<Record<string, string>> = {},
  ) {
    super(outcome);
    this.status = status;
    this.headers = headers;
    this.name = 'FhirError';
  }
}

/**
 * Builds a {@link FhirError} with one error issue.
 * @param status - HTTP status (400, 403, 404, 405, 409, 412, 415, 422, 500, ...).
 * @param code - The FHIR issue type (`invalid`, `forbidden`, `not-found`, `not-supported`, ...).
 * @param text - Human-readable detail; never include PHI or tokens.
 * @param expression - Optional FHIRPath-ish location, e.g. the search parameter name.
 */
export function fhirError(
  status: number,
  code: OperationOutcomeIssue['code'],
  text: string,
  expression?: string,
): FhirError {
  const id = MEDPLUM_OUTCOME_IDS[status];
  return new FhirError(status, {
    resourceType: 'OperationOutcome',
    ...(id ? { id } : {}),
    issue: [
      {
        severity: 'error',
        code,
        details: { text },
        ...(expression ? { expression: [expression] } : {}),
      },
    ],
  });
}

/**
 * The status and body to answer an error with: a {@link FhirError} keeps its status, a Medplum
 * `OperationOutcomeError` gets Medplum's status, anything else is a 500 with no internal detail.
 * @param error - What was thrown.
 */
export function toErrorOutcome(error: unknown): { status: number; outcome: OperationOutcome } {
  if (error instanceof FhirError) {
    return { status: error.status, outcome: cleanOutcome(error.outcome) };
  }
  if (error instanceof OperationOutcomeError) {
    return { status: getStatus(error.outcome), outcome: cleanOutcome(error.outcome) };
  }
  if (isOperationOutcome(error)) {
    return { status: getStatus(error), outcome: cleanOutcome(error) };
  }
  console.error(
    'sandbox FHIR: unexpected error',
    error instanceof Error ? error.message : 'unknown',
  );
  return {
    status: 500,
    outcome: {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'exception', details: { text: 'Internal server error' } }],
    },
  };
}

/** Drops Medplum's internal status ids ("not-found", ...) from an outcome sent to a client. */
export function cleanOutcome(outcome: OperationOutcome): OperationOutcome {
  const clean: OperationOutcome = { ...outcome };
  delete clean.id;
  return clean;
}

/**
 * A FHIR JSON response.
 * @param status - HTTP status.
 * @param body - A FHIR resource (or OperationOutcome).
 * @param headers - Extra headers (Location, ETag, ...).
 */
export function fhirResponse(
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': FHIR_JSON, 'Cache-Control': 'no-store', ...headers },
  });
}

/**
 * An OperationOutcome response for an error (with the error's own headers, if a {@link FhirError}).
 * @param error - What was thrown.
 * @param headers - Extra headers (e.g. `WWW-Authenticate` on a 401).
 */
export function errorResponse(error: unknown, headers?: Record<string, string>): Response {
  const { status, outcome } = toErrorOutcome(error);
  return fhirResponse(status, outcome, {
    ...(error instanceof FhirError ? error.headers : {}),
    ...headers,
  });
}

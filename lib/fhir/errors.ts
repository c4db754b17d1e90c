/**
 * The one error shape that leaves `lib/fhir`: an HTTP status (0 for a network failure or an
 * unreadable answer), the request, and words a clinician can act on.
 */

/** A failed FHIR request. */
export class FhirRequestError extends Error {
  /** HTTP status; 0 when the server could not be reached or its answer was unreadable. */
  readonly status: number;
  /** The request, relative to the FHIR base (no query values that could hold PHI are added here). */
  readonly url: string;
  /** Text of the server's OperationOutcome, when it sent one. */
  readonly outcome: string | undefined;

  constructor(status: number, url: string, message: string, outcome?: string) {
    super(message);
    this.name = 'FhirRequestError';
    this.status = status;
    this.url = url;
    this.outcome = outcome;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Text of an OperationOutcome's issues, or undefined if the value is not one. */
export function outcomeText(value: unknown): string | undefined {
  if (
    !isRecord(value) ||
    value.resourceType !== 'OperationOutcome' ||
    !Array.isArray(value.issue)
  ) {
    return undefined;
  }
  const texts = value.issue
    .map((issue: unknown) => {
      if (!isRecord(issue)) return undefined;
      const details = isRecord(issue.details) ? issue.details.text : undefined;
      return typeof issue.diagnostics === 'string'
        ? issue.diagnostics
        : typeof details === 'string'
          ? details
          : undefined;
    })
    .filter((t): t is string => typeof t === 'string' && t !== '');
  return texts.length > 0 ? texts.join('; ') : undefined;
}

/** Plain words for a status, saying what the clinician can do. */
export function describeStatus(status: number): string {
  if (status === 0)
    return 'The EHR could not be reached or sent an answer that is not FHIR. Check the connection and retry.';
  if (status === 401)
    return 'The EHR session has expired or was refused (401). Launch the app again from the EHR.';
  if (status === 403)
    return 'The EHR did not allow this request (403): the app was not granted access to it.';
  if (status === 404) return 'The EHR has no such record (404).';
  if (status === 429)
    return 'The EHR is busy and asked the app to slow down (429). Retry in a moment.';
  if (status >= 500) return `The EHR failed to answer (${status}). Retry in a moment.`;
  return `The EHR refused the request (${status}).`;
}

/**
 * Converts anything fhirclient or fetch throws into a {@link FhirRequestError}.
 * @param error - what was thrown (fhirclient's HttpError carries `status` and a `response`)
 * @param url - the request, for the message
 */
export async function toFhirRequestError(error: unknown, url: string): Promise<FhirRequestError> {
  if (error instanceof FhirRequestError) return error;
  const status = isRecord(error) && typeof error.status === 'number' ? error.status : 0;
  return new FhirRequestError(status, url, describeStatus(status), await serverMessage(error));
}

/**
 * The server's own words from what fhirclient threw: its HttpError has already read the body and
 * appended it to the message (an OperationOutcome as JSON, or an OAuth `error: description`).
 */
async function serverMessage(error: unknown): Promise<string | undefined> {
  if (!isRecord(error)) return undefined;
  if (isRecord(error.response)) {
    const response = error.response as unknown as Response;
    if (!response.bodyUsed && typeof response.clone === 'function') {
      try {
        const text = outcomeText(await response.clone().json());
        if (text) return text;
      } catch {
        // not JSON: fall through to the message
      }
    }
  }
  const message = typeof error.message === 'string' ? error.message : '';
  const json = message.indexOf('\n\n{');
  if (json >= 0) {
    try {
      return outcomeText(JSON.parse(message.slice(json + 2)));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

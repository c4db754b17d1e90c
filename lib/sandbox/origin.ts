import { originFromHeaders } from '@/lib/origin';

/**
 * The origin (scheme://host[:port]) the browser used to reach this server. The sandbox builds its
 * `iss`, endpoints and redirect checks from it, so it works on any port without configuration.
 * `x-forwarded-proto`/`x-forwarded-host` are honoured for a sandbox behind a local TLS proxy.
 */
export function requestOrigin(request: Request): string {
  return originFromHeaders(request.headers, request.url);
}

/** Path of the sandbox FHIR base on the app's origin. */
export const SANDBOX_FHIR_PATH = '/sandbox/fhir';

/** The sandbox FHIR base for a request's origin: the `iss` of sandbox launches. */
export function sandboxFhirBase(origin: string): string {
  return `${origin}${SANDBOX_FHIR_PATH}`;
}

/**
 * The origin (scheme://host[:port]) the browser used to reach this server. The sandbox builds its
 * `iss`, endpoints and redirect checks from it, so it works on any port without configuration.
 * `x-forwarded-proto`/`x-forwarded-host` are honoured for a sandbox behind a local TLS proxy.
 */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const forwardedHost = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  const host = forwardedHost || request.headers.get('host') || url.host;
  const forwardedProto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  const proto =
    forwardedProto === 'https' || forwardedProto === 'http'
      ? forwardedProto
      : url.protocol.replace(':', '');
  return `${proto}://${host}`;
}

/** The sandbox FHIR base for a request's origin: the `iss` of sandbox launches. */
export function sandboxFhirBase(origin: string): string {
  return `${origin}/sandbox/fhir`;
}

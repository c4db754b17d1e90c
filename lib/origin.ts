/**
 * The origin (scheme://host[:port]) the browser used to reach this server, from request headers.
 * `x-forwarded-proto`/`x-forwarded-host` are honoured for a deployment behind a TLS proxy.
 * @param headers - the request headers
 * @param fallbackUrl - the request URL, used when the headers carry no host
 */
export function originFromHeaders(headers: Headers, fallbackUrl?: string): string {
  const fallback = fallbackUrl ? new URL(fallbackUrl) : undefined;
  const forwardedHost = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  const host = forwardedHost || headers.get('host') || fallback?.host || 'localhost';
  const forwardedProto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  const proto =
    forwardedProto === 'https' || forwardedProto === 'http'
      ? forwardedProto
      : (fallback?.protocol.replace(':', '') ?? 'http');
  return `${proto}://${host}`;
}

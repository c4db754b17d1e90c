/**
 * Responses of the sandbox auth server: small accessible HTML pages (never a blank page or a
 * stack trace), OAuth error JSON and redirects. Nothing here is cacheable.
 */

/** The label on every sandbox page: nothing shown here is real patient data. */
export const SANDBOX_LABEL = 'Sandbox EHR — synthetic data';

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' } as const;

/**
 * Escapes text for HTML element content and attribute values.
 * @param text - untrusted text
 */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * A small HTML page explaining an error (or anything else), labelled as the sandbox.
 * @param status - HTTP status
 * @param heading - page title and `h1`
 * @param paragraphs - plain-text paragraphs
 */
export function htmlPage(status: number, heading: string, paragraphs: readonly string[]): Response {
  const body = paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n    ');
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(heading)} · ${escapeHtml(SANDBOX_LABEL)}</title>
  </head>
  <body>
    <header><p><strong>${escapeHtml(SANDBOX_LABEL)}</strong></p></header>
    <main>
    <h1>${escapeHtml(heading)}</h1>
    ${body}
    </main>
  </body>
</html>
`;
  return new Response(html, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', ...NO_STORE },
  });
}

/** An OAuth 2.0 error code (RFC 6749 §4.1.2.1, §5.2). */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'invalid_scope'
  | 'access_denied';

/**
 * A JSON response that must not be cached (token endpoint: RFC 6749 §5.1).
 * @param status - HTTP status
 * @param body - the JSON body
 * @param headers - extra headers
 */
export function noStoreJson(
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

/**
 * A token-endpoint error: `{error, error_description}`.
 * @param status - 400, or 401 for `invalid_client`
 * @param error - the OAuth error code
 * @param description - what went wrong, for the developer
 */
export function oauthErrorJson(
  status: number,
  error: OAuthErrorCode,
  description: string,
): Response {
  return noStoreJson(status, { error, error_description: description });
}

/**
 * A 302 redirect.
 * @param location - absolute URL
 */
export function redirect(location: string): Response {
  return new Response(null, { status: 302, headers: { Location: location, ...NO_STORE } });
}

/**
 * `url` with these query parameters added (existing ones kept, same names replaced).
 * @param url - absolute URL
 * @param params - parameters to set; undefined values are skipped
 */
export function withParams(
  url: string,
  params: Readonly<Record<string, string | undefined>>,
): string {
  const target = new URL(url);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) target.searchParams.set(name, value);
  }
  return target.href;
}

/**
 * Redirects an authorization error back to the client (RFC 6749 §4.1.2.1).
 * @param redirectUri - the validated redirect URI
 * @param error - the OAuth error code
 * @param description - what went wrong
 * @param state - the client's `state`, if it sent one
 */
export function redirectError(
  redirectUri: string,
  error: OAuthErrorCode,
  description: string,
  state: string | undefined,
): Response {
  return redirect(withParams(redirectUri, { error, error_description: description, state }));
}

/**
 * The answer to any method other than POST on a POST-only sandbox endpoint.
 */
export function methodNotAllowed(): Response {
  return noStoreJson(
    405,
    { error: 'invalid_request', error_description: 'Use POST' },
    { Allow: 'POST' },
  );
}

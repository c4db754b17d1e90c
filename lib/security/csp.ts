/**
 * The Content-Security-Policy of every page (pure).
 */

/** Inputs of {@link buildContentSecurityPolicy}. */
export interface CspInput {
  /** A fresh random nonce for this response's scripts. */
  readonly nonce: string;
  /** FHIR and authorization-server origins the browser must reach. */
  readonly connectOrigins: readonly string[];
  /** `'self'` and the EHR origins allowed to embed the app. */
  readonly frameAncestors: readonly string[];
  /** Development server (React needs `eval` for its dev tooling). */
  readonly dev: boolean;
}

/**
 * Builds the policy. Scripts run only with the nonce (`strict-dynamic` lets Next's loader add its
 * chunks); `connect-src` is the app itself plus the configured EHRs, so a token can never be sent
 * anywhere else; `frame-ancestors` replaces `X-Frame-Options`.
 */
export function buildContentSecurityPolicy(input: CspInput): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    [
      'script-src',
      "'self'",
      `'nonce-${input.nonce}'`,
      "'strict-dynamic'",
      ...(input.dev ? ["'unsafe-eval'"] : []),
    ],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...input.connectOrigins],
    ['frame-src', "'self'"],
    ['frame-ancestors', ...input.frameAncestors],
    ['form-action', "'self'"],
    ['base-uri', "'none'"],
    ['object-src', "'none'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

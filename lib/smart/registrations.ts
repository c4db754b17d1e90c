/**
 * EHR registrations: the exact-match allow-list of issuers this deployment trusts. A launch whose
 * `iss` is not listed here is refused before any network request, so a forged launch URL cannot
 * send the app (or the user's authorization code) to an attacker's server.
 */

/** Which SMART scope syntax an EHR registration expects. */
export type ScopeSyntax = 'v1' | 'v2';

/** Vendor profile: tells the app which EHR quirks to expect. */
export type Vendor = 'epic' | 'oracle' | 'smart-launcher' | 'sandbox' | 'generic';

/** One EHR the app is registered with. */
export interface Registration {
  /** The FHIR base URL the EHR sends as `iss`, compared exactly (a trailing slash is ignored). */
  readonly iss: string;
  /** The client id the EHR issued to this app. */
  readonly clientId: string;
  readonly scopeSyntax: ScopeSyntax;
  readonly vendor: Vendor;
  /** Shown in the server chooser of a standalone launch. */
  readonly label: string;
  /** Further origins the browser must reach for this EHR (authorize/token host if not `iss`'s). */
  readonly connectOrigins: readonly string[];
}

/** Result of reading the registrations from the environment. */
export type RegistrationsResult =
  | { readonly ok: true; readonly registrations: readonly Registration[] }
  | { readonly ok: false; readonly error: string };

const VENDORS: readonly Vendor[] = ['epic', 'oracle', 'smart-launcher', 'sandbox', 'generic'];

/** The client id the sandbox EHR knows this app by. */
export const SANDBOX_CLIENT_ID = 'spine-redflag-screener';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password
    );
  } catch {
    return false;
  }
}

/** Normalises an issuer for exact comparison: only a trailing slash is forgiven. */
export function normalizeIss(iss: string): string {
  return iss.endsWith('/') ? iss.slice(0, -1) : iss;
}

function toRegistration(value: unknown, index: number): Registration | string {
  if (!isRecord(value)) return `entry ${index} is not an object`;
  const { iss, clientId, scopeSyntax, vendor, label, connectOrigins } = value;
  if (typeof iss !== 'string' || !isHttpUrl(iss))
    return `entry ${index}: "iss" must be an http(s) URL`;
  if (typeof clientId !== 'string' || clientId.trim() === '')
    return `entry ${index}: "clientId" is required`;
  const syntax = scopeSyntax ?? 'v2';
  if (syntax !== 'v1' && syntax !== 'v2')
    return `entry ${index}: "scopeSyntax" must be "v1" or "v2"`;
  const vendorValue = vendor ?? 'generic';
  if (typeof vendorValue !== 'string' || !VENDORS.includes(vendorValue as Vendor)) {
    return `entry ${index}: "vendor" must be one of ${VENDORS.join(', ')}`;
  }
  const origins = connectOrigins ?? [];
  if (
    !Array.isArray(origins) ||
    !origins.every((o): o is string => typeof o === 'string' && isHttpUrl(o))
  ) {
    return `entry ${index}: "connectOrigins" must be a list of http(s) URLs`;
  }
  return {
    iss: normalizeIss(iss),
    clientId,
    scopeSyntax: syntax,
    vendor: vendorValue as Vendor,
    label: typeof label === 'string' && label.trim() !== '' ? label : new URL(iss).host,
    connectOrigins: origins.map((o) => new URL(o).origin),
  };
}

/**
 * Reads `SMART_REGISTRATIONS` (a JSON array) and, when the sandbox is enabled, adds the sandbox
 * EHR at the request's own origin.
 * @param env - the process environment (`SMART_REGISTRATIONS`, `SANDBOX_ENABLED`)
 * @param sandboxIss - the sandbox FHIR base for this request's origin
 * @returns the registrations, or a configuration error to show instead of launching
 */
export function readRegistrations(
  env: Readonly<Record<string, string | undefined>>,
  sandboxIss: string | undefined,
): RegistrationsResult {
  const registrations: Registration[] = [];
  const raw = env.SMART_REGISTRATIONS?.trim();
  if (raw) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return { ok: false, error: 'SMART_REGISTRATIONS is not valid JSON.' };
    }
    if (!Array.isArray(parsed))
      return { ok: false, error: 'SMART_REGISTRATIONS must be a JSON array.' };
    for (const [index, entry] of parsed.entries()) {
      const registration = toRegistration(entry, index);
      if (typeof registration === 'string') {
        return { ok: false, error: `SMART_REGISTRATIONS ${registration}.` };
      }
      registrations.push(registration);
    }
  }
  if (env.SANDBOX_ENABLED === '1' && sandboxIss) {
    registrations.push({
      iss: normalizeIss(sandboxIss),
      clientId: SANDBOX_CLIENT_ID,
      scopeSyntax: 'v2',
      vendor: 'sandbox',
      label: 'Sandbox EHR (synthetic data)',
      connectOrigins: [],
    });
  }
  return { ok: true, registrations };
}

/**
 * Finds the registration for an `iss`, by exact comparison (never a prefix, substring or pattern).
 * @param registrations - the allow-list
 * @param iss - the issuer from the launch URL
 */
export function findRegistration(
  registrations: readonly Registration[],
  iss: string,
): Registration | undefined {
  const wanted = normalizeIss(iss);
  return registrations.find((registration) => registration.iss === wanted);
}

/**
 * Origins the browser may connect to (CSP `connect-src`): each issuer's origin plus any extra
 * authorization-server origins of its registration.
 */
export function connectOriginsOf(registrations: readonly Registration[]): string[] {
  const origins = new Set<string>();
  for (const registration of registrations) {
    origins.add(new URL(registration.iss).origin);
    for (const origin of registration.connectOrigins) origins.add(origin);
  }
  return [...origins];
}

/**
 * Starting a SMART launch. `planLaunch` is pure (it runs on the server to render the launch page,
 * so a refused launch shows its error even before any script runs); `startLaunch` is the one
 * browser-only step that hands over to fhirclient.
 */
import { findRegistration, type Registration } from './registrations';
import { requestedScope, type LaunchKind } from './scopes';

/**
 * URL parameters with which fhirclient would skip authorization (`fhirServiceUrl` + `patientId`
 * open a "fake launch" without a token) or override the registered client. Refused everywhere.
 */
export const FORBIDDEN_LAUNCH_PARAMS = ['fhirServiceUrl', 'patientId', 'clientId'] as const;

/** Where the authorization server sends the browser back to. */
export const REDIRECT_PATH = '/review';

/** A registration as sent to the browser (only what the launch needs). */
export type LaunchTarget = Pick<
  Registration,
  'iss' | 'clientId' | 'scopeSyntax' | 'label' | 'vendor'
>;

/** The options handed to `FHIR.oauth2.authorize`. */
export interface AuthorizeOptions {
  readonly iss: string;
  readonly clientId: string;
  readonly scope: string;
  readonly redirectUri: string;
  readonly launch?: string;
  readonly pkceMode: 'required';
}

/** What the launch page does with the URL it was opened with. */
export type LaunchPlan =
  | {
      readonly status: 'authorize';
      readonly kind: LaunchKind;
      readonly target: LaunchTarget;
      readonly options: AuthorizeOptions;
    }
  | { readonly status: 'choose'; readonly targets: readonly LaunchTarget[] }
  | {
      readonly status: 'refused';
      readonly reason:
        'forbidden-param' | 'unknown-iss' | 'malformed' | 'no-registrations' | 'config-error';
      readonly detail: string;
    };

/** The authorize options for a registration (also used by the server chooser). */
export function authorizeOptionsFor(
  target: LaunchTarget,
  launch: string | undefined,
): AuthorizeOptions {
  const kind: LaunchKind = launch ? 'ehr' : 'standalone';
  return {
    iss: target.iss,
    clientId: target.clientId,
    scope: requestedScope(target.scopeSyntax, kind),
    redirectUri: REDIRECT_PATH,
    ...(launch ? { launch } : {}),
    pkceMode: 'required',
  };
}

function toTarget(registration: Registration): LaunchTarget {
  const { iss, clientId, scopeSyntax, label, vendor } = registration;
  return { iss, clientId, scopeSyntax, label, vendor };
}

/**
 * Decides what to do with a launch URL: authorize against an allow-listed EHR, offer the chooser
 * of configured servers (standalone launch without `iss`), or refuse with a reason.
 * @param params - the launch URL's query parameters
 * @param registrations - the allow-list for this deployment
 */
export function planLaunch(
  params: URLSearchParams,
  registrations: readonly Registration[],
): LaunchPlan {
  const forbidden = FORBIDDEN_LAUNCH_PARAMS.filter((name) => params.has(name));
  if (forbidden.length > 0) {
    return {
      status: 'refused',
      reason: 'forbidden-param',
      detail: `The launch URL carries ${forbidden.map((f) => `"${f}"`).join(', ')}, which this app never accepts: a launch must come from a registered EHR through its authorization server.`,
    };
  }
  const issValues = params.getAll('iss');
  const launchValues = params.getAll('launch');
  if (issValues.length > 1 || launchValues.length > 1) {
    return {
      status: 'refused',
      reason: 'malformed',
      detail: 'The launch URL repeats "iss" or "launch".',
    };
  }
  const iss = issValues[0]?.trim();
  const launch = launchValues[0]?.trim();
  if (launchValues.length === 1 && !launch) {
    return {
      status: 'refused',
      reason: 'malformed',
      detail: 'The launch URL has an empty "launch" parameter.',
    };
  }
  if (!iss) {
    if (issValues.length === 1) {
      return {
        status: 'refused',
        reason: 'malformed',
        detail: 'The launch URL has an empty "iss" parameter.',
      };
    }
    if (launch) {
      return {
        status: 'refused',
        reason: 'malformed',
        detail:
          'The EHR sent a "launch" without "iss", so the app cannot tell which EHR launched it.',
      };
    }
    if (registrations.length === 0) {
      return {
        status: 'refused',
        reason: 'no-registrations',
        detail: 'No EHR is configured for this app.',
      };
    }
    return { status: 'choose', targets: registrations.map(toTarget) };
  }
  const registration = findRegistration(registrations, iss);
  if (!registration) {
    return {
      status: 'refused',
      reason: 'unknown-iss',
      detail: `The launch came from a FHIR server this app is not registered with: ${iss}`,
    };
  }
  const target = toTarget(registration);
  return {
    status: 'authorize',
    kind: launch ? 'ehr' : 'standalone',
    target,
    options: authorizeOptionsFor(target, launch),
  };
}

/**
 * Hands over to fhirclient: discovery, PKCE (S256, required), `aud`, `state`, then the redirect to
 * the EHR's authorize endpoint. Browser only: on the server `fhirclient` is its Node entry.
 * @param options - from {@link planLaunch} or {@link authorizeOptionsFor}
 */
export async function startLaunch(options: AuthorizeOptions): Promise<void> {
  const { default: FHIR } = await import('fhirclient');
  await FHIR.oauth2.authorize({ ...options });
}

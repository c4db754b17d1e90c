/**
 * `GET /sandbox/launch`: the sandbox EHR "opens" the app for a patient, as an EHR would. This is
 * the QA contract: end-to-end tests start every launch here.
 *
 * `?patient=<id>&launch_uri=<app launch URL>` plus optional `practitioner`, `mode`
 * (`ehr` | `standalone` | `embedded`), `consent=prompt`, `scope_limit`, `token_lifetime`, `fault`.
 */
import { requestOrigin } from '../origin';
import { PENDING_LIFETIME_MS } from './codes';
import { nowOf, type SandboxAuthDeps } from './deps';
import {
  DEFAULT_PRACTITIONER_ID,
  findPatient,
  findPractitioner,
  type DirectoryPatient,
  type DirectoryPractitioner,
} from './directory';
import { sandboxEndpoints } from './endpoints';
import { htmlPage, redirect, withParams } from './responses';
import { isSmartScope, splitScope } from './scopes';
import { authState, randomToken, sweepExpired, type LaunchFault } from './state';
import { parseLifetime } from './tokens';

/** How the sandbox opens the app. */
export type LaunchMode = 'ehr' | 'standalone' | 'embedded';

const MODES: readonly LaunchMode[] = ['ehr', 'standalone', 'embedded'];
const FAULTS: readonly LaunchFault[] = ['token_invalid_client'];

function isMode(value: string): value is LaunchMode {
  return MODES.some((mode) => mode === value);
}

function isFault(value: string): value is LaunchFault {
  return FAULTS.some((fault) => fault === value);
}

function param(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  return value === null || value === '' ? undefined : value;
}

function badRequest(message: string): Response {
  return htmlPage(400, 'Cannot launch the app', [
    message,
    'Usage: /sandbox/launch?patient=<id>&launch_uri=<app launch URL on this origin>' +
      '[&practitioner=<id>][&mode=ehr|standalone|embedded][&consent=prompt]' +
      '[&scope_limit=<scopes>][&token_lifetime=<seconds>][&fault=token_invalid_client]',
  ]);
}

/** Parsed and checked launch parameters (or the response refusing them). */
type LaunchRequest =
  | {
      readonly status: 'ok';
      readonly mode: LaunchMode;
      readonly launchUri: string;
      readonly patient?: string;
      readonly practitioner: string;
      readonly consent: 'auto' | 'prompt';
      readonly scopeLimit?: readonly string[];
      readonly tokenLifetime?: number;
      readonly fault?: LaunchFault;
    }
  | { readonly status: 'refused'; readonly response: Response };

function parseLaunch(params: URLSearchParams, origin: string): LaunchRequest {
  const refuse = (message: string): LaunchRequest => ({
    status: 'refused',
    response: badRequest(message),
  });
  const mode = param(params, 'mode') ?? 'ehr';
  if (!isMode(mode)) return refuse(`mode must be ehr, standalone or embedded (got "${mode}").`);
  const rawLaunchUri = param(params, 'launch_uri');
  if (rawLaunchUri === undefined) return refuse('launch_uri is required.');
  let launchUrl: URL;
  try {
    launchUrl = new URL(rawLaunchUri, `${origin}/`);
  } catch {
    return refuse('launch_uri is not a URL.');
  }
  // No open redirect: the sandbox only launches apps served from its own origin.
  if (launchUrl.origin !== origin) {
    return refuse(`launch_uri must be on this origin (${origin}).`);
  }
  const patient = param(params, 'patient');
  // A standalone launch lets the user pick the patient, so `patient` only preselects one there.
  if (patient === undefined && mode !== 'standalone') return refuse('patient is required.');
  const consent = param(params, 'consent') ?? 'auto';
  if (consent !== 'auto' && consent !== 'prompt') {
    return refuse(`consent must be prompt (got "${consent}").`);
  }
  const rawLimit = param(params, 'scope_limit');
  const scopeLimit = rawLimit === undefined ? undefined : splitScope(rawLimit);
  if (scopeLimit !== undefined && (scopeLimit.length === 0 || !scopeLimit.every(isSmartScope))) {
    return refuse('scope_limit must be space-separated SMART scopes.');
  }
  if (rawLimit !== undefined && scopeLimit === undefined) {
    return refuse('scope_limit must be space-separated SMART scopes.');
  }
  const rawLifetime = param(params, 'token_lifetime');
  const tokenLifetime = rawLifetime === undefined ? undefined : parseLifetime(rawLifetime);
  if (rawLifetime !== undefined && tokenLifetime === undefined) {
    return refuse('token_lifetime must be whole seconds between 1 and 86400.');
  }
  const fault = param(params, 'fault');
  if (fault !== undefined && !isFault(fault)) {
    return refuse(`fault must be one of ${FAULTS.join(', ')} (got "${fault}").`);
  }
  return {
    status: 'ok',
    mode,
    launchUri: launchUrl.href,
    patient,
    practitioner: param(params, 'practitioner') ?? DEFAULT_PRACTITIONER_ID,
    consent,
    scopeLimit,
    tokenLifetime,
    fault,
  };
}

function notFound(heading: string, message: string): Response {
  return htmlPage(404, heading, [message, 'Check the id against the sandbox seed data.']);
}

/**
 * Handles `GET /sandbox/launch`: 302 to the app's launch URL with `iss` and `launch` (EHR
 * launch), with only `iss` (standalone), or to the sandbox EHR chart that embeds the app.
 * @param request - the GET request
 * @param deps - directory (patients, practitioners) and clock
 */
export async function handleSandboxLaunch(
  request: Request,
  deps: SandboxAuthDeps,
): Promise<Response> {
  const now = nowOf(deps);
  const state = authState();
  sweepExpired(state, now);
  const origin = requestOrigin(request);
  const endpoints = sandboxEndpoints(origin);
  const launch = parseLaunch(new URL(request.url).searchParams, origin);
  if (launch.status === 'refused') return launch.response;

  if (launch.patient !== undefined && !(await findPatient(deps.directory, launch.patient))) {
    return notFound('Unknown patient', `The sandbox has no patient "${launch.patient}".`);
  }
  if (!(await findPractitioner(deps.directory, launch.practitioner))) {
    return notFound(
      'Unknown practitioner',
      `The sandbox has no practitioner "${launch.practitioner}".`,
    );
  }
  const options = {
    practitioner: launch.practitioner,
    scopeLimit: launch.scopeLimit,
    tokenLifetime: launch.tokenLifetime,
    fault: launch.fault,
  };
  if (launch.mode === 'standalone') {
    state.standalonePreset = {
      ...options,
      patient: launch.patient,
      expiresAt: now + PENDING_LIFETIME_MS,
    };
    return redirect(withParams(launch.launchUri, { iss: endpoints.fhirBase }));
  }
  if (launch.patient === undefined) return badRequest('patient is required.');
  const code = randomToken();
  const appUrl = withParams(launch.launchUri, { iss: endpoints.fhirBase, launch: code });
  state.launches.set(code, {
    ...options,
    code,
    patient: launch.patient,
    consent: launch.consent,
    appUrl,
    expiresAt: now + PENDING_LIFETIME_MS,
  });
  return redirect(
    launch.mode === 'embedded' ? withParams(endpoints.ehr, { launch: code }) : appUrl,
  );
}

/** What the sandbox EHR chart page (`/sandbox/ehr?launch=…`) renders. */
export type EhrChartView =
  | {
      readonly status: 'ready';
      readonly patient: DirectoryPatient;
      readonly practitioner?: DirectoryPractitioner;
      /** The app's launch URL with `iss` and `launch`, for the iframe. */
      readonly appUrl: string;
    }
  | { readonly status: 'expired' };

/**
 * The chart page's content for an embedded launch, or `expired` for an unknown or old launch.
 * @param launchCode - the `launch` query parameter
 * @param deps - directory and clock
 */
export async function loadEhrChart(
  launchCode: string | undefined,
  deps: SandboxAuthDeps,
): Promise<EhrChartView> {
  const now = nowOf(deps);
  const state = authState();
  sweepExpired(state, now);
  const launch = launchCode === undefined ? undefined : state.launches.get(launchCode);
  if (launch === undefined || launch.expiresAt <= now) return { status: 'expired' };
  const patient = await findPatient(deps.directory, launch.patient);
  if (patient === undefined) return { status: 'expired' };
  const practitioner = await findPractitioner(deps.directory, launch.practitioner);
  return { status: 'ready', patient, practitioner, appUrl: launch.appUrl };
}

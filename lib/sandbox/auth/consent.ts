/**
 * The consent step of the sandbox EHR: what the consent page shows for a pending authorization,
 * and the Approve/Deny decision posted from it.
 */
import { requestOrigin } from '../origin';
import { issueAuthorizationCode } from './codes';
import { nowOf, type SandboxAuthDeps } from './deps';
import { findPatient, type DirectoryPatient } from './directory';
import { htmlPage, redirect, redirectError, withParams } from './responses';
import { describeScope } from './scopes';
import { authState, sweepExpired, type PendingAuthorization } from './state';

/** Path the consent form posts to. */
export const CONSENT_DECISION_PATH = '/sandbox/auth/consent/decision';

/** One requested scope, as shown to the user. */
export interface ScopeLine {
  readonly scope: string;
  readonly words: string;
}

/** What the consent page renders. */
export type ConsentView =
  | {
      readonly status: 'pending';
      readonly requestId: string;
      readonly appName: string;
      readonly clientId: string;
      readonly kind: PendingAuthorization['kind'];
      readonly scopes: readonly ScopeLine[];
      /** True when the user must pick a patient (standalone launch with `launch/patient`). */
      readonly choosePatient: boolean;
      /** The picker's options (empty unless `choosePatient`). */
      readonly patients: readonly DirectoryPatient[];
      /** The launch's patient (EHR launch) or the picker's preselection (standalone). */
      readonly patient?: DirectoryPatient;
      readonly expiresAt: number;
    }
  | { readonly status: 'expired' };

function livePending(requestId: string | undefined, now: number): PendingAuthorization | undefined {
  const state = authState();
  sweepExpired(state, now);
  const pending = requestId === undefined ? undefined : state.pending.get(requestId);
  return pending !== undefined && pending.expiresAt > now ? pending : undefined;
}

/**
 * The consent page's content for a pending authorization, or `expired` when it is unknown or
 * older than ten minutes.
 * @param requestId - the `request` query parameter
 * @param deps - directory (patients) and clock
 */
export async function loadConsentView(
  requestId: string | undefined,
  deps: SandboxAuthDeps,
): Promise<ConsentView> {
  const pending = livePending(requestId, nowOf(deps));
  if (pending === undefined) return { status: 'expired' };
  const patients = pending.choosePatient ? await deps.directory.patients() : [];
  const patient =
    pending.patient === undefined ? undefined : await findPatient(deps.directory, pending.patient);
  return {
    status: 'pending',
    requestId: pending.id,
    appName: pending.clientName,
    clientId: pending.clientId,
    kind: pending.kind,
    scopes: pending.scopes.map((scope) => ({ scope, words: describeScope(scope) })),
    choosePatient: pending.choosePatient,
    patients,
    patient,
    expiresAt: pending.expiresAt,
  };
}

/**
 * Handles the consent form (`POST`, form-encoded `request`, `decision=approve|deny`, `patient`).
 * Approve → redirect with `code` and `state`; deny → `error=access_denied`.
 * @param request - the form POST
 * @param deps - directory (patient check) and clock
 */
export async function handleConsentDecision(
  request: Request,
  deps: SandboxAuthDeps,
): Promise<Response> {
  // A page on another site must not be able to approve on the user's behalf.
  const sender = request.headers.get('origin');
  if (sender !== null && sender !== requestOrigin(request)) {
    return htmlPage(403, 'Not allowed', ['The consent form was sent from another site.']);
  }
  const type = request.headers.get('content-type') ?? '';
  const form = type.includes('application/x-www-form-urlencoded')
    ? new URLSearchParams(await request.text())
    : new URLSearchParams();
  const now = nowOf(deps);
  const pending = livePending(form.get('request') ?? undefined, now);
  if (pending === undefined) {
    return htmlPage(400, 'This authorization request has expired', [
      'Sign-in requests are valid for ten minutes and can be answered once.',
      'Go back to the app and launch it again.',
    ]);
  }
  const decision = form.get('decision');
  if (decision === 'deny') {
    authState().pending.delete(pending.id);
    return redirectError(
      pending.redirectUri,
      'access_denied',
      'The user denied the authorization request',
      pending.state,
    );
  }
  if (decision !== 'approve') {
    return htmlPage(400, 'No decision', ['Choose Approve or Deny on the consent page.']);
  }
  let patient = pending.patient;
  if (pending.choosePatient) {
    const chosen = form.get('patient') ?? '';
    const found = chosen === '' ? undefined : await findPatient(deps.directory, chosen);
    if (found === undefined) {
      return htmlPage(400, 'Choose a patient', [
        chosen === ''
          ? 'No patient was chosen. Go back and pick a patient from the list.'
          : `The sandbox has no patient "${chosen}". Go back and pick one from the list.`,
      ]);
    }
    patient = found.id;
  }
  authState().pending.delete(pending.id);
  const code = issueAuthorizationCode({ ...pending, patient }, now);
  return redirect(withParams(pending.redirectUri, { code, state: pending.state }));
}

/** Authorization codes: issued on approval, exchanged once at the token endpoint. */
import { grantsPatientContext } from './scopes';
import { authState, randomToken, type GrantDraft, type PendingAuthorization } from './state';

/** Code lifetime: short, as RFC 6749 §4.1.2 recommends (max 10 min); one minute here. */
export const CODE_LIFETIME_MS = 60 * 1000;
/** How long a pending consent and a launch code stay usable. */
export const PENDING_LIFETIME_MS = 10 * 60 * 1000;

/** An approved authorization, ready to become a code. */
export type ApprovedAuthorization = Omit<
  PendingAuthorization,
  'id' | 'clientName' | 'choosePatient' | 'expiresAt'
>;

/**
 * Issues a single-use authorization code for an approved request.
 * @param approved - the request and the patient it was approved for
 * @param now - current time (epoch ms)
 */
export function issueAuthorizationCode(approved: ApprovedAuthorization, now: number): string {
  const state = authState();
  const grant: GrantDraft = {
    clientId: approved.clientId,
    scopes: approved.scopes,
    patient: grantsPatientContext(approved.scopes, approved.kind) ? approved.patient : undefined,
    practitioner: approved.practitioner,
    practitionerName: approved.practitionerName,
    // The EHR that launched the app already shows the patient banner.
    needPatientBanner: approved.kind === 'standalone',
    fhirBase: approved.fhirBase,
    tokenLifetime: approved.tokenLifetime,
    nonce: approved.nonce,
    grantId: randomToken(),
  };
  const code = randomToken();
  state.codes.set(code, {
    code,
    clientId: approved.clientId,
    redirectUri: approved.redirectUri,
    codeChallenge: approved.codeChallenge,
    grant,
    fault: approved.fault,
    expiresAt: now + CODE_LIFETIME_MS,
    used: false,
  });
  return code;
}

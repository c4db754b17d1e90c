/** URLs of the sandbox authorization server for a request origin. */
import { sandboxFhirBase } from '../origin';

/** The sandbox's auth endpoints for one origin. */
export interface SandboxEndpoints {
  readonly fhirBase: string;
  readonly authorize: string;
  readonly token: string;
  readonly consent: string;
  readonly consentDecision: string;
  readonly jwks: string;
  readonly ehr: string;
}

/**
 * The auth endpoints of the sandbox EHR at this origin.
 * @param origin - the request origin
 */
export function sandboxEndpoints(origin: string): SandboxEndpoints {
  return {
    fhirBase: sandboxFhirBase(origin),
    authorize: `${origin}/sandbox/auth/authorize`,
    token: `${origin}/sandbox/auth/token`,
    consent: `${origin}/sandbox/auth/consent`,
    consentDecision: `${origin}/sandbox/auth/consent/decision`,
    jwks: `${origin}/sandbox/auth/jwks`,
    ehr: `${origin}/sandbox/ehr`,
  };
}

/** What an access token allows: decoded from a verified sandbox token, enforced by the FHIR wrapper. */
export interface AccessGrant {
  /** The OAuth client the token was issued to. */
  readonly clientId: string;
  /** Granted SMART scopes, v1 (`patient/Observation.read`) or v2 (`patient/Observation.rs`) syntax. */
  readonly scopes: readonly string[];
  /** Patient in context (`patient/` scopes are limited to this patient's compartment). */
  readonly patient?: string;
  /** The user, e.g. `Practitioner/sandbox-clinician`. */
  readonly fhirUser?: string;
  /** True for the QA token of `POST /sandbox/qa/token`: read and search everything, write nothing. */
  readonly qa?: boolean;
}

/** Why a bearer token was refused. */
export type TokenCheck =
  | { readonly ok: true; readonly grant: AccessGrant }
  | {
      readonly ok: false;
      readonly reason: 'missing' | 'invalid' | 'expired';
      readonly detail: string;
    };

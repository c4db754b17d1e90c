/**
 * The scopes this app asks for: the least it needs to read the chart it screens and to write
 * back the screening. Never `patient/*.read`.
 */
import type { ScopeSyntax } from './registrations';
import { parseScope, type ParsedScope } from './scope-grammar';

/** One requested scope with the reason shown to integrators (README) and clinicians. */
export interface ScopeRequest {
  readonly v2: string;
  readonly v1: string;
  readonly reason: string;
}

/** Resource scopes, each with its SMART v1 and v2 spelling. */
export const RESOURCE_SCOPES: readonly ScopeRequest[] = [
  {
    v2: 'patient/Patient.r',
    v1: 'patient/Patient.read',
    reason: 'Age and sex decide which rules apply.',
  },
  {
    v2: 'patient/Observation.rs',
    v1: 'patient/Observation.read',
    reason: 'ESR, CRP, white cell count, temperature, weight and pain score.',
  },
  {
    v2: 'patient/Condition.rs',
    v1: 'patient/Condition.read',
    reason:
      'Cancer history, osteoporosis, immunosuppression, drug use, diabetes and other risk conditions.',
  },
  {
    v2: 'patient/Procedure.rs',
    v1: 'patient/Procedure.read',
    reason: 'Spine surgery and recent spinal procedures (infection and post-operative rules).',
  },
  {
    v2: 'patient/MedicationRequest.rs',
    v1: 'patient/MedicationRequest.read',
    reason: 'Long-term steroids and immunosuppressants (suggestions for the questionnaire).',
  },
  {
    v2: 'patient/QuestionnaireResponse.cs',
    v1: 'patient/QuestionnaireResponse.write patient/QuestionnaireResponse.read',
    reason: 'Save the screening; search first so a retry never saves it twice.',
  },
  {
    v2: 'patient/ServiceRequest.cs',
    v1: 'patient/ServiceRequest.write patient/ServiceRequest.read',
    reason:
      'Propose imaging for the clinician to sign; search first so a retry never duplicates it.',
  },
];

/** Identity and session scopes. */
export const SESSION_SCOPES: readonly { readonly scope: string; readonly reason: string }[] = [
  { scope: 'openid', reason: 'Identify the signed-in user (OpenID Connect).' },
  { scope: 'fhirUser', reason: 'Know which practitioner is screening (author of what is saved).' },
  { scope: 'online_access', reason: 'Refresh the access token while the clinician is working.' },
];

/** Launch-context scope: `launch` for an EHR launch, `launch/patient` for a standalone launch. */
export type LaunchKind = 'ehr' | 'standalone';

/**
 * The scope string to request.
 * @param syntax - the registration's SMART scope syntax
 * @param kind - EHR launch (`launch`) or standalone (`launch/patient`)
 */
export function requestedScope(syntax: ScopeSyntax, kind: LaunchKind): string {
  const context = kind === 'ehr' ? 'launch' : 'launch/patient';
  const resources = RESOURCE_SCOPES.map((s) => (syntax === 'v2' ? s.v2 : s.v1));
  return [context, ...SESSION_SCOPES.map((s) => s.scope), ...resources].join(' ');
}

/** Splits a space-separated scope string. */
export function parseScopes(scope: string | undefined): string[] {
  return (scope ?? '').split(/\s+/).filter((s) => s !== '');
}

/**
 * A resource scope that grants its whole type, or undefined. A granular scope grants a subset
 * (e.g. one category): granted, it does not count as full access; requested, it is not checked.
 */
function fullResourceScope(scope: string): ParsedScope | undefined {
  const parsed = parseScope(scope);
  return parsed?.restriction === undefined ? parsed : undefined;
}

/**
 * Requested resource scopes the EHR did not grant in full, in the requested form. EHRs may grant
 * fewer scopes than asked (Epic grants per registered API), so the app reads the granted `scope`
 * and tells the clinician what it cannot see or save.
 * @param requested - the scope string the app sent
 * @param granted - the `scope` of the token response
 */
export function missingScopes(requested: string, granted: string | undefined): string[] {
  const grants = parseScopes(granted)
    .map(fullResourceScope)
    .filter((g): g is ParsedScope => g !== undefined);
  return parseScopes(requested).filter((scope) => {
    const wanted = fullResourceScope(scope);
    if (!wanted) return false;
    return ![...wanted.permissions].every((permission) =>
      grants.some(
        (g) =>
          (g.context === wanted.context ||
            (wanted.context === 'patient' && g.context === 'user')) &&
          (g.resourceType === wanted.resourceType || g.resourceType === '*') &&
          g.permissions.has(permission),
      ),
    );
  });
}

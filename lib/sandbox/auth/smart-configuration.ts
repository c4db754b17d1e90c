/** The sandbox's SMART discovery document (`{iss}/.well-known/smart-configuration`). */
import { sandboxEndpoints } from './endpoints';

/** Scopes advertised in discovery (v2 spelling plus the v1 forms the server maps). */
const SCOPES_SUPPORTED = [
  'openid',
  'fhirUser',
  'profile',
  'launch',
  'launch/patient',
  'online_access',
  'offline_access',
  'patient/*.cruds',
  'user/*.cruds',
  'patient/*.read',
  'patient/*.write',
  'user/*.read',
  'user/*.write',
] as const;

/** What the sandbox supports (SMART App Launch 2.x conformance). */
const CAPABILITIES = [
  'launch-ehr',
  'launch-standalone',
  'client-public',
  'context-ehr-patient',
  'context-standalone-patient',
  'sso-openid-connect',
  'permission-online',
  'permission-offline',
  'permission-patient',
  'permission-user',
  'permission-v1',
  'permission-v2',
] as const;

/**
 * The `.well-known/smart-configuration` document for the sandbox at this origin. PKCE is S256
 * only: SMART 2.x servers SHALL NOT support `plain`.
 * @param origin - the request origin, e.g. `http://localhost:3000`
 */
export function buildSmartConfiguration(origin: string): Record<string, unknown> {
  const endpoints = sandboxEndpoints(origin);
  return {
    issuer: endpoints.fhirBase,
    jwks_uri: endpoints.jwks,
    authorization_endpoint: endpoints.authorize,
    token_endpoint: endpoints.token,
    token_endpoint_auth_methods_supported: ['none'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    scopes_supported: [...SCOPES_SUPPORTED],
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    capabilities: [...CAPABILITIES],
  };
}

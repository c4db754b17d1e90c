/** @jest-environment node */
import { buildSmartConfiguration } from '@/lib/sandbox/auth/smart-configuration';

describe('buildSmartConfiguration', () => {
  const config = buildSmartConfiguration('http://localhost:4123');

  it('points at the sandbox endpoints of this origin', () => {
    expect(config).toMatchObject({
      issuer: 'http://localhost:4123/sandbox/fhir',
      jwks_uri: 'http://localhost:4123/sandbox/auth/jwks',
      authorization_endpoint: 'http://localhost:4123/sandbox/auth/authorize',
      token_endpoint: 'http://localhost:4123/sandbox/auth/token',
      grant_types_supported: ['authorization_code', 'refresh_token'],
      token_endpoint_auth_methods_supported: ['none'],
      response_types_supported: ['code'],
    });
  });

  it('supports S256 PKCE only, never plain', () => {
    expect(config.code_challenge_methods_supported).toEqual(['S256']);
  });

  it('advertises the SMART capabilities of the sandbox', () => {
    expect(config.capabilities).toEqual(
      expect.arrayContaining([
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
      ]),
    );
  });

  it('lists the scopes it supports', () => {
    expect(config.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'fhirUser', 'launch', 'launch/patient', 'online_access']),
    );
  });
});

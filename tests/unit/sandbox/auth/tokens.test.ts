/** @jest-environment node */
import { SignJWT, decodeJwt } from 'jose';
import { authState, resetAuthState, type GrantDraft } from '@/lib/sandbox/auth/state';
import {
  configuredAccessTokenLifetime,
  parseLifetime,
  signAccessToken,
  verifyAccessToken,
} from '@/lib/sandbox/auth/tokens';

const FHIR_BASE = 'http://localhost:4123/sandbox/fhir';
const NOW = Date.UTC(2020, 0, 15, 9, 0, 0);

const grant: GrantDraft = {
  clientId: 'spine-redflag-screener',
  scopes: ['launch', 'patient/Patient.r'],
  patient: 'pt-1',
  practitioner: 'sandbox-clinician',
  needPatientBanner: false,
  fhirBase: FHIR_BASE,
  grantId: 'grant-1',
};

beforeEach(() => resetAuthState());

async function token(overrides: Partial<GrantDraft> = {}): Promise<string> {
  return (
    await signAccessToken({ ...grant, ...overrides }, grant.scopes, { now: () => NOW, env: {} })
  ).accessToken;
}

describe('signAccessToken', () => {
  it('carries the SMART claims', async () => {
    const claims = decodeJwt(await token());
    expect(claims).toMatchObject({
      iss: FHIR_BASE,
      aud: FHIR_BASE,
      sub: 'sandbox-clinician',
      client_id: 'spine-redflag-screener',
      scope: 'launch patient/Patient.r',
      patient: 'pt-1',
      fhirUser: 'Practitioner/sandbox-clinician',
      iat: NOW / 1000,
      exp: NOW / 1000 + 3600,
    });
    expect(typeof claims.jti).toBe('string');
  });
});

describe('verifyAccessToken', () => {
  it('accepts a valid token and returns its grant', async () => {
    expect(await verifyAccessToken(await token(), { now: NOW + 1000 })).toEqual({
      ok: true,
      grant: {
        clientId: 'spine-redflag-screener',
        scopes: ['launch', 'patient/Patient.r'],
        patient: 'pt-1',
        fhirUser: 'Practitioner/sandbox-clinician',
        qa: undefined,
      },
    });
  });

  it('refuses an expired token', async () => {
    const check = await verifyAccessToken(await token({ tokenLifetime: 60 }), {
      now: NOW + 61_000,
    });
    expect(check).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('refuses a token expired by the real clock', async () => {
    const check = await verifyAccessToken(await token());
    expect(check).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('refuses a token whose payload was tampered with', async () => {
    const [header, , signature] = (await token()).split('.');
    const payload = Buffer.from(
      JSON.stringify({ ...decodeJwt(await token()), patient: 'someone-else' }),
    ).toString('base64url');
    const check = await verifyAccessToken(`${header}.${payload}.${signature}`, { now: NOW });
    expect(check).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('refuses a token signed with another secret', async () => {
    const forged = await new SignJWT({ client_id: 'x', scope: 'system/*.cruds', qa: true })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .setIssuer(FHIR_BASE)
      .setAudience(FHIR_BASE)
      .setSubject('x')
      .setJti('j')
      .setIssuedAt(NOW / 1000)
      .setExpirationTime(NOW / 1000 + 60)
      .sign(new Uint8Array(32));
    expect(await verifyAccessToken(forged, { now: NOW })).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuses an unsigned (alg none) token', async () => {
    const [, payload] = (await token()).split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString(
      'base64url',
    );
    expect(await verifyAccessToken(`${header}.${payload}.`, { now: NOW })).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuses a token from before a secret reset (another process)', async () => {
    const old = await token();
    resetAuthState();
    expect(await verifyAccessToken(old, { now: NOW })).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuses a token of a revoked grant', async () => {
    const issued = await token();
    authState().revokedGrants.add('grant-1');
    expect(await verifyAccessToken(issued, { now: NOW })).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuses a token for another FHIR base when an audience is required', async () => {
    const check = await verifyAccessToken(await token(), {
      now: NOW,
      audience: 'http://localhost:9999/sandbox/fhir',
    });
    expect(check).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('refuses garbage', async () => {
    expect(await verifyAccessToken('not-a-jwt')).toMatchObject({ ok: false, reason: 'invalid' });
  });
});

describe('access-token lifetime', () => {
  it.each([
    [undefined, 3600],
    ['', 3600],
    ['900', 900],
  ])('SANDBOX_ACCESS_TOKEN_LIFETIME=%p -> %p', (raw, expected) => {
    expect(configuredAccessTokenLifetime({ SANDBOX_ACCESS_TOKEN_LIFETIME: raw })).toBe(expected);
  });

  it('falls back to the default for a bad value, with a warning', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(configuredAccessTokenLifetime({ SANDBOX_ACCESS_TOKEN_LIFETIME: '-5' })).toBe(3600);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it.each([
    ['1', 1],
    ['86400', 86400],
    ['0', undefined],
    ['86401', undefined],
    ['1.5', undefined],
    ['1e3', undefined],
  ])('parseLifetime(%p) -> %p', (raw, expected) => {
    expect(parseLifetime(raw)).toBe(expected);
  });
});

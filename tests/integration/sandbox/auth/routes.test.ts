/** @jest-environment node */
import * as authorizeRoute from '@/app/sandbox/auth/authorize/route.sandbox';
import * as decisionRoute from '@/app/sandbox/auth/consent/decision/route.sandbox';
import * as jwksRoute from '@/app/sandbox/auth/jwks/route.sandbox';
import * as tokenRoute from '@/app/sandbox/auth/token/route.sandbox';
import * as launchRoute from '@/app/sandbox/launch/route.sandbox';
import * as qaRoute from '@/app/sandbox/qa/token/route.sandbox';
import { resetAuthState } from '@/lib/sandbox/auth/state';
import { verifyAccessToken } from '@/lib/sandbox/auth/tokens';
import { FHIR_BASE, ORIGIN, formPost, getRequest, jsonOf, stringField } from './sandbox-harness';

beforeEach(() => resetAuthState());

describe('POST /sandbox/qa/token', () => {
  it('returns a read-everything QA token that verifies with qa: true', async () => {
    const response = await qaRoute.POST(
      new Request(`${ORIGIN}/sandbox/qa/token`, { method: 'POST' }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await jsonOf(response);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'system/*.rs' });
    const check = await verifyAccessToken(stringField(body, 'access_token'), {
      audience: FHIR_BASE,
    });
    expect(check).toMatchObject({ ok: true, grant: { qa: true, scopes: ['system/*.rs'] } });
  });

  it('answers GET with 405', async () => {
    const response = qaRoute.GET();
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});

// Route handlers use the seed store; these requests are refused before it is needed (the
// directory-dependent answers, such as 404 for an unknown patient, are tested on the lib handlers).
describe('route handlers', () => {
  it('authorize: an unknown client gets an error page, never a redirect', async () => {
    const response = await authorizeRoute.GET(
      getRequest('/sandbox/auth/authorize', {
        client_id: 'evil-app',
        redirect_uri: 'https://attacker.example/cb',
        response_type: 'code',
        state: 's',
      }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });

  it('authorize: POST is handled like GET', async () => {
    const response = await authorizeRoute.POST(
      formPost('/sandbox/auth/authorize', { client_id: 'evil-app' }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });

  it('token: refuses an unsupported grant type as JSON', async () => {
    const response = await tokenRoute.POST(
      formPost('/sandbox/auth/token', { grant_type: 'password' }),
    );
    expect(response.status).toBe(400);
    expect(await jsonOf(response)).toMatchObject({ error: 'unsupported_grant_type' });
    expect(tokenRoute.GET().status).toBe(405);
  });

  it('launch: a launch_uri on another origin is a 400 page', async () => {
    const response = await launchRoute.GET(
      getRequest('/sandbox/launch', {
        patient: 'no-such-patient',
        launch_uri: 'https://attacker.example/launch',
      }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });

  it('consent decision: an unknown request is a 400 page; GET is 405', async () => {
    const response = await decisionRoute.POST(
      formPost('/sandbox/auth/consent/decision', { request: 'nope', decision: 'approve' }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(decisionRoute.GET().status).toBe(405);
  });

  it('jwks: publishes one RS256 signing key without private parts', async () => {
    const body = await jsonOf(await jwksRoute.GET());
    expect(body.keys).toEqual([
      expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) }),
    ]);
    expect(JSON.stringify(body)).not.toMatch(/"d"|"p"|"q"/);
  });
});

/** @jest-environment node */
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { loadConsentView } from '@/lib/sandbox/auth/consent';
import { resetAuthState } from '@/lib/sandbox/auth/state';
import { sandboxJwks, verifyAccessToken } from '@/lib/sandbox/auth/tokens';
import {
  CLIENT_ID,
  FHIR_BASE,
  ORIGIN,
  REDIRECT_URI,
  STANDALONE_SCOPE,
  formPost,
  jsonOf,
  locationOf,
  paramOf,
  sandbox,
  stringField,
} from './sandbox-harness';
import { handleConsentDecision } from '@/lib/sandbox/auth/consent';

beforeEach(() => resetAuthState());

/** Where the app is sent back to, split into the redirect URI and its parameters. */
function backToApp(response: Response): URLSearchParams {
  expect(response.status).toBe(302);
  const location = locationOf(response);
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
  return location.searchParams;
}

describe('EHR launch: launch → authorize → token → verify', () => {
  it('gives the app a token for the launched patient and practitioner', async () => {
    const { launch, authorize, exchange } = sandbox();
    const launched = locationOf(await launch({ patient: 'pt-strain', practitioner: 'other-doc' }));
    // What fhirclient does with the launch URL: aud = iss, echo launch.
    const iss = paramOf(launched, 'iss');
    const back = backToApp(await authorize({ aud: iss, launch: paramOf(launched, 'launch') }));
    expect(back.get('state')).toBe('state-123');

    const response = await exchange(back.get('code') ?? '');
    expect(response.status).toBe(200);
    const body = await jsonOf(response);
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      patient: 'pt-strain',
      need_patient_banner: false,
      scope:
        'launch openid fhirUser online_access patient/Patient.r patient/Observation.rs ' +
        'patient/Condition.rs patient/QuestionnaireResponse.cs patient/ServiceRequest.cs',
    });
    expect(typeof body.refresh_token).toBe('string');

    const accessToken = stringField(body, 'access_token');
    expect(decodeJwt(accessToken)).toMatchObject({
      iss: FHIR_BASE,
      aud: FHIR_BASE,
      sub: 'other-doc',
      client_id: CLIENT_ID,
      patient: 'pt-strain',
      fhirUser: 'Practitioner/other-doc',
    });
    const check = await verifyAccessToken(accessToken);
    expect(check).toEqual({
      ok: true,
      grant: {
        clientId: CLIENT_ID,
        scopes: stringField(body, 'scope').split(' '),
        patient: 'pt-strain',
        fhirUser: 'Practitioner/other-doc',
        qa: undefined,
      },
    });
  });

  it('signs an id_token naming the practitioner when openid and fhirUser are granted', async () => {
    const { ehrCode, exchange } = sandbox();
    const body = await jsonOf(await exchange(await ehrCode()));
    const idToken = stringField(body, 'id_token');
    const { payload, protectedHeader } = await jwtVerify(
      idToken,
      createLocalJWKSet({ keys: [...(await sandboxJwks()).keys] }),
      { issuer: FHIR_BASE, audience: CLIENT_ID },
    );
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({
      sub: 'sandbox-clinician',
      fhirUser: `${FHIR_BASE}/Practitioner/sandbox-clinician`,
      name: 'Dr Sam Sandbox',
    });
    expect(typeof payload.iat).toBe('number');
    expect(payload.exp).toBe((payload.iat ?? 0) + 3600);
  });

  it('issues no id_token without fhirUser', async () => {
    const { ehrCode, exchange } = sandbox();
    const code = await ehrCode({}, { scope: 'launch openid patient/Patient.r' });
    expect(await jsonOf(await exchange(code))).not.toHaveProperty('id_token');
  });

  it('an id_token is not accepted as an access token', async () => {
    const { ehrCode, exchange } = sandbox();
    const idToken = stringField(await jsonOf(await exchange(await ehrCode())), 'id_token');
    expect(await verifyAccessToken(idToken)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('narrows the grant to the launch’s scope_limit (v1 request, v2 limit)', async () => {
    const { ehrCode, exchange } = sandbox();
    const code = await ehrCode(
      { scope_limit: 'launch openid fhirUser patient/Patient.rs patient/Observation.rs' },
      {
        scope:
          'launch openid fhirUser online_access patient/Patient.read patient/Observation.read ' +
          'patient/Condition.read patient/ServiceRequest.write',
      },
    );
    const body = await jsonOf(await exchange(code));
    expect(body.scope).toBe('launch openid fhirUser patient/Patient.read patient/Observation.read');
    expect(body).not.toHaveProperty('refresh_token'); // online_access was not allowed
  });

  it('drops the patient context when the registration does not allow launch', async () => {
    const { ehrCode, exchange } = sandbox();
    const code = await ehrCode({ scope_limit: 'openid fhirUser patient/Patient.r' });
    const body = await jsonOf(await exchange(code));
    expect(body.scope).toBe('openid fhirUser patient/Patient.r');
    expect(body).not.toHaveProperty('patient');
  });

  it('applies the launch’s token_lifetime, after which the token no longer verifies', async () => {
    const { ehrCode, exchange, clock } = sandbox();
    const body = await jsonOf(await exchange(await ehrCode({ token_lifetime: '5' })));
    expect(body.expires_in).toBe(5);
    const accessToken = stringField(body, 'access_token');
    expect((await verifyAccessToken(accessToken, { now: clock.now() + 4_000 })).ok).toBe(true);
    expect(await verifyAccessToken(accessToken, { now: clock.now() + 6_000 })).toMatchObject({
      ok: false,
      reason: 'expired',
    });
  });

  it('takes the default lifetime from SANDBOX_ACCESS_TOKEN_LIFETIME', async () => {
    const { ehrCode, exchange } = sandbox({ SANDBOX_ACCESS_TOKEN_LIFETIME: '120' });
    expect((await jsonOf(await exchange(await ehrCode()))).expires_in).toBe(120);
  });

  it('with consent=prompt shows the launched patient and approves on the consent page', async () => {
    const { authorize, launchCode, decide, exchange, deps } = sandbox();
    const consent = locationOf(
      await authorize({ launch: await launchCode({ consent: 'prompt' }) }),
    );
    const requestId = paramOf(consent, 'request');
    const view = await loadConsentView(requestId, deps);
    expect(view).toMatchObject({ status: 'pending', choosePatient: false, kind: 'ehr' });
    expect(view.status === 'pending' && view.patient?.name).toBe('Ada Synthetic');

    const back = backToApp(await decide({ request: requestId, decision: 'approve' }));
    const body = await jsonOf(await exchange(back.get('code') ?? ''));
    expect(body).toMatchObject({ patient: 'pt-cancer', need_patient_banner: false });
  });
});

describe('standalone launch with the consent page', () => {
  async function consentRequest(launchParams: Readonly<Record<string, string>> | undefined) {
    const harness = sandbox();
    if (launchParams !== undefined) {
      const launched = locationOf(await harness.launch({ mode: 'standalone', ...launchParams }));
      expect(launched.searchParams.has('launch')).toBe(false);
    }
    const consent = locationOf(await harness.authorize({ scope: STANDALONE_SCOPE }));
    expect(`${consent.origin}${consent.pathname}`).toBe(`${ORIGIN}/sandbox/auth/consent`);
    return { ...harness, requestId: paramOf(consent, 'request') };
  }

  it('lets the user pick a patient and approve', async () => {
    const { requestId, decide, exchange, deps } = await consentRequest(undefined);
    const view = await loadConsentView(requestId, deps);
    expect(view.status).toBe('pending');
    if (view.status !== 'pending') return;
    expect(view).toMatchObject({ appName: 'Spine Red-Flag Screener', choosePatient: true });
    expect(view.patients.map((patient) => patient.id)).toEqual(['pt-cancer', 'pt-strain']);
    expect(view.scopes).toContainEqual({
      scope: 'patient/Observation.rs',
      words: 'Read and search Observation records for the patient in context',
    });

    const back = backToApp(
      await decide({ request: requestId, decision: 'approve', patient: 'pt-strain' }),
    );
    expect(back.get('state')).toBe('state-123');
    const body = await jsonOf(await exchange(back.get('code') ?? ''));
    expect(body).toMatchObject({ patient: 'pt-strain', need_patient_banner: true });
    expect(stringField(body, 'scope').split(' ')).toContain('launch/patient');
    expect(stringField(body, 'scope').split(' ')).not.toContain('launch');
  });

  it('preselects the patient of a mode=standalone sandbox launch and applies its options', async () => {
    const { requestId, decide, exchange, deps } = await consentRequest({
      patient: 'pt-strain',
      token_lifetime: '30',
    });
    const view = await loadConsentView(requestId, deps);
    expect(view.status === 'pending' && view.patient?.id).toBe('pt-strain');
    const back = backToApp(
      await decide({ request: requestId, decision: 'approve', patient: 'pt-strain' }),
    );
    expect((await jsonOf(await exchange(back.get('code') ?? ''))).expires_in).toBe(30);
  });

  it('sends access_denied back to the app when the user denies', async () => {
    const { requestId, decide } = await consentRequest(undefined);
    const back = backToApp(await decide({ request: requestId, decision: 'deny' }));
    expect(back.get('error')).toBe('access_denied');
    expect(back.get('error_description')).not.toBe('');
    expect(back.get('state')).toBe('state-123');
    expect(back.has('code')).toBe(false);
  });

  it('answers a request only once', async () => {
    const { requestId, decide } = await consentRequest(undefined);
    await decide({ request: requestId, decision: 'deny' });
    const again = await decide({ request: requestId, decision: 'approve', patient: 'pt-strain' });
    expect(again.status).toBe(400);
    expect(again.headers.get('location')).toBeNull();
  });

  it('refuses approval without a chosen patient, and with an unknown one', async () => {
    const { requestId, decide } = await consentRequest(undefined);
    const none = await decide({ request: requestId, decision: 'approve' });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Choose a patient');
    const unknown = await decide({ request: requestId, decision: 'approve', patient: 'pt-x' });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('location')).toBeNull();
  });

  it('shows an expired page after ten minutes', async () => {
    const { requestId, decide, deps, clock } = await consentRequest(undefined);
    clock.advance(10 * 60 * 1000 + 1);
    expect(await loadConsentView(requestId, deps)).toEqual({ status: 'expired' });
    const late = await decide({ request: requestId, decision: 'approve', patient: 'pt-strain' });
    expect(late.status).toBe(400);
    expect(await late.text()).toContain('expired');
  });

  it('refuses a decision posted from another site', async () => {
    const { requestId, deps } = await consentRequest(undefined);
    const response = await handleConsentDecision(
      formPost(
        '/sandbox/auth/consent/decision',
        { request: requestId, decision: 'approve', patient: 'pt-strain' },
        { origin: 'https://attacker.example' },
      ),
      deps,
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('location')).toBeNull();
  });
});

/** @jest-environment jest-fixed-jsdom */
import { http, HttpResponse } from 'msw';
import type { LaunchResult } from '@/lib/smart/session';
import { FHIR_BASE, TOKEN_URL, server, setUpMswServer } from '../../msw/server';

setUpMswServer();

const STATE_KEY = 'k3y0000000000001';
const SCOPE =
  'launch openid fhirUser online_access patient/Patient.r patient/Observation.rs patient/Condition.rs patient/Procedure.rs patient/MedicationRequest.rs patient/QuestionnaireResponse.cs patient/ServiceRequest.cs';

function idToken(claims: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.sig`;
}

/** The state fhirclient's authorize() leaves in sessionStorage before redirecting to the EHR. */
function storeAuthorizeState(): void {
  window.sessionStorage.setItem(
    STATE_KEY,
    JSON.stringify({
      clientId: 'spine-redflag-screener',
      scope: SCOPE,
      redirectUri: 'http://localhost/review',
      serverUrl: FHIR_BASE,
      tokenUri: TOKEN_URL,
      key: STATE_KEY,
      codeVerifier: 'verifier-verifier-verifier-verifier-verifier-12',
      completeInTarget: true,
    }),
  );
}

async function launchAt(path: string): Promise<LaunchResult> {
  window.history.replaceState({}, '', path);
  // A fresh module registry, as on a page load: completeLaunch() memoizes per page, and fhirclient's
  // browser adapter reads the URL once.
  jest.resetModules();
  const session = await import('@/lib/smart/session');
  return session.completeLaunch();
}

beforeEach(() => {
  window.sessionStorage.clear();
  window.localStorage.clear();
});

describe('completeLaunch', () => {
  it('exchanges the code once and reads patient, user and granted scopes from the token response', async () => {
    let exchanges = 0;
    let body = '';
    server.use(
      http.post(TOKEN_URL, async ({ request }) => {
        exchanges += 1;
        body = await request.text();
        return HttpResponse.json({
          access_token: 'at-1',
          token_type: 'Bearer',
          expires_in: 3600,
          scope: SCOPE.replace(' patient/Procedure.rs', ''),
          patient: 'pt-1',
          need_patient_banner: false,
          id_token: idToken({ fhirUser: `${FHIR_BASE}/Practitioner/dr-1`, name: 'Dr. One' }),
        });
      }),
    );
    storeAuthorizeState();
    const result = await launchAt(`/review?code=c-1&state=${STATE_KEY}`);
    expect(result).toMatchObject({
      status: 'ready',
      serverUrl: FHIR_BASE,
      patientId: 'pt-1',
      userRef: 'Practitioner/dr-1',
      userName: 'Dr. One',
      missingScopes: ['patient/Procedure.rs'],
      needPatientBanner: false,
    });
    expect(exchanges).toBe(1);
    const form = new URLSearchParams(body);
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(form.get('code_verifier')).toBe('verifier-verifier-verifier-verifier-verifier-12');
    expect(window.location.search).toBe('');
    expect(JSON.stringify(window.localStorage)).not.toContain('at-1');
  });

  it('reports a denied consent', async () => {
    const result = await launchAt(
      '/review?error=access_denied&error_description=User+denied&state=x',
    );
    expect(result).toMatchObject({ status: 'failed', reason: 'denied', detail: 'User denied' });
  });

  it('reports other authorization errors with the EHR words', async () => {
    const result = await launchAt(
      '/review?error=invalid_scope&error_description=Bad+scope&state=x',
    );
    expect(result).toMatchObject({
      status: 'failed',
      reason: 'auth-error',
      detail: 'invalid_scope: Bad scope',
    });
  });

  it('says the page was opened without a launch', async () => {
    expect(await launchAt('/review')).toMatchObject({ status: 'failed', reason: 'no-launch' });
  });

  it('refuses a code without state', async () => {
    expect(await launchAt('/review?code=c-1')).toMatchObject({
      status: 'failed',
      reason: 'state-missing',
    });
  });

  it('refuses a state this tab does not hold (expired or other tab)', async () => {
    expect(await launchAt('/review?code=c-1&state=unknown-key')).toMatchObject({
      status: 'failed',
      reason: 'state-unknown',
    });
  });

  it('reports invalid_client from the token endpoint', async () => {
    server.use(
      http.post(TOKEN_URL, () =>
        HttpResponse.json(
          { error: 'invalid_client', error_description: 'Unknown client' },
          { status: 401 },
        ),
      ),
    );
    storeAuthorizeState();
    const result = await launchAt(`/review?code=c-1&state=${STATE_KEY}`);
    expect(result).toMatchObject({ status: 'failed', reason: 'invalid-client' });
    if (result.status === 'failed') expect(result.detail).toContain('Unknown client');
  });

  it('reports a rejected (reused or expired) code', async () => {
    server.use(
      http.post(TOKEN_URL, () =>
        HttpResponse.json(
          { error: 'invalid_grant', error_description: 'Code already used' },
          { status: 400 },
        ),
      ),
    );
    storeAuthorizeState();
    expect(await launchAt(`/review?code=c-1&state=${STATE_KEY}`)).toMatchObject({
      status: 'failed',
      reason: 'code-rejected',
    });
  });

  it('reports a launch without patient context', async () => {
    server.use(
      http.post(TOKEN_URL, () =>
        HttpResponse.json({
          access_token: 'at',
          token_type: 'Bearer',
          expires_in: 60,
          scope: SCOPE,
        }),
      ),
    );
    storeAuthorizeState();
    expect(await launchAt(`/review?code=c-1&state=${STATE_KEY}`)).toMatchObject({
      status: 'failed',
      reason: 'no-patient-context',
    });
  });
});

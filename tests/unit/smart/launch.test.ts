import { planLaunch, REDIRECT_PATH } from '@/lib/smart/launch';
import type { Registration } from '@/lib/smart/registrations';

const SANDBOX: Registration = {
  iss: 'http://localhost:3000/sandbox/fhir',
  clientId: 'spine-redflag-screener',
  scopeSyntax: 'v2',
  vendor: 'sandbox',
  label: 'Sandbox EHR (synthetic data)',
  connectOrigins: [],
};
const CERNER: Registration = {
  ...SANDBOX,
  iss: 'https://fhir.cerner.example/r4/tenant',
  clientId: 'c-1',
  scopeSyntax: 'v1',
  vendor: 'oracle',
  label: 'Oracle Health',
};

const plan = (query: string, registrations: readonly Registration[] = [SANDBOX, CERNER]) =>
  planLaunch(new URLSearchParams(query), registrations);

describe('planLaunch', () => {
  it('authorizes an EHR launch from a registered issuer with PKCE required and the launch scope', () => {
    const result = plan('iss=http%3A%2F%2Flocalhost%3A3000%2Fsandbox%2Ffhir&launch=abc');
    expect(result).toEqual({
      status: 'authorize',
      kind: 'ehr',
      target: {
        iss: SANDBOX.iss,
        clientId: SANDBOX.clientId,
        scopeSyntax: 'v2',
        label: SANDBOX.label,
        vendor: 'sandbox',
      },
      options: {
        iss: SANDBOX.iss,
        clientId: 'spine-redflag-screener',
        launch: 'abc',
        redirectUri: REDIRECT_PATH,
        pkceMode: 'required',
        scope:
          'launch openid fhirUser online_access patient/Patient.r patient/Observation.rs patient/Condition.rs patient/Procedure.rs patient/MedicationRequest.rs patient/QuestionnaireResponse.cs patient/ServiceRequest.cs',
      },
    });
  });

  it('asks for launch/patient and v1 scopes for a standalone launch at a v1 registration', () => {
    const result = plan(`iss=${encodeURIComponent(CERNER.iss)}`);
    expect(result.status).toBe('authorize');
    if (result.status !== 'authorize') return;
    expect(result.kind).toBe('standalone');
    expect(result.options.launch).toBeUndefined();
    expect(result.options.scope.split(' ')).toEqual([
      'launch/patient',
      'openid',
      'fhirUser',
      'online_access',
      'patient/Patient.read',
      'patient/Observation.read',
      'patient/Condition.read',
      'patient/Procedure.read',
      'patient/MedicationRequest.read',
      'patient/QuestionnaireResponse.write',
      'patient/QuestionnaireResponse.read',
      'patient/ServiceRequest.write',
      'patient/ServiceRequest.read',
    ]);
  });

  it('offers the chooser of configured servers when there is no iss', () => {
    const result = plan('');
    expect(result.status).toBe('choose');
    if (result.status === 'choose')
      expect(result.targets.map((t) => t.iss)).toEqual([SANDBOX.iss, CERNER.iss]);
  });

  it('refuses an unknown issuer', () => {
    expect(plan('iss=https%3A%2F%2Fevil.example%2Ffhir&launch=abc')).toMatchObject({
      status: 'refused',
      reason: 'unknown-iss',
    });
  });

  it.each([
    'fhirServiceUrl=http%3A%2F%2Flocalhost%3A3000%2Fsandbox%2Ffhir&patientId=p1',
    'iss=http%3A%2F%2Flocalhost%3A3000%2Fsandbox%2Ffhir&launch=a&clientId=other',
    'patientId=p1',
  ])('refuses the parameters that skip authorization: %s', (query) => {
    expect(plan(query)).toMatchObject({ status: 'refused', reason: 'forbidden-param' });
  });

  it.each([
    ['a launch without iss', 'launch=abc'],
    ['an empty iss', 'iss=&launch=abc'],
    ['an empty launch', `iss=${encodeURIComponent(SANDBOX.iss)}&launch=`],
    [
      'a repeated iss',
      `iss=${encodeURIComponent(SANDBOX.iss)}&iss=${encodeURIComponent(CERNER.iss)}`,
    ],
  ])('refuses %s as malformed', (_label, query) => {
    expect(plan(query)).toMatchObject({ status: 'refused', reason: 'malformed' });
  });

  it('says so when no EHR is configured', () => {
    expect(plan('', [])).toMatchObject({ status: 'refused', reason: 'no-registrations' });
  });
});

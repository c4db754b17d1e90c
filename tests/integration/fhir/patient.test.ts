/** @jest-environment jest-fixed-jsdom */
import { http, HttpResponse } from 'msw';
import { fetchPatient } from '@/lib/fhir/patient';
import { FhirRequestError } from '@/lib/fhir/errors';
import { FHIR_BASE, server, setUpMswServer } from '../../msw/server';
import { makeTestClient } from '../../msw/test-client';

setUpMswServer();

describe('fetchPatient', () => {
  it('reads the patient with the bearer token', async () => {
    let auth: string | null = null;
    server.use(
      http.get(`${FHIR_BASE}/Patient/pt-1`, ({ request }) => {
        auth = request.headers.get('authorization');
        return HttpResponse.json({ resourceType: 'Patient', id: 'pt-1', gender: 'female' });
      }),
    );
    const patient = await fetchPatient(makeTestClient(), 'pt-1');
    expect(patient.gender).toBe('female');
    expect(auth).toBe('Bearer test-token');
  });

  it.each([
    [401, /expired or was refused/],
    [403, /did not allow/],
    [404, /no such record/],
    [429, /busy/],
    [500, /failed to answer/],
    [503, /failed to answer/],
  ])('turns HTTP %i into a FhirRequestError with words', async (status, words) => {
    server.use(
      http.get(`${FHIR_BASE}/Patient/pt-1`, () =>
        HttpResponse.json(
          {
            resourceType: 'OperationOutcome',
            issue: [
              { severity: 'error', code: 'forbidden', diagnostics: 'needs patient/Patient.r' },
            ],
          },
          { status },
        ),
      ),
    );
    const error = await fetchPatient(makeTestClient(), 'pt-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FhirRequestError);
    expect((error as FhirRequestError).status).toBe(status);
    expect((error as FhirRequestError).message).toMatch(words);
  });

  it('keeps the server OperationOutcome text for the clinician', async () => {
    server.use(
      http.get(`${FHIR_BASE}/Patient/pt-1`, () =>
        HttpResponse.json(
          {
            resourceType: 'OperationOutcome',
            issue: [
              { severity: 'error', code: 'forbidden', diagnostics: 'needs patient/Patient.r' },
            ],
          },
          { status: 403 },
        ),
      ),
    );
    const error = (await fetchPatient(makeTestClient(), 'pt-1').catch(
      (e: unknown) => e,
    )) as FhirRequestError;
    expect(error.outcome).toBe('needs patient/Patient.r');
  });

  it('refuses an answer that is not JSON', async () => {
    server.use(
      http.get(
        `${FHIR_BASE}/Patient/pt-1`,
        () =>
          new HttpResponse('<html>proxy error</html>', {
            status: 200,
            headers: { 'content-type': 'application/json' },
          }),
      ),
    );
    const error = await fetchPatient(makeTestClient(), 'pt-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FhirRequestError);
    expect((error as FhirRequestError).status).toBe(0);
  });

  it('refuses a resource that is not a Patient', async () => {
    server.use(
      http.get(`${FHIR_BASE}/Patient/pt-1`, () =>
        HttpResponse.json({ resourceType: 'Observation', id: 'x' }),
      ),
    );
    await expect(fetchPatient(makeTestClient(), 'pt-1')).rejects.toThrow('not a Patient');
  });

  it('refuses a different patient than the one in context', async () => {
    server.use(
      http.get(`${FHIR_BASE}/Patient/pt-1`, () =>
        HttpResponse.json({ resourceType: 'Patient', id: 'pt-2' }),
      ),
    );
    await expect(fetchPatient(makeTestClient(), 'pt-1')).rejects.toThrow('different patient');
  });

  it('reports a network failure as status 0', async () => {
    server.use(http.get(`${FHIR_BASE}/Patient/pt-1`, () => HttpResponse.error()));
    const error = (await fetchPatient(makeTestClient(), 'pt-1').catch(
      (e: unknown) => e,
    )) as FhirRequestError;
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/could not be reached/);
  });
});

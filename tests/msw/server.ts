import { setupServer } from 'msw/node';

/** The fake EHR's FHIR base used by integration tests. */
export const FHIR_BASE = 'https://ehr.test/fhir';
/** Its token endpoint. */
export const TOKEN_URL = 'https://ehr.test/auth/token';

/** msw at the HTTP edge: every request a test does not handle is an error. */
export const server = setupServer();

/** Starts msw for the current test file. */
export function setUpMswServer(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}

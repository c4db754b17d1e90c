import BrowserAdapter from 'fhirclient/lib/adapters/BrowserAdapter';
import type { SmartClient } from '@/lib/smart/client';
import { FHIR_BASE } from './server';

/** A real fhirclient Client talking to the msw EHR. */
export function makeTestClient(patientId = 'pt-1'): SmartClient {
  return new BrowserAdapter().getSmartApi().client({
    serverUrl: FHIR_BASE,
    tokenResponse: { access_token: 'test-token', patient: patientId },
  });
}

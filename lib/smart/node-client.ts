/**
 * A fhirclient Client for Node (the `screen --fhir` command): no SMART launch, just a FHIR base URL
 * and an optional bearer token. fhirclient's Node entry expects an HTTP request/response pair, so
 * the client is built through the BrowserAdapter's `client(state)`, which needs no `window` and
 * uses Node's fetch path — the same `request` (and so the same paging and errors) as the app.
 */
import BrowserAdapter from 'fhirclient/lib/adapters/BrowserAdapter';
import type { SmartClient } from './client';

/**
 * Creates a client for a FHIR server.
 * @param serverUrl - the FHIR base URL
 * @param accessToken - a bearer token (e.g. from `SCREEN_BEARER_TOKEN`), or undefined for none
 */
export function createNodeClient(serverUrl: string, accessToken: string | undefined): SmartClient {
  return new BrowserAdapter().getSmartApi().client({
    serverUrl,
    tokenResponse:
      accessToken === undefined || accessToken === '' ? {} : { access_token: accessToken },
  });
}

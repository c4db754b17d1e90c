/** `POST /sandbox/qa/token`: a read-everything token for end-to-end tests to inspect the sandbox. */
import { sandboxFhirBase, requestOrigin } from '../origin';
import type { SandboxAuthDeps } from './deps';
import { noStoreJson } from './responses';
import { QA_SCOPE, signQaAccessToken } from './tokens';

/**
 * Issues a QA access token (grant `qa: true`: read and search everything, no writes).
 * @param request - the POST request (its origin sets `iss`/`aud`)
 * @param deps - clock and environment (lifetime)
 */
export async function handleQaToken(request: Request, deps: SandboxAuthDeps): Promise<Response> {
  const { accessToken, expiresIn } = await signQaAccessToken(
    sandboxFhirBase(requestOrigin(request)),
    deps,
  );
  return noStoreJson(200, {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: expiresIn,
    scope: QA_SCOPE,
  });
}

import { requestOrigin, sandboxFhirBase } from '@/lib/sandbox/origin';
import type { TokenCheck } from '@/lib/sandbox/types';
import type { SandboxEngine } from './engine';
import { handleFhirRequest, handleMetadataRequest, unauthorizedResponse } from './handler';

/** What the FHIR route needs from the auth side (injected so tests can fake it). */
export interface ServeFhirDeps {
  /** Verifies a bearer token for the given FHIR base (its `aud`). */
  readonly verifyToken: (token: string, fhirBase: string) => Promise<TokenCheck>;
  /** The SMART configuration document for an origin. */
  readonly smartConfiguration: (origin: string) => Record<string, unknown>;
  /** An engine from `createSandboxEngine()` (tests); default: the process singleton. */
  readonly engine?: SandboxEngine;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The whole `/sandbox/fhir/*` endpoint: `.well-known/smart-configuration` and `metadata` without a
 * token; everything else needs a valid bearer token (401 with `WWW-Authenticate: Bearer`
 * otherwise), then goes to {@link handleFhirRequest} with the token's grant. Every answer is
 * `Cache-Control: no-store`.
 * @param request - The HTTP request.
 * @param deps - Token verification and SMART configuration.
 */
export async function serveSandboxFhir(request: Request, deps: ServeFhirDeps): Promise<Response> {
  const origin = requestOrigin(request);
  const baseUrl = sandboxFhirBase(origin);
  const path = new URL(request.url).pathname.replace(/\/+$/, '');
  if (path.endsWith('/sandbox/fhir/.well-known/smart-configuration')) {
    return Response.json(deps.smartConfiguration(origin), {
      headers: { 'Cache-Control': 'no-store' },
    });
  }
  if (path.endsWith('/sandbox/fhir/metadata') && request.method === 'GET') {
    return handleMetadataRequest({ baseUrl, ...(deps.engine ? { engine: deps.engine } : {}) });
  }
  const header = request.headers.get('authorization');
  if (!header) return unauthorizedResponse('missing', 'This request needs a bearer access token.');
  const token = BEARER.exec(header)?.[1];
  if (!token)
    return unauthorizedResponse('invalid', 'The Authorization header is not a Bearer token.');
  const check = await deps.verifyToken(token, baseUrl);
  if (!check.ok) return unauthorizedResponse(check.reason, check.detail);
  return handleFhirRequest(request, {
    baseUrl,
    grant: check.grant,
    ...(deps.engine ? { engine: deps.engine } : {}),
  });
}

/** @jest-environment node */
import type { SandboxEngine } from '@/lib/sandbox/fhir/engine';
import { serveSandboxFhir } from '@/lib/sandbox/fhir/serve';
import type { ServeFhirDeps } from '@/lib/sandbox/fhir/serve';
import type { TokenCheck } from '@/lib/sandbox/types';
import { createFixtureEngine, makeTempDir, removeDir } from './fhir-test-kit';

jest.setTimeout(30_000);

let root: string;
let engine: SandboxEngine;
const seen: { token: string; base: string }[] = [];

const deps = (): ServeFhirDeps => ({
  engine,
  smartConfiguration: (origin) => ({ authorization_endpoint: `${origin}/sandbox/auth/authorize` }),
  verifyToken: async (token, base): Promise<TokenCheck> => {
    seen.push({ token, base });
    if (token === 'good')
      return { ok: true, grant: { clientId: 'c', scopes: ['patient/*.rs'], patient: 'pat-a' } };
    if (token === 'old')
      return { ok: false, reason: 'expired', detail: 'The access token has expired.' };
    return { ok: false, reason: 'invalid', detail: 'The access token is not valid.' };
  },
});

const get = (path: string, headers: Record<string, string> = {}) =>
  serveSandboxFhir(new Request(`http://localhost:4123/sandbox/fhir/${path}`, { headers }), deps());

beforeAll(async () => {
  root = await makeTempDir();
  engine = await createFixtureEngine(root);
});

afterAll(async () => {
  await removeDir(root);
});

describe('serveSandboxFhir', () => {
  it('serves .well-known/smart-configuration and metadata without a token', async () => {
    const smart = await get('.well-known/smart-configuration');
    expect(smart.status).toBe(200);
    expect(await smart.json()).toEqual({
      authorization_endpoint: 'http://localhost:4123/sandbox/auth/authorize',
    });
    expect(smart.headers.get('cache-control')).toBe('no-store');
    const metadata = await get('metadata');
    expect(metadata.status).toBe(200);
    expect(metadata.headers.get('cache-control')).toBe('no-store');
  });

  it.each([
    [{}, 'Bearer realm="sandbox"'],
    [{ Authorization: 'Basic abc' }, 'invalid_token'],
    [{ Authorization: 'Bearer nonsense' }, 'invalid_token'],
    [{ Authorization: 'Bearer old' }, 'invalid_token'],
  ])('answers 401 with WWW-Authenticate for %j', async (headers, challenge) => {
    const response = await get('Patient/pat-a', headers);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain(challenge);
    expect(response.headers.get('content-type')).toBe('application/fhir+json');
    expect(((await response.json()) as { resourceType: string }).resourceType).toBe(
      'OperationOutcome',
    );
  });

  it('passes a valid token with the FHIR base as audience, then enforces its grant', async () => {
    const ok = await get('Patient/pat-a', { Authorization: 'Bearer good' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(seen.at(-1)).toEqual({ token: 'good', base: 'http://localhost:4123/sandbox/fhir' });
    expect((await get('Patient/pat-b', { Authorization: 'Bearer good' })).status).toBe(403);
  });
});

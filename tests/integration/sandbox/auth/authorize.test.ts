/** @jest-environment node */
import { resetAuthState } from '@/lib/sandbox/auth/state';
import {
  CLIENT_ID,
  FHIR_BASE,
  ORIGIN,
  REDIRECT_URI,
  formPost,
  locationOf,
  paramOf,
  sandbox,
} from './sandbox-harness';
import { handleAuthorize } from '@/lib/sandbox/auth/authorize';

beforeEach(() => resetAuthState());

/** The error redirect of a refused request: back to the app with error, description and state. */
async function errorRedirect(response: Response) {
  expect(response.status).toBe(302);
  const location = locationOf(response);
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
  expect(location.searchParams.has('code')).toBe(false);
  return {
    error: location.searchParams.get('error'),
    description: location.searchParams.get('error_description') ?? '',
    state: location.searchParams.get('state'),
  };
}

describe('handleAuthorize: refused without redirect (RFC 6749 §4.1.2.1)', () => {
  it.each([
    ['an unknown client_id', { client_id: 'evil-app' }],
    ['no client_id', { client_id: undefined }],
    ['a redirect_uri on another origin', { redirect_uri: 'https://attacker.example/review' }],
    [
      'a redirect_uri that only starts like the registered one',
      { redirect_uri: `${REDIRECT_URI}/x` },
    ],
    ['a redirect_uri with an extra query', { redirect_uri: `${REDIRECT_URI}?next=/` }],
    ['no redirect_uri', { redirect_uri: undefined }],
  ])('shows an error page for %s', async (_label, overrides) => {
    const { authorize, launchCode } = sandbox();
    const response = await authorize({ launch: await launchCode(), ...overrides });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<h1>.+<\/h1>/);
    expect(html).toContain('synthetic data');
    expect(html).not.toContain('attacker.example/review?');
  });

  it('escapes what the request echoes into the error page', async () => {
    const { authorize } = sandbox();
    const response = await authorize({ client_id: '<script>alert(1)</script>' });
    const html = await response.text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('accepts the app redirect URI on whatever port the sandbox runs', async () => {
    const { deps, challenge } = sandbox();
    const request = new Request(
      `http://localhost:9999/sandbox/auth/authorize?${new URLSearchParams({
        response_type: 'code',
        client_id: CLIENT_ID,
        redirect_uri: 'http://localhost:9999/review',
        scope: 'launch/patient patient/Patient.r',
        state: 's',
        aud: 'http://localhost:9999/sandbox/fhir',
        code_challenge: challenge,
        code_challenge_method: 'S256',
      })}`,
    );
    const response = await handleAuthorize(request, deps);
    expect(response.status).toBe(302);
    expect(locationOf(response).pathname).toBe('/sandbox/auth/consent');
  });
});

describe('handleAuthorize: refused with an error redirect', () => {
  it.each([
    ['response_type token', { response_type: 'token' }, 'unsupported_response_type'],
    ['no response_type', { response_type: undefined }, 'invalid_request'],
    ['no code_challenge (PKCE required)', { code_challenge: undefined }, 'invalid_request'],
    ['no code_challenge_method', { code_challenge_method: undefined }, 'invalid_request'],
    ['plain PKCE', { code_challenge_method: 'plain' }, 'invalid_request'],
    ['a challenge that is not a SHA-256 hash', { code_challenge: 'short' }, 'invalid_request'],
    ['no aud', { aud: undefined }, 'invalid_request'],
    ['aud of another server', { aud: 'https://fhir.example/r4' }, 'invalid_request'],
    ['aud with a trailing slash', { aud: `${FHIR_BASE}/` }, 'invalid_request'],
    ['no scope', { scope: undefined }, 'invalid_scope'],
    ['only blanks as scope', { scope: '   ' }, 'invalid_scope'],
    ['no SMART scope at all', { scope: 'email admin' }, 'invalid_scope'],
    ['a scope with a forbidden character', { scope: 'launch patient/Patient.r"' }, 'invalid_scope'],
    ['an unknown launch', { launch: 'not-a-launch' }, 'invalid_request'],
  ])('%s -> %s', async (_label, overrides, expected) => {
    const { authorize, launchCode } = sandbox();
    const response = await authorize({ launch: await launchCode(), ...overrides });
    const refused = await errorRedirect(response);
    expect(refused.error).toBe(expected);
    expect(refused.state).toBe('state-123');
    expect(refused.description).not.toBe('');
  });

  it('says that aud must be the FHIR server URL', async () => {
    const { authorize, launchCode } = sandbox();
    const refused = await errorRedirect(
      await authorize({ launch: await launchCode(), aud: 'https://fhir.example/r4' }),
    );
    expect(refused.description).toContain('aud must be the FHIR server URL');
  });

  it('refuses a request without state (and sends none back)', async () => {
    const { authorize, launchCode } = sandbox();
    const refused = await errorRedirect(
      await authorize({ launch: await launchCode(), state: undefined }),
    );
    expect(refused).toMatchObject({ error: 'invalid_request', state: null });
  });

  it('refuses a parameter sent twice', async () => {
    const { deps, authorizeParams, launchCode } = sandbox();
    const query = new URLSearchParams(authorizeParams({ launch: await launchCode() }));
    query.append('scope', 'patient/*.cruds');
    const response = await handleAuthorize(
      new Request(`${ORIGIN}/sandbox/auth/authorize?${query}`),
      deps,
    );
    expect((await errorRedirect(response)).error).toBe('invalid_request');
  });

  it('refuses a launch code older than ten minutes', async () => {
    const { authorize, launchCode, clock } = sandbox();
    const launch = await launchCode();
    clock.advance(10 * 60 * 1000 + 1);
    const refused = await errorRedirect(await authorize({ launch }));
    expect(refused.error).toBe('invalid_request');
    expect(refused.description).toMatch(/launch/);
  });

  it('refuses a request whose scopes the registration does not allow at all', async () => {
    const { authorize, launchCode } = sandbox();
    const launch = await launchCode({ scope_limit: 'patient/Observation.rs' });
    const refused = await errorRedirect(await authorize({ launch, scope: 'patient/Condition.rs' }));
    expect(refused.error).toBe('invalid_scope');
  });
});

describe('handleAuthorize: approvals', () => {
  it('approves an EHR launch without a consent screen', async () => {
    const { authorize, launchCode } = sandbox();
    const response = await authorize({ launch: await launchCode() });
    expect(response.status).toBe(302);
    const location = locationOf(response);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(paramOf(location, 'code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(paramOf(location, 'state')).toBe('state-123');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('accepts the request as a form POST too', async () => {
    const { deps, authorizeParams, launchCode } = sandbox();
    const response = await handleAuthorize(
      formPost('/sandbox/auth/authorize', authorizeParams({ launch: await launchCode() })),
      deps,
    );
    expect(paramOf(locationOf(response), 'code')).not.toBe('');
  });

  it('sends an EHR launch made with consent=prompt to the consent page', async () => {
    const { authorize, launchCode } = sandbox();
    const response = await authorize({ launch: await launchCode({ consent: 'prompt' }) });
    const location = locationOf(response);
    expect(`${location.origin}${location.pathname}`).toBe(`${ORIGIN}/sandbox/auth/consent`);
    expect(paramOf(location, 'request')).not.toBe('');
  });

  it('sends a standalone launch to the consent page', async () => {
    const { authorize } = sandbox();
    const response = await authorize({ scope: 'launch/patient openid fhirUser patient/Patient.r' });
    expect(locationOf(response).pathname).toBe('/sandbox/auth/consent');
  });
});

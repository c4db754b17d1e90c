/** @jest-environment node */
import { handleTokenRequest } from '@/lib/sandbox/auth/token';
import { resetAuthState } from '@/lib/sandbox/auth/state';
import { verifyAccessToken } from '@/lib/sandbox/auth/tokens';
import { CLIENT_ID, ORIGIN, jsonOf, sandbox, stringField } from './sandbox-harness';

beforeEach(() => resetAuthState());

const OTHER_CLIENT_ENV = {
  SANDBOX_CLIENTS: JSON.stringify([{ clientId: 'other-app', redirectUris: ['/other/callback'] }]),
};

/** A refused token request: JSON error, not cacheable. */
async function refusal(response: Response, status: number, error: string): Promise<string> {
  expect(response.status).toBe(status);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const body = await jsonOf(response);
  expect(body.error).toBe(error);
  expect(body).not.toHaveProperty('access_token');
  return stringField(body, 'error_description');
}

describe('handleTokenRequest: authorization_code refusals', () => {
  it('refuses a second use of a code and revokes the tokens of the first', async () => {
    const { ehrCode, exchange } = sandbox();
    const code = await ehrCode();
    const first = await jsonOf(await exchange(code));
    const accessToken = stringField(first, 'access_token');
    expect((await verifyAccessToken(accessToken)).ok).toBe(true);

    await refusal(await exchange(code), 400, 'invalid_grant');
    expect(await verifyAccessToken(accessToken)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('refuses the refresh token issued from a replayed code', async () => {
    const { ehrCode, exchange, token } = sandbox();
    const code = await ehrCode();
    const refreshToken = stringField(await jsonOf(await exchange(code)), 'refresh_token');
    await exchange(code);
    const response = await token({ grant_type: 'refresh_token', refresh_token: refreshToken });
    await refusal(response, 400, 'invalid_grant');
  });

  it('refuses a code older than 60 seconds', async () => {
    const { ehrCode, exchange, clock } = sandbox();
    const code = await ehrCode();
    clock.advance(60_001);
    const description = await refusal(await exchange(code), 400, 'invalid_grant');
    expect(description).toMatch(/expired/);
  });

  it('accepts a code just inside its 60 seconds', async () => {
    const { ehrCode, exchange, clock } = sandbox();
    const code = await ehrCode();
    clock.advance(59_000);
    expect((await exchange(code)).status).toBe(200);
  });

  it('refuses an unknown code', async () => {
    const { exchange } = sandbox();
    await refusal(await exchange('made-up'), 400, 'invalid_grant');
  });

  it('refuses a wrong code_verifier', async () => {
    const { ehrCode, exchange } = sandbox();
    const code = await ehrCode();
    const description = await refusal(
      await exchange(code, { code_verifier: 'x'.repeat(64) }),
      400,
      'invalid_grant',
    );
    expect(description).toMatch(/code_verifier/);
  });

  it('refuses a missing code_verifier', async () => {
    const { ehrCode, exchange } = sandbox();
    await refusal(
      await exchange(await ehrCode(), { code_verifier: undefined }),
      400,
      'invalid_grant',
    );
  });

  it('refuses the challenge itself sent as verifier (plain PKCE)', async () => {
    const { ehrCode, exchange, challenge } = sandbox();
    await refusal(
      await exchange(await ehrCode(), { code_verifier: challenge }),
      400,
      'invalid_grant',
    );
  });

  it('refuses a redirect_uri other than the one authorized', async () => {
    const { ehrCode, exchange } = sandbox();
    await refusal(
      await exchange(await ehrCode(), { redirect_uri: `${ORIGIN}/other` }),
      400,
      'invalid_grant',
    );
  });

  it('refuses a missing redirect_uri', async () => {
    const { ehrCode, exchange } = sandbox();
    await refusal(
      await exchange(await ehrCode(), { redirect_uri: undefined }),
      400,
      'invalid_grant',
    );
  });

  it('refuses a missing client_id with 401 invalid_client', async () => {
    const { ehrCode, exchange } = sandbox();
    await refusal(await exchange(await ehrCode(), { client_id: undefined }), 401, 'invalid_client');
  });

  it('refuses an unknown client_id with 401 invalid_client', async () => {
    const { ehrCode, exchange } = sandbox();
    await refusal(
      await exchange(await ehrCode(), { client_id: 'evil-app' }),
      401,
      'invalid_client',
    );
  });

  it('refuses a code issued to another registered client', async () => {
    const { ehrCode, exchange } = sandbox(OTHER_CLIENT_ENV);
    await refusal(
      await exchange(await ehrCode(), { client_id: 'other-app' }),
      400,
      'invalid_grant',
    );
  });

  it('answers 401 invalid_client for a launch made with fault=token_invalid_client', async () => {
    const { ehrCode, exchange } = sandbox();
    const code = await ehrCode({ fault: 'token_invalid_client' });
    const description = await refusal(await exchange(code), 401, 'invalid_client');
    expect(description).toMatch(/fault/);
  });
});

describe('handleTokenRequest: request shape', () => {
  it('refuses an unsupported grant type', async () => {
    const { token } = sandbox();
    await refusal(
      await token({ grant_type: 'client_credentials', client_id: CLIENT_ID }),
      400,
      'unsupported_grant_type',
    );
  });

  it('refuses a request without grant_type', async () => {
    const { token } = sandbox();
    await refusal(await token({ client_id: CLIENT_ID }), 400, 'invalid_request');
  });

  it('refuses a JSON body', async () => {
    const { deps } = sandbox();
    const response = await handleTokenRequest(
      new Request(`${ORIGIN}/sandbox/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'authorization_code' }),
      }),
      deps,
    );
    await refusal(response, 400, 'invalid_request');
  });
});

describe('handleTokenRequest: refresh_token', () => {
  async function firstTokens(env = {}) {
    const harness = sandbox(env);
    const body = await jsonOf(await harness.exchange(await harness.ehrCode()));
    return { ...harness, body, refreshToken: stringField(body, 'refresh_token') };
  }

  it('issues a new access token and rotates the refresh token', async () => {
    const { token, refreshToken, body } = await firstTokens();
    const response = await token({ grant_type: 'refresh_token', refresh_token: refreshToken });
    expect(response.status).toBe(200);
    const refreshed = await jsonOf(response);
    expect(refreshed.scope).toBe(body.scope);
    expect(refreshed.patient).toBe('pt-cancer');
    expect(stringField(refreshed, 'refresh_token')).not.toBe(refreshToken);
    const check = await verifyAccessToken(stringField(refreshed, 'access_token'));
    expect(check.ok && check.grant.patient).toBe('pt-cancer');
  });

  it('refuses a refresh token that was rotated away', async () => {
    const { token, refreshToken } = await firstTokens();
    const rotated = await jsonOf(
      await token({ grant_type: 'refresh_token', refresh_token: refreshToken }),
    );
    const replay = await token({ grant_type: 'refresh_token', refresh_token: refreshToken });
    await refusal(replay, 400, 'invalid_grant');
    // A replayed refresh token may be stolen: the grant it belongs to is revoked.
    const current = await token({
      grant_type: 'refresh_token',
      refresh_token: stringField(rotated, 'refresh_token'),
    });
    await refusal(current, 400, 'invalid_grant');
    expect((await verifyAccessToken(stringField(rotated, 'access_token'))).ok).toBe(false);
  });

  it('refuses a refresh token presented by another client', async () => {
    const { token, refreshToken } = await firstTokens(OTHER_CLIENT_ENV);
    const response = await token({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: 'other-app',
    });
    await refusal(response, 400, 'invalid_grant');
  });

  it('refuses a refresh by an unknown client with 401', async () => {
    const { token, refreshToken } = await firstTokens();
    const response = await token({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: 'evil-app',
    });
    await refusal(response, 401, 'invalid_client');
  });

  it('accepts the refresh with its own client_id (refreshTokenWithClientId)', async () => {
    const { token, refreshToken } = await firstTokens();
    const response = await token({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: CLIENT_ID,
    });
    expect(response.status).toBe(200);
  });

  it('issues no refresh token without online_access or offline_access, so refresh fails', async () => {
    const { ehrCode, exchange, token } = sandbox();
    const code = await ehrCode({}, { scope: 'launch openid fhirUser patient/Patient.r' });
    const body = await jsonOf(await exchange(code));
    expect(body).not.toHaveProperty('refresh_token');
    const response = await token({ grant_type: 'refresh_token', refresh_token: 'anything' });
    await refusal(response, 400, 'invalid_grant');
  });

  it('narrows the new access token to a requested subset', async () => {
    const { token, refreshToken } = await firstTokens();
    const response = await token({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      scope: 'patient/Patient.r online_access',
    });
    const body = await jsonOf(response);
    expect(body.scope).toBe('patient/Patient.r online_access');
    const check = await verifyAccessToken(stringField(body, 'access_token'));
    expect(check.ok && check.grant.scopes).toEqual(['patient/Patient.r', 'online_access']);
  });

  it('refuses a refresh that asks for more than was granted', async () => {
    const { token, refreshToken } = await firstTokens();
    const response = await token({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      scope: 'patient/*.cruds',
    });
    await refusal(response, 400, 'invalid_scope');
  });

  it('refuses an online_access refresh token after a working day', async () => {
    const { token, refreshToken, clock } = await firstTokens();
    clock.advance(8 * 60 * 60 * 1000 + 1);
    await refusal(
      await token({ grant_type: 'refresh_token', refresh_token: refreshToken }),
      400,
      'invalid_grant',
    );
  });
});

describe('token response headers', () => {
  it('marks a successful token response no-store and no-cache', async () => {
    const { ehrCode, exchange } = sandbox();
    const response = await exchange(await ehrCode());
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('pragma')).toBe('no-cache');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

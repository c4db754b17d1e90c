/** @jest-environment node */
import { APP_CLIENT_ID, findClient, sandboxClients } from '@/lib/sandbox/auth/clients';

describe('sandboxClients', () => {
  it('registers the app with /review on the request origin as its only redirect URI', () => {
    expect(findClient(APP_CLIENT_ID, 'http://localhost:3001', { env: {} })).toEqual({
      clientId: APP_CLIENT_ID,
      name: 'Spine Red-Flag Screener',
      redirectUris: ['http://localhost:3001/review'],
    });
  });

  it('adds clients from SANDBOX_CLIENTS, resolving relative redirect URIs', () => {
    const env = {
      SANDBOX_CLIENTS: JSON.stringify([
        { clientId: 'other', redirectUris: ['/cb', 'https://app.example/cb'] },
      ]),
    };
    expect(findClient('other', 'http://localhost:3000', { env })?.redirectUris).toEqual([
      'http://localhost:3000/cb',
      'https://app.example/cb',
    ]);
  });

  it('drops redirect URIs with a fragment or a non-http scheme', () => {
    const env = {
      SANDBOX_CLIENTS: JSON.stringify([
        { clientId: 'other', redirectUris: ['/cb#x', 'javascript:alert(1)', '/ok'] },
      ]),
    };
    expect(findClient('other', 'http://localhost:3000', { env })?.redirectUris).toEqual([
      'http://localhost:3000/ok',
    ]);
  });

  it('ignores a malformed SANDBOX_CLIENTS with a warning', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(
      sandboxClients('http://localhost:3000', { env: { SANDBOX_CLIENTS: '{nope' } }),
    ).toHaveLength(1);
    expect(
      sandboxClients('http://localhost:3000', {
        env: { SANDBOX_CLIENTS: JSON.stringify([{ clientId: 'x' }]) },
      }),
    ).toHaveLength(1);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('does not know other clients', () => {
    expect(findClient('evil-app', 'http://localhost:3000', { env: {} })).toBeUndefined();
  });
});

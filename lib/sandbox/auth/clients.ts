/**
 * The OAuth clients the sandbox EHR knows. Redirect URIs are compared as exact strings (SMART
 * App Launch; RFC 6749 §3.1.2), and the built-in client's redirect URI is computed from the
 * request origin, so the sandbox works on any port.
 */
import { envOf, type SandboxAuthDeps } from './deps';

/** The Spine Red-Flag Screener's public client id. */
export const APP_CLIENT_ID = 'spine-redflag-screener';

/** A registered public client. */
export interface SandboxClient {
  readonly clientId: string;
  /** Shown on the consent page. */
  readonly name: string;
  /** Absolute redirect URIs, compared as exact strings. */
  readonly redirectUris: readonly string[];
}

interface ClientConfig {
  readonly clientId: string;
  readonly name?: string;
  readonly redirectUris: readonly string[];
}

function isStringArray(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isClientConfig(value: unknown): value is ClientConfig {
  if (typeof value !== 'object' || value === null) return false;
  const clientId: unknown = Reflect.get(value, 'clientId');
  const name: unknown = Reflect.get(value, 'name');
  return (
    typeof clientId === 'string' &&
    clientId !== '' &&
    (name === undefined || typeof name === 'string') &&
    isStringArray(Reflect.get(value, 'redirectUris'))
  );
}

/** A redirect URI resolved against the origin; undefined if unusable (RFC 6749 bans fragments). */
function resolveRedirectUri(uri: string, origin: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri, `${origin}/`);
  } catch {
    return undefined;
  }
  if (url.hash !== '' || uri.includes('#')) return undefined;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // An absolute URI is kept as written: redirect URIs are compared as exact strings.
  return /^https?:\/\//i.test(uri) ? uri : url.href;
}

/**
 * Extra clients from `SANDBOX_CLIENTS`: a JSON array of `{clientId, redirectUris, name?}`.
 * A malformed value is ignored with a warning, so a typo cannot take the sandbox down.
 */
function configuredClients(raw: string | undefined): readonly ClientConfig[] {
  if (raw === undefined || raw.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    console.warn('SANDBOX_CLIENTS is not valid JSON; ignored.', error);
    return [];
  }
  if (!Array.isArray(parsed)) {
    console.warn('SANDBOX_CLIENTS must be a JSON array; ignored.');
    return [];
  }
  const valid = parsed.filter(isClientConfig);
  if (valid.length !== parsed.length) {
    console.warn('SANDBOX_CLIENTS: entries without clientId or redirectUris (string[]) ignored.');
  }
  return valid;
}

/**
 * Every registered client, with redirect URIs made absolute for this origin.
 * @param origin - the request origin, e.g. `http://localhost:3000`
 * @param deps - environment (`SANDBOX_CLIENTS`)
 */
export function sandboxClients(
  origin: string,
  deps: Pick<SandboxAuthDeps, 'env'>,
): readonly SandboxClient[] {
  const configs: ClientConfig[] = [
    { clientId: APP_CLIENT_ID, name: 'Spine Red-Flag Screener', redirectUris: ['/review'] },
    ...configuredClients(envOf(deps).SANDBOX_CLIENTS),
  ];
  const byId = new Map<string, SandboxClient>();
  for (const config of configs) {
    const uris = config.redirectUris
      .map((uri) => resolveRedirectUri(uri, origin))
      .filter((uri): uri is string => uri !== undefined);
    const existing = byId.get(config.clientId);
    byId.set(config.clientId, {
      clientId: config.clientId,
      name: existing?.name ?? config.name ?? config.clientId,
      redirectUris: [...new Set([...(existing?.redirectUris ?? []), ...uris])],
    });
  }
  return [...byId.values()];
}

/**
 * The registered client with this id.
 * @param clientId - the `client_id` sent by the app
 * @param origin - the request origin
 * @param deps - environment (`SANDBOX_CLIENTS`)
 */
export function findClient(
  clientId: string,
  origin: string,
  deps: Pick<SandboxAuthDeps, 'env'>,
): SandboxClient | undefined {
  return sandboxClients(origin, deps).find((client) => client.clientId === clientId);
}

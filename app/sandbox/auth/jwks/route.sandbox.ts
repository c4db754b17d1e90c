import { sandboxJwks } from '@/lib/sandbox/auth/tokens';

/** Public keys of the sandbox's `id_token`s (`jwks_uri` of its SMART configuration). */
export async function GET(): Promise<Response> {
  return Response.json(await sandboxJwks(), { headers: { 'Cache-Control': 'no-store' } });
}

import { sandboxAuthDeps } from '@/lib/sandbox/auth/deps';
import { methodNotAllowed } from '@/lib/sandbox/auth/responses';
import { handleTokenRequest } from '@/lib/sandbox/auth/token';

export function POST(request: Request): Promise<Response> {
  return handleTokenRequest(request, sandboxAuthDeps());
}

export function GET(): Response {
  return methodNotAllowed();
}

import { sandboxAuthDeps } from '@/lib/sandbox/auth/deps';
import { handleQaToken } from '@/lib/sandbox/auth/qa';
import { methodNotAllowed } from '@/lib/sandbox/auth/responses';

export function POST(request: Request): Promise<Response> {
  return handleQaToken(request, sandboxAuthDeps());
}

export function GET(): Response {
  return methodNotAllowed();
}

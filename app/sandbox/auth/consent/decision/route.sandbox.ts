import { handleConsentDecision } from '@/lib/sandbox/auth/consent';
import { sandboxAuthDeps } from '@/lib/sandbox/auth/deps';
import { methodNotAllowed } from '@/lib/sandbox/auth/responses';

export function POST(request: Request): Promise<Response> {
  return handleConsentDecision(request, sandboxAuthDeps());
}

export function GET(): Response {
  return methodNotAllowed();
}

import { handleAuthorize } from '@/lib/sandbox/auth/authorize';
import { sandboxAuthDeps } from '@/lib/sandbox/auth/deps';

export function GET(request: Request): Promise<Response> {
  return handleAuthorize(request, sandboxAuthDeps());
}

export function POST(request: Request): Promise<Response> {
  return handleAuthorize(request, sandboxAuthDeps());
}

import { sandboxAuthDeps } from '@/lib/sandbox/auth/deps';
import { handleSandboxLaunch } from '@/lib/sandbox/auth/launch';

export function GET(request: Request): Promise<Response> {
  return handleSandboxLaunch(request, sandboxAuthDeps());
}

import { buildSmartConfiguration } from '@/lib/sandbox/auth/smart-configuration';
import { verifyAccessToken } from '@/lib/sandbox/auth/tokens';
import type { ServeFhirDeps } from '@/lib/sandbox/fhir/serve';
import { serveSandboxFhir } from '@/lib/sandbox/fhir/serve';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const deps: ServeFhirDeps = {
  verifyToken: (token, fhirBase) => verifyAccessToken(token, { audience: fhirBase }),
  smartConfiguration: buildSmartConfiguration,
};

function serve(request: Request): Promise<Response> {
  return serveSandboxFhir(request, deps);
}

export const GET = serve;
export const POST = serve;
export const PUT = serve;
export const DELETE = serve;
export const PATCH = serve;

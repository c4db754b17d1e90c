import { errorResponse } from '@/lib/sandbox/fhir/outcome';
import { resetSandbox } from '@/lib/sandbox/seed/sandbox-seed';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(): Promise<Response> {
  try {
    await resetSandbox();
  } catch (error) {
    return errorResponse(error);
  }
  return Response.json({ reset: true }, { headers: { 'Cache-Control': 'no-store' } });
}

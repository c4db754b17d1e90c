import type { Metadata } from 'next';
import { loadConsentView } from '@/lib/sandbox/auth/consent';
import { sandboxAuthDeps } from '@/lib/sandbox/auth/deps';
import { SANDBOX_LABEL } from '@/lib/sandbox/auth/responses';
import { ConsentForm } from './_components/consent-form';

export const metadata: Metadata = { title: `Authorize app · ${SANDBOX_LABEL}` };

interface ConsentPageProps {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function ConsentPage({ searchParams }: ConsentPageProps) {
  const view = await loadConsentView(first((await searchParams).request), sandboxAuthDeps());
  if (view.status === 'expired') {
    return (
      <main>
        <p>
          <strong>{SANDBOX_LABEL}</strong>
        </p>
        <h1>This authorization request has expired</h1>
        <p>Sign-in requests are valid for ten minutes and can be answered once.</p>
        <p>Go back to the app and launch it again.</p>
      </main>
    );
  }
  return <ConsentForm view={view} />;
}

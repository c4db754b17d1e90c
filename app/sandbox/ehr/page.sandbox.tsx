import type { Metadata } from 'next';
import { sandboxAuthDeps } from '@/lib/sandbox/auth/deps';
import { loadEhrChart } from '@/lib/sandbox/auth/launch';
import { SANDBOX_LABEL } from '@/lib/sandbox/auth/responses';
import { EhrChart } from './_components/ehr-chart';

export const metadata: Metadata = { title: `Patient chart · ${SANDBOX_LABEL}` };

interface EhrPageProps {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function EhrPage({ searchParams }: EhrPageProps) {
  const chart = await loadEhrChart(first((await searchParams).launch), sandboxAuthDeps());
  if (chart.status === 'expired') {
    return (
      <main>
        <p>
          <strong>{SANDBOX_LABEL}</strong>
        </p>
        <h1>This launch has expired</h1>
        <p>Sandbox launches are valid for ten minutes. Start the launch again.</p>
      </main>
    );
  }
  return (
    <EhrChart patient={chart.patient} practitioner={chart.practitioner} appUrl={chart.appUrl} />
  );
}

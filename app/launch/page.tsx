import type { Metadata } from 'next';
import { planLaunch, type LaunchPlan } from '@/lib/smart/launch';
import { requestConfig } from '../_server/request-config';
import { LaunchRunner } from './_components/launch-runner';

export const metadata: Metadata = { title: 'Launching — Spine Red-Flag Screener' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function toParams(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
      params.append(key, v);
  }
  return params;
}

/** The SMART launch URL: `/launch?iss=…&launch=…` (EHR) or `/launch?iss=…` / `/launch` (standalone). */
export default async function LaunchPage({ searchParams }: { searchParams: SearchParams }) {
  const config = await requestConfig();
  const plan: LaunchPlan = config.registrations.ok
    ? planLaunch(toParams(await searchParams), config.registrations.registrations)
    : { status: 'refused', reason: 'config-error', detail: config.registrations.error };
  return (
    <main>
      <LaunchRunner plan={plan} />
    </main>
  );
}

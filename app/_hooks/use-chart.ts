'use client';

import { useState } from 'react';
import useSWR from 'swr';
import type { Patient } from 'fhir/r4';
import { fetchChart, type FetchedChart } from '@/lib/fhir/chart';
import type { FhirRequestError } from '@/lib/fhir/errors';
import { DEFAULT_TERMINOLOGY } from '@/lib/redflags/default-terminology';
import { useSmartSession } from '@/app/_providers/smart-session';
import { localNow } from './local-now';

/** The chart as read, with the T0 taken when the read started. */
export interface LoadedChart {
  readonly chart: FetchedChart;
  /** T0 of the read (local time): the Observation date floor and the first evaluation time. */
  readonly t0: string;
}

/**
 * The patient's chart, read once per session through SWR: the Patient and the Observation,
 * Condition, Procedure and MedicationRequest searches in one parallel wave (`fetchChart`; no
 * `/metadata` round trip). A failed search is in `chart.failures`, never an empty list; a failed
 * Patient read is `error`. `patient` is available as soon as the Patient read answers.
 */
export function useChart() {
  const { client, serverUrl, patientId } = useSmartSession();
  const [earlyPatient, setEarlyPatient] = useState<Patient | undefined>(undefined);
  const { data, error, isLoading, mutate } = useSWR<LoadedChart, FhirRequestError>(
    ['chart', serverUrl, patientId],
    async () => {
      const t0 = localNow();
      const chart = await fetchChart(client, patientId, {
        now: t0,
        terminology: DEFAULT_TERMINOLOGY,
        onPatient: setEarlyPatient,
      });
      return { chart, t0 };
    },
    {
      revalidateOnFocus: false,
      revalidateOnReconnect: false,
      revalidateIfStale: false,
      shouldRetryOnError: false,
    },
  );
  return {
    loaded: data,
    patient: data?.chart.patient ?? (error ? undefined : earlyPatient),
    error,
    isLoading,
    reload: () => mutate(),
  };
}

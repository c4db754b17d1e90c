'use client';

import { useState } from 'react';
import useSWR from 'swr';
import type { Patient } from 'fhir/r4';
import { fetchChart, type FetchedChart } from '@/lib/fhir/chart';
import type { FhirRequestError } from '@/lib/fhir/errors';
import { DEFAULT_TERMINOLOGY } from '@/lib/redflags/default-terminology';
import type { SmartClient } from '@/lib/smart/client';
import { useSmartSession } from '@/app/_providers/smart-session';
import { localNow } from './local-now';

/** The chart as read, with the T0 taken when the read started. */
export interface LoadedChart {
  readonly chart: FetchedChart;
  /** T0 of the read (local time): the Observation date floor and the first evaluation time. */
  readonly t0: string;
}

function isOwnPatient(body: unknown, patientId: string): body is Patient {
  return (
    typeof body === 'object' &&
    body !== null &&
    'resourceType' in body &&
    body.resourceType === 'Patient' &&
    (!('id' in body) || body.id === undefined || body.id === patientId)
  );
}

/**
 * The client, observed: when the chart read's own `Patient/<id>` request answers, the Patient is
 * handed to `onPatient` at once, so the banner shows while the searches of the same wave are
 * still running (one Patient read, not two; no request waits for another).
 */
function observePatientRead(
  client: SmartClient,
  patientId: string,
  onPatient: (patient: Patient) => void,
): SmartClient {
  const patientUrl = `Patient/${encodeURIComponent(patientId)}`;
  return {
    request: <T>(...args: Parameters<SmartClient['request']>): Promise<T> => {
      const pending = client.request<T>(...args);
      if (args[0] === patientUrl) {
        pending.then(
          (body) => {
            if (isOwnPatient(body, patientId)) onPatient(body);
          },
          () => undefined, // the chart read reports the failure
        );
      }
      return pending;
    },
  };
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
      const observed = observePatientRead(client, patientId, setEarlyPatient);
      const chart = await fetchChart(observed, patientId, {
        now: t0,
        terminology: DEFAULT_TERMINOLOGY,
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

'use client';

import useSWR from 'swr';
import type { Patient } from 'fhir/r4';
import { fetchPatient } from '@/lib/fhir/patient';
import type { FhirRequestError } from '@/lib/fhir/errors';
import { useSmartSession } from '@/app/_providers/smart-session';

/** The Patient in launch context, read once per session. */
export function usePatient() {
  const { client, serverUrl, patientId } = useSmartSession();
  const { data, error, isLoading, mutate } = useSWR<Patient, FhirRequestError>(
    ['patient', serverUrl, patientId],
    () => fetchPatient(client, patientId),
    { revalidateOnFocus: false, revalidateOnReconnect: false, shouldRetryOnError: false },
  );
  return { patient: data, error, isLoading, reload: () => mutate() };
}

'use client';

import { useCallback, useRef } from 'react';
import useSWRMutation from 'swr/mutation';
import {
  fetchSupportsTransactions,
  writeResources,
  type WriteItem,
  type WriteOutcome,
} from '@/lib/fhir/write';
import { useSmartSession } from '@/app/_providers/smart-session';

/**
 * Writes a screening's resources through `lib/fhir/write` (search by identifier first, then a
 * transaction when the CapabilityStatement lists one — metadata is read here, at write time only
 * — else one by one with conditional create). Each resource gets its own outcome; nothing is
 * retried automatically. A second call while one is running joins it (a double click never writes
 * twice).
 * @param screeningId - the screening whose resources are written
 */
export function useWriteBack(screeningId: string | undefined) {
  const { client, serverUrl } = useSmartSession();
  const running = useRef<Promise<WriteOutcome[] | undefined> | undefined>(undefined);
  const { trigger, data, error, isMutating, reset } = useSWRMutation<
    WriteOutcome[],
    Error,
    readonly [string, string, string | undefined],
    readonly WriteItem[]
  >(
    ['write-back', serverUrl, screeningId] as const,
    async (_key, { arg }) => {
      const transactions = await fetchSupportsTransactions(client);
      return writeResources(client, arg, { transactions });
    },
    { revalidate: false, populateCache: false },
  );

  const write = useCallback(
    (items: readonly WriteItem[]): Promise<WriteOutcome[] | undefined> => {
      if (running.current) return running.current;
      const pending = trigger(items, { throwOnError: false }).finally(() => {
        running.current = undefined;
      });
      running.current = pending;
      return pending;
    },
    [trigger],
  );

  return {
    write,
    /** Outcomes of the last write, one per resource, in write order. */
    outcomes: data,
    /** An unexpected failure of the write itself (server problems are per-resource outcomes). */
    error,
    writing: isMutating,
    reset,
  };
}

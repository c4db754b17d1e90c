'use client';

import type { WriteItem, WriteOutcome } from '@/lib/fhir/write';
import { describeWriteItem } from '@/lib/screening/write-plan';
import { ResourceLink } from './resource-link';

/** The state of one resource: pending while writing, else its outcome. */
function stateOf(
  outcome: WriteOutcome | undefined,
  writing: boolean,
  failed: Error | undefined,
): 'pending' | 'created' | 'failed' {
  if (outcome?.state === 'created') return 'created';
  if (writing) return 'pending';
  if (outcome?.state === 'failed' || failed !== undefined) return 'failed';
  return 'pending';
}

/**
 * One line per resource written or attempted (QA contract `write-status`): created with its id and
 * a link, failed with the server's error in words, or pending.
 */
export function WriteStatusList({
  items,
  outcomes,
  writing,
  error,
}: {
  items: readonly WriteItem[];
  outcomes: readonly WriteOutcome[] | undefined;
  writing: boolean;
  error: Error | undefined;
}) {
  return (
    <ul className="plain write-statuses">
      {items.map((item) => {
        const outcome = outcomes?.find((o) => o.key === item.key);
        const state = stateOf(outcome, writing, error);
        const summary = describeWriteItem(item);
        return (
          <li
            key={item.key}
            className={`write-status write-${state}`}
            data-testid="write-status"
            data-state={state}
            data-key={item.key}
            data-reference={outcome?.state === 'created' ? outcome.reference : undefined}
          >
            <strong>{summary.title}</strong>:{' '}
            {state === 'pending' ? (
              <span>writing…</span>
            ) : outcome?.state === 'created' ? (
              <span>
                saved as{' '}
                <ResourceLink reference={outcome.reference}>{outcome.reference}</ResourceLink>
                {outcome.existed
                  ? ' (already there from an earlier attempt; not written twice)'
                  : ''}
              </span>
            ) : outcome?.state === 'failed' ? (
              <span>
                not saved. {outcome.error.message}
                {outcome.error.outcome ? (
                  <span className="detail"> EHR message: {outcome.error.outcome}</span>
                ) : null}
                {outcome.error.status ? (
                  <span className="muted"> (HTTP {outcome.error.status})</span>
                ) : null}
              </span>
            ) : (
              <span>not saved. {error?.message ?? 'The write did not complete.'}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

import type { HistoryEntry } from '@/lib/screening/chart-view';
import { ResourceLink } from './resource-link';

const SECTIONS = [
  { type: 'Condition', heading: 'Conditions' },
  { type: 'Procedure', heading: 'Procedures' },
  { type: 'MedicationRequest', heading: 'Medications' },
] as const;

/**
 * The Conditions, Procedures and medications the engine matched, and which item each informs; a
 * search that failed is said to be unavailable, never "none".
 */
export function ChartHistory({
  entries,
  texts,
  unavailable,
}: {
  entries: readonly HistoryEntry[];
  texts: ReadonlyMap<string, string>;
  unavailable: ReadonlySet<string>;
}) {
  return (
    <section aria-labelledby="chart-history-heading">
      <h3 id="chart-history-heading">Conditions, procedures and medications that matter</h3>
      {SECTIONS.map(({ type, heading }) => {
        const list = entries.filter((e) => e.resourceType === type);
        return (
          <div key={type}>
            <h4>{heading}</h4>
            {unavailable.has(type) ? (
              <p className="muted">Unavailable: the search failed.</p>
            ) : list.length === 0 ? (
              <p className="muted">None matches a red-flag list.</p>
            ) : (
              <ul className="plain history">
                {list.map((entry, index) => (
                  <li key={entry.reference ?? index}>
                    <ResourceLink reference={entry.reference}>{entry.detail}</ResourceLink>
                    <ul className="roles">
                      {entry.roles.map((role) => (
                        <li key={`${role.authority}-${role.linkId}`} className="muted">
                          {role.authority === 'chart'
                            ? 'Chart evidence for'
                            : 'Suggests an answer to'}{' '}
                          “{texts.get(role.linkId) ?? role.linkId}”
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}

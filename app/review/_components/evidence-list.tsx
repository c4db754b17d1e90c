import type { Evidence } from '@/lib/redflags/types';
import { ResourceLink } from './resource-link';

/** Where an evidence entry comes from, in words. */
function sourceOf(reference: string | null): string | undefined {
  if (reference === null) return 'absence of data';
  if (reference.startsWith('QuestionnaireResponse#')) return 'your answer';
  return undefined;
}

/** What made a rule or advisory fire: each entry's detail and the resource it points at. */
export function EvidenceList({ evidence }: { evidence: readonly Evidence[] }) {
  if (evidence.length === 0) return null;
  return (
    <ul className="evidence">
      {evidence.map((e, index) => {
        const source = sourceOf(e.reference);
        return (
          <li key={`${e.reference ?? ''}-${index}`}>
            <span>{e.detail}</span>{' '}
            {source ? (
              <span className="muted">({source})</span>
            ) : (
              <ResourceLink reference={e.reference} />
            )}
          </li>
        );
      })}
    </ul>
  );
}

import type { AdvisoryView } from '@/lib/screening/assessment-view';
import { EvidenceList } from './evidence-list';

/** One advisory (never changes the tier): its text, evidence and source. */
export function AdvisoryItem({ advisory }: { advisory: AdvisoryView }) {
  return (
    <li className="advisory" data-testid="advisory" data-advisory-id={advisory.id}>
      <h4>
        {advisory.title} <span className="muted detail">{advisory.id}</span>
      </h4>
      <p>{advisory.text}</p>
      <EvidenceList evidence={advisory.evidence} />
      <p className="source muted small">Source: {advisory.source}</p>
    </li>
  );
}

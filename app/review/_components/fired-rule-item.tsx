import type { FiredRuleView } from '@/lib/screening/assessment-view';
import { EvidenceList } from './evidence-list';

/** One fired rule: what it is, its tier, the action, why it fired and where the rule comes from. */
export function FiredRuleItem({ rule }: { rule: FiredRuleView }) {
  return (
    <li className="fired-rule" data-testid="fired-rule" data-rule-id={rule.id}>
      <h4>
        {rule.title} <span className={`tier-badge tier-${rule.tier}`}>{rule.tier}</span>{' '}
        <span className="muted detail">{rule.id}</span>
      </h4>
      {rule.action ? <p>{rule.action}</p> : null}
      <p className="muted small">Why:</p>
      <EvidenceList evidence={rule.evidence} />
      <p className="source muted small">Source: {rule.source}</p>
    </li>
  );
}

import type { Advisory } from '../rule';

/**
 * ADV-DISCREPANCY (§5.4, §3.7): the clinician answered "No" (for `hx-ivdu`: anything but
 * `current`) to a chart-authoritative item while qualifying chart evidence exists. The fact stays
 * true. Evidence: one entry per item and resource.
 */
export const advDiscrepancy: Advisory = {
  id: 'ADV-DISCREPANCY',
  title: 'Answer contradicts the chart',
  source: 'clinical-spec §3.7, §5.4',
  text: 'A history answer contradicts a chart record; the chart record counts until it is corrected in the EHR (refuted / entered-in-error).',
  evaluate: (facts) => {
    const [first, ...rest] = facts.discrepancies;
    return first === undefined ? undefined : { labs: [], evidence: [first, ...rest] };
  },
};

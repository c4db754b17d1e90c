import type { Advisory } from '../rule';

/**
 * ADV-DATA-QUALITY (§5.4, §3.2): an Observation of an ESR, CRP, WBC, temperature or weight
 * decision code with a usable status was rejected for its value, comparator, unit or time.
 * Evidence: one entry per rejected Observation with the reason.
 */
export const advDataQuality: Advisory = {
  id: 'ADV-DATA-QUALITY',
  title: 'Chart results that could not be used',
  source: 'clinical-spec §3.2, §5.4',
  text: 'Some chart results could not be used (value, unit or date); they are listed with the reason.',
  evaluate: (facts) => {
    const [first, ...rest] = facts.dataQuality;
    return first === undefined ? undefined : { labs: [], evidence: [first, ...rest] };
  },
};

import { evidenceOf, type Advisory } from '../rule';

/** ADV-NAI (§5.4, B12c): `AGE < 2 AND TRAUMA ≠ none`. Evidence: the age and the trauma answer. */
export const advNai: Advisory = {
  id: 'ADV-NAI',
  title: 'Consider non-accidental injury',
  source: 'clinical-spec §5.4',
  text: 'Back injury under 2 years: consider non-accidental injury and follow the local safeguarding pathway.',
  evaluate: (facts) => {
    if (facts.age >= 2 || facts.trauma === 'none') return undefined;
    return { labs: [], evidence: evidenceOf(facts, 'injury under 2 years', 'AGE', 'TRAUMA') };
  },
};

import { evidenceOf, type RedFlagRule } from '../rule';

/**
 * RF-IMMUNOSUPP — immunosuppressed (§5.3, All, SOON): `IMMUNOSUPP AND NOT RF-INFECTION`
 * (applies to children too, O7). IMMUNOSUPP = chart §10.3 D (CURRENT) or `hx-immunosuppression`.
 * Imaging `MRI_WWO`. Evidence: the Conditions or answer.
 */
export const rfImmunosupp: RedFlagRule = {
  id: 'RF-IMMUNOSUPP',
  title: 'Immunosuppressed',
  source: 'clinical-spec §5.3; ACR LBP V7 (S1)',
  applies: 'All',
  evaluate: (facts, fired) => {
    if (!facts.immunosupp || fired.has('RF-INFECTION')) return undefined;
    return {
      tier: 'SOON',
      imaging: 'MRI_WWO',
      labs: [],
      evidence: evidenceOf(facts, 'immunosuppression', 'IMMUNOSUPP'),
    };
  },
};

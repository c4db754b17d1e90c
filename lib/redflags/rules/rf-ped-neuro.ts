import { evidenceOf, type RedFlagRule } from '../rule';

/**
 * RF-PED-NEURO — child with abnormal neurological examination (§5.2, §6.4, Ped, URGENT):
 * `q.abnormal-neuro-exam AND NOT RF-CES AND NOT RF-NEURO-PROG`. Imaging `MRI_WO`. Evidence: the
 * answer.
 */
export const rfPedNeuro: RedFlagRule = {
  id: 'RF-PED-NEURO',
  title: 'Child with abnormal neurological examination',
  source: 'clinical-spec §5.2, §6.4; ACR Back Pain–Child (S2), Ramirez 2019 (S28)',
  applies: 'Ped',
  evaluate: (facts, fired) => {
    if (!facts.q.bool('abnormal-neuro-exam') || fired.has('RF-CES') || fired.has('RF-NEURO-PROG')) {
      return undefined;
    }
    return {
      tier: 'URGENT',
      imaging: 'MRI_WO',
      labs: [],
      evidence: evidenceOf(facts, 'abnormal neurological examination', 'q:abnormal-neuro-exam'),
    };
  },
};

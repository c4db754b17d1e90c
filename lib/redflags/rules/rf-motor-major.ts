import { evidenceOf, type RedFlagRule } from '../rule';

/**
 * RF-MOTOR-MAJOR — major motor weakness (§5.2, Adult, URGENT): `motor-grade-min ≤ 3` (MRC) and
 * not RF-NEURO-PROG. Imaging `MRI_WO`. Evidence: the motor grade answer.
 */
export const rfMotorMajor: RedFlagRule = {
  id: 'RF-MOTOR-MAJOR',
  title: 'Major motor weakness',
  source: 'clinical-spec §5.2; AHCPR (S14)',
  applies: 'Adult',
  evaluate: (facts, fired) => {
    if (facts.q.motorGradeMin > 3 || fired.has('RF-NEURO-PROG')) return undefined;
    return {
      tier: 'URGENT',
      imaging: 'MRI_WO',
      labs: [],
      evidence: evidenceOf(facts, 'MRC grade ≤ 3', 'q:motor-grade-min'),
    };
  },
};

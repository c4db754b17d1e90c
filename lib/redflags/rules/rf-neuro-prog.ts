import { evidenceOf, held, type RedFlagRule } from '../rule';

/**
 * RF-NEURO-PROG — severe or progressive neurological deficit, or cord signs (§5.1, All,
 * EMERGENT). Reads `neuro-progressive`, `motor-multilevel`, `cord-signs`. Imaging `MRI_WO`
 * (COMPLETE with cord signs, §7.3). Evidence: the positive answers.
 */
export const rfNeuroProg: RedFlagRule = {
  id: 'RF-NEURO-PROG',
  title: 'Severe or progressive neurological deficit, or cord signs',
  source: 'clinical-spec §5.1; ACP 2011 (S8), ACR LBP (S1), NG234 (S12)',
  applies: 'All',
  evaluate: (facts) => {
    const keys = held(
      [facts.q.bool('neuro-progressive'), 'q:neuro-progressive'],
      [facts.q.bool('motor-multilevel'), 'q:motor-multilevel'],
      [facts.q.bool('cord-signs'), 'q:cord-signs'],
    );
    if (keys.length === 0) return undefined;
    return {
      tier: 'EMERGENT',
      imaging: 'MRI_WO',
      labs: [],
      evidence: evidenceOf(facts, 'progressive deficit or cord signs', ...keys),
    };
  },
};

import { evidenceOf, held, type RedFlagRule } from '../rule';

/**
 * RF-CANCER-HX — history of malignancy (§5.3, All): `CANCER_HX` (chart §10.3 A, HISTORY filter,
 * or `hx-cancer`). Tier URGENT if `radicular-pain OR cord-signs OR abnormal-neuro-exam OR
 * (AGE ≥ 18 AND motor-grade-min ≤ 4)` [B7], otherwise SOON. Imaging `MRI_WWO`. Evidence: the
 * malignancy Conditions or answer, and the neurological answers that raised the tier.
 */
export const rfCancerHx: RedFlagRule = {
  id: 'RF-CANCER-HX',
  title: 'History of malignancy',
  source: 'clinical-spec §5.3; Downie 2013 (S16), ACP 2011 (S8), ACR LBP V7 (S1), NG234 (S12)',
  applies: 'All',
  evaluate: (facts) => {
    if (!facts.cancerHx) return undefined;
    const neuro = held(
      [facts.q.bool('radicular-pain'), 'q:radicular-pain'],
      [facts.q.bool('cord-signs'), 'q:cord-signs'],
      [facts.q.bool('abnormal-neuro-exam'), 'q:abnormal-neuro-exam'],
      [facts.age >= 18 && facts.q.motorGradeMin <= 4, 'q:motor-grade-min'],
    );
    return {
      tier: neuro.length > 0 ? 'URGENT' : 'SOON',
      imaging: 'MRI_WWO',
      labs: [],
      evidence: evidenceOf(facts, 'history of malignancy', 'CANCER_HX', ...neuro),
    };
  },
};

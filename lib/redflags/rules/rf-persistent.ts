import { evidenceOf, type RedFlagRule } from '../rule';

/**
 * RF-PERSISTENT — pain > 4 weeks despite conservative treatment (§5.3, Adult, SOON): `FAILED_4W`.
 * Imaging `MRI_WO` if `DURATION ≥ 42 AND q.surgical-candidate`, otherwise none (re-evaluate within
 * 7 days). Evidence: duration and conservative-treatment answers (and surgical candidacy).
 */
export const rfPersistent: RedFlagRule = {
  id: 'RF-PERSISTENT',
  title: 'Pain > 4 weeks despite conservative treatment',
  source: 'clinical-spec §5.3; ACP/APS 2007 (S7), ACR LBP V2–V3 (S1)',
  applies: 'Adult',
  evaluate: (facts) => {
    if (!facts.failed4w) return undefined;
    const duration = facts.q.duration;
    const mri = duration !== undefined && duration >= 42 && facts.q.bool('surgical-candidate');
    return {
      tier: 'SOON',
      imaging: mri ? 'MRI_WO' : null,
      labs: [],
      evidence: evidenceOf(
        facts,
        'persistent pain after conservative treatment',
        'FAILED_4W',
        ...(mri ? (['q:surgical-candidate'] as const) : []),
      ),
    };
  },
};

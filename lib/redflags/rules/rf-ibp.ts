import { evidenceOf, type RedFlagRule } from '../rule';

/**
 * RF-IBP — inflammatory back pain features (§5.3, Adult, SOON): `q.ibp-features AND
 * DURATION ≥ 90` [O3]. Imaging `XR_PELVIS` (always secondary, §7.2); labs ESR, CRP. Evidence: the
 * answers.
 */
export const rfIbp: RedFlagRule = {
  id: 'RF-IBP',
  title: 'Inflammatory back pain features',
  source: 'clinical-spec §5.3; ACP/APS 2007 (S7), Rudwaleit 2006 (S37), ACP 2011 (S8)',
  applies: 'Adult',
  evaluate: (facts) => {
    const duration = facts.q.duration;
    if (!facts.q.bool('ibp-features') || duration === undefined || duration < 90) return undefined;
    return {
      tier: 'SOON',
      imaging: 'XR_PELVIS',
      labs: ['ESR', 'CRP'],
      evidence: evidenceOf(facts, 'inflammatory back pain ≥ 90 days', 'q:ibp-features', 'DURATION'),
    };
  },
};

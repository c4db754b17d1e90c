import { evidenceOf, type RedFlagRule } from '../rule';

/**
 * RF-POSTOP-NEW — prior spine surgery with new or progressive symptoms (§5.3, All, SOON):
 * `SPINE_SURGERY AND q.postop-new-symptoms` (the item is enabled whenever SPINE_SURGERY holds,
 * from chart or answer, §9.2). Imaging `MRI_WWO`. Evidence: the surgery and the answer.
 */
export const rfPostopNew: RedFlagRule = {
  id: 'RF-POSTOP-NEW',
  title: 'Prior spine surgery with new or progressive symptoms',
  source: 'clinical-spec §5.3; ACR LBP V5 (S1)',
  applies: 'All',
  evaluate: (facts) => {
    if (!facts.spineSurgery || !facts.q.bool('postop-new-symptoms')) return undefined;
    return {
      tier: 'SOON',
      imaging: 'MRI_WWO',
      labs: [],
      evidence: evidenceOf(
        facts,
        'post-operative new symptoms',
        'SPINE_SURGERY',
        'q:postop-new-symptoms',
      ),
    };
  },
};

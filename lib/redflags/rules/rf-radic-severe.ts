import { evidenceOf, type RedFlagRule } from '../rule';

/**
 * RF-RADIC-SEVERE — severe or worsening radicular pain (§5.3, Adult, SOON):
 * `q.radicular-severe-worsening`. Imaging `MRI_WO` only if `DURATION ≥ 42 AND q.conservative-tried
 * AND q.surgical-candidate`, else none. Evidence: the answers.
 */
export const rfRadicSevere: RedFlagRule = {
  id: 'RF-RADIC-SEVERE',
  title: 'Severe or worsening radicular pain',
  source: 'clinical-spec §5.3; ACR LBP V1 (S1)',
  applies: 'Adult',
  evaluate: (facts) => {
    if (!facts.q.bool('radicular-severe-worsening')) return undefined;
    const duration = facts.q.duration;
    const mri =
      duration !== undefined &&
      duration >= 42 &&
      facts.q.bool('conservative-tried') &&
      facts.q.bool('surgical-candidate');
    return {
      tier: 'SOON',
      imaging: mri ? 'MRI_WO' : null,
      labs: [],
      evidence: evidenceOf(
        facts,
        'severe or worsening radicular pain',
        'q:radicular-severe-worsening',
        ...(mri
          ? (['q:duration-days', 'q:conservative-tried', 'q:surgical-candidate'] as const)
          : []),
      ),
    };
  },
};

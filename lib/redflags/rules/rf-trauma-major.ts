import { evidenceOf, type RedFlagRule } from '../rule';

/**
 * RF-TRAUMA-MAJOR — major trauma, or a minor fall in an ankylosed spine (§5.1, All, EMERGENT).
 * Reads `trauma` and ANKYLOSED (chart §10.3 I, HISTORY, or `hx-ankylosing`). Imaging `CT_WO` when
 * AGE ≥ 16, otherwise `XR`. Evidence: the trauma answer, the ankylosed-spine evidence and the age.
 */
export const rfTraumaMajor: RedFlagRule = {
  id: 'RF-TRAUMA-MAJOR',
  title: 'Major trauma, or a minor fall in an ankylosed spine',
  source: 'clinical-spec §5.1; AHCPR (S14), ACR Suspected Spine Trauma (S4), S38',
  applies: 'All',
  action:
    'Trauma pathway — emergency evaluation; imaging per local trauma protocol. Ankylosed spine: treat as unstable until imaged.',
  evaluate: (facts) => {
    const major = facts.trauma === 'major';
    const ankylosedFall = facts.trauma === 'minor-fall' && facts.ankylosed;
    if (!major && !ankylosedFall) return undefined;
    return {
      tier: 'EMERGENT',
      imaging: facts.age >= 16 ? 'CT_WO' : 'XR',
      labs: [],
      evidence: evidenceOf(
        facts,
        'major trauma',
        'TRAUMA',
        ...(ankylosedFall && !major ? (['ANKYLOSED'] as const) : []),
        'AGE',
      ),
    };
  },
};

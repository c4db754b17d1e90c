import { evidenceOf, held, type Advisory } from '../rule';

/**
 * ADV-RADICULOPATHY (§5.4): `q.radicular-pain OR (q.slr-positive AND 30 ≤ q.slr-angle ≤ 60)`.
 * Evidence: the answers.
 */
export const advRadiculopathy: Advisory = {
  id: 'ADV-RADICULOPATHY',
  title: 'Nerve-root irritation pattern',
  source: 'clinical-spec §5.4; seed (SLR 30–60°), ACR LBP V1 (S1)',
  text: 'Nerve-root irritation pattern (seed: SLR pain at 30–60°). Without red flags, imaging is not indicated in the first 6 weeks (ACR V1).',
  evaluate: (facts) => {
    const angle = facts.q.slrAngle;
    const slr = facts.q.bool('slr-positive') && angle !== undefined && angle >= 30 && angle <= 60;
    const keys = held(
      [facts.q.bool('radicular-pain'), 'q:radicular-pain'],
      [slr, 'q:slr-positive', 'q:slr-angle'],
    );
    if (keys.length === 0) return undefined;
    return { labs: [], evidence: evidenceOf(facts, 'radicular pattern', ...keys) };
  },
};

import { evidenceOf, type Advisory } from '../rule';

/** ADV-VISCERAL (§5.4, B12a): `q.visceral-signs`; adds urinalysis. Evidence: the answer. */
export const advVisceral: Advisory = {
  id: 'ADV-VISCERAL',
  title: 'Consider a non-spinal cause',
  source: 'clinical-spec §5.4; seed (kidney stones, pyelonephritis, gallstones)',
  text: 'Consider a non-spinal cause: renal (stone, pyelonephritis) → urinalysis; biliary colic (gallstones); abdominal aortic aneurysm or aortic dissection (age ≥50, sudden severe pain, pulsatile mass, haemodynamic change) → emergency vascular assessment. Renal/abdominal/vascular imaging per local pathway — not spine imaging.',
  evaluate: (facts) => {
    if (!facts.q.bool('visceral-signs')) return undefined;
    return {
      labs: ['URINALYSIS'],
      evidence: evidenceOf(facts, 'visceral signs', 'q:visceral-signs'),
    };
  },
};

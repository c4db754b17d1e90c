import { evidenceOf, markerLabs, type RedFlagRule } from '../rule';

/**
 * RF-PED-REDFLAG — child with ≥ 1 red flag and no higher-level finding (§5.3, §6.3, Ped, SOON):
 * `PRF AND` no other `RF-*` rule fired except RF-FEVER-LABS-NEG (advisories do not count).
 * Imaging `XR`; labs ESR, CRP, CBC when `NIGHT OR q.constant-pain OR WEIGHT_LOSS OR FEVER OR
 * AGE < 5 OR CDF ≥ 1` [B4]. Evidence: the paediatric red flags that held.
 */
export const rfPedRedflag: RedFlagRule = {
  id: 'RF-PED-REDFLAG',
  title: 'Child with a red flag',
  source: 'clinical-spec §5.3, §6.3; ACR Back Pain–Child V1–V2 (S2), S28',
  applies: 'Ped',
  evaluate: (facts, fired) => {
    if (!facts.prf) return undefined;
    for (const id of fired.keys()) if (id !== 'RF-FEVER-LABS-NEG') return undefined;
    const b4 =
      facts.night ||
      facts.q.bool('constant-pain') ||
      facts.weightLoss ||
      facts.fever ||
      facts.age < 5 ||
      facts.cdf >= 1;
    return {
      tier: 'SOON',
      imaging: 'XR',
      labs: b4 ? markerLabs(false) : [],
      evidence: evidenceOf(facts, 'paediatric red flag', 'PRF'),
    };
  },
};

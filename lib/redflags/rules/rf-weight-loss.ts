import { evidenceOf, markerLabs, type RedFlagRule } from '../rule';

/**
 * RF-WEIGHT-LOSS — unexplained weight loss as the only malignancy feature (§5.3, Adult, SOON):
 * `WEIGHT_LOSS AND NOT CANCER_HX AND NOT RF-CANCER-MULTI`. No imaging; labs ESR, CRP, CBC.
 * Evidence: the answer.
 */
export const rfWeightLoss: RedFlagRule = {
  id: 'RF-WEIGHT-LOSS',
  title: 'Unexplained weight loss',
  source: 'clinical-spec §5.3; ACP 2011 (S8)',
  applies: 'Adult',
  evaluate: (facts, fired) => {
    if (!facts.weightLoss || facts.cancerHx || fired.has('RF-CANCER-MULTI')) return undefined;
    return {
      tier: 'SOON',
      imaging: null,
      labs: markerLabs(false),
      evidence: evidenceOf(facts, 'unexplained weight loss', 'WEIGHT_LOSS'),
    };
  },
};

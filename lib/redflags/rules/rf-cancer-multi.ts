import { evidenceOf, markerLabs, type RedFlagRule } from '../rule';

/**
 * RF-CANCER-MULTI — multiple weaker malignancy risk factors (§5.3, Adult, SOON):
 * `NOT CANCER_HX AND MCF ≥ 2` (MCF counts AGE > 50, WEIGHT_LOSS, NIGHT with DURATION > 28,
 * FAILED_4W, ESR_ELEV). Imaging `MRI_WWO` if ESR_ELEV or CRP_ELEV, otherwise `XR`; labs ESR, CRP,
 * CBC. Evidence: the MCF items that held (and a raised CRP when it chose MRI).
 */
export const rfCancerMulti: RedFlagRule = {
  id: 'RF-CANCER-MULTI',
  title: 'Multiple weaker malignancy risk factors',
  source: 'clinical-spec §5.3; ACP 2011 (S8), ACR LBP V7 (S1), Deyo 1988 (S29)',
  applies: 'Adult',
  evaluate: (facts) => {
    if (facts.cancerHx || facts.mcf < 2) return undefined;
    const raised = facts.esrElev || facts.crpElev;
    return {
      tier: 'SOON',
      imaging: raised ? 'MRI_WWO' : 'XR',
      labs: markerLabs(false),
      evidence: evidenceOf(
        facts,
        'two or more malignancy risk factors',
        'MCF',
        ...(facts.crpElev ? (['CRP_ELEV'] as const) : []),
      ),
    };
  },
};

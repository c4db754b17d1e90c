import { evidenceOf, markerLabs, type RedFlagRule } from '../rule';

/**
 * RF-INFECT-RISK-WORKUP — infection risk factor without fever, markers not available (§5.3, All,
 * tier URGENT [B2]): `IRF_WORKUP AND NOT FEVER AND MARKERS_UNKNOWN`. No imaging (pending labs);
 * labs ESR, CRP, CBC. Evidence: the work-up risk factors and the missing markers.
 */
export const rfInfectRiskWorkup: RedFlagRule = {
  id: 'RF-INFECT-RISK-WORKUP',
  title: 'Infection risk factor, inflammatory markers not available',
  source: 'clinical-spec §5.3; Davis (S17, S18), S20',
  applies: 'All',
  evaluate: (facts) => {
    if (!facts.irfWorkup || facts.fever || !facts.markersUnknown) return undefined;
    return {
      tier: 'URGENT',
      imaging: null,
      labs: markerLabs(false),
      evidence: evidenceOf(facts, 'infection risk factor', 'IRF_WORKUP', 'MARKERS_UNKNOWN'),
    };
  },
};

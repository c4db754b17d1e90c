import { evidenceOf, markerLabs, type RedFlagRule } from '../rule';

/**
 * RF-FEVER-WORKUP — fever, markers not available (§5.2, All, URGENT):
 * `FEVER AND NOT RF-INFECTION AND MARKERS_UNKNOWN`. No imaging (pending labs); labs ESR, CRP, CBC
 * and blood cultures ×2, each only if not current (§7.4). Evidence: fever and the missing markers
 * (`reference: null`).
 */
export const rfFeverWorkup: RedFlagRule = {
  id: 'RF-FEVER-WORKUP',
  title: 'Fever, inflammatory markers not available',
  source: 'clinical-spec §5.2; ACP/APS 2007 (S7), AHCPR (S14), Davis (S17, S18)',
  applies: 'All',
  evaluate: (facts, fired) => {
    if (!facts.fever || fired.has('RF-INFECTION') || !facts.markersUnknown) return undefined;
    return {
      tier: 'URGENT',
      imaging: null,
      labs: markerLabs(true),
      evidence: evidenceOf(facts, 'fever without current markers', 'FEVER', 'MARKERS_UNKNOWN'),
    };
  },
};

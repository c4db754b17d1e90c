import { evidenceOf, markerLabs, type RedFlagRule } from '../rule';

/**
 * RF-PED-DISC-WORKUP — probable discitis, markers not available (§5.2 and §6.3 row 2, Ped,
 * URGENT): `(CDF ≥ 2 OR (AGE < 5 AND CDF ≥ 1)) AND MARKERS_UNKNOWN AND NOT RF-PED-INFLAM` [B3].
 * No imaging (pending labs); labs ESR, CRP, CBC (+ blood cultures if FEVER). Evidence: the
 * discitis features, the age when under 5, and the missing markers.
 */
export const rfPedDiscWorkup: RedFlagRule = {
  id: 'RF-PED-DISC-WORKUP',
  title: 'Probable discitis, inflammatory markers not available',
  source: 'clinical-spec §5.2, §6; Fernandez 2000 (S21)',
  applies: 'Ped',
  evaluate: (facts, fired) => {
    const enough = facts.cdf >= 2 || (facts.age < 5 && facts.cdf >= 1);
    if (!enough || !facts.markersUnknown || fired.has('RF-PED-INFLAM')) return undefined;
    return {
      tier: 'URGENT',
      imaging: null,
      labs: markerLabs(facts.fever),
      evidence: evidenceOf(
        facts,
        'discitis features without current markers',
        'CDF',
        ...(facts.cdf < 2 ? (['AGE'] as const) : []),
        'MARKERS_UNKNOWN',
      ),
    };
  },
};

import { evidenceOf, type Advisory } from '../rule';

/**
 * ADV-IRF-LABS-NEG (§5.4): `IRF_ANY AND NOT FEVER AND MARKERS_NEG`. Evidence: the risk factors and
 * the normal markers.
 */
export const advIrfLabsNeg: Advisory = {
  id: 'ADV-IRF-LABS-NEG',
  title: 'Infection risk factor, markers normal',
  source: 'clinical-spec §5.4; Davis (S17, S18)',
  text: 'Infection risk factor present; current ESR and CRP normal — spinal infection unlikely (S17, S18). Re-evaluate urgently if fever or neurological symptoms develop.',
  evaluate: (facts) => {
    if (!facts.irfAny || facts.fever || !facts.markersNeg) return undefined;
    return {
      labs: [],
      evidence: evidenceOf(facts, 'risk factor with normal markers', 'IRF_ANY', 'MARKERS_NEG'),
    };
  },
};

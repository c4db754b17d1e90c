import { evidenceOf, type RedFlagRule } from '../rule';

/**
 * RF-FEVER-LABS-NEG — fever with normal current markers and no infection rule (§5.3, All, SOON):
 * `FEVER AND NOT RF-INFECTION AND MARKERS_NEG`. No spine imaging; lab urinalysis. Evidence: fever
 * and the two normal markers.
 */
export const rfFeverLabsNeg: RedFlagRule = {
  id: 'RF-FEVER-LABS-NEG',
  title: 'Fever with normal inflammatory markers',
  source: 'clinical-spec §5.3; Davis (S17, S18), Pääkkönen 2010 (S23)',
  applies: 'All',
  evaluate: (facts, fired) => {
    if (!facts.fever || fired.has('RF-INFECTION') || !facts.markersNeg) return undefined;
    return {
      tier: 'SOON',
      imaging: null,
      labs: ['URINALYSIS'],
      evidence: evidenceOf(facts, 'fever with normal markers', 'FEVER', 'MARKERS_NEG'),
    };
  },
};

import { evidenceOf, held, markerLabs, type RedFlagRule } from '../rule';

/**
 * RF-PED-INFLAM — child with raised inflammatory markers (§5.2 and §6.3 row 1, Ped, URGENT):
 * `ESR_ELEV OR CRP_GT20 OR (CRP_ELEV AND (FEVER OR CDF ≥ 1)) OR (WBC_ELEV AND FEVER)` [O5].
 * Imaging `MRI_WWO`; labs ESR, CRP, CBC (+ blood cultures if FEVER). Evidence: the raised results
 * and the features that qualified them.
 */
export const rfPedInflam: RedFlagRule = {
  id: 'RF-PED-INFLAM',
  title: 'Child with raised inflammatory markers',
  source: 'clinical-spec §5.2, §6.3; S21–S23, S31, ACR Back Pain–Child (S2), S3',
  applies: 'Ped',
  evaluate: (facts) => {
    const crpWithFeature = facts.crpElev && (facts.fever || facts.cdf >= 1);
    const wbcWithFever = facts.wbcElev && facts.fever;
    if (!facts.esrElev && !facts.crpGt20 && !crpWithFeature && !wbcWithFever) return undefined;
    const keys = held(
      [facts.esrElev, 'ESR_ELEV'],
      [facts.crpGt20 || crpWithFeature, 'CRP_ELEV'],
      [crpWithFeature && !facts.crpGt20, 'CDF'],
      [wbcWithFever, 'WBC_ELEV', 'FEVER'],
    );
    return {
      tier: 'URGENT',
      imaging: 'MRI_WWO',
      labs: markerLabs(facts.fever),
      evidence: evidenceOf(facts, 'raised paediatric markers', ...keys),
    };
  },
};

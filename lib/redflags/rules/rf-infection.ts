import { evidenceOf, held, markerLabs, type RedFlagRule } from '../rule';

/**
 * RF-INFECTION — suspected spinal infection (§5.2, All, URGENT):
 * `(FEVER AND (IRF_WORKUP OR IMMUNOSUPP OR ESR_ELEV OR CRP_ELEV OR WBC_ELEV)) OR
 * (IRF_ANY AND (ESR_ELEV OR CRP_ELEV))`. Fever combines on its own only with IRF_WORKUP or
 * IMMUNOSUPP (changelog item 1, O1). Imaging `MRI_WWO`; labs ESR, CRP, CBC (+ blood cultures ×2
 * if FEVER). Evidence: fever readings/answer, risk factors and raised markers that held.
 */
export const rfInfection: RedFlagRule = {
  id: 'RF-INFECTION',
  title: 'Suspected spinal infection (SEA / vertebral osteomyelitis / discitis)',
  source:
    'clinical-spec §5.2; ACP 2011 (S8), ACR LBP V7 (S1), ACR Suspected Spine Infection (S3), Davis (S17, S18)',
  applies: 'All',
  evaluate: (facts) => {
    const feverTerm =
      facts.fever &&
      (facts.irfWorkup || facts.immunosupp || facts.esrElev || facts.crpElev || facts.wbcElev);
    const riskTerm = facts.irfAny && (facts.esrElev || facts.crpElev);
    if (!feverTerm && !riskTerm) return undefined;
    const keys = held(
      [feverTerm, 'FEVER'],
      [feverTerm && facts.irfWorkup, 'IRF_WORKUP'],
      [feverTerm && facts.immunosupp, 'IMMUNOSUPP'],
      [riskTerm, 'IRF_ANY'],
      [facts.esrElev, 'ESR_ELEV'],
      [facts.crpElev, 'CRP_ELEV'],
      [feverTerm && facts.wbcElev, 'WBC_ELEV'],
    );
    return {
      tier: 'URGENT',
      imaging: 'MRI_WWO',
      labs: markerLabs(facts.fever),
      evidence: evidenceOf(facts, 'infection criteria', ...keys),
    };
  },
};

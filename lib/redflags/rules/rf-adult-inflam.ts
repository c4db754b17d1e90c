import { evidenceOf, held, markerLabs, type RedFlagRule } from '../rule';

/**
 * RF-ADULT-INFLAM — adult with raised CRP and spinal tenderness or night pain (§5.2, Adult,
 * URGENT): `CRP_ELEV AND (TENDER OR NIGHT) AND NOT RF-INFECTION` [B8]. Imaging `MRI_WWO`; labs
 * ESR, CRP, CBC. Evidence: the CRP result and the answers.
 */
export const rfAdultInflam: RedFlagRule = {
  id: 'RF-ADULT-INFLAM',
  title: 'Raised CRP with spinal tenderness or night pain',
  source: 'clinical-spec §5.2; Davis 2020 (S18)',
  applies: 'Adult',
  evaluate: (facts, fired) => {
    if (!facts.crpElev || !(facts.tender || facts.night) || fired.has('RF-INFECTION')) {
      return undefined;
    }
    return {
      tier: 'URGENT',
      imaging: 'MRI_WWO',
      labs: markerLabs(false),
      evidence: evidenceOf(
        facts,
        'raised CRP with tenderness or night pain',
        'CRP_ELEV',
        ...held([facts.tender, 'TENDER'], [facts.night, 'NIGHT']),
      ),
    };
  },
};

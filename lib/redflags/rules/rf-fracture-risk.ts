import { evidenceOf, held, type RedFlagRule } from '../rule';

/**
 * RF-FRACTURE-RISK — vertebral (compression) fracture risk (§5.3, Adult, SOON):
 * `OSTEO OR STEROID OR AGE > 70 OR (TRAUMA = minor-fall AND (AGE > 50 OR TENDER)) OR
 * (TRAUMA = lifting-twisting AND AGE > 50)` [O4]; ">70" and ">50" are completed years ≥71 and ≥51.
 * Imaging `XR`. Evidence: the terms that held.
 */
export const rfFractureRisk: RedFlagRule = {
  id: 'RF-FRACTURE-RISK',
  title: 'Vertebral fracture risk',
  source:
    'clinical-spec §5.3; ACR LBP V6 (S1), Henschke 2009 (S15), Downie 2013 (S16), AHCPR (S14)',
  applies: 'Adult',
  evaluate: (facts) => {
    const minorFall = facts.trauma === 'minor-fall' && (facts.age > 50 || facts.tender);
    const lifting = facts.trauma === 'lifting-twisting' && facts.age > 50;
    const keys = held(
      [facts.osteo, 'OSTEO'],
      [facts.steroid, 'STEROID'],
      [facts.age > 70, 'AGE'],
      [minorFall, 'TRAUMA', ...(facts.age > 50 ? (['AGE'] as const) : (['TENDER'] as const))],
      [lifting, 'TRAUMA', 'AGE'],
    );
    if (keys.length === 0) return undefined;
    return {
      tier: 'SOON',
      imaging: 'XR',
      labs: [],
      evidence: evidenceOf(facts, 'fracture risk', ...keys),
    };
  },
};

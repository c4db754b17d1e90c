import type { LabAnalyte } from '../types';
import { evidenceOf, held, type Advisory } from '../rule';

/**
 * ADV-STALE-ELEVATED (§5.4, §8.2, A4): `STALE_ELEVATED` — an analyte (ESR or CRP) without a current
 * result had an elevated usable result within 90 days. Adds to labs only the analyte(s) concerned.
 * Evidence: the stale results.
 */
export const advStaleElevated: Advisory = {
  id: 'ADV-STALE-ELEVATED',
  title: 'Elevated marker too old to use',
  source: 'clinical-spec §5.4, §8.2',
  text: 'Elevated ESR/CRP is too old/pre-dates onset to use; repeat.',
  evaluate: (facts) => {
    if (!facts.staleElevatedEsr && !facts.staleElevatedCrp) return undefined;
    const labs: LabAnalyte[] = [];
    if (facts.staleElevatedEsr) labs.push('ESR');
    if (facts.staleElevatedCrp) labs.push('CRP');
    const keys = held(
      [facts.staleElevatedEsr, 'STALE_ELEVATED_ESR'],
      [facts.staleElevatedCrp, 'STALE_ELEVATED_CRP'],
    );
    return { labs, evidence: evidenceOf(facts, 'stale elevated marker', ...keys) };
  },
};

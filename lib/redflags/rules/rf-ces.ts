import { evidenceOf, held, type RedFlagRule } from '../rule';

/**
 * RF-CES — suspected cauda equina syndrome (§5.1, All, EMERGENT). Reads the answers
 * `urinary-retention`, `incontinence-new`, `saddle-anesthesia`, `bilateral-leg-deficit` (incl. new
 * bilateral sciatica) and `sexual-dysfunction-new` (enabled from AGE ≥ 12). Imaging `MRI_WO`.
 * Evidence: the positive answers.
 */
export const rfCes: RedFlagRule = {
  id: 'RF-CES',
  title: 'Suspected cauda equina syndrome',
  source: 'clinical-spec §5.1; ACP/APS 2007 (S7), ACP 2011 (S8), BMJ Best Practice/SBNS-BASS (S13)',
  applies: 'All',
  action:
    'Emergency assessment now; MRI within 4 h. Consider post-void bladder scan (≥200 mL supports CES) only if it does not delay MRI.',
  evaluate: (facts) => {
    const keys = held(
      [facts.q.bool('urinary-retention'), 'q:urinary-retention'],
      [facts.q.bool('incontinence-new'), 'q:incontinence-new'],
      [facts.q.bool('saddle-anesthesia'), 'q:saddle-anesthesia'],
      [facts.q.bool('bilateral-leg-deficit'), 'q:bilateral-leg-deficit'],
      [facts.q.bool('sexual-dysfunction-new'), 'q:sexual-dysfunction-new'],
    );
    if (keys.length === 0) return undefined;
    return {
      tier: 'EMERGENT',
      imaging: 'MRI_WO',
      labs: [],
      evidence: evidenceOf(facts, 'cauda equina feature', ...keys),
    };
  },
};

/**
 * The assessment as the screen shows it (clinical-spec §2, §5, §7, §8.4): the tier with what it
 * means and by when, each fired rule with its tier, action text, evidence and citation, the
 * advisories, the imaging and lab suggestions in words, and what is missing. Every decision is
 * the engine's output; this module adds the words. Pure.
 */
import { DEFAULT_TERMINOLOGY } from '@/lib/redflags/default-terminology';
import { HOUR_MS, formatInstant, parseT0 } from '@/lib/redflags/dates';
import { ADVISORIES, RULES, type ScreenEvaluation } from '@/lib/redflags/evaluate';
import { highestTier, tierTiming } from '@/lib/redflags/recommend';
import { VALUE_SET, imagingValueSetUrl } from '@/lib/redflags/terminology';
import type {
  AdvisoryId,
  Evidence,
  ImagingSuggestion,
  LabAnalyte,
  Priority,
  RuleId,
  Tier,
} from '@/lib/redflags/types';

/** What a tier means and how soon to act (§2). */
export interface TierInfo {
  readonly meaning: string;
  readonly when: string;
}

/** The tiers of §2 in words. */
export const TIER_INFO: Readonly<Record<Tier, TierInfo>> = {
  EMERGENT: {
    meaning:
      'Possible neurological emergency (cauda equina, cord compression, progressive deficit) or major trauma.',
    when: 'Immediately: same-day emergency evaluation; MRI for suspected cauda equina within 4 hours.',
  },
  URGENT: {
    meaning:
      'Suspected spinal infection or inflammation, major motor deficit, cancer history with neurological features, or an urgent lab work-up.',
    when: 'Within 24 hours.',
  },
  SOON: {
    meaning: 'A red flag is present, without emergency features.',
    when: 'Within 7 days.',
  },
  ROUTINE: {
    meaning: 'No red flag.',
    when: 'No imaging: conservative care and education; re-assess in 4–6 weeks, or earlier if a red flag appears.',
  },
};

/** The latest time to act for a tier (T0 + 4 h / 24 h / 7 d), in T0's offset; none for ROUTINE. */
export function tierDeadline(tier: Tier, t0: string): string | undefined {
  const parsed = parseT0(t0);
  if (tier === 'ROUTINE' || parsed === undefined) return undefined;
  return formatInstant(parsed.ms + tierTiming(tier).hours * HOUR_MS, parsed.offsetMinutes);
}

/** A fired rule as shown. */
export interface FiredRuleView {
  readonly id: RuleId;
  readonly title: string;
  readonly source: string;
  readonly action: string | undefined;
  /** The rule's own tier (RF-CANCER-HX and RF-INFECT-RISK-WORKUP differ from their section). */
  readonly tier: Tier;
  readonly evidence: readonly Evidence[];
}

/** A raised advisory as shown. */
export interface AdvisoryView {
  readonly id: AdvisoryId;
  readonly title: string;
  readonly source: string;
  readonly text: string;
  readonly evidence: readonly Evidence[];
}

/**
 * The fired rules, in canonical order, with their evidence (§7.5 `evidence`).
 * @param evaluation - the engine's evaluation
 */
export function firedRuleViews(evaluation: ScreenEvaluation): readonly FiredRuleView[] {
  const { output } = evaluation;
  return output.firedRules.map((id): FiredRuleView => {
    const rule = RULES.find((r) => r.id === id);
    const tiers = evaluation.ages.flatMap((age) => {
      const firing = age.fired.get(id);
      return firing ? [firing.tier] : [];
    });
    return {
      id,
      title: rule?.title ?? id,
      source: rule?.source ?? '',
      action: rule?.action,
      tier: highestTier(tiers),
      evidence: output.evidence.filter((e) => e.rule === id),
    };
  });
}

/**
 * The advisories, in §5.4 order, with their evidence.
 * @param evaluation - the engine's evaluation
 */
export function advisoryViews(evaluation: ScreenEvaluation): readonly AdvisoryView[] {
  const { output } = evaluation;
  return output.advisories.map((id): AdvisoryView => {
    const advisory = ADVISORIES.find((a) => a.id === id);
    return {
      id,
      title: advisory?.title ?? id,
      source: advisory?.source ?? '',
      text: advisory?.text ?? '',
      evidence: output.evidence.filter((e) => e.rule === id),
    };
  });
}

const KEY_LABELS: Readonly<Record<ImagingSuggestion['key'], string>> = {
  MRI_WWO: 'MRI without and with IV contrast',
  MRI_WO: 'MRI without contrast',
  CT_WO: 'CT without contrast',
  XR: 'Radiograph',
  XR_PELVIS: 'Pelvis radiograph',
};

const REGION_LABELS: Readonly<Record<ImagingSuggestion['region'], string>> = {
  LUMBAR: 'lumbar spine',
  THORACIC: 'thoracic spine',
  COMPLETE: 'whole spine',
  PELVIS: 'pelvis',
};

const PRIORITY_LABELS: Readonly<Record<Priority, string>> = {
  stat: 'stat (within 4 hours)',
  urgent: 'urgent (within 24 hours)',
  routine: 'routine (within 7 days)',
};

/** An imaging suggestion in words. */
export interface StudyView {
  readonly title: string;
  /** The study's name from its LOINC/RSNA Playbook term (§10.6), when the ValueSet has one. */
  readonly studyName: string | undefined;
  readonly priority: string;
  readonly latest: string;
  readonly codes: readonly { readonly system: string; readonly codes: string }[];
}

/**
 * An imaging suggestion in words, with its codes (§10.6).
 * @param study - the engine's suggestion
 */
export function studyView(study: ImagingSuggestion): StudyView {
  const codings = DEFAULT_TERMINOLOGY.codings(imagingValueSetUrl(study.key, study.region));
  const loinc = codings.find((c) => c.system === 'http://loinc.org');
  const t0 = parseT0(study.occurrenceLatest);
  const codes = [
    { system: 'CPT', codes: study.codes.cpt.join(' + ') },
    { system: 'LOINC', codes: study.codes.loinc ?? '' },
    { system: 'RadLex', codes: study.codes.radlex ?? '' },
    { system: 'SNOMED CT', codes: study.codes.snomed ?? '' },
  ].filter((c) => c.codes !== '');
  return {
    title: `${KEY_LABELS[study.key]} — ${REGION_LABELS[study.region]}`,
    studyName: loinc?.display,
    priority: PRIORITY_LABELS[study.priority],
    latest: t0 === undefined ? study.occurrenceLatest : formatInstant(t0.ms, t0.offsetMinutes),
    codes,
  };
}

const LAB_LABELS: Readonly<Record<LabAnalyte, string>> = {
  ESR: 'ESR (erythrocyte sedimentation rate)',
  CRP: 'CRP (C-reactive protein)',
  CBC: 'Complete blood count',
  BLOOD_CULTURE: 'Blood cultures ×2',
  URINALYSIS: 'Urinalysis',
};

const LAB_VALUE_SETS: Readonly<Record<LabAnalyte, string>> = {
  ESR: VALUE_SET.labOrderEsr,
  CRP: VALUE_SET.labOrderCrp,
  CBC: VALUE_SET.labOrderCbc,
  BLOOD_CULTURE: VALUE_SET.labOrderBloodCulture,
  URINALYSIS: VALUE_SET.labOrderUrinalysis,
};

/** A lab suggestion in words (§7.4, §10.7). */
export interface LabView {
  readonly analyte: LabAnalyte;
  readonly label: string;
  readonly loinc: string;
  readonly display: string | undefined;
  readonly priority: string;
}

/**
 * The lab suggestions in words; their priority follows the overall tier (§7.4, ROUTINE → routine).
 * @param evaluation - the engine's evaluation
 */
export function labViews(evaluation: ScreenEvaluation): readonly LabView[] {
  const priority = PRIORITY_LABELS[tierTiming(evaluation.output.tier).priority];
  return evaluation.output.labs.map((lab) => ({
    analyte: lab.analyte,
    label: LAB_LABELS[lab.analyte],
    loinc: lab.loinc,
    display: DEFAULT_TERMINOLOGY.codings(LAB_VALUE_SETS[lab.analyte]).find(
      (c) => c.code === lab.loinc,
    )?.display,
    priority,
  }));
}

/**
 * Why no primary imaging is suggested (§7.1 step 5): "imaging pending labs" when a *-WORKUP rule
 * fired, otherwise "no imaging indicated".
 * @param evaluation - the engine's evaluation
 */
export function noImagingReason(evaluation: ScreenEvaluation): string {
  return evaluation.output.firedRules.some((id) => id.endsWith('-WORKUP'))
    ? 'Imaging pending labs: decide on imaging when the results are back.'
    : 'No spine imaging indicated.';
}

/**
 * The missing items in words, in the engine's order (§8.4: `age-years` first, then §9.1 order).
 * @param missing - `missingItems` of the output
 * @param texts - question texts by linkId
 */
export function missingItemTexts(
  missing: readonly string[],
  texts: ReadonlyMap<string, string>,
): readonly { readonly linkId: string; readonly text: string }[] {
  return missing.map((linkId) => ({
    linkId,
    text:
      linkId === 'age-years'
        ? 'Age: the chart has no usable birth date, so the age group cannot be decided (update the birth date in the EHR)'
        : (texts.get(linkId) ?? linkId),
  }));
}

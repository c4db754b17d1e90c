/**
 * Combining fired rules into one recommendation (clinical-spec §7, §2, §6.5) and merging the
 * per-class results of an undetermined age (§8.4). Pure.
 */
import type { Facts } from './facts';
import type { FiredRules } from './rule';
import {
  LAB_ANALYTES,
  TIERS,
  type ImagingKey,
  type LabAnalyte,
  type PathwayLabel,
  type Priority,
  type RuleId,
  type SpineImagingKey,
  type SpineRegion,
  type Tier,
} from './types';

/** Rank of the spine imaging keys (§7.1). */
export const IMAGING_RANK: Readonly<Record<SpineImagingKey, number>> = {
  MRI_WWO: 4,
  MRI_WO: 3,
  CT_WO: 2,
  XR: 1,
};

const REGION_RANK: Readonly<Record<SpineRegion, number>> = { COMPLETE: 3, THORACIC: 2, LUMBAR: 1 };

/** A spine study: key and region. */
export interface SpineStudy {
  readonly key: SpineImagingKey;
  readonly region: SpineRegion;
}

/** The highest of some tiers (§2: overall tier; ROUTINE when none). */
export function highestTier(tiers: Iterable<Tier>): Tier {
  let best = 0;
  for (const tier of tiers) best = Math.max(best, TIERS.indexOf(tier));
  return TIERS[best] ?? 'ROUTINE';
}

/** `ServiceRequest.priority` and the latest occurrence offset of a tier (§2). */
export function tierTiming(tier: Tier): { readonly priority: Priority; readonly hours: number } {
  switch (tier) {
    case 'EMERGENT':
      return { priority: 'stat', hours: 4 };
    case 'URGENT':
      return { priority: 'urgent', hours: 24 };
    case 'SOON':
    case 'ROUTINE':
      // ROUTINE has no imaging; its lab suggestions are `routine` [A7c].
      return { priority: 'routine', hours: 7 * 24 };
  }
}

function isSpineKey(key: ImagingKey | null): key is SpineImagingKey {
  return key !== null && key !== 'XR_PELVIS';
}

/**
 * REGION(key) of §7.3, first match wins: 1 child under 5 or unlocalised pain → COMPLETE; 2 cord
 * signs → COMPLETE; 3 RF-CES with thoracic pain → COMPLETE; 4 adult with multiple/unlocalised pain
 * and an MRI key → COMPLETE; 5 thoracic → THORACIC; 6 otherwise LUMBAR.
 * @param facts - the facts
 * @param fired - fired rules
 * @param key - the study's key
 */
export function regionFor(facts: Facts, fired: FiredRules, key: SpineImagingKey): SpineRegion {
  const location = facts.q.painLocation;
  const unlocalised = location === 'multiple' || location === 'unable';
  if (facts.ped && (facts.age < 5 || unlocalised)) return 'COMPLETE';
  if (facts.q.bool('cord-signs')) return 'COMPLETE';
  if (fired.has('RF-CES') && location === 'thoracic') return 'COMPLETE';
  if (facts.age >= 18 && unlocalised && (key === 'MRI_WWO' || key === 'MRI_WO')) return 'COMPLETE';
  if (location === 'thoracic') return 'THORACIC';
  return 'LUMBAR';
}

/**
 * The primary spine study (§7.1): the highest-ranked key of the fired rules (ignoring none and
 * `XR_PELVIS`), with REGION(key); null when no key remains.
 */
export function primaryStudy(facts: Facts, fired: FiredRules): SpineStudy | null {
  let best: SpineImagingKey | null = null;
  for (const firing of fired.values()) {
    const key = firing.imaging;
    if (isSpineKey(key) && (best === null || IMAGING_RANK[key] > IMAGING_RANK[best])) best = key;
  }
  return best === null ? null : { key: best, region: regionFor(facts, fired, best) };
}

/** The trauma study of RF-TRAUMA-MAJOR with its own region (§7.2), if the rule fired. */
export function traumaStudy(facts: Facts, fired: FiredRules): SpineStudy | null {
  const key = fired.get('RF-TRAUMA-MAJOR')?.imaging ?? null;
  return isSpineKey(key) ? { key, region: regionFor(facts, fired, key) } : null;
}

/**
 * Lab suggestions (§7.4): the union of the labs of fired rules and advisories, minus analytes
 * already covered (ESR/CRP/CBC when current, blood cultures when one is pending or resulted within
 * 72 h); urinalysis is always kept. In output order.
 * @param facts - the facts
 * @param listed - labs listed by fired rules and advisories
 */
export function labSuggestions(facts: Facts, listed: Iterable<LabAnalyte>): readonly LabAnalyte[] {
  const wanted = new Set(listed);
  if (facts.esr !== undefined) wanted.delete('ESR');
  if (facts.crp !== undefined) wanted.delete('CRP');
  if (facts.wbc !== undefined) wanted.delete('CBC');
  if (facts.bloodCultureRecent) wanted.delete('BLOOD_CULTURE');
  return LAB_ANALYTES.filter((a) => wanted.has(a));
}

const LABEL_RULES: readonly RuleId[] = [
  'RF-INFECTION',
  'RF-PED-INFLAM',
  'RF-PED-DISC-WORKUP',
  'RF-FEVER-WORKUP',
  'RF-INFECT-RISK-WORKUP',
];

/**
 * The paediatric pathway label (§6.5): for a child with an infection or work-up rule, `PED-DISC`
 * when 2 ≤ AGE ≤ 12, otherwise `PED-SPINE-INFECTION`; null otherwise.
 */
export function pathwayLabel(facts: Facts, fired: FiredRules): PathwayLabel | null {
  if (!facts.ped || !LABEL_RULES.some((id) => fired.has(id))) return null;
  return facts.age >= 2 && facts.age <= 12 ? 'PED-DISC' : 'PED-SPINE-INFECTION';
}

/**
 * The broader of two studies with the same key, or the higher-ranked one (§8.4 merge).
 * @param a - a study or null
 * @param b - a study or null
 */
export function mergeStudies(a: SpineStudy | null, b: SpineStudy | null): SpineStudy | null {
  if (a === null) return b;
  if (b === null) return a;
  if (IMAGING_RANK[a.key] !== IMAGING_RANK[b.key])
    return IMAGING_RANK[a.key] > IMAGING_RANK[b.key] ? a : b;
  return REGION_RANK[a.region] >= REGION_RANK[b.region] ? a : b;
}

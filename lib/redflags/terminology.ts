/**
 * Code sets of the engine, taken as a parameter (clinical-spec §10). Rules name a ValueSet by its
 * canonical URL and never hold a code literal; the codes live once, in the ValueSet resources of
 * `fhir-profiles/`, compiled by `lib/terminology`.
 *
 * The engine depends only on the small {@link Terminology} interface, so a test can inject a
 * ValueSet with a code removed and see a rule stop firing. {@link terminologyFromRegistry} adapts
 * a `lib/terminology` registry to it; `default-terminology.ts` builds the default from the
 * committed fhir-profiles JSON.
 */
import type { CodeableConcept, Coding, FhirResource, Bundle } from 'fhir/r4';
import {
  VALUE_SET_URLS,
  imagingValueSetUrl as projectImagingUrl,
  loadValueSets,
  type ValueSetRegistry,
} from '@/lib/terminology';
import { isRecord } from './json';
import type { ImagingKey, Region } from './types';

/** What the engine needs from terminology. */
export interface Terminology {
  /**
   * Whether any `coding` of the concept (never only the first) is in the ValueSet. Never throws:
   * an unknown ValueSet or a malformed concept matches nothing.
   */
  matches(valueSetUrl: string, concept: unknown): boolean;
  /** Every concept a ValueSet enumerates, in its order (for search OR-lists and order codes). */
  codings(valueSetUrl: string): readonly Coding[];
  /** Whether the ValueSet is loaded. */
  has(valueSetUrl: string): boolean;
}

/** Canonical URLs of the ValueSets the engine reads (§10), by role. */
export const VALUE_SET = {
  esr: VALUE_SET_URLS.ESR_DECISION,
  crp: VALUE_SET_URLS.CRP_DECISION,
  wbc: VALUE_SET_URLS.WBC_DECISION,
  temperature: VALUE_SET_URLS.BODY_TEMPERATURE,
  weight: VALUE_SET_URLS.BODY_WEIGHT,
  painScore: VALUE_SET_URLS.PAIN_SCORE,
  bloodCulture: VALUE_SET_URLS.BLOOD_CULTURE,
  malignancy: VALUE_SET_URLS.CONDITION_MALIGNANCY,
  osteoporosis: VALUE_SET_URLS.CONDITION_OSTEOPOROSIS,
  osteoporosisHistoryFracture: VALUE_SET_URLS.CONDITION_OSTEOPOROSIS_HISTORY_FRACTURE,
  steroidLongTerm: VALUE_SET_URLS.CONDITION_STEROID_LONGTERM,
  steroidHistory: VALUE_SET_URLS.CONDITION_STEROID_HISTORY,
  immunosuppression: VALUE_SET_URLS.CONDITION_IMMUNOSUPPRESSION,
  ivdu: VALUE_SET_URLS.CONDITION_IVDU,
  substanceUsePrompt: VALUE_SET_URLS.CONDITION_SUBSTANCE_USE_PROMPT,
  diabetes: VALUE_SET_URLS.CONDITION_DIABETES,
  spineSurgeryCondition: VALUE_SET_URLS.CONDITION_SPINE_SURGERY,
  arthrodesisStatusPrompt: VALUE_SET_URLS.CONDITION_ARTHRODESIS_STATUS_PROMPT,
  dialysis: VALUE_SET_URLS.CONDITION_DIALYSIS,
  ankylosedSpine: VALUE_SET_URLS.CONDITION_ANKYLOSED_SPINE,
  chronicLiver: VALUE_SET_URLS.CONDITION_CHRONIC_LIVER,
  backPain: VALUE_SET_URLS.CONDITION_BACK_PAIN,
  recentInfection: VALUE_SET_URLS.CONDITION_RECENT_INFECTION,
  spineSurgeryProcedure: VALUE_SET_URLS.PROCEDURE_SPINE_SURGERY,
  spinalInjection: VALUE_SET_URLS.PROCEDURE_SPINAL_INJECTION,
  systemicGlucocorticoid: VALUE_SET_URLS.MEDICATION_SYSTEMIC_GLUCOCORTICOID,
  immunosuppressant: VALUE_SET_URLS.MEDICATION_IMMUNOSUPPRESSANT,
  labOrderEsr: VALUE_SET_URLS.LAB_ORDER_ESR,
  labOrderCrp: VALUE_SET_URLS.LAB_ORDER_CRP,
  labOrderCbc: VALUE_SET_URLS.LAB_ORDER_CBC,
  labOrderBloodCulture: VALUE_SET_URLS.LAB_ORDER_BLOOD_CULTURE,
  labOrderUrinalysis: VALUE_SET_URLS.LAB_ORDER_URINALYSIS,
} as const;

/** Imaging key + region pairs of §10.6 (each has a ValueSet). */
export const IMAGING_STUDIES: readonly { readonly key: ImagingKey; readonly region: Region }[] = [
  ...(['MRI_WO', 'MRI_WWO', 'CT_WO', 'XR'] as const).flatMap((key) =>
    (['LUMBAR', 'THORACIC', 'COMPLETE'] as const).map((region) => ({ key, region })),
  ),
  { key: 'XR_PELVIS', region: 'PELVIS' },
];

/**
 * Canonical URL of the ValueSet listing the order codes of an imaging study (§10.6), e.g.
 * `MRI_WWO` + `COMPLETE` → `…/ValueSet/imaging-mri-wwo-complete`.
 * @param key - imaging key
 * @param region - region
 * @returns the URL, or an empty string for a combination §10.6 does not have
 */
export function imagingValueSetUrl(key: ImagingKey, region: Region): string {
  return projectImagingUrl(key, region) ?? '';
}

/** Every ValueSet URL the engine reads: a default terminology must load them all. */
export const REQUIRED_VALUE_SETS: readonly string[] = [
  ...Object.values(VALUE_SET),
  ...IMAGING_STUDIES.map((s) => imagingValueSetUrl(s.key, s.region)),
];

/** The codings of a concept that have a string system and code (junk dropped). */
function cleanCodings(concept: unknown): Coding[] {
  if (!isRecord(concept) || !Array.isArray(concept.coding)) return [];
  return concept.coding.flatMap((c: unknown) =>
    isRecord(c) && typeof c.system === 'string' && typeof c.code === 'string'
      ? [{ system: c.system, code: c.code }]
      : [],
  );
}

/**
 * Adapts a `lib/terminology` registry to the engine's {@link Terminology}. Concepts are cleaned
 * first (non-string systems or codes dropped) so malformed FHIR data can never throw.
 * @param registry - compiled project ValueSets
 */
export function terminologyFromRegistry(registry: ValueSetRegistry): Terminology {
  const matcher = (url: string) => (registry.has(url) ? registry.valueSet(url) : undefined);
  return {
    matches(valueSetUrl, concept) {
      const set = matcher(valueSetUrl);
      if (set === undefined) return false;
      const coding = cleanCodings(concept);
      if (coding.length === 0) return false;
      const clean: CodeableConcept = { coding };
      return set.matchesConcept(clean);
    },
    codings: (valueSetUrl) => matcher(valueSetUrl)?.codings ?? [],
    has: (valueSetUrl) => registry.has(valueSetUrl),
  };
}

/**
 * A terminology over ValueSet (and CodeSystem) resources, e.g. a test's modified copies.
 * @param resources - resources or a Bundle of them
 */
export function terminologyFromResources(
  resources: readonly FhirResource[] | Bundle<FhirResource>,
): Terminology {
  return terminologyFromRegistry(loadValueSets(resources));
}

/**
 * The ValueSet URLs of {@link REQUIRED_VALUE_SETS} that a terminology lacks (a default terminology
 * must have none: a missing ValueSet would make its rules silently never fire).
 * @param terminology - the terminology to check
 */
export function missingValueSets(terminology: Terminology): readonly string[] {
  return REQUIRED_VALUE_SETS.filter((url) => !terminology.has(url));
}

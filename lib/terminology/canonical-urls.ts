/** Canonical base of every conformance resource in `fhir-profiles/`. */
export const CANONICAL_BASE = 'http://spine-redflags.org/fhir';

const vs = <const Id extends string>(id: Id) => `${CANONICAL_BASE}/ValueSet/${id}` as const;

/**
 * Canonical URLs of the project ValueSets (clinical spec §10). Rules and builders name a value
 * set by one of these constants and read its codes from `fhir-profiles/`; no code literal lives
 * in TypeScript.
 */
export const VALUE_SET_URLS = {
  // §10.1 Observations
  ESR_DECISION: vs('esr-decision'),
  ESR_DISPLAY_ONLY: vs('esr-display-only'),
  CRP_DECISION: vs('crp-decision'),
  CRP_NOT_USED: vs('crp-not-used'),
  WBC_DECISION: vs('wbc-decision'),
  WBC_NOT_USED: vs('wbc-not-used'),
  BODY_TEMPERATURE: vs('body-temperature'),
  BODY_WEIGHT: vs('body-weight'),
  BODY_WEIGHT_ESTIMATED: vs('body-weight-estimated'),
  PAIN_SCORE: vs('pain-score'),
  BLOOD_CULTURE: vs('blood-culture'),
  // §10.3 Conditions
  CONDITION_MALIGNANCY: vs('condition-malignancy'),
  CONDITION_OSTEOPOROSIS: vs('condition-osteoporosis'),
  CONDITION_OSTEOPOROSIS_HISTORY_FRACTURE: vs('condition-osteoporosis-history-fracture'),
  CONDITION_STEROID_LONGTERM: vs('condition-steroid-longterm'),
  CONDITION_STEROID_HISTORY: vs('condition-steroid-history'),
  CONDITION_IMMUNOSUPPRESSION: vs('condition-immunosuppression'),
  CONDITION_IVDU: vs('condition-ivdu'),
  CONDITION_SUBSTANCE_USE_PROMPT: vs('condition-substance-use-prompt'),
  CONDITION_DIABETES: vs('condition-diabetes'),
  CONDITION_SPINE_SURGERY: vs('condition-spine-surgery'),
  CONDITION_ARTHRODESIS_STATUS_PROMPT: vs('condition-arthrodesis-status-prompt'),
  CONDITION_DIALYSIS: vs('condition-dialysis'),
  CONDITION_ANKYLOSED_SPINE: vs('condition-ankylosed-spine'),
  CONDITION_CHRONIC_LIVER: vs('condition-chronic-liver'),
  CONDITION_BACK_PAIN: vs('condition-back-pain'),
  CONDITION_RECENT_INFECTION: vs('condition-recent-infection'),
  // §10.4 Procedures, §10.5 Medications
  PROCEDURE_SPINE_SURGERY: vs('procedure-spine-surgery'),
  PROCEDURE_SPINAL_INJECTION: vs('procedure-spinal-injection'),
  MEDICATION_SYSTEMIC_GLUCOCORTICOID: vs('medication-systemic-glucocorticoid'),
  MEDICATION_IMMUNOSUPPRESSANT: vs('medication-immunosuppressant'),
  // §10.6 Imaging orders (one per key and region), §10.7 laboratory orders
  IMAGING_MRI_WO_LUMBAR: vs('imaging-mri-wo-lumbar'),
  IMAGING_MRI_WWO_LUMBAR: vs('imaging-mri-wwo-lumbar'),
  IMAGING_MRI_WO_THORACIC: vs('imaging-mri-wo-thoracic'),
  IMAGING_MRI_WWO_THORACIC: vs('imaging-mri-wwo-thoracic'),
  IMAGING_MRI_WO_COMPLETE: vs('imaging-mri-wo-complete'),
  IMAGING_MRI_WWO_COMPLETE: vs('imaging-mri-wwo-complete'),
  IMAGING_CT_WO_LUMBAR: vs('imaging-ct-wo-lumbar'),
  IMAGING_CT_WO_THORACIC: vs('imaging-ct-wo-thoracic'),
  IMAGING_CT_WO_COMPLETE: vs('imaging-ct-wo-complete'),
  IMAGING_XR_LUMBAR: vs('imaging-xr-lumbar'),
  IMAGING_XR_THORACIC: vs('imaging-xr-thoracic'),
  IMAGING_XR_COMPLETE: vs('imaging-xr-complete'),
  IMAGING_XR_PELVIS_PELVIS: vs('imaging-xr-pelvis-pelvis'),
  IMAGING_SPINE: vs('imaging-spine'),
  LAB_ORDER_ESR: vs('lab-order-esr'),
  LAB_ORDER_CRP: vs('lab-order-crp'),
  LAB_ORDER_CBC: vs('lab-order-cbc'),
  LAB_ORDER_BLOOD_CULTURE: vs('lab-order-blood-culture'),
  LAB_ORDER_URINALYSIS: vs('lab-order-urinalysis'),
  LAB_ORDERS: vs('lab-orders'),
  // §7.6 request reasons, rule ids, note type
  REASON_BACK_PAIN: vs('reason-back-pain'),
  REASON_LOW_BACK_PAIN_DEFAULT: vs('reason-low-back-pain-default'),
  REASON_THORACIC_BACK_PAIN_DEFAULT: vs('reason-thoracic-back-pain-default'),
  SERVICE_REQUEST_CATEGORY_IMAGING: vs('service-request-category-imaging'),
  IMAGING_REQUEST_REASON: vs('imaging-request-reason'),
  RED_FLAG_RULE_IDS: vs('red-flag-rule-ids'),
  RED_FLAG_ADVISORY_IDS: vs('red-flag-advisory-ids'),
  RED_FLAG_TIERS: vs('red-flag-tiers'),
  BACK_PAIN_ANSWERS: vs('back-pain-answers'),
  SCREENING_NOTE_TYPE: vs('screening-note-type'),
} as const;

/** The canonical URL of one project ValueSet. */
export type ValueSetUrl = (typeof VALUE_SET_URLS)[keyof typeof VALUE_SET_URLS];

/** Canonical URLs of the project CodeSystems. */
export const CODE_SYSTEM_URLS = {
  BACK_PAIN_ANSWERS: `${CANONICAL_BASE}/CodeSystem/back-pain-answers`,
  RED_FLAG_RULES: `${CANONICAL_BASE}/CodeSystem/red-flag-rules`,
} as const;

/** External code system URIs the project ValueSets use (HL7 canonical system URIs). */
export const EXTERNAL_SYSTEMS = {
  LOINC: 'http://loinc.org',
  SNOMED_CT: 'http://snomed.info/sct',
  ICD_10_CM: 'http://hl7.org/fhir/sid/icd-10-cm',
  CPT: 'http://www.ama-assn.org/go/cpt',
  RADLEX: 'http://radlex.org',
  RXNORM: 'http://www.nlm.nih.gov/research/umls/rxnorm',
} as const;

/** Canonical URL of the clinician Questionnaire (spec §9.1). */
export const QUESTIONNAIRE_URL = `${CANONICAL_BASE}/Questionnaire/back-pain-redflags`;
/** Version of the Questionnaire (spec §9.1). */
export const QUESTIONNAIRE_VERSION = '1.1';
/** Versioned canonical, the fixed value of QuestionnaireResponse.questionnaire. */
export const QUESTIONNAIRE_CANONICAL = `${QUESTIONNAIRE_URL}|${QUESTIONNAIRE_VERSION}`;
/** Rule-set id the notes of written resources name (spec §13). */
export const RULE_SET_ID = 'bp-redflag-1.1';

/** Canonical URLs of the project profiles (StructureDefinitions). */
export const PROFILE_URLS = {
  QUESTIONNAIRE_RESPONSE: `${CANONICAL_BASE}/StructureDefinition/spine-redflag-questionnaire-response`,
  IMAGING_SERVICE_REQUEST: `${CANONICAL_BASE}/StructureDefinition/spine-imaging-service-request`,
  SCREENING_NOTE: `${CANONICAL_BASE}/StructureDefinition/spine-screening-note`,
} as const;

/** Imaging key of the output object (spec §7.1, §7.2). */
export type ImagingKey = 'MRI_WWO' | 'MRI_WO' | 'CT_WO' | 'XR' | 'XR_PELVIS';
/** Imaging region (spec §7.3); PELVIS only with XR_PELVIS. */
export type ImagingRegion = 'LUMBAR' | 'THORACIC' | 'COMPLETE' | 'PELVIS';

const IMAGING_ROWS: ReadonlyMap<string, ValueSetUrl> = new Map(
  Object.values(VALUE_SET_URLS)
    .filter((url) => /\/ValueSet\/imaging-(mri|ct|xr)-/.test(url))
    .map((url) => [url.slice(url.lastIndexOf('/') + 1), url]),
);

/**
 * The ValueSet of one §10.6 row: `imaging-<key>-<region>`, key in lower case with `_` as `-`.
 * @param key - imaging key of the output object
 * @param region - region of the study
 * @returns the canonical URL, or undefined for a combination §10.6 does not have (e.g. XR_PELVIS + LUMBAR)
 */
export function imagingValueSetUrl(
  key: ImagingKey,
  region: ImagingRegion,
): ValueSetUrl | undefined {
  return IMAGING_ROWS.get(`imaging-${key.toLowerCase().replace('_', '-')}-${region.toLowerCase()}`);
}

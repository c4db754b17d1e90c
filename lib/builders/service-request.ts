/**
 * Imaging proposals (profile `spine-imaging-service-request`, clinical-spec §7.6): one
 * ServiceRequest per suggested study — the primary study and each secondary study (§7.2) — as a
 * draft proposal for the clinician to review and sign in the EHR. The app never places an order.
 * Pure: time, ids and the code sets are parameters.
 */
import type { CodeableConcept, Coding, Reference, ServiceRequest } from 'fhir/r4';
import type { ValueSetRegistry } from '@/lib/terminology';
import {
  CODE_SYSTEM_URLS,
  PROFILE_URLS,
  RULE_SET_ID,
  VALUE_SET_URLS,
  imagingValueSetUrl,
} from '@/lib/terminology';
import type { ImagingSuggestion, RuleId, ScreenOutput, Tier } from '@/lib/redflags/types';
import { SUGGESTION_IDENTIFIER_SYSTEM } from './identifiers';

/** A rule as the note and the reason codes name it. */
export interface RuleLabel {
  readonly id: RuleId;
  readonly title: string;
}

/** Inputs of {@link buildImagingServiceRequests}. */
export interface ImagingRequestInput {
  readonly output: ScreenOutput;
  readonly patientId: string;
  readonly encounterId?: string;
  /** The clinician (`Practitioner/…` or `PractitionerRole/…`, from `fhirUser`). */
  readonly requesterRef?: string;
  /** T0, when the proposal is made (ISO date-time with offset). */
  readonly authoredOn: string;
  readonly screeningId: string;
  /** The screening's QuestionnaireResponse: `QuestionnaireResponse/<id>` or its `urn:uuid:` placeholder. */
  readonly questionnaireResponseRef: string;
  /** Where the pain is (`pain-location` answer): thoracic pain gets the thoracic reason code. */
  readonly painLocation?: string;
  /** A back-pain diagnosis coding from the chart for this encounter, used as the reason when present. */
  readonly chartReason?: Coding;
  /** Titles of the rules (the engine's registry). */
  readonly rules: readonly RuleLabel[];
  /** The project ValueSets (codes of each study, categories, default reasons). */
  readonly valueSets: ValueSetRegistry;
}

const TIER_WORDS: Readonly<Record<Tier, string>> = {
  EMERGENT: 'EMERGENT: emergency assessment now; imaging within 4 h',
  URGENT: 'URGENT: within 24 h',
  SOON: 'SOON: within 7 days',
  ROUTINE: 'ROUTINE: no imaging',
};

const PRIORITY_TIER: Readonly<Record<ImagingSuggestion['priority'], Tier>> = {
  stat: 'EMERGENT',
  urgent: 'URGENT',
  routine: 'SOON',
};

/** Whether proposals may be written for this output (§7.6, §8.4). */
export function imagingProposalsAllowed(output: ScreenOutput): boolean {
  if (output.status === 'complete')
    return output.imaging !== null || output.secondaryImaging.length > 0;
  return output.tier === 'EMERGENT' && output.imaging !== null;
}

/**
 * The studies to propose: the primary and every secondary study of a complete evaluation; only the
 * primary study of an incomplete one with a provisional EMERGENT tier (§8.4 allows "the draft
 * imaging ServiceRequest", read as the one primary study); none otherwise.
 */
export function studiesToPropose(output: ScreenOutput): readonly ImagingSuggestion[] {
  if (!imagingProposalsAllowed(output)) return [];
  if (output.status === 'incomplete') return output.imaging ? [output.imaging] : [];
  return [...(output.imaging ? [output.imaging] : []), ...output.secondaryImaging];
}

/** The rules behind a study: the trauma study (CT/XR secondary) and the pelvis radiograph have their own. */
function rulesFor(
  study: ImagingSuggestion,
  output: ScreenOutput,
  primary: boolean,
): readonly RuleId[] {
  if (primary) return output.firedRules;
  if (study.key === 'XR_PELVIS') return output.firedRules.filter((id) => id === 'RF-IBP');
  return output.firedRules.filter((id) => id === 'RF-TRAUMA-MAJOR');
}

function firstCoding(valueSets: ValueSetRegistry, url: string): Coding | undefined {
  return valueSets.valueSet(url).codings[0];
}

function references(
  output: ScreenOutput,
  rules: readonly RuleId[],
  prefix: 'Condition/' | 'Observation/',
): Reference[] {
  const refs = output.evidence
    .filter((e) => (rules as readonly string[]).includes(e.rule) && e.reference?.startsWith(prefix))
    .map((e) => e.reference ?? '');
  return [...new Set(refs)].map((reference) => ({ reference }));
}

function studyText(coding: readonly Coding[]): string | undefined {
  return coding.find((c) => c.system === 'http://loinc.org')?.display ?? coding[0]?.display;
}

function isClinicianRef(ref: string | undefined): ref is string {
  return ref !== undefined && /^(Practitioner|PractitionerRole)\/[A-Za-z0-9\-.]{1,64}$/.test(ref);
}

/**
 * Builds one ServiceRequest proposal per study to propose (none when {@link studiesToPropose} is
 * empty). Each carries the study's codes from its `imaging-<key>-<region>` ValueSet, the priority
 * and latest occurrence of its tier, the back-pain reason and the fired rules as reason codes,
 * the Conditions and Observations that made them fire, the QuestionnaireResponse, and a note with
 * the rule ids, the tier and the rule-set version.
 */
export function buildImagingServiceRequests(input: ImagingRequestInput): ServiceRequest[] {
  const { output, valueSets } = input;
  const titles = new Map(input.rules.map((r) => [r.id, r.title]));
  const ruleCodings = new Map(
    valueSets
      .valueSet(VALUE_SET_URLS.RED_FLAG_RULE_IDS)
      .codings.flatMap((c) => (c.code ? [[c.code, c] as const] : [])),
  );
  const category = firstCoding(valueSets, VALUE_SET_URLS.SERVICE_REQUEST_CATEGORY_IMAGING);
  const defaultReason = firstCoding(
    valueSets,
    input.painLocation === 'thoracic'
      ? VALUE_SET_URLS.REASON_THORACIC_BACK_PAIN_DEFAULT
      : VALUE_SET_URLS.REASON_LOW_BACK_PAIN_DEFAULT,
  );
  const reason = input.chartReason ?? defaultReason;

  return studiesToPropose(output).map((study, index): ServiceRequest => {
    const primary = index === 0 && output.imaging !== null;
    const rules = rulesFor(study, output, primary);
    const url = imagingValueSetUrl(study.key, study.region);
    if (!url) throw new Error(`No imaging ValueSet for ${study.key} ${study.region} (spec §10.6).`);
    const codings = valueSets.valueSet(url).codings.map((c) => ({ ...c }));
    const text = studyText(codings);
    const tier = primary ? output.tier : PRIORITY_TIER[study.priority];
    const ruleReasons: CodeableConcept[] = rules.map((id) => ({
      coding: [
        {
          system: CODE_SYSTEM_URLS.RED_FLAG_RULES,
          code: id,
          display: ruleCodings.get(id)?.display ?? titles.get(id) ?? id,
        },
      ],
    }));
    const ruleList = rules.map((id) => `${id} (${titles.get(id) ?? id})`).join('; ');
    const provisional =
      output.status === 'incomplete'
        ? ' Provisional: the screening was not complete when this was proposed.'
        : '';
    return {
      resourceType: 'ServiceRequest',
      meta: { profile: [PROFILE_URLS.IMAGING_SERVICE_REQUEST] },
      identifier: [
        {
          system: SUGGESTION_IDENTIFIER_SYSTEM,
          value: `${input.screeningId}-${study.key}-${study.region}`.toLowerCase(),
        },
      ],
      status: 'draft',
      intent: 'proposal',
      category: category ? [{ coding: [{ ...category }] }] : [],
      priority: study.priority,
      code: { coding: codings, ...(text ? { text } : {}) },
      subject: { reference: `Patient/${input.patientId}` },
      ...(input.encounterId ? { encounter: { reference: `Encounter/${input.encounterId}` } } : {}),
      occurrencePeriod: { start: input.authoredOn, end: study.occurrenceLatest },
      authoredOn: input.authoredOn,
      ...(isClinicianRef(input.requesterRef)
        ? { requester: { reference: input.requesterRef } }
        : {}),
      reasonCode: [...(reason ? [{ coding: [{ ...reason }] }] : []), ...ruleReasons],
      reasonReference: references(output, rules, 'Condition/'),
      supportingInfo: [
        { reference: input.questionnaireResponseRef },
        ...references(output, rules, 'Observation/'),
      ],
      note: [
        {
          text: `Suggested by rule set ${RULE_SET_ID}: ${ruleList}. Tier ${TIER_WORDS[tier]}.${provisional} Decision support only: review before signing.`,
        },
      ],
    } satisfies ServiceRequest;
  });
}

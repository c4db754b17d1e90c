/**
 * The QuestionnaireResponse of a screening (profile `spine-redflag-questionnaire-response`): one
 * explicit answer per answered item, nested in the §9.5 group items. Unanswered and disabled
 * items are left out, never written as `false` (missing data is never a negative finding).
 * Pure: time and ids are parameters.
 */
import type {
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
} from 'fhir/r4';
import { PROFILE_URLS, QUESTIONNAIRE_CANONICAL } from '@/lib/terminology';
import { SCREENING_IDENTIFIER_SYSTEM } from './identifiers';

/** An answer as the app holds it: boolean, integer, or the code of a choice option. */
export type AnswerValue = boolean | number | string;

/** Inputs of {@link buildQuestionnaireResponse}. */
export interface QuestionnaireResponseInput {
  /** The Questionnaire from `fhir-profiles/` (items, texts and answer options come from it). */
  readonly questionnaire: Questionnaire;
  /** Answers by linkId. */
  readonly answers: ReadonlyMap<string, AnswerValue>;
  /** LinkIds of the items shown (enabled) for this patient; answers to other items are not written. */
  readonly enabledLinkIds: ReadonlySet<string>;
  /** `completed` when every required enabled item is answered, else `in-progress`. */
  readonly status: 'completed' | 'in-progress';
  readonly patientId: string;
  readonly encounterId?: string;
  /** The clinician (`Practitioner/…` or `PractitionerRole/…`, from `fhirUser`); other users are not authors here. */
  readonly authorRef?: string;
  /** When the screening was completed (ISO date-time with offset). */
  readonly authored: string;
  /** The screening's stable id. */
  readonly screeningId: string;
}

function answerOf(
  item: QuestionnaireItem,
  value: AnswerValue,
): QuestionnaireResponseItemAnswer | undefined {
  if (item.type === 'boolean')
    return typeof value === 'boolean' ? { valueBoolean: value } : undefined;
  if (item.type === 'integer') {
    return typeof value === 'number' && Number.isInteger(value)
      ? { valueInteger: value }
      : undefined;
  }
  if (item.type === 'choice') {
    const option = (item.answerOption ?? []).find((o) => o.valueCoding?.code === value);
    return option?.valueCoding ? { valueCoding: { ...option.valueCoding } } : undefined;
  }
  // The screening Questionnaire has no other answerable item types.
  return undefined;
}

function responseItems(
  items: readonly QuestionnaireItem[] | undefined,
  input: QuestionnaireResponseInput,
): QuestionnaireResponseItem[] {
  return (items ?? []).flatMap((item): QuestionnaireResponseItem[] => {
    if (item.type === 'group') {
      const children = responseItems(item.item, input);
      return children.length > 0
        ? [{ linkId: item.linkId, ...(item.text ? { text: item.text } : {}), item: children }]
        : [];
    }
    const value = input.answers.get(item.linkId);
    if (value === undefined || !input.enabledLinkIds.has(item.linkId)) return [];
    const answer = answerOf(item, value);
    return answer
      ? [{ linkId: item.linkId, ...(item.text ? { text: item.text } : {}), answer: [answer] }]
      : [];
  });
}

function isAuthorRef(
  ref: string | undefined,
): ref is `${'Practitioner' | 'PractitionerRole'}/${string}` {
  return ref !== undefined && /^(Practitioner|PractitionerRole)\/[A-Za-z0-9\-.]{1,64}$/.test(ref);
}

/**
 * Builds the screening's QuestionnaireResponse.
 * @param input - answers, the Questionnaire, patient/encounter/author, time and id
 */
export function buildQuestionnaireResponse(
  input: QuestionnaireResponseInput,
): QuestionnaireResponse {
  return {
    resourceType: 'QuestionnaireResponse',
    meta: { profile: [PROFILE_URLS.QUESTIONNAIRE_RESPONSE] },
    identifier: { system: SCREENING_IDENTIFIER_SYSTEM, value: input.screeningId },
    questionnaire: QUESTIONNAIRE_CANONICAL,
    status: input.status,
    subject: { reference: `Patient/${input.patientId}` },
    ...(input.encounterId ? { encounter: { reference: `Encounter/${input.encounterId}` } } : {}),
    authored: input.authored,
    ...(isAuthorRef(input.authorRef) ? { author: { reference: input.authorRef } } : {}),
    item: responseItems(input.questionnaire.item, input),
  } satisfies QuestionnaireResponse;
}

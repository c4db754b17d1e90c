import type { Questionnaire, QuestionnaireItem } from 'fhir/r4';
import questionnaire from '@/fhir-profiles/resources/Questionnaire-back-pain-redflags.json';

/**
 * The clinician Questionnaire `back-pain-redflags` version 1.1 (spec §9), generated from FSH by
 * `npm run profiles`. The single source of the items, linkIds, texts and answer options.
 */
export const BACK_PAIN_QUESTIONNAIRE = questionnaire as Questionnaire;

/**
 * Every item of a Questionnaire (groups and their children, depth first, in document order).
 * @param items - top-level items
 * @returns the flattened items
 */
export function flattenItems(items: readonly QuestionnaireItem[] | undefined): QuestionnaireItem[] {
  return (items ?? []).flatMap((item) => [item, ...flattenItems(item.item)]);
}

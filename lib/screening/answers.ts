/**
 * The clinician's answers as the app holds them (by linkId, as in a draft), checked against the
 * Questionnaire resource, and in words. Pure.
 */
import type { Questionnaire, QuestionnaireItem } from 'fhir/r4';
import { flattenItems } from '@/lib/profiles/questionnaire';

/** An answer: boolean, integer, or the code of a choice option. */
export type AnswerValue = boolean | number | string;

/** Answers by linkId (an unanswered item is absent: unanswered is never "No"). */
export type Answers = Readonly<Record<string, AnswerValue>>;

const MIN_VALUE = 'http://hl7.org/fhir/StructureDefinition/minValue';
const MAX_VALUE = 'http://hl7.org/fhir/StructureDefinition/maxValue';

function bound(item: QuestionnaireItem, url: string): number | undefined {
  const value = (item.extension ?? []).find((e) => e.url === url)?.valueInteger;
  return typeof value === 'number' ? value : undefined;
}

/**
 * Whether a value is a valid answer to an item: a boolean for a boolean item, an integer within
 * the item's min/max for an integer item, one of the option codes for a choice item.
 * @param item - the Questionnaire item
 * @param value - the candidate answer
 */
export function isValidAnswer(item: QuestionnaireItem, value: unknown): value is AnswerValue {
  if (item.type === 'boolean') return typeof value === 'boolean';
  if (item.type === 'integer') {
    if (typeof value !== 'number' || !Number.isInteger(value)) return false;
    const min = bound(item, MIN_VALUE);
    const max = bound(item, MAX_VALUE);
    return (min === undefined || value >= min) && (max === undefined || value <= max);
  }
  if (item.type === 'choice') {
    return (
      typeof value === 'string' &&
      (item.answerOption ?? []).some((option) => option.valueCoding?.code === value)
    );
  }
  return false;
}

/**
 * Keeps only the answers that are valid for the Questionnaire (e.g. a restored draft written
 * against an older Questionnaire): unknown linkIds and invalid values are dropped.
 * @param raw - answers by linkId (anything)
 * @param questionnaire - the Questionnaire resource
 */
export function sanitizeAnswers(raw: unknown, questionnaire: Questionnaire): Answers {
  if (typeof raw !== 'object' || raw === null) return {};
  const items = new Map(flattenItems(questionnaire.item).map((item) => [item.linkId, item]));
  const out: Record<string, AnswerValue> = {};
  for (const [linkId, value] of Object.entries(raw)) {
    const item = items.get(linkId);
    if (item !== undefined && isValidAnswer(item, value)) out[linkId] = value;
  }
  return out;
}

/**
 * Parses what the clinician typed into an integer item.
 * @param text - the input's value
 * @param min - the item's minimum, if any
 * @param max - the item's maximum, if any
 * @returns `empty` (no answer), the answer, or why the text is not one
 */
export function parseIntegerInput(
  text: string,
  min: number | undefined,
  max: number | undefined,
):
  | { readonly kind: 'empty' }
  | { readonly kind: 'value'; readonly value: number }
  | { readonly kind: 'invalid'; readonly message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const range =
    min !== undefined && max !== undefined
      ? `a whole number from ${min} to ${max}`
      : min !== undefined
        ? `a whole number of at least ${min}`
        : max !== undefined
          ? `a whole number up to ${max}`
          : 'a whole number';
  if (!/^[+-]?\d+$/.test(trimmed)) return { kind: 'invalid', message: `Enter ${range}.` };
  const value = Number(trimmed);
  if (!Number.isSafeInteger(value)) return { kind: 'invalid', message: `Enter ${range}.` };
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    return { kind: 'invalid', message: `Enter ${range}.` };
  }
  return { kind: 'value', value };
}

/**
 * An answer in words: Yes/No, the number with its unit, or the option's display.
 * @param value - the answer
 * @param options - the item's options (choice items)
 * @param unit - the item's unit (integer items)
 */
export function answerLabel(
  value: AnswerValue | undefined,
  options: readonly { readonly code: string; readonly display: string }[] = [],
  unit?: string,
): string {
  if (value === undefined) return 'Not answered';
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  if (typeof value === 'number')
    return unit ? `${value} ${unit}${value === 1 ? '' : 's'}` : `${value}`;
  return options.find((o) => o.code === value)?.display ?? value;
}

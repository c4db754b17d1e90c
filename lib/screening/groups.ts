/**
 * Presentation-group behaviour of clinical-spec §9.5 (UI only; the engine's semantics are
 * unchanged): the "None of these" button of a group, and the interim "EMERGENT — act now" banner.
 * Pure.
 */
import { ITEM_BY_LINK_ID, substituteValue } from '@/lib/redflags/items';
import type { AnswerValue, Answers } from './answers';
import type { GroupView, QuestionView } from './questionnaire-view';

/** Groups without a "None of these" button (§9.5: the episode context). */
const NO_BUTTON_GROUPS: ReadonlySet<string> = new Set(['grp-context']);

/** The group of the emergency neurological symptoms (§9.5 group 1). */
export const EMERGENCY_GROUP = 'grp-emergency-neuro';

/** Choice answers that are positive findings (a risk factor or an emergency). */
const POSITIVE_CHOICES: Readonly<Record<string, readonly string[]>> = {
  'hx-ivdu': ['current'],
  trauma: ['major'],
};

/**
 * Whether an answer is a positive finding: `true` for a boolean, a positive code for a choice
 * (`hx-ivdu` current, `trauma` major). Unanswered is never positive and never negative.
 * @param question - the question
 * @param value - its answer
 */
export function isPositiveAnswer(question: QuestionView, value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (question.type === 'boolean') return value === true;
  if (question.type === 'choice')
    return (POSITIVE_CHOICES[question.linkId] ?? []).includes(String(value));
  return false;
}

/**
 * The negative answer the button may give an item, or undefined when it never fills it: `false`
 * for a boolean, the engine's least alarming value for a choice item (`hx-ivdu` → never);
 * integer items are never filled (§9.5).
 */
function negativeOf(question: QuestionView): AnswerValue | undefined {
  if (question.type === 'boolean') return false;
  if (question.type !== 'choice') return undefined;
  const definition = ITEM_BY_LINK_ID.get(question.linkId);
  const negative = definition === undefined ? undefined : substituteValue(definition);
  return typeof negative === 'string' && question.options.some((o) => o.code === negative)
    ? negative
    : undefined;
}

/** The state of a group's "None of these" button. */
export type NoneOfThese =
  | { readonly available: false }
  | {
      readonly available: true;
      /** "None of these", or "No other risk factors" when the group holds chart-positive items. */
      readonly label: string;
      /** Disabled while an item of the group is positive (chart-positive items aside). */
      readonly disabled: boolean;
      /** The answers a click gives: every shown unanswered or negative item, with its negative. */
      readonly fills: Readonly<Record<string, AnswerValue>>;
    };

/**
 * The "None of these" button of a group (§9.5): it answers every shown (enabled) item that is
 * unanswered or already negative with its negative (`false`; `hx-ivdu` → never); it never
 * changes chart-positive pre-populated items (the label then says "No other risk factors") and
 * never fills integer items; it is disabled while any item of the group is positive; the
 * episode-context group has none.
 * @param group - the group as rendered (shown items only)
 * @param answers - the current answers
 * @param chartPositive - linkIds pre-populated from the chart as chart-authoritative
 */
export function noneOfTheseFor(
  group: GroupView,
  answers: Answers,
  chartPositive: ReadonlySet<string>,
): NoneOfThese {
  if (group.linkId === undefined || NO_BUTTON_GROUPS.has(group.linkId)) return { available: false };
  const fills: Record<string, AnswerValue> = {};
  let fillable = 0;
  let positive = false;
  let hasChartPositive = false;
  for (const question of group.questions) {
    if (chartPositive.has(question.linkId)) {
      hasChartPositive = true;
      continue;
    }
    const value = answers[question.linkId];
    if (isPositiveAnswer(question, value)) positive = true;
    const negative = negativeOf(question);
    if (negative === undefined) continue;
    fillable += 1;
    if (value === undefined || value === negative) fills[question.linkId] = negative;
  }
  if (fillable === 0) return { available: false };
  return {
    available: true,
    label: hasChartPositive ? 'No other risk factors' : 'None of these',
    disabled: positive,
    fills,
  };
}

/**
 * Whether the interim "EMERGENT — act now" banner shows (§9.5): any shown item of the emergency
 * neurological group is positive, or the trauma is major — without waiting for completion.
 * @param groups - the groups as rendered
 * @param answers - the current answers
 */
export function isInterimEmergent(groups: readonly GroupView[], answers: Answers): boolean {
  return groups.some((group) =>
    group.questions.some(
      (question) =>
        (group.linkId === EMERGENCY_GROUP || question.linkId === 'trauma') &&
        isPositiveAnswer(question, answers[question.linkId]),
    ),
  );
}

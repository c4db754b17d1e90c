import { DRAFT_TTL_MS, type Draft } from './types';

/**
 * A non-null, non-array object whose properties can be inspected.
 * @param value - anything
 */
export function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAnswerValue(value: unknown): value is boolean | number | string {
  return (
    typeof value === 'boolean' ||
    typeof value === 'string' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/**
 * Answers by linkId: a plain object of booleans, finite numbers and strings.
 * @param value - anything
 */
export function isAnswers(
  value: unknown,
): value is Readonly<Record<string, boolean | number | string>> {
  return isObject(value) && Object.values(value).every(isAnswerValue);
}

/**
 * A draft that survives a JSON round trip unchanged (checked on save, and on everything read back).
 * @param value - anything
 */
export function isDraft(value: unknown): value is Draft {
  return (
    isObject(value) &&
    typeof value.screeningId === 'string' &&
    isAnswers(value.answers) &&
    typeof value.savedAt === 'number' &&
    Number.isFinite(value.savedAt)
  );
}

/**
 * Whether a draft saved at `savedAt` is past its time at `now`. A `savedAt` more than the TTL in
 * the future (the clock was set back) counts too, so no draft can outlive the TTL by much.
 * @param savedAt - the draft's `savedAt`, epoch ms
 * @param now - the current time, epoch ms
 */
export function isExpired(savedAt: number, now: number): boolean {
  return Math.abs(now - savedAt) > DRAFT_TTL_MS;
}

/**
 * A copy the caller cannot change behind the store's back (answer values are primitives).
 * @param draft - a valid draft
 */
export function copyDraft(draft: Draft): Draft {
  return { screeningId: draft.screeningId, answers: { ...draft.answers }, savedAt: draft.savedAt };
}

/**
 * Reading the clinician's QuestionnaireResponse (clinical-spec §9.1, §9.2, §13). Pure: answers are
 * checked against the §9.1 item table and returned as an {@link AnswerMap}, or refused with a
 * one-line reason (the CLI's exit 2).
 */
import {
  ANSWER_SYSTEM,
  ITEM_BY_LINK_ID,
  QUESTIONNAIRE_URL,
  QUESTIONNAIRE_VERSION,
  isLinkId,
  type AnswerValue,
  type ItemDefinition,
  type LinkId,
} from './items';
import { isRecord } from './json';

/** Answers read from a QuestionnaireResponse, or why they are unusable input. */
export type AnswersResult =
  | {
      readonly ok: true;
      readonly answers: ReadonlyMap<LinkId, AnswerValue>;
      /** `status` is `completed` or `amended` (otherwise the evaluation is incomplete, §8.4). */
      readonly completed: boolean;
    }
  | { readonly ok: false; readonly reason: string };

class AnswerError extends Error {}

function readValue(item: ItemDefinition, answer: Record<string, unknown>): AnswerValue {
  const keys = Object.keys(answer).filter((k) => k.startsWith('value'));
  const where = `answer to ${item.linkId}`;
  if (keys.length !== 1) throw new AnswerError(`${where} has ${keys.length} value[x] elements`);
  const key = keys[0];
  const value = key === undefined ? undefined : answer[key];
  switch (item.type) {
    case 'boolean':
      if (key !== 'valueBoolean' || typeof value !== 'boolean') {
        throw new AnswerError(`${where} must be valueBoolean, got ${key}`);
      }
      return value;
    case 'integer': {
      if (key !== 'valueInteger' || typeof value !== 'number' || !Number.isInteger(value)) {
        throw new AnswerError(`${where} must be valueInteger, got ${key}`);
      }
      if (
        (item.min !== undefined && value < item.min) ||
        (item.max !== undefined && value > item.max)
      ) {
        throw new AnswerError(
          `${where} is out of range ${item.min ?? ''}–${item.max ?? ''}: ${value}`,
        );
      }
      return value;
    }
    case 'choice': {
      if (key !== 'valueCoding' || !isRecord(value)) {
        throw new AnswerError(`${where} must be valueCoding, got ${key}`);
      }
      const { code, system } = value;
      if (system !== undefined && system !== ANSWER_SYSTEM) {
        throw new AnswerError(`${where} has system ${String(system)}, expected ${ANSWER_SYSTEM}`);
      }
      if (typeof code !== 'string' || !(item.options ?? []).includes(code)) {
        throw new AnswerError(`${where} has code ${String(code)}, not one of the item's options`);
      }
      return code;
    }
  }
}

function walk(items: unknown, out: Map<LinkId, AnswerValue>, path: string): void {
  if (items === undefined) return;
  if (!Array.isArray(items)) throw new AnswerError(`${path}.item is not an array`);
  for (const item of items) {
    if (!isRecord(item) || typeof item.linkId !== 'string') {
      throw new AnswerError(`${path}.item has an entry without a linkId`);
    }
    const linkId = item.linkId;
    const answers = item.answer;
    if (answers !== undefined && !Array.isArray(answers)) {
      throw new AnswerError(`answer of ${linkId} is not an array`);
    }
    const list: unknown[] = Array.isArray(answers) ? answers : [];
    const definition = ITEM_BY_LINK_ID.get(linkId);
    if (definition !== undefined && isLinkId(linkId)) {
      // An answer element without value[x] is no answer (§13).
      const valued = list.filter(
        (a): a is Record<string, unknown> =>
          isRecord(a) && Object.keys(a).some((k) => k.startsWith('value')),
      );
      if (valued.length > 1) throw new AnswerError(`more than one answer to ${linkId}`);
      const only = valued[0];
      if (only !== undefined) {
        if (out.has(linkId)) throw new AnswerError(`${linkId} is answered twice`);
        out.set(linkId, readValue(definition, only));
      }
    }
    // Unknown linkIds (incl. age-years and grp-*) are ignored, but their children are read.
    walk(item.item, out, linkId);
    for (const a of list) if (isRecord(a)) walk(a.item, out, linkId);
  }
}

/**
 * Reads a QuestionnaireResponse (§13): it must answer our Questionnaire (`|1.1` or unversioned),
 * refer to the patient if it has a subject reference, and give answers of the right type, within
 * the item's options or range, at most one per item and each item once. Unknown linkIds are
 * ignored; nested items are read.
 *
 * A response with `status` `entered-in-error` is read as no answers at all (safer reading: its
 * answers were withdrawn), so every required item is missing.
 * @param qr - the parsed JSON
 * @param isOwnPatient - whether a subject reference refers to the chart's patient
 */
export function readAnswers(
  qr: unknown,
  isOwnPatient: (reference: string) => boolean,
): AnswersResult {
  if (!isRecord(qr) || qr.resourceType !== 'QuestionnaireResponse') {
    return { ok: false, reason: 'the answers file is not a FHIR QuestionnaireResponse' };
  }
  const questionnaire = qr.questionnaire;
  if (typeof questionnaire !== 'string') {
    return { ok: false, reason: `the QuestionnaireResponse does not name ${QUESTIONNAIRE_URL}` };
  }
  const [url, version, ...rest] = questionnaire.split('|');
  if (url !== QUESTIONNAIRE_URL || rest.length > 0) {
    return {
      ok: false,
      reason: `the QuestionnaireResponse answers another Questionnaire: ${questionnaire}`,
    };
  }
  if (version !== undefined && version !== QUESTIONNAIRE_VERSION) {
    return {
      ok: false,
      reason: `the QuestionnaireResponse answers version ${version}, not ${QUESTIONNAIRE_VERSION}`,
    };
  }
  const subject = qr.subject;
  if (isRecord(subject) && subject.reference !== undefined) {
    if (typeof subject.reference !== 'string' || !isOwnPatient(subject.reference)) {
      return {
        ok: false,
        reason: `the QuestionnaireResponse is for another patient (${String(subject.reference)})`,
      };
    }
  }
  const answers = new Map<LinkId, AnswerValue>();
  try {
    walk(qr.item, answers, 'QuestionnaireResponse');
  } catch (error) {
    if (error instanceof AnswerError) return { ok: false, reason: error.message };
    throw error;
  }
  if (qr.status === 'entered-in-error') return { ok: true, answers: new Map(), completed: false };
  return { ok: true, answers, completed: qr.status === 'completed' || qr.status === 'amended' };
}

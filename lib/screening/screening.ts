/**
 * One screening at T0: the chart and the clinician's answers turned into the QuestionnaireResponse
 * that would be written and the engine's evaluation of exactly that response (clinical-spec §8.4,
 * §9). Pure: T0, the screening id and the session's ids are parameters.
 */
import type { Questionnaire, QuestionnaireResponse } from 'fhir/r4';
import { buildQuestionnaireResponse } from '@/lib/builders/questionnaire-response';
import { agesToEvaluate } from '@/lib/redflags/age';
import { parseT0 } from '@/lib/redflags/dates';
import { DEFAULT_TERMINOLOGY } from '@/lib/redflags/default-terminology';
import { evaluateSnapshot, type ScreenResult } from '@/lib/redflags/evaluate';
import { isLinkId, missingItemsFor, type AnswerMap, type LinkId } from '@/lib/redflags/items';
import { itemsToShow, toPrepopulation, type ItemPrepopulation } from '@/lib/redflags/prepopulate';
import { toChartSnapshot, type ChartSnapshot } from '@/lib/redflags/snapshot';
import type { ChartInputs } from '@/lib/redflags/types';
import type { AnswerValue, Answers } from './answers';
import { extraLinkIds } from './questionnaire-view';

/** Who screens whom (from the SMART session). */
export interface ScreeningContext {
  readonly patientId: string;
  readonly encounterId: string | undefined;
  /** `fhirUser` as a relative reference (`Practitioner/…`). */
  readonly userRef: string | undefined;
}

/** The chart read at T0, with what it pre-populates. */
export interface ChartAtT0 {
  readonly snapshot: ChartSnapshot;
  readonly prepopulation: readonly ItemPrepopulation[];
  /** linkIds pre-populated as chart-authoritative (§3.7). */
  readonly chartPositive: ReadonlySet<string>;
}

/**
 * Reads the chart at T0 and its pre-population (§9.1, §9.3, §3.7).
 * @param chart - the chart
 * @param t0 - T0 (ISO-8601 with offset)
 * @returns undefined when T0 is not a valid date-time
 */
export function toChartAtT0(chart: ChartInputs, t0: string): ChartAtT0 | undefined {
  const parsed = parseT0(t0);
  if (parsed === undefined) return undefined;
  const snapshot = toChartSnapshot(chart, parsed, DEFAULT_TERMINOLOGY);
  const prepopulation = toPrepopulation(snapshot);
  return {
    snapshot,
    prepopulation,
    chartPositive: new Set(
      prepopulation.filter((p) => p.authority === 'chart').map((p) => p.linkId),
    ),
  };
}

/**
 * The starting answers of a screening: the chart-authoritative pre-population (§3.7), then the
 * restored draft's answers over it. Suggestions and prompts are hints, never answers.
 * @param prepopulation - the chart's pre-population
 * @param restored - answers of a restored draft
 */
export function initialAnswers(
  prepopulation: readonly ItemPrepopulation[],
  restored: Answers = {},
): Answers {
  const out: Record<string, AnswerValue> = {};
  for (const p of prepopulation) {
    if (p.authority === 'chart' && p.value !== undefined && !(p.linkId in out)) {
      out[p.linkId] = p.value;
    }
  }
  return { ...out, ...restored };
}

/** Inputs of {@link toScreening}. */
export interface ScreeningInput {
  readonly chart: ChartInputs;
  readonly chartAtT0: ChartAtT0;
  readonly questionnaire: Questionnaire;
  readonly answers: Answers;
  /** T0 (ISO-8601 with offset): `authored` of the response and the evaluation time. */
  readonly t0: string;
  readonly screeningId: string;
  readonly context: ScreeningContext;
}

/** A screening: what is shown, what would be written, and the engine's evaluation of it. */
export interface Screening {
  /** linkIds shown (enabled by the engine, plus items the engine does not know). */
  readonly shown: ReadonlySet<string>;
  /** Required items that are shown and unanswered (§8.4, for the response's status). */
  readonly unanswered: readonly LinkId[];
  readonly questionnaireResponse: QuestionnaireResponse;
  readonly result: ScreenResult;
}

function engineAnswers(answers: Answers): AnswerMap {
  const map = new Map<LinkId, AnswerValue>();
  for (const [linkId, value] of Object.entries(answers))
    if (isLinkId(linkId)) map.set(linkId, value);
  return map;
}

/**
 * Builds the screening's QuestionnaireResponse from the answers (status `completed` when no shown
 * required item is unanswered, else `in-progress`; shown items only) and evaluates exactly that
 * response, so the assessment shown is the one of what will be written.
 * @param input - chart, answers, T0, ids
 */
export function toScreening(input: ScreeningInput): Screening {
  const { snapshot } = input.chartAtT0;
  const map = engineAnswers(input.answers);
  const shown = new Set<string>([
    ...itemsToShow(snapshot, map),
    ...extraLinkIds(input.questionnaire),
  ]);
  const spineSurgery =
    snapshot.history.facts.SPINE_SURGERY.length > 0 || map.get('hx-spine-surgery') === true;
  const unanswered = new Set<LinkId>();
  for (const age of agesToEvaluate(snapshot.ageRange).ages) {
    for (const linkId of missingItemsFor({ age, answers: map, spineSurgery }))
      unanswered.add(linkId);
  }
  const questionnaireResponse = buildQuestionnaireResponse({
    questionnaire: input.questionnaire,
    answers: new Map(Object.entries(input.answers)),
    enabledLinkIds: shown,
    status: unanswered.size === 0 ? 'completed' : 'in-progress',
    patientId: input.context.patientId,
    encounterId: input.context.encounterId,
    authorRef: input.context.userRef,
    authored: input.t0,
    screeningId: input.screeningId,
  });
  return {
    shown,
    unanswered: [...unanswered],
    questionnaireResponse,
    // The chart was read once at T0 (chartAtT0); only the answers are evaluated again.
    result: evaluateSnapshot(snapshot, questionnaireResponse, input.t0, DEFAULT_TERMINOLOGY),
  };
}

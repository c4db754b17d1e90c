/**
 * What a save writes (clinical-spec §7.6, §8.4): the screening's QuestionnaireResponse first, with
 * its `urn:uuid:` placeholder, then one ServiceRequest proposal per suggested study when the
 * evaluation is complete, or incomplete with a provisional EMERGENT tier. Built with the builders
 * only; pure.
 */
import type { Coding, QuestionnaireResponse, Resource, ServiceRequest } from 'fhir/r4';
import { questionnaireResponsePlaceholder } from '@/lib/builders/identifiers';
import { buildImagingServiceRequests } from '@/lib/builders/service-request';
import type { WriteItem } from '@/lib/fhir/write';
import { DEFAULT_TERMINOLOGY } from '@/lib/redflags/default-terminology';
import { RULES } from '@/lib/redflags/evaluate';
import { VALUE_SET } from '@/lib/redflags/terminology';
import type { ChartInputs, ScreenOutput } from '@/lib/redflags/types';
import { DEFAULT_VALUE_SETS } from '@/lib/terminology';
import type { Answers } from './answers';
import type { ChartAtT0, Screening, ScreeningContext } from './screening';

/** The write item key of the QuestionnaireResponse. */
export const QUESTIONNAIRE_RESPONSE_KEY = 'questionnaire-response';

/** The resources of a save, in write order, and the evaluation they come from. */
export interface WritePlan {
  readonly items: readonly WriteItem[];
  readonly output: ScreenOutput;
  /** T0 of the plan (`authored` / `authoredOn`). */
  readonly t0: string;
}

/**
 * The back-pain diagnosis coding of the chart's most recent active back-pain Condition (the
 * engine's `back-pain-onset` evidence), used as the proposals' reason when present (§7.6).
 */
function chartReason(chart: ChartInputs, chartAtT0: ChartAtT0): Coding | undefined {
  const reference = chartAtT0.snapshot.history.suggestions['back-pain-onset'][0]?.reference;
  if (!reference?.startsWith('Condition/')) return undefined;
  const id = reference.slice('Condition/'.length);
  const condition = chart.conditions.find((c) => c.id === id);
  return condition?.code?.coding?.find((coding) =>
    DEFAULT_TERMINOLOGY.matches(VALUE_SET.backPain, { coding: [coding] }),
  );
}

/**
 * The write plan of a screening, or why there is none (answers the engine refused).
 * @param input - the chart, the screening (response and evaluation), ids and T0
 */
export function toWritePlan(input: {
  readonly chart: ChartInputs;
  readonly chartAtT0: ChartAtT0;
  readonly screening: Screening;
  readonly answers: Answers;
  readonly screeningId: string;
  readonly context: ScreeningContext;
  readonly t0: string;
}):
  | { readonly ok: true; readonly plan: WritePlan }
  | { readonly ok: false; readonly reason: string } {
  const { screening } = input;
  if (!screening.result.ok) return { ok: false, reason: screening.result.reason };
  const output = screening.result.evaluation.output;
  const placeholder = questionnaireResponsePlaceholder(input.screeningId);
  const location = input.answers['pain-location'];
  const painLocation =
    typeof location === 'string' && screening.shown.has('pain-location') ? location : undefined;
  const requests = buildImagingServiceRequests({
    output,
    patientId: input.context.patientId,
    encounterId: input.context.encounterId,
    requesterRef: input.context.userRef,
    authoredOn: input.t0,
    screeningId: input.screeningId,
    questionnaireResponseRef: placeholder,
    painLocation,
    chartReason: chartReason(input.chart, input.chartAtT0),
    rules: RULES,
    valueSets: DEFAULT_VALUE_SETS,
  });
  const items: WriteItem[] = [
    {
      key: QUESTIONNAIRE_RESPONSE_KEY,
      resource: screening.questionnaireResponse,
      fullUrl: placeholder,
    },
    ...requests.map((resource, index): WriteItem => ({
      key: `service-request-${index + 1}`,
      resource,
    })),
  ];
  return { ok: true, plan: { items, output, t0: input.t0 } };
}

/** A resource of a write plan in words, for the preview and the result. */
export interface WriteItemSummary {
  readonly key: string;
  readonly resourceType: string;
  readonly title: string;
  readonly lines: readonly string[];
}

function countAnswers(items: QuestionnaireResponse['item']): number {
  return (items ?? []).reduce(
    (n, item) => n + (item.answer?.length ? 1 : 0) + countAnswers(item.item),
    0,
  );
}

function isQuestionnaireResponse(resource: Resource): resource is QuestionnaireResponse {
  return resource.resourceType === 'QuestionnaireResponse';
}

function isServiceRequest(resource: Resource): resource is ServiceRequest {
  return resource.resourceType === 'ServiceRequest';
}

/**
 * What one resource of the plan is, in words (the preview's human summary).
 * @param item - a write item of {@link toWritePlan}
 */
export function describeWriteItem(item: WriteItem): WriteItemSummary {
  const resource: Resource = item.resource;
  if (isQuestionnaireResponse(resource)) {
    return {
      key: item.key,
      resourceType: 'QuestionnaireResponse',
      title: 'The screening’s answers (QuestionnaireResponse)',
      lines: [
        `Status ${resource.status}${resource.status === 'completed' ? '' : ' (some required items are unanswered)'}`,
        `${countAnswers(resource.item)} answers; unanswered items are left out, never written as “No”`,
        `Authored ${resource.authored ?? '—'}${resource.author?.reference ? ` by ${resource.author.reference}` : ''}`,
        `For ${resource.subject?.reference ?? '—'}${resource.encounter?.reference ? `, ${resource.encounter.reference}` : ''}`,
      ],
    };
  }
  if (isServiceRequest(resource)) {
    const reasons = (resource.reasonCode ?? [])
      .map((r) => r.coding?.[0]?.code ?? r.text ?? '')
      .filter((r) => r !== '');
    return {
      key: item.key,
      resourceType: 'ServiceRequest',
      title: `Imaging proposal: ${resource.code?.text ?? 'imaging study'} (ServiceRequest)`,
      lines: [
        `Draft proposal for the clinician to review and sign in the EHR (${resource.status}/${resource.intent})`,
        `Priority ${resource.priority ?? '—'}; at the latest by ${resource.occurrencePeriod?.end ?? '—'}`,
        `Reasons: ${reasons.join(', ')}`,
      ],
    };
  }
  return {
    key: item.key,
    resourceType: resource.resourceType,
    title: resource.resourceType,
    lines: [],
  };
}

import type { QuestionnaireResponse, ServiceRequest } from 'fhir/r4';
import { BACK_PAIN_QUESTIONNAIRE } from '@/lib/profiles/questionnaire';
import type { ChartInputs } from '@/lib/redflags/types';
import type { Answers } from '@/lib/screening/answers';
import { toChartAtT0, toScreening } from '@/lib/screening/screening';
import {
  QUESTIONNAIRE_RESPONSE_KEY,
  describeWriteItem,
  toWritePlan,
} from '@/lib/screening/write-plan';
import { T0, aChart, aCondition, aPatient } from '../../fixtures/chart';
import { negativeAdultAnswers } from '../../fixtures/screening';

const CONTEXT = { patientId: 'pt-1', encounterId: undefined, userRef: 'Practitioner/dr-1' };
const ID = '0b6a7a4e-1111-4a4a-9a9a-000000000001';
const NEGATIVE = negativeAdultAnswers({ 'pain-location': 'thoracic' });

function planOf(answers: Answers, chart: ChartInputs = aChart(aPatient(45))) {
  const chartAtT0 = toChartAtT0(chart, T0);
  if (!chartAtT0) throw new Error('T0');
  const screening = toScreening({
    chart,
    chartAtT0,
    questionnaire: BACK_PAIN_QUESTIONNAIRE,
    answers,
    t0: T0,
    screeningId: ID,
    context: CONTEXT,
  });
  const result = toWritePlan({
    chart,
    chartAtT0,
    screening,
    answers,
    screeningId: ID,
    context: CONTEXT,
    t0: T0,
  });
  if (!result.ok) throw new Error(result.reason);
  return result.plan;
}

describe('toWritePlan', () => {
  it('writes the QR first with its placeholder, then one proposal per study pointing at it', () => {
    const plan = planOf({ ...NEGATIVE, 'saddle-anesthesia': true });
    expect(plan.output).toMatchObject({ status: 'complete', tier: 'EMERGENT' });
    expect(plan.items.map((i) => [i.key, i.resource.resourceType, i.fullUrl])).toEqual([
      [QUESTIONNAIRE_RESPONSE_KEY, 'QuestionnaireResponse', `urn:uuid:${ID}`],
      ['service-request-1', 'ServiceRequest', undefined],
    ]);
    const sr = plan.items[1]?.resource as ServiceRequest;
    expect(sr.supportingInfo?.[0]?.reference).toBe(`urn:uuid:${ID}`);
    expect(sr.requester?.reference).toBe('Practitioner/dr-1');
    expect(sr.authoredOn).toBe(T0);
    // Cord compression aside, CES with thoracic pain images the complete spine (§7.3 row 3).
    expect(sr.code?.coding?.some((c) => c.code === '30854-4')).toBe(true);
    // The thoracic default reason (no back-pain Condition in the chart).
    expect(sr.reasonCode?.[0]?.coding?.[0]?.code).toBe('M54.6');
  });

  it('uses the chart’s back-pain diagnosis as the reason when there is one', () => {
    const chart = aChart(aPatient(45), [aCondition('M62.830', { onsetDateTime: '2026-06-11' })]);
    const plan = planOf({ ...NEGATIVE, 'saddle-anesthesia': true }, chart);
    const sr = plan.items[1]?.resource as ServiceRequest;
    expect(sr.reasonCode?.[0]?.coding?.[0]?.code).toBe('M62.830');
  });

  it('writes only the QR for an incomplete evaluation below EMERGENT, and for a complete one without imaging', () => {
    const incomplete = planOf({ 'night-pain': true });
    expect(incomplete.items.map((i) => i.resource.resourceType)).toEqual(['QuestionnaireResponse']);
    expect((incomplete.items[0]?.resource as QuestionnaireResponse).status).toBe('in-progress');
    expect(planOf(NEGATIVE).items).toHaveLength(1);
  });

  it('describes each resource in words', () => {
    const plan = planOf({ ...NEGATIVE, 'saddle-anesthesia': true });
    const [qr, sr] = plan.items.map(describeWriteItem);
    expect(qr?.title).toMatch(/QuestionnaireResponse/);
    expect(qr?.lines[0]).toBe('Status completed');
    expect(sr?.lines.join(' ')).toMatch(/Priority stat/);
  });
});

import { BACK_PAIN_QUESTIONNAIRE } from '@/lib/profiles/questionnaire';
import { initialAnswers, toChartAtT0, toScreening } from '@/lib/screening/screening';
import { T0, aChart, aCondition, aPatient } from '../../fixtures/chart';
import { negativeAdultAnswers } from '../../fixtures/screening';

const CONTEXT = { patientId: 'pt-1', encounterId: 'enc-1', userRef: 'Practitioner/dr-1' };
const ID = '0b6a7a4e-1111-4a4a-9a9a-000000000001';

function screeningOf(
  chart = aChart(aPatient(45)),
  answers: Record<string, boolean | number | string> = {},
) {
  const chartAtT0 = toChartAtT0(chart, T0);
  if (!chartAtT0) throw new Error('T0');
  return toScreening({
    chart,
    chartAtT0,
    questionnaire: BACK_PAIN_QUESTIONNAIRE,
    answers,
    t0: T0,
    screeningId: ID,
    context: CONTEXT,
  });
}

/** A complete set of negative answers for an adult. */
const COMPLETE_ADULT = negativeAdultAnswers();

describe('toChartAtT0 and initialAnswers', () => {
  it('pre-populates chart-authoritative items only; a restored draft wins', () => {
    const chart = aChart(aPatient(60), [
      aCondition('C50.911'),
      aCondition('M54.50', { onsetDateTime: '2026-06-10' }),
    ]);
    const atT0 = toChartAtT0(chart, T0);
    if (!atT0) throw new Error('T0');
    expect([...atT0.chartPositive]).toEqual(['hx-cancer']);
    expect(initialAnswers(atT0.prepopulation)).toEqual({ 'hx-cancer': true });
    expect(initialAnswers(atT0.prepopulation, { 'hx-cancer': false, 'night-pain': true })).toEqual({
      'hx-cancer': false,
      'night-pain': true,
    });
    expect(toChartAtT0(chart, 'not a time')).toBeUndefined();
  });
});

describe('toScreening', () => {
  it('writes an in-progress response while a shown required item is unanswered, and evaluates exactly it', () => {
    const s = screeningOf(aChart(aPatient(45)), { 'night-pain': true });
    expect(s.questionnaireResponse.status).toBe('in-progress');
    expect(s.unanswered).toContain('duration-days');
    expect(s.questionnaireResponse.identifier?.value).toBe(ID);
    expect(s.questionnaireResponse.author?.reference).toBe('Practitioner/dr-1');
    expect(s.questionnaireResponse.encounter?.reference).toBe('Encounter/enc-1');
    expect(s.questionnaireResponse.authored).toBe(T0);
    if (!s.result.ok) throw new Error(s.result.reason);
    expect(s.result.evaluation.output.status).toBe('incomplete');
    expect(s.result.evaluation.output.evaluatedAt).toBe(T0);
  });

  it('writes a completed response when nothing shown is missing; the evaluation is complete', () => {
    const s = screeningOf(aChart(aPatient(45)), COMPLETE_ADULT);
    expect(s.unanswered).toEqual([]);
    expect(s.questionnaireResponse.status).toBe('completed');
    if (!s.result.ok) throw new Error(s.result.reason);
    expect(s.result.evaluation.output).toMatchObject({
      status: 'complete',
      tier: 'ROUTINE',
      firedRules: [],
    });
  });

  it('shows and writes only enabled items: an answer to a disabled item is kept in the app but not written', () => {
    const s = screeningOf(aChart(aPatient(45)), {
      ...COMPLETE_ADULT,
      'radicular-severe-worsening': true,
      limp: true,
    });
    expect(s.shown.has('radicular-severe-worsening')).toBe(false);
    expect(s.shown.has('limp')).toBe(false);
    const written = (s.questionnaireResponse.item ?? [])
      .flatMap((g) => g.item ?? [])
      .map((i) => i.linkId);
    expect(written).not.toContain('radicular-severe-worsening');
    expect(written).not.toContain('limp');
    if (!s.result.ok) throw new Error(s.result.reason);
    expect(s.result.evaluation.output.firedRules).toEqual([]);
  });

  it('shows both age groups for an undetermined age; the QR can be completed but the evaluation stays incomplete', () => {
    const s = screeningOf(aChart(aPatient(null)), {});
    expect(s.shown.has('limp')).toBe(true);
    expect(s.shown.has('motor-grade-min')).toBe(true);
    if (!s.result.ok) throw new Error(s.result.reason);
    expect(s.result.evaluation.output.missingItems[0]).toBe('age-years');
  });
});

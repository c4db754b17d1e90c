import { parseT0 } from '@/lib/redflags/dates';
import { DEFAULT_TERMINOLOGY } from '@/lib/redflags/default-terminology';
import type { AnswerValue, LinkId } from '@/lib/redflags/items';
import { itemsToShow, toPrepopulation } from '@/lib/redflags/prepopulate';
import { toChartSnapshot } from '@/lib/redflags/snapshot';
import type { ChartInputs } from '@/lib/redflags/types';
import {
  T0,
  aChart,
  aCondition,
  aMedicationRequest,
  aPatient,
  anObservation,
  clinical,
  daysBefore,
  hoursBefore,
} from '../../fixtures/chart';

function snapshot(chart: ChartInputs) {
  const t0 = parseT0(T0);
  if (!t0) throw new Error('bad T0');
  return toChartSnapshot(chart, t0, DEFAULT_TERMINOLOGY);
}

describe('toPrepopulation (spec §9.1, §9.3, §3.7)', () => {
  it('pre-populates chart-authoritative history, suggestions and prompts', () => {
    const chart = aChart(aPatient(40), [
      aCondition('C50.911'),
      aCondition('228388006', { system: 'http://snomed.info/sct' }),
      aCondition('Z98.1'),
      aCondition('M54.50', { clinicalStatus: clinical('active'), onsetDateTime: daysBefore(12) }),
      aMedicationRequest('8640', { authoredOn: daysBefore(120) }),
      aMedicationRequest('42316', { authoredOn: daysBefore(10) }),
      anObservation('72514-3', 7, '{score}', hoursBefore(20)),
      anObservation('29463-7', 80, 'kg', daysBefore(60)),
      anObservation('29463-7', 75, 'kg', daysBefore(2)),
    ]);
    const items = toPrepopulation(snapshot(chart)).map((p) => [p.linkId, p.value, p.authority]);
    expect(items).toEqual([
      ['hx-cancer', true, 'chart'],
      ['hx-ivdu', 'current', 'chart'],
      ['hx-chronic-steroids', true, 'suggestion'],
      ['hx-immunosuppression', true, 'suggestion'],
      ['hx-spine-surgery', true, 'suggestion'],
      ['duration-days', 12, 'suggestion'],
      ['pain-nrs', 7, 'suggestion'],
      ['weight-loss-unexplained', true, 'suggestion'],
    ]);
  });

  it('weight loss below 5 % suggests nothing; the note gives the percentage', () => {
    const small = aChart(aPatient(40), [
      anObservation('29463-7', 80, 'kg', daysBefore(60)),
      anObservation('29463-7', 76.1, 'kg', daysBefore(2)),
    ]);
    expect(toPrepopulation(snapshot(small))).toEqual([]);
    const big = aChart(aPatient(40), [
      anObservation('29463-7', 80, 'kg', daysBefore(60)),
      anObservation('29463-7', 76, 'kg', daysBefore(2)),
    ]);
    expect(toPrepopulation(snapshot(big))[0]?.note).toBe(
      'chart shows 5 % loss in ≤6 months — unexplained?',
    );
  });

  it('an opioid use disorder only prompts about injection drug use', () => {
    const chart = aChart(aPatient(40), [aCondition('F11.20')]);
    expect(toPrepopulation(snapshot(chart))).toEqual([
      expect.objectContaining({ linkId: 'hx-ivdu', value: undefined, authority: 'prompt' }),
    ]);
  });
});

describe('itemsToShow (spec §9.1, §9.2)', () => {
  const answers = new Map<LinkId, AnswerValue>();
  it('shows A items to adults and P items to children', () => {
    const adult = itemsToShow(snapshot(aChart(aPatient(30))), answers);
    const child = itemsToShow(snapshot(aChart(aPatient(10))), answers);
    expect(adult).toContain('motor-grade-min');
    expect(adult).not.toContain('limp');
    expect(child).toContain('limp');
    expect(child).not.toContain('sexual-dysfunction-new');
  });
  it('shows both sets when the age is undetermined', () => {
    const shown = itemsToShow(snapshot(aChart(aPatient(null))), answers);
    expect(shown).toEqual(
      expect.arrayContaining(['motor-grade-min', 'limp', 'sexual-dysfunction-new']),
    );
  });
  it('shows postop-new-symptoms when the chart has spine surgery', () => {
    expect(itemsToShow(snapshot(aChart(aPatient(30), [aCondition('M96.1')])), answers)).toContain(
      'postop-new-symptoms',
    );
  });
});

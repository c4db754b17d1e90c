import { toChartView, type AnalyteView } from '@/lib/screening/chart-view';
import { toChartAtT0 } from '@/lib/screening/screening';
import { evaluateScreen } from '@/lib/redflags/evaluate';
import { DEFAULT_TERMINOLOGY } from '@/lib/redflags/default-terminology';
import { FhirRequestError } from '@/lib/fhir/errors';
import type { ChartInputs } from '@/lib/redflags/types';
import {
  T0,
  aChart,
  aCondition,
  aPatient,
  anObservation,
  answersFor,
  crp,
  daysBefore,
  esr,
  hoursBefore,
  temperature,
} from '../../fixtures/chart';

function viewOf(chart: ChartInputs, duration?: number) {
  const atT0 = toChartAtT0(chart, T0);
  if (!atT0) throw new Error('T0');
  const result = evaluateScreen(
    chart,
    answersFor(45, { 'duration-days': duration }),
    T0,
    DEFAULT_TERMINOLOGY,
  );
  if (!result.ok) throw new Error(result.reason);
  return toChartView(chart, atT0, result.evaluation);
}

const section = (view: ReturnType<typeof viewOf>, analyte: AnalyteView['analyte']) => {
  const found = view.analytes.find((a) => a.analyte === analyte);
  if (!found) throw new Error(analyte);
  return found;
};

describe('toChartView', () => {
  it('says which result is used and why each other one is not', () => {
    const chart = aChart(aPatient(45), [
      esr(12, hoursBefore(24), { id: 'esr-current' }),
      esr(14, hoursBefore(48), { id: 'esr-older' }),
      esr(44, daysBefore(30), { id: 'esr-stale' }),
      esr(60, hoursBefore(2), { id: 'esr-prelim', status: 'preliminary' }),
      crp(5, hoursBefore(10), 'nmol/L', { id: 'crp-molar' }),
      crp(10, hoursBefore(10), 'mg/L', { id: 'crp-indeterminate', comparator: '>=' }),
      temperature(38.2, hoursBefore(5)),
      temperature(37.0, hoursBefore(100)),
    ]);
    const view = viewOf(chart, 10);
    expect(section(view, 'ESR').rows.map((r) => [r.reference, r.used, r.note])).toEqual([
      ['Observation/esr-prelim', false, 'not used: status preliminary'],
      ['Observation/esr-current', true, 'used: the current result'],
      ['Observation/esr-older', false, 'not used: a more recent current result is used'],
      ['Observation/esr-stale', false, 'not current: older than 14 days (30 days old)'],
    ]);
    const crpRows = section(view, 'CRP').rows;
    expect(crpRows.find((r) => r.reference === 'Observation/crp-molar')?.note).toBe(
      'not used: unit nmol/L is not accepted for CRP',
    );
    expect(crpRows.find((r) => r.reference === 'Observation/crp-indeterminate')?.note).toBe(
      'not used: the comparator value cannot be judged against the threshold',
    );
    expect(section(view, 'TEMPERATURE').rows.map((r) => [r.used, r.flag, r.note])).toEqual([
      [true, 'raised', 'used: within 72 hours'],
      [false, 'normal', 'not used: older than 72 hours'],
    ]);
  });

  it('marks a result taken before this episode began once the duration says so', () => {
    const chart = aChart(aPatient(45), [esr(12, daysBefore(5), { id: 'esr-1' })]);
    expect(section(viewOf(chart, 10), 'ESR').rows[0]?.used).toBe(true);
    expect(section(viewOf(chart, 2), 'ESR').rows[0]?.note).toBe(
      'not current: taken before this episode of pain began',
    );
  });

  it('gives a trend of the usable plain values, oldest first, in the canonical unit', () => {
    const chart = aChart(aPatient(45), [
      crp(2.4, hoursBefore(24), 'mg/dL'),
      crp(8, daysBefore(3)),
      crp(5, hoursBefore(2), 'mg/L', { comparator: '<' }),
    ]);
    const crpSection = section(viewOf(chart, 10), 'CRP');
    expect(crpSection.trend.map((p) => p.value)).toEqual([8, 24]);
    expect(crpSection.rows.find((r) => r.value === '2.4 mg/dL')?.converted).toBe('24 mg/L');
  });

  it('lists the matched history with its roles, and failed searches as unavailable', () => {
    const chart: ChartInputs = {
      ...aChart(aPatient(45), [
        aCondition('C50.911', { id: 'c1' }),
        aCondition('F11.20', { id: 'c2' }),
        aCondition('J30.9', { id: 'c3' }),
        anObservation('8310-5', 37, 'Cel', hoursBefore(1)),
      ]),
      failures: new Map([['Procedure', new FhirRequestError(403, 'Procedure?patient', 'refused')]]),
    };
    const view = viewOf(chart, 10);
    expect(view.history.map((h) => [h.reference, h.roles])).toEqual([
      ['Condition/c1', [{ authority: 'chart', linkId: 'hx-cancer' }]],
      ['Condition/c2', [{ authority: 'suggestion', linkId: 'hx-ivdu' }]],
    ]);
    expect(view.unavailable).toEqual([{ kind: 'Procedure', status: 403, message: 'refused' }]);
  });
});

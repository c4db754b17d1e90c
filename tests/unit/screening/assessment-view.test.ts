import { evaluateScreen } from '@/lib/redflags/evaluate';
import { DEFAULT_TERMINOLOGY } from '@/lib/redflags/default-terminology';
import {
  TIER_INFO,
  advisoryViews,
  firedRuleViews,
  labViews,
  missingItemTexts,
  noImagingReason,
  studyView,
  tierDeadline,
} from '@/lib/screening/assessment-view';
import { T0, aChart, aCondition, aPatient, answersFor, esr } from '../../fixtures/chart';

function evaluate(...args: Parameters<typeof answersFor>) {
  const [age] = args;
  const result = evaluateScreen(
    aChart(aPatient(age), [aCondition('C50.911', { id: 'c1' })]),
    answersFor(...args),
    T0,
    DEFAULT_TERMINOLOGY,
  );
  if (!result.ok) throw new Error(result.reason);
  return result.evaluation;
}

describe('assessment views', () => {
  it('gives each tier a meaning and a deadline from T0', () => {
    expect(Object.keys(TIER_INFO)).toEqual(['EMERGENT', 'URGENT', 'SOON', 'ROUTINE']);
    expect(tierDeadline('EMERGENT', T0)).toBe('2026-06-15 16:00');
    expect(tierDeadline('URGENT', '2026-06-15T12:00:00-05:00')).toBe('2026-06-16 12:00');
    expect(tierDeadline('SOON', T0)).toBe('2026-06-22 12:00');
    expect(tierDeadline('ROUTINE', T0)).toBeUndefined();
  });

  it('shows a fired rule with its own tier, action, evidence and source', () => {
    const evaluation = evaluate(60, { 'radicular-pain': true, 'hx-cancer': true });
    const [rule] = firedRuleViews(evaluation);
    expect(rule).toMatchObject({ id: 'RF-CANCER-HX', tier: 'URGENT', title: expect.any(String) });
    expect(rule?.source).toMatch(/§5\.3/);
    expect(rule?.evidence.map((e) => e.reference)).toContain('Condition/c1');
    expect(advisoryViews(evaluation).map((a) => a.id)).toEqual(['ADV-RADICULOPATHY']);
  });

  it('describes imaging and labs in words with their codes and priorities', () => {
    const evaluation = evaluate(60, { 'hx-cancer': true });
    const imaging = evaluation.output.imaging;
    if (!imaging) throw new Error('expected imaging');
    const view = studyView(imaging);
    expect(view.title).toBe('MRI without and with IV contrast — lumbar spine');
    expect(view.codes).toEqual([
      { system: 'CPT', codes: '72158' },
      { system: 'LOINC', codes: '24967-2' },
      { system: 'RadLex', codes: 'RPID500' },
      { system: 'SNOMED CT', codes: '41333006' },
    ]);
    expect(view.priority).toBe('routine (within 7 days)');
    expect(labViews(evaluation).map((l) => l.analyte)).toEqual([]);
  });

  it('says why there is no imaging', () => {
    const workup = evaluateScreen(
      aChart(aPatient(45), [esr(10)]),
      answersFor(45, { 'hx-dialysis-catheter': true }),
      T0,
      DEFAULT_TERMINOLOGY,
    );
    if (!workup.ok) throw new Error(workup.reason);
    expect(noImagingReason(workup.evaluation)).toMatch(/pending labs/);
    expect(labViews(workup.evaluation).map((l) => [l.analyte, l.loinc, l.priority])).toEqual([
      ['CRP', '1988-5', 'urgent (within 24 hours)'],
      ['CBC', '58410-2', 'urgent (within 24 hours)'],
    ]);
  });

  it('names the missing items by their question text, the undetermined age first', () => {
    const texts = new Map([['duration-days', 'Days since this episode of back pain began']]);
    expect(
      missingItemTexts(['age-years', 'duration-days', 'other'], texts).map((m) => m.text),
    ).toEqual([
      expect.stringMatching(/^Age: /),
      'Days since this episode of back pain began',
      'other',
    ]);
  });
});

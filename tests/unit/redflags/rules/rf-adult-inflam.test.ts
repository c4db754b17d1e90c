import { crp, esr, temperature, hoursBefore } from '../../../fixtures/chart';
import { outputOf, ruleTable } from '../../../fixtures/rule-table';

describe('RF-ADULT-INFLAM (spec §5.2, B8)', () => {
  ruleTable('RF-ADULT-INFLAM', [
    ['raised CRP alone', 40, [crp(15)], {}, false],
    ['raised CRP + tenderness', 40, [crp(15)], { 'point-tenderness': true }, true],
    ['raised CRP + night pain', 40, [crp(15)], { 'night-pain': true }, true],
    ['CRP 10 + tenderness (not raised)', 40, [crp(10)], { 'point-tenderness': true }, false],
    [
      'raised CRP + tenderness in a 17-year-old (Adult only)',
      17,
      [crp(15)],
      { 'point-tenderness': true },
      false,
    ],
    [
      'raised CRP + tenderness + fever (RF-INFECTION instead)',
      40,
      [crp(15), temperature(38.5, hoursBefore(3))],
      { 'point-tenderness': true },
      false,
    ],
    ['raised ESR + tenderness (CRP only)', 40, [esr(50)], { 'point-tenderness': true }, false],
  ]);

  it('is URGENT with MRI with and without contrast and the labs not yet current', () => {
    const out = outputOf(40, [crp(15)], { 'night-pain': true });
    expect(out.tier).toBe('URGENT');
    expect(out.imaging?.key).toBe('MRI_WWO');
    expect(out.labs.map((l) => l.analyte)).toEqual(['ESR', 'CBC']);
  });
});

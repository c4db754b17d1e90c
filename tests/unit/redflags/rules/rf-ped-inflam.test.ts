import { crp, esr, hoursBefore, temperature, wbc } from '../../../fixtures/chart';
import { outputOf, ruleTable } from '../../../fixtures/rule-table';

describe('RF-PED-INFLAM (spec §5.2, §6.3 row 1, O5)', () => {
  ruleTable('RF-PED-INFLAM', [
    ['no markers', 8, [], {}, false],
    ['ESR 20 alone (raised)', 8, [esr(20), crp(2)], {}, true],
    ['ESR 19', 8, [esr(19), crp(2)], {}, false],
    ['CRP 20.5 alone (CRP_GT20)', 8, [esr(5), crp(20.5)], {}, true],
    ['CRP 20 alone (not > 20) and no feature', 8, [esr(5), crp(20)], {}, false],
    ['CRP 15 with one discitis feature (limp)', 8, [esr(5), crp(15)], { limp: true }, true],
    ['CRP 15 with fever', 8, [esr(5), crp(15)], { 'fever-reported': true }, true],
    ['CRP 15 without feature', 8, [esr(5), crp(15)], {}, false],
    [
      'CRP 1.1 mg/dL with tenderness',
      8,
      [esr(5), crp(1.1, undefined, 'mg/dL')],
      { 'point-tenderness': true },
      true,
    ],
    [
      'CRP "> 20 mg/L" comparator (bound ≥ 20 guarantees > 20)',
      8,
      [esr(5), crp(20, undefined, 'mg/L', { comparator: '>' })],
      {},
      true,
    ],
    [
      'CRP ">= 20 mg/L" (not guaranteed > 20; still > 10, no feature)',
      8,
      [esr(5), crp(20, undefined, 'mg/L', { comparator: '>=' })],
      {},
      false,
    ],
    [
      'WBC 13.6 at 8 with fever (band 6–12: > 13.5)',
      8,
      [wbc(13.6), temperature(38.2, hoursBefore(5))],
      {},
      true,
    ],
    ['WBC 13.5 at 8 with fever', 8, [wbc(13.5), temperature(38.2, hoursBefore(5))], {}, false],
    ['WBC 20 without fever', 8, [wbc(20)], {}, false],
    [
      'WBC 15.6 at 2 with fever (band 2–5: > 15.5)',
      2,
      [wbc(15.6)],
      { 'fever-reported': true },
      true,
    ],
    ['WBC 15.5 at 5 with fever', 5, [wbc(15.5)], { 'fever-reported': true }, false],
    [
      'WBC 17.6 at 1 with fever (band 0–1: > 17.5)',
      1,
      [wbc(17.6)],
      { 'fever-reported': true },
      true,
    ],
    ['WBC 17.5 at 1 with fever', 1, [wbc(17.5)], { 'fever-reported': true }, false],
    [
      'WBC 11.1 at 13 with fever (band 13–17: > 11.0)',
      13,
      [wbc(11.1)],
      { 'fever-reported': true },
      true,
    ],
    ['WBC 13.6 at 13 with fever', 13, [wbc(13.6)], { 'fever-reported': true }, true],
    ['WBC 11.1 at 12 with fever (band 6–12)', 12, [wbc(11.1)], { 'fever-reported': true }, false],
    ['ESR 30 at 17 (Ped)', 17, [esr(30)], {}, true],
    ['ESR 30 at 18 (Adult: not this rule)', 18, [esr(30)], {}, false],
  ]);

  it('is URGENT with MRI with and without contrast of the complete spine under 5', () => {
    const out = outputOf(3, [esr(45), crp(2)], {});
    expect(out.tier).toBe('URGENT');
    expect(out.imaging).toMatchObject({ key: 'MRI_WWO', region: 'COMPLETE' });
    expect(out.labs.map((l) => l.analyte)).toEqual(['CBC']);
  });

  it('images the area of interest from 5 years with localised pain', () => {
    expect(outputOf(5, [esr(45)], {}).imaging?.region).toBe('LUMBAR');
    expect(outputOf(5, [esr(45)], { 'pain-location': 'thoracic' }).imaging?.region).toBe(
      'THORACIC',
    );
    expect(outputOf(9, [esr(45)], { 'pain-location': 'multiple' }).imaging?.region).toBe(
      'COMPLETE',
    );
  });
});

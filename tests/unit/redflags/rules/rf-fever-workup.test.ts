import { crp, esr, hoursBefore, temperature } from '../../../fixtures/chart';
import { outputOf, ruleTable } from '../../../fixtures/rule-table';

describe('RF-FEVER-WORKUP (spec §5.2)', () => {
  ruleTable('RF-FEVER-WORKUP', [
    ['no fever', 40, [], {}, false],
    ['reported fever, no markers', 40, [], { 'fever-reported': true }, true],
    ['measured fever, no markers', 40, [temperature(38.0, hoursBefore(72))], {}, true],
    [
      'fever, one current normal marker (other missing: MARKERS_UNKNOWN)',
      40,
      [esr(5)],
      { 'fever-reported': true },
      true,
    ],
    [
      'fever, both markers normal (MARKERS_NEG)',
      40,
      [esr(5), crp(2)],
      { 'fever-reported': true },
      false,
    ],
    [
      'fever + IVDU (RF-INFECTION instead)',
      40,
      [],
      { 'fever-reported': true, 'hx-ivdu': 'current' },
      false,
    ],
  ]);

  it('is URGENT, no imaging, suggests ESR, CRP, CBC and blood cultures', () => {
    const out = outputOf(40, [], { 'fever-reported': true });
    expect(out.tier).toBe('URGENT');
    expect(out.imaging).toBeNull();
    expect(out.labs).toEqual([
      { analyte: 'ESR', loinc: '4537-7' },
      { analyte: 'CRP', loinc: '1988-5' },
      { analyte: 'CBC', loinc: '58410-2' },
      { analyte: 'BLOOD_CULTURE', loinc: '600-7' },
    ]);
    expect(out.evidence).toEqual(
      expect.arrayContaining([
        { rule: 'RF-FEVER-WORKUP', reference: null, detail: 'no current ESR' },
      ]),
    );
  });

  it('suggests only the missing marker (§7.4; changelog item 4)', () => {
    const out = outputOf(40, [esr(5)], { 'fever-reported': true });
    expect(out.labs.map((l) => l.analyte)).toEqual(['CRP', 'CBC', 'BLOOD_CULTURE']);
  });
});

import { crp, esr, temperature, hoursBefore } from '../../../fixtures/chart';
import { outputOf, ruleTable } from '../../../fixtures/rule-table';

describe('RF-PED-DISC-WORKUP (spec §5.2, §6.3 row 2, B3)', () => {
  ruleTable('RF-PED-DISC-WORKUP', [
    ['two features, no markers', 8, [], { limp: true, irritability: true }, true],
    ['one feature at 8', 8, [], { limp: true }, false],
    ['one feature at 4 (under 5)', 4, [], { limp: true }, true],
    ['one feature at 5 (not under 5)', 5, [], { limp: true }, false],
    [
      'two features, markers negative',
      8,
      [esr(5), crp(2)],
      { limp: true, irritability: true },
      false,
    ],
    [
      'two features, ESR raised (RF-PED-INFLAM instead)',
      8,
      [esr(40)],
      { limp: true, irritability: true },
      false,
    ],
    [
      'two features, only ESR current and normal',
      8,
      [esr(5)],
      { 'decreased-rom': true, 'night-pain': true },
      true,
    ],
    [
      'fever + tenderness (fever is a discitis feature)',
      8,
      [temperature(38.1, hoursBefore(1))],
      { 'point-tenderness': true },
      true,
    ],
    [
      'two features at 18 (Ped only)',
      18,
      [],
      { 'night-pain': true, 'point-tenderness': true },
      false,
    ],
  ]);

  it('is URGENT, no imaging, labs with blood cultures when febrile', () => {
    const out = outputOf(4, [], { limp: true, 'fever-reported': true });
    expect(out.firedRules).toEqual(['RF-FEVER-WORKUP', 'RF-PED-DISC-WORKUP']);
    expect(out.tier).toBe('URGENT');
    expect(out.imaging).toBeNull();
    expect(out.labs.map((l) => l.analyte)).toEqual(['ESR', 'CRP', 'CBC', 'BLOOD_CULTURE']);
    expect(out.pathwayLabel).toBe('PED-DISC');
  });
});

import { crp, esr } from '../../../fixtures/chart';
import { outputOf, ruleTable } from '../../../fixtures/rule-table';

describe('RF-FEVER-LABS-NEG (spec §5.3)', () => {
  ruleTable('RF-FEVER-LABS-NEG', [
    ['fever, both markers normal', 40, [esr(5), crp(2)], { 'fever-reported': true }, true],
    ['fever, one marker missing', 40, [esr(5)], { 'fever-reported': true }, false],
    ['no fever, markers normal', 40, [esr(5), crp(2)], {}, false],
    [
      'fever, markers normal, IVDU (IRF_WORKUP: RF-INFECTION)',
      40,
      [esr(5), crp(2)],
      { 'fever-reported': true, 'hx-ivdu': 'current' },
      false,
    ],
  ]);

  it('is SOON, no spine imaging for an adult, urinalysis', () => {
    const out = outputOf(40, [esr(5), crp(2)], { 'fever-reported': true });
    expect(out).toMatchObject({
      tier: 'SOON',
      imaging: null,
      labs: [{ analyte: 'URINALYSIS', loinc: '24357-6' }],
    });
  });

  it('a febrile child with normal markers also gets RF-PED-REDFLAG (§6.3)', () => {
    const out = outputOf(8, [esr(5), crp(2)], { 'fever-reported': true });
    expect(out.firedRules).toEqual(['RF-FEVER-LABS-NEG', 'RF-PED-REDFLAG']);
    expect(out.imaging).toMatchObject({ key: 'XR', region: 'LUMBAR', priority: 'routine' });
    expect(out.labs.map((l) => l.analyte)).toEqual(['CBC', 'URINALYSIS']);
  });
});

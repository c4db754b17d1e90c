import { outputOf, ruleTable } from '../../../fixtures/rule-table';

describe('RF-PED-NEURO (spec §5.2, §6.4)', () => {
  ruleTable('RF-PED-NEURO', [
    ['normal exam', 10, [], {}, false],
    ['abnormal exam', 10, [], { 'abnormal-neuro-exam': true }, true],
    [
      'abnormal exam with CES feature',
      10,
      [],
      { 'abnormal-neuro-exam': true, 'saddle-anesthesia': true },
      false,
    ],
    [
      'abnormal exam with cord signs',
      10,
      [],
      { 'abnormal-neuro-exam': true, 'cord-signs': true },
      false,
    ],
    [
      'abnormal exam answered for an adult (P item disabled)',
      30,
      [],
      { 'abnormal-neuro-exam': true },
      false,
    ],
  ]);

  it('is URGENT with MRI without contrast; with contrast when a cancer history also fired (§6.4)', () => {
    expect(outputOf(10, [], { 'abnormal-neuro-exam': true }).imaging?.key).toBe('MRI_WO');
    const out = outputOf(10, [], { 'abnormal-neuro-exam': true, 'hx-cancer': true });
    expect(out.firedRules).toEqual(['RF-PED-NEURO', 'RF-CANCER-HX']);
    expect(out.imaging?.key).toBe('MRI_WWO');
    expect(out.tier).toBe('URGENT');
  });
});

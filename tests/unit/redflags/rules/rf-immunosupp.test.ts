import {
  aCondition,
  clinical,
  daysBefore,
  hoursBefore,
  temperature,
} from '../../../fixtures/chart';
import { outputOf, ruleTable } from '../../../fixtures/rule-table';

describe('RF-IMMUNOSUPP (spec §5.3, O7)', () => {
  ruleTable('RF-IMMUNOSUPP', [
    ['none', 40, [], {}, false],
    ['answered', 40, [], { 'hx-immunosuppression': true }, true],
    [
      'kidney transplant status Z94.0, active',
      40,
      [aCondition('Z94.0', { clinicalStatus: clinical('active') })],
      {},
      true,
    ],
    ['skin transplant Z94.5 (excluded)', 40, [aCondition('Z94.5')], {}, false],
    [
      'HIV B20 inactive (CURRENT filter)',
      40,
      [aCondition('B20', { clinicalStatus: clinical('inactive') })],
      {},
      false,
    ],
    [
      'HIV B20 abated before T0',
      40,
      [aCondition('B20', { abatementDateTime: daysBefore(3) })],
      {},
      false,
    ],
    [
      'HIV B20 abatement after T0',
      40,
      [aCondition('B20', { abatementDateTime: hoursBefore(-5) })],
      {},
      true,
    ],
    [
      'HIV B20 with abatementString (counts as abated)',
      40,
      [aCondition('B20', { abatementString: 'years ago' })],
      {},
      false,
    ],
    ['Z79.621 calcineurin inhibitor (Z79.6*)', 40, [aCondition('Z79.621')], {}, true],
    ['a child (applies to all ages, O7)', 7, [], { 'hx-immunosuppression': true }, true],
    [
      'with fever (RF-INFECTION instead)',
      40,
      [temperature(38.3, hoursBefore(4))],
      { 'hx-immunosuppression': true },
      false,
    ],
  ]);

  it('is SOON with MRI with and without contrast', () => {
    expect(outputOf(40, [], { 'hx-immunosuppression': true })).toMatchObject({
      tier: 'SOON',
      imaging: { key: 'MRI_WWO' },
    });
  });
});

import { aCondition, aProcedure } from '../../../fixtures/chart';
import { outputOf, ruleTable } from '../../../fixtures/rule-table';

describe('RF-POSTOP-NEW (spec §5.3)', () => {
  ruleTable('RF-POSTOP-NEW', [
    ['no surgery', 40, [], {}, false],
    [
      'answered surgery, new symptoms',
      40,
      [],
      { 'hx-spine-surgery': true, 'postop-new-symptoms': true },
      true,
    ],
    [
      'answered surgery, no new symptoms',
      40,
      [],
      { 'hx-spine-surgery': true, 'postop-new-symptoms': false },
      false,
    ],
    [
      'chart fusion (CPT 22612, old) with new symptoms',
      40,
      [aProcedure('22612', { performedDateTime: '2015-03-01' })],
      { 'postop-new-symptoms': true },
      true,
    ],
    [
      'chart M96.1 postlaminectomy, answered No, new symptoms (item enabled by the chart, §9.2)',
      40,
      [aCondition('M96.1')],
      { 'hx-spine-surgery': false, 'postop-new-symptoms': true },
      true,
    ],
    [
      'Z98.1 arthrodesis status only (suggestion, not SPINE_SURGERY)',
      40,
      [aCondition('Z98.1')],
      { 'postop-new-symptoms': true },
      false,
    ],
    [
      'chart fusion not completed',
      40,
      [aProcedure('22612', { status: 'not-done' })],
      { 'postop-new-symptoms': true },
      false,
    ],
  ]);

  it('is SOON with MRI with and without contrast', () => {
    expect(
      outputOf(40, [], { 'hx-spine-surgery': true, 'postop-new-symptoms': true }),
    ).toMatchObject({
      tier: 'SOON',
      imaging: { key: 'MRI_WWO' },
    });
  });
});

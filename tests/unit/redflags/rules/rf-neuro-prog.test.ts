import { outputOf, ruleTable } from '../../../fixtures/rule-table';

describe('RF-NEURO-PROG (spec §5.1)', () => {
  ruleTable('RF-NEURO-PROG', [
    ['nothing', 40, [], {}, false],
    ['progressive deficit', 40, [], { 'neuro-progressive': true }, true],
    ['multilevel motor deficit', 40, [], { 'motor-multilevel': true }, true],
    ['cord signs', 40, [], { 'cord-signs': true }, true],
    ['cord signs in a child (All)', 8, [], { 'cord-signs': true }, true],
  ]);

  it('is EMERGENT, MRI without contrast; cord signs give the complete spine (§7.3 row 2)', () => {
    expect(outputOf(40, [], { 'neuro-progressive': true }).imaging).toMatchObject({
      key: 'MRI_WO',
      region: 'LUMBAR',
      priority: 'stat',
    });
    expect(outputOf(40, [], { 'cord-signs': true }).imaging?.region).toBe('COMPLETE');
  });
});

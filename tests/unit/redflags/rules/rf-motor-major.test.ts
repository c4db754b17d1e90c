import { outputOf, ruleTable } from '../../../fixtures/rule-table';

describe('RF-MOTOR-MAJOR (spec §5.2)', () => {
  ruleTable('RF-MOTOR-MAJOR', [
    ['MRC 5', 40, [], {}, false],
    ['MRC 4', 40, [], { 'motor-grade-min': 4 }, false],
    ['MRC 3 (boundary)', 40, [], { 'motor-grade-min': 3 }, true],
    ['MRC 0', 40, [], { 'motor-grade-min': 0 }, true],
    [
      'MRC 3 with a progressive deficit (RF-NEURO-PROG instead)',
      40,
      [],
      { 'motor-grade-min': 3, 'neuro-progressive': true },
      false,
    ],
    ['a 17-year-old: the A item is disabled and ignored', 17, [], { 'motor-grade-min': 2 }, false],
    ['an 18-year-old', 18, [], { 'motor-grade-min': 2 }, true],
  ]);

  it('is URGENT with MRI without contrast', () => {
    expect(outputOf(40, [], { 'motor-grade-min': 2 })).toMatchObject({
      tier: 'URGENT',
      imaging: { key: 'MRI_WO', priority: 'urgent', occurrenceLatest: '2026-06-16T12:00:00Z' },
    });
  });
});

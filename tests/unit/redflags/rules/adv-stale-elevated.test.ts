import { crp, daysBefore, esr, hoursBefore } from '../../../fixtures/chart';
import { outputOf, ruleTable } from '../../../fixtures/rule-table';

describe('ADV-STALE-ELEVATED (spec §5.4, §8.2, A4)', () => {
  ruleTable('ADV-STALE-ELEVATED', [
    ['raised ESR 15 days old (outside 14 d)', 40, [esr(50, daysBefore(15))], {}, true],
    ['raised ESR 90 days old', 40, [esr(50, daysBefore(90))], {}, true],
    ['raised ESR 91 days old', 40, [esr(50, daysBefore(91))], {}, false],
    ['raised CRP 8 days old', 40, [crp(30, daysBefore(8))], {}, true],
    [
      'raised CRP drawn before onset (pre-onset filter)',
      40,
      [crp(30, daysBefore(6))],
      { 'duration-days': 3 },
      true,
    ],
    [
      'old raised ESR next to a current normal ESR',
      40,
      [esr(50, daysBefore(30)), esr(5, hoursBefore(5))],
      {},
      false,
    ],
    ['old normal ESR', 40, [esr(10, daysBefore(30))], {}, false],
  ]);

  it('suggests repeating only the stale analyte, even under ROUTINE', () => {
    const out = outputOf(40, [crp(30, daysBefore(8)), esr(5)], {});
    expect(out.tier).toBe('ROUTINE');
    expect(out.labs).toEqual([{ analyte: 'CRP', loinc: '1988-5' }]);
  });
});

import { outputOf, ruleTable } from '../../../fixtures/rule-table';

describe('RF-PERSISTENT (spec §5.3)', () => {
  ruleTable('RF-PERSISTENT', [
    [
      '29 days, conservative tried',
      40,
      [],
      { 'duration-days': 29, 'conservative-tried': true },
      true,
    ],
    [
      '28 days (not > 28; item disabled)',
      40,
      [],
      { 'duration-days': 28, 'conservative-tried': true },
      false,
    ],
    ['29 days, not tried', 40, [], { 'duration-days': 29, 'conservative-tried': false }, false],
    [
      'a 17-year-old (Adult only)',
      17,
      [],
      { 'duration-days': 40, 'conservative-tried': true },
      false,
    ],
  ]);

  it.each([
    ['41 days, candidate: no imaging (surgical-candidate disabled below 42)', 41, true, null],
    ['42 days, candidate: MRI without contrast', 42, true, 'MRI_WO'],
    ['60 days, not a candidate: no imaging', 60, false, null],
  ] as const)('%s', (_label, duration, candidate, key) => {
    const out = outputOf(40, [], {
      'duration-days': duration,
      'conservative-tried': true,
      'surgical-candidate': candidate,
    });
    expect(out.firedRules).toContain('RF-PERSISTENT');
    expect(out.tier).toBe('SOON');
    expect(out.imaging?.key ?? null).toBe(key);
  });
});

import { outputOf, ruleTable } from '../../../fixtures/rule-table';

describe('RF-RADIC-SEVERE (spec §5.3)', () => {
  ruleTable('RF-RADIC-SEVERE', [
    [
      'severe radicular pain',
      40,
      [],
      { 'radicular-pain': true, 'radicular-severe-worsening': true },
      true,
    ],
    [
      'radicular pain, not severe',
      40,
      [],
      { 'radicular-pain': true, 'radicular-severe-worsening': false },
      false,
    ],
    [
      'severe answered without radicular pain (item disabled)',
      40,
      [],
      { 'radicular-pain': false, 'radicular-severe-worsening': true },
      false,
    ],
    [
      'a 16-year-old (Adult only)',
      16,
      [],
      { 'radicular-pain': true, 'radicular-severe-worsening': true },
      false,
    ],
  ]);

  it('images only after ≥ 42 days, conservative treatment and surgical candidacy', () => {
    const base = { 'radicular-pain': true, 'radicular-severe-worsening': true } as const;
    expect(outputOf(40, [], base).imaging).toBeNull();
    const out = outputOf(40, [], {
      ...base,
      'duration-days': 42,
      'conservative-tried': true,
      'surgical-candidate': true,
    });
    expect(out.firedRules).toEqual(['RF-PERSISTENT', 'RF-RADIC-SEVERE']);
    expect(out.imaging?.key).toBe('MRI_WO');
    expect(out.advisories).toContain('ADV-RADICULOPATHY');
  });
});

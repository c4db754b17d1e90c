import { outputOf, ruleTable } from '../../../fixtures/rule-table';

describe('RF-WEIGHT-LOSS (spec §5.3)', () => {
  ruleTable('RF-WEIGHT-LOSS', [
    ['weight loss alone at 40', 40, [], { 'weight-loss-unexplained': true }, true],
    [
      'weight loss at 51 (RF-CANCER-MULTI instead)',
      51,
      [],
      { 'weight-loss-unexplained': true },
      false,
    ],
    [
      'weight loss with cancer history',
      40,
      [],
      { 'weight-loss-unexplained': true, 'hx-cancer': true },
      false,
    ],
    [
      'weight loss in a child (Adult only; RF-PED-REDFLAG instead)',
      10,
      [],
      { 'weight-loss-unexplained': true },
      false,
    ],
  ]);

  it('is SOON without imaging, suggesting ESR, CRP and CBC', () => {
    const out = outputOf(40, [], { 'weight-loss-unexplained': true });
    expect(out).toMatchObject({ tier: 'SOON', imaging: null });
    expect(out.labs.map((l) => l.analyte)).toEqual(['ESR', 'CRP', 'CBC']);
  });
});

import { crp, esr } from '../../../fixtures/chart';
import { outputOf, ruleTable } from '../../../fixtures/rule-table';

describe('RF-CANCER-MULTI (spec §5.3, MCF of §4, O2)', () => {
  ruleTable('RF-CANCER-MULTI', [
    ['age 51 alone (one factor)', 51, [], {}, false],
    ['age 51 + weight loss', 51, [], { 'weight-loss-unexplained': true }, true],
    ['age 50 + weight loss (age not > 50)', 50, [], { 'weight-loss-unexplained': true }, false],
    ['weight loss + ESR 20', 40, [esr(20)], { 'weight-loss-unexplained': true }, true],
    [
      'age 51 + night pain for 28 days (O2: not > 28)',
      51,
      [],
      { 'night-pain': true, 'duration-days': 28 },
      false,
    ],
    [
      'age 51 + night pain for 29 days',
      51,
      [],
      { 'night-pain': true, 'duration-days': 29, 'conservative-tried': false },
      true,
    ],
    [
      'age 51 + failed conservative treatment > 4 weeks',
      51,
      [],
      { 'duration-days': 29, 'conservative-tried': true },
      true,
    ],
    [
      'two factors but cancer history (RF-CANCER-HX instead)',
      51,
      [],
      { 'weight-loss-unexplained': true, 'hx-cancer': true },
      false,
    ],
    [
      'two factors in a 17-year-old (Adult only)',
      17,
      [esr(30)],
      { 'weight-loss-unexplained': true },
      false,
    ],
  ]);

  it('uses a radiograph unless ESR or CRP is raised (§5.3)', () => {
    expect(outputOf(60, [], { 'weight-loss-unexplained': true }).imaging).toMatchObject({
      key: 'XR',
      priority: 'routine',
    });
    expect(outputOf(60, [crp(12)], { 'weight-loss-unexplained': true }).imaging?.key).toBe(
      'MRI_WWO',
    );
    expect(
      outputOf(60, [], { 'weight-loss-unexplained': true }).labs.map((l) => l.analyte),
    ).toEqual(['ESR', 'CRP', 'CBC']);
  });

  it('is SOON with occurrence 7 days after T0', () => {
    const out = outputOf(60, [], { 'weight-loss-unexplained': true });
    expect(out.tier).toBe('SOON');
    expect(out.imaging?.occurrenceLatest).toBe('2026-06-22T12:00:00Z');
  });
});

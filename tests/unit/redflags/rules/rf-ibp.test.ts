import { crp, esr } from '../../../fixtures/chart';
import { outputOf, ruleTable } from '../../../fixtures/rule-table';

describe('RF-IBP (spec §5.3, O3)', () => {
  ruleTable('RF-IBP', [
    ['IBP features for 90 days', 40, [], { 'ibp-features': true, 'duration-days': 90 }, true],
    ['IBP features for 89 days', 40, [], { 'ibp-features': true, 'duration-days': 89 }, false],
    ['no features', 40, [], { 'duration-days': 120 }, false],
    [
      'a 17-year-old (A item disabled)',
      17,
      [],
      { 'ibp-features': true, 'duration-days': 120 },
      false,
    ],
  ]);

  it('only ever gives a secondary pelvis radiograph, routine within 7 days (§7.2, A3)', () => {
    const out = outputOf(40, [], {
      'ibp-features': true,
      'duration-days': 100,
      'conservative-tried': false,
    });
    expect(out.tier).toBe('SOON');
    expect(out.imaging).toBeNull();
    expect(out.secondaryImaging).toEqual([
      {
        key: 'XR_PELVIS',
        region: 'PELVIS',
        priority: 'routine',
        occurrenceLatest: '2026-06-22T12:00:00Z',
        codes: { cpt: ['72170'], loinc: '28561-9', radlex: 'RPID2709', snomed: '713021002' },
      },
    ]);
    expect(out.labs.map((l) => l.analyte)).toEqual(['ESR', 'CRP']);
  });

  it('keeps the pelvis radiograph routine under an EMERGENT primary study', () => {
    const out = outputOf(40, [esr(5), crp(1)], {
      'ibp-features': true,
      'duration-days': 100,
      'cord-signs': true,
      'conservative-tried': false,
    });
    expect(out.imaging).toMatchObject({ key: 'MRI_WO', region: 'COMPLETE', priority: 'stat' });
    expect(out.secondaryImaging.map((s) => [s.key, s.priority])).toEqual([
      ['XR_PELVIS', 'routine'],
    ]);
    expect(out.labs).toEqual([]);
  });
});

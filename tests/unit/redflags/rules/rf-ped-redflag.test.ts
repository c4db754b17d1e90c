import { aCondition, crp, esr } from '../../../fixtures/chart';
import { outputOf, ruleTable } from '../../../fixtures/rule-table';

describe('RF-PED-REDFLAG (spec §5.3, §6.3)', () => {
  ruleTable('RF-PED-REDFLAG', [
    ['no red flag at 8', 8, [], {}, false],
    ['age 4 alone (AGE < 5)', 4, [], {}, true],
    ['age 5 without flag', 5, [], {}, false],
    ['night pain', 8, [], { 'night-pain': true }, true],
    ['constant pain', 8, [], { 'constant-pain': true }, true],
    ['radicular pain', 8, [], { 'radicular-pain': true }, true],
    ['duration 29 days', 8, [], { 'duration-days': 29 }, true],
    ['duration 28 days', 8, [], { 'duration-days': 28 }, false],
    ['morning stiffness', 8, [], { 'morning-stiffness': true }, true],
    ['osteoporosis from the chart', 8, [aCondition('M81.0')], {}, true],
    ['one discitis feature at 8 (below work-up threshold)', 8, [], { limp: true }, true],
    [
      'two discitis features (RF-PED-DISC-WORKUP instead)',
      8,
      [],
      { limp: true, irritability: true },
      false,
    ],
    [
      'CRP 15 with no feature and no raised ESR (O5 row)',
      8,
      [esr(5), crp(15)],
      { 'morning-stiffness': true },
      true,
    ],
    ['an adult with night pain (Ped only)', 18, [], { 'night-pain': true }, false],
    ['17-year-old with night pain', 17, [], { 'night-pain': true }, true],
    [
      'immunosuppressed child (RF-IMMUNOSUPP suppresses it)',
      8,
      [],
      { 'hx-immunosuppression': true, 'night-pain': true },
      false,
    ],
  ]);

  it('is SOON with a radiograph of the area of interest and B4 labs for what is not current', () => {
    const out = outputOf(8, [esr(5)], { 'night-pain': true, 'pain-location': 'thoracic' });
    expect(out).toMatchObject({ tier: 'SOON', imaging: { key: 'XR', region: 'THORACIC' } });
    expect(out.labs.map((l) => l.analyte)).toEqual(['CRP', 'CBC']);
  });

  it('without a B4 feature suggests no labs', () => {
    expect(outputOf(8, [], { 'morning-stiffness': true }).labs).toEqual([]);
  });

  it('radiographs the complete (thoraco-lumbar) spine under 5', () => {
    expect(outputOf(4, [], {}).imaging).toMatchObject({
      key: 'XR',
      region: 'COMPLETE',
      codes: { cpt: ['72082'], loinc: '24984-7', radlex: 'RPID2667', snomed: '444634007' },
    });
  });
});

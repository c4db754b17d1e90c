import { aCondition, clinical } from '../../../fixtures/chart';
import { outputOf, ruleTable } from '../../../fixtures/rule-table';

describe('RF-FRACTURE-RISK (spec §5.3, O4)', () => {
  ruleTable('RF-FRACTURE-RISK', [
    ['age 70', 70, [], {}, false],
    ['age 71 (> 70)', 71, [], {}, true],
    ['osteoporosis answered', 40, [], { 'hx-osteoporosis': true }, true],
    [
      'chart M81.0 active',
      40,
      [aCondition('M81.0', { clinicalStatus: clinical('active') })],
      {},
      true,
    ],
    [
      'chart M81.0 resolved',
      40,
      [aCondition('M81.0', { clinicalStatus: clinical('resolved') })],
      {},
      false,
    ],
    [
      'chart M81.0 inactive (any status but resolved)',
      40,
      [aCondition('M81.0', { clinicalStatus: clinical('inactive') })],
      {},
      true,
    ],
    [
      'chart Z87.310 resolved (counts whatever its status)',
      40,
      [aCondition('Z87.310', { clinicalStatus: clinical('resolved') })],
      {},
      true,
    ],
    ['chart long-term steroids Z79.52', 40, [aCondition('Z79.52')], {}, true],
    ['steroids answered', 40, [], { 'hx-chronic-steroids': true }, true],
    ['minor fall at 51', 51, [], { trauma: 'minor-fall' }, true],
    ['minor fall at 50', 50, [], { trauma: 'minor-fall' }, false],
    [
      'minor fall at 30 with tenderness',
      30,
      [],
      { trauma: 'minor-fall', 'point-tenderness': true },
      true,
    ],
    ['lifting/twisting at 51', 51, [], { trauma: 'lifting-twisting' }, true],
    ['lifting/twisting at 50', 50, [], { trauma: 'lifting-twisting' }, false],
    [
      'lifting/twisting at 30 with tenderness (O4: not counted)',
      30,
      [],
      { trauma: 'lifting-twisting', 'point-tenderness': true },
      false,
    ],
    ['osteoporosis in a 17-year-old (Adult only)', 17, [], { 'hx-osteoporosis': true }, false],
  ]);

  it('is SOON with a radiograph', () => {
    expect(outputOf(75, [], {})).toMatchObject({
      tier: 'SOON',
      imaging: {
        key: 'XR',
        region: 'LUMBAR',
        codes: { cpt: ['72100'], loinc: '24970-6', radlex: 'RPID2652', snomed: '840361000' },
      },
    });
    expect(outputOf(75, [], { 'pain-location': 'thoracic' }).imaging?.codes).toEqual({
      cpt: ['72070'],
      loinc: '30753-8',
      radlex: 'RPID2666',
      snomed: '1290654008',
    });
  });
});

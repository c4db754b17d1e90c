import { outputOf, ruleTable } from '../../../fixtures/rule-table';

describe('ADV-VISCERAL (spec §5.4)', () => {
  ruleTable('ADV-VISCERAL', [
    ['no visceral signs', 40, [], {}, false],
    ['visceral signs', 40, [], { 'visceral-signs': true }, true],
  ]);

  it('adds urinalysis even when the tier is ROUTINE', () => {
    expect(outputOf(40, [], { 'visceral-signs': true })).toMatchObject({
      tier: 'ROUTINE',
      firedRules: [],
      labs: [{ analyte: 'URINALYSIS', loinc: '24357-6' }],
    });
  });
});

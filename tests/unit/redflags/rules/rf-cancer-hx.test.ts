import { aCondition, clinical, verification } from '../../../fixtures/chart';
import { outputOf, ruleTable } from '../../../fixtures/rule-table';

describe('RF-CANCER-HX (spec §5.3, B7)', () => {
  ruleTable('RF-CANCER-HX', [
    ['no history', 40, [], {}, false],
    ['answered history', 40, [], { 'hx-cancer': true }, true],
    [
      'chart C50.911, resolved (HISTORY filter)',
      40,
      [aCondition('C50.911', { clinicalStatus: clinical('resolved') })],
      {},
      true,
    ],
    ['chart code without the dot, lower case', 40, [aCondition('c50911')], {}, true],
    ['chart Z85.3 history code', 40, [aCondition('Z85.3')], {}, true],
    ['chart C44.91 (non-melanoma skin cancer excluded)', 40, [aCondition('C44.91')], {}, false],
    ['chart Z85.828 (excluded)', 40, [aCondition('Z85.828')], {}, false],
    ['chart C4A.9 Merkel cell', 40, [aCondition('C4A.9')], {}, true],
    ['chart D46.9 myelodysplastic syndrome', 40, [aCondition('D46.9')], {}, true],
    [
      'chart C50.911 refuted',
      40,
      [aCondition('C50.911', { verificationStatus: verification('refuted') })],
      {},
      false,
    ],
    [
      'chart C50.911 entered-in-error',
      40,
      [aCondition('C50.911', { verificationStatus: verification('entered-in-error') })],
      {},
      false,
    ],
    [
      'chart SNOMED 363346000',
      40,
      [aCondition('363346000', { system: 'http://snomed.info/sct' })],
      {},
      true,
    ],
    [
      'chart SNOMED basal cell carcinoma 254701007 (excluded)',
      40,
      [aCondition('254701007', { system: 'http://snomed.info/sct' })],
      {},
      false,
    ],
  ]);

  it.each([
    ['SOON without neurology', {}, 'SOON'],
    ['URGENT with radicular pain', { 'radicular-pain': true }, 'URGENT'],
    ['URGENT with MRC 4 in an adult', { 'motor-grade-min': 4 }, 'URGENT'],
    ['SOON with MRC 5', { 'motor-grade-min': 5 }, 'SOON'],
  ] as const)('%s', (_label, overrides, tier) => {
    const out = outputOf(40, [], { 'hx-cancer': true, ...overrides });
    expect(out.tier).toBe(tier);
    expect(out.imaging?.key).toBe('MRI_WWO');
    expect(out.imaging?.priority).toBe(tier === 'URGENT' ? 'urgent' : 'routine');
  });

  it('a child with cancer history and an abnormal exam is URGENT', () => {
    expect(outputOf(10, [], { 'hx-cancer': true, 'abnormal-neuro-exam': true }).tier).toBe(
      'URGENT',
    );
  });

  it('matches any coding of the concept, not only the first', () => {
    const condition = aCondition('X', { system: 'http://example.org/local' });
    condition.code?.coding?.push({ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'C61' });
    const out = outputOf(40, [condition], {});
    expect(out.firedRules).toContain('RF-CANCER-HX');
    expect(out.evidence).toContainEqual(
      expect.objectContaining({ rule: 'RF-CANCER-HX', reference: `Condition/${condition.id}` }),
    );
  });

  it('with answer No against chart evidence: still fires and raises ADV-DISCREPANCY (§3.7)', () => {
    const condition = aCondition('C61');
    const out = outputOf(40, [condition], { 'hx-cancer': false });
    expect(out.firedRules).toContain('RF-CANCER-HX');
    expect(out.advisories).toContain('ADV-DISCREPANCY');
    expect(out.evidence).toContainEqual(
      expect.objectContaining({ rule: 'ADV-DISCREPANCY', reference: `Condition/${condition.id}` }),
    );
  });
});

import { aCondition, aProcedure, clinical, crp, daysBefore, esr } from '../../../fixtures/chart';
import { outputOf, ruleTable } from '../../../fixtures/rule-table';

describe('RF-INFECT-RISK-WORKUP (spec §5.3, B2)', () => {
  ruleTable('RF-INFECT-RISK-WORKUP', [
    ['IVDU current, no markers', 40, [], { 'hx-ivdu': 'current' }, true],
    ['IVDU past (not a risk factor)', 40, [], { 'hx-ivdu': 'past' }, false],
    [
      'chart IVDU finding 228388006',
      40,
      [
        aCondition('228388006', {
          system: 'http://snomed.info/sct',
          clinicalStatus: clinical('active'),
        }),
      ],
      {},
      true,
    ],
    ['opioid use disorder F11.20 only (prompt, not IVDU)', 40, [aCondition('F11.20')], {}, false],
    ['recent infection', 40, [], { 'hx-recent-infection-30d': true }, true],
    ['dialysis Z99.2 in the chart', 40, [aCondition('Z99.2')], {}, true],
    [
      'epidural injection 90 days ago (boundary)',
      40,
      [aProcedure('64483', { performedDateTime: daysBefore(90) })],
      {},
      true,
    ],
    [
      'epidural injection 91 days ago',
      40,
      [aProcedure('64483', { performedDateTime: daysBefore(91) })],
      {},
      false,
    ],
    [
      'epidural injection without a date (never within 90 days)',
      40,
      [aProcedure('64483')],
      {},
      false,
    ],
    ['diabetes only (not IRF_WORKUP, §11 item 10)', 40, [], { 'hx-diabetes': true }, false],
    [
      'IVDU with both markers normal (ADV-IRF-LABS-NEG instead)',
      40,
      [esr(5), crp(2)],
      { 'hx-ivdu': 'current' },
      false,
    ],
    [
      'IVDU with fever (RF-INFECTION instead)',
      40,
      [],
      { 'hx-ivdu': 'current', 'fever-reported': true },
      false,
    ],
  ]);

  it('is URGENT without imaging, suggesting ESR, CRP and CBC', () => {
    const out = outputOf(40, [], { 'hx-recent-infection-30d': true });
    expect(out).toMatchObject({ tier: 'URGENT', imaging: null });
    expect(out.labs.map((l) => l.analyte)).toEqual(['ESR', 'CRP', 'CBC']);
  });

  it('labels a child PED-SPINE-INFECTION at 13 and PED-DISC at 12 (§6.5)', () => {
    expect(outputOf(13, [], { 'hx-ivdu': 'current' }).pathwayLabel).toBe('PED-SPINE-INFECTION');
    expect(outputOf(12, [], { 'hx-ivdu': 'current' }).pathwayLabel).toBe('PED-DISC');
    expect(outputOf(1, [], { 'hx-ivdu': 'current' }).pathwayLabel).toBe('PED-SPINE-INFECTION');
    expect(outputOf(2, [], { 'hx-ivdu': 'current' }).pathwayLabel).toBe('PED-DISC');
    expect(outputOf(18, [], { 'hx-ivdu': 'current' }).pathwayLabel).toBeNull();
  });
});

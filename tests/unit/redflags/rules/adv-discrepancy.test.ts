import {
  aCondition,
  aProcedure,
  clinical,
  daysBefore,
  verification,
} from '../../../fixtures/chart';
import { outputOf, ruleTable } from '../../../fixtures/rule-table';

const sct = 'http://snomed.info/sct';

describe('ADV-DISCREPANCY (spec §3.7)', () => {
  ruleTable('ADV-DISCREPANCY', [
    [
      'diabetes in the chart, answered No',
      40,
      [aCondition('E11.9')],
      { 'hx-diabetes': false },
      true,
    ],
    [
      'diabetes in the chart, answered Yes',
      40,
      [aCondition('E11.9')],
      { 'hx-diabetes': true },
      false,
    ],
    [
      'diabetes in the chart, unanswered',
      40,
      [aCondition('E11.9')],
      { 'hx-diabetes': undefined },
      false,
    ],
    [
      'refuted diabetes, answered No',
      40,
      [aCondition('E11.9', { verificationStatus: verification('refuted') })],
      { 'hx-diabetes': false },
      false,
    ],
    [
      'resolved diabetes (CURRENT filter), answered No',
      40,
      [aCondition('E11.9', { clinicalStatus: clinical('resolved') })],
      { 'hx-diabetes': false },
      false,
    ],
    [
      'IVDU finding, answered past',
      40,
      [aCondition('228388006', { system: sct })],
      { 'hx-ivdu': 'past' },
      true,
    ],
    [
      'IVDU finding, answered current',
      40,
      [aCondition('228388006', { system: sct })],
      { 'hx-ivdu': 'current' },
      false,
    ],
    [
      'opioid use disorder only, answered never (prompt only, no discrepancy)',
      40,
      [aCondition('F11.20')],
      { 'hx-ivdu': 'never' },
      false,
    ],
    [
      'Z98.1 only, spine surgery answered No (suggestion only)',
      40,
      [aCondition('Z98.1')],
      { 'hx-spine-surgery': false },
      false,
    ],
    [
      'recent epidural, answered No',
      40,
      [aProcedure('62323', { performedDateTime: daysBefore(10) })],
      { 'hx-spine-procedure-90d': false, 'postop-new-symptoms': false },
      true,
    ],
    [
      'ankylosing spondylitis, child (A item disabled)',
      10,
      [aCondition('M45.9')],
      { 'hx-ankylosing': false },
      false,
    ],
  ]);

  it('keeps the fact true and names the item and the resource in the evidence', () => {
    const condition = aCondition('E11.9');
    const out = outputOf(40, [condition], { 'hx-diabetes': false });
    expect(out.evidence).toContainEqual({
      rule: 'ADV-DISCREPANCY',
      reference: `Condition/${condition.id}`,
      detail: expect.stringContaining('hx-diabetes answered no'),
    });
  });
});

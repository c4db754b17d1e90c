import { crp, esr } from '../../../fixtures/chart';
import { ruleTable } from '../../../fixtures/rule-table';

describe('ADV-IRF-LABS-NEG (spec §5.4)', () => {
  ruleTable('ADV-IRF-LABS-NEG', [
    ['diabetes, markers normal', 40, [esr(5), crp(2)], { 'hx-diabetes': true }, true],
    ['diabetes, one marker missing', 40, [esr(5)], { 'hx-diabetes': true }, false],
    [
      'diabetes, markers normal, fever',
      40,
      [esr(5), crp(2)],
      { 'hx-diabetes': true, 'fever-reported': true },
      false,
    ],
    ['no risk factor, markers normal', 40, [esr(5), crp(2)], {}, false],
  ]);
});

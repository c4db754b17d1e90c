import { ruleTable } from '../../../fixtures/rule-table';

describe('ADV-NAI (spec §5.4, B12c)', () => {
  ruleTable('ADV-NAI', [
    ['age 1, minor fall', 1, [], { trauma: 'minor-fall' }, true],
    ['age 1, lifting/twisting', 1, [], { trauma: 'lifting-twisting' }, true],
    ['age 1, no trauma', 1, [], {}, false],
    ['age 2, minor fall', 2, [], { trauma: 'minor-fall' }, false],
  ]);
});

import { ruleTable } from '../../../fixtures/rule-table';

describe('ADV-RADICULOPATHY (spec §5.4)', () => {
  ruleTable('ADV-RADICULOPATHY', [
    ['nothing', 40, [], {}, false],
    ['radicular pain', 40, [], { 'radicular-pain': true }, true],
    ['SLR positive at 30°', 40, [], { 'slr-positive': true, 'slr-angle': 30 }, true],
    ['SLR positive at 60°', 40, [], { 'slr-positive': true, 'slr-angle': 60 }, true],
    ['SLR positive at 29°', 40, [], { 'slr-positive': true, 'slr-angle': 29 }, false],
    ['SLR positive at 61°', 40, [], { 'slr-positive': true, 'slr-angle': 61 }, false],
    ['SLR positive without angle', 40, [], { 'slr-positive': true }, false],
    [
      'angle 45° without positive SLR (item disabled)',
      40,
      [],
      { 'slr-positive': false, 'slr-angle': 45 },
      false,
    ],
  ]);
});

import { outputOf, ruleTable } from '../../../fixtures/rule-table';

describe('RF-CES (spec §5.1)', () => {
  ruleTable('RF-CES', [
    ['no CES feature', 40, [], {}, false],
    ['urinary retention', 40, [], { 'urinary-retention': true }, true],
    ['new incontinence', 40, [], { 'incontinence-new': true }, true],
    ['saddle anaesthesia', 40, [], { 'saddle-anesthesia': true }, true],
    ['bilateral leg deficit / bilateral sciatica', 40, [], { 'bilateral-leg-deficit': true }, true],
    [
      'new sexual dysfunction at 12 (R12 enabled)',
      12,
      [],
      { 'sexual-dysfunction-new': true },
      true,
    ],
    [
      'new sexual dysfunction at 11 is disabled and ignored',
      11,
      [],
      { 'sexual-dysfunction-new': true },
      false,
    ],
    ['a toddler with urinary retention (All)', 2, [], { 'urinary-retention': true }, true],
  ]);

  it('is EMERGENT with MRI without contrast of the lumbar spine, stat within 4 h', () => {
    const out = outputOf(40, [], { 'saddle-anesthesia': true });
    expect(out.tier).toBe('EMERGENT');
    expect(out.imaging).toMatchObject({
      key: 'MRI_WO',
      region: 'LUMBAR',
      priority: 'stat',
      occurrenceLatest: '2026-06-15T16:00:00Z',
      codes: { cpt: ['72148'], loinc: '30679-5', radlex: 'RPID541', snomed: '394451000119106' },
    });
  });

  it('images the complete spine when the pain is thoracic (§7.3 row 3)', () => {
    const out = outputOf(40, [], { 'saddle-anesthesia': true, 'pain-location': 'thoracic' });
    expect(out.imaging?.region).toBe('COMPLETE');
    expect(out.imaging?.codes.cpt).toEqual(['72141', '72146', '72148']);
    expect(out.imaging?.codes.loinc).toBe('30854-4');
    expect(out.imaging?.codes.radlex).toBeNull();
  });

  it('cites the answers as evidence', () => {
    const out = outputOf(40, [], { 'urinary-retention': true, 'saddle-anesthesia': true });
    expect(out.evidence.filter((e) => e.rule === 'RF-CES').map((e) => e.reference)).toEqual([
      'QuestionnaireResponse#urinary-retention',
      'QuestionnaireResponse#saddle-anesthesia',
    ]);
  });
});

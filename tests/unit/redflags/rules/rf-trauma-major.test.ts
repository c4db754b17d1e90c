import { aCondition, clinical } from '../../../fixtures/chart';
import { outputOf, ruleTable } from '../../../fixtures/rule-table';

const ankylosing = () => aCondition('M45.9', { clinicalStatus: clinical('resolved') });

describe('RF-TRAUMA-MAJOR (spec §5.1)', () => {
  ruleTable('RF-TRAUMA-MAJOR', [
    ['no trauma', 40, [], {}, false],
    ['major trauma', 40, [], { trauma: 'major' }, true],
    ['minor fall', 40, [], { trauma: 'minor-fall' }, false],
    [
      'minor fall with chart ankylosing spondylitis (HISTORY filter)',
      40,
      [ankylosing()],
      { trauma: 'minor-fall' },
      true,
    ],
    [
      'minor fall with answered ankylosed spine',
      40,
      [],
      { trauma: 'minor-fall', 'hx-ankylosing': true },
      true,
    ],
    [
      'lifting/twisting with an ankylosed spine (not major)',
      40,
      [ankylosing()],
      { trauma: 'lifting-twisting' },
      false,
    ],
    ['major trauma in a child', 10, [], { trauma: 'major' }, true],
  ]);

  it.each([
    [15, 'XR', 'primary'],
    [16, 'CT_WO', 'primary'],
    [17, 'CT_WO', 'primary'],
    [40, 'CT_WO', 'primary'],
  ])('at age %i uses %s', (age, key) => {
    const out = outputOf(age, [], { trauma: 'major' });
    expect(out.tier).toBe('EMERGENT');
    expect(out.imaging?.key).toBe(key);
  });

  it('an adult CT for multiple pain sites stays LUMBAR (§7.3 row 4 is for MRI keys only)', () => {
    const out = outputOf(40, [], { trauma: 'major', 'pain-location': 'multiple' });
    expect(out.imaging).toMatchObject({ key: 'CT_WO', region: 'LUMBAR' });
    expect(out.imaging?.codes).toEqual({
      cpt: ['72131'],
      loinc: '30620-9',
      radlex: 'RPID31',
      snomed: '572091000119106',
    });
  });

  it('emits the trauma study as a secondary stat study when an MRI outranks it (§7.2)', () => {
    const out = outputOf(40, [], {
      trauma: 'major',
      'saddle-anesthesia': true,
      'pain-location': 'thoracic',
    });
    expect(out.imaging).toMatchObject({ key: 'MRI_WO', region: 'COMPLETE' });
    expect(out.secondaryImaging).toEqual([
      {
        key: 'CT_WO',
        region: 'COMPLETE',
        priority: 'stat',
        occurrenceLatest: '2026-06-15T16:00:00Z',
        codes: { cpt: ['72128', '72131'], loinc: '83310-3', radlex: null, snomed: '702487007' },
      },
    ]);
  });
});

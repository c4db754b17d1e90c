import questionnaire from '@/fhir-profiles/resources/Questionnaire-back-pain-redflags.json';
import {
  ITEMS,
  LINK_IDS,
  missingItemsFor,
  questionnaireShapes,
  type AnswerValue,
  type LinkId,
} from '@/lib/redflags/items';
import { aPatient, aChart, answersFor, screen } from '../../fixtures/chart';

const none = new Map<LinkId, AnswerValue>();

describe('ITEMS (spec §9.1)', () => {
  it('lists every §9.1 linkId in order, each present in the Questionnaire resource', () => {
    const shapes = questionnaireShapes(questionnaire);
    expect(ITEMS.map((i) => i.linkId)).toEqual([...LINK_IDS]);
    for (const id of LINK_IDS) expect(shapes.has(id)).toBe(true);
  });

  it('takes options and ranges from the Questionnaire', () => {
    const byId = new Map(ITEMS.map((i) => [i.linkId, i]));
    expect(byId.get('trauma')?.options).toEqual([
      'none',
      'lifting-twisting',
      'minor-fall',
      'major',
    ]);
    expect(byId.get('hx-ivdu')?.options).toEqual(['current', 'past', 'never']);
    expect(byId.get('pain-location')?.options).toEqual([
      'lumbar',
      'thoracic',
      'multiple',
      'unable',
    ]);
    expect(byId.get('motor-grade-min')).toMatchObject({ type: 'integer', min: 0, max: 5 });
    expect(byId.get('slr-angle')).toMatchObject({ min: 0, max: 90 });
    expect(byId.get('pain-nrs')).toMatchObject({ min: 0, max: 10 });
    expect(byId.get('duration-days')).toMatchObject({ min: 0 });
  });
});

describe('missingItemsFor (spec §8.4, §9.2)', () => {
  const R = [
    'duration-days',
    'pain-location',
    'night-pain',
    'fever-reported',
    'weight-loss-unexplained',
    'trauma',
    'urinary-retention',
    'incontinence-new',
    'saddle-anesthesia',
    'bilateral-leg-deficit',
  ];
  const R2 = ['neuro-progressive', 'motor-multilevel', 'cord-signs'];
  const HX = [
    'hx-cancer',
    'hx-osteoporosis',
    'hx-chronic-steroids',
    'hx-immunosuppression',
    'hx-ivdu',
    'hx-diabetes',
    'hx-spine-surgery',
  ];
  const HX2 = [
    'hx-spine-procedure-90d',
    'hx-recent-infection-30d',
    'hx-dialysis-catheter',
    'hx-chronic-liver',
  ];
  const P = [
    'limp',
    'irritability',
    'decreased-rom',
    'constant-pain',
    'abnormal-neuro-exam',
    'morning-stiffness',
  ];

  it('an adult lists R, R12 and A items in §9.1 order', () => {
    expect(missingItemsFor({ age: 18, answers: none, spineSurgery: false })).toEqual([
      ...R,
      'sexual-dysfunction-new',
      ...R2,
      'motor-grade-min',
      'point-tenderness',
      'radicular-pain',
      'ibp-features',
      ...HX,
      ...HX2,
      'hx-ankylosing',
    ]);
  });

  it('a 12-year-old lists R, R12 and P items', () => {
    expect(missingItemsFor({ age: 12, answers: none, spineSurgery: false })).toEqual([
      ...R,
      'sexual-dysfunction-new',
      ...R2,
      'point-tenderness',
      'radicular-pain',
      ...P,
      ...HX,
      ...HX2,
    ]);
  });

  it('an 11-year-old has no R12 item', () => {
    expect(missingItemsFor({ age: 11, answers: none, spineSurgery: false })).not.toContain(
      'sexual-dysfunction-new',
    );
  });

  it('conditional items appear when their condition is met', () => {
    const answers = new Map<LinkId, AnswerValue>([
      ['duration-days', 50],
      ['radicular-pain', true],
      ['conservative-tried', true],
    ]);
    const missing = missingItemsFor({ age: 40, answers, spineSurgery: true });
    expect(missing).toEqual(
      expect.arrayContaining([
        'radicular-severe-worsening',
        'surgical-candidate',
        'postop-new-symptoms',
      ]),
    );
    expect(missing).not.toContain('conservative-tried');
  });

  it('an unanswered enabling item leaves its dependants disabled', () => {
    const missing = missingItemsFor({ age: 40, answers: none, spineSurgery: false });
    expect(missing).not.toContain('conservative-tried');
    expect(missing).not.toContain('radicular-severe-worsening');
    expect(missing).not.toContain('slr-angle');
    expect(missing).not.toContain('postop-new-symptoms');
  });

  it('never lists optional items', () => {
    const missing = missingItemsFor({
      age: 40,
      answers: new Map([['slr-positive', true]]),
      spineSurgery: false,
    });
    expect(missing).not.toContain('slr-angle');
    expect(missing).not.toContain('pain-nrs');
    expect(missing).not.toContain('visceral-signs');
  });
});

describe('incomplete evaluations (spec §8.4)', () => {
  it('without answers: incomplete, every required enabled item missing, provisional ROUTINE', () => {
    const out = screen(aChart(aPatient(40)), undefined);
    expect(out.status).toBe('incomplete');
    expect(out.missingItems[0]).toBe('duration-days');
    expect(out.missingItems).toHaveLength(30);
    expect(out.tier).toBe('ROUTINE');
  });

  it('a completed response with one required item unanswered is incomplete and lists it', () => {
    const out = screen(aChart(aPatient(40)), answersFor(40, { 'cord-signs': undefined }));
    expect(out).toMatchObject({ status: 'incomplete', missingItems: ['cord-signs'] });
  });

  it('an in-progress response with every item answered is still incomplete', () => {
    const out = screen(aChart(aPatient(40)), answersFor(40, {}, { status: 'in-progress' }));
    expect(out).toMatchObject({ status: 'incomplete', missingItems: [] });
  });

  it('reports the provisional EMERGENT result with imaging (§8.4 exception)', () => {
    const out = screen(
      aChart(aPatient(40)),
      answersFor(40, { 'saddle-anesthesia': true, 'pain-location': undefined }),
    );
    expect(out).toMatchObject({
      status: 'incomplete',
      missingItems: ['pain-location'],
      tier: 'EMERGENT',
    });
    // pain-location substitute `unable` → adult MRI of the complete spine (§7.3 row 4).
    expect(out.imaging).toMatchObject({ key: 'MRI_WO', region: 'COMPLETE', priority: 'stat' });
  });

  it('substitutes: trauma none, motor grade 5, hx-ivdu never', () => {
    const out = screen(
      aChart(aPatient(40)),
      answersFor(40, { trauma: undefined, 'motor-grade-min': undefined, 'hx-ivdu': undefined }),
    );
    expect(out.firedRules).toEqual([]);
    expect(out.missingItems).toEqual(['trauma', 'motor-grade-min', 'hx-ivdu']);
  });
});

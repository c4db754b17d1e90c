import type { Questionnaire, QuestionnaireItem } from 'fhir/r4';
import { BACK_PAIN_QUESTIONNAIRE } from '@/lib/profiles/questionnaire';
import {
  extraLinkIds,
  itemText,
  questionTexts,
  toQuestionnaireView,
} from '@/lib/screening/questionnaire-view';

const find = (linkId: string): QuestionnaireItem => {
  const walk = (items: readonly QuestionnaireItem[] | undefined): QuestionnaireItem | undefined => {
    for (const item of items ?? []) {
      if (item.linkId === linkId) return item;
      const inner = walk(item.item);
      if (inner) return inner;
    }
    return undefined;
  };
  const item = walk(BACK_PAIN_QUESTIONNAIRE.item);
  if (!item) throw new Error(linkId);
  return item;
};

const ADULT = { min: 40, max: 40 };
const CHILD = { min: 3, max: 3 };
const UNKNOWN = { min: 0, max: undefined };

describe('itemText', () => {
  it.each([
    ['weight-loss-unexplained', ADULT, 'Unexplained weight loss'],
    [
      'weight-loss-unexplained',
      CHILD,
      'Unexplained weight loss, night sweats, pallor, bruising, lymphadenopathy or abdominal mass',
    ],
    [
      'weight-loss-unexplained',
      UNKNOWN,
      'Unexplained weight loss, night sweats, pallor, bruising, lymphadenopathy or abdominal mass',
    ],
    [
      'weight-loss-unexplained',
      { min: 17, max: 18 },
      'Unexplained weight loss, night sweats, pallor, bruising, lymphadenopathy or abdominal mass',
    ],
    ['urinary-retention', CHILD, 'New retention of urine or much less voiding than usual'],
    [
      'urinary-retention',
      { min: 4, max: 4 },
      'New urinary retention / difficulty initiating micturition',
    ],
    ['urinary-retention', UNKNOWN, 'New urinary retention / difficulty initiating micturition'],
    ['night-pain', CHILD, 'Pain at night / waking from sleep'],
  ] as const)('%s for ages %o: %s', (linkId, range, text) => {
    expect(itemText(find(linkId), range)).toBe(text);
  });
});

describe('toQuestionnaireView', () => {
  const shown = new Set([
    'duration-days',
    'pain-location',
    'night-pain',
    'hx-ivdu',
    'fever-reported',
  ]);

  it('keeps the resource’s groups and order, shows only what the engine enables, and reads options, ranges, units and help', () => {
    const groups = toQuestionnaireView(BACK_PAIN_QUESTIONNAIRE, shown, ADULT);
    expect(groups.map((g) => g.linkId)).toEqual([
      'grp-redflag-symptoms',
      'grp-history',
      'grp-context',
    ]);
    expect(groups.flatMap((g) => g.questions.map((q) => q.linkId))).toEqual([
      'fever-reported',
      'night-pain',
      'hx-ivdu',
      'duration-days',
      'pain-location',
    ]);
    const [symptoms, history, context] = groups;
    expect(symptoms?.questions[0]?.help[0]).toMatch(/antipyretic/);
    expect(history?.questions[0]?.options.map((o) => o.code)).toEqual(['current', 'past', 'never']);
    expect(context?.questions[0]).toMatchObject({
      type: 'integer',
      min: 0,
      max: undefined,
      unit: 'day',
      required: true,
      known: true,
    });
    expect(context?.questions[1]?.options[0]).toEqual({
      code: 'lumbar',
      display: expect.any(String),
    });
  });

  it('shows items the engine does not know (added to the resource), never the hidden age item', () => {
    const questionnaire: Questionnaire = structuredClone(BACK_PAIN_QUESTIONNAIRE);
    questionnaire.item?.push({ linkId: 'loose-item', text: 'Loose', type: 'integer' });
    questionnaire.item?.[1]?.item?.push({ linkId: 'note', text: 'Free text', type: 'string' });
    const groups = toQuestionnaireView(questionnaire, new Set(), ADULT);
    expect(
      groups.map((g) => [g.linkId, g.questions.map((q) => `${q.linkId}:${q.type}:${q.required}`)]),
    ).toEqual([
      ['grp-emergency-neuro', ['note:unsupported:false']],
      [undefined, ['loose-item:integer:false']],
    ]);
    expect(extraLinkIds(questionnaire)).toEqual(['note', 'loose-item']);
    expect(extraLinkIds(BACK_PAIN_QUESTIONNAIRE)).toEqual([]);
  });
});

describe('questionTexts', () => {
  it('gives every question’s text with the age wording', () => {
    const texts = questionTexts(BACK_PAIN_QUESTIONNAIRE, CHILD);
    expect(texts.get('duration-days')).toBe('Days since this episode of back pain began');
    expect(texts.get('weight-loss-unexplained')).toMatch(/night sweats/);
    expect(texts.has('grp-history')).toBe(false);
  });
});

import {
  buildQuestionnaireResponse,
  type AnswerValue,
} from '@/lib/builders/questionnaire-response';
import { BACK_PAIN_QUESTIONNAIRE, flattenItems } from '@/lib/profiles/questionnaire';
import { PROFILE_URLS } from '@/lib/terminology';
import { expectValid } from '../../helpers/validate';

const ALL_LINK_IDS = new Set(flattenItems(BACK_PAIN_QUESTIONNAIRE.item).map((i) => i.linkId));

function build(
  answers: [string, AnswerValue][],
  enabled: ReadonlySet<string> = ALL_LINK_IDS,
  extra = {},
) {
  return buildQuestionnaireResponse({
    questionnaire: BACK_PAIN_QUESTIONNAIRE,
    answers: new Map(answers),
    enabledLinkIds: enabled,
    status: 'completed',
    patientId: 'pt-1',
    authored: '2026-06-15T12:00:00Z',
    screeningId: '6f1d2c3b-0000-4000-8000-000000000001',
    authorRef: 'Practitioner/dr-1',
    ...extra,
  });
}

const answerOf = (qr: ReturnType<typeof build>, linkId: string) =>
  (qr.item ?? []).flatMap((g) => g.item ?? []).find((i) => i.linkId === linkId)?.answer;

describe('buildQuestionnaireResponse', () => {
  it('writes the profile, canonical, identifier, subject, author and time', () => {
    const qr = build([['night-pain', true]], ALL_LINK_IDS, { encounterId: 'enc-9' });
    expect(qr).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      meta: { profile: [PROFILE_URLS.QUESTIONNAIRE_RESPONSE] },
      identifier: {
        system: 'http://spine-redflags.org/fhir/identifier/screening',
        value: '6f1d2c3b-0000-4000-8000-000000000001',
      },
      questionnaire: 'http://spine-redflags.org/fhir/Questionnaire/back-pain-redflags|1.1',
      status: 'completed',
      subject: { reference: 'Patient/pt-1' },
      encounter: { reference: 'Encounter/enc-9' },
      author: { reference: 'Practitioner/dr-1' },
      authored: '2026-06-15T12:00:00Z',
    });
    expectValid(qr);
  });

  it('nests answers in their §9.5 groups with the typed value of each item', () => {
    const qr = build([
      ['urinary-retention', false],
      ['duration-days', 12],
      ['trauma', 'minor-fall'],
      ['hx-ivdu', 'never'],
    ]);
    expect(qr.item?.map((g) => g.linkId)).toEqual([
      'grp-emergency-neuro',
      'grp-history',
      'grp-context',
    ]);
    expect(answerOf(qr, 'urinary-retention')).toEqual([{ valueBoolean: false }]);
    expect(answerOf(qr, 'duration-days')).toEqual([{ valueInteger: 12 }]);
    expect(answerOf(qr, 'trauma')).toEqual([
      {
        valueCoding: expect.objectContaining({
          system: 'http://spine-redflags.org/fhir/CodeSystem/back-pain-answers',
          code: 'minor-fall',
        }),
      },
    ]);
    expectValid(qr);
  });

  it('leaves unanswered items out instead of writing false', () => {
    const qr = build([['night-pain', true]]);
    expect(answerOf(qr, 'fever-reported')).toBeUndefined();
    expect((qr.item ?? []).flatMap((g) => g.item ?? []).map((i) => i.linkId)).toEqual([
      'night-pain',
    ]);
  });

  it('does not write answers to disabled items', () => {
    const enabled = new Set([...ALL_LINK_IDS].filter((id) => id !== 'motor-grade-min'));
    const qr = build(
      [
        ['motor-grade-min', 3],
        ['night-pain', false],
      ],
      enabled,
    );
    expect(answerOf(qr, 'motor-grade-min')).toBeUndefined();
    expect(answerOf(qr, 'night-pain')).toEqual([{ valueBoolean: false }]);
  });

  it('drops values of the wrong type or outside the options, and a non-clinician author', () => {
    const qr = build(
      [
        ['night-pain', 'yes'],
        ['trauma', 'skiing'],
        ['duration-days', 2.5],
      ],
      ALL_LINK_IDS,
      { authorRef: 'Patient/pt-1' },
    );
    expect(qr.item).toEqual([]);
    expect(qr.author).toBeUndefined();
  });

  it('writes an in-progress response for an incomplete screening, still valid', () => {
    const qr = build([['cord-signs', true]], ALL_LINK_IDS, { status: 'in-progress' });
    expect(qr.status).toBe('in-progress');
    expectValid(qr);
  });
});

import type { QuestionnaireResponse } from 'fhir/r4';
import { readAnswers } from '@/lib/redflags/answers';
import { answersFor } from '../../fixtures/chart';

const own = (ref: string) => ref === 'Patient/pt-1';
const qr = (item: unknown[], extra: Record<string, unknown> = {}): unknown => ({
  resourceType: 'QuestionnaireResponse',
  questionnaire: 'http://spine-redflags.org/fhir/Questionnaire/back-pain-redflags|1.1',
  status: 'completed',
  item,
  ...extra,
});

describe('readAnswers (spec §13 --answers)', () => {
  it('reads a complete response', () => {
    const read = readAnswers(answersFor(40), own);
    expect(read.ok && read.completed).toBe(true);
    expect(read.ok && read.answers.get('duration-days')).toBe(3);
  });

  it('reads nested items, answer.item and group items; ignores unknown linkIds', () => {
    const read = readAnswers(
      qr([
        { linkId: 'age-years', answer: [{ valueInteger: 99 }] },
        {
          linkId: 'grp-exam',
          item: [
            {
              linkId: 'radicular-pain',
              answer: [
                {
                  valueBoolean: true,
                  item: [
                    { linkId: 'radicular-severe-worsening', answer: [{ valueBoolean: true }] },
                  ],
                },
              ],
            },
          ],
        },
        { linkId: 'something-else', answer: [{ valueString: 'x' }] },
      ]),
      own,
    );
    expect(read.ok && [...read.answers.entries()]).toEqual([
      ['radicular-pain', true],
      ['radicular-severe-worsening', true],
    ]);
  });

  it('treats an answer without value[x], an empty answer array and no answer as unanswered', () => {
    const read = readAnswers(
      qr([
        { linkId: 'night-pain', answer: [{ extension: [] }] },
        { linkId: 'fever-reported', answer: [] },
        { linkId: 'trauma' },
      ]),
      own,
    );
    expect(read.ok && read.answers.size).toBe(0);
  });

  it.each([
    ['not a QuestionnaireResponse', { resourceType: 'Bundle' }, /not a FHIR QuestionnaireResponse/],
    [
      'another Questionnaire',
      qr([], { questionnaire: 'http://example.org/Questionnaire/x' }),
      /another Questionnaire/,
    ],
    [
      'another version',
      qr([], {
        questionnaire: 'http://spine-redflags.org/fhir/Questionnaire/back-pain-redflags|1.0',
      }),
      /version 1.0/,
    ],
    ['no questionnaire', qr([], { questionnaire: undefined }), /does not name/],
    ['another patient', qr([], { subject: { reference: 'Patient/pt-2' } }), /another patient/],
    [
      'a boolean item with valueString',
      qr([{ linkId: 'night-pain', answer: [{ valueString: 'yes' }] }]),
      /valueBoolean/,
    ],
    [
      'an integer out of range',
      qr([{ linkId: 'motor-grade-min', answer: [{ valueInteger: 6 }] }]),
      /out of range/,
    ],
    [
      'a negative duration',
      qr([{ linkId: 'duration-days', answer: [{ valueInteger: -1 }] }]),
      /out of range/,
    ],
    [
      'a decimal for an integer',
      qr([{ linkId: 'pain-nrs', answer: [{ valueInteger: 2.5 }] }]),
      /valueInteger/,
    ],
    [
      'a choice outside the options',
      qr([{ linkId: 'trauma', answer: [{ valueCoding: { code: 'minor' } }] }]),
      /not one of/,
    ],
    [
      'a choice of another system',
      qr([
        {
          linkId: 'trauma',
          answer: [{ valueCoding: { system: 'http://example.org', code: 'none' } }],
        },
      ]),
      /system/,
    ],
    [
      'two answers to one item',
      qr([{ linkId: 'night-pain', answer: [{ valueBoolean: true }, { valueBoolean: false }] }]),
      /more than one/,
    ],
    [
      'one item answered twice',
      qr([
        { linkId: 'night-pain', answer: [{ valueBoolean: true }] },
        { linkId: 'grp', item: [{ linkId: 'night-pain', answer: [{ valueBoolean: false }] }] },
      ]),
      /answered twice/,
    ],
  ] as const)('refuses %s', (_label, input, reason) => {
    const read = readAnswers(input, own);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.reason).toMatch(reason);
  });

  it('accepts an unversioned questionnaire and a subject given by a full URL', () => {
    const input = qr([], {
      questionnaire: 'http://spine-redflags.org/fhir/Questionnaire/back-pain-redflags',
      subject: { reference: 'Patient/pt-1' },
    });
    expect(readAnswers(input, own).ok).toBe(true);
  });

  it.each(['in-progress', 'stopped'] as const)(
    'a %s response is not completed but its answers count',
    (status) => {
      const read = readAnswers(answersFor(40, {}, { status }), own);
      expect(read.ok && read.completed).toBe(false);
      expect(read.ok && read.answers.size).toBeGreaterThan(0);
    },
  );

  it('an entered-in-error response counts as no answers', () => {
    const response: QuestionnaireResponse = answersFor(40, {}, { status: 'entered-in-error' });
    const read = readAnswers(response, own);
    expect(read.ok && read.answers.size).toBe(0);
  });
});

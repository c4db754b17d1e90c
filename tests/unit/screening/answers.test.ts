import { BACK_PAIN_QUESTIONNAIRE } from '@/lib/profiles/questionnaire';
import { answerLabel, parseIntegerInput, sanitizeAnswers } from '@/lib/screening/answers';

describe('parseIntegerInput', () => {
  it.each([
    ['', 0, 5, { kind: 'empty' }],
    ['  ', 0, 5, { kind: 'empty' }],
    ['3', 0, 5, { kind: 'value', value: 3 }],
    [' 42 ', 0, undefined, { kind: 'value', value: 42 }],
    ['6', 0, 5, { kind: 'invalid', message: 'Enter a whole number from 0 to 5.' }],
    ['-1', 0, undefined, { kind: 'invalid', message: 'Enter a whole number of at least 0.' }],
    ['2.5', 0, 5, { kind: 'invalid', message: 'Enter a whole number from 0 to 5.' }],
    ['abc', undefined, undefined, { kind: 'invalid', message: 'Enter a whole number.' }],
    ['1e3', undefined, 10, { kind: 'invalid', message: 'Enter a whole number up to 10.' }],
  ] as const)('%j in [%s, %s] → %o', (text, min, max, expected) => {
    expect(parseIntegerInput(text, min, max)).toEqual(expected);
  });
});

describe('sanitizeAnswers', () => {
  it('keeps only valid answers to items of the Questionnaire', () => {
    expect(
      sanitizeAnswers(
        {
          'night-pain': true,
          'fever-reported': 'yes',
          'motor-grade-min': 7,
          'pain-nrs': 4,
          'hx-ivdu': 'sometimes',
          trauma: 'major',
          'grp-history': true,
          unknown: true,
          'duration-days': 2.5,
        },
        BACK_PAIN_QUESTIONNAIRE,
      ),
    ).toEqual({ 'night-pain': true, 'pain-nrs': 4, trauma: 'major' });
    expect(sanitizeAnswers(undefined, BACK_PAIN_QUESTIONNAIRE)).toEqual({});
  });
});

describe('answerLabel', () => {
  it('says an answer in words', () => {
    expect(answerLabel(undefined)).toBe('Not answered');
    expect(answerLabel(true)).toBe('Yes');
    expect(answerLabel(false)).toBe('No');
    expect(answerLabel(1, [], 'day')).toBe('1 day');
    expect(answerLabel(5, [], 'day')).toBe('5 days');
    expect(answerLabel('past', [{ code: 'past', display: 'Past (more than 12 months ago)' }])).toBe(
      'Past (more than 12 months ago)',
    );
  });
});

/** @jest-environment node */
import type { Observation, Patient, QuestionnaireResponse } from '@medplum/fhirtypes';
import { loadFhirDefinitions } from '@/lib/sandbox/fhir/definitions';
import type { DateShift } from '@/lib/sandbox/seed/shift-dates';
import {
  dateShiftFor,
  readAnchor,
  SANDBOX_ANCHOR_SYSTEM,
  shiftDateValue,
  shiftResourceDates,
} from '@/lib/sandbox/seed/shift-dates';

beforeAll(() => {
  loadFhirDefinitions();
});

const ANCHOR = '2026-06-15T12:00:00Z';
const DAY = 86_400_000;

/** now = anchor + 10 days 3 h 25 min 7.5 s. */
const NOW = new Date(Date.parse(ANCHOR) + 10 * DAY + (3 * 3600 + 25 * 60 + 7.5) * 1000);
const shift = (): DateShift => {
  const result = dateShiftFor(ANCHOR, NOW);
  if (!result) throw new Error('anchor should parse');
  return result;
};

describe('dateShiftFor', () => {
  it('computes the exact delta and the calendar-day delta', () => {
    expect(shift()).toEqual({ milliseconds: 10 * DAY + 12_307_500, days: 10 });
  });

  it('counts calendar days (UTC), not 24-hour periods', () => {
    // 13 hours later, but on the next calendar day.
    expect(dateShiftFor('2026-06-15T12:00:00Z', new Date('2026-06-16T01:00:00Z'))).toEqual({
      milliseconds: 13 * 3600 * 1000,
      days: 1,
    });
    // 23 hours later, same calendar day.
    expect(dateShiftFor('2026-06-15T00:30:00Z', new Date('2026-06-15T23:30:00Z'))?.days).toBe(0);
  });

  it('handles anchors with an offset, a fraction and a date only', () => {
    expect(dateShiftFor('2026-06-15T08:00:00-04:00', new Date('2026-06-15T12:00:00Z'))).toEqual({
      milliseconds: 0,
      days: 0,
    });
    expect(
      dateShiftFor('2026-06-15T12:00:00.250Z', new Date('2026-06-15T12:00:01Z'))?.milliseconds,
    ).toBe(750);
    expect(dateShiftFor('2026-06-15', new Date('2026-06-17T12:00:00Z'))).toEqual({
      milliseconds: 2.5 * DAY,
      days: 2,
    });
  });

  it('shifts backwards when the anchor is in the future', () => {
    expect(dateShiftFor('2026-06-15T12:00:00Z', new Date('2026-06-10T12:00:00Z'))).toEqual({
      milliseconds: -5 * DAY,
      days: -5,
    });
  });

  it.each([
    '',
    'yesterday',
    '2026-13-45T00:00:00Z',
    '2026-06-15T12:00:00',
    '15/06/2026',
    '2026-06',
  ])('refuses the anchor %j', (anchor) => {
    expect(dateShiftFor(anchor, NOW)).toBeUndefined();
  });
});

describe('shiftDateValue', () => {
  it.each([
    // date: whole days
    ['2026-06-15', '2026-06-25'],
    ['2026-06-25', '2026-07-05'],
    ['2025-12-25', '2026-01-04'],
    ['2024-02-25', '2024-03-06'],
    ['2023-06-15', '2023-06-25'],
    // partial dates: the middle of the period shifted, then truncated
    ['2026-06', '2026-06'],
    ['2025-12', '2025-12'],
    ['2026', '2026'],
    // dateTime / instant: exact delta, same offset style and precision
    ['2026-06-15T12:00:00Z', '2026-06-25T15:25:07Z'],
    ['2026-06-15T12:00:00.000Z', '2026-06-25T15:25:07.500Z'],
    ['2026-06-15T12:00:00.1Z', '2026-06-25T15:25:07.6Z'],
    ['2026-06-15T12:00:00.123456Z', '2026-06-25T15:25:07.623000Z'],
    ['2026-06-15T08:00:00-04:00', '2026-06-25T11:25:07-04:00'],
    ['2026-06-15T22:00:00+05:30', '2026-06-26T01:25:07+05:30'],
    ['2026-06-15T23:00:00+00:00', '2026-06-26T02:25:07+00:00'],
    ['2026-06-15T12:00Z', '2026-06-25T15:25Z'],
    ['2025-12-31T23:59:59Z', '2026-01-11T03:25:06Z'],
  ])('%s -> %s', (value, expected) => {
    expect(shiftDateValue(value, shift())).toBe(expected);
  });

  it('moves partial dates when the shift crosses their period', () => {
    const year = dateShiftFor('2025-06-15T00:00:00Z', new Date('2026-06-15T00:00:00Z'));
    if (!year) throw new Error('anchor should parse');
    expect(shiftDateValue('2024-02', year)).toBe('2025-02');
    expect(shiftDateValue('2019', year)).toBe('2020');
    expect(shiftDateValue('2024-02-29', year)).toBe('2025-02-28');
  });

  it('shifts backwards', () => {
    const back = dateShiftFor('2026-06-15T12:00:00Z', new Date('2026-06-13T11:00:00Z'));
    if (!back) throw new Error('anchor should parse');
    expect(shiftDateValue('2026-06-01', back)).toBe('2026-05-30');
    expect(shiftDateValue('2026-06-01T00:30:00Z', back)).toBe('2026-05-29T23:30:00Z');
  });

  it.each(['not a date', '2026/06/15', '', '20260615', '2026-06-15T12'])(
    'leaves %j unchanged',
    (value) => {
      expect(shiftDateValue(value, shift())).toBe(value);
    },
  );

  it('is the identity for a zero shift', () => {
    expect(shiftDateValue('2026-06-15T08:00:00-04:00', { milliseconds: 0, days: 0 })).toBe(
      '2026-06-15T08:00:00-04:00',
    );
  });
});

describe('readAnchor', () => {
  it('reads the sandbox anchor tag and ignores other tags', () => {
    expect(
      readAnchor({
        resourceType: 'Bundle',
        type: 'collection',
        meta: {
          tag: [
            { system: 'urn:other', code: 'x' },
            { system: SANDBOX_ANCHOR_SYSTEM, code: ANCHOR },
          ],
        },
      }),
    ).toBe(ANCHOR);
    expect(readAnchor({ resourceType: 'Bundle', type: 'collection' })).toBeUndefined();
  });
});

describe('shiftResourceDates', () => {
  it('shifts birthDate so an age in years stays the same', () => {
    const patient: Patient = { resourceType: 'Patient', id: 'p', birthDate: '2023-06-15' };
    const shifted = shiftResourceDates(patient, shift());
    expect(shifted.birthDate).toBe('2023-06-25');
    expect(patient.birthDate).toBe('2023-06-15');
  });

  it('shifts date elements by type and leaves look-alike strings, codes and identifiers alone', () => {
    const observation: Observation = {
      resourceType: 'Observation',
      id: '2026-06-15',
      meta: {
        lastUpdated: '2026-06-15T12:00:00.000Z',
        tag: [{ system: SANDBOX_ANCHOR_SYSTEM, code: ANCHOR }],
      },
      identifier: [{ system: 'urn:lab', value: '2026-06-15' }],
      status: 'final',
      code: { coding: [{ system: 'urn:codes', code: '2026-06-15' }], text: 'drawn 2026-06-15' },
      subject: { reference: 'Patient/p', display: '2026-06-15' },
      effectivePeriod: { start: '2026-06-14T08:00:00Z', end: '2026-06-14' },
      issued: '2026-06-15T12:00:00.000Z',
      valueDateTime: '2026-06-01',
      note: [{ text: 'seen 2026-06-15', time: '2026-06-15T12:00:00Z' }],
      component: [{ code: { text: 'c' }, valueDateTime: '2026-06-15T08:00:00-04:00' }],
      extension: [
        { url: 'urn:ext', valueDate: '2026-06' },
        { url: 'urn:ext2', valueString: '2026-06-15' },
      ],
    };
    const shifted = shiftResourceDates(observation, shift());
    expect(shifted).toEqual({
      ...observation,
      meta: { ...observation.meta, lastUpdated: '2026-06-25T15:25:07.500Z' },
      effectivePeriod: { start: '2026-06-24T11:25:07Z', end: '2026-06-24' },
      issued: '2026-06-25T15:25:07.500Z',
      valueDateTime: '2026-06-11',
      note: [{ text: 'seen 2026-06-15', time: '2026-06-25T15:25:07Z' }],
      component: [{ code: { text: 'c' }, valueDateTime: '2026-06-25T11:25:07-04:00' }],
      extension: [
        { url: 'urn:ext', valueDate: '2026-06' },
        { url: 'urn:ext2', valueString: '2026-06-15' },
      ],
    });
  });

  it('walks nested backbone elements, primitive extensions and contained resources', () => {
    const response: QuestionnaireResponse = {
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      authored: '2026-06-15T12:00:00Z',
      item: [
        {
          linkId: 'a',
          answer: [
            {
              valueDate: '2026-06-10',
              item: [{ linkId: 'b', answer: [{ valueDateTime: '2026' }] }],
            },
          ],
        },
      ],
      contained: [{ resourceType: 'Patient', id: 'c1', birthDate: '2000-01-01' }],
    };
    const withExtension = {
      ...response,
      _authored: { extension: [{ url: 'urn:when', valueDateTime: '2026-06-15T00:00:00Z' }] },
    } as QuestionnaireResponse;
    const shifted = shiftResourceDates(withExtension, shift()) as QuestionnaireResponse & {
      _authored: { extension: { valueDateTime: string }[] };
    };
    expect(shifted.authored).toBe('2026-06-25T15:25:07Z');
    expect(shifted.item?.[0]?.answer?.[0]?.valueDate).toBe('2026-06-20');
    expect(shifted.item?.[0]?.answer?.[0]?.item?.[0]?.answer?.[0]?.valueDateTime).toBe('2026');
    expect(shifted.contained?.[0]).toEqual({
      resourceType: 'Patient',
      id: 'c1',
      birthDate: '2000-01-11',
    });
    expect(shifted._authored.extension[0]?.valueDateTime).toBe('2026-06-25T03:25:07Z');
  });

  it('leaves elements it does not know and invalid values alone', () => {
    const odd = { resourceType: 'Patient', birthDate: 'someday', colour: '2026-06-15' } as Patient;
    expect(shiftResourceDates(odd, shift())).toEqual(odd);
  });
});

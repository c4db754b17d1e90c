import {
  anObservation,
  hoursBefore,
  outputOfDataQuality,
  withComparator,
} from './adv-data-quality-helpers';

describe('ADV-DATA-QUALITY (spec §3.2, §5.4)', () => {
  it.each([
    ['a WBC in 10*6/uL', anObservation('6690-2', 7, '10*6/uL'), true],
    ['a CRP in nmol/L (molar)', anObservation('1988-5', 5, 'nmol/L'), true],
    ['a CRP without unit', anObservation('1988-5', 5, undefined), true],
    ['an ESR without unit (read as mm/h)', anObservation('4537-7', 5, undefined), false],
    ['a temperature in K', anObservation('8310-5', 310, 'K'), true],
    ['a weight in stones', anObservation('29463-7', 12, '[stone_av]'), true],
    ['an ESR in the future', anObservation('4537-7', 5, 'mm/h', hoursBefore(-1)), true],
    [
      'an ESR with a date-only value in the future',
      anObservation('4537-7', 5, 'mm/h', '2026-06-16'),
      true,
    ],
    [
      'an ESR with a date-only value on T0',
      anObservation('4537-7', 5, 'mm/h', '2026-06-15'),
      false,
    ],
    ['an ESR with a month only', anObservation('4537-7', 5, 'mm/h', '2026-06'), true],
    ['an ESR without effective time', anObservation('4537-7', 5, 'mm/h', null), true],
    ['an ESR without value', anObservation('4537-7', undefined, undefined), true],
    [
      'an ESR with valueString',
      anObservation('4537-7', undefined, undefined, hoursBefore(2), { valueString: '12' }),
      true,
    ],
    [
      'an ESR with a dataAbsentReason',
      anObservation('4537-7', 5, 'mm/h', hoursBefore(2), { dataAbsentReason: { text: 'error' } }),
      true,
    ],
    [
      'an ESR with comparator "ad" (not allowed)',
      withComparator(anObservation('4537-7', 5, 'mm/h'), 'ad'),
      true,
    ],
    [
      'a preliminary WBC in 10*6/uL (status: ignored silently)',
      anObservation('6690-2', 7, '10*6/uL', hoursBefore(2), { status: 'preliminary' }),
      false,
    ],
    [
      'an entered-in-error CRP without unit',
      anObservation('1988-5', 5, undefined, hoursBefore(2), { status: 'entered-in-error' }),
      false,
    ],
    ['a display-only ESR code 18184-2 without unit', anObservation('18184-2', 5, 'x'), false],
    [
      'an estimated weight 8335-2 in stones (excluded code)',
      anObservation('8335-2', 12, '[stone_av]'),
      false,
    ],
    ['a usable WBC in /uL', anObservation('6690-2', 7000, '/uL'), false],
  ])('%s', (_label, observation, raised) => {
    expect(outputOfDataQuality(observation).advisories.includes('ADV-DATA-QUALITY')).toBe(raised);
  });

  it('lists each rejected resource with its reason', () => {
    const bad = anObservation('6690-2', 7, '10*6/uL');
    expect(outputOfDataQuality(bad).evidence).toEqual([
      {
        rule: 'ADV-DATA-QUALITY',
        reference: `Observation/${bad.id}`,
        detail: 'WBC Observation unit 10*6/uL is not accepted for WBC',
      },
    ]);
  });
});

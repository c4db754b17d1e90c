import { agesToEvaluate, ageRange, completedYears, t0Date } from '@/lib/redflags/age';

const on = (iso: string) => {
  const date = t0Date(`${iso}T12:00:00Z`);
  if (!date) throw new Error(`bad date ${iso}`);
  return date;
};

describe('t0Date (clinical-spec §3.1)', () => {
  it("is T0's calendar date in T0's own offset", () => {
    expect(t0Date('2026-06-15T23:30:00-05:00')).toEqual({ year: 2026, month: 6, day: 15 });
    expect(t0Date('2026-06-15T00:30+14:00')).toEqual({ year: 2026, month: 6, day: 15 });
  });

  it.each(['2026-06-15', '2026-06-15T12:00:00', '2026-02-30T12:00:00Z', 'yesterday'])(
    'rejects %s',
    (value) => {
      expect(t0Date(value)).toBeUndefined();
    },
  );
});

describe('completedYears / ageRange (clinical-spec §3.1)', () => {
  it.each([
    ['2021-06-15', '2026-06-15', 5, 'birthday on T0 counts as reached'],
    ['2021-06-16', '2026-06-15', 4, 'the day before the birthday'],
    [
      '2008-02-29',
      '2026-02-28',
      17,
      '29 February not yet reached on 28 February of a non-leap year',
    ],
    ['2008-02-29', '2026-03-01', 18, '29 February reached on 1 March of a non-leap year'],
    ['2008-02-29', '2028-02-29', 20, '29 February reached on the day in a leap year'],
    ['1955-06-16', '2026-06-15', 70, 'age 70 the day before the 71st birthday'],
    ['1955-06-15', '2026-06-15', 71, 'age 71 on the birthday'],
  ])('%s at %s is %i (%s)', (birth, t0, expected) => {
    expect(ageRange(birth, on(t0))).toEqual({ min: expected, max: expected });
  });

  it('gives a range for a birth year only', () => {
    expect(ageRange('2020', on('2026-06-15'))).toEqual({ min: 5, max: 6 });
  });

  it('gives a range for a birth month only', () => {
    expect(ageRange('2020-06', on('2026-06-15'))).toEqual({ min: 5, max: 6 });
    expect(ageRange('2020-05', on('2026-06-15'))).toEqual({ min: 6, max: 6 });
  });

  it('uses T0 itself when the latest possible birth date is after T0', () => {
    expect(ageRange('2026', on('2026-06-15'))).toEqual({ min: 0, max: 0 });
  });

  it.each([undefined, '', '2026-06-16', '2020-13', '2021-02-29', '20-01-01', 'unknown', '0000'])(
    'treats %s as missing: min 0, max unbounded',
    (birth) => {
      expect(ageRange(birth, on('2026-06-15'))).toEqual({ min: 0, max: undefined });
    },
  );

  it('completedYears compares month and day as a pair', () => {
    expect(
      completedYears({ year: 2000, month: 12, day: 31 }, { year: 2001, month: 1, day: 1 }),
    ).toBe(0);
  });
});

describe('agesToEvaluate (spec §3.1 age classes, §8.4)', () => {
  it.each([
    [{ min: 17, max: 17 }, true, [17]],
    [{ min: 25, max: 26 }, true, [25]],
    [{ min: 17, max: 18 }, false, [17, 18]],
    [{ min: 4, max: 5 }, false, [4, 5]],
    [{ min: 50, max: 51 }, false, [50, 51]],
    [{ min: 70, max: 71 }, false, [70, 71]],
    [{ min: 0, max: undefined }, false, [0, 2, 5, 6, 12, 13, 16, 18, 51, 71]],
  ])('%j → determined %s, ages %j', (range, determined, ages) => {
    expect(agesToEvaluate(range)).toEqual({ determined, ages });
  });
});

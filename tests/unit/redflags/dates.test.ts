import { parseT0, readFhirTime, readHistoryTime } from '@/lib/redflags/dates';

describe('parseT0 (spec §13 --now)', () => {
  it('keeps the offset and the date as written', () => {
    expect(parseT0('2026-06-15T23:30:00-05:00')).toMatchObject({
      ms: Date.parse('2026-06-16T04:30:00Z'),
      offsetMinutes: -300,
      zulu: false,
      date: { year: 2026, month: 6, day: 15 },
    });
    expect(parseT0('2026-06-15T12:00Z')).toMatchObject({
      ms: Date.parse('2026-06-15T12:00:00Z'),
      zulu: true,
    });
  });

  it.each([
    '2026-06-15',
    '2026-06-15T12:00:00',
    '2026-13-01T00:00:00Z',
    '2026-06-15T25:00:00Z',
    'now',
    '',
  ])('refuses %p', (value) => {
    expect(parseT0(value)).toBeUndefined();
  });
});

describe('readFhirTime (spec §3.2, §3.6)', () => {
  const offset = -300;
  it('reads a date-only value at 00:00 in T0’s offset', () => {
    expect(readFhirTime('2026-06-15', offset)).toEqual({
      precision: 'day-or-finer',
      ms: Date.parse('2026-06-15T05:00:00Z'),
    });
  });
  it('reads a date-time without offset in T0’s offset', () => {
    expect(readFhirTime('2026-06-15T10:00:00', offset)).toEqual({
      precision: 'day-or-finer',
      ms: Date.parse('2026-06-15T15:00:00Z'),
    });
  });
  it('keeps a partial date as the last day of its period', () => {
    expect(readFhirTime('2026-02', 0)).toEqual({
      precision: 'partial',
      ms: Date.parse('2026-02-28T00:00:00Z'),
      firstMs: Date.parse('2026-02-01T00:00:00Z'),
    });
    expect(readFhirTime('2025', 0)).toMatchObject({ ms: Date.parse('2025-12-31T00:00:00Z') });
  });
  it.each(['2026-02-30', 'yesterday', 20260101, null, '2026-06-15T24:00:00Z'])(
    'refuses %p',
    (value) => {
      expect(readFhirTime(value, 0)).toBeUndefined();
    },
  );
  it('reads a partial procedure date whose period contains T0 as T0 (recent)', () => {
    const t0 = parseT0('2026-06-15T12:00:00Z');
    if (!t0) throw new Error('bad T0');
    expect(readHistoryTime('2026-06', t0)).toBe(t0.ms);
    expect(readHistoryTime('2026-05', t0)).toBe(Date.parse('2026-05-31T00:00:00Z'));
  });
});

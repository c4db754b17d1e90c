import {
  crp,
  daysBefore,
  esr,
  hoursBefore,
  screenCase,
  temperature,
  wbc,
  anObservation,
} from '../../fixtures/chart';

const current = (out: ReturnType<typeof screenCase>) => out.labs.map((l) => l.analyte);

describe('currency windows to the hour (spec §3.3)', () => {
  it.each([
    ['ESR 336 h old is current (14 d)', esr(5, hoursBefore(336)), false],
    ['ESR 337 h old is not', esr(5, hoursBefore(337)), true],
    ['CRP 168 h old is current (7 d)', crp(2, hoursBefore(168)), false],
    ['CRP 169 h old is not', crp(2, hoursBefore(169)), true],
  ] as const)('%s', (_label, observation, suggested) => {
    // RF-FEVER-WORKUP lists ESR, CRP, CBC, BLOOD_CULTURE minus current analytes.
    const analyte = observation.code.coding?.[0]?.code === '4537-7' ? 'ESR' : 'CRP';
    const out = screenCase(40, [observation], {
      'fever-reported': true,
      'duration-days': 30,
      'conservative-tried': false,
    });
    expect(current(out).includes(analyte)).toBe(suggested);
  });

  it('a WBC 168 h old is current, 169 h is not', () => {
    const fresh = screenCase(40, [wbc(7, hoursBefore(168))], {
      'fever-reported': true,
      'duration-days': 30,
      'conservative-tried': false,
    });
    const old = screenCase(40, [wbc(7, hoursBefore(169))], {
      'fever-reported': true,
      'duration-days': 30,
      'conservative-tried': false,
    });
    expect(current(fresh)).not.toContain('CBC');
    expect(current(old)).toContain('CBC');
  });

  it.each([
    ['72 h old 38.0 °C is a measured fever', temperature(38.0, hoursBefore(72)), true],
    ['73 h old 38.0 °C is not', temperature(38.0, hoursBefore(73)), false],
    ['100.4 °F is a fever', temperature(100.4, hoursBefore(1), '[degF]'), true],
    ['100.2 °F is not', temperature(100.2, hoursBefore(1), '[degF]'), false],
    ['37.9 °C is not', temperature(37.9, hoursBefore(1)), false],
    ['a future reading is not', temperature(39, hoursBefore(-1)), false],
  ] as const)('%s (spec §4 FEVER_MEASURED)', (_label, observation, fever) => {
    expect(screenCase(40, [observation], {}).firedRules.includes('RF-FEVER-WORKUP')).toBe(fever);
  });

  it('uses any febrile reading in 72 h, not only the latest', () => {
    const out = screenCase(
      40,
      [temperature(38.6, hoursBefore(30)), temperature(36.8, hoursBefore(2))],
      {},
    );
    expect(out.firedRules).toContain('RF-FEVER-WORKUP');
  });

  it('does not apply the pre-onset filter to temperatures', () => {
    const out = screenCase(40, [temperature(38.6, hoursBefore(60))], { 'duration-days': 1 });
    expect(out.firedRules).toContain('RF-FEVER-WORKUP');
  });
});

describe('pre-onset exclusion (spec §3.3)', () => {
  it('keeps a result drawn within duration + 1 day', () => {
    // duration 3 → floor T0 − 4 d: a result 96 h old is current, 97 h old is not.
    const kept = screenCase(40, [esr(60, hoursBefore(96))], {
      'duration-days': 3,
      'hx-diabetes': true,
    });
    const dropped = screenCase(40, [esr(60, hoursBefore(97))], {
      'duration-days': 3,
      'hx-diabetes': true,
    });
    expect(kept.firedRules).toContain('RF-INFECTION');
    expect(dropped.firedRules).not.toContain('RF-INFECTION');
    expect(dropped.advisories).toContain('ADV-STALE-ELEVATED');
  });

  it('is skipped when duration-days is unanswered', () => {
    const out = screenCase(40, [esr(60, daysBefore(10))], {
      'duration-days': undefined,
      'hx-diabetes': true,
    });
    expect(out.status).toBe('incomplete');
    expect(out.firedRules).toContain('RF-INFECTION');
  });
});

describe('selection among current results (spec §3.3, §8.3)', () => {
  it('uses the most recent: older raised, newer normal → normal', () => {
    const out = screenCase(40, [esr(60, hoursBefore(48)), esr(10, hoursBefore(5)), crp(2)], {
      'hx-diabetes': true,
    });
    expect(out.firedRules).not.toContain('RF-INFECTION');
    expect(out.advisories).toContain('ADV-IRF-LABS-NEG');
  });

  it('at the same time, the highest plain value wins', () => {
    const at = hoursBefore(5);
    const out = screenCase(40, [crp(5, at), crp(15, at)], { 'point-tenderness': true });
    expect(out.firedRules).toContain('RF-ADULT-INFLAM');
  });

  it('at the same time, a plain result beats a comparator result', () => {
    const at = hoursBefore(5);
    const out = screenCase(40, [crp(5, at), crp(50, at, 'mg/L', { comparator: '>' })], {
      'point-tenderness': true,
    });
    expect(out.firedRules).not.toContain('RF-ADULT-INFLAM');
  });

  it('among comparator results only, an elevated one wins', () => {
    const at = hoursBefore(5);
    const out = screenCase(
      40,
      [crp(5, at, 'mg/L', { comparator: '<' }), crp(50, at, 'mg/L', { comparator: '>' })],
      {
        'point-tenderness': true,
      },
    );
    expect(out.firedRules).toContain('RF-ADULT-INFLAM');
  });

  it('treats an indeterminate comparator result as absent (hs-CRP ">= 10 mg/L")', () => {
    const out = screenCase(
      40,
      [esr(5), anObservation('30522-7', 10, 'mg/L', hoursBefore(5), { comparator: '>=' })],
      {
        'fever-reported': true,
      },
    );
    expect(out.firedRules).toEqual(['RF-FEVER-WORKUP']);
    expect(out.labs.map((l) => l.analyte)).toContain('CRP');
  });

  it('reads hs-CRP "> 10 mg/L" as raised', () => {
    const out = screenCase(
      40,
      [anObservation('30522-7', 10, 'mg/L', hoursBefore(5), { comparator: '>' })],
      {
        'point-tenderness': true,
      },
    );
    expect(out.firedRules).toContain('RF-ADULT-INFLAM');
  });
});

describe('statuses that must be ignored (spec §3.2, §8.3)', () => {
  it.each(['entered-in-error', 'preliminary', 'cancelled', 'registered', 'unknown'] as const)(
    'a raised ESR with status %s is ignored without advisory',
    (status) => {
      const out = screenCase(40, [esr(80, hoursBefore(5), { status })], { 'hx-diabetes': true });
      expect(out.firedRules).not.toContain('RF-INFECTION');
      expect(out.advisories).not.toContain('ADV-DATA-QUALITY');
    },
  );

  it.each(['amended', 'corrected'] as const)('a raised ESR with status %s is used', (status) => {
    expect(
      screenCase(40, [esr(80, hoursBefore(5), { status })], { 'hx-diabetes': true }).firedRules,
    ).toContain('RF-INFECTION');
  });

  it('ignores Observations of another subject', () => {
    const other = esr(80, hoursBefore(5), { subject: { reference: 'Patient/someone-else' } });
    expect(screenCase(40, [other], { 'hx-diabetes': true }).firedRules).not.toContain(
      'RF-INFECTION',
    );
  });

  it('accepts a subject reference with a base URL and a history suffix', () => {
    const own = esr(80, hoursBefore(5), {
      subject: { reference: 'https://ehr.example/fhir/Patient/pt-1/_history/3' },
    });
    expect(screenCase(40, [own], { 'hx-diabetes': true }).firedRules).toContain('RF-INFECTION');
  });
});

describe('effective time (spec §3.2 condition 3)', () => {
  it('falls back to effectivePeriod.end, then start, then effectiveInstant, then issued', () => {
    const base = (extra: object) => anObservation('4537-7', 80, 'mm/h', null, extra);
    for (const extra of [
      { effectivePeriod: { start: daysBefore(30), end: hoursBefore(3) } },
      { effectivePeriod: { start: hoursBefore(3) } },
      { effectiveInstant: hoursBefore(3) },
      { issued: hoursBefore(3) },
    ]) {
      expect(screenCase(40, [base(extra)], { 'hx-diabetes': true }).firedRules).toContain(
        'RF-INFECTION',
      );
    }
  });
});

describe('blood culture subtraction (spec §7.4, A5)', () => {
  const culture = (
    status: 'preliminary' | 'final' | 'cancelled' | 'entered-in-error',
    at: string,
  ) => anObservation('600-7', undefined, undefined, at, { status });
  it.each([
    ['a preliminary culture 72 h old counts', culture('preliminary', hoursBefore(72)), false],
    ['a final culture 73 h old does not', culture('final', hoursBefore(73)), true],
    ['a cancelled culture does not', culture('cancelled', hoursBefore(2)), true],
    ['an entered-in-error culture does not', culture('entered-in-error', hoursBefore(2)), true],
  ] as const)('%s', (_label, observation, suggested) => {
    const out = screenCase(40, [observation], { 'fever-reported': true });
    expect(out.labs.map((l) => l.analyte).includes('BLOOD_CULTURE')).toBe(suggested);
  });
});

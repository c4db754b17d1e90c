/**
 * Audit — usable Observations (§3.2), currency windows, pre-onset filter and tie-break (§3.3),
 * units (§3.4), comparators (§3.5), measured fever (§4) and blood-culture subtraction (§7.4).
 * Expected values derived by hand from clinical-spec bp-redflag-1.1.
 *
 * Probes (adult, 40 years):
 * - "IVDU" (`hx-ivdu = current`, no fever): a raised ESR/CRP → RF-INFECTION; both current and
 *   normal → ADV-IRF-LABS-NEG only; otherwise MARKERS_UNKNOWN → RF-INFECT-RISK-WORKUP whose labs
 *   (ESR, CRP, CBC minus current analytes) reveal which analytes are current.
 * - "fever" (`fever-reported`, ESR and CRP current and normal): WBC_ELEV → RF-INFECTION, else
 *   RF-FEVER-LABS-NEG.
 * - measured temperatures with normal ESR/CRP: fever → RF-FEVER-LABS-NEG, else nothing.
 */
import {
  FULL_URL,
  PID,
  QUIET,
  answersFor,
  check,
  crp,
  daysAgo,
  esr,
  hoursAgo,
  obs,
  temp,
  wbc,
  type AuditCase,
  type Json,
  type Projection,
} from './harness';

const ADULT = '1986-01-01';
const IVDU = answersFor(40, { 'hx-ivdu': 'current' });
const IVDU_D20 = answersFor(40, { 'hx-ivdu': 'current', 'duration-days': 20 });
const FEVER = answersFor(40, { 'fever-reported': true });
const NORMAL_CRP = crp(2);
const NORMAL_ESR = esr(5);

/** RF-INFECTION without fever: ESR, CRP, CBC minus the current ones. */
const INF = (labs: string[], advisories: string[] = []): Partial<Projection> => ({
  tier: 'URGENT',
  firedRules: ['RF-INFECTION'],
  advisories,
  imaging: 'MRI_WWO/LUMBAR/urgent',
  labs,
});
/** Both markers current and normal with a risk factor and no fever. */
const NEG: Partial<Projection> = {
  tier: 'ROUTINE',
  firedRules: [],
  advisories: ['ADV-IRF-LABS-NEG'],
  imaging: null,
  labs: [],
};
/** MARKERS_UNKNOWN with IVDU: the work-up rule and its labs. */
const WORK = (labs: string[], advisories: string[] = []): Partial<Projection> => ({
  tier: 'URGENT',
  firedRules: ['RF-INFECT-RISK-WORKUP'],
  advisories,
  imaging: null,
  labs,
});
const DQ = ['ADV-DATA-QUALITY'];
const STALE = ['ADV-STALE-ELEVATED'];
/** Fever with normal markers (adult): urinalysis only. */
const FEVER_NEG: Partial<Projection> = {
  tier: 'SOON',
  firedRules: ['RF-FEVER-LABS-NEG'],
  imaging: null,
  labs: ['URINALYSIS'],
};
/** Fever with a raised WBC and normal current markers → RF-INFECTION, blood cultures. */
const FEVER_WBC: Partial<Projection> = {
  tier: 'URGENT',
  firedRules: ['RF-INFECTION'],
  imaging: 'MRI_WWO/LUMBAR/urgent',
  labs: ['BLOOD_CULTURE'],
};

/** An ESR 40 mm/h Observation with the given overrides (status, value[x], time…). */
const esr40 = (extra: Json) => ({ ...esr(40), ...extra });
const withoutTime = (o: Json): Json => {
  const copy = { ...o };
  delete copy.effectiveDateTime;
  return copy;
};
const withoutValue = (o: Json): Json => {
  const copy = { ...o };
  delete copy.valueQuantity;
  return copy;
};

const ivdu = (name: string, resources: Json[], expect: Partial<Projection>): AuditCase => ({
  name,
  birthDate: ADULT,
  resources,
  answers: IVDU,
  expect,
});

const CASES: AuditCase[] = [
  // §3.2 condition 1 — status.
  ivdu('§3.2 ESR final 40 → usable', [esr(40), NORMAL_CRP], INF(['CBC'])),
  ivdu('§3.2 ESR amended → usable', [esr40({ status: 'amended' }), NORMAL_CRP], INF(['CBC'])),
  ivdu('§3.2 ESR corrected → usable', [esr40({ status: 'corrected' }), NORMAL_CRP], INF(['CBC'])),
  ...['registered', 'preliminary', 'cancelled', 'entered-in-error', 'unknown'].map((s) =>
    ivdu(
      `§3.2 ESR ${s} → ignored silently (no ADV-DATA-QUALITY), ESR still suggested`,
      [esr40({ status: s }), NORMAL_CRP],
      WORK(['ESR', 'CBC']),
    ),
  ),
  // §3.2 condition 2 — value and comparator.
  ivdu(
    '§3.2 dataAbsentReason → unusable + ADV-DATA-QUALITY',
    [esr40({ dataAbsentReason: { text: 'error' } }), NORMAL_CRP],
    WORK(['ESR', 'CBC'], DQ),
  ),
  ivdu(
    '§3.2 valueString → unusable + ADV-DATA-QUALITY',
    [{ ...withoutValue(esr(40)), valueString: '40' }, NORMAL_CRP],
    WORK(['ESR', 'CBC'], DQ),
  ),
  ivdu(
    '§3.2 valueInteger → unusable + ADV-DATA-QUALITY',
    [{ ...withoutValue(esr(40)), valueInteger: 40 }, NORMAL_CRP],
    WORK(['ESR', 'CBC'], DQ),
  ),
  ivdu(
    '§3.2 valueRange → unusable + ADV-DATA-QUALITY',
    [{ ...withoutValue(esr(40)), valueRange: { low: { value: 40 } } }, NORMAL_CRP],
    WORK(['ESR', 'CBC'], DQ),
  ),
  ivdu(
    '§3.2 no value[x] at all → unusable + ADV-DATA-QUALITY',
    [withoutValue(esr(40)), NORMAL_CRP],
    WORK(['ESR', 'CBC'], DQ),
  ),
  ivdu(
    '§3.2 valueQuantity without a value → unusable + ADV-DATA-QUALITY',
    [obs('4537-7', undefined, 'mm/h', hoursAgo(24)), NORMAL_CRP],
    WORK(['ESR', 'CBC'], DQ),
  ),
  ivdu(
    '§3.2 comparator outside the four allowed ("ad") → unusable + ADV-DATA-QUALITY',
    [esr(40, 24, { comparator: 'ad' }), NORMAL_CRP],
    WORK(['ESR', 'CBC'], DQ),
  ),
  // §3.2 condition 3 — effective time.
  ivdu(
    '§3.2 no effective time → unusable + ADV-DATA-QUALITY',
    [withoutTime(esr(40)), NORMAL_CRP],
    WORK(['ESR', 'CBC'], DQ),
  ),
  ivdu(
    '§3.2 effective YYYY-MM (coarser than a day) → unusable + ADV-DATA-QUALITY',
    [esr40({ effectiveDateTime: '2026-06' }), NORMAL_CRP],
    WORK(['ESR', 'CBC'], DQ),
  ),
  ivdu(
    '§3.2 effective YYYY → unusable + ADV-DATA-QUALITY',
    [esr40({ effectiveDateTime: '2026' }), NORMAL_CRP],
    WORK(['ESR', 'CBC'], DQ),
  ),
  ivdu(
    '§3.2 effective one second after T0 → unusable + ADV-DATA-QUALITY',
    [esr40({ effectiveDateTime: '2026-06-15T12:00:01Z' }), NORMAL_CRP],
    WORK(['ESR', 'CBC'], DQ),
  ),
  ivdu(
    '§3.2 effective exactly T0 → usable',
    [esr40({ effectiveDateTime: '2026-06-15T12:00:00Z' }), NORMAL_CRP],
    INF(['CBC']),
  ),
  ivdu(
    '§3.2 date-only on T0’s date → 00:00 in T0’s offset → usable',
    [esr40({ effectiveDateTime: '2026-06-15' }), NORMAL_CRP],
    INF(['CBC']),
  ),
  ivdu(
    '§3.2 date-only after T0’s date → future → unusable + ADV-DATA-QUALITY',
    [esr40({ effectiveDateTime: '2026-06-16' }), NORMAL_CRP],
    WORK(['ESR', 'CBC'], DQ),
  ),
  {
    name: '§3.2 date-only at T0 00:30+02:00: 00:00+02:00 is before T0 (UTC midnight would not be)',
    birthDate: ADULT,
    resources: [esr40({ effectiveDateTime: '2026-06-15' }), NORMAL_CRP],
    answers: IVDU,
    now: '2026-06-15T00:30:00+02:00',
    expect: INF(['CBC']),
  },
  {
    name: '§3.2 date-time without offset is read in T0’s offset (-05:00): 23:45 local > T0 23:30',
    birthDate: ADULT,
    resources: [esr40({ effectiveDateTime: '2026-06-15T23:45:00' }), NORMAL_CRP],
    answers: IVDU,
    now: '2026-06-15T23:30:00-05:00',
    expect: WORK(['ESR', 'CBC'], DQ),
  },
  {
    name: '§3.2 date-time without offset read in T0’s offset (-05:00): 23:15 local ≤ T0',
    birthDate: ADULT,
    resources: [esr40({ effectiveDateTime: '2026-06-15T23:15:00' }), NORMAL_CRP],
    answers: IVDU,
    now: '2026-06-15T23:30:00-05:00',
    expect: INF(['CBC']),
  },
  ivdu(
    '§3.2 effectivePeriod.end precedes .start (end after T0 → unusable)',
    [
      {
        ...withoutTime(esr(40)),
        effectivePeriod: { start: hoursAgo(48), end: hoursAgo(-1) },
      },
      NORMAL_CRP,
    ],
    WORK(['ESR', 'CBC'], DQ),
  ),
  ivdu(
    '§3.2 effectivePeriod.start only (20 days: outside 14 d) → stale elevated',
    [{ ...withoutTime(esr(40)), effectivePeriod: { start: daysAgo(20) } }, crp(2, 24)],
    WORK(['ESR', 'CBC'], STALE),
  ),
  ivdu(
    '§3.2 effectiveInstant used when no dateTime/period',
    [{ ...withoutTime(esr(40)), effectiveInstant: hoursAgo(24) }, NORMAL_CRP],
    INF(['CBC']),
  ),
  ivdu(
    '§3.2 issued used last',
    [{ ...withoutTime(esr(40)), issued: hoursAgo(24) }, NORMAL_CRP],
    INF(['CBC']),
  ),
  ivdu(
    '§3.2 effectiveDateTime wins over issued (20 d old dateTime, recent issued → stale)',
    [esr40({ effectiveDateTime: daysAgo(20), issued: hoursAgo(1) }), NORMAL_CRP],
    WORK(['ESR', 'CBC'], STALE),
  ),
  // §3.2 condition 4 / §13 — subject matching.
  ivdu(
    '§13 another subject → ignored (no ADV-DATA-QUALITY even if unusable)',
    [
      esr40({ subject: { reference: 'Patient/other' } }),
      esr40({ subject: { reference: 'Patient/other' }, valueQuantity: { value: 1, code: 'mm' } }),
      NORMAL_CRP,
    ],
    WORK(['ESR', 'CBC']),
  ),
  ivdu(
    '§13 subject with /_history/ suffix → the patient',
    [esr40({ subject: { reference: `Patient/${PID}/_history/3` } }), NORMAL_CRP],
    INF(['CBC']),
  ),
  ivdu(
    '§13 subject equal to the Patient entry fullUrl → the patient',
    [esr40({ subject: { reference: FULL_URL } }), NORMAL_CRP],
    INF(['CBC']),
  ),
  ivdu(
    '§13 absolute subject ending in /Patient/<id> (with _history) → the patient',
    [
      esr40({ subject: { reference: `https://ehr.example.org/fhir/Patient/${PID}/_history/9` } }),
      NORMAL_CRP,
    ],
    INF(['CBC']),
  ),
  ivdu(
    '§13 subject Patient/<id>x (prefix only) → not the patient',
    [esr40({ subject: { reference: `Patient/${PID}x` } }), NORMAL_CRP],
    WORK(['ESR', 'CBC']),
  ),
  ivdu(
    '§13 no subject → ignored',
    [esr40({ subject: undefined }), NORMAL_CRP],
    WORK(['ESR', 'CBC']),
  ),
  // §3.2 / §10.1 — decision codes.
  ivdu(
    '§10.1 ESR 18184-2 (2-hour, display only) → ignored without advisory',
    [obs('18184-2', 40, 'mm/h', hoursAgo(24)), NORMAL_CRP],
    WORK(['ESR', 'CBC']),
  ),
  ivdu(
    '§10.1 ESR 30341-2 → decision',
    [obs('30341-2', 40, 'mm/h', hoursAgo(24)), NORMAL_CRP],
    INF(['CBC']),
  ),
  ivdu(
    '§10.1 ESR 82477-1 → decision',
    [obs('82477-1', 40, 'mm/h', hoursAgo(24)), NORMAL_CRP],
    INF(['CBC']),
  ),
  ivdu(
    '§3.2 any coding matches: local code first, LOINC ESR second',
    [
      esr40({
        code: {
          coding: [
            { system: 'http://lab.example.org', code: 'SED' },
            { system: 'http://loinc.org', code: '4538-5' },
          ],
        },
      }),
      NORMAL_CRP,
    ],
    INF(['CBC']),
  ),
  // §3.4 — ESR units.
  ivdu('§3.4 ESR mm/hr', [obs('4537-7', 40, 'mm/hr', hoursAgo(24)), NORMAL_CRP], INF(['CBC'])),
  ivdu(
    '§3.4 ESR mm/(1.h)',
    [obs('4537-7', 40, 'mm/(1.h)', hoursAgo(24)), NORMAL_CRP],
    INF(['CBC']),
  ),
  ivdu(
    '§3.4 ESR with no code and no unit → mm/h',
    [obs('4537-7', 40, undefined, hoursAgo(24)), NORMAL_CRP],
    INF(['CBC']),
  ),
  ivdu(
    '§3.4 ESR unit only in `unit` (no code)',
    [obs('4537-7', 40, undefined, hoursAgo(24), { unitText: 'mm/h' }), NORMAL_CRP],
    INF(['CBC']),
  ),
  ivdu(
    '§3.4 ESR in "mm" → unusable + ADV-DATA-QUALITY',
    [obs('4537-7', 40, 'mm', hoursAgo(24)), NORMAL_CRP],
    WORK(['ESR', 'CBC'], DQ),
  ),
  // §3.4 — CRP units (ESR current and normal).
  ...(
    [
      ['11 mg/L', 11, 'mg/L', INF(['CBC'])],
      ['10 mg/L (not > 10)', 10, 'mg/L', NEG],
      ['1.1 mg/dL = 11', 1.1, 'mg/dL', INF(['CBC'])],
      ['1.0 mg/dL = exactly 10 after 9-decimal rounding', 1.0, 'mg/dL', NEG],
      ['11 mg/l (l = L)', 11, 'mg/l', INF(['CBC'])],
      ['11 ug/mL', 11, 'ug/mL', INF(['CBC'])],
      ['11 µg/mL (micro sign)', 11, '\u00b5g/mL', INF(['CBC'])],
      ['11 μg/mL (Greek mu)', 11, '\u03bcg/mL', INF(['CBC'])],
      ['11 µg/ml (micro + l)', 11, '\u00b5g/ml', INF(['CBC'])],
      ['11000 ug/L ÷1000', 11000, 'ug/L', INF(['CBC'])],
      ['11000 ng/mL ÷1000', 11000, 'ng/mL', INF(['CBC'])],
      ['10000 ng/mL = 10 (not > 10)', 10000, 'ng/mL', NEG],
      ['11 nmol/L → unusable', 11, 'nmol/L', WORK(['CRP', 'CBC'], DQ)],
      ['11 without unit → unusable', 11, undefined, WORK(['CRP', 'CBC'], DQ)],
      ['11 mg/mL → not in the table', 11, 'mg/mL', WORK(['CRP', 'CBC'], DQ)],
    ] as const
  ).map(([label, value, unit, expect]) =>
    ivdu(`§3.4 CRP ${label}`, [NORMAL_ESR, obs('1988-5', value, unit, hoursAgo(24))], expect),
  ),
  ivdu(
    '§3.4 unit string: code wins over unit (code mg/dL, unit mg/L, 1.1 → 11)',
    [NORMAL_ESR, obs('1988-5', 1.1, 'mg/dL', hoursAgo(24), { unitText: 'mg/L' })],
    INF(['CBC']),
  ),
  ivdu(
    '§3.4 unit string: unit used when no code (1.1 mg/dL → 11)',
    [NORMAL_ESR, obs('1988-5', 1.1, undefined, hoursAgo(24), { unitText: 'mg/dL' })],
    INF(['CBC']),
  ),
  ivdu(
    '§10.1 CRP 76485-2 (molar) → not used, no advisory',
    [NORMAL_ESR, obs('76485-2', 11, 'nmol/L', hoursAgo(24))],
    WORK(['CRP', 'CBC']),
  ),
  ivdu(
    '§10.1 hs-CRP 30522-7 → decision',
    [NORMAL_ESR, obs('30522-7', 11, 'mg/L', hoursAgo(24))],
    INF(['CBC']),
  ),
  ivdu(
    '§10.1 capillary CRP 48421-2 in µg/L → decision',
    [NORMAL_ESR, obs('48421-2', 11000, '\u00b5g/L', hoursAgo(24))],
    INF(['CBC']),
  ),
  // §3.4 — WBC units (currency shows as CBC subtracted from the work-up labs).
  ...(
    [
      ['8 10*3/uL', 8, '10*3/uL', WORK(['ESR', 'CRP'])],
      ['8 10^3/uL', 8, '10^3/uL', WORK(['ESR', 'CRP'])],
      ['8 x10E3/uL', 8, 'x10E3/uL', WORK(['ESR', 'CRP'])],
      ['8 K/µL', 8, 'K/\u00b5L', WORK(['ESR', 'CRP'])],
      ['8 10*9/l', 8, '10*9/l', WORK(['ESR', 'CRP'])],
      ['8 x10E9/L', 8, 'x10E9/L', WORK(['ESR', 'CRP'])],
      ['8 /nL', 8, '/nL', WORK(['ESR', 'CRP'])],
      ['8000 /uL', 8000, '/uL', WORK(['ESR', 'CRP'])],
      ['8000 {cells}/uL', 8000, '{cells}/uL', WORK(['ESR', 'CRP'])],
      ['8000 cells/μL', 8000, 'cells/\u03bcL', WORK(['ESR', 'CRP'])],
      ['8000 /mm3', 8000, '/mm3', WORK(['ESR', 'CRP'])],
      ['8 10*6/uL → unusable', 8, '10*6/uL', WORK(['ESR', 'CRP', 'CBC'], DQ)],
      ['8 without unit → unusable', 8, undefined, WORK(['ESR', 'CRP', 'CBC'], DQ)],
    ] as const
  ).map(([label, value, unit, expect]) =>
    ivdu(`§3.4 WBC ${label}`, [obs('6690-2', value, unit, hoursAgo(24))], expect),
  ),
  ivdu(
    '§10.1 WBC 49498-9 (estimate) → not used, no advisory',
    [obs('49498-9', 8, '10*3/uL', hoursAgo(24))],
    WORK(['ESR', 'CRP', 'CBC']),
  ),
  // §4 WBC_ELEV (adult > 11.0) with fever and normal markers.
  ...(
    [
      ['11.5 x10E3/uL', 11.5, 'x10E3/uL', {}, FEVER_WBC],
      ['11.0 (not > 11)', 11, '10*3/uL', {}, FEVER_NEG],
      ['11001 /mm3 = 11.001', 11001, '/mm3', {}, FEVER_WBC],
      ['"> 11" → elevated', 11, '10*3/uL', { comparator: '>' }, FEVER_WBC],
      ['">= 11" → indeterminate', 11, '10*3/uL', { comparator: '>=' }, FEVER_NEG],
      ['">= 11.1" → elevated', 11.1, '10*3/uL', { comparator: '>=' }, FEVER_WBC],
    ] as const
  ).map(([label, value, unit, extra, expect]): AuditCase => ({
    name: `§4/§3.5 adult WBC ${label} with fever`,
    birthDate: ADULT,
    resources: [NORMAL_ESR, NORMAL_CRP, obs('6690-2', value, unit, hoursAgo(24), extra)],
    answers: FEVER,
    expect,
  })),
  // §3.3 windows to the hour (duration 20 so the pre-onset floor is T0 − 21 d).
  {
    name: '§3.3 ESR exactly 14 d old → current',
    birthDate: ADULT,
    resources: [esr(40, 14 * 24), NORMAL_CRP],
    answers: IVDU_D20,
    expect: INF(['CBC']),
  },
  {
    name: '§3.3 ESR 14 d + 1 h old → not current; stale elevated',
    birthDate: ADULT,
    resources: [esr(40, 14 * 24 + 1), NORMAL_CRP],
    answers: IVDU_D20,
    expect: WORK(['ESR', 'CBC'], STALE),
  },
  {
    name: '§3.3 CRP exactly 7 d old → current',
    birthDate: ADULT,
    resources: [NORMAL_ESR, crp(15, 7 * 24)],
    answers: IVDU_D20,
    expect: INF(['CBC']),
  },
  {
    name: '§3.3 CRP 7 d + 1 h old → not current; stale elevated CRP only',
    birthDate: ADULT,
    resources: [NORMAL_ESR, crp(15, 7 * 24 + 1)],
    answers: IVDU_D20,
    expect: WORK(['CRP', 'CBC'], STALE),
  },
  {
    name: '§3.3 WBC exactly 7 d old → current (CBC not suggested)',
    birthDate: ADULT,
    resources: [wbc(8, 7 * 24)],
    answers: IVDU_D20,
    expect: WORK(['ESR', 'CRP']),
  },
  {
    name: '§3.3 WBC 7 d + 1 h old → not current (CBC suggested)',
    birthDate: ADULT,
    resources: [wbc(8, 7 * 24 + 1)],
    answers: IVDU_D20,
    expect: WORK(['ESR', 'CRP', 'CBC']),
  },
  {
    name: '§3.3 pre-onset floor: duration 3, ESR exactly 4 d old → current',
    birthDate: ADULT,
    resources: [esr(40, 96), NORMAL_CRP],
    answers: IVDU,
    expect: INF(['CBC']),
  },
  {
    name: '§3.3 pre-onset: duration 3, ESR 4 d + 1 h old → not current; stale elevated',
    birthDate: ADULT,
    resources: [esr(40, 97), NORMAL_CRP],
    answers: IVDU,
    expect: WORK(['ESR', 'CBC'], STALE),
  },
  {
    name: '§3.3 pre-onset: duration 0, WBC 25 h old → not current',
    birthDate: ADULT,
    resources: [wbc(8, 25)],
    answers: answersFor(40, { 'hx-ivdu': 'current', 'duration-days': 0 }),
    expect: WORK(['ESR', 'CRP', 'CBC']),
  },
  {
    name: '§3.3 pre-onset skipped when duration-days is unanswered (provisional)',
    birthDate: ADULT,
    resources: [esr(40, 10 * 24), NORMAL_CRP],
    answers: answersFor(40, { 'hx-ivdu': 'current', 'duration-days': undefined }),
    expect: { status: 'incomplete', missingItems: ['duration-days'], ...INF(['CBC']) },
  },
  {
    name: '§4 STALE_ELEVATED look-back: exactly 90 d → stale',
    birthDate: ADULT,
    resources: [esr(40, 90 * 24), NORMAL_CRP],
    answers: IVDU,
    expect: WORK(['ESR', 'CBC'], STALE),
  },
  {
    name: '§4 STALE_ELEVATED look-back: 90 d + 1 h → nothing',
    birthDate: ADULT,
    resources: [esr(40, 90 * 24 + 1), NORMAL_CRP],
    answers: IVDU,
    expect: WORK(['ESR', 'CBC']),
  },
  {
    name: '§4 STALE_ELEVATED needs a determinate elevation (">= 15" 20 d old → none)',
    birthDate: ADULT,
    resources: [esr(15, 20 * 24, { comparator: '>=' }), NORMAL_CRP],
    answers: IVDU,
    expect: WORK(['ESR', 'CBC']),
  },
  {
    name: '§8.2 older elevated + newer normal ESR, both current → newer used, nothing stale',
    birthDate: ADULT,
    resources: [esr(40, 10 * 24), esr(5, 48), NORMAL_CRP],
    answers: IVDU_D20,
    expect: NEG,
  },
  {
    name: '§3.3 newer elevated beats older normal',
    birthDate: ADULT,
    resources: [esr(5, 10 * 24), esr(40, 48), NORMAL_CRP],
    answers: IVDU_D20,
    expect: INF(['CBC']),
  },
  {
    name: '§5.4 ADV-STALE-ELEVATED alone (no risk factor): ROUTINE, repeat CRP only',
    birthDate: ADULT,
    resources: [NORMAL_ESR, crp(30, 8 * 24)],
    answers: answersFor(40, { 'duration-days': 20 }),
    expect: { ...QUIET, advisories: STALE, labs: ['CRP'] },
  },
  // §3.3 tie-break.
  ivdu(
    '§3.3 tie: two plain ESR at one time → highest (25) wins',
    [esr(15, 24), esr(25, 24), NORMAL_CRP],
    INF(['CBC']),
  ),
  ivdu(
    '§3.3 tie: plain 15 beats comparator "> 30" at the same time',
    [esr(15, 24), esr(30, 24, { comparator: '>' }), NORMAL_CRP],
    NEG,
  ),
  ivdu(
    '§3.3 tie: only comparators → the elevated one (> 25) wins over < 10',
    [esr(10, 24, { comparator: '<' }), esr(25, 24, { comparator: '>' }), NORMAL_CRP],
    INF(['CBC']),
  ),
  ivdu(
    '§3.3 most recent wins even if it is a comparator result',
    [esr(10, 24), esr(25, 2, { comparator: '>' }), NORMAL_CRP],
    INF(['CBC']),
  ),
  ivdu(
    '§3.3 an indeterminate newest result is absent: the older plain 25 is used',
    [esr(25, 24), esr(10, 2, { comparator: '>=' }), NORMAL_CRP],
    INF(['CBC']),
  ),
  // §3.5 comparators against ESR ≥ 20 and CRP > 10.
  ...(
    [
      ['ESR "> 20" → elevated', esr(20, 24, { comparator: '>' }), NORMAL_CRP, INF(['CBC'])],
      [
        'ESR "> 19" → indeterminate',
        esr(19, 24, { comparator: '>' }),
        NORMAL_CRP,
        WORK(['ESR', 'CBC']),
      ],
      ['ESR ">= 20" → elevated', esr(20, 24, { comparator: '>=' }), NORMAL_CRP, INF(['CBC'])],
      [
        'ESR ">= 19.9" → indeterminate',
        esr(19.9, 24, { comparator: '>=' }),
        NORMAL_CRP,
        WORK(['ESR', 'CBC']),
      ],
      ['ESR "< 20" → normal', esr(20, 24, { comparator: '<' }), NORMAL_CRP, NEG],
      [
        'ESR "< 21" → indeterminate',
        esr(21, 24, { comparator: '<' }),
        NORMAL_CRP,
        WORK(['ESR', 'CBC']),
      ],
      ['ESR "<= 19" → normal', esr(19, 24, { comparator: '<=' }), NORMAL_CRP, NEG],
      [
        'ESR "<= 20" → indeterminate',
        esr(20, 24, { comparator: '<=' }),
        NORMAL_CRP,
        WORK(['ESR', 'CBC']),
      ],
      ['CRP "> 10" → elevated', NORMAL_ESR, crp(10, 24, { comparator: '>' }), INF(['CBC'])],
      [
        'CRP "> 9" → indeterminate',
        NORMAL_ESR,
        crp(9, 24, { comparator: '>' }),
        WORK(['CRP', 'CBC']),
      ],
      [
        'CRP ">= 10" → indeterminate (spec example)',
        NORMAL_ESR,
        crp(10, 24, { comparator: '>=' }),
        WORK(['CRP', 'CBC']),
      ],
      ['CRP ">= 10.5" → elevated', NORMAL_ESR, crp(10.5, 24, { comparator: '>=' }), INF(['CBC'])],
      ['CRP "< 10" → normal', NORMAL_ESR, crp(10, 24, { comparator: '<' }), NEG],
      ['CRP "<= 10" → normal', NORMAL_ESR, crp(10, 24, { comparator: '<=' }), NEG],
      [
        'CRP "< 10.5" → indeterminate',
        NORMAL_ESR,
        crp(10.5, 24, { comparator: '<' }),
        WORK(['CRP', 'CBC']),
      ],
      [
        'CRP "> 1.0 mg/dL" → bound 10 → elevated',
        NORMAL_ESR,
        obs('1988-5', 1, 'mg/dL', hoursAgo(24), { comparator: '>' }),
        INF(['CBC']),
      ],
      [
        'CRP "<= 1.0 mg/dL" → bound 10 → normal',
        NORMAL_ESR,
        obs('1988-5', 1, 'mg/dL', hoursAgo(24), { comparator: '<=' }),
        NEG,
      ],
    ] as const
  ).map(([label, a, b, expect]) => ivdu(`§3.5 ${label}`, [a, b], expect)),
  // §4 FEVER_MEASURED with §3.4 rounding and §3.5 comparators (ESR/CRP normal, no fever reported).
  ...(
    [
      ['38.0 Cel', temp(38), FEVER_NEG],
      ['37.9 Cel', temp(37.9), QUIET],
      ['37.95 Cel → 38.0 (half-up)', temp(37.95), FEVER_NEG],
      ['37.94 Cel → 37.9', temp(37.94), QUIET],
      ['100.4 [degF] → 38.0', obs('8310-5', 100.4, '[degF]', hoursAgo(6)), FEVER_NEG],
      ['100.2 degF → 37.9', obs('8310-5', 100.2, 'degF', hoursAgo(6)), QUIET],
      ['100.31 °F → 37.95 → 38.0', obs('8310-5', 100.31, '\u00b0F', hoursAgo(6)), FEVER_NEG],
      ['38.2 degC', obs('8310-5', 38.2, 'degC', hoursAgo(6)), FEVER_NEG],
      ['38.2 °C', obs('8310-5', 38.2, '\u00b0C', hoursAgo(6)), FEVER_NEG],
      ['exactly 72 h old', temp(38.5, 72), FEVER_NEG],
      ['72 h + 1 s old → not current', obs('8310-5', 38.5, 'Cel', '2026-06-12T11:59:59Z'), QUIET],
      ['"> 38" → fever', temp(38, 6, { comparator: '>' }), FEVER_NEG],
      ['">= 38" → fever', temp(38, 6, { comparator: '>=' }), FEVER_NEG],
      ['"> 37.9" → indeterminate', temp(37.9, 6, { comparator: '>' }), QUIET],
      ['"<= 38" → indeterminate', temp(38, 6, { comparator: '<=' }), QUIET],
      ['oral 8331-1', obs('8331-1', 38.3, 'Cel', hoursAgo(6)), FEVER_NEG],
      ['rectal 8332-9', obs('8332-9', 38.3, 'Cel', hoursAgo(6)), FEVER_NEG],
      ['axillary 8328-7', obs('8328-7', 38.3, 'Cel', hoursAgo(6)), FEVER_NEG],
      ['tympanic 8333-7', obs('8333-7', 38.3, 'Cel', hoursAgo(6)), FEVER_NEG],
      ['bladder 8334-5', obs('8334-5', 38.3, 'Cel', hoursAgo(6)), FEVER_NEG],
      ['blood 60834-9', obs('60834-9', 38.3, 'Cel', hoursAgo(6)), FEVER_NEG],
      ['oesophageal 60836-4', obs('60836-4', 38.3, 'Cel', hoursAgo(6)), FEVER_NEG],
      ['temporal artery 75539-7', obs('75539-7', 38.3, 'Cel', hoursAgo(6)), FEVER_NEG],
      [
        'a code outside the closed list (8329-5) → ignored',
        obs('8329-5', 38.3, 'Cel', hoursAgo(6)),
        QUIET,
      ],
      ['preliminary → ignored', temp(38.5, 6, { status: 'preliminary' }), QUIET],
      [
        'unit "F" → unusable + ADV-DATA-QUALITY',
        obs('8310-5', 101, 'F', hoursAgo(6)),
        { ...QUIET, advisories: DQ },
      ],
      [
        'no unit → unusable + ADV-DATA-QUALITY',
        obs('8310-5', 38.5, undefined, hoursAgo(6)),
        { ...QUIET, advisories: DQ },
      ],
      [
        'one second in the future → ADV-DATA-QUALITY',
        obs('8310-5', 38.5, 'Cel', '2026-06-15T12:00:01Z'),
        { ...QUIET, advisories: DQ },
      ],
    ] as const
  ).map(([label, t, expect]): AuditCase => ({
    name: `§4/§3.4 temperature ${label}`,
    birthDate: ADULT,
    resources: [NORMAL_ESR, NORMAL_CRP, t],
    answers: answersFor(40),
    expect,
  })),
  {
    name: '§4 any febrile reading within 72 h counts (38.5 at 48 h, 36.8 at 1 h)',
    birthDate: ADULT,
    resources: [NORMAL_ESR, NORMAL_CRP, temp(38.5, 48), temp(36.8, 1)],
    answers: answersFor(40),
    expect: FEVER_NEG,
  },
  {
    name: '§3.3 temperatures have no pre-onset filter (38.5 at 60 h, duration 1)',
    birthDate: ADULT,
    resources: [esr(5, 12), crp(2, 12), temp(38.5, 60)],
    answers: answersFor(40, { 'duration-days': 1 }),
    expect: FEVER_NEG,
  },
  // §3.2 body weight: only data quality.
  {
    name: '§3.2 weight in "stone" → ADV-DATA-QUALITY only',
    birthDate: ADULT,
    resources: [obs('29463-7', 11, 'stone', hoursAgo(24))],
    answers: answersFor(40),
    expect: { ...QUIET, advisories: DQ },
  },
  {
    name: '§3.4 weight in [lb_av] / g → usable, nothing raised',
    birthDate: ADULT,
    resources: [
      obs('29463-7', 150, '[lb_av]', hoursAgo(24)),
      obs('3141-9', 70000, 'g', hoursAgo(48)),
    ],
    answers: answersFor(40),
    expect: QUIET,
  },
  {
    name: '§10.1 estimated weight 8335-2 with a bad unit → ignored without advisory',
    birthDate: ADULT,
    resources: [obs('8335-2', 11, 'stone', hoursAgo(24))],
    answers: answersFor(40),
    expect: QUIET,
  },
  // §7.4 blood-culture subtraction (adult fever, no markers → RF-FEVER-WORKUP).
  ...(
    [
      ['final 24 h ago → subtracted', 'final', hoursAgo(24), true],
      ['preliminary (pending) → subtracted', 'preliminary', hoursAgo(24), true],
      ['registered → subtracted', 'registered', hoursAgo(24), true],
      ['cancelled → still suggested', 'cancelled', hoursAgo(24), false],
      ['entered-in-error → still suggested', 'entered-in-error', hoursAgo(24), false],
      ['exactly 72 h old → subtracted', 'final', hoursAgo(72), true],
      ['72 h + 1 s old → still suggested', 'final', '2026-06-12T11:59:59Z', false],
      ['in the future → still suggested', 'preliminary', hoursAgo(-1), false],
    ] as const
  ).map(([label, s, when, subtracted]): AuditCase => ({
    name: `§7.4 blood culture 600-7 ${label}`,
    birthDate: ADULT,
    resources: [
      {
        resourceType: 'Observation',
        id: `bc-${label.length}`,
        status: s,
        code: { coding: [{ system: 'http://loinc.org', code: '600-7' }] },
        subject: { reference: `Patient/${PID}` },
        effectiveDateTime: when,
      },
    ],
    answers: FEVER,
    expect: {
      tier: 'URGENT',
      firedRules: ['RF-FEVER-WORKUP'],
      advisories: [],
      imaging: null,
      labs: subtracted ? ['ESR', 'CRP', 'CBC'] : ['ESR', 'CRP', 'CBC', 'BLOOD_CULTURE'],
    },
  })),
  {
    name: '§7.4 blood culture of another subject does not subtract',
    birthDate: ADULT,
    resources: [
      {
        resourceType: 'Observation',
        id: 'bc-other',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '600-7' }] },
        subject: { reference: 'Patient/other' },
        effectiveDateTime: hoursAgo(2),
      },
    ],
    answers: FEVER,
    expect: { labs: ['ESR', 'CRP', 'CBC', 'BLOOD_CULTURE'] },
  },
  {
    name: '§7.4 a preliminary ESR does not subtract ESR (not usable)',
    birthDate: ADULT,
    resources: [esr(5, 24, { status: 'preliminary' }), NORMAL_CRP],
    answers: FEVER,
    expect: { firedRules: ['RF-FEVER-WORKUP'], labs: ['ESR', 'CBC', 'BLOOD_CULTURE'] },
  },
];

describe('audit §3.2–§3.5, §4 fever, §7.4 blood cultures — Observations', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(check(c)).toEqual(c.expect);
  });
});

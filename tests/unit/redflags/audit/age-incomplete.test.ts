/**
 * Audit — §3.1 age (full, partial, missing, 29 February, T0's offset), §8.4 incomplete evaluations
 * (missingItems composition and order, conditional items, substitutes, the undetermined-age merge)
 * and §9.2 answer semantics. Expected values derived by hand from clinical-spec bp-redflag-1.1.
 */
import { QUIET, answersFor, check, cond, negatives, type AuditCase } from './harness';

/** R items in §9.1 order, with the R12/A/P/cond. items left out. */
const R_HEAD = [
  'duration-days',
  'pain-location',
  'night-pain',
  'fever-reported',
  'weight-loss-unexplained',
  'trauma',
  'urinary-retention',
  'incontinence-new',
  'saddle-anesthesia',
  'bilateral-leg-deficit',
];
const R_NEURO = ['neuro-progressive', 'motor-multilevel', 'cord-signs'];
const R_EXAM = ['point-tenderness', 'radicular-pain'];
const P_ITEMS = [
  'limp',
  'irritability',
  'decreased-rom',
  'constant-pain',
  'abnormal-neuro-exam',
  'morning-stiffness',
];
const R_HX = [
  'hx-cancer',
  'hx-osteoporosis',
  'hx-chronic-steroids',
  'hx-immunosuppression',
  'hx-ivdu',
  'hx-diabetes',
  'hx-spine-surgery',
];
const R_HX_TAIL = [
  'hx-spine-procedure-90d',
  'hx-recent-infection-30d',
  'hx-dialysis-catheter',
  'hx-chronic-liver',
];

/** §8.4 missingItems without a QuestionnaireResponse, built from the §9.1 table by hand. */
const MISSING_11 = [...R_HEAD, ...R_NEURO, ...R_EXAM, ...P_ITEMS, ...R_HX, ...R_HX_TAIL];
const MISSING_12 = [
  ...R_HEAD,
  'sexual-dysfunction-new',
  ...R_NEURO,
  ...R_EXAM,
  ...P_ITEMS,
  ...R_HX,
  ...R_HX_TAIL,
];
const MISSING_ADULT = [
  ...R_HEAD,
  'sexual-dysfunction-new',
  ...R_NEURO,
  'motor-grade-min',
  ...R_EXAM,
  'ibp-features',
  ...R_HX,
  ...R_HX_TAIL,
  'hx-ankylosing',
];
const MISSING_ALL = [
  'age-years',
  ...R_HEAD,
  'sexual-dysfunction-new',
  ...R_NEURO,
  'motor-grade-min',
  ...R_EXAM,
  'ibp-features',
  ...P_ITEMS,
  ...R_HX,
  ...R_HX_TAIL,
  'hx-ankylosing',
];

/** Every item of every age answered negatively (for an undetermined age). */
const ALL_NEGATIVE = { ...negatives(40), ...negatives(10) };

const CASES: AuditCase[] = [
  // §8.4 / §13: no QuestionnaireResponse → every required enabled item is missing.
  {
    name: '§8.4 age 11 without answers: R + P, no R12',
    birthDate: '2015-01-01',
    answers: null,
    expect: { status: 'incomplete', missingItems: MISSING_11, tier: 'ROUTINE', firedRules: [] },
  },
  {
    name: '§8.4 age 12 without answers: R + R12 + P (changelog 6)',
    birthDate: '2014-01-01',
    answers: null,
    expect: { status: 'incomplete', missingItems: MISSING_12, tier: 'ROUTINE', firedRules: [] },
  },
  {
    name: '§8.4 adult without answers: R + R12 + A; conditional items stay disabled',
    birthDate: '1986-01-01',
    answers: null,
    expect: { status: 'incomplete', missingItems: MISSING_ADULT, tier: 'ROUTINE', imaging: null },
  },
  {
    name: '§8.4 age 3 without answers: substitutes leave AGE<5 → RF-PED-REDFLAG, B4 labs, COMPLETE',
    birthDate: '2023-01-01',
    answers: null,
    expect: {
      status: 'incomplete',
      tier: 'SOON',
      firedRules: ['RF-PED-REDFLAG'],
      imaging: 'XR/COMPLETE/routine',
      labs: ['ESR', 'CRP', 'CBC'],
    },
  },
  {
    name: '§8.4 age 75 without answers: AGE>70 → RF-FRACTURE-RISK; pain-location unable → XR LUMBAR (row 6)',
    birthDate: '1951-01-01',
    answers: null,
    expect: {
      tier: 'SOON',
      firedRules: ['RF-FRACTURE-RISK'],
      imaging: 'XR/LUMBAR/routine',
      labs: [],
    },
  },
  {
    name: '§3.1/§8.4 no birthDate, no answers: age-years first, every item, merged classes',
    birthDate: null,
    answers: null,
    expect: {
      status: 'incomplete',
      missingItems: MISSING_ALL,
      tier: 'SOON',
      firedRules: ['RF-FRACTURE-RISK', 'RF-PED-REDFLAG'],
      pathwayLabel: null,
      imaging: 'XR/COMPLETE/routine',
      labs: ['ESR', 'CRP', 'CBC'],
    },
  },
  {
    name: '§3.1/§8.4 no birthDate, every item answered: only age-years missing',
    birthDate: null,
    answers: ALL_NEGATIVE,
    expect: {
      status: 'incomplete',
      missingItems: ['age-years'],
      tier: 'SOON',
      firedRules: ['RF-FRACTURE-RISK', 'RF-PED-REDFLAG'],
      advisories: [],
      imaging: 'XR/COMPLETE/routine',
    },
  },
  {
    name: '§3.1 birthDate after T0’s date is unusable → undetermined',
    birthDate: '2026-06-16',
    answers: ALL_NEGATIVE,
    expect: { status: 'incomplete', missingItems: ['age-years'] },
  },
  {
    name: '§3.1 invalid birthDate (30 February) is unusable → undetermined',
    birthDate: '2016-02-30',
    answers: ALL_NEGATIVE,
    expect: { status: 'incomplete', missingItems: ['age-years'] },
  },
  {
    name: '§3.1 born on T0’s date → age 0, determined',
    birthDate: '2026-06-15',
    answers: answersFor(0),
    expect: {
      status: 'complete',
      missingItems: [],
      firedRules: ['RF-PED-REDFLAG'],
      imaging: 'XR/COMPLETE/routine',
    },
  },
  {
    name: '§3.1 partial YYYY spanning 11 and 12 → undetermined; R12 item from class 12',
    birthDate: '2014',
    answers: answersFor(11),
    expect: {
      status: 'incomplete',
      missingItems: ['age-years', 'sexual-dysfunction-new'],
      tier: 'ROUTINE',
    },
  },
  {
    name: '§3.1 partial YYYY-MM wholly before T0 (2014-05 → 12) → determined',
    birthDate: '2014-05',
    answers: answersFor(11),
    expect: { status: 'incomplete', missingItems: ['sexual-dysfunction-new'] },
  },
  {
    name: '§3.1 partial YYYY-MM containing T0’s month-day (2014-06 → 11 or 12) → undetermined',
    birthDate: '2014-06',
    answers: answersFor(12),
    expect: { status: 'incomplete', missingItems: ['age-years'] },
  },
  {
    name: '§3.1 partial YYYY inside one class (2011 → 14 or 15) → determined; major trauma → XR (<16)',
    birthDate: '2011',
    answers: answersFor(14, { trauma: 'major' }),
    expect: {
      status: 'complete',
      missingItems: [],
      tier: 'EMERGENT',
      firedRules: ['RF-TRAUMA-MAJOR'],
      imaging: 'XR/LUMBAR/stat',
      secondary: [],
    },
  },
  {
    name: '§8.4 partial 2008 (17 or 18): adult answers → age-years + P items (pathway undetermined)',
    birthDate: '2008',
    answers: answersFor(40),
    expect: { status: 'incomplete', missingItems: ['age-years', ...P_ITEMS] },
  },
  {
    name: '§8.4 partial 2010 (15 or 16) major trauma: XR and CT_WO classes merge to CT_WO, no secondary',
    birthDate: '2010',
    answers: answersFor(15, { trauma: 'major' }),
    expect: {
      status: 'incomplete',
      missingItems: ['age-years'],
      tier: 'EMERGENT',
      firedRules: ['RF-TRAUMA-MAJOR'],
      pathwayLabel: null,
      imaging: 'CT_WO/LUMBAR/stat',
      secondary: [],
    },
  },
  {
    name: '§8.4 partial 2010 major trauma + cancer: MRI_WWO primary, merged trauma key CT_WO secondary',
    birthDate: '2010',
    answers: answersFor(15, { trauma: 'major', 'hx-cancer': true }),
    expect: {
      tier: 'EMERGENT',
      firedRules: ['RF-TRAUMA-MAJOR', 'RF-CANCER-HX'],
      imaging: 'MRI_WWO/LUMBAR/stat',
      secondary: ['CT_WO/LUMBAR/stat'],
    },
  },
  {
    name: '§8.4 partial 2021 (4 or 5) major trauma + cancer: broadest region COMPLETE for both studies',
    birthDate: '2021',
    answers: answersFor(4, { trauma: 'major', 'hx-cancer': true }),
    expect: {
      status: 'incomplete',
      missingItems: ['age-years'],
      tier: 'EMERGENT',
      firedRules: ['RF-TRAUMA-MAJOR', 'RF-CANCER-HX'],
      advisories: [],
      imaging: 'MRI_WWO/COMPLETE/stat',
      secondary: ['XR/COMPLETE/stat'],
    },
  },
  {
    name: '§8.4/§5.4 no birthDate + minor fall: ADV-NAI from class 0–1, fracture risk from >50 classes',
    birthDate: null,
    answers: { ...ALL_NEGATIVE, trauma: 'minor-fall' },
    expect: {
      tier: 'SOON',
      firedRules: ['RF-FRACTURE-RISK', 'RF-PED-REDFLAG'],
      advisories: ['ADV-NAI'],
      pathwayLabel: null,
    },
  },
  {
    name: '§8.4 no birthDate + major trauma: CT_WO (≥16) outranks XR (<16); FRACTURE-RISK via ≥71',
    birthDate: null,
    answers: { ...ALL_NEGATIVE, trauma: 'major' },
    expect: {
      tier: 'EMERGENT',
      firedRules: ['RF-TRAUMA-MAJOR', 'RF-FRACTURE-RISK'],
      advisories: ['ADV-NAI'],
      imaging: 'CT_WO/LUMBAR/stat',
      secondary: [],
      labs: [],
    },
  },
  {
    name: '§8.4 no birthDate + fever reported: label null although children get work-up rules',
    birthDate: null,
    answers: { ...ALL_NEGATIVE, 'fever-reported': true },
    expect: {
      tier: 'URGENT',
      // Fever work-up in every class, disc work-up below 5, fracture risk (XR) at ≥71.
      firedRules: ['RF-FEVER-WORKUP', 'RF-PED-DISC-WORKUP', 'RF-FRACTURE-RISK'],
      pathwayLabel: null,
      imaging: 'XR/LUMBAR/urgent',
      labs: ['ESR', 'CRP', 'CBC', 'BLOOD_CULTURE'],
    },
  },
  // §3.1 29 February and T0's date in T0's offset (osteoporosis: adult → RF-FRACTURE-RISK, child → RF-PED-REDFLAG).
  {
    name: '§3.1 29 Feb birthday not reached on 28 Feb of a non-leap year → 17',
    birthDate: '2008-02-29',
    answers: answersFor(17, { 'hx-osteoporosis': true }),
    now: '2026-02-28T12:00:00Z',
    expect: { status: 'complete', firedRules: ['RF-PED-REDFLAG'], imaging: 'XR/LUMBAR/routine' },
  },
  {
    name: '§3.1 29 Feb birthday reached on 1 March of a non-leap year → 18',
    birthDate: '2008-02-29',
    answers: answersFor(18, { 'hx-osteoporosis': true }),
    now: '2026-03-01T00:00:00Z',
    expect: { status: 'complete', firedRules: ['RF-FRACTURE-RISK'], imaging: 'XR/LUMBAR/routine' },
  },
  {
    name: '§3.1 29 Feb birthday in a leap year is reached on 29 Feb → 20',
    birthDate: '2008-02-29',
    answers: answersFor(20, { 'hx-osteoporosis': true }),
    now: '2028-02-29T00:00:00Z',
    expect: { status: 'complete', firedRules: ['RF-FRACTURE-RISK'] },
  },
  {
    name: '§3.1 T0’s date in T0’s offset: 23:30-05:00 on 15 June (UTC 16 June) → still 17',
    birthDate: '2008-06-16',
    answers: answersFor(17, { 'hx-osteoporosis': true }),
    now: '2026-06-15T23:30:00-05:00',
    expect: { status: 'complete', firedRules: ['RF-PED-REDFLAG'] },
  },
  {
    name: '§3.1 T0’s date in T0’s offset: 01:00+02:00 on 16 June (UTC 15 June) → 18',
    birthDate: '2008-06-16',
    answers: answersFor(18, { 'hx-osteoporosis': true }),
    now: '2026-06-16T01:00:00+02:00',
    expect: { status: 'complete', firedRules: ['RF-FRACTURE-RISK'] },
  },
  // §8.4 conditional items and substitutes.
  {
    name: '§8.4(iii) radicular-pain yes → radicular-severe-worsening required (adult)',
    birthDate: '1986-01-01',
    answers: answersFor(40, { 'radicular-pain': true }),
    expect: {
      status: 'incomplete',
      missingItems: ['radicular-severe-worsening'],
      advisories: ['ADV-RADICULOPATHY'],
      tier: 'ROUTINE',
    },
  },
  {
    name: '§9.1 radicular-severe-worsening is A: not required for a child',
    birthDate: '2016-01-01',
    answers: answersFor(10, { 'radicular-pain': true }),
    expect: { status: 'complete', missingItems: [], firedRules: ['RF-PED-REDFLAG'], labs: [] },
  },
  {
    name: '§8.4(iii) duration 29 → conservative-tried required',
    birthDate: '1986-01-01',
    answers: answersFor(40, { 'duration-days': 29 }),
    expect: { status: 'incomplete', missingItems: ['conservative-tried'], tier: 'ROUTINE' },
  },
  {
    name: '§9.1 duration 28 → conservative-tried disabled',
    birthDate: '1986-01-01',
    answers: answersFor(40, { 'duration-days': 28 }),
    expect: QUIET,
  },
  {
    name: '§8.4(iii) duration 42 + conservative-tried → surgical-candidate required; provisional RF-PERSISTENT',
    birthDate: '1986-01-01',
    answers: answersFor(40, { 'duration-days': 42, 'conservative-tried': true }),
    expect: {
      status: 'incomplete',
      missingItems: ['surgical-candidate'],
      tier: 'SOON',
      firedRules: ['RF-PERSISTENT'],
      imaging: null,
    },
  },
  {
    name: '§9.2 duration unanswered → conservative-tried disabled even if answered',
    birthDate: '1986-01-01',
    answers: answersFor(40, { 'duration-days': undefined, 'conservative-tried': true }),
    expect: { status: 'incomplete', missingItems: ['duration-days'], firedRules: [] },
  },
  {
    name: '§9.2 postop-new-symptoms enabled by chart SPINE_SURGERY despite a "No" (and ADV-DISCREPANCY)',
    birthDate: '1986-01-01',
    resources: [cond('icd', 'M96.1')],
    answers: answersFor(40),
    expect: {
      status: 'incomplete',
      missingItems: ['postop-new-symptoms'],
      advisories: ['ADV-DISCREPANCY'],
      tier: 'ROUTINE',
    },
  },
  {
    name: '§9.2 postop-new-symptoms enabled by the answer hx-spine-surgery',
    birthDate: '1986-01-01',
    answers: answersFor(40, { 'hx-spine-surgery': true }),
    expect: { status: 'incomplete', missingItems: ['postop-new-symptoms'] },
  },
  {
    name: '§9.2 answers to disabled items are ignored: child’s sexual-dysfunction-new (age 11)',
    birthDate: '2015-01-01',
    answers: answersFor(11, { 'sexual-dysfunction-new': true }),
    expect: QUIET,
  },
  {
    name: '§5.1 R12: sexual-dysfunction-new at 12 → RF-CES',
    birthDate: '2014-01-01',
    answers: answersFor(12, { 'sexual-dysfunction-new': true }),
    expect: {
      status: 'complete',
      tier: 'EMERGENT',
      firedRules: ['RF-CES'],
      imaging: 'MRI_WO/LUMBAR/stat',
    },
  },
  {
    name: '§9.2 A items ignored for a child: motor-grade-min 2 at 17 is disabled',
    birthDate: '2009-01-01',
    answers: answersFor(17, { 'motor-grade-min': 2, 'ibp-features': true, 'duration-days': 100 }),
    expect: { status: 'complete', firedRules: ['RF-PED-REDFLAG'], secondary: [], labs: [] },
  },
  {
    name: '§9.2 P items ignored for an adult: limp and constant-pain at 18',
    birthDate: '2008-01-01',
    answers: answersFor(18, { limp: true, 'constant-pain': true }),
    expect: QUIET,
  },
  {
    name: '§8.4 EMERGENT provisional: only saddle anaesthesia answered (adult) → imaging reported',
    birthDate: '1986-01-01',
    answers: { 'saddle-anesthesia': true },
    expect: {
      status: 'incomplete',
      tier: 'EMERGENT',
      firedRules: ['RF-CES'],
      // pain-location substitute `unable` → §7.3 row 4 for an adult MRI key.
      imaging: 'MRI_WO/COMPLETE/stat',
    },
  },
  {
    name: '§8.4 substitutes: child with only bilateral-leg-deficit answered → unable → COMPLETE',
    birthDate: '2016-01-01',
    answers: { 'bilateral-leg-deficit': true },
    expect: { status: 'incomplete', tier: 'EMERGENT', imaging: 'MRI_WO/COMPLETE/stat' },
  },
];

describe('audit §3.1 / §8.4 / §9.2 — age, incomplete evaluations, answer semantics', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(check(c)).toEqual(c.expect);
  });
});

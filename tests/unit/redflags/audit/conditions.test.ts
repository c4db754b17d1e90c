/**
 * Audit — Conditions, Procedures and MedicationRequests (§3.6), chart vs questionnaire authority
 * and ADV-DISCREPANCY (§3.7), code tables (§10.3–§10.5). Expected values derived by hand from
 * clinical-spec bp-redflag-1.1. The clinician answers "No" to every history item (negatives), so
 * every chart-authoritative fact that counts also raises ADV-DISCREPANCY.
 *
 * Probes (adult 40 unless stated): CANCER_HX → RF-CANCER-HX; OSTEO/STEROID → RF-FRACTURE-RISK;
 * IMMUNOSUPP → RF-IMMUNOSUPP; IVDU/RECENT_PROC/DIALYSIS → RF-INFECT-RISK-WORKUP; DIABETES and
 * CHRONIC_LIVER (IRF_ANY only) with a current ESR 30 → RF-INFECTION; SPINE_SURGERY enables
 * `postop-new-symptoms` (answered yes) → RF-POSTOP-NEW; ANKYLOSED with a minor fall →
 * RF-TRAUMA-MAJOR.
 */
import {
  PID,
  QUIET,
  answersFor,
  bundle,
  check,
  cond,
  crp,
  daysAgo,
  esr,
  hoursAgo,
  medRequest,
  proc,
  qr,
  run,
  type AuditCase,
  type Json,
  type Projection,
} from './harness';

const ADULT = '1986-01-01';
const DISC = ['ADV-DISCREPANCY'];
const NEG40 = answersFor(40);

const CANCER: Partial<Projection> = {
  tier: 'SOON',
  firedRules: ['RF-CANCER-HX'],
  advisories: DISC,
  imaging: 'MRI_WWO/LUMBAR/routine',
  labs: [],
};
const FRACTURE: Partial<Projection> = {
  tier: 'SOON',
  firedRules: ['RF-FRACTURE-RISK'],
  advisories: DISC,
  imaging: 'XR/LUMBAR/routine',
};
const IMMUNO: Partial<Projection> = {
  tier: 'SOON',
  firedRules: ['RF-IMMUNOSUPP'],
  advisories: DISC,
  imaging: 'MRI_WWO/LUMBAR/routine',
};
const WORKUP: Partial<Projection> = {
  tier: 'URGENT',
  firedRules: ['RF-INFECT-RISK-WORKUP'],
  advisories: DISC,
  imaging: null,
  labs: ['ESR', 'CRP', 'CBC'],
};
const INFECTION: Partial<Projection> = {
  tier: 'URGENT',
  firedRules: ['RF-INFECTION'],
  advisories: DISC,
  imaging: 'MRI_WWO/LUMBAR/urgent',
  labs: ['CBC'],
};
const POSTOP: Partial<Projection> = {
  status: 'complete',
  tier: 'SOON',
  firedRules: ['RF-POSTOP-NEW'],
  advisories: DISC,
  imaging: 'MRI_WWO/LUMBAR/routine',
};
const TRAUMA: Partial<Projection> = {
  tier: 'EMERGENT',
  firedRules: ['RF-TRAUMA-MAJOR'],
  advisories: DISC,
  imaging: 'CT_WO/LUMBAR/stat',
  secondary: [],
};
/** Nothing counts: nothing fires and there is no discrepancy. */
const NOTHING: Partial<Projection> = { ...QUIET };
const MARKER_PROBE = [esr(30), crp(2)];
/** ESR 30 alone, no risk factor, adult 40: MCF = 1 → nothing. */
const NOTHING_WITH_MARKERS: Partial<Projection> = {
  tier: 'ROUTINE',
  firedRules: [],
  advisories: [],
  labs: [],
};

const adult = (
  name: string,
  resources: Json[],
  expect: Partial<Projection>,
  answers = NEG40,
): AuditCase => ({ name, birthDate: ADULT, resources, answers, expect });
const withStatus = (c: Json, clinical: string): Json => ({
  ...c,
  clinicalStatus: {
    coding: [
      { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: clinical },
    ],
  },
});
const diabetes = (extra: Json = {}): Json => ({ ...cond('icd', 'E11.9'), ...extra });
const injection = (performed: Json, s = 'completed') => proc('cpt', '62323', s, performed);
const POSTOP_YES = answersFor(40, { 'postop-new-symptoms': true });
const FALL = answersFor(40, { trauma: 'minor-fall' });

const CASES: AuditCase[] = [
  // §10.3 A malignancy (HISTORY filter).
  adult('§10.3A C50.911 → CANCER_HX', [cond('icd', 'C50.911')], CANCER),
  adult(
    '§3.6 ICD compared without dot, case-insensitive (c50911)',
    [cond('icd', 'c50911')],
    CANCER,
  ),
  adult('§10.3A C44.91 non-melanoma skin → excluded', [cond('icd', 'C44.91')], NOTHING),
  adult('§10.3A Z85.828 → excluded', [cond('icd', 'Z85.828')], NOTHING),
  adult('§10.3A Z85.3 → included', [cond('icd', 'Z85.3')], CANCER),
  adult('§10.3A Z85.820 melanoma history → included', [cond('icd', 'Z85.820')], CANCER),
  adult('§10.3A C4A.9 Merkel cell → included', [cond('icd', 'C4A.9')], CANCER),
  adult('§10.3A C79.51 secondary bone → included', [cond('icd', 'C79.51')], CANCER),
  adult('§10.3A C90.00 myeloma → included', [cond('icd', 'C90.00')], CANCER),
  adult('§10.3A D45 polycythaemia vera → included', [cond('icd', 'D45')], CANCER),
  adult('§10.3A D46.9 MDS → included', [cond('icd', 'D46.9')], CANCER),
  adult('§10.3A D47.Z1 → included', [cond('icd', 'D47.Z1')], CANCER),
  adult('§10.3A D47.1 (rest of D37–D48) → not included', [cond('icd', 'D47.1')], NOTHING),
  adult('§10.3A D03.9 in situ → not included', [cond('icd', 'D03.9')], NOTHING),
  adult('§10.3A SNOMED 363346000 → included', [cond('sct', '363346000')], CANCER),
  adult('§10.3A SNOMED 254701007 basal cell → excluded', [cond('sct', '254701007')], NOTHING),
  adult('§10.3A SNOMED 266987004 history of malignancy', [cond('sct', '266987004')], CANCER),
  adult(
    '§3.6 HISTORY filter: resolved malignancy still counts',
    [cond('icd', 'C50.911', { clinical: 'resolved' })],
    CANCER,
  ),
  adult(
    '§3.6 HISTORY filter: remission counts',
    [cond('icd', 'C91.00', { clinical: 'remission' })],
    CANCER,
  ),
  adult(
    '§3.6 verification refuted → excluded, no discrepancy',
    [cond('icd', 'C50.911', { verification: 'refuted' })],
    NOTHING,
  ),
  adult(
    '§3.6 verification entered-in-error → excluded',
    [cond('icd', 'C50.911', { verification: 'entered-in-error' })],
    NOTHING,
  ),
  ...['provisional', 'differential', 'unconfirmed', 'confirmed'].map((v) =>
    adult(
      `§3.6 verification ${v} → included`,
      [cond('icd', 'C50.911', { verification: v })],
      CANCER,
    ),
  ),
  adult(
    '§3.6 a "refuted" coding of another system is ignored → included',
    [
      {
        ...cond('icd', 'C50.911'),
        verificationStatus: { coding: [{ system: 'http://example.org/vs', code: 'refuted' }] },
      },
    ],
    CANCER,
  ),
  adult(
    '§3.7 hx-cancer yes + chart → no discrepancy',
    [cond('icd', 'C50.911')],
    { ...CANCER, advisories: [] },
    answersFor(40, { 'hx-cancer': true }),
  ),
  // §10.3 F diabetes (CURRENT filter) with ESR 30 → RF-INFECTION when it counts.
  adult('§3.6 CURRENT: diabetes without clinicalStatus', [...MARKER_PROBE, diabetes()], INFECTION),
  ...['active', 'recurrence', 'relapse'].map((s) =>
    adult(`§3.6 CURRENT: diabetes ${s}`, [...MARKER_PROBE, withStatus(diabetes(), s)], INFECTION),
  ),
  ...['inactive', 'remission', 'resolved'].map((s) =>
    adult(
      `§3.6 CURRENT: diabetes ${s} → not current, no discrepancy`,
      [...MARKER_PROBE, withStatus(diabetes(), s)],
      NOTHING_WITH_MARKERS,
    ),
  ),
  adult(
    '§3.6 clinicalStatus of a non-HL7 system is ignored (counts as absent)',
    [
      ...MARKER_PROBE,
      diabetes({ clinicalStatus: { coding: [{ system: 'http://x.org/s', code: 'inactive' }] } }),
    ],
    INFECTION,
  ),
  ...(
    [
      ['abatementDateTime 1 d before T0 → abated', { abatementDateTime: daysAgo(1) }, false],
      [
        'abatementDateTime exactly T0 → abated (at or before)',
        { abatementDateTime: '2026-06-15T12:00:00Z' },
        false,
      ],
      ['abatementDateTime T0 + 1 s → current', { abatementDateTime: '2026-06-15T12:00:01Z' }, true],
      [
        'abatementDateTime date-only on T0’s date → 00:00 → abated',
        { abatementDateTime: '2026-06-15' },
        false,
      ],
      ['abatementDateTime date-only next day → current', { abatementDateTime: '2026-06-16' }, true],
      [
        'abatementDateTime partial 2026 → last day not reached → current',
        { abatementDateTime: '2026' },
        true,
      ],
      [
        'abatementDateTime partial 2026-06 → 30 June → current',
        { abatementDateTime: '2026-06' },
        true,
      ],
      [
        'abatementDateTime partial 2026-05 → 31 May → abated',
        { abatementDateTime: '2026-05' },
        false,
      ],
      ['abatementDateTime unreadable → abated', { abatementDateTime: 'last spring' }, false],
      [
        'abatementPeriod.end after T0 → current',
        { abatementPeriod: { start: daysAgo(10), end: daysAgo(-1) } },
        true,
      ],
      [
        'abatementPeriod.start only (before T0) → abated',
        { abatementPeriod: { start: daysAgo(10) } },
        false,
      ],
      ['abatementPeriod without dates → abated', { abatementPeriod: {} }, false],
      ['abatementString → abated', { abatementString: 'resolved after diet' }, false],
      ['abatementAge → abated', { abatementAge: { value: 30, unit: 'a' } }, false],
      ['abatementRange → abated', { abatementRange: { low: { value: 30 } } }, false],
    ] as const
  ).map(([label, extra, counts]) =>
    adult(
      `§3.6 ${label}`,
      [...MARKER_PROBE, withStatus(diabetes(extra), 'active')],
      counts ? INFECTION : NOTHING_WITH_MARKERS,
    ),
  ),
  adult('§10.3F E10.9 → diabetes', [...MARKER_PROBE, cond('icd', 'E10.9')], INFECTION),
  adult('§10.3F E08.9 → diabetes', [...MARKER_PROBE, cond('icd', 'E08.9')], INFECTION),
  adult('§10.3F E13.9 → diabetes', [...MARKER_PROBE, cond('icd', 'E13.9')], INFECTION),
  adult('§10.3F SNOMED 73211009 → diabetes', [...MARKER_PROBE, cond('sct', '73211009')], INFECTION),
  adult(
    '§3.6 refuted diabetes → ignored, no discrepancy',
    [...MARKER_PROBE, cond('icd', 'E11.9', { verification: 'refuted' })],
    NOTHING_WITH_MARKERS,
  ),
  // §10.3 J chronic liver disease / alcohol use disorder (CURRENT).
  adult('§10.3J K70.30 → CHRONIC_LIVER', [...MARKER_PROBE, cond('icd', 'K70.30')], INFECTION),
  adult('§10.3J K74.60 → CHRONIC_LIVER', [...MARKER_PROBE, cond('icd', 'K74.60')], INFECTION),
  adult('§10.3J F10.20 → CHRONIC_LIVER', [...MARKER_PROBE, cond('icd', 'F10.20')], INFECTION),
  adult(
    '§10.3J F10.10 (abuse) → not',
    [...MARKER_PROBE, cond('icd', 'F10.10')],
    NOTHING_WITH_MARKERS,
  ),
  adult(
    '§10.3J SNOMED 19943007 → CHRONIC_LIVER',
    [...MARKER_PROBE, cond('sct', '19943007')],
    INFECTION,
  ),
  adult(
    '§10.3J K70.30 inactive → not (CURRENT)',
    [...MARKER_PROBE, cond('icd', 'K70.30', { clinical: 'inactive' })],
    NOTHING_WITH_MARKERS,
  ),
  // §10.3 B osteoporosis (any status except resolved; Z87.310 always).
  adult('§10.3B M81.0 → OSTEO', [cond('icd', 'M81.0')], FRACTURE),
  adult('§10.3B M80.08XA → OSTEO', [cond('icd', 'M80.08XA')], FRACTURE),
  adult('§10.3B SNOMED 64859006 → OSTEO', [cond('sct', '64859006')], FRACTURE),
  adult(
    '§3.6 OSTEO inactive still counts',
    [cond('icd', 'M81.0', { clinical: 'inactive' })],
    FRACTURE,
  ),
  adult(
    '§3.6 OSTEO remission still counts',
    [cond('icd', 'M81.0', { clinical: 'remission' })],
    FRACTURE,
  ),
  adult('§3.6 OSTEO resolved → not', [cond('icd', 'M81.0', { clinical: 'resolved' })], NOTHING),
  adult(
    '§3.6 OSTEO has no abatement rule (active, abated last year) → counts',
    [cond('icd', 'M81.0', { clinical: 'active', extra: { abatementDateTime: '2025-01-01' } })],
    FRACTURE,
  ),
  adult(
    '§10.3B Z87.310 resolved → counts whatever its status',
    [cond('icd', 'Z87.310', { clinical: 'resolved' })],
    FRACTURE,
  ),
  adult('§3.6 OSTEO refuted → not', [cond('icd', 'M81.0', { verification: 'refuted' })], NOTHING),
  // §10.3 C steroids.
  adult('§10.3C Z79.52 → STEROID', [cond('icd', 'Z79.52')], FRACTURE),
  adult(
    '§10.3C Z79.52 inactive → not (CURRENT)',
    [cond('icd', 'Z79.52', { clinical: 'inactive' })],
    NOTHING,
  ),
  adult('§10.3C Z92.241 → suggestion only', [cond('icd', 'Z92.241')], NOTHING),
  adult('§10.3C SNOMED 161648003 → suggestion only', [cond('sct', '161648003')], NOTHING),
  adult(
    '§10.5 active prednisone for 200 days → suggestion only, output unchanged',
    [medRequest('8640', 'active', daysAgo(200))],
    NOTHING,
  ),
  // §10.3 D immunosuppression (CURRENT).
  ...[
    'B20',
    'Z21',
    'Z94.0',
    'Z94.81',
    'Z94.82',
    'Z79.60',
    'Z79.620',
    'Z79.621',
    'D84.821',
    'D80.0',
  ].map((c) => adult(`§10.3D ${c} → IMMUNOSUPP`, [cond('icd', c)], IMMUNO)),
  ...['Z94.5', 'Z94.6', 'Z94.7'].map((c) =>
    adult(`§10.3D ${c} (skin/bone/cornea) → excluded`, [cond('icd', c)], NOTHING),
  ),
  adult('§10.3D SNOMED 86406008 HIV → IMMUNOSUPP', [cond('sct', '86406008')], IMMUNO),
  adult(
    '§10.5 tacrolimus MedicationRequest → suggestion only',
    [medRequest('42316', 'active', daysAgo(30))],
    NOTHING,
  ),
  // §10.3 E IVDU.
  adult('§10.3E SNOMED 228388006 → IVDU', [cond('sct', '228388006')], WORKUP),
  adult('§10.3E SNOMED 145121000119106 → IVDU', [cond('sct', '145121000119106')], WORKUP),
  adult(
    '§10.3E IVDU inactive → not (CURRENT)',
    [cond('sct', '228388006', { clinical: 'inactive' })],
    NOTHING,
  ),
  adult('§10.3E F11.20 → prompt only', [cond('icd', 'F11.20')], NOTHING),
  adult('§10.3E SNOMED 5602001 → prompt only', [cond('sct', '5602001')], NOTHING),
  adult(
    '§3.7 hx-ivdu past against chart IVDU → fact true + ADV-DISCREPANCY',
    [cond('sct', '228388006')],
    WORKUP,
    answersFor(40, { 'hx-ivdu': 'past' }),
  ),
  adult(
    '§3.7 hx-ivdu current with chart IVDU → no discrepancy',
    [cond('sct', '228388006')],
    { ...WORKUP, advisories: [] },
    answersFor(40, { 'hx-ivdu': 'current' }),
  ),
  adult(
    '§3.7 hx-ivdu unanswered with chart IVDU → no discrepancy, fact true, incomplete',
    [cond('sct', '228388006')],
    { ...WORKUP, advisories: [], status: 'incomplete', missingItems: ['hx-ivdu'] },
    answersFor(40, { 'hx-ivdu': undefined }),
  ),
  // §10.3 H dialysis.
  adult('§10.3H Z99.2 → DIALYSIS', [cond('icd', 'Z99.2')], WORKUP),
  adult('§10.3H SNOMED 105502003 → DIALYSIS', [cond('sct', '105502003')], WORKUP),
  // §10.3 G / §10.4 spine surgery (HISTORY, any date) and RECENT_PROC (90 days).
  adult('§10.3G M96.1 → SPINE_SURGERY', [cond('icd', 'M96.1')], POSTOP, POSTOP_YES),
  adult(
    '§10.3G M96.0 resolved → SPINE_SURGERY (HISTORY)',
    [cond('icd', 'M96.0', { clinical: 'resolved' })],
    POSTOP,
    POSTOP_YES,
  ),
  adult(
    '§10.3G Z98.1 → suggestion only: postop item disabled, answer ignored',
    [cond('icd', 'Z98.1')],
    NOTHING,
    POSTOP_YES,
  ),
  adult(
    '§10.4 CPT 22612 completed 2 years ago → SPINE_SURGERY, not recent',
    [proc('cpt', '22612', 'completed', { performedDateTime: '2024-06-01' })],
    POSTOP,
    POSTOP_YES,
  ),
  adult(
    '§10.4 SNOMED 55705006 spinal fusion without a date → SPINE_SURGERY',
    [proc('sct', '55705006', 'completed', {})],
    POSTOP,
    POSTOP_YES,
  ),
  ...[
    'in-progress',
    'not-done',
    'entered-in-error',
    'stopped',
    'preparation',
    'on-hold',
    'unknown',
  ].map((s) =>
    adult(
      `§3.6 Procedure ${s} → excluded`,
      [proc('cpt', '22612', s, { performedDateTime: '2024-06-01' })],
      NOTHING,
      POSTOP_YES,
    ),
  ),
  adult(
    '§10.4 spine surgery 30 d ago → SPINE_SURGERY and RECENT_PROC (two discrepancies, one advisory)',
    [proc('cpt', '63030', 'completed', { performedDateTime: daysAgo(30) })],
    {
      ...WORKUP,
      firedRules: ['RF-POSTOP-NEW', 'RF-INFECT-RISK-WORKUP'],
      imaging: 'MRI_WWO/LUMBAR/urgent',
    },
    POSTOP_YES,
  ),
  adult(
    '§10.4 epidural 62323 30 d ago → RECENT_PROC',
    [injection({ performedDateTime: daysAgo(30) })],
    WORKUP,
  ),
  adult(
    '§10.4 64483 30 d ago → RECENT_PROC',
    [proc('cpt', '64483', 'completed', { performedDateTime: daysAgo(30) })],
    WORKUP,
  ),
  adult(
    '§10.4 injection is not spine surgery: postop item stays disabled',
    [injection({ performedDateTime: daysAgo(30) })],
    WORKUP,
    POSTOP_YES,
  ),
  adult(
    '§10.4 injection exactly 90 d ago → recent',
    [injection({ performedDateTime: daysAgo(90) })],
    WORKUP,
  ),
  adult(
    '§10.4 injection 90 d + 1 h ago → not recent',
    [injection({ performedDateTime: hoursAgo(90 * 24 + 1) })],
    NOTHING,
  ),
  adult(
    '§3.6 date-only 2026-03-18 (89.5 d at T0 12:00Z) → recent',
    [injection({ performedDateTime: '2026-03-18' })],
    WORKUP,
  ),
  adult(
    '§3.6 date-only 2026-03-17 (90.5 d) → not recent',
    [injection({ performedDateTime: '2026-03-17' })],
    NOTHING,
  ),
  adult(
    '§3.6 performedPeriod.end wins (start 100 d, end 30 d)',
    [injection({ performedPeriod: { start: daysAgo(100), end: daysAgo(30) } })],
    WORKUP,
  ),
  adult(
    '§3.6 performedPeriod.start used without end (30 d)',
    [injection({ performedPeriod: { start: daysAgo(30) } })],
    WORKUP,
  ),
  adult(
    '§3.6 partial 2026-03 → 31 March → recent',
    [injection({ performedDateTime: '2026-03' })],
    WORKUP,
  ),
  adult(
    '§3.6 partial 2026-02 → 28 February (107.5 d) → not recent',
    [injection({ performedDateTime: '2026-02' })],
    NOTHING,
  ),
  adult(
    '§3.6 partial 2026-06 (contains T0) → counts as recent (safety bias)',
    [injection({ performedDateTime: '2026-06' })],
    WORKUP,
  ),
  adult('§3.6 injection without a date → never recent', [injection({})], NOTHING),
  adult(
    '§3.6 injection dated after T0 → not within 90 days',
    [injection({ performedDateTime: daysAgo(-2) })],
    NOTHING,
  ),
  // §10.3 I ankylosed spine (HISTORY) with a minor fall.
  adult(
    '§10.3I M45.9 + minor fall → RF-TRAUMA-MAJOR (CT_WO)',
    [cond('icd', 'M45.9')],
    TRAUMA,
    FALL,
  ),
  adult(
    '§10.3I M45.9 resolved still counts (HISTORY)',
    [cond('icd', 'M45.9', { clinical: 'resolved' })],
    TRAUMA,
    FALL,
  ),
  adult('§10.3I M48.16 DISH → ANKYLOSED', [cond('icd', 'M48.16')], TRAUMA, FALL),
  adult('§10.3I SNOMED 9631008 → ANKYLOSED', [cond('sct', '9631008')], TRAUMA, FALL),
  adult('§10.3I M48.06 stenosis → not ankylosed', [cond('icd', 'M48.06')], NOTHING, FALL),
  adult(
    '§5.1/changelog 8 lifting-twisting in an ankylosed spine at 40 → not major trauma',
    [cond('icd', 'M45.9')],
    { ...NOTHING, advisories: DISC },
    answersFor(40, { trauma: 'lifting-twisting' }),
  ),
  {
    name: '§5.3 lifting-twisting, ankylosed, age 55 → RF-FRACTURE-RISK only',
    birthDate: '1971-01-01',
    resources: [cond('icd', 'M45.9')],
    answers: answersFor(55, { trauma: 'lifting-twisting' }),
    expect: { ...FRACTURE, labs: [] },
  },
  {
    name: '§3.7 child 10 with chart M45.9 + minor fall: fact from chart (item disabled, no discrepancy) → XR',
    birthDate: '2016-01-01',
    resources: [cond('icd', 'M45.9')],
    answers: answersFor(10, { trauma: 'minor-fall' }),
    expect: {
      status: 'complete',
      tier: 'EMERGENT',
      firedRules: ['RF-TRAUMA-MAJOR'],
      advisories: [],
      imaging: 'XR/LUMBAR/stat',
    },
  },
  // §3.6 MedicationRequest statuses never change the output.
  ...['active', 'completed', 'on-hold', 'stopped', 'cancelled', 'draft', 'entered-in-error'].map(
    (s) =>
      adult(
        `§3.6 MedicationRequest ${s} (methylprednisolone, 120 d) → output unchanged`,
        [medRequest('6902', s, daysAgo(120)), medRequest('68149', s, daysAgo(10))],
        NOTHING,
      ),
  ),
];

describe('audit §3.6 / §3.7 / §10.3–§10.5 — chart history', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(check(c)).toEqual(c.expect);
  });

  it('§5.4 ADV-DISCREPANCY: one evidence entry per item and resource, naming the resource', () => {
    const d1 = cond('icd', 'E11.9');
    const d2 = cond('sct', '73211009');
    const d3 = cond('sct', '228388006');
    const out = run(bundle(ADULT, [d1, d2, d3]), qr(NEG40));
    const entries = out.evidence.filter((e) => e.rule === 'ADV-DISCREPANCY');
    expect(entries.map((e) => e.reference).sort()).toEqual(
      [d1, d2, d3].map((c) => `Condition/${String(c.id)}`).sort(),
    );
    expect(out.advisories).toEqual(['ADV-DISCREPANCY']);
  });

  it('§13 evidence may cite Patient/<id> (age) and uses reference null for absent markers', () => {
    const out = run(bundle('1940-01-01', []), qr(answersFor(86, { 'hx-ivdu': 'current' })));
    expect(out.firedRules).toEqual(['RF-FRACTURE-RISK', 'RF-INFECT-RISK-WORKUP']);
    expect(out.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'RF-FRACTURE-RISK', reference: `Patient/${PID}` }),
        expect.objectContaining({ rule: 'RF-INFECT-RISK-WORKUP', reference: null }),
      ]),
    );
  });
});

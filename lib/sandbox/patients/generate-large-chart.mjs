#!/usr/bin/env node
/**
 * Generates the sandbox seed patient `large-chart`: one adult with more than 10,000 Observations
 * over 10 years and more than 300 Conditions, almost all irrelevant to the red-flag rules, plus a
 * few relevant results (see README.md in this folder).
 *
 * Deterministic: a seeded PRNG (mulberry32), no Math.random, no clock. Running it twice gives a
 * byte-identical file. Dates are written relative to the sandbox anchor 2026-06-15T12:00:00Z.
 *
 * Usage: node lib/sandbox/patients/generate-large-chart.mjs [output-path]
 * Default output: large-chart.json next to this script (minified, one line).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PATIENT_ID = 'large-chart';
const ANCHOR = '2026-06-15T12:00:00Z';
const ANCHOR_MS = Date.parse(ANCHOR);
const DAY_MS = 86_400_000;
const START_MS = Date.parse('2016-06-01T00:00:00Z');
/** Generated routine ESR/CRP stop here, so that only the hand-placed ones are within 90 days. */
const NO_RANDOM_MARKERS_AFTER_MS = ANCHOR_MS - 120 * DAY_MS;
/** No fevers, unusual statuses or acute episodes in the recent past: the story stays as documented. */
const QUIET_AFTER_MS = ANCHOR_MS - 365 * DAY_MS;
const BASE = 'https://sandbox.spine-redflags.org/fhir';

const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
const SCT = 'http://snomed.info/sct';
const CPT = 'http://www.ama-assn.org/go/cpt';
const RXN = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const OBS_CAT_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';

// ---------------------------------------------------------------------------------------------
// Deterministic helpers

/** mulberry32: small, fast, well-distributed 32-bit PRNG. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = mulberry32(20260615);
const uniform = (lo, hi) => lo + (hi - lo) * rand();
const intBetween = (lo, hi) => Math.floor(uniform(lo, hi + 1));
const chance = (p) => rand() < p;
const pick = (items) => items[Math.floor(rand() * items.length)];
/** Approximately normal (Irwin–Hall with 4 terms), clamped. */
function around(mean, sd, lo, hi) {
  const z = (rand() + rand() + rand() + rand() - 2) * Math.sqrt(3);
  return Math.min(hi, Math.max(lo, mean + z * sd));
}
const roundTo = (x, decimals) => {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
};
/** ISO date-time with `Z`, second precision. */
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** Midnight UTC of the day containing `ms`, plus `hours` (fractional allowed, minute precision). */
const atHour = (dayMs, hours) => dayMs + Math.round(hours * 60) * 60_000;

// ---------------------------------------------------------------------------------------------
// Observation definitions: LOINC code → display, category, UCUM code, unit display

const OBS = {
  hr: ['8867-4', 'Heart rate', 'vital-signs', '/min', '/min'],
  rr: ['9279-1', 'Respiratory rate', 'vital-signs', '/min', '/min'],
  spo2: ['59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry', 'vital-signs', '%', '%'],
  temp: ['8310-5', 'Body temperature', 'vital-signs', 'Cel', '°C'],
  weight: ['29463-7', 'Body weight', 'vital-signs', 'kg', 'kg'],
  height: ['8302-2', 'Body height', 'vital-signs', 'cm', 'cm'],
  bmi: ['39156-5', 'Body mass index (BMI) [Ratio]', 'vital-signs', 'kg/m2', 'kg/m2'],
  glucosePoc: ['2339-0', 'Glucose [Mass/volume] in Blood', 'laboratory', 'mg/dL', 'mg/dL'],
  glucose: ['2345-7', 'Glucose [Mass/volume] in Serum or Plasma', 'laboratory', 'mg/dL', 'mg/dL'],
  sodium: ['2951-2', 'Sodium [Moles/volume] in Serum or Plasma', 'laboratory', 'mmol/L', 'mmol/L'],
  potassium: [
    '2823-3',
    'Potassium [Moles/volume] in Serum or Plasma',
    'laboratory',
    'mmol/L',
    'mmol/L',
  ],
  chloride: [
    '2075-0',
    'Chloride [Moles/volume] in Serum or Plasma',
    'laboratory',
    'mmol/L',
    'mmol/L',
  ],
  co2: [
    '2028-9',
    'Carbon dioxide, total [Moles/volume] in Serum or Plasma',
    'laboratory',
    'mmol/L',
    'mmol/L',
  ],
  bun: ['3094-0', 'Urea nitrogen [Mass/volume] in Serum or Plasma', 'laboratory', 'mg/dL', 'mg/dL'],
  creatinine: [
    '2160-0',
    'Creatinine [Mass/volume] in Serum or Plasma',
    'laboratory',
    'mg/dL',
    'mg/dL',
  ],
  calcium: ['17861-6', 'Calcium [Mass/volume] in Serum or Plasma', 'laboratory', 'mg/dL', 'mg/dL'],
  wbc: [
    '6690-2',
    'Leukocytes [#/volume] in Blood by Automated count',
    'laboratory',
    '10*3/uL',
    '10*3/uL',
  ],
  hgb: ['718-7', 'Hemoglobin [Mass/volume] in Blood', 'laboratory', 'g/dL', 'g/dL'],
  hct: ['4544-3', 'Hematocrit [Volume Fraction] of Blood by Automated count', 'laboratory', '%', '%'],
  plt: [
    '777-3',
    'Platelets [#/volume] in Blood by Automated count',
    'laboratory',
    '10*3/uL',
    '10*3/uL',
  ],
  a1c: ['4548-4', 'Hemoglobin A1c/Hemoglobin.total in Blood', 'laboratory', '%', '%'],
  chol: ['2093-3', 'Cholesterol [Mass/volume] in Serum or Plasma', 'laboratory', 'mg/dL', 'mg/dL'],
  trig: ['2571-8', 'Triglyceride [Mass/volume] in Serum or Plasma', 'laboratory', 'mg/dL', 'mg/dL'],
  tsh: [
    '3016-3',
    'Thyrotropin [Units/volume] in Serum or Plasma',
    'laboratory',
    'm[IU]/L',
    'mIU/L',
  ],
  esr: [
    '4537-7',
    'Erythrocyte sedimentation rate by Westergren method',
    'laboratory',
    'mm/h',
    'mm/h',
  ],
  crp: ['1988-5', 'C reactive protein [Mass/volume] in Serum or Plasma', 'laboratory', 'mg/L', 'mg/L'],
  pain: [
    '72514-3',
    'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
    'survey',
    '{score}',
    '{score}',
  ],
};
const CATEGORY_DISPLAY = {
  laboratory: 'Laboratory',
  'vital-signs': 'Vital Signs',
  survey: 'Survey',
};
const BP_PANEL = ['85354-9', 'Blood pressure panel with all children optional'];
const SYSTOLIC = ['8480-6', 'Systolic blood pressure'];
const DIASTOLIC = ['8462-4', 'Diastolic blood pressure'];

const subject = { reference: `Patient/${PATIENT_ID}` };

/** Observations are collected as [effectiveMs, body-without-id] and numbered after sorting. */
const observations = [];

function category(code) {
  return [{ coding: [{ system: OBS_CAT_SYSTEM, code, display: CATEGORY_DISPLAY[code] }] }];
}

/** Status for a routine Observation: almost always final; a few amended/corrected/retracted. */
function routineStatus(ms) {
  if (ms > QUIET_AFTER_MS) return 'final';
  const r = rand();
  if (r < 0.004) return 'amended';
  if (r < 0.006) return 'corrected';
  if (r < 0.008) return 'entered-in-error';
  if (r < 0.009) return 'cancelled';
  return 'final';
}

function addQuantity(key, ms, value, options = {}) {
  const [code, display, cat, ucum, unit] = OBS[key];
  const status = options.status ?? routineStatus(ms);
  const body = {
    resourceType: 'Observation',
    status,
    category: category(cat),
    code: { coding: [{ system: LOINC, code, display }] },
    subject,
    effectiveDateTime: iso(ms),
  };
  if (status === 'cancelled') {
    // A cancelled order never produced a value.
    body.dataAbsentReason = {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
          code: 'not-performed',
          display: 'Not Performed',
        },
      ],
    };
  } else {
    body.valueQuantity = { value, unit, system: UCUM, code: ucum };
  }
  if (options.note) body.note = [{ text: options.note }];
  observations.push([ms, body]);
}

function addBloodPressure(ms, systolic, diastolic, home) {
  const mmHg = (value) => ({ value, unit: 'mmHg', system: UCUM, code: 'mm[Hg]' });
  const body = {
    resourceType: 'Observation',
    status: routineStatus(ms),
    category: category('vital-signs'),
    code: { coding: [{ system: LOINC, code: BP_PANEL[0], display: BP_PANEL[1] }] },
    subject,
    effectiveDateTime: iso(ms),
  };
  if (home) body.method = { text: 'Home blood pressure monitor' };
  body.component = [
    {
      code: { coding: [{ system: LOINC, code: SYSTOLIC[0], display: SYSTOLIC[1] }] },
      valueQuantity: mmHg(systolic),
    },
    {
      code: { coding: [{ system: LOINC, code: DIASTOLIC[0], display: DIASTOLIC[1] }] },
      valueQuantity: mmHg(diastolic),
    },
  ];
  if (body.status === 'cancelled') {
    delete body.component;
    body.dataAbsentReason = {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
          code: 'not-performed',
          display: 'Not Performed',
        },
      ],
    };
  }
  observations.push([ms, body]);
}

// ---------------------------------------------------------------------------------------------
// Conditions

const CLINICAL = {
  active: 'Active',
  recurrence: 'Recurrence',
  relapse: 'Relapse',
  inactive: 'Inactive',
  remission: 'Remission',
  resolved: 'Resolved',
};
const VERIFICATION = {
  unconfirmed: 'Unconfirmed',
  provisional: 'Provisional',
  differential: 'Differential',
  confirmed: 'Confirmed',
  refuted: 'Refuted',
  'entered-in-error': 'Entered in Error',
};
const CONDITION_CATEGORY = {
  'problem-list-item': 'Problem List Item',
  'encounter-diagnosis': 'Encounter Diagnosis',
};

/**
 * Acute / episodic diagnoses (ICD-10-CM), none of them in the spec's §10.3 lists (no malignancy,
 * osteoporosis, steroid, immunosuppression, IVDU/opioid, diabetes, spine surgery, dialysis,
 * ankylosing or liver/alcohol codes). No episode falls in the last year.
 */
const EPISODIC = [
  ['J06.9', 'Acute upper respiratory infection, unspecified', 7],
  ['J02.9', 'Acute pharyngitis, unspecified', 7],
  ['J01.90', 'Acute sinusitis, unspecified', 14],
  ['J20.9', 'Acute bronchitis, unspecified', 21],
  ['J18.9', 'Pneumonia, unspecified organism', 28],
  ['H66.90', 'Otitis media, unspecified, unspecified ear', 10],
  ['B34.9', 'Viral infection, unspecified', 7],
  ['H10.9', 'Unspecified conjunctivitis', 7],
  ['R05.9', 'Cough, unspecified', 14],
  ['R51.9', 'Headache, unspecified', 3],
  ['R42', 'Dizziness and giddiness', 7],
  ['R53.83', 'Other fatigue', 30],
  ['R10.9', 'Unspecified abdominal pain', 5],
  ['R07.9', 'Chest pain, unspecified', 2],
  ['R00.2', 'Palpitations', 7],
  ['R06.02', 'Shortness of breath', 7],
  ['K52.9', 'Noninfective gastroenteritis and colitis, unspecified', 5],
  ['K59.00', 'Constipation, unspecified', 14],
  ['K29.70', 'Gastritis, unspecified, without bleeding', 21],
  ['M25.561', 'Pain in right knee', 30],
  ['M25.562', 'Pain in left knee', 30],
  ['M54.2', 'Cervicalgia', 21],
  ['M54.50', 'Low back pain, unspecified', 21],
  ['M62.830', 'Muscle spasm of back', 14],
  ['M75.41', 'Impingement syndrome of right shoulder', 60],
  ['M77.10', 'Lateral epicondylitis, unspecified elbow', 60],
  ['M72.2', 'Plantar fascial fibromatosis', 90],
  ['S93.401A', 'Sprain of unspecified ligament of right ankle, initial encounter', 21],
  ['L30.9', 'Dermatitis, unspecified', 21],
  ['L21.9', 'Seborrheic dermatitis, unspecified', 30],
  ['H61.21', 'Impacted cerumen, right ear', 7],
  ['J30.2', 'Other seasonal allergic rhinitis', 60],
  ['E87.1', 'Hypo-osmolality and hyponatremia', 14],
  ['E87.6', 'Hypokalemia', 14],
  ['N17.9', 'Acute kidney failure, unspecified', 21],
  ['R31.9', 'Hematuria, unspecified', 14],
  ['R35.0', 'Frequency of micturition', 30],
  ['T78.40XA', 'Allergy, unspecified, initial encounter', 7],
  ['G56.01', 'Carpal tunnel syndrome, right upper limb', 120],
  ['M65.311', 'Trigger thumb, right thumb', 90],
  ['Z23', 'Encounter for immunization', 1],
  ['Z00.00', 'Encounter for general adult medical examination without abnormal findings', 1],
];
const FEBRILE = new Set(['J18.9', 'J20.9', 'H66.90', 'B34.9', 'J02.9']);

/** Long-standing problems: code, display, onset, final clinical status, abatement (ISO) or null. */
const CHRONIC = [
  ['I10', 'Essential (primary) hypertension', '2018-03-12', 'active', null],
  ['E78.5', 'Hyperlipidemia, unspecified', '2017-01-23', 'active', null],
  ['J45.909', 'Unspecified asthma, uncomplicated', '1975-06-01', 'active', null],
  ['K21.9', 'Gastro-esophageal reflux disease without esophagitis', '2016-09-05', 'recurrence', null],
  ['G47.33', 'Obstructive sleep apnea (adult) (pediatric)', '2019-11-18', 'active', null],
  ['E66.3', 'Overweight', '2016-06-20', 'active', null],
  ['R73.03', 'Prediabetes', '2021-04-06', 'active', null],
  ['M17.11', 'Unilateral primary osteoarthritis, right knee', '2020-02-10', 'active', null],
  ['H52.4', 'Presbyopia', '2010-01-01', 'active', null],
  ['N40.0', 'Benign prostatic hyperplasia without lower urinary tract symptoms', '2022-08-15', 'active', null],
  ['E55.9', 'Vitamin D deficiency, unspecified', '2017-10-30', 'resolved', '2018-04-30'],
  ['F41.1', 'Generalized anxiety disorder', '2016-11-07', 'remission', null],
  ['F32.9', 'Major depressive disorder, single episode, unspecified', '2017-02-13', 'remission', null],
  ['G43.909', 'Migraine, unspecified, not intractable, without status migrainosus', '1995-01-01', 'inactive', null],
  ['I83.90', 'Asymptomatic varicose veins of unspecified lower extremity', '2019-05-06', 'active', null],
  ['K57.30', 'Diverticulosis of large intestine without perforation or abscess without bleeding', '2019-03-18', 'active', null],
  ['K64.9', 'Unspecified hemorrhoids', '2019-03-18', 'resolved', '2019-09-01'],
  ['K80.20', 'Calculus of gallbladder without cholecystitis without obstruction', '2023-01-16', 'active', null],
  ['N20.0', 'Calculus of kidney', '2018-07-02', 'resolved', '2018-08-10'],
  ['N18.30', 'Chronic kidney disease, stage 3 unspecified', '2024-05-20', 'active', null],
  ['F17.210', 'Nicotine dependence, cigarettes, uncomplicated', '1980-01-01', 'resolved', '2016-12-31'],
  ['Z87.891', 'Personal history of nicotine dependence', '2017-01-09', 'active', null],
  ['Z88.0', 'Allergy status to penicillin', '1990-01-01', 'active', null],
  ['Z79.899', 'Other long term (current) drug therapy', '2018-03-12', 'active', null],
  ['Z79.82', 'Long term (current) use of aspirin', '2019-05-06', 'active', null],
  ['D64.9', 'Anemia, unspecified', '2020-10-12', 'resolved', '2021-03-15'],
  ['E03.9', 'Hypothyroidism, unspecified', '2022-02-21', 'active', null],
  ['J30.9', 'Allergic rhinitis, unspecified', '2000-01-01', 'active', null],
];

const conditions = [];

function conditionBody(icdCode, display, o) {
  const body = { resourceType: 'Condition' };
  if (o.clinical) {
    body.clinicalStatus = {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
          code: o.clinical,
          display: CLINICAL[o.clinical],
        },
      ],
    };
  }
  body.verificationStatus = {
    coding: [
      {
        system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
        code: o.verification,
        display: VERIFICATION[o.verification],
      },
    ],
  };
  body.category = [
    {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/condition-category',
          code: o.category,
          display: CONDITION_CATEGORY[o.category],
        },
      ],
    },
  ];
  const codings = [{ system: ICD, code: icdCode, display }];
  if (o.snomed) codings.push({ system: SCT, code: o.snomed[0], display: o.snomed[1] });
  body.code = { coding: codings };
  body.subject = subject;
  body.onsetDateTime = o.onset;
  if (o.abatement) body.abatementDateTime = o.abatement;
  body.recordedDate = o.recorded;
  if (o.note) body.note = [{ text: o.note }];
  return body;
}

function randomVerification() {
  const r = rand();
  if (r < 0.86) return 'confirmed';
  if (r < 0.91) return 'provisional';
  if (r < 0.94) return 'differential';
  if (r < 0.96) return 'unconfirmed';
  if (r < 0.985) return 'refuted';
  return 'entered-in-error';
}

/** One episodic Condition diagnosed at a visit. */
function addEpisode(visitMs, entry) {
  const [code, display, typicalDays] = entry;
  const onsetMs = visitMs - intBetween(0, 5) * DAY_MS;
  const verification = randomVerification();
  const o = {
    category: 'encounter-diagnosis',
    verification,
    onset: iso(onsetMs),
    recorded: iso(visitMs),
  };
  if (verification === 'entered-in-error') {
    // con-5: no clinicalStatus when entered in error.
  } else if (verification === 'refuted') {
    o.clinical = 'inactive';
  } else {
    const r = rand();
    o.clinical = r < 0.9 ? 'resolved' : 'inactive';
    const days = Math.max(1, Math.round(typicalDays * uniform(0.5, 1.6)));
    o.abatement = iso(Math.min(onsetMs + days * DAY_MS, ANCHOR_MS - 200 * DAY_MS));
  }
  conditions.push([visitMs, conditionBody(code, display, o)]);
}

// ---------------------------------------------------------------------------------------------
// Timeline

const HEIGHT_CM = 178;
/** Slowly varying weight, with noise; never a ≥5 % fall over 6 months. */
function weightAt(ms) {
  const years = (ms - START_MS) / (365.25 * DAY_MS);
  return roundTo(86 + 2 * Math.sin((2 * Math.PI * years) / 4) + uniform(-0.4, 0.4), 1);
}

const firstDay = START_MS;
const lastDay = ANCHOR_MS - DAY_MS; // generated data stop the day before the anchor
const htnHomeMonitoringFrom = Date.parse('2018-04-01T00:00:00Z');
let lastLabDay = -Infinity;
let lastMarkerDay = -Infinity;
let lastAnnualDay = -Infinity;
const visitDays = [];

for (let day = firstDay; day <= lastDay; day += DAY_MS) {
  const weekday = new Date(day).getUTCDay();
  const isWeekday = weekday >= 1 && weekday <= 5;

  // Home blood-pressure monitoring after the hypertension diagnosis (about 3 mornings in 4).
  if (day >= htnHomeMonitoringFrom && chance(0.75)) {
    const ms = atHour(day, uniform(6, 8.5));
    addBloodPressure(ms, Math.round(around(132, 9, 105, 168)), Math.round(around(82, 6, 62, 102)), true);
    addQuantity('hr', ms, Math.round(around(72, 7, 52, 104)));
  }

  // Clinic visits (about one weekday in four).
  if (isWeekday && chance(0.27)) {
    visitDays.push(day);
    const ms = atHour(day, uniform(8, 16.5));
    const febrileEpisode = ms < QUIET_AFTER_MS && chance(0.04);
    addQuantity('hr', ms, Math.round(around(febrileEpisode ? 96 : 74, 7, 50, 120)));
    addBloodPressure(ms, Math.round(around(134, 10, 104, 172)), Math.round(around(83, 7, 60, 104)), false);
    addQuantity('rr', ms, Math.round(around(16, 1.5, 12, 22)));
    addQuantity('spo2', ms, Math.round(around(96.5, 1, 92, 100)));
    addQuantity(
      'temp',
      ms,
      febrileEpisode ? roundTo(uniform(38.0, 39.3), 1) : roundTo(around(36.8, 0.25, 36.1, 37.5), 1),
    );
    addQuantity('weight', ms, weightAt(ms));
    addQuantity('glucosePoc', ms, Math.round(around(104, 10, 78, 139)));
    if (chance(0.3)) addQuantity('pain', ms, intBetween(0, 5));

    // Diagnoses made at the visit (not in the last year, which stays as documented).
    if (ms < QUIET_AFTER_MS && chance(febrileEpisode ? 1 : 0.55)) {
      const pool = febrileEpisode
        ? EPISODIC.filter(([code]) => FEBRILE.has(code))
        : EPISODIC.filter(([code]) => !FEBRILE.has(code));
      addEpisode(ms, pick(pool));
    }

    // Annual check: height, BMI, lipids, HbA1c, TSH.
    if (day - lastAnnualDay > 330 * DAY_MS) {
      lastAnnualDay = day;
      const w = weightAt(ms);
      addQuantity('height', ms, HEIGHT_CM);
      addQuantity('bmi', ms, roundTo(w / (HEIGHT_CM / 100) ** 2, 1));
      const labMs = ms + 20 * 60_000;
      addQuantity('chol', labMs, Math.round(around(188, 18, 140, 250)));
      addQuantity('trig', labMs, Math.round(around(150, 30, 80, 260)));
      addQuantity('a1c', labMs, roundTo(around(5.8, 0.15, 5.3, 6.3), 1));
      addQuantity('tsh', labMs, roundTo(around(2.4, 0.8, 0.6, 4.8), 2));
    }
  }

  // Laboratory draws: basic metabolic panel and CBC roughly every two weeks (weekdays).
  if (isWeekday && day - lastLabDay >= 12 * DAY_MS && chance(0.35)) {
    lastLabDay = day;
    const ms = atHour(day, uniform(7, 10));
    addQuantity('glucose', ms, Math.round(around(102, 9, 76, 135)));
    addQuantity('sodium', ms, Math.round(around(139, 1.8, 134, 145)));
    addQuantity('potassium', ms, roundTo(around(4.2, 0.3, 3.4, 5.2), 1));
    addQuantity('chloride', ms, Math.round(around(103, 2, 97, 109)));
    addQuantity('co2', ms, Math.round(around(25, 2, 21, 30)));
    addQuantity('bun', ms, Math.round(around(17, 3, 8, 26)));
    addQuantity('creatinine', ms, roundTo(around(ms > Date.parse('2024-05-01') ? 1.5 : 1.1, 0.1, 0.7, 1.9), 2));
    addQuantity('calcium', ms, roundTo(around(9.5, 0.3, 8.6, 10.3), 1));
    addQuantity('wbc', ms, roundTo(around(7.2, 1.1, 4.5, 10.5), 1));
    addQuantity('hgb', ms, roundTo(around(14.6, 0.6, 12.8, 16.4), 1));
    addQuantity('hct', ms, roundTo(around(43.5, 1.8, 38, 49), 1));
    addQuantity('plt', ms, Math.round(around(245, 35, 160, 380)));
    // Inflammatory markers about twice a year, never within the last 120 days.
    if (ms < NO_RANDOM_MARKERS_AFTER_MS && day - lastMarkerDay >= 150 * DAY_MS) {
      lastMarkerDay = day;
      addQuantity('esr', ms, Math.round(around(10, 3, 2, 18)));
      addQuantity('crp', ms, roundTo(around(3, 1.5, 0.3, 8), 1));
    }
  }
}

// The few results the rules look at (documented in README.md):
// - current normal ESR next to an older elevated one (the current value is used: nothing stale);
// - no current CRP, but an elevated CRP 56 days ago → STALE_ELEVATED_CRP (ADV-STALE-ELEVATED).
addQuantity('crp', Date.parse('2026-04-20T09:10:00Z'), 26, {
  status: 'final',
  note: 'Drawn during a dental abscess; treated with antibiotics.',
});
addQuantity('esr', Date.parse('2026-05-12T09:10:00Z'), 44, { status: 'final' });
addQuantity('crp', Date.parse('2026-06-02T09:05:00Z'), 4, { status: 'final' });
addQuantity('esr', Date.parse('2026-06-08T09:05:00Z'), 11, { status: 'final' });
addQuantity('temp', Date.parse('2026-06-14T10:20:00Z'), 36.9, { status: 'final' });

// Problem list.
for (const [code, display, onset, clinical, abatement] of CHRONIC) {
  const onsetMs = Date.parse(`${onset}T00:00:00Z`);
  const recordedMs = Math.max(onsetMs, START_MS + intBetween(0, 40) * DAY_MS);
  conditions.push([
    recordedMs,
    conditionBody(code, display, {
      category: 'problem-list-item',
      verification: 'confirmed',
      clinical,
      onset: iso(onsetMs),
      abatement: abatement ? iso(Date.parse(`${abatement}T00:00:00Z`)) : undefined,
      recorded: iso(recordedMs),
    }),
  ]);
}
// The current episode (pre-populates duration-days = 10).
conditions.push([
  Date.parse('2026-06-08T09:00:00Z'),
  conditionBody('M54.50', 'Low back pain, unspecified', {
    category: 'encounter-diagnosis',
    verification: 'confirmed',
    clinical: 'active',
    snomed: ['279039007', 'Low back pain'],
    onset: '2026-06-05T10:00:00Z',
    recorded: '2026-06-08T09:00:00Z',
    note: 'Low back pain for 3 days after gardening; no radiation.',
  }),
]);

// Medications and procedures (a handful; ingredient-level RxNorm codes).
const medications = [
  ['29046', 'lisinopril', '2018-03-12T10:00:00Z', 'active', 'Lisinopril 20 mg by mouth once daily'],
  ['83367', 'atorvastatin', '2017-01-23T10:00:00Z', 'active', 'Atorvastatin 40 mg by mouth at night'],
  ['7646', 'omeprazole', '2016-09-05T10:00:00Z', 'stopped', 'Omeprazole 20 mg by mouth once daily'],
  ['435', 'albuterol', '2024-01-08T10:00:00Z', 'active', 'Albuterol inhaler 2 puffs as needed'],
  ['17767', 'amlodipine', '2022-06-13T10:00:00Z', 'active', 'Amlodipine 5 mg by mouth once daily'],
  ['8640', 'prednisone', '2019-02-04T10:00:00Z', 'completed', 'Prednisone 40 mg by mouth daily for 5 days'],
  ['5640', 'ibuprofen', '2020-02-10T10:00:00Z', 'completed', 'Ibuprofen 400 mg by mouth three times daily for 10 days'],
  ['5640', 'ibuprofen', '2026-06-08T09:10:00Z', 'active', 'Ibuprofen 400 mg by mouth every 8 hours as needed'],
].map(([rxcui, name, authoredOn, status, text], i) => ({
  resourceType: 'MedicationRequest',
  id: `${PATIENT_ID}-med-${String(i + 1).padStart(2, '0')}`,
  status,
  intent: 'order',
  medicationCodeableConcept: { coding: [{ system: RXN, code: rxcui, display: name }], text: name },
  subject,
  authoredOn,
  dosageInstruction: [{ text }],
}));
const procedures = [
  [
    '64483',
    'Injection(s), anesthetic agent(s) and/or steroid; transforaminal epidural, with imaging guidance (fluoroscopy or CT), lumbar or sacral, single level',
    '2018-09-12T14:00:00Z',
  ],
  ['45378', 'Colonoscopy, flexible; diagnostic', '2019-03-18T09:30:00Z'],
  ['20610', 'Arthrocentesis, aspiration and/or injection, major joint or bursa; without ultrasound guidance', '2021-05-03T11:00:00Z'],
].map(([code, display, performed], i) => ({
  resourceType: 'Procedure',
  id: `${PATIENT_ID}-proc-${i + 1}`,
  status: 'completed',
  code: { coding: [{ system: CPT, code, display }] },
  subject,
  performedDateTime: performed,
}));

// ---------------------------------------------------------------------------------------------
// Assemble

const patient = {
  resourceType: 'Patient',
  id: PATIENT_ID,
  identifier: [
    {
      use: 'usual',
      type: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/v2-0203',
            code: 'MR',
            display: 'Medical record number',
          },
        ],
      },
      system: 'http://spine-redflags.org/fhir/sandbox-mrn',
      value: 'SBX-0012',
    },
  ],
  active: true,
  name: [{ use: 'official', family: 'Hargreave', given: ['Walter', 'Edmund'] }],
  gender: 'male',
  birthDate: '1959-02-14',
};

const byTime = (a, b) => a[0] - b[0];
observations.sort(byTime);
conditions.sort(byTime);
const numbered = (rows, kind, width) =>
  rows.map(([, body], i) => {
    const { resourceType, ...rest } = body;
    return { resourceType, id: `${PATIENT_ID}-${kind}-${String(i + 1).padStart(width, '0')}`, ...rest };
  });

const resources = [
  patient,
  ...numbered(conditions, 'cond', 4),
  ...procedures,
  ...medications,
  ...numbered(observations, 'obs', 5),
];

const bundle = {
  resourceType: 'Bundle',
  id: `${PATIENT_ID}-seed`,
  meta: { tag: [{ system: 'http://spine-redflags.org/fhir/sandbox-anchor', code: ANCHOR }] },
  type: 'collection',
  entry: resources.map((resource) => ({
    fullUrl: `${BASE}/${resource.resourceType}/${resource.id}`,
    resource,
  })),
};

const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ? path.resolve(process.argv[2]) : path.join(here, 'large-chart.json');
const text = `${JSON.stringify(bundle)}\n`;
writeFileSync(out, text);
process.stdout.write(
  `${path.relative(process.cwd(), out) || out}: ${observations.length} Observations, ` +
    `${conditions.length} Conditions, ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB\n`,
);

/**
 * Audit — differential check of §4, §5, §5.4, §6.5, §7 against an independent re-statement of
 * the spec written for this audit (not derived from the engine's code). Random complete answer
 * sets for determined ages, with optional current ESR/CRP/WBC/temperature, are run through the
 * engine (Bundle + QuestionnaireResponse, as `screen` does) and compared field by field with the
 * reference below. Seeded, so failures reproduce.
 */
import {
  born,
  bundle,
  crp,
  esr,
  project,
  qr,
  run,
  temp,
  wbc,
  type Answers,
  type Json,
  type Projection,
} from './harness';

/** Deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Scenario {
  age: number;
  a: Answers;
  esr?: number;
  crp?: number;
  wbc?: number;
  temp?: number;
}

const AGES = [0, 1, 2, 3, 4, 5, 6, 8, 11, 12, 13, 15, 16, 17, 18, 30, 50, 51, 70, 71, 85];
const BOOLS = [
  'night-pain',
  'fever-reported',
  'weight-loss-unexplained',
  'urinary-retention',
  'incontinence-new',
  'saddle-anesthesia',
  'bilateral-leg-deficit',
  'neuro-progressive',
  'motor-multilevel',
  'cord-signs',
  'point-tenderness',
  'radicular-pain',
  'hx-cancer',
  'hx-osteoporosis',
  'hx-chronic-steroids',
  'hx-immunosuppression',
  'hx-diabetes',
  'hx-spine-surgery',
  'hx-spine-procedure-90d',
  'hx-recent-infection-30d',
  'hx-dialysis-catheter',
  'hx-chronic-liver',
];
const PED_BOOLS = [
  'limp',
  'irritability',
  'decreased-rom',
  'constant-pain',
  'abnormal-neuro-exam',
  'morning-stiffness',
];

function scenario(rand: () => number, anyAge = false): Scenario {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  // Rare positives keep most rules reachable without everything firing at once.
  const flag = (p: number) => rand() < p;
  const age = pick(AGES);
  // anyAge: answer every item any age class can enable (undetermined age, §8.4).
  const asAdult = anyAge || age >= 18;
  const asChild = anyAge || age < 18;
  const a: Answers = {};
  for (const id of BOOLS) a[id] = flag(0.12);
  const duration = pick([0, 3, 20, 28, 29, 41, 42, 89, 90, 120]);
  a['duration-days'] = duration;
  a['pain-location'] = pick(['lumbar', 'lumbar', 'thoracic', 'multiple', 'unable']);
  a.trauma = pick(['none', 'none', 'none', 'lifting-twisting', 'minor-fall', 'major']);
  a['hx-ivdu'] = pick(['never', 'never', 'never', 'past', 'current']);
  a['visceral-signs'] = flag(0.1);
  a['slr-positive'] = flag(0.3);
  if (a['slr-positive'] === true && flag(0.8)) a['slr-angle'] = pick([10, 29, 30, 45, 60, 61, 80]);
  if (anyAge || age >= 12) a['sexual-dysfunction-new'] = flag(0.08);
  if (asAdult) {
    a['motor-grade-min'] = pick([0, 2, 3, 4, 5, 5, 5, 5]);
    a['ibp-features'] = flag(0.2);
    a['hx-ankylosing'] = flag(0.15);
    if (a['radicular-pain'] === true) a['radicular-severe-worsening'] = flag(0.5);
    if (duration > 28) a['conservative-tried'] = flag(0.6);
    if (duration >= 42 && a['conservative-tried'] === true) a['surgical-candidate'] = flag(0.6);
  }
  if (asChild) {
    for (const id of PED_BOOLS) a[id] = flag(0.15);
  }
  if (a['hx-spine-surgery'] === true) a['postop-new-symptoms'] = flag(0.5);
  const s: Scenario = { age, a };
  if (flag(0.5)) s.esr = pick([5, 19, 20, 40]);
  if (flag(0.5)) s.crp = pick([2, 10, 10.5, 15, 20, 25]);
  if (flag(0.35)) s.wbc = pick([8, 11, 11.5, 13.6, 15.6, 16, 18]);
  if (flag(0.3)) s.temp = pick([37.2, 38.0, 39.1]);
  return s;
}

const RULE_ORDER = [
  'RF-CES',
  'RF-NEURO-PROG',
  'RF-TRAUMA-MAJOR',
  'RF-MOTOR-MAJOR',
  'RF-INFECTION',
  'RF-ADULT-INFLAM',
  'RF-FEVER-WORKUP',
  'RF-PED-INFLAM',
  'RF-PED-DISC-WORKUP',
  'RF-PED-NEURO',
  'RF-CANCER-HX',
  'RF-CANCER-MULTI',
  'RF-IMMUNOSUPP',
  'RF-FRACTURE-RISK',
  'RF-POSTOP-NEW',
  'RF-PERSISTENT',
  'RF-RADIC-SEVERE',
  'RF-WEIGHT-LOSS',
  'RF-IBP',
  'RF-INFECT-RISK-WORKUP',
  'RF-FEVER-LABS-NEG',
  'RF-PED-REDFLAG',
];
const TIER_RANK = { ROUTINE: 0, SOON: 1, URGENT: 2, EMERGENT: 3 } as const;
type Tier = keyof typeof TIER_RANK;
const KEY_RANK: Record<string, number> = { MRI_WWO: 4, MRI_WO: 3, CT_WO: 2, XR: 1 };
const PRIORITY: Record<Tier, string> = {
  EMERGENT: 'stat',
  URGENT: 'urgent',
  SOON: 'routine',
  ROUTINE: 'routine',
};

/** One age's result, before projection (for the §8.4 merge). */
interface RefAge {
  tier: Tier;
  fired: readonly string[];
  advisories: readonly string[];
  primary: { key: string; region: string } | null;
  trauma: { key: string; region: string } | null;
  pelvis: boolean;
  labs: readonly string[];
  label: Projection['pathwayLabel'];
}

/** §9.2: answers to items disabled at `age` are ignored (read as false / default). */
function enabledAt(age: number, a: Answers): Answers {
  const out: Answers = { ...a };
  const drop = (id: string) => delete out[id];
  if (age < 12) drop('sexual-dysfunction-new');
  if (age < 18) {
    [
      'motor-grade-min',
      'ibp-features',
      'hx-ankylosing',
      'radicular-severe-worsening',
      'conservative-tried',
      'surgical-candidate',
    ].forEach(drop);
  } else {
    PED_BOOLS.forEach(drop);
  }
  return out;
}

/** The spec, restated: one determined age (chart = current labs only). */
function referenceAt(s: Scenario): RefAge {
  const age = s.age;
  const a = enabledAt(age, s.a);
  const b = (id: string) => a[id] === true;
  const ped = age < 18;
  const dur = a['duration-days'] as number;
  const loc = a['pain-location'] as string;
  const trauma = a.trauma as string;
  const motor = age >= 18 ? (a['motor-grade-min'] as number) : 5;

  // §4 labs (all current, 24 h old; temperatures 6 h old).
  const esrCur = s.esr !== undefined;
  const crpCur = s.crp !== undefined;
  const wbcCur = s.wbc !== undefined;
  const esrElev = esrCur && (s.esr as number) >= 20;
  const crpElev = crpCur && (s.crp as number) > 10;
  const crpGt20 = crpCur && (s.crp as number) > 20;
  const wbcLimit = age <= 1 ? 17.5 : age <= 5 ? 15.5 : age <= 12 ? 13.5 : 11;
  const wbcElev = wbcCur && (s.wbc as number) > wbcLimit;
  const markersNeg = esrCur && crpCur && !esrElev && !crpElev;
  const markersUnknown = !esrElev && !crpElev && !markersNeg;
  const fever = (s.temp !== undefined && s.temp >= 38) || b('fever-reported');

  const cancer = b('hx-cancer');
  const osteo = b('hx-osteoporosis');
  const steroid = b('hx-chronic-steroids');
  const immuno = b('hx-immunosuppression');
  const ivdu = a['hx-ivdu'] === 'current';
  const spine = b('hx-spine-surgery');
  const irfAny =
    ivdu ||
    immuno ||
    steroid ||
    b('hx-diabetes') ||
    b('hx-spine-procedure-90d') ||
    b('hx-recent-infection-30d') ||
    b('hx-dialysis-catheter') ||
    spine ||
    b('hx-chronic-liver');
  const irfWorkup =
    ivdu ||
    b('hx-recent-infection-30d') ||
    b('hx-spine-procedure-90d') ||
    b('hx-dialysis-catheter');
  const ankylosed = age >= 18 && b('hx-ankylosing');
  const weight = b('weight-loss-unexplained');
  const night = b('night-pain');
  const tender = b('point-tenderness');
  const failed = dur > 28 && age >= 18 && b('conservative-tried');
  const mcf = [age > 50, weight, night && dur > 28, failed, esrElev].filter(Boolean).length;
  const pb = (id: string) => ped && b(id);
  const cdf = [night, fever, pb('decreased-rom'), pb('irritability'), tender, pb('limp')].filter(
    Boolean,
  ).length;
  const prf =
    age < 5 ||
    night ||
    pb('constant-pain') ||
    b('radicular-pain') ||
    dur > 28 ||
    fever ||
    weight ||
    pb('limp') ||
    tender ||
    pb('decreased-rom') ||
    pb('irritability') ||
    pb('morning-stiffness') ||
    osteo ||
    steroid;

  // §5 rules in canonical order: [tier, key | null, labs].
  const fired = new Map<string, [Tier, string | null, string[]]>();
  const on = (id: string, tier: Tier, key: string | null, labs: string[]) =>
    fired.set(id, [tier, key, labs]);
  const M = ['ESR', 'CRP', 'CBC'];
  const MB = (f: boolean) => (f ? [...M, 'BLOOD_CULTURE'] : M);
  const adult = !ped;
  if (
    b('urinary-retention') ||
    b('incontinence-new') ||
    b('saddle-anesthesia') ||
    b('bilateral-leg-deficit') ||
    (age >= 12 && b('sexual-dysfunction-new'))
  )
    on('RF-CES', 'EMERGENT', 'MRI_WO', []);
  if (b('neuro-progressive') || b('motor-multilevel') || b('cord-signs'))
    on('RF-NEURO-PROG', 'EMERGENT', 'MRI_WO', []);
  if (trauma === 'major' || (trauma === 'minor-fall' && ankylosed))
    on('RF-TRAUMA-MAJOR', 'EMERGENT', age >= 16 ? 'CT_WO' : 'XR', []);
  if (adult && motor <= 3 && !fired.has('RF-NEURO-PROG'))
    on('RF-MOTOR-MAJOR', 'URGENT', 'MRI_WO', []);
  if (
    (fever && (irfWorkup || immuno || esrElev || crpElev || wbcElev)) ||
    (irfAny && (esrElev || crpElev))
  )
    on('RF-INFECTION', 'URGENT', 'MRI_WWO', MB(fever));
  if (adult && crpElev && (tender || night) && !fired.has('RF-INFECTION'))
    on('RF-ADULT-INFLAM', 'URGENT', 'MRI_WWO', M);
  if (fever && !fired.has('RF-INFECTION') && markersUnknown)
    on('RF-FEVER-WORKUP', 'URGENT', null, MB(true));
  if (ped && (esrElev || crpGt20 || (crpElev && (fever || cdf >= 1)) || (wbcElev && fever)))
    on('RF-PED-INFLAM', 'URGENT', 'MRI_WWO', MB(fever));
  if (ped && (cdf >= 2 || (age < 5 && cdf >= 1)) && markersUnknown && !fired.has('RF-PED-INFLAM'))
    on('RF-PED-DISC-WORKUP', 'URGENT', null, MB(fever));
  if (ped && b('abnormal-neuro-exam') && !fired.has('RF-CES') && !fired.has('RF-NEURO-PROG'))
    on('RF-PED-NEURO', 'URGENT', 'MRI_WO', []);
  if (cancer) {
    const neuro =
      b('radicular-pain') ||
      b('cord-signs') ||
      pb('abnormal-neuro-exam') ||
      (age >= 18 && motor <= 4);
    on('RF-CANCER-HX', neuro ? 'URGENT' : 'SOON', 'MRI_WWO', []);
  }
  if (adult && !cancer && mcf >= 2)
    on('RF-CANCER-MULTI', 'SOON', esrElev || crpElev ? 'MRI_WWO' : 'XR', M);
  if (immuno && !fired.has('RF-INFECTION')) on('RF-IMMUNOSUPP', 'SOON', 'MRI_WWO', []);
  if (
    adult &&
    (osteo ||
      steroid ||
      age > 70 ||
      (trauma === 'minor-fall' && (age > 50 || tender)) ||
      (trauma === 'lifting-twisting' && age > 50))
  )
    on('RF-FRACTURE-RISK', 'SOON', 'XR', []);
  if (spine && b('postop-new-symptoms')) on('RF-POSTOP-NEW', 'SOON', 'MRI_WWO', []);
  const surgical = adult && dur >= 42 && b('conservative-tried') && b('surgical-candidate');
  if (failed) on('RF-PERSISTENT', 'SOON', surgical ? 'MRI_WO' : null, []);
  if (adult && b('radicular-pain') && b('radicular-severe-worsening'))
    on('RF-RADIC-SEVERE', 'SOON', surgical ? 'MRI_WO' : null, []);
  if (adult && weight && !cancer && !fired.has('RF-CANCER-MULTI'))
    on('RF-WEIGHT-LOSS', 'SOON', null, M);
  if (adult && b('ibp-features') && dur >= 90) on('RF-IBP', 'SOON', 'XR_PELVIS', ['ESR', 'CRP']);
  if (irfWorkup && !fever && markersUnknown) on('RF-INFECT-RISK-WORKUP', 'URGENT', null, M);
  if (fever && !fired.has('RF-INFECTION') && markersNeg)
    on('RF-FEVER-LABS-NEG', 'SOON', null, ['URINALYSIS']);
  if (ped && prf && [...fired.keys()].every((id) => id === 'RF-FEVER-LABS-NEG')) {
    const b4 = night || pb('constant-pain') || weight || fever || age < 5 || cdf >= 1;
    on('RF-PED-REDFLAG', 'SOON', 'XR', b4 ? M : []);
  }

  // §5.4 advisories (no chart history, no stale or rejected results in these scenarios).
  const advisories: string[] = [];
  const angle = a['slr-angle'];
  if (
    b('radicular-pain') ||
    (b('slr-positive') && typeof angle === 'number' && angle >= 30 && angle <= 60)
  )
    advisories.push('ADV-RADICULOPATHY');
  if (b('visceral-signs')) advisories.push('ADV-VISCERAL');
  if (irfAny && !fever && markersNeg) advisories.push('ADV-IRF-LABS-NEG');
  if (age < 2 && trauma !== 'none') advisories.push('ADV-NAI');

  // §2 tier, §7.3 region, §7.1/§7.2 studies, §7.4 labs, §6.5 label.
  let tier: Tier = 'ROUTINE';
  for (const [t] of fired.values()) if (TIER_RANK[t] > TIER_RANK[tier]) tier = t;
  const region = (key: string): string => {
    const unloc = loc === 'multiple' || loc === 'unable';
    if (ped && (age < 5 || unloc)) return 'COMPLETE';
    if (b('cord-signs')) return 'COMPLETE';
    if (fired.has('RF-CES') && loc === 'thoracic') return 'COMPLETE';
    if (age >= 18 && unloc && (key === 'MRI_WWO' || key === 'MRI_WO')) return 'COMPLETE';
    if (loc === 'thoracic') return 'THORACIC';
    return 'LUMBAR';
  };
  let primary: string | null = null;
  for (const [, key] of fired.values()) {
    if (key === null || key === 'XR_PELVIS') continue;
    if (primary === null || (KEY_RANK[key] as number) > (KEY_RANK[primary] as number))
      primary = key;
  }
  const traumaKey = fired.get('RF-TRAUMA-MAJOR')?.[1] ?? null;
  const wanted = new Set<string>();
  for (const [, , labs] of fired.values()) labs.forEach((l) => wanted.add(l));
  if (b('visceral-signs')) wanted.add('URINALYSIS');
  if (esrCur) wanted.delete('ESR');
  if (crpCur) wanted.delete('CRP');
  if (wbcCur) wanted.delete('CBC');
  const labelRules = [
    'RF-INFECTION',
    'RF-PED-INFLAM',
    'RF-PED-DISC-WORKUP',
    'RF-FEVER-WORKUP',
    'RF-INFECT-RISK-WORKUP',
  ];
  const label: Projection['pathwayLabel'] =
    ped && labelRules.some((id) => fired.has(id))
      ? age >= 2 && age <= 12
        ? 'PED-DISC'
        : 'PED-SPINE-INFECTION'
      : null;
  return {
    tier,
    fired: RULE_ORDER.filter((id) => fired.has(id)),
    advisories,
    primary: primary === null ? null : { key: primary, region: region(primary) },
    trauma: traumaKey === null ? null : { key: traumaKey, region: region(traumaKey) },
    pelvis: fired.has('RF-IBP'),
    labs: LABS.filter((l) => wanted.has(l)),
    label,
  };
}

const LABS = ['ESR', 'CRP', 'CBC', 'BLOOD_CULTURE', 'URINALYSIS'];
const ADVISORY_ORDER = [
  'ADV-RADICULOPATHY',
  'ADV-VISCERAL',
  'ADV-DISCREPANCY',
  'ADV-STALE-ELEVATED',
  'ADV-IRF-LABS-NEG',
  'ADV-DATA-QUALITY',
  'ADV-NAI',
];
const REGION_RANK: Record<string, number> = { COMPLETE: 3, THORACIC: 2, LUMBAR: 1 };

/** §8.4: the highest-ranked key, and for that key the broadest region any class gave it. */
function mergeStudy(
  studies: readonly ({ key: string; region: string } | null)[],
): { key: string; region: string } | null {
  let best: { key: string; region: string } | null = null;
  for (const st of studies) {
    if (st === null) continue;
    if (best === null || (KEY_RANK[st.key] as number) > (KEY_RANK[best.key] as number)) best = st;
    else if (
      st.key === best.key &&
      (REGION_RANK[st.region] as number) > (REGION_RANK[best.region] as number)
    )
      best = st;
  }
  return best;
}

/** Projects one or several (merged, §8.4) age results. */
function reference(s: Scenario, classAges?: readonly number[]): Partial<Projection> {
  const results = (classAges ?? [s.age]).map((age) => referenceAt({ ...s, age }));
  let tier: Tier = 'ROUTINE';
  for (const r of results) if (TIER_RANK[r.tier] > TIER_RANK[tier]) tier = r.tier;
  const union = (order: readonly string[], pick: (r: RefAge) => readonly string[]) =>
    order.filter((id) => results.some((r) => pick(r).includes(id)));
  const primary = mergeStudy(results.map((r) => r.primary));
  const trauma = mergeStudy(results.map((r) => r.trauma));
  const secondary: string[] = [];
  if (trauma !== null && trauma.key !== primary?.key)
    secondary.push(`${trauma.key}/${trauma.region}/stat`);
  if (results.some((r) => r.pelvis)) secondary.push('XR_PELVIS/PELVIS/routine');
  const merged = classAges !== undefined;
  return {
    status: merged ? 'incomplete' : 'complete',
    missingItems: merged ? ['age-years'] : [],
    tier,
    firedRules: union(RULE_ORDER, (r) => r.fired),
    advisories: union(ADVISORY_ORDER, (r) => r.advisories),
    pathwayLabel: merged ? null : (results[0]?.label ?? null),
    imaging: primary === null ? null : `${primary.key}/${primary.region}/${PRIORITY[tier]}`,
    secondary,
    labs: union(LABS, (r) => r.labs),
  };
}

function chartOf(s: Scenario): Json[] {
  const out: Json[] = [];
  if (s.esr !== undefined) out.push(esr(s.esr, 12));
  if (s.crp !== undefined) out.push(crp(s.crp, 12));
  if (s.wbc !== undefined) out.push(wbc(s.wbc, 12));
  if (s.temp !== undefined) out.push(temp(s.temp, 6));
  return out;
}

describe('audit differential: engine vs an independent restatement of §4–§7', () => {
  const rand = prng(20260615);
  const scenarios = Array.from({ length: 4000 }, () => scenario(rand));

  it('agrees on 4000 random complete scenarios', () => {
    const mismatches: string[] = [];
    for (const s of scenarios) {
      const got = project(run(bundle(born(s.age), chartOf(s)), qr(s.a)));
      const want = reference(s);
      const diff = Object.keys(want).filter(
        (k) =>
          JSON.stringify(got[k as keyof Projection]) !==
          JSON.stringify(want[k as keyof Projection]),
      );
      if (diff.length > 0 && mismatches.length < 5) {
        mismatches.push(
          JSON.stringify({
            scenario: s,
            fields: diff.map((k) => [k, got[k as keyof Projection], want[k as keyof Projection]]),
          }),
        );
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('agrees on 1500 random scenarios with no birthDate (every age class merged, §8.4)', () => {
    const rand2 = prng(7);
    const classes = [0, 2, 5, 6, 12, 13, 16, 18, 51, 71];
    const mismatches: string[] = [];
    for (let i = 0; i < 1500; i += 1) {
      const s = scenario(rand2, true);
      const got = project(run(bundle(null, chartOf(s)), qr(s.a)));
      const want = reference(s, classes);
      const diff = Object.keys(want).filter(
        (k) =>
          JSON.stringify(got[k as keyof Projection]) !==
          JSON.stringify(want[k as keyof Projection]),
      );
      if (diff.length > 0 && mismatches.length < 5) {
        mismatches.push(
          JSON.stringify({
            scenario: s,
            fields: diff.map((k) => [k, got[k as keyof Projection], want[k as keyof Projection]]),
          }),
        );
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('reaches every rule and advisory it models', () => {
    const seen = new Set<string>();
    for (const s of scenarios) {
      const want = reference(s);
      (want.firedRules ?? []).forEach((id) => seen.add(id));
      (want.advisories ?? []).forEach((id) => seen.add(id));
    }
    expect(
      [...RULE_ORDER, 'ADV-RADICULOPATHY', 'ADV-VISCERAL', 'ADV-IRF-LABS-NEG', 'ADV-NAI'].filter(
        (id) => !seen.has(id),
      ),
    ).toEqual([]);
  });
});

/**
 * Chart to facts, step 2 (clinical-spec §4): the derived facts for one age, combining the chart
 * snapshot with the answers (§3.7 authority, §9.2 answer semantics, §8.4 substitutes). Every fact
 * keeps the evidence that made it true. Pure.
 */
import { CHART_FACT_ITEMS, type ChartFact } from './conditions';
import { DAY_MS, type T0 } from './dates';
import {
  ITEMS,
  isEnabled,
  substituteValue,
  type AnswerMap,
  type AnswerValue,
  type LinkId,
} from './items';
import {
  CRP_GT20_THRESHOLD,
  CRP_THRESHOLD,
  ESR_THRESHOLD,
  febrileReadings,
  judgeResult,
  selectCurrent,
  staleElevated,
  wbcThreshold,
  type CurrentResult,
  type UsableResult,
} from './observations';
import type { ChartSnapshot } from './snapshot';
import type { Evidence } from './types';

/** `pain-location` values. */
export type PainLocation = 'lumbar' | 'thoracic' | 'multiple' | 'unable';
/** `trauma` values. */
export type Trauma = 'none' | 'lifting-twisting' | 'minor-fall' | 'major';
/** `hx-ivdu` values. */
export type Ivdu = 'current' | 'past' | 'never';

/** The values the engine uses for the items (`q.X` of §4). */
export interface ResolvedAnswers {
  /** A boolean item's value (false when disabled or unanswered). */
  readonly bool: (linkId: LinkId) => boolean;
  /** `duration-days`, undefined when unanswered (every comparison with it is then false). */
  readonly duration: number | undefined;
  readonly painLocation: PainLocation;
  readonly trauma: Trauma;
  readonly motorGradeMin: number;
  readonly ivdu: Ivdu;
  readonly slrAngle: number | undefined;
  readonly painNrs: number | undefined;
  /** Items enabled at this age with these answers. */
  readonly enabled: ReadonlySet<LinkId>;
}

/** Names of facts whose evidence rules cite. */
export type FactKey =
  | 'AGE'
  | 'DURATION'
  | 'FEVER'
  | 'ESR'
  | 'CRP'
  | 'WBC'
  | 'ESR_ELEV'
  | 'CRP_ELEV'
  | 'CRP_GT20'
  | 'WBC_ELEV'
  | 'MARKERS_NEG'
  | 'MARKERS_UNKNOWN'
  | 'STALE_ELEVATED_ESR'
  | 'STALE_ELEVATED_CRP'
  | ChartFact
  | 'RECENT_INF'
  | 'IRF_ANY'
  | 'IRF_WORKUP'
  | 'WEIGHT_LOSS'
  | 'NIGHT'
  | 'TENDER'
  | 'TRAUMA'
  | 'FAILED_4W'
  | 'MCF'
  | 'CDF'
  | 'PRF'
  | `q:${LinkId}`;

/** The derived facts of §4 for one age. */
export interface Facts {
  readonly t0: T0;
  readonly age: number;
  readonly ped: boolean;
  readonly q: ResolvedAnswers;
  readonly feverMeasured: boolean;
  readonly fever: boolean;
  readonly esr: CurrentResult | undefined;
  readonly crp: CurrentResult | undefined;
  readonly wbc: CurrentResult | undefined;
  readonly esrElev: boolean;
  readonly crpElev: boolean;
  readonly crpGt20: boolean;
  readonly wbcElev: boolean;
  readonly markersNeg: boolean;
  readonly markersUnknown: boolean;
  readonly staleElevatedEsr: boolean;
  readonly staleElevatedCrp: boolean;
  readonly cancerHx: boolean;
  readonly osteo: boolean;
  readonly steroid: boolean;
  readonly immunosupp: boolean;
  readonly ivdu: boolean;
  readonly diabetes: boolean;
  readonly spineSurgery: boolean;
  readonly recentProc: boolean;
  readonly recentInf: boolean;
  readonly dialysis: boolean;
  readonly chronicLiver: boolean;
  readonly ankylosed: boolean;
  readonly irfAny: boolean;
  readonly irfWorkup: boolean;
  readonly weightLoss: boolean;
  readonly night: boolean;
  readonly tender: boolean;
  readonly trauma: Trauma;
  readonly failed4w: boolean;
  readonly mcf: number;
  readonly cdf: number;
  readonly prf: boolean;
  /** A non-cancelled blood culture within 72 h exists (§7.4 subtraction). */
  readonly bloodCultureRecent: boolean;
  /** ADV-DISCREPANCY entries: one per item and resource (§3.7). */
  readonly discrepancies: readonly Evidence[];
  /** ADV-DATA-QUALITY entries: one per rejected Observation (§3.2). */
  readonly dataQuality: readonly Evidence[];
  /** Evidence of the named facts (only those that hold contribute). */
  readonly why: (...keys: readonly FactKey[]) => readonly Evidence[];
}

/** Window of each lab analyte's currency (§3.3). */
export const CURRENCY_WINDOW_MS = { ESR: 14 * DAY_MS, CRP: 7 * DAY_MS, WBC: 7 * DAY_MS } as const;

function display(value: AnswerValue): string {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  return String(value);
}

/**
 * Resolves the answers for one age (§9.2): enabled and answered → the answer; disabled or
 * unanswered → the substitute of §8.4/§9.2.
 * @param answers - answers as given
 * @param age - AGE
 * @param spineSurgery - the derived SPINE_SURGERY (enables `postop-new-symptoms`)
 */
export function resolveAnswers(
  answers: AnswerMap,
  age: number,
  spineSurgery: boolean,
): ResolvedAnswers {
  const ctx = { age, answers, spineSurgery };
  const values = new Map<LinkId, AnswerValue | undefined>();
  const enabled = new Set<LinkId>();
  for (const item of ITEMS) {
    const on = isEnabled(item, ctx);
    if (on) enabled.add(item.linkId);
    const given = answers.get(item.linkId);
    values.set(item.linkId, on && given !== undefined ? given : substituteValue(item));
  }
  const str = (linkId: LinkId): string | undefined => {
    const v = values.get(linkId);
    return typeof v === 'string' ? v : undefined;
  };
  const int = (linkId: LinkId): number | undefined => {
    const v = values.get(linkId);
    return typeof v === 'number' ? v : undefined;
  };
  const painLocation = str('pain-location');
  const trauma = str('trauma');
  const ivdu = str('hx-ivdu');
  return {
    bool: (linkId) => values.get(linkId) === true,
    duration: int('duration-days'),
    painLocation:
      painLocation === 'lumbar' || painLocation === 'thoracic' || painLocation === 'multiple'
        ? painLocation
        : 'unable',
    trauma:
      trauma === 'lifting-twisting' || trauma === 'minor-fall' || trauma === 'major'
        ? trauma
        : 'none',
    motorGradeMin: int('motor-grade-min') ?? 5,
    ivdu: ivdu === 'current' || ivdu === 'past' ? ivdu : 'never',
    slrAngle: int('slr-angle'),
    painNrs: int('pain-nrs'),
    enabled,
  };
}

/**
 * Derives the §4 facts for one age.
 * @param chart - the chart snapshot
 * @param answers - answers as given (empty when there is no QuestionnaireResponse)
 * @param age - AGE (a determined age, or a representative of one age class, §8.4)
 * @param ageDetail - how the age was obtained, for evidence (e.g. `age 3 (birthDate 2023-02-15)`)
 */
export function toFacts(
  chart: ChartSnapshot,
  answers: AnswerMap,
  age: number,
  ageDetail: string,
): Facts {
  const t0 = chart.t0;
  const evidence = new Map<FactKey, Evidence[]>();
  const add = (key: FactKey, ...items: readonly Evidence[]) => {
    const list = evidence.get(key) ?? [];
    list.push(...items);
    evidence.set(key, list);
  };
  const chartFacts = chart.history.facts;
  const spineSurgery =
    chartFacts.SPINE_SURGERY.length > 0 || answers.get('hx-spine-surgery') === true;
  const q = resolveAnswers(answers, age, spineSurgery);

  // Evidence of each enabled, answered item.
  for (const item of ITEMS) {
    const given = answers.get(item.linkId);
    if (given !== undefined && q.enabled.has(item.linkId)) {
      add(`q:${item.linkId}`, {
        reference: `QuestionnaireResponse#${item.linkId}`,
        detail: `${item.linkId}: ${display(given)}`,
      });
    }
  }
  const answered = (linkId: LinkId) => evidence.get(`q:${linkId}`) ?? [];

  add('AGE', { reference: chart.patientReference, detail: ageDetail });
  const duration = q.duration;
  add('DURATION', ...answered('duration-days'));

  // Labs (§3.3, §3.5, §4).
  const obs = chart.observations.results;
  const esr = selectCurrent(obs.ESR, t0, CURRENCY_WINDOW_MS.ESR, duration, ESR_THRESHOLD);
  const crp = selectCurrent(obs.CRP, t0, CURRENCY_WINDOW_MS.CRP, duration, CRP_THRESHOLD);
  const wbc = selectCurrent(obs.WBC, t0, CURRENCY_WINDOW_MS.WBC, duration, wbcThreshold(age));
  const cite = (r: UsableResult): Evidence => ({ reference: r.reference, detail: r.detail });
  if (esr) add('ESR', cite(esr.result));
  if (crp) add('CRP', cite(crp.result));
  if (wbc) add('WBC', cite(wbc.result));
  const esrElev = esr?.elevated === true;
  const crpElev = crp?.elevated === true;
  const crpGt20 = crp !== undefined && judgeResult(crp.result, CRP_GT20_THRESHOLD) === 'elevated';
  const wbcElev = wbc?.elevated === true;
  if (esrElev && esr) add('ESR_ELEV', cite(esr.result));
  if (crpElev && crp) add('CRP_ELEV', cite(crp.result));
  if (crpGt20 && crp) add('CRP_GT20', cite(crp.result));
  if (wbcElev && wbc) add('WBC_ELEV', cite(wbc.result));
  const markersNeg = esr !== undefined && crp !== undefined && !esrElev && !crpElev;
  const markersUnknown = !esrElev && !crpElev && !markersNeg;
  if (markersNeg && esr && crp) add('MARKERS_NEG', cite(esr.result), cite(crp.result));
  if (markersUnknown) {
    if (esr) add('MARKERS_UNKNOWN', cite(esr.result));
    else add('MARKERS_UNKNOWN', { reference: null, detail: 'no current ESR' });
    if (crp) add('MARKERS_UNKNOWN', cite(crp.result));
    else add('MARKERS_UNKNOWN', { reference: null, detail: 'no current CRP' });
  }
  const staleEsr = esr === undefined ? staleElevated(obs.ESR, t0, ESR_THRESHOLD) : undefined;
  const staleCrp = crp === undefined ? staleElevated(obs.CRP, t0, CRP_THRESHOLD) : undefined;
  if (staleEsr) add('STALE_ELEVATED_ESR', cite(staleEsr));
  if (staleCrp) add('STALE_ELEVATED_CRP', cite(staleCrp));

  // Fever (§4, §3.7): measured OR reported.
  const febrile = febrileReadings(obs.TEMPERATURE, t0);
  const feverMeasured = febrile.length > 0;
  const fever = feverMeasured || q.bool('fever-reported');
  add(
    'FEVER',
    ...febrile.map(cite),
    ...(q.bool('fever-reported') ? answered('fever-reported') : []),
  );

  // Chart-authoritative history (§3.7): chart evidence OR the answer; "No" against chart evidence
  // keeps the fact true and raises ADV-DISCREPANCY (only for an enabled, answered item).
  const discrepancies: Evidence[] = [];
  const history = (fact: ChartFact, answerTrue: boolean): boolean => {
    const chartEvidence = chartFacts[fact];
    const linkId = CHART_FACT_ITEMS[fact];
    add(fact, ...chartEvidence);
    if (answerTrue) add(fact, ...answered(linkId));
    const given = answers.get(linkId);
    if (chartEvidence.length > 0 && q.enabled.has(linkId) && given !== undefined && !answerTrue) {
      for (const e of chartEvidence) {
        discrepancies.push({
          reference: e.reference,
          detail: `${linkId} answered ${display(given)} but the chart shows ${e.detail}`,
        });
      }
    }
    return chartEvidence.length > 0 || answerTrue;
  };
  const cancerHx = history('CANCER_HX', q.bool('hx-cancer'));
  const osteo = history('OSTEO', q.bool('hx-osteoporosis'));
  const steroid = history('STEROID', q.bool('hx-chronic-steroids'));
  const immunosupp = history('IMMUNOSUPP', q.bool('hx-immunosuppression'));
  const ivdu = history('IVDU', q.ivdu === 'current');
  const diabetes = history('DIABETES', q.bool('hx-diabetes'));
  const spine = history('SPINE_SURGERY', q.bool('hx-spine-surgery'));
  const recentProc = history('RECENT_PROC', q.bool('hx-spine-procedure-90d'));
  const dialysis = history('DIALYSIS', q.bool('hx-dialysis-catheter'));
  const chronicLiver = history('CHRONIC_LIVER', q.bool('hx-chronic-liver'));
  const ankylosed = history('ANKYLOSED', q.bool('hx-ankylosing'));
  const recentInf = q.bool('hx-recent-infection-30d');
  if (recentInf) add('RECENT_INF', ...answered('hx-recent-infection-30d'));

  const irfTerms: readonly [FactKey, boolean][] = [
    ['IVDU', ivdu],
    ['IMMUNOSUPP', immunosupp],
    ['STEROID', steroid],
    ['DIABETES', diabetes],
    ['RECENT_PROC', recentProc],
    ['RECENT_INF', recentInf],
    ['DIALYSIS', dialysis],
    ['SPINE_SURGERY', spine],
    ['CHRONIC_LIVER', chronicLiver],
  ];
  const workupKeys: readonly FactKey[] = ['IVDU', 'RECENT_INF', 'RECENT_PROC', 'DIALYSIS'];
  const irfAny = irfTerms.some(([, v]) => v);
  const irfWorkup = irfTerms.some(([k, v]) => v && workupKeys.includes(k));
  for (const [key, value] of irfTerms) {
    if (!value) continue;
    const items = evidence.get(key) ?? [];
    add('IRF_ANY', ...items);
    if (workupKeys.includes(key)) add('IRF_WORKUP', ...items);
  }

  const weightLoss = q.bool('weight-loss-unexplained');
  const night = q.bool('night-pain');
  const tender = q.bool('point-tenderness');
  if (weightLoss) add('WEIGHT_LOSS', ...answered('weight-loss-unexplained'));
  if (night) add('NIGHT', ...answered('night-pain'));
  if (tender) add('TENDER', ...answered('point-tenderness'));
  add('TRAUMA', ...answered('trauma'));
  const over28 = duration !== undefined && duration > 28;
  const failed4w = over28 && q.bool('conservative-tried');
  if (failed4w) add('FAILED_4W', ...answered('duration-days'), ...answered('conservative-tried'));

  // MCF (§4): AGE > 50, WEIGHT_LOSS, NIGHT AND DURATION > 28, FAILED_4W, ESR_ELEV.
  const mcfTerms: readonly [boolean, readonly FactKey[]][] = [
    [age > 50, ['AGE']],
    [weightLoss, ['WEIGHT_LOSS']],
    [night && over28, ['NIGHT', 'DURATION']],
    [failed4w, ['FAILED_4W']],
    [esrElev, ['ESR_ELEV']],
  ];
  const mcf = mcfTerms.filter(([v]) => v).length;
  for (const [value, keys] of mcfTerms) {
    if (value) for (const k of keys) add('MCF', ...(evidence.get(k) ?? []));
  }

  // CDF (§4): NIGHT, FEVER, decreased-rom, irritability, TENDER, limp.
  const cdfTerms: readonly [boolean, FactKey][] = [
    [night, 'NIGHT'],
    [fever, 'FEVER'],
    [q.bool('decreased-rom'), 'q:decreased-rom'],
    [q.bool('irritability'), 'q:irritability'],
    [tender, 'TENDER'],
    [q.bool('limp'), 'q:limp'],
  ];
  const cdf = cdfTerms.filter(([v]) => v).length;
  for (const [value, key] of cdfTerms) if (value) add('CDF', ...(evidence.get(key) ?? []));

  // PRF (§4).
  const prfTerms: readonly [boolean, FactKey][] = [
    [age < 5, 'AGE'],
    [night, 'NIGHT'],
    [q.bool('constant-pain'), 'q:constant-pain'],
    [q.bool('radicular-pain'), 'q:radicular-pain'],
    [over28, 'DURATION'],
    [fever, 'FEVER'],
    [weightLoss, 'WEIGHT_LOSS'],
    [q.bool('limp'), 'q:limp'],
    [tender, 'TENDER'],
    [q.bool('decreased-rom'), 'q:decreased-rom'],
    [q.bool('irritability'), 'q:irritability'],
    [q.bool('morning-stiffness'), 'q:morning-stiffness'],
    [osteo, 'OSTEO'],
    [steroid, 'STEROID'],
  ];
  const prf = prfTerms.some(([v]) => v);
  for (const [value, key] of prfTerms) if (value) add('PRF', ...(evidence.get(key) ?? []));

  const dataQuality = chart.observations.rejected.map((r) => ({
    reference: r.reference,
    detail: `${r.analyte} Observation ${r.reason}`,
  }));

  const why = (...keys: readonly FactKey[]): readonly Evidence[] => {
    const seen = new Set<string>();
    const out: Evidence[] = [];
    for (const key of keys) {
      for (const e of evidence.get(key) ?? []) {
        const id = `${e.reference ?? ''}\u0000${e.detail}`;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push(e);
      }
    }
    return out;
  };

  return {
    t0,
    age,
    ped: age < 18,
    q,
    feverMeasured,
    fever,
    esr,
    crp,
    wbc,
    esrElev,
    crpElev,
    crpGt20,
    wbcElev,
    markersNeg,
    markersUnknown,
    staleElevatedEsr: staleEsr !== undefined,
    staleElevatedCrp: staleCrp !== undefined,
    cancerHx,
    osteo,
    steroid,
    immunosupp,
    ivdu,
    diabetes,
    spineSurgery: spine,
    recentProc,
    recentInf,
    dialysis,
    chronicLiver,
    ankylosed,
    irfAny,
    irfWorkup,
    weightLoss,
    night,
    tender,
    trauma: q.trauma,
    failed4w,
    mcf,
    cdf,
    prf,
    bloodCultureRecent: chart.observations.bloodCulture !== undefined,
    discrepancies,
    dataQuality,
    why,
  };
}

/**
 * The red-flag engine (clinical-spec `bp-redflag-1.1`): the rule and advisory registries, one
 * evaluation per age (§5, §7), the merge for an undetermined age (§8.4), and the output object
 * (§7.5, §13). Pure: T0, the answers and the code sets are parameters; the same function serves
 * the app and the `screen` command.
 */
import { agesToEvaluate } from './age';
import { readAnswers } from './answers';
import { HOUR_MS, parseT0, type T0 } from './dates';
import { toFacts, type Facts } from './facts';
import { ITEMS, missingItemsFor, type AnswerMap, type LinkId } from './items';
import { imagingCodes, labLoinc } from './orders';
import {
  highestTier,
  labSuggestions,
  mergeStudies,
  pathwayLabel,
  primaryStudy,
  tierTiming,
  traumaStudy,
  type SpineStudy,
} from './recommend';
import type { Advisory, AdvisoryFiring, RedFlagRule, RuleFiring } from './rule';
import { advDataQuality } from './rules/adv-data-quality';
import { advDiscrepancy } from './rules/adv-discrepancy';
import { advIrfLabsNeg } from './rules/adv-irf-labs-neg';
import { advNai } from './rules/adv-nai';
import { advRadiculopathy } from './rules/adv-radiculopathy';
import { advStaleElevated } from './rules/adv-stale-elevated';
import { advVisceral } from './rules/adv-visceral';
import { rfAdultInflam } from './rules/rf-adult-inflam';
import { rfCancerHx } from './rules/rf-cancer-hx';
import { rfCancerMulti } from './rules/rf-cancer-multi';
import { rfCes } from './rules/rf-ces';
import { rfFeverLabsNeg } from './rules/rf-fever-labs-neg';
import { rfFeverWorkup } from './rules/rf-fever-workup';
import { rfFractureRisk } from './rules/rf-fracture-risk';
import { rfIbp } from './rules/rf-ibp';
import { rfImmunosupp } from './rules/rf-immunosupp';
import { rfInfectRiskWorkup } from './rules/rf-infect-risk-workup';
import { rfInfection } from './rules/rf-infection';
import { rfMotorMajor } from './rules/rf-motor-major';
import { rfNeuroProg } from './rules/rf-neuro-prog';
import { rfPedDiscWorkup } from './rules/rf-ped-disc-workup';
import { rfPedInflam } from './rules/rf-ped-inflam';
import { rfPedNeuro } from './rules/rf-ped-neuro';
import { rfPedRedflag } from './rules/rf-ped-redflag';
import { rfPersistent } from './rules/rf-persistent';
import { rfPostopNew } from './rules/rf-postop-new';
import { rfRadicSevere } from './rules/rf-radic-severe';
import { rfTraumaMajor } from './rules/rf-trauma-major';
import { rfWeightLoss } from './rules/rf-weight-loss';
import { toChartSnapshot, type ChartSnapshot } from './snapshot';
import type { Terminology } from './terminology';
import {
  ADVISORY_IDS,
  LAB_ANALYTES,
  RULE_IDS,
  RULE_SET,
  type AdvisoryId,
  type ChartInputs,
  type ImagingSuggestion,
  type LabAnalyte,
  type OutputEvidence,
  type RuleId,
  type ScreenOutput,
  type Tier,
} from './types';
import { toOffsetDateTime } from '@/lib/time';

/** The rules of §5 in canonical order (evaluation order and `firedRules` order). */
export const RULES: readonly RedFlagRule[] = [
  rfCes,
  rfNeuroProg,
  rfTraumaMajor,
  rfMotorMajor,
  rfInfection,
  rfAdultInflam,
  rfFeverWorkup,
  rfPedInflam,
  rfPedDiscWorkup,
  rfPedNeuro,
  rfCancerHx,
  rfCancerMulti,
  rfImmunosupp,
  rfFractureRisk,
  rfPostopNew,
  rfPersistent,
  rfRadicSevere,
  rfWeightLoss,
  rfIbp,
  rfInfectRiskWorkup,
  rfFeverLabsNeg,
  rfPedRedflag,
];

/** The advisories of §5.4 in table order. */
export const ADVISORIES: readonly Advisory[] = [
  advRadiculopathy,
  advVisceral,
  advDiscrepancy,
  advStaleElevated,
  advIrfLabsNeg,
  advDataQuality,
  advNai,
];

/** The result of evaluating one age (a determined age, or one age class of §8.4). */
export interface AgeEvaluation {
  readonly age: number;
  readonly facts: Facts;
  /** Fired rules in canonical order. */
  readonly fired: ReadonlyMap<RuleId, RuleFiring>;
  /** Raised advisories in §5.4 order. */
  readonly advisories: ReadonlyMap<AdvisoryId, AdvisoryFiring>;
  readonly tier: Tier;
  readonly primary: SpineStudy | null;
  /** RF-TRAUMA-MAJOR's study, whatever the primary key. */
  readonly trauma: SpineStudy | null;
  readonly pelvis: boolean;
  readonly labs: readonly LabAnalyte[];
  readonly pathwayLabel: ReturnType<typeof pathwayLabel>;
  readonly missingItems: readonly LinkId[];
}

/**
 * Runs the rules (canonical order; each sees the rules fired before it) and the advisories.
 * @param facts - the facts of one age
 */
export function evaluateRules(facts: Facts): {
  readonly fired: ReadonlyMap<RuleId, RuleFiring>;
  readonly advisories: ReadonlyMap<AdvisoryId, AdvisoryFiring>;
} {
  const fired = new Map<RuleId, RuleFiring>();
  for (const rule of RULES) {
    if (rule.applies === 'Adult' && facts.ped) continue;
    if (rule.applies === 'Ped' && !facts.ped) continue;
    const firing = rule.evaluate(facts, fired);
    if (firing !== undefined) fired.set(rule.id, firing);
  }
  const advisories = new Map<AdvisoryId, AdvisoryFiring>();
  for (const advisory of ADVISORIES) {
    const firing = advisory.evaluate(facts, fired);
    if (firing !== undefined) advisories.set(advisory.id, firing);
  }
  return { fired, advisories };
}

/**
 * Evaluates one age: facts, rules, advisories, and the §7 recommendation parts.
 * @param chart - the chart snapshot
 * @param answers - answers as given
 * @param age - the age (or an age-class representative)
 * @param ageDetail - evidence text for the age
 */
export function evaluateAge(
  chart: ChartSnapshot,
  answers: AnswerMap,
  age: number,
  ageDetail: string,
): AgeEvaluation {
  const facts = toFacts(chart, answers, age, ageDetail);
  const { fired, advisories } = evaluateRules(facts);
  const listed: LabAnalyte[] = [];
  for (const firing of fired.values()) listed.push(...firing.labs);
  for (const firing of advisories.values()) listed.push(...firing.labs);
  return {
    age,
    facts,
    fired,
    advisories,
    tier: highestTier([...fired.values()].map((f) => f.tier)),
    primary: primaryStudy(facts, fired),
    trauma: traumaStudy(facts, fired),
    pelvis: fired.get('RF-IBP')?.imaging === 'XR_PELVIS',
    labs: labSuggestions(facts, listed),
    pathwayLabel: pathwayLabel(facts, fired),
    missingItems: missingItemsFor({ age, answers, spineSurgery: facts.spineSurgery }),
  };
}

/** A full evaluation: the output object plus what the UI needs to explain it. */
export interface ScreenEvaluation {
  readonly output: ScreenOutput;
  /** One entry for a determined age; one per age class otherwise (§8.4). */
  readonly ages: readonly AgeEvaluation[];
  readonly chart: ChartSnapshot;
  readonly ageDetermined: boolean;
}

/** A screening result, or why the input is unusable (the CLI's exit 2). */
export type ScreenResult =
  | { readonly ok: true; readonly evaluation: ScreenEvaluation }
  | { readonly ok: false; readonly reason: string };

function ageDetailFor(chart: ChartSnapshot, age: number, determined: boolean): string {
  const birth = chart.birthDate === undefined ? 'no birthDate' : `birthDate ${chart.birthDate}`;
  return determined ? `age ${age} years (${birth})` : `age class from ${age} years (${birth})`;
}

function study(
  terminology: Terminology,
  t0: T0,
  s: { readonly key: ImagingSuggestion['key']; readonly region: ImagingSuggestion['region'] },
  tier: Tier,
): ImagingSuggestion {
  const timing = tierTiming(tier);
  const latest = toOffsetDateTime(
    new Date(t0.ms + timing.hours * HOUR_MS),
    t0.offsetMinutes,
    t0.zulu,
  );
  return {
    key: s.key,
    region: s.region,
    priority: timing.priority,
    // §13: occurrenceLatest keeps T0's offset as written; a zero offset written `-00:00` would
    // otherwise come back as `+00:00`.
    occurrenceLatest: t0.text.endsWith('-00:00') ? latest.replace(/\+00:00$/, '-00:00') : latest,
    codes: imagingCodes(terminology, s.key, s.region),
  };
}

/**
 * Evaluates a chart and answers at T0: the function behind the app and the `screen` command.
 * Answers are checked per §13 (unusable answers → `ok: false`); an undetermined age is evaluated
 * per age class and merged (§8.4); the evaluation is `incomplete` without a completed/amended
 * QuestionnaireResponse, with an unanswered required enabled item, an undetermined age, or a
 * failed chart search (safer reading: facts from a failed search are unknown, never negative).
 * @param chart - the patient's resources
 * @param answers - the QuestionnaireResponse (parsed JSON), or undefined when there is none
 * @param now - T0 (§13 `--now` format)
 * @param terminology - code sets
 */
export function evaluateScreen(
  chart: ChartInputs,
  answers: unknown,
  now: string,
  terminology: Terminology,
): ScreenResult {
  const t0 = parseT0(now);
  if (t0 === undefined) {
    return { ok: false, reason: `T0 is not an ISO-8601 date-time with a UTC offset: ${now}` };
  }
  return evaluateSnapshot(toChartSnapshot(chart, t0, terminology), answers, now, terminology);
}

/**
 * The same evaluation from a chart already read at T0 ({@link toChartSnapshot}). The app reads
 * the chart once and re-evaluates on every answer change, so the chart work (which grows with the
 * chart) is not repeated per keystroke.
 * @param snapshot - the chart read at T0 (`snapshot.t0`)
 * @param answers - a QuestionnaireResponse, or undefined for none
 * @param now - T0 as written (echoed as `evaluatedAt`)
 * @param terminology - code sets
 */
export function evaluateSnapshot(
  snapshot: ChartSnapshot,
  answers: unknown,
  now: string,
  terminology: Terminology,
): ScreenResult {
  const t0 = snapshot.t0;
  let answerMap: AnswerMap = new Map();
  let completed = false;
  if (answers !== undefined) {
    const read = readAnswers(answers, snapshot.isPatientReference);
    if (!read.ok) return read;
    answerMap = read.answers;
    completed = read.completed;
  }
  const { determined, ages } = agesToEvaluate(snapshot.ageRange);
  const evaluations = ages.map((age) =>
    evaluateAge(snapshot, answerMap, age, ageDetailFor(snapshot, age, determined)),
  );
  const merged = mergeAges(evaluations);
  const missing = new Set<string>(evaluations.flatMap((e) => e.missingItems));
  const missingItems = [
    ...(determined ? [] : ['age-years']),
    ...ITEMS.map((i) => i.linkId).filter((id) => missing.has(id)),
  ];
  const incomplete =
    answers === undefined ||
    !completed ||
    missingItems.length > 0 ||
    !determined ||
    snapshot.failures.size > 0;

  const secondaryImaging: ImagingSuggestion[] = [];
  if (merged.trauma !== null && merged.trauma.key !== merged.primary?.key) {
    secondaryImaging.push(study(terminology, t0, merged.trauma, 'EMERGENT'));
  }
  if (merged.pelvis) {
    secondaryImaging.push(study(terminology, t0, { key: 'XR_PELVIS', region: 'PELVIS' }, 'SOON'));
  }
  const output: ScreenOutput = {
    ruleSet: RULE_SET,
    evaluatedAt: now,
    status: incomplete ? 'incomplete' : 'complete',
    missingItems,
    tier: merged.tier,
    firedRules: RULE_IDS.filter((id) => merged.fired.has(id)),
    advisories: ADVISORY_IDS.filter((id) => merged.advisories.has(id)),
    pathwayLabel: determined ? (evaluations[0]?.pathwayLabel ?? null) : null,
    imaging: merged.primary === null ? null : study(terminology, t0, merged.primary, merged.tier),
    secondaryImaging,
    labs: merged.labs.map((analyte) => ({ analyte, loinc: labLoinc(terminology, analyte) })),
    evidence: mergedEvidence(evaluations),
  };
  return {
    ok: true,
    evaluation: { output, ages: evaluations, chart: snapshot, ageDetermined: determined },
  };
}

/** §8.4 merge: unions, highest tier, highest-ranked primary key with its broadest region. */
function mergeAges(evaluations: readonly AgeEvaluation[]): {
  readonly tier: Tier;
  readonly fired: ReadonlySet<RuleId>;
  readonly advisories: ReadonlySet<AdvisoryId>;
  readonly primary: SpineStudy | null;
  readonly trauma: SpineStudy | null;
  readonly pelvis: boolean;
  readonly labs: readonly LabAnalyte[];
} {
  let primary: SpineStudy | null = null;
  let trauma: SpineStudy | null = null;
  const labs = new Set<LabAnalyte>();
  for (const e of evaluations) {
    primary = mergeStudies(primary, e.primary);
    trauma = mergeStudies(trauma, e.trauma);
    for (const lab of e.labs) labs.add(lab);
  }
  return {
    tier: highestTier(evaluations.map((e) => e.tier)),
    fired: new Set(evaluations.flatMap((e) => [...e.fired.keys()])),
    advisories: new Set(evaluations.flatMap((e) => [...e.advisories.keys()])),
    primary,
    trauma,
    pelvis: evaluations.some((e) => e.pelvis),
    labs: LAB_ANALYTES.filter((a) => labs.has(a)),
  };
}

/** Evidence of every fired rule then every advisory, in output order, without duplicates. */
function mergedEvidence(evaluations: readonly AgeEvaluation[]): readonly OutputEvidence[] {
  const seen = new Set<string>();
  const out: OutputEvidence[] = [];
  const push = (rule: RuleId | AdvisoryId, reference: string | null, detail: string) => {
    const key = `${rule}\u0000${reference ?? ''}\u0000${detail}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ rule, reference, detail });
  };
  for (const id of RULE_IDS) {
    for (const e of evaluations) {
      for (const ev of e.fired.get(id)?.evidence ?? []) push(id, ev.reference, ev.detail);
    }
  }
  for (const id of ADVISORY_IDS) {
    for (const e of evaluations) {
      for (const ev of e.advisories.get(id)?.evidence ?? []) push(id, ev.reference, ev.detail);
    }
  }
  return out;
}

/**
 * The chart panel's view (issue 5 §2): for each decision analyte (ESR, CRP, WBC, temperature,
 * weight) every Observation read, used or not used with the reason (stale, pre-onset, unit,
 * status…), its value, unit and date, and the values over time for a trend; the Conditions,
 * Procedures and MedicationRequests the engine matched; the searches that failed. Every verdict
 * comes from the engine's snapshot and facts (windows, thresholds and selection are the
 * engine's); this module only lays them out. Pure.
 */
import type { Observation } from 'fhir/r4';
import { CHART_FACT_ITEMS, type ChartFact, type SuggestionKind } from '@/lib/redflags/conditions';
import { DAY_MS, HOUR_MS, formatInstant, readFhirTime } from '@/lib/redflags/dates';
import { DEFAULT_TERMINOLOGY } from '@/lib/redflags/default-terminology';
import type { ScreenEvaluation } from '@/lib/redflags/evaluate';
import { CURRENCY_WINDOW_MS } from '@/lib/redflags/facts';
import {
  CRP_THRESHOLD,
  ESR_THRESHOLD,
  FEVER_THRESHOLD,
  judgeResult,
  wbcThreshold,
  weightLoss,
  type Threshold,
  type UsableResult,
} from '@/lib/redflags/observations';
import { belongsToPatient } from '@/lib/redflags/subject';
import { VALUE_SET } from '@/lib/redflags/terminology';
import type { ChartInputs, ChartKind } from '@/lib/redflags/types';
import { CANONICAL_UNIT, unitOf, type Analyte } from '@/lib/redflags/units';
import type { ChartAtT0 } from './screening';

/** The analytes of the chart panel, in display order. */
export const CHART_ANALYTES: readonly Analyte[] = ['ESR', 'CRP', 'WBC', 'TEMPERATURE', 'WEIGHT'];

const LABELS: Readonly<Record<Analyte, string>> = {
  ESR: 'ESR (erythrocyte sedimentation rate)',
  CRP: 'CRP (C-reactive protein)',
  WBC: 'White cell count',
  TEMPERATURE: 'Body temperature',
  WEIGHT: 'Body weight',
};

const UNIT_LABELS: Readonly<Record<Analyte, string>> = {
  ESR: 'mm/h',
  CRP: 'mg/L',
  WBC: '×10³/µL',
  TEMPERATURE: '°C',
  WEIGHT: 'kg',
};

const VALUE_SETS: Readonly<Record<Analyte, string>> = {
  ESR: VALUE_SET.esr,
  CRP: VALUE_SET.crp,
  WBC: VALUE_SET.wbc,
  TEMPERATURE: VALUE_SET.temperature,
  WEIGHT: VALUE_SET.weight,
};

const USABLE_STATUSES = new Set(['final', 'amended', 'corrected']);

/** One Observation of an analyte as the panel shows it. */
export interface ObservationRow {
  /** `Observation/<id>` (null when the resource has no id). */
  readonly reference: string | null;
  /** The value as written (comparator, number, unit), or a dash. */
  readonly value: string;
  /** The value in the canonical unit when it differs from what was written. */
  readonly converted: string | undefined;
  /** When it was taken, in T0's offset (or the raw value when unreadable). */
  readonly when: string;
  readonly ms: number | undefined;
  readonly status: string;
  readonly used: boolean;
  /** Why it is used (current, within 72 h…) or not used (stale, pre-onset, unit, status…). */
  readonly note: string;
  /** Against the analyte's decision threshold, when it can be judged. */
  readonly flag: 'raised' | 'normal' | undefined;
}

/** A point of a trend, in the canonical unit. */
export interface TrendPoint {
  readonly ms: number;
  readonly value: number;
  readonly when: string;
}

/** One analyte's section of the chart panel. */
export interface AnalyteView {
  readonly analyte: Analyte;
  readonly label: string;
  readonly unit: string;
  /** Newest first; rows without a usable time last. */
  readonly rows: readonly ObservationRow[];
  /** Usable plain values, oldest first (a trend is drawn when there are at least two). */
  readonly trend: readonly TrendPoint[];
}

/** A Condition, Procedure or MedicationRequest the engine matched, with what it means. */
export interface HistoryEntry {
  readonly reference: string | null;
  readonly resourceType: string;
  readonly detail: string;
  /** The items it pre-populates: as chart evidence (§3.7) or as a suggestion only. */
  readonly roles: readonly HistoryRole[];
}

/** What a matched resource does for an item. */
export interface HistoryRole {
  readonly authority: 'chart' | 'suggestion';
  readonly linkId: string;
}

/** A chart search that failed: its data are unavailable, never negative. */
export interface UnavailableData {
  readonly kind: ChartKind;
  readonly status: number;
  readonly message: string;
}

/** The chart panel. */
export interface ChartView {
  readonly analytes: readonly AnalyteView[];
  readonly history: readonly HistoryEntry[];
  readonly unavailable: readonly UnavailableData[];
}

const SUGGESTION_ITEMS: Readonly<Record<SuggestionKind, string>> = {
  'steroid-history': 'hx-chronic-steroids',
  'steroid-medication': 'hx-chronic-steroids',
  'immunosuppressant-medication': 'hx-immunosuppression',
  'substance-use': 'hx-ivdu',
  'arthrodesis-status': 'hx-spine-surgery',
  'recent-infection': 'hx-recent-infection-30d',
  'back-pain-onset': 'duration-days',
};

function thresholdOf(analyte: Analyte, age: number): Threshold | undefined {
  switch (analyte) {
    case 'ESR':
      return ESR_THRESHOLD;
    case 'CRP':
      return CRP_THRESHOLD;
    case 'WBC':
      return wbcThreshold(age);
    case 'TEMPERATURE':
      return FEVER_THRESHOLD;
    case 'WEIGHT':
      return undefined;
  }
}

function formatNumber(value: number): string {
  return String(Number(value.toFixed(6)));
}

function effectiveRaw(obs: Observation): string | undefined {
  return (
    obs.effectiveDateTime ??
    obs.effectivePeriod?.end ??
    obs.effectivePeriod?.start ??
    obs.effectiveInstant ??
    obs.issued
  );
}

function writtenValue(obs: Observation): string {
  const q = obs.valueQuantity;
  if (q?.value === undefined) return '—';
  const unit = unitOf(q.code, q.unit);
  return `${q.comparator ?? ''}${formatNumber(q.value)}${unit ? ` ${unit}` : ''}`;
}

function days(ms: number): number {
  return Math.round(ms / DAY_MS);
}

/** Why a usable lab result is not the current one (§3.3), in the engine's own terms. */
function labReason(
  result: UsableResult,
  t0ms: number,
  windowMs: number,
  duration: number | undefined,
  threshold: Threshold,
): string {
  if (t0ms - result.ms > windowMs) {
    return `not current: older than ${days(windowMs)} days (${days(t0ms - result.ms)} days old)`;
  }
  if (duration !== undefined && result.ms < t0ms - (duration + 1) * DAY_MS) {
    return 'not current: taken before this episode of pain began';
  }
  if (judgeResult(result, threshold) === 'indeterminate') {
    return 'not used: the comparator value cannot be judged against the threshold';
  }
  return 'not used: a more recent current result is used';
}

/**
 * The chart panel for a chart at T0 and the evaluation of the current answers (which result is
 * current depends on `duration-days`).
 * @param chart - the chart read
 * @param chartAtT0 - the chart's snapshot at T0
 * @param evaluation - the engine's evaluation (undefined when the answers were refused)
 */
export function toChartView(
  chart: ChartInputs,
  chartAtT0: ChartAtT0,
  evaluation: ScreenEvaluation | undefined,
): ChartView {
  const { snapshot } = chartAtT0;
  const t0 = snapshot.t0;
  const ages = evaluation?.ages ?? [];
  const age = ages[0]?.age ?? 18;
  const duration = ages[0]?.facts.q.duration;
  const current = {
    ESR: new Set(ages.flatMap((a) => (a.facts.esr ? [a.facts.esr.result.reference] : []))),
    CRP: new Set(ages.flatMap((a) => (a.facts.crp ? [a.facts.crp.result.reference] : []))),
    WBC: new Set(ages.flatMap((a) => (a.facts.wbc ? [a.facts.wbc.result.reference] : []))),
  };
  const weightRefs = new Set(
    (weightLoss(snapshot.observations.results.WEIGHT, t0)?.evidence ?? []).map((e) => e.reference),
  );
  const own = chart.observations.filter((o) => belongsToPatient(o, snapshot.isPatientReference));

  const analytes = CHART_ANALYTES.map((analyte): AnalyteView => {
    const usable = new Map(
      snapshot.observations.results[analyte].flatMap((r) =>
        r.reference === null ? [] : [[r.reference, r] as const],
      ),
    );
    const rejected = new Map(
      snapshot.observations.rejected
        .filter((r) => r.analyte === analyte && r.reference !== null)
        .map((r) => [r.reference, r.reason] as const),
    );
    const threshold = thresholdOf(analyte, age);
    const rows = own
      .filter((obs) => DEFAULT_TERMINOLOGY.matches(VALUE_SETS[analyte], obs.code))
      .map((obs): ObservationRow => {
        const reference = obs.id ? `Observation/${obs.id}` : null;
        const raw = effectiveRaw(obs);
        const time = readFhirTime(raw, t0.offsetMinutes);
        const result = reference === null ? undefined : usable.get(reference);
        const base = {
          reference,
          value: writtenValue(obs),
          when:
            time?.precision === 'day-or-finer'
              ? formatInstant(time.ms, t0.offsetMinutes)
              : (raw ?? 'no date'),
          ms: time?.precision === 'day-or-finer' ? time.ms : undefined,
          status: obs.status,
        };
        if (!USABLE_STATUSES.has(obs.status)) {
          return {
            ...base,
            converted: undefined,
            used: false,
            note: `not used: status ${obs.status}`,
            flag: undefined,
          };
        }
        if (result === undefined) {
          const reason = reference === null ? undefined : rejected.get(reference);
          return {
            ...base,
            converted: undefined,
            used: false,
            note: `not used: ${reason ?? 'the Observation cannot be read'}`,
            flag: undefined,
          };
        }
        const converted = `${result.comparator ?? ''}${formatNumber(result.value)} ${CANONICAL_UNIT[analyte]}`;
        const judgement = threshold === undefined ? undefined : judgeResult(result, threshold);
        const flag =
          judgement === 'elevated' ? 'raised' : judgement === 'normal' ? 'normal' : undefined;
        const row = {
          ...base,
          converted: converted === base.value ? undefined : converted,
          flag,
        } as const;
        switch (analyte) {
          case 'ESR':
          case 'CRP':
          case 'WBC': {
            if (current[analyte].has(reference)) {
              return { ...row, used: true, note: 'used: the current result' };
            }
            const note = labReason(
              result,
              t0.ms,
              CURRENCY_WINDOW_MS[analyte],
              duration,
              threshold ?? ESR_THRESHOLD,
            );
            return { ...row, used: false, note };
          }
          case 'TEMPERATURE': {
            if (t0.ms - result.ms > 72 * HOUR_MS) {
              return { ...row, used: false, note: 'not used: older than 72 hours' };
            }
            if (judgement === 'indeterminate') {
              return {
                ...row,
                used: false,
                note: 'not used: the comparator value cannot be judged against 38.0 °C',
              };
            }
            return { ...row, used: true, note: 'used: within 72 hours' };
          }
          case 'WEIGHT':
            return weightRefs.has(reference)
              ? { ...row, used: true, note: 'used: compared for the weight-loss suggestion' }
              : {
                  ...row,
                  used: false,
                  note: 'not used: weights only inform the weight-loss suggestion',
                };
        }
      })
      .sort((a, b) => (b.ms ?? -Infinity) - (a.ms ?? -Infinity));
    const trend = snapshot.observations.results[analyte]
      .filter((r) => r.comparator === undefined)
      .map((r) => ({ ms: r.ms, value: r.value, when: formatInstant(r.ms, t0.offsetMinutes) }))
      .sort((a, b) => a.ms - b.ms);
    return { analyte, label: LABELS[analyte], unit: UNIT_LABELS[analyte], rows, trend };
  });

  return {
    analytes,
    history: historyEntries(chartAtT0),
    unavailable: [...chart.failures].map(([kind, failure]) => ({
      kind,
      status: failure.status,
      message: failure.message,
    })),
  };
}

function isChartFact(key: string): key is ChartFact {
  return key in CHART_FACT_ITEMS;
}

function isSuggestionKind(key: string): key is SuggestionKind {
  return key in SUGGESTION_ITEMS;
}

function historyEntries(chartAtT0: ChartAtT0): readonly HistoryEntry[] {
  const { history } = chartAtT0.snapshot;
  const entries = new Map<
    string,
    { reference: string | null; detail: string; roles: HistoryRole[] }
  >();
  const add = (reference: string | null, detail: string, role: HistoryRole) => {
    const key = reference ?? `detail:${detail}`;
    const entry = entries.get(key) ?? { reference, detail, roles: [] };
    if (!entry.roles.some((r) => r.authority === role.authority && r.linkId === role.linkId)) {
      entry.roles.push(role);
    }
    entries.set(key, entry);
  };
  for (const fact of Object.keys(CHART_FACT_ITEMS).filter(isChartFact)) {
    for (const e of history.facts[fact]) {
      add(e.reference, e.detail, { authority: 'chart', linkId: CHART_FACT_ITEMS[fact] });
    }
  }
  for (const kind of Object.keys(SUGGESTION_ITEMS).filter(isSuggestionKind)) {
    for (const e of history.suggestions[kind]) {
      add(e.reference, e.detail, { authority: 'suggestion', linkId: SUGGESTION_ITEMS[kind] });
    }
  }
  return [...entries.values()].map((entry) => ({
    ...entry,
    resourceType: entry.reference?.split('/')[0] ?? 'Unknown',
  }));
}

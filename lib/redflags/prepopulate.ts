/**
 * What the chart pre-populates in the questionnaire (clinical-spec §9.1 "Pre-population", §9.3,
 * §3.7) and which items to show for the patient's age (§9.1, §9.2). For the UI: the engine decides
 * authority and age-dependence, the UI only renders. Pure.
 */
import { agesToEvaluate } from './age';
import { CHART_FACT_ITEMS, type ChartFact } from './conditions';
import { ITEMS, enabledItems, type AnswerMap, type AnswerValue, type LinkId } from './items';
import { weightLoss } from './observations';
import type { ChartSnapshot } from './snapshot';
import type { Evidence } from './types';

/**
 * How a pre-populated value binds (§3.7): `chart` — chart-authoritative, the fact stays true
 * whatever the answer (a "No" raises ADV-DISCREPANCY); `suggestion` — the clinician decides;
 * `prompt` — no value is proposed, the clinician is asked to check.
 */
export type PrepopulationAuthority = 'chart' | 'suggestion' | 'prompt';

/** One pre-populated item. */
export interface ItemPrepopulation {
  readonly linkId: LinkId;
  /** The proposed answer (undefined for a prompt). */
  readonly value: AnswerValue | undefined;
  readonly authority: PrepopulationAuthority;
  /** A short text for the clinician, e.g. `chart shows 6.2 % loss in ≤6 months — unexplained?`. */
  readonly note: string;
  readonly evidence: readonly Evidence[];
}

/**
 * The pre-population of the questionnaire from the chart.
 * @param chart - the chart snapshot ({@link toChartSnapshot})
 * @returns one entry per pre-populated item, chart-authoritative first for each item
 */
export function toPrepopulation(chart: ChartSnapshot): readonly ItemPrepopulation[] {
  const out: ItemPrepopulation[] = [];
  const facts = chart.history.facts;
  const suggestions = chart.history.suggestions;
  const authoritative = new Set<LinkId>();
  for (const fact of Object.keys(CHART_FACT_ITEMS).filter(isChartFact)) {
    const evidence = facts[fact];
    if (evidence.length === 0) continue;
    const linkId = CHART_FACT_ITEMS[fact];
    authoritative.add(linkId);
    out.push({
      linkId,
      value: linkId === 'hx-ivdu' ? 'current' : true,
      authority: 'chart',
      note: 'recorded in the chart; a "No" keeps it and is reported as a discrepancy',
      evidence,
    });
  }
  const suggest = (
    linkId: LinkId,
    value: AnswerValue,
    note: string,
    evidence: readonly Evidence[],
  ) => {
    if (evidence.length > 0 && !authoritative.has(linkId)) {
      out.push({ linkId, value, authority: 'suggestion', note, evidence });
    }
  };
  suggest(
    'hx-chronic-steroids',
    true,
    'steroid history or long-term systemic steroid prescription',
    [...suggestions['steroid-history'], ...suggestions['steroid-medication']],
  );
  suggest(
    'hx-immunosuppression',
    true,
    'immunosuppressant prescription',
    suggestions['immunosuppressant-medication'],
  );
  suggest(
    'hx-spine-surgery',
    true,
    'arthrodesis status (not spine-specific)',
    suggestions['arthrodesis-status'],
  );
  suggest(
    'hx-recent-infection-30d',
    true,
    'infection recorded within 30 days',
    suggestions['recent-infection'],
  );
  if (suggestions['substance-use'].length > 0 && !authoritative.has('hx-ivdu')) {
    out.push({
      linkId: 'hx-ivdu',
      value: undefined,
      authority: 'prompt',
      note: 'substance use disorder recorded (route not coded) — ask about injection drug use',
      evidence: suggestions['substance-use'],
    });
  }
  const onset = chart.history.backPainOnsetDays;
  if (onset !== undefined) {
    suggest(
      'duration-days',
      onset,
      'onset of the active back-pain Condition',
      suggestions['back-pain-onset'],
    );
  }
  const pain = chart.observations.painScore;
  if (pain !== undefined) {
    const value = Math.min(10, Math.max(0, Math.round(pain.value)));
    suggest('pain-nrs', value, 'latest pain score within 7 days', [pain.evidence]);
  }
  const loss = weightLoss(chart.observations.results.WEIGHT, chart.t0);
  if (loss !== undefined) {
    suggest(
      'weight-loss-unexplained',
      true,
      `chart shows ${loss.percent} % loss in ≤6 months — unexplained?`,
      loss.evidence,
    );
  }
  return out;
}

function isChartFact(value: string): value is ChartFact {
  return value in CHART_FACT_ITEMS;
}

/**
 * The items to show, in §9.1 order, for the chart's patient and the answers so far: for an
 * undetermined age, every item enabled in any possible age class (§8.4).
 * @param chart - the chart snapshot
 * @param answers - answers as given
 */
export function itemsToShow(chart: ChartSnapshot, answers: AnswerMap): readonly LinkId[] {
  const spineSurgery =
    chart.history.facts.SPINE_SURGERY.length > 0 || answers.get('hx-spine-surgery') === true;
  const shown = new Set<LinkId>();
  for (const age of agesToEvaluate(chart.ageRange).ages) {
    for (const item of enabledItems({ age, answers, spineSurgery })) shown.add(item.linkId);
  }
  return ITEMS.filter((item) => shown.has(item.linkId)).map((item) => item.linkId);
}

/**
 * The shape of a rule (clinical-spec §5.1–§5.3) and of an advisory (§5.4). One rule per file in
 * `rules/`; the registries live in `evaluate.ts`.
 */
import type { FactKey, Facts } from './facts';
import type { AdvisoryId, Evidence, ImagingKey, LabAnalyte, NonEmpty, RuleId, Tier } from './types';

/** What a fired rule contributes to the recommendation (§7). */
export interface RuleFiring {
  readonly tier: Tier;
  /** The rule's imaging key, or null for "none" (imaging pending labs or not indicated). */
  readonly imaging: ImagingKey | null;
  readonly labs: readonly LabAnalyte[];
  readonly evidence: NonEmpty<Evidence>;
}

/** Rules fired so far in this evaluation (rules only reference earlier rules, §5). */
export type FiredRules = ReadonlyMap<RuleId, RuleFiring>;

/** Who a rule applies to (§5: All, Adult = AGE ≥ 18, Ped = AGE < 18). */
export type Applicability = 'All' | 'Adult' | 'Ped';

/** A rule of §5. */
export interface RedFlagRule {
  readonly id: RuleId;
  readonly title: string;
  /** Spec section and guideline sources, shown in the UI. */
  readonly source: string;
  readonly applies: Applicability;
  /** The action text of the spec, where it gives one. */
  readonly action?: string;
  /** Returns the firing, or undefined when the rule does not fire. Never throws. */
  readonly evaluate: (facts: Facts, fired: FiredRules) => RuleFiring | undefined;
}

/** What a raised advisory contributes (§5.4: never a tier). */
export interface AdvisoryFiring {
  readonly labs: readonly LabAnalyte[];
  readonly evidence: NonEmpty<Evidence>;
}

/** An advisory of §5.4. */
export interface Advisory {
  readonly id: AdvisoryId;
  readonly title: string;
  readonly source: string;
  /** The output text of §5.4. */
  readonly text: string;
  readonly evaluate: (facts: Facts, fired: FiredRules) => AdvisoryFiring | undefined;
}

/**
 * Evidence as a non-empty list: the evidence of the given facts, or — should none be recorded —
 * one entry naming the logic (never an empty list).
 * @param facts - the facts
 * @param logic - a short statement of why the rule fired, used only as a fallback
 * @param keys - facts that held
 */
export function evidenceOf(
  facts: Facts,
  logic: string,
  ...keys: readonly FactKey[]
): NonEmpty<Evidence> {
  const [first, ...rest] = facts.why(...keys);
  return first === undefined ? [{ reference: null, detail: logic }] : [first, ...rest];
}

/**
 * The fact keys whose condition holds.
 * @param terms - pairs of (condition, keys)
 */
export function held(...terms: readonly (readonly [boolean, ...FactKey[]])[]): FactKey[] {
  return terms.flatMap(([value, ...keys]) => (value ? keys : []));
}

/** ESR, CRP, CBC (+ blood cultures when asked): the common lab set of §7.4. */
export function markerLabs(withCultures: boolean): readonly LabAnalyte[] {
  return withCultures ? ['ESR', 'CRP', 'CBC', 'BLOOD_CULTURE'] : ['ESR', 'CRP', 'CBC'];
}

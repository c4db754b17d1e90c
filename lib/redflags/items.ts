/**
 * Questionnaire items of clinical-spec §9.1 with the engine's semantics of §9.2 and §8.4:
 * requirement codes (R, R12, A, P, cond., optional), enabling conditions, substitutes for
 * unanswered items and defaults for disabled ones. Item types, answer options and integer ranges
 * come from the Questionnaire resource in fhir-profiles (single source); the requirement codes and
 * enablement are engine semantics, and the app takes age-dependence from here.
 */
import questionnaire from '@/fhir-profiles/resources/Questionnaire-back-pain-redflags.json';
import {
  CODE_SYSTEM_URLS,
  QUESTIONNAIRE_URL as PROJECT_QUESTIONNAIRE_URL,
  QUESTIONNAIRE_VERSION as PROJECT_QUESTIONNAIRE_VERSION,
} from '@/lib/terminology';
import { isRecord } from './json';

/** The Questionnaire answered by the clinician (§9.1, §13). */
export const QUESTIONNAIRE_URL = PROJECT_QUESTIONNAIRE_URL;
/** Its version (§13: the `questionnaire` of a QuestionnaireResponse is `…|1.1` or unversioned). */
export const QUESTIONNAIRE_VERSION = PROJECT_QUESTIONNAIRE_VERSION;
/** System of the choice answer codes (§9.1). */
export const ANSWER_SYSTEM = CODE_SYSTEM_URLS.BACK_PAIN_ANSWERS;

/** linkIds in §9.1 order (the order of `missingItems`). */
export const LINK_IDS = [
  'duration-days',
  'pain-location',
  'pain-nrs',
  'night-pain',
  'fever-reported',
  'weight-loss-unexplained',
  'trauma',
  'urinary-retention',
  'incontinence-new',
  'saddle-anesthesia',
  'bilateral-leg-deficit',
  'sexual-dysfunction-new',
  'neuro-progressive',
  'motor-multilevel',
  'cord-signs',
  'motor-grade-min',
  'point-tenderness',
  'radicular-pain',
  'radicular-severe-worsening',
  'slr-positive',
  'slr-angle',
  'conservative-tried',
  'surgical-candidate',
  'ibp-features',
  'visceral-signs',
  'limp',
  'irritability',
  'decreased-rom',
  'constant-pain',
  'abnormal-neuro-exam',
  'morning-stiffness',
  'hx-cancer',
  'hx-osteoporosis',
  'hx-chronic-steroids',
  'hx-immunosuppression',
  'hx-ivdu',
  'hx-diabetes',
  'hx-spine-surgery',
  'postop-new-symptoms',
  'hx-spine-procedure-90d',
  'hx-recent-infection-30d',
  'hx-dialysis-catheter',
  'hx-chronic-liver',
  'hx-ankylosing',
] as const;

/** A linkId of §9.1. */
export type LinkId = (typeof LINK_IDS)[number];

/** An answer value as given: boolean, integer, or the code of a choice. */
export type AnswerValue = boolean | number | string;

/** Answers as given, by linkId (unanswered items are absent). */
export type AnswerMap = ReadonlyMap<LinkId, AnswerValue>;

/** Requirement codes of §9.1. */
export type Requirement = 'R' | 'R12' | 'A' | 'P' | 'cond' | 'optional';

/** What enabling conditions may read (§9.2: answers as given; `SPINE_SURGERY` as derived). */
export interface EnableContext {
  readonly age: number;
  readonly answers: AnswerMap;
  /** The derived fact SPINE_SURGERY (chart or answer, §9.2 A6). */
  readonly spineSurgery: boolean;
}

/** One item of §9.1. */
export interface ItemDefinition {
  readonly linkId: LinkId;
  readonly type: 'boolean' | 'integer' | 'choice';
  readonly requirement: Requirement;
  /** Choice codes (choice items). */
  readonly options?: readonly string[];
  /** Integer range (integer items); `max` undefined = unbounded. */
  readonly min?: number;
  readonly max?: number;
  /** The "cond." part of §9.1 (for A items, in addition to `AGE ≥ 18`). */
  readonly condition?: (ctx: EnableContext) => boolean;
}

/** What the Questionnaire resource says about an item: type, answer codes, integer range. */
interface QuestionnaireItemShape {
  readonly type: ItemDefinition['type'];
  readonly options?: readonly string[];
  readonly min?: number;
  readonly max?: number;
}

const MIN_VALUE = 'http://hl7.org/fhir/StructureDefinition/minValue';
const MAX_VALUE = 'http://hl7.org/fhir/StructureDefinition/maxValue';

function integerExtension(item: Record<string, unknown>, url: string): number | undefined {
  const list = Array.isArray(item.extension) ? item.extension : [];
  for (const ext of list) {
    if (isRecord(ext) && ext.url === url && typeof ext.valueInteger === 'number')
      return ext.valueInteger;
  }
  return undefined;
}

/**
 * Reads the shapes of the Questionnaire's items (nested groups included): `boolean`, `integer`
 * with min/max extensions, `choice` with its answerOption codes.
 * @param resource - the Questionnaire JSON
 */
export function questionnaireShapes(
  resource: unknown,
): ReadonlyMap<string, QuestionnaireItemShape> {
  const shapes = new Map<string, QuestionnaireItemShape>();
  const walk = (items: unknown) => {
    if (!Array.isArray(items)) return;
    for (const item of items) {
      if (!isRecord(item) || typeof item.linkId !== 'string') continue;
      const type = item.type;
      if (type === 'boolean') shapes.set(item.linkId, { type });
      else if (type === 'integer') {
        shapes.set(item.linkId, {
          type,
          min: integerExtension(item, MIN_VALUE),
          max: integerExtension(item, MAX_VALUE),
        });
      } else if (type === 'choice') {
        const options = (Array.isArray(item.answerOption) ? item.answerOption : []).flatMap(
          (o: unknown) =>
            isRecord(o) && isRecord(o.valueCoding) && typeof o.valueCoding.code === 'string'
              ? [o.valueCoding.code]
              : [],
        );
        shapes.set(item.linkId, { type, options });
      }
      walk(item.item);
    }
  };
  walk(isRecord(resource) ? resource.item : undefined);
  return shapes;
}

const SHAPES = questionnaireShapes(questionnaire);

const isTrue = (answers: AnswerMap, linkId: LinkId): boolean => answers.get(linkId) === true;
const durationAbove = (answers: AnswerMap, days: number, inclusive: boolean): boolean => {
  const d = answers.get('duration-days');
  return typeof d === 'number' && (inclusive ? d >= days : d > days);
};

/** Requirement codes and conditions of §9.1 (engine semantics), in §9.1 order. */
const REQUIREMENTS: readonly (readonly [LinkId, Requirement, ItemDefinition['condition']?])[] = [
  ['duration-days', 'R'],
  ['pain-location', 'R'],
  ['pain-nrs', 'optional'],
  ['night-pain', 'R'],
  ['fever-reported', 'R'],
  ['weight-loss-unexplained', 'R'],
  ['trauma', 'R'],
  ['urinary-retention', 'R'],
  ['incontinence-new', 'R'],
  ['saddle-anesthesia', 'R'],
  ['bilateral-leg-deficit', 'R'],
  ['sexual-dysfunction-new', 'R12'],
  ['neuro-progressive', 'R'],
  ['motor-multilevel', 'R'],
  ['cord-signs', 'R'],
  ['motor-grade-min', 'A'],
  ['point-tenderness', 'R'],
  ['radicular-pain', 'R'],
  ['radicular-severe-worsening', 'A', ({ answers }) => isTrue(answers, 'radicular-pain')],
  ['slr-positive', 'optional'],
  ['slr-angle', 'optional', ({ answers }) => isTrue(answers, 'slr-positive')],
  ['conservative-tried', 'A', ({ answers }) => durationAbove(answers, 28, false)],
  [
    'surgical-candidate',
    'A',
    ({ answers }) => durationAbove(answers, 42, true) && isTrue(answers, 'conservative-tried'),
  ],
  ['ibp-features', 'A'],
  ['visceral-signs', 'optional'],
  ['limp', 'P'],
  ['irritability', 'P'],
  ['decreased-rom', 'P'],
  ['constant-pain', 'P'],
  ['abnormal-neuro-exam', 'P'],
  ['morning-stiffness', 'P'],
  ['hx-cancer', 'R'],
  ['hx-osteoporosis', 'R'],
  ['hx-chronic-steroids', 'R'],
  ['hx-immunosuppression', 'R'],
  ['hx-ivdu', 'R'],
  ['hx-diabetes', 'R'],
  ['hx-spine-surgery', 'R'],
  ['postop-new-symptoms', 'cond', ({ spineSurgery }) => spineSurgery],
  ['hx-spine-procedure-90d', 'R'],
  ['hx-recent-infection-30d', 'R'],
  ['hx-dialysis-catheter', 'R'],
  ['hx-chronic-liver', 'R'],
  ['hx-ankylosing', 'A'],
];

/**
 * The items of §9.1 in order: requirement and condition from the engine table, type, options and
 * range from the Questionnaire resource (an item missing there is read as boolean; a test checks
 * that none is missing).
 */
export const ITEMS: readonly ItemDefinition[] = REQUIREMENTS.map(
  ([linkId, requirement, condition]) => {
    const shape = SHAPES.get(linkId) ?? { type: 'boolean' };
    return {
      linkId,
      requirement,
      type: shape.type,
      ...(shape.options === undefined ? {} : { options: shape.options }),
      ...(shape.min === undefined ? {} : { min: shape.min }),
      ...(shape.max === undefined ? {} : { max: shape.max }),
      ...(condition === undefined ? {} : { condition }),
    };
  },
);

/** The item of a linkId. */
export const ITEM_BY_LINK_ID: ReadonlyMap<string, ItemDefinition> = new Map(
  ITEMS.map((item) => [item.linkId, item]),
);

/** Whether a string is a linkId of §9.1. */
export function isLinkId(value: string): value is LinkId {
  return ITEM_BY_LINK_ID.has(value);
}

/**
 * Whether an item is enabled (§9.1, §9.2): age gates (R12 from 12, A from 18, P below 18), then
 * the item's condition evaluated on the answers as given (an unanswered enabling item leaves its
 * dependants disabled). Disabled items are not shown, not required and read as their default.
 * @param item - the item
 * @param ctx - age, answers as given, and the derived SPINE_SURGERY
 */
export function isEnabled(item: ItemDefinition, ctx: EnableContext): boolean {
  if (item.requirement === 'R12' && ctx.age < 12) return false;
  if (item.requirement === 'A' && ctx.age < 18) return false;
  if (item.requirement === 'P' && ctx.age >= 18) return false;
  if (item.condition !== undefined && !item.condition(enabledAnswers(ctx))) return false;
  return true;
}

/**
 * Answers as given restricted to enabled enabling items: `surgical-candidate` reads
 * `conservative-tried`, which only counts when that item is itself enabled.
 */
function enabledAnswers(ctx: EnableContext): EnableContext {
  const answers = new Map(ctx.answers);
  const conservative = ITEM_BY_LINK_ID.get('conservative-tried');
  if (conservative !== undefined && conservative.condition !== undefined) {
    const enabled = ctx.age >= 18 && conservative.condition(ctx);
    if (!enabled) answers.delete('conservative-tried');
  }
  return { ...ctx, answers };
}

/** Whether an item is required when enabled (everything except `optional`). */
export function isRequired(item: ItemDefinition): boolean {
  return item.requirement !== 'optional';
}

/**
 * The value the engine uses for a disabled item (§9.2) or an enabled but unanswered one (§8.4):
 * booleans `false`, `trauma` none, `motor-grade-min` 5, `hx-ivdu` never, `pain-location` unable
 * (only as a substitute: it is never disabled), other integers no value.
 * @param item - the item
 */
export function substituteValue(item: ItemDefinition): AnswerValue | undefined {
  const special = SUBSTITUTES.get(item.linkId);
  if (special !== undefined) return special;
  return item.type === 'boolean' ? false : undefined;
}

/** Substitutes of §8.4 for the non-boolean items that have one. */
const SUBSTITUTES: ReadonlyMap<LinkId, AnswerValue> = new Map<LinkId, AnswerValue>([
  ['trauma', 'none'],
  ['motor-grade-min', 5],
  ['hx-ivdu', 'never'],
  ['pain-location', 'unable'],
]);

/**
 * Items enabled for an age and answers, in §9.1 order (for the UI: which items to show).
 * @param ctx - age, answers as given and SPINE_SURGERY
 */
export function enabledItems(ctx: EnableContext): readonly ItemDefinition[] {
  return ITEMS.filter((item) => isEnabled(item, ctx));
}

/**
 * Required items that are enabled and unanswered, in §9.1 order (§8.4 `missingItems` for one age).
 * @param ctx - age, answers as given and SPINE_SURGERY
 */
export function missingItemsFor(ctx: EnableContext): readonly LinkId[] {
  return ITEMS.filter(
    (item) => isRequired(item) && isEnabled(item, ctx) && !ctx.answers.has(item.linkId),
  ).map((item) => item.linkId);
}

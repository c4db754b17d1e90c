/**
 * The questionnaire as the screen renders it (clinical-spec §9.1, §9.5): the Questionnaire
 * resource from `fhir-profiles/` read into groups of questions, with texts, answer options,
 * integer ranges, units and help texts from the resource, and requirement from the engine's item
 * table. Which items are shown is the engine's decision (`itemsToShow`); this module only shapes
 * the resource for rendering. Pure.
 */
import type { Extension, Questionnaire, QuestionnaireItem } from 'fhir/r4';
import type { AgeRange } from '@/lib/redflags/age';
import { ITEM_BY_LINK_ID, isRequired } from '@/lib/redflags/items';

const HIDDEN = 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden';
const MIN_VALUE = 'http://hl7.org/fhir/StructureDefinition/minValue';
const MAX_VALUE = 'http://hl7.org/fhir/StructureDefinition/maxValue';
const UNIT = 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit';
const TEXT_EXPRESSION = 'http://hl7.org/fhir/StructureDefinition/cqf-expression';

/** An answer option of a choice item. */
export interface OptionView {
  readonly code: string;
  readonly display: string;
}

/** One question as rendered. */
export interface QuestionView {
  readonly linkId: string;
  /** The item text, with the age-dependent wording the resource gives (display only). */
  readonly text: string;
  readonly type: 'boolean' | 'integer' | 'choice' | 'unsupported';
  /** The resource's item type (for an unsupported one, to say what it is). */
  readonly resourceType: string;
  readonly options: readonly OptionView[];
  readonly min: number | undefined;
  readonly max: number | undefined;
  readonly unit: string | undefined;
  /** Texts of the item's `display` children (help). */
  readonly help: readonly string[];
  /** Whether the engine knows the item (a §9.1 linkId). */
  readonly known: boolean;
  /** Required when shown (engine requirement codes; items the engine does not know are optional). */
  readonly required: boolean;
}

/** A presentation group (§9.5) with its shown questions. */
export interface GroupView {
  /** The group item's linkId (`grp-…`), or `undefined` for top-level questions outside a group. */
  readonly linkId: string | undefined;
  readonly text: string;
  readonly questions: readonly QuestionView[];
}

function extensionOf(item: { extension?: Extension[] }, url: string): Extension | undefined {
  return (item.extension ?? []).find((e) => e.url === url);
}

function isHidden(item: QuestionnaireItem): boolean {
  return extensionOf(item, HIDDEN)?.valueBoolean === true;
}

/** Whether a condition on the age holds for every possible age (false when the age is unknown). */
function holdsForAll(range: AgeRange, test: (age: number) => boolean): boolean {
  if (range.max === undefined) return false;
  for (let age = range.min; age <= range.max; age += 1) if (!test(age)) return false;
  return true;
}

const AGE_TEXT =
  /^iif\(\s*%patient\.birthDate\s*(<=|>)\s*today\(\)\s*-\s*(\d+)\s*years?\s*,\s*'((?:[^'\\]|\\.)*)'\s*,\s*'((?:[^'\\]|\\.)*)'\s*\)$/;

/**
 * The item text for the patient's possible ages. The resource gives age-dependent wording as a
 * `cqf-expression` on `text` of the form `iif(%patient.birthDate <= today() - N years, 'a', 'b')`
 * (age ≥ N) or `… > today() - N years …` (age < N); like FHIRPath, a condition that is not
 * certain for every possible age (unknown or partial birth date) takes the second text.
 * @param item - the Questionnaire item
 * @param ageRange - the patient's possible ages
 */
export function itemText(item: QuestionnaireItem, ageRange: AgeRange): string {
  const fallback = item.text ?? item.linkId;
  const expression = extensionOf(item._text ?? {}, TEXT_EXPRESSION)?.valueExpression?.expression;
  const match = expression === undefined ? null : AGE_TEXT.exec(expression.trim());
  if (!match) return fallback;
  const [, operator, years, whenTrue, whenFalse] = match;
  const limit = Number(years);
  const holds = holdsForAll(ageRange, (age) => (operator === '<=' ? age >= limit : age < limit));
  const chosen = holds ? whenTrue : whenFalse;
  return chosen === undefined ? fallback : chosen.replace(/\\(.)/g, '$1');
}

function integerExtension(item: QuestionnaireItem, url: string): number | undefined {
  const value = extensionOf(item, url)?.valueInteger;
  return typeof value === 'number' ? value : undefined;
}

function toQuestion(item: QuestionnaireItem, ageRange: AgeRange): QuestionView {
  const definition = ITEM_BY_LINK_ID.get(item.linkId);
  const type =
    item.type === 'boolean' || item.type === 'integer' || item.type === 'choice'
      ? item.type
      : 'unsupported';
  const unitCoding = extensionOf(item, UNIT)?.valueCoding;
  return {
    linkId: item.linkId,
    text: itemText(item, ageRange),
    type,
    resourceType: item.type,
    options: (item.answerOption ?? []).flatMap((option) =>
      option.valueCoding?.code
        ? [
            {
              code: option.valueCoding.code,
              display: option.valueCoding.display ?? option.valueCoding.code,
            },
          ]
        : [],
    ),
    min: integerExtension(item, MIN_VALUE),
    max: integerExtension(item, MAX_VALUE),
    unit: unitCoding?.display ?? unitCoding?.code,
    help: (item.item ?? []).flatMap((child) =>
      child.type === 'display' && child.text ? [child.text] : [],
    ),
    known: definition !== undefined,
    required: definition !== undefined && isRequired(definition),
  };
}

/** Whether an item is a question the clinician answers (not a group, display or hidden item). */
function isQuestion(item: QuestionnaireItem): boolean {
  return item.type !== 'group' && item.type !== 'display' && !isHidden(item);
}

/**
 * Whether a question is shown: an item the engine knows is shown when the engine enables it;
 * an item the engine does not know (added to the resource) is always shown.
 */
function isShown(item: QuestionnaireItem, shown: ReadonlySet<string>): boolean {
  return ITEM_BY_LINK_ID.has(item.linkId) ? shown.has(item.linkId) : true;
}

/**
 * The questions the engine does not know (items added to the Questionnaire resource): they are
 * rendered and written, but never decide anything.
 * @param questionnaire - the Questionnaire resource
 */
export function extraLinkIds(questionnaire: Questionnaire): readonly string[] {
  const out: string[] = [];
  const walk = (items: readonly QuestionnaireItem[] | undefined) => {
    for (const item of items ?? []) {
      if (isQuestion(item) && !ITEM_BY_LINK_ID.has(item.linkId)) out.push(item.linkId);
      walk(item.item);
    }
  };
  walk(questionnaire.item);
  return out;
}

/**
 * The groups and questions to render, in the resource's order (§9.5 presentation order). Groups
 * without a shown question are left out; top-level questions outside a group are gathered into
 * groups without a linkId.
 * @param questionnaire - the Questionnaire resource
 * @param shown - linkIds the engine enables for this patient and these answers (`itemsToShow`)
 * @param ageRange - the patient's possible ages (for age-dependent wording)
 */
export function toQuestionnaireView(
  questionnaire: Questionnaire,
  shown: ReadonlySet<string>,
  ageRange: AgeRange,
): readonly GroupView[] {
  const groups: GroupView[] = [];
  let loose: QuestionView[] = [];
  const flushLoose = () => {
    if (loose.length > 0)
      groups.push({ linkId: undefined, text: 'Other questions', questions: loose });
    loose = [];
  };
  const questionsIn = (items: readonly QuestionnaireItem[] | undefined): QuestionView[] =>
    (items ?? []).flatMap((item) => {
      if (item.type === 'group') return questionsIn(item.item);
      if (!isQuestion(item) || !isShown(item, shown)) return [];
      return [toQuestion(item, ageRange), ...questionsIn(item.item)];
    });
  for (const item of questionnaire.item ?? []) {
    if (item.type === 'group') {
      flushLoose();
      const questions = questionsIn(item.item);
      if (questions.length > 0) {
        groups.push({ linkId: item.linkId, text: item.text ?? item.linkId, questions });
      }
    } else if (isQuestion(item) && isShown(item, shown)) {
      loose.push(toQuestion(item, ageRange), ...questionsIn(item.item));
    }
  }
  flushLoose();
  return groups;
}

/**
 * The text of every question of the resource by linkId (for the missing-items list, the summary
 * and the print view), with the age-dependent wording.
 * @param questionnaire - the Questionnaire resource
 * @param ageRange - the patient's possible ages
 */
export function questionTexts(
  questionnaire: Questionnaire,
  ageRange: AgeRange,
): ReadonlyMap<string, string> {
  const texts = new Map<string, string>();
  const walk = (items: readonly QuestionnaireItem[] | undefined) => {
    for (const item of items ?? []) {
      if (item.type !== 'group' && item.type !== 'display') {
        texts.set(item.linkId, itemText(item, ageRange));
      }
      walk(item.item);
    }
  };
  walk(questionnaire.item);
  return texts;
}

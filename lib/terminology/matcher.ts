import type {
  CodeSystem,
  CodeSystemConcept,
  CodeableConcept,
  Coding,
  ValueSet,
  ValueSetComposeInclude,
  ValueSetComposeIncludeFilter,
} from 'fhir/r4';
import { EXTERNAL_SYSTEMS } from './canonical-urls';

/** A compiled ValueSet: membership tests over codings, and the codes it can enumerate. */
export interface CodeMatcher {
  /** Canonical URL of the compiled ValueSet. */
  readonly url: string;
  /**
   * The codings the ValueSet lists, in compose order (explicit concepts, referenced value sets,
   * and filters over a CodeSystem it was given). Regex ranges cannot be enumerated and are absent.
   */
  readonly codings: readonly Coding[];
  /** True when the coding's system and code are in the ValueSet. */
  matchesCoding(coding: Coding | undefined): boolean;
  /** True when any coding of the concept is in the ValueSet. */
  matchesConcept(concept: CodeableConcept | undefined): boolean;
  /** The first coding of the concept that is in the ValueSet. */
  findCoding(concept: CodeableConcept | undefined): Coding | undefined;
}

/** Where `compileValueSet` finds the resources a ValueSet refers to. */
export interface CompileContext {
  /** A compiled ValueSet named by `compose.include.valueSet`. */
  readonly valueSet?: (url: string) => CodeMatcher | undefined;
  /** A CodeSystem needed to evaluate a hierarchical filter (`is-a`, `descendent-of`, `is-not-a`). */
  readonly codeSystem?: (url: string) => CodeSystem | undefined;
}

/**
 * Normalises a code for comparison. ICD-10-CM codes are compared without the dot and
 * case-insensitively (spec §3.6: `C50.911` = `c50911`); other systems compare exactly.
 * @param system - code system URI
 * @param code - the code as recorded
 * @returns the comparison key
 */
export function normalizeCode(system: string, code: string): string {
  return system === EXTERNAL_SYSTEMS.ICD_10_CM
    ? code.trim().replace(/\./g, '').toUpperCase()
    : code;
}

type CodeTest = (code: string, normalized: string) => boolean;

interface Criterion {
  readonly system: string | undefined;
  readonly test: CodeTest | undefined;
  readonly valueSets: readonly CodeMatcher[];
}

const stripVersion = (url: string): string => url.split('|')[0] ?? url;

function flatten(concepts: readonly CodeSystemConcept[] | undefined): CodeSystemConcept[] {
  return (concepts ?? []).flatMap((c) => [c, ...flatten(c.concept)]);
}

function descendants(codeSystem: CodeSystem, code: string): Set<string> {
  const root = flatten(codeSystem.concept).find((c) => c.code === code);
  return new Set(flatten(root?.concept).map((c) => c.code));
}

function compileFilter(
  system: string,
  filter: ValueSetComposeIncludeFilter,
  context: CompileContext,
  url: string,
): { test: CodeTest; enumerate: (() => readonly string[]) | undefined } {
  const { property, op, value } = filter;
  if (property === 'code' && op === 'regex') {
    // The whole code must match (XML Schema style); tested on the code as recorded (ICD-10-CM
    // upper-cased) and on its normalised form, so a regex may be written with or without the dot.
    const regex = new RegExp(`^(?:${value})$`, system === EXTERNAL_SYSTEMS.ICD_10_CM ? 'i' : '');
    const upper = system === EXTERNAL_SYSTEMS.ICD_10_CM;
    return {
      test: (code, normalized) =>
        regex.test(upper ? code.trim().toUpperCase() : code) || regex.test(normalized),
      enumerate: undefined,
    };
  }
  if (property === 'code' && (op === '=' || op === 'in')) {
    const listed = op === 'in' ? value.split(',') : [value];
    const codes = new Set(listed.map((c) => normalizeCode(system, c.trim())));
    return { test: (_code, normalized) => codes.has(normalized), enumerate: () => [...codes] };
  }
  if (property === 'concept' && (op === 'is-a' || op === 'descendent-of' || op === 'is-not-a')) {
    const codeSystem = context.codeSystem?.(system);
    if (!codeSystem) {
      throw new Error(
        `ValueSet ${url}: filter "${op}" on ${system} needs that CodeSystem, which was not loaded`,
      );
    }
    const below = descendants(codeSystem, value);
    const all = flatten(codeSystem.concept).map((c) => c.code);
    const members = new Set(
      op === 'is-not-a'
        ? all.filter((c) => c !== value && !below.has(c))
        : [...(op === 'is-a' ? [value] : []), ...below],
    );
    return { test: (code) => members.has(code), enumerate: () => [...members] };
  }
  throw new Error(`ValueSet ${url}: unsupported filter ${property} ${op} on ${system}`);
}

function compileInclude(
  include: ValueSetComposeInclude,
  context: CompileContext,
  url: string,
  codings: Coding[],
): Criterion {
  const valueSets = (include.valueSet ?? []).map((ref) => {
    const matcher = context.valueSet?.(stripVersion(ref));
    if (!matcher) throw new Error(`ValueSet ${url}: referenced ValueSet ${ref} was not loaded`);
    return matcher;
  });
  const system = include.system;
  if (system === undefined) {
    if (valueSets.length === 0)
      throw new Error(`ValueSet ${url}: an include needs a system or a valueSet`);
    if (valueSets.length === 1) codings.push(...(valueSets[0]?.codings ?? []));
    return { system, test: undefined, valueSets };
  }
  let test: CodeTest | undefined;
  // A concept list, even an emptied one, is an explicit list: only "no concept and no filter"
  // means the whole code system.
  if (include.concept !== undefined) {
    const codes = new Set(include.concept.map((c) => normalizeCode(system, c.code)));
    test = (_code, normalized) => codes.has(normalized);
    codings.push(
      ...include.concept.map((c): Coding => ({
        system,
        code: c.code,
        ...(c.display ? { display: c.display } : {}),
      })),
    );
  } else if (include.filter && include.filter.length > 0) {
    const filters = include.filter.map((f) => compileFilter(system, f, context, url));
    test = (code, normalized) => filters.every((f) => f.test(code, normalized));
    const enumerable = filters.every((f) => f.enumerate !== undefined);
    if (enumerable) {
      const [first] = filters;
      for (const code of first?.enumerate?.() ?? []) {
        if (test(code, normalizeCode(system, code))) codings.push({ system, code });
      }
    }
  }
  return { system, test, valueSets };
}

function matches(
  criterion: Criterion,
  coding: Coding,
  system: string,
  code: string,
  normalized: string,
): boolean {
  if (criterion.system !== undefined && criterion.system !== system) return false;
  if (criterion.test && !criterion.test(code, normalized)) return false;
  return criterion.valueSets.every((vs) => vs.matchesCoding(coding));
}

/**
 * Compiles a ValueSet's `compose` into a fast matcher (Sets and precompiled RegExps). Supports
 * explicit concepts, whole-system includes, `regex` / `=` / `in` filters on `code`, hierarchical
 * filters over a CodeSystem supplied by `context`, `include.valueSet`, and `exclude`. Anything
 * else throws, so a value set is never silently read as empty.
 * @param valueSet - the ValueSet resource (data; tests may pass a modified copy)
 * @param context - resolvers for referenced ValueSets and CodeSystems
 * @returns the matcher
 */
export function compileValueSet(valueSet: ValueSet, context: CompileContext = {}): CodeMatcher {
  const url = valueSet.url ?? `ValueSet/${valueSet.id ?? '?'}`;
  if (!valueSet.compose) throw new Error(`ValueSet ${url} has no compose`);
  const codings: Coding[] = [];
  const includes = valueSet.compose.include.map((inc) =>
    compileInclude(inc, context, url, codings),
  );
  const excludes = (valueSet.compose.exclude ?? []).map((exc) =>
    compileInclude(exc, context, url, []),
  );
  const bySystem = new Map<string | undefined, Criterion[]>();
  for (const criterion of includes) {
    const list = bySystem.get(criterion.system) ?? [];
    list.push(criterion);
    bySystem.set(criterion.system, list);
  }
  const anySystem = bySystem.get(undefined) ?? [];

  const matchesCoding = (coding: Coding | undefined): boolean => {
    const system = coding?.system;
    const code = coding?.code;
    if (!coding || !system || !code) return false;
    const normalized = normalizeCode(system, code);
    const candidates = bySystem.get(system);
    const included =
      (candidates?.some((c) => matches(c, coding, system, code, normalized)) ?? false) ||
      anySystem.some((c) => matches(c, coding, system, code, normalized));
    return included && !excludes.some((c) => matches(c, coding, system, code, normalized));
  };
  const excluded = (coding: Coding): boolean => !matchesCoding(coding);
  const enumerated = codings.filter((c) => !excluded(c));
  const unique = enumerated.filter(
    (c, i) => enumerated.findIndex((d) => d.system === c.system && d.code === c.code) === i,
  );

  return {
    url,
    codings: unique,
    matchesCoding,
    matchesConcept: (concept) => concept?.coding?.some(matchesCoding) ?? false,
    findCoding: (concept) => concept?.coding?.find(matchesCoding),
  };
}

import { getSearchParameter } from '@medplum/core';
import type { FhirError } from './outcome';
import { fhirError } from './outcome';

/**
 * The search parameters the sandbox supports, per resource type. Anything else answers 400: an
 * unsupported parameter must never look like "no results" to the app under test.
 *
 * Medplum's in-memory matcher is used for every parameter listed here; the list only names what
 * it matches correctly (number/quantity/composite parameters, `:text`, `:in`, `:below`, `:above`,
 * `:exact`, `:identifier`, chains, `_has`, `_include` and friends are silently ignored or return
 * nothing in Medplum, so they are refused here).
 */
export const SEARCH_PARAMS: Readonly<Record<string, readonly string[]>> = {
  Patient: ['identifier', 'name', 'family', 'given', 'birthdate', 'gender', 'active'],
  Practitioner: ['identifier', 'name', 'family', 'given', 'active'],
  Observation: [
    'patient',
    'subject',
    'code',
    'category',
    'date',
    'status',
    'identifier',
    'encounter',
  ],
  Condition: [
    'patient',
    'subject',
    'code',
    'category',
    'clinical-status',
    'verification-status',
    'onset-date',
    'recorded-date',
    'identifier',
    'encounter',
  ],
  Procedure: ['patient', 'subject', 'code', 'date', 'status', 'identifier', 'encounter'],
  MedicationRequest: [
    'patient',
    'subject',
    'code',
    'status',
    'intent',
    'authoredon',
    'identifier',
    'encounter',
  ],
  QuestionnaireResponse: [
    'patient',
    'subject',
    'questionnaire',
    'status',
    'authored',
    'identifier',
    'encounter',
    'author',
  ],
  ServiceRequest: [
    'patient',
    'subject',
    'code',
    'category',
    'status',
    'intent',
    'authored',
    'identifier',
    'encounter',
    'requester',
  ],
  Encounter: ['patient', 'subject', 'date', 'status', 'class', 'type', 'identifier'],
  DocumentReference: [
    'patient',
    'subject',
    'type',
    'category',
    'date',
    'status',
    'identifier',
    'encounter',
  ],
};

/** Parameters every resource type supports. */
export const COMMON_SEARCH_PARAMS: readonly string[] = ['_id', '_lastUpdated'];

/** Result parameters the sandbox understands (`_summary` only as `count` or `false`). */
export const RESULT_PARAMS: readonly string[] = [
  '_count',
  '_offset',
  '_sort',
  '_summary',
  '_total',
  '_format',
  '_pretty',
];

/** Page size when the client sends no `_count`. */
export const DEFAULT_PAGE_SIZE = 50;
/** Largest page the sandbox answers; a larger `_count` is capped (the next link still works). */
export const MAX_PAGE_SIZE = 500;

const MODIFIERS_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  token: ['', 'not', 'missing'],
  string: ['', 'contains', 'missing'],
  date: ['', 'missing'],
  reference: ['', 'missing'],
  uri: ['', 'missing'],
};
const DATE_PREFIXES = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'sa', 'eb', 'ap']);
const DATE_VALUE =
  /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;
const FORMATS = new Set(['json', 'application/json', 'application/fhir+json']);
const SORTABLE_TYPES = new Set(['date', 'token', 'string', 'reference', 'uri']);

/**
 * The search parameters a resource type supports (common ones included).
 * @param resourceType - A resource type.
 */
export function supportedSearchParams(resourceType: string): readonly string[] {
  return [...COMMON_SEARCH_PARAMS, ...(SEARCH_PARAMS[resourceType] ?? [])];
}

/** A validated, normalised search. */
export interface SearchPlan {
  readonly resourceType: string;
  /** What Medplum runs: filters (bare ids rewritten), `_sort`, `_count` and `_offset`. */
  readonly query: URLSearchParams;
  /** The client's own filters and `_sort`, without paging: the base of self/next/previous links. */
  readonly linkQuery: URLSearchParams;
  readonly count: number;
  readonly offset: number;
}

function unsupported(name: string, detail: string): FhirError {
  return fhirError(
    400,
    'not-supported',
    `Search parameter '${name}' is not supported: ${detail}`,
    name,
  );
}

function invalid(name: string, detail: string): FhirError {
  return fhirError(400, 'invalid', `Search parameter '${name}': ${detail}`, name);
}

function parseNonNegativeInteger(name: string, value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw invalid(name, `'${value}' is not a non-negative integer`);
  return Number(value);
}

/**
 * Rewrites one reference search value: a bare id (`123`, as fhirclient and EHRs send it) becomes
 * an OR over the parameter's target types (`Patient/123`), and an absolute URL on this server
 * becomes relative, because Medplum compares reference strings literally.
 */
function normalizeReferenceValue(
  value: string,
  targets: readonly string[],
  baseUrl: string,
): string {
  const prefix = `${baseUrl.replace(/\/$/, '')}/`;
  return value
    .split(',')
    .map((item) => {
      if (item.startsWith(prefix)) return item.slice(prefix.length);
      if (item.includes('/') || item.includes(':')) return item;
      return targets.map((target) => `${target}/${item}`).join(',');
    })
    .join(',');
}

function normalizeFilter(
  resourceType: string,
  key: string,
  value: string,
  baseUrl: string,
): [string, string] {
  if (key.startsWith('_has') || key.includes('.')) {
    throw unsupported(key, 'chained and reverse-chained (_has) parameters are not implemented');
  }
  const colon = key.indexOf(':');
  const code = colon >= 0 ? key.slice(0, colon) : key;
  const modifier = colon >= 0 ? key.slice(colon + 1) : '';
  if (!supportedSearchParams(resourceType).includes(code)) {
    throw unsupported(
      code,
      `${resourceType} supports ${supportedSearchParams(resourceType).join(', ')}`,
    );
  }
  const definition = getSearchParameter(resourceType, code);
  if (!definition) throw unsupported(code, `no such ${resourceType} parameter`);
  const type = definition.type;
  const targets = definition.target ?? [];
  const allowed = MODIFIERS_BY_TYPE[type] ?? [];
  const typeModifier = type === 'reference' && targets.some((target) => target === modifier);
  if (!allowed.includes(modifier) && !typeModifier) {
    throw unsupported(key, `modifier ':${modifier}' is not implemented for ${type} parameters`);
  }
  if (value === '') throw invalid(key, 'empty value');
  if (modifier === 'missing') {
    if (value !== 'true' && value !== 'false') throw invalid(key, ':missing takes true or false');
    return [key, value];
  }
  if (type === 'date') {
    if (value.includes(',')) {
      throw unsupported(
        code,
        'OR-lists of dates are not implemented; repeat the parameter for AND',
      );
    }
    const prefix = /^[a-z]{2}/.test(value) ? value.slice(0, 2) : '';
    if (prefix && !DATE_PREFIXES.has(prefix)) throw unsupported(code, `prefix '${prefix}'`);
    if (!DATE_VALUE.test(value.slice(prefix.length))) {
      throw invalid(code, `'${value}' is not a FHIR date or dateTime`);
    }
    return [key, value];
  }
  if (type === 'reference') {
    const scopedTargets = typeModifier ? [modifier] : targets;
    return [code, normalizeReferenceValue(value, scopedTargets, baseUrl)];
  }
  return [key, value];
}

function normalizeSort(resourceType: string, key: string, value: string): string[] {
  const modifier = key.slice('_sort'.length);
  if (modifier !== '' && modifier !== ':asc' && modifier !== ':desc') {
    throw unsupported(key, 'use _sort=<param> or _sort=-<param>');
  }
  return value.split(',').map((raw) => {
    const item = raw.trim();
    const descending = item.startsWith('-') !== (modifier === ':desc');
    const code = item.replace(/^-/, '');
    const definition = getSearchParameter(resourceType, code);
    if (
      !supportedSearchParams(resourceType).includes(code) ||
      !definition ||
      !SORTABLE_TYPES.has(definition.type ?? '')
    ) {
      throw unsupported('_sort', `cannot sort ${resourceType} by '${code}'`);
    }
    return descending ? `-${code}` : code;
  });
}

/**
 * Validates and normalises a type-level search.
 * @param resourceType - The searched type.
 * @param params - The client's parameters (query string, or form body of `_search`).
 * @param baseUrl - The absolute FHIR base (absolute references to it become relative).
 * @returns The plan; throws a 400 {@link FhirError} naming the first unsupported parameter.
 */
export function planSearch(
  resourceType: string,
  params: URLSearchParams,
  baseUrl: string,
): SearchPlan {
  const query = new URLSearchParams();
  const linkQuery = new URLSearchParams();
  const sort: string[] = [];
  let count = DEFAULT_PAGE_SIZE;
  let offset = 0;
  let summaryCount = false;
  for (const [key, value] of params) {
    const name = key.split(':')[0] ?? key;
    switch (name) {
      case '_count':
        count = Math.min(parseNonNegativeInteger(key, value), MAX_PAGE_SIZE);
        continue;
      case '_offset':
        offset = parseNonNegativeInteger(key, value);
        continue;
      case '_sort':
        sort.push(...normalizeSort(resourceType, key, value));
        linkQuery.append(key, value);
        continue;
      case '_summary':
        if (value === 'count') summaryCount = true;
        else if (value !== 'false') throw unsupported(key, `only _summary=count is implemented`);
        linkQuery.append(key, value);
        continue;
      case '_total':
        if (!['none', 'estimate', 'accurate'].includes(value)) throw invalid(key, `'${value}'`);
        continue;
      case '_format':
        if (!FORMATS.has(value)) throw unsupported(key, 'the sandbox answers JSON only');
        continue;
      case '_pretty':
        continue;
      default: {
        if (key !== name && RESULT_PARAMS.includes(name)) throw unsupported(key, 'no modifiers');
        const [medplumKey, medplumValue] = normalizeFilter(resourceType, key, value, baseUrl);
        query.append(medplumKey, medplumValue);
        linkQuery.append(key, value);
      }
    }
  }
  if (summaryCount) count = 0;
  if (sort.length > 0) query.set('_sort', sort.join(','));
  query.set('_count', String(count));
  query.set('_offset', String(offset));
  return { resourceType, query, linkQuery, count, offset };
}

/**
 * Validates and normalises the query of a conditional create (`If-None-Exist`): the same rules
 * as a search, without paging or sorting.
 * @param resourceType - The type being created.
 * @param ifNoneExist - The header value (`identifier=system|value`).
 * @param baseUrl - The absolute FHIR base.
 */
export function normalizeConditionQuery(
  resourceType: string,
  ifNoneExist: string,
  baseUrl: string,
): string {
  const params = new URLSearchParams(ifNoneExist.replace(/^\?/, ''));
  const query = new URLSearchParams();
  for (const [key, value] of params) {
    if (key.startsWith('_') && !COMMON_SEARCH_PARAMS.includes(key.split(':')[0] ?? key)) {
      throw unsupported(key, 'not allowed in If-None-Exist');
    }
    query.append(...normalizeFilter(resourceType, key, value, baseUrl));
  }
  if ([...query.keys()].length === 0) throw invalid('If-None-Exist', 'no search parameters');
  return query.toString();
}

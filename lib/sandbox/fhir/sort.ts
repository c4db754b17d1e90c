import type { SortRule } from '@medplum/core';
import {
  convertToSearchableDates,
  convertToSearchableReferences,
  convertToSearchableStrings,
  convertToSearchableTokens,
  evalFhirPathTyped,
  getSearchParameter,
  toTypedValue,
} from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';

/**
 * `_sort` for search results. Medplum's MemoryRepository applies each sort key as a separate
 * stable sort (so the *last* key wins) and compares JSON strings (so `2026-01-01T10:00:00+02:00`
 * and missing values sort arbitrarily). Here the first key is primary, dates compare as instants,
 * a multi-valued element sorts by its lowest value ascending and its highest value descending, and
 * resources without a value sort last in either direction.
 */

type SortKey = number | string;

function keysOf(resource: Resource, code: string): SortKey[] {
  const param = getSearchParameter(resource.resourceType, code);
  if (!param?.expression) return [];
  const values = evalFhirPathTyped(param.expression, [toTypedValue(resource)]);
  if (param.type === 'date') {
    return convertToSearchableDates(values)
      .map((period) => Date.parse(period.start ?? period.end ?? ''))
      .filter((time) => !Number.isNaN(time));
  }
  if (param.type === 'token') {
    return convertToSearchableTokens(values)
      .map((token) => (token.value ?? '').toLowerCase())
      .filter((value) => value !== '');
  }
  if (param.type === 'reference') return convertToSearchableReferences(values);
  return convertToSearchableStrings(values).map((value) => value.toLowerCase());
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  // Code-point order: the same on every machine and locale.
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

function pick(keys: SortKey[], descending: boolean): SortKey | undefined {
  const sorted = [...keys].sort(compareKeys);
  return descending ? sorted.at(-1) : sorted[0];
}

/**
 * Sorts resources by FHIR `_sort` rules, first rule primary.
 * @param resources - The matches (not mutated).
 * @param rules - Parsed `_sort` rules.
 * @returns A new, sorted array.
 */
export function sortResources<T extends Resource>(
  resources: readonly T[],
  rules: readonly SortRule[],
): T[] {
  if (rules.length === 0) return [...resources];
  const decorated = resources.map((resource) => ({
    resource,
    keys: rules.map((rule) => pick(keysOf(resource, rule.code), rule.descending === true)),
  }));
  decorated.sort((a, b) => {
    for (const [index, rule] of rules.entries()) {
      const left = a.keys[index];
      const right = b.keys[index];
      if (left === undefined && right === undefined) continue;
      if (left === undefined) return 1;
      if (right === undefined) return -1;
      const order = compareKeys(left, right) * (rule.descending === true ? -1 : 1);
      if (order !== 0) return order;
    }
    return 0;
  });
  return decorated.map((item) => item.resource);
}

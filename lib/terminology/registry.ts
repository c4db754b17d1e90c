import type { Bundle, CodeSystem, FhirResource, ValueSet } from 'fhir/r4';
import { compileValueSet, type CodeMatcher } from './matcher';

/** The project ValueSets by canonical URL, compiled on first use. */
export interface ValueSetRegistry {
  /**
   * The compiled ValueSet.
   * @param url - canonical URL (a `|version` suffix is ignored)
   * @throws Error when no such ValueSet was loaded (a programming error: rules name constants)
   */
  valueSet(url: string): CodeMatcher;
  /** True when a ValueSet with that canonical URL was loaded. */
  has(url: string): boolean;
  /** Canonical URLs of every loaded ValueSet. */
  urls(): readonly string[];
}

const isValueSet = (r: FhirResource): r is ValueSet => r.resourceType === 'ValueSet';
const isCodeSystem = (r: FhirResource): r is CodeSystem => r.resourceType === 'CodeSystem';

/**
 * Loads ValueSets (and the CodeSystems their filters need) into a registry. Pass the resources as
 * data: the app passes the generated `fhir-profiles` resources, a test can pass modified copies.
 * @param resources - ValueSet and CodeSystem resources, or a Bundle of them; other types are ignored
 * @returns the registry; ValueSets are compiled lazily and cached
 */
export function loadValueSets(
  resources: readonly FhirResource[] | Bundle<FhirResource>,
): ValueSetRegistry {
  const list: readonly FhirResource[] =
    'resourceType' in resources
      ? (resources.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []))
      : resources;
  const valueSets = new Map<string, ValueSet>();
  const codeSystems = new Map<string, CodeSystem>();
  for (const resource of list) {
    if (isValueSet(resource) && resource.url) valueSets.set(resource.url, resource);
    if (isCodeSystem(resource) && resource.url) codeSystems.set(resource.url, resource);
  }
  const compiled = new Map<string, CodeMatcher>();
  const compiling = new Set<string>();

  const valueSet = (reference: string): CodeMatcher => {
    const url = reference.split('|')[0] ?? reference;
    const cached = compiled.get(url);
    if (cached) return cached;
    const resource = valueSets.get(url);
    if (!resource) throw new Error(`Unknown ValueSet ${url}`);
    if (compiling.has(url)) throw new Error(`ValueSet ${url} includes itself`);
    compiling.add(url);
    try {
      const matcher = compileValueSet(resource, {
        valueSet: (ref) => valueSet(ref),
        codeSystem: (system) => codeSystems.get(system),
      });
      compiled.set(url, matcher);
      return matcher;
    } finally {
      compiling.delete(url);
    }
  };

  return {
    valueSet,
    has: (url) => valueSets.has(url.split('|')[0] ?? url),
    urls: () => [...valueSets.keys()],
  };
}

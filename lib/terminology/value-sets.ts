import type { Bundle, FhirResource } from 'fhir/r4';
import terminologyBundle from '@/fhir-profiles/resources/Bundle-terminology.json';
import { loadValueSets, type ValueSetRegistry } from './registry';

/**
 * The project CodeSystems and ValueSets, generated from the FSH sources by `npm run profiles`
 * (fhir-profiles/resources/Bundle-terminology.json). Imported at build time: the browser bundle
 * holds only this JSON and the matcher, no validator.
 */
export const TERMINOLOGY_BUNDLE = terminologyBundle as Bundle<FhirResource>;

/** The registry the engine uses by default; tests may build their own with `loadValueSets`. */
export const DEFAULT_VALUE_SETS: ValueSetRegistry = loadValueSets(TERMINOLOGY_BUNDLE);

/**
 * The engine's default code sets: the committed fhir-profiles ValueSets
 * (`fhir-profiles/resources/Bundle-terminology.json`), compiled by `lib/terminology`.
 */
import { DEFAULT_VALUE_SETS } from '@/lib/terminology';
import { terminologyFromRegistry, type Terminology } from './terminology';

/** The default terminology of the app and the `screen` command. */
export const DEFAULT_TERMINOLOGY: Terminology = terminologyFromRegistry(DEFAULT_VALUE_SETS);

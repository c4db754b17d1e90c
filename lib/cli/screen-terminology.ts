/**
 * The code sets of the `screen` command: the engine's default terminology (the committed
 * fhir-profiles ValueSets, compiled by `lib/terminology`), with the ValueSets it lacks.
 */
import { DEFAULT_TERMINOLOGY } from '@/lib/redflags/default-terminology';
import { missingValueSets, type Terminology } from '@/lib/redflags/terminology';

/**
 * The terminology of the project, with the ValueSet URLs it lacks (a missing ValueSet would make
 * its rules silently never fire, so the command refuses to run without them).
 */
export function loadProjectTerminology(): {
  readonly terminology: Terminology;
  readonly missing: readonly string[];
} {
  return { terminology: DEFAULT_TERMINOLOGY, missing: missingValueSets(DEFAULT_TERMINOLOGY) };
}

import type { Observation } from 'fhir/r4';
import type { ScreenOutput } from '@/lib/redflags/types';
import { screenCase } from '../../../fixtures/chart';

export { anObservation, hoursBefore } from '../../../fixtures/chart';

/** Screens an adult with one Observation. */
export function outputOfDataQuality(observation: Observation): ScreenOutput {
  return screenCase(40, [observation], {});
}

/** A copy of an Observation whose valueQuantity carries any comparator string (junk data). */
export function withComparator(observation: Observation, comparator: string): Observation {
  const copy: Observation = JSON.parse(JSON.stringify(observation));
  Object.assign(copy.valueQuantity ?? {}, { comparator });
  return copy;
}

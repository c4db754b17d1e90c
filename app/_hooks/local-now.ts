import { toOffsetDateTime } from '@/lib/time';

/**
 * T0 for an evaluation: now, in the browser's own UTC offset (the clinician's local time). Read
 * here, in the app layer: the engine never reads the clock.
 */
export function localNow(): string {
  const now = new Date();
  return toOffsetDateTime(now, -now.getTimezoneOffset());
}

/**
 * Time formatting (pure: the instant and the offset are parameters).
 */

function pad(n: number, width = 2): string {
  return String(Math.trunc(Math.abs(n))).padStart(width, '0');
}

/**
 * An instant written as an ISO-8601 date-time in a given UTC offset, seconds precision, e.g.
 * `2026-06-15T07:00:00-05:00` (or `…Z` for offset 0 when `zulu` is true).
 * @param instant - the moment
 * @param offsetMinutes - minutes east of UTC (the negation of `Date#getTimezoneOffset()`)
 * @param zulu - write `Z` rather than `+00:00` for a zero offset
 */
export function toOffsetDateTime(instant: Date, offsetMinutes: number, zulu = true): string {
  const shifted = new Date(instant.getTime() + offsetMinutes * 60_000);
  const date = `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
  const time = `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`;
  if (offsetMinutes === 0 && zulu) return `${date}T${time}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  return `${date}T${time}${sign}${pad(offsetMinutes / 60)}:${pad(offsetMinutes % 60)}`;
}

/**
 * Reading T0 and FHIR dates relative to T0 (clinical-spec §3.1, §3.2 condition 3, §3.6). Pure: no
 * clock, no local time zone — every date without an offset is read in T0's own offset.
 */
import { daysInMonth, type CalendarDate } from './age';

/** One hour, day, in milliseconds. */
export const HOUR_MS = 3_600_000;
/** One day (24 h) in milliseconds; every window of the spec is counted in whole 24-h days. */
export const DAY_MS = 24 * HOUR_MS;

/** T0 parsed: the instant, the offset it was written in, and T0's calendar date in that offset. */
export interface T0 {
  /** The `--now` value exactly as given (echoed as `evaluatedAt`, §13). */
  readonly text: string;
  readonly ms: number;
  /** Minutes east of UTC. */
  readonly offsetMinutes: number;
  /** Whether T0 was written with `Z` (then `occurrenceLatest` ends in `Z` too, §13). */
  readonly zulu: boolean;
  readonly date: CalendarDate;
}

const T0_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|([+-])(\d{2}):(\d{2}))$/;

const DATE_TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|([+-])(\d{2}):(\d{2}))?$/;
const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Group `i` of a match as a number (0 when absent). */
function num(match: RegExpExecArray, i: number): number {
  return Number(match[i] ?? 0);
}

function validDate(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function validTime(hour: number, minute: number, second: number): boolean {
  return hour <= 23 && minute <= 59 && second <= 59;
}

function fractionMs(fraction: string | undefined): number {
  return fraction === undefined ? 0 : Math.floor(Number(`0${fraction}`) * 1000);
}

function offsetOf(
  sign: string | undefined,
  hh: string | undefined,
  mm: string | undefined,
): number {
  if (sign === undefined || hh === undefined || mm === undefined) return 0;
  const minutes = Number(hh) * 60 + Number(mm);
  return sign === '-' ? -minutes : minutes;
}

/**
 * Parses T0 (§13 `--now`): an ISO-8601 date-time, seconds optional, with `Z` or `±hh:mm` required.
 * @param text - the `--now` value
 * @returns the parsed T0, or undefined if it is not such a date-time
 */
export function parseT0(text: string): T0 | undefined {
  const m = T0_PATTERN.exec(text);
  if (!m) return undefined;
  const year = num(m, 1);
  const month = num(m, 2);
  const day = num(m, 3);
  const hour = num(m, 4);
  const minute = num(m, 5);
  const second = num(m, 6);
  if (!validDate(year, month, day) || !validTime(hour, minute, second)) return undefined;
  const offsetHours = m[10] === undefined ? 0 : Number(m[10]);
  const offsetMins = m[11] === undefined ? 0 : Number(m[11]);
  if (offsetHours > 14 || offsetMins > 59) return undefined;
  const offsetMinutes = m[8] === 'Z' ? 0 : offsetOf(m[9], m[10], m[11]);
  const ms =
    Date.UTC(year, month - 1, day, hour, minute, second, fractionMs(m[7])) - offsetMinutes * 60_000;
  return { text, ms, offsetMinutes, zulu: m[8] === 'Z', date: { year, month, day } };
}

/** A FHIR date or dateTime read relative to T0 (§3.2, §3.6). */
export type FhirTime =
  /** A date-time (with or without offset) or a full date (00:00 in T0's offset). */
  | { readonly precision: 'day-or-finer'; readonly ms: number }
  /**
   * `YYYY` or `YYYY-MM`: `ms` is the last day of the period at 00:00 in T0's offset (§3.6),
   * `firstMs` its first day.
   */
  | { readonly precision: 'partial'; readonly ms: number; readonly firstMs: number };

function localMidnight(date: CalendarDate, offsetMinutes: number): number {
  return Date.UTC(date.year, date.month - 1, date.day) - offsetMinutes * 60_000;
}

/**
 * Reads a FHIR `date`/`dateTime`/`instant`: a date-only value is 00:00 of that date in T0's
 * offset, a date-time without offset is read in T0's offset, and a partial date keeps its period.
 * @param value - the FHIR value (anything: unreadable input gives undefined)
 * @param offsetMinutes - T0's offset
 */
export function readFhirTime(value: unknown, offsetMinutes: number): FhirTime | undefined {
  if (typeof value !== 'string') return undefined;
  const dt = DATE_TIME_PATTERN.exec(value);
  if (dt) {
    const year = num(dt, 1);
    const month = num(dt, 2);
    const day = num(dt, 3);
    const hour = num(dt, 4);
    const minute = num(dt, 5);
    const second = num(dt, 6);
    if (!validDate(year, month, day) || !validTime(hour, minute, second)) return undefined;
    const offset = dt[8] === undefined ? offsetMinutes : offsetOf(dt[9], dt[10], dt[11]);
    return {
      precision: 'day-or-finer',
      ms: Date.UTC(year, month - 1, day, hour, minute, second, fractionMs(dt[7])) - offset * 60_000,
    };
  }
  const d = DATE_PATTERN.exec(value);
  if (!d) return undefined;
  const year = Number(d[1]);
  if (year < 1) return undefined;
  if (d[2] === undefined) {
    return {
      precision: 'partial',
      ms: localMidnight({ year, month: 12, day: 31 }, offsetMinutes),
      firstMs: localMidnight({ year, month: 1, day: 1 }, offsetMinutes),
    };
  }
  const month = Number(d[2]);
  if (month < 1 || month > 12) return undefined;
  if (d[3] === undefined) {
    return {
      precision: 'partial',
      ms: localMidnight({ year, month, day: daysInMonth(year, month) }, offsetMinutes),
      firstMs: localMidnight({ year, month, day: 1 }, offsetMinutes),
    };
  }
  const day = Number(d[3]);
  if (!validDate(year, month, day)) return undefined;
  return { precision: 'day-or-finer', ms: localMidnight({ year, month, day }, offsetMinutes) };
}

/**
 * A Condition/Procedure date as an instant (§3.6): full dates as read; a partial date is the last
 * day of its period at 00:00 in T0's offset. When that last day is after T0 although the period
 * has begun, T0 itself is used — the period contains T0, so the safe reading is "as recent as
 * possible" (a partial procedure date counts as recent) [ambiguity: see the note in the README].
 * @param value - the FHIR value
 * @param t0 - T0
 */
export function readHistoryTime(value: unknown, t0: T0): number | undefined {
  const time = readFhirTime(value, t0.offsetMinutes);
  if (time === undefined) return undefined;
  if (time.precision === 'partial' && time.ms > t0.ms && time.firstMs <= t0.ms) return t0.ms;
  return time.ms;
}

/**
 * A short human-readable form of an instant for evidence details, in T0's offset.
 * @param ms - the instant
 * @param offsetMinutes - T0's offset
 */
export function formatInstant(ms: number, offsetMinutes: number): string {
  const shifted = new Date(ms + offsetMinutes * 60_000);
  const iso = shifted.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

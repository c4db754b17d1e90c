/**
 * Age in completed years (clinical-spec §3.1). Pure: the evaluation time T0 is a parameter.
 */

/** A calendar date. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The possible ages: `max` is undefined when the birth date is missing or unusable (§3.1). */
export interface AgeRange {
  readonly min: number;
  readonly max: number | undefined;
}

const FHIR_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const T0_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1–12). */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function compare(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * T0's date: the calendar date of T0 in T0's own offset (§3.1), i.e. the date as written.
 * @param t0 - ISO-8601 date-time with seconds optional and a UTC offset required
 * @returns the date, or undefined if `t0` is not such a date-time
 */
export function t0Date(t0: string): CalendarDate | undefined {
  const match = T0_PATTERN.exec(t0);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/**
 * Completed years from `birth` to `on`: a birthday on `on` counts as reached, and a 29 February
 * birthday is reached on 1 March in non-leap years (month and day compared as a pair).
 */
export function completedYears(birth: CalendarDate, on: CalendarDate): number {
  const reached = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (reached ? 0 : 1);
}

/**
 * The range of possible ages at T0's date for a FHIR `birthDate` (§3.1): a full date gives one
 * age; `YYYY` or `YYYY-MM` gives AGE_max from the earliest and AGE_min from the latest possible
 * birth date; a missing, invalid or future birth date gives `{ min: 0, max: undefined }`.
 * @param birthDate - `Patient.birthDate`
 * @param on - T0's date
 */
export function ageRange(birthDate: string | undefined, on: CalendarDate): AgeRange {
  const unknown: AgeRange = { min: 0, max: undefined };
  const match = birthDate === undefined ? null : FHIR_DATE.exec(birthDate);
  if (!match) return unknown;
  const year = Number(match[1]);
  if (year < 1) return unknown;
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return unknown;
  if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month)))
    return unknown;
  const earliest: CalendarDate = { year, month: month ?? 1, day: day ?? 1 };
  const lastMonth = month ?? 12;
  const latest: CalendarDate = { year, month: lastMonth, day: day ?? daysInMonth(year, lastMonth) };
  if (compare(earliest, on) > 0) return unknown;
  const max = completedYears(earliest, on);
  const min = compare(latest, on) > 0 ? 0 : completedYears(latest, on);
  return { min, max };
}

/**
 * An age class of §3.1: every age comparison of the spec is decided identically inside a class.
 * `max` is undefined for the open class `≥71`.
 */
export interface AgeClass {
  readonly min: number;
  readonly max: number | undefined;
}

/** The age classes of §3.1, youngest first: 0–1, 2–4, 5, 6–11, 12, 13–15, 16–17, 18–50, 51–70, ≥71. */
export const AGE_CLASSES: readonly AgeClass[] = [
  { min: 0, max: 1 },
  { min: 2, max: 4 },
  { min: 5, max: 5 },
  { min: 6, max: 11 },
  { min: 12, max: 12 },
  { min: 13, max: 15 },
  { min: 16, max: 17 },
  { min: 18, max: 50 },
  { min: 51, max: 70 },
  { min: 71, max: undefined },
];

/**
 * The ages at which to evaluate (§3.1, §8.4): one age (`AGE_min`) when the range lies in one
 * class (AGE determined), otherwise one representative age per class intersecting the range.
 * @param range - the possible ages ({@link ageRange})
 * @returns `determined` and the ages to evaluate, youngest first
 */
export function agesToEvaluate(range: AgeRange): {
  readonly determined: boolean;
  readonly ages: readonly number[];
} {
  const classes = AGE_CLASSES.filter(
    (c) =>
      (c.max === undefined || c.max >= range.min) &&
      (range.max === undefined || c.min <= range.max),
  );
  if (classes.length <= 1) return { determined: true, ages: [range.min] };
  return { determined: false, ages: classes.map((c) => Math.max(c.min, range.min)) };
}

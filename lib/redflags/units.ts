/**
 * Unit normalisation (clinical-spec §3.4) and comparator semantics (§3.5). The §3.4 table is
 * exhaustive: a unit it does not list is unusable even if UCUM could convert it.
 */

/** Analytes with a value that decides something (§3.2, §10.1). */
export type Analyte = 'ESR' | 'CRP' | 'WBC' | 'TEMPERATURE' | 'WEIGHT';

/** Canonical unit of each analyte (§3.4), for evidence details. */
export const CANONICAL_UNIT: Readonly<Record<Analyte, string>> = {
  ESR: 'mm/h',
  CRP: 'mg/L',
  WBC: '10*3/uL',
  TEMPERATURE: 'Cel',
  WEIGHT: 'kg',
};

type Conversion = (value: number) => number;
const same: Conversion = (v) => v;
const times =
  (factor: number): Conversion =>
  (v) =>
    v * factor;
const divide =
  (divisor: number): Conversion =>
  (v) =>
    v / divisor;

/** Accepted units → conversion to the canonical unit, exactly as the §3.4 table lists them. */
const TABLE: Readonly<Record<Analyte, Readonly<Record<string, Conversion>>>> = {
  ESR: { 'mm/h': same, 'mm/hr': same, 'mm/(1.h)': same },
  CRP: {
    'mg/L': same,
    'ug/mL': same,
    'mg/dL': times(10),
    'ug/L': divide(1000),
    'ng/mL': divide(1000),
  },
  WBC: {
    '10*3/uL': same,
    '10^3/uL': same,
    'x10E3/uL': same,
    'K/uL': same,
    '10*9/L': same,
    '10^9/L': same,
    'x10E9/L': same,
    '/nL': same,
    '/uL': divide(1000),
    '{cells}/uL': divide(1000),
    'cells/uL': divide(1000),
    '/mm3': divide(1000),
  },
  TEMPERATURE: {
    Cel: same,
    degC: same,
    '°C': same,
    '[degF]': (f) => ((f - 32) * 5) / 9,
    degF: (f) => ((f - 32) * 5) / 9,
    '°F': (f) => ((f - 32) * 5) / 9,
  },
  WEIGHT: { kg: same, g: divide(1000), '[lb_av]': times(0.45359237), lb: times(0.45359237) },
};

/**
 * The unit string as looked up: µ (U+00B5) and μ (U+03BC) read as `u`, and the litre written `l`
 * read as `L` (every `l` in the accepted table's units is the litre) [§3.4].
 */
function lookupForm(unit: string, analyte: Analyte): string {
  const micro = unit.replace(/[\u00b5\u03bc]/g, 'u');
  // Only the volume units of lab analytes contain a litre; `Cel`, `[lb_av]`, `lb` keep their `l`.
  return analyte === 'CRP' || analyte === 'WBC' ? micro.replace(/l$|l(?=[^a-z])/g, 'L') : micro;
}

/** Rounds to 9 decimals so that binary floating point gives exact decimal results (§3.4). */
export function round9(value: number): number {
  return Number(value.toFixed(9));
}

/** Rounds a temperature to 0.1 °C, half-up (§3.4). */
export function roundTemperature(celsius: number): number {
  return Math.round(Number((round9(celsius) * 10).toFixed(6))) / 10;
}

/**
 * The unit string of a Quantity: `code` when present, otherwise `unit` (§3.4). Empty strings
 * count as absent.
 */
export function unitOf(code: unknown, unit: unknown): string | undefined {
  if (typeof code === 'string' && code !== '') return code;
  if (typeof unit === 'string' && unit !== '') return unit;
  return undefined;
}

/**
 * Converts a value to the analyte's canonical unit (§3.4), rounding to 9 decimals and, for
 * temperatures, to 0.1 °C half-up. ESR without any unit is read as mm/h.
 * @param analyte - the analyte
 * @param value - the value (or comparator bound) as written
 * @param unit - the unit string ({@link unitOf}), or undefined when there is none
 * @returns the canonical value, or undefined when the unit is not in the §3.4 table
 */
export function toCanonical(
  analyte: Analyte,
  value: number,
  unit: string | undefined,
): number | undefined {
  if (unit === undefined) return analyte === 'ESR' ? round9(value) : undefined;
  const conversion = TABLE[analyte][lookupForm(unit, analyte)];
  if (conversion === undefined) return undefined;
  const converted = round9(conversion(value));
  return analyte === 'TEMPERATURE' ? roundTemperature(converted) : converted;
}

/** Comparators a usable value may carry (§3.2). */
export type Comparator = '<' | '<=' | '>=' | '>';

/** Whether a value is a usable comparator (§3.2 condition 2). */
export function isComparator(value: unknown): value is Comparator {
  return value === '<' || value === '<=' || value === '>=' || value === '>';
}

/** How a threshold compares: `gt` = "> t" (CRP, WBC), `ge` = "≥ t" (ESR, temperature). */
export type ThresholdKind = 'gt' | 'ge';

/** A result judged against one threshold (§3.5). */
export type Judgement = 'elevated' | 'normal' | 'indeterminate';

/**
 * Judges a value (plain, or a comparator bound) against a threshold per the §3.5 table:
 * `>` b elevated if b ≥ t; `>=` b elevated if b > t (gt) or b ≥ t (ge); `<` b normal if b ≤ t;
 * `<=` b normal if b ≤ t (gt) or b < t (ge); anything else is indeterminate.
 * @param value - the canonical value or bound
 * @param comparator - the comparator, or undefined for a plain value
 * @param threshold - t
 * @param kind - whether the threshold is "> t" or "≥ t"
 */
export function judge(
  value: number,
  comparator: Comparator | undefined,
  threshold: number,
  kind: ThresholdKind,
): Judgement {
  switch (comparator) {
    case undefined:
      return (kind === 'gt' ? value > threshold : value >= threshold) ? 'elevated' : 'normal';
    case '>':
      return value >= threshold ? 'elevated' : 'indeterminate';
    case '>=':
      return (kind === 'gt' ? value > threshold : value >= threshold)
        ? 'elevated'
        : 'indeterminate';
    case '<':
      return value <= threshold ? 'normal' : 'indeterminate';
    case '<=':
      return (kind === 'gt' ? value <= threshold : value < threshold) ? 'normal' : 'indeterminate';
  }
}

import { capitalize, isPrimitiveType, tryGetDataType } from '@medplum/core';
import type { InternalTypeSchema } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';

/**
 * Relative dates for seed data. A seed file is written against an anchor instant ("the day the
 * story happens"); at load time every `date`, `dateTime` and `instant` element is moved so the
 * anchor becomes "now". Element types come from Medplum's R4 type schema, so only real date
 * elements move: codes, identifiers and free text that merely look like dates never change.
 */

/** `meta.tag` system whose `code` is a seed file's anchor instant (ISO 8601 date-time). */
export const SANDBOX_ANCHOR_SYSTEM = 'http://spine-redflags.org/fhir/sandbox-anchor';

/** How far to move a seed file's dates. */
export interface DateShift {
  /** Exact shift for date-times and instants. */
  readonly milliseconds: number;
  /** Whole calendar days (UTC) for date-only values, so a date keeps its day boundaries. */
  readonly days: number;
}

const DAY_MS = 86_400_000;
const DATE_TYPES = new Set(['date', 'dateTime', 'instant']);
const ANCHOR_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const YEAR = /^(\d{4})$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;

function utcDay(time: number): number {
  return Math.floor(time / DAY_MS);
}

/**
 * The shift that maps `anchor` onto `now`.
 * @param anchor - ISO 8601 date-time with offset (`2026-06-15T12:00:00Z`) or a date (midnight UTC).
 * @param now - The load time.
 * @returns The shift, or `undefined` when `anchor` is not an ISO date or date-time.
 */
export function dateShiftFor(anchor: string, now: Date): DateShift | undefined {
  if (!ANCHOR_PATTERN.test(anchor)) return undefined;
  const anchorTime = Date.parse(anchor.length === 10 ? `${anchor}T00:00:00Z` : anchor);
  if (Number.isNaN(anchorTime)) return undefined;
  return {
    milliseconds: now.getTime() - anchorTime,
    days: utcDay(now.getTime()) - utcDay(anchorTime),
  };
}

/**
 * The anchor of a seed file: the `code` of its `meta.tag` with system {@link SANDBOX_ANCHOR_SYSTEM}.
 * @param resource - The file's top-level resource (usually a Bundle).
 */
export function readAnchor(resource: Resource): string | undefined {
  return resource.meta?.tag?.find((tag) => tag.system === SANDBOX_ANCHOR_SYSTEM)?.code;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function formatDate(time: number): string {
  const date = new Date(time);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function shiftDateTime(match: RegExpExecArray, milliseconds: number): string {
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const fractionMs = fraction ? Number(fraction.padEnd(3, '0').slice(0, 3)) : 0;
  const local = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s ?? 0),
    fractionMs,
  );
  // The wall-clock time in the value's own (fixed) offset moves by exactly the shift, so it is
  // printed again with the same offset ("Z" stays "Z", "-05:00" stays "-05:00").
  const shifted = new Date(local + milliseconds);
  let text = `${formatDate(shifted.getTime())}T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
  if (s !== undefined) text += `:${pad(shifted.getUTCSeconds())}`;
  if (fraction !== undefined) {
    text += `.${pad(shifted.getUTCMilliseconds(), 3).padEnd(fraction.length, '0').slice(0, fraction.length)}`;
  }
  return text + (zone ?? '');
}

/**
 * Shifts one FHIR `date`, `dateTime` or `instant` value. Pure.
 *
 * - `YYYY-MM-DD`: by whole days.
 * - `YYYY-MM` and `YYYY`: the middle of the period (the 15th; 2 July) is shifted by whole days,
 *   then truncated back to the original precision, so a shift of a few days never changes them.
 * - Date-times and instants: by the exact shift, printed in the original offset (`Z` stays `Z`,
 *   `-05:00` stays `-05:00`) with the original precision (seconds, fraction digits).
 * - Anything else (not a valid value) is returned unchanged; the validator reports it.
 * @param value - The element's value.
 * @param shift - From {@link dateShiftFor}.
 */
export function shiftDateValue(value: string, shift: DateShift): string {
  const dayMs = shift.days * DAY_MS;
  let match = FULL_DATE.exec(value);
  if (match) {
    const [, y, m, d] = match;
    return formatDate(Date.UTC(Number(y), Number(m) - 1, Number(d)) + dayMs);
  }
  match = YEAR_MONTH.exec(value);
  if (match) {
    const [, y, m] = match;
    return formatDate(Date.UTC(Number(y), Number(m) - 1, 15) + dayMs).slice(0, 7);
  }
  match = YEAR.exec(value);
  if (match) {
    return formatDate(Date.UTC(Number(match[1]), 6, 2) + dayMs).slice(0, 4);
  }
  match = DATE_TIME.exec(value);
  if (match) return shiftDateTime(match, shift.milliseconds);
  return value;
}

type Json = unknown;

function elementType(schema: InternalTypeSchema, key: string): string | undefined {
  const element = schema.elements[key];
  if (element && !key.endsWith('[x]')) return element.type[0]?.code;
  for (const [name, candidate] of Object.entries(schema.elements)) {
    if (!name.endsWith('[x]')) continue;
    const base = name.slice(0, -3);
    if (!key.startsWith(base)) continue;
    const suffix = key.slice(base.length);
    const type = candidate.type.find((option) => capitalize(option.code) === suffix);
    if (type) return type.code;
  }
  return undefined;
}

function shiftValue(value: Json, typeCode: string, shift: DateShift): Json {
  if (Array.isArray(value)) return value.map((item: Json) => shiftValue(item, typeCode, shift));
  if (value === null || value === undefined) return value;
  if (DATE_TYPES.has(typeCode))
    return typeof value === 'string' ? shiftDateValue(value, shift) : value;
  if (typeof value !== 'object') return value;
  const record = value as Record<string, Json>;
  if (typeCode === 'Resource' || typeof record.resourceType === 'string') {
    const resourceSchema =
      typeof record.resourceType === 'string' ? tryGetDataType(record.resourceType) : undefined;
    return resourceSchema ? shiftObject(record, resourceSchema, shift) : value;
  }
  if (isPrimitiveType(typeCode)) return value;
  const schema = tryGetDataType(typeCode);
  return schema ? shiftObject(record, schema, shift) : value;
}

function shiftObject(
  record: Record<string, Json>,
  schema: InternalTypeSchema,
  shift: DateShift,
): Record<string, Json> {
  const result: Record<string, Json> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'resourceType') {
      result[key] = value;
    } else if (key.startsWith('_')) {
      // Extensions on a primitive (`_birthDate`): an Element, which may carry dated extensions.
      result[key] = shiftValue(value, 'Element', shift);
    } else {
      const typeCode = elementType(schema, key);
      result[key] = typeCode ? shiftValue(value, typeCode, shift) : value;
    }
  }
  return result;
}

/**
 * Returns a copy of `resource` with every `date`, `dateTime` and `instant` element shifted
 * (contained and nested resources included). Pure; needs Medplum's R4 definitions loaded.
 * @param resource - A seed resource.
 * @param shift - From {@link dateShiftFor}.
 */
export function shiftResourceDates<T extends Resource>(resource: T, shift: DateShift): T {
  if (shift.milliseconds === 0 && shift.days === 0) return structuredClone(resource);
  const schema = tryGetDataType(resource.resourceType);
  if (!schema) return structuredClone(resource);
  const copy = structuredClone(resource) as unknown as Record<string, Json>;
  return shiftObject(copy, schema, shift) as unknown as T;
}

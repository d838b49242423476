import { DateTime, IANAZone } from 'luxon';

/**
 * An instant: an ISO 8601 string with an explicit offset (or `Z`), epoch milliseconds, or a Date.
 */
export type InstantInput = string | number | Date;

const EXPLICIT_OFFSET = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * metrics.md conventions (instants are `timestamptz`): epoch milliseconds of an instant. Strings
 * must carry their offset (interfaces.md: "ISO 8601 with offset"): an offset-less string would
 * silently depend on the process time zone, so it is rejected rather than guessed.
 */
export function toEpochMillis(value: InstantInput, field = 'instant'): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new RangeError(`${field} is not a finite epoch-millisecond value`);
    }
    return value;
  }
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) {
      throw new RangeError(`${field} is an invalid Date`);
    }
    return ms;
  }
  const text = value.trim();
  if (!EXPLICIT_OFFSET.test(text)) {
    throw new RangeError(`${field} "${value}" has no UTC offset; use ISO 8601 with an offset or Z`);
  }
  const parsed = DateTime.fromISO(text, { setZone: true });
  if (!parsed.isValid) {
    throw new RangeError(`${field} "${value}" is not a valid ISO 8601 instant`);
  }
  return parsed.toMillis();
}

/** metrics.md conventions (IANA zone of the site): throws unless luxon can resolve `zone`. */
export function assertZone(zone: string): void {
  if (VALID_ZONES.has(zone)) {
    return;
  }
  if (!IANAZone.isValidZone(zone)) {
    throw new RangeError(`unknown IANA time zone "${zone}"`);
  }
  VALID_ZONES.add(zone);
}

/** Zones already found valid: luxon's check builds an Intl formatter each time. */
const VALID_ZONES = new Set<string>();

/**
 * metrics.md conventions (local calendar dates): parses `YYYY-MM-DD`; a date that does not exist is
 * an error.
 */
export function parseLocalDate(date: string, field = 'date'): DateTime {
  const parsed = LOCAL_DATE.test(date) ? DateTime.fromISO(date, { zone: 'utc' }) : null;
  if (!parsed || !parsed.isValid) {
    throw new RangeError(`${field} "${date}" is not a valid YYYY-MM-DD date`);
  }
  return parsed;
}

/** metrics.md conventions: local date `date` plus `days` calendar days (no time zone involved). */
export function addLocalDays(date: string, days: number): string {
  return parseLocalDate(date).plus({ days }).toISODate() as string;
}

/**
 * metrics.md conventions: whole calendar days from `from` to `to` (negative when earlier). Plain
 * UTC-midnight arithmetic (no zone is involved), validated as {@link parseLocalDate} does: it is
 * called per agent and day (ramps of quota targets), where luxon's diff cost ~0.2 ms a call.
 */
export function localDaysBetween(from: string, to: string): number {
  return Math.round((utcMidnightOf(to, 'date') - utcMidnightOf(from, 'date')) / 86_400_000);
}

function utcMidnightOf(date: string, field: string): number {
  const ms = LOCAL_DATE.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`${field} "${date}" is not a valid YYYY-MM-DD date`);
  }
  return ms;
}

/** metrics.md §4 work week (Monday–Sunday): the Monday of the week containing a local date. */
export function mondayOf(date: string): string {
  return parseLocalDate(date).startOf('week').toISODate() as string;
}

/** metrics.md conventions: the site-local calendar date of an instant in `zone`. */
export function localDateOf(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISODate() as string;
}

/**
 * metrics.md conventions: the first instant of a local date in `zone`. Where midnight does not
 * exist (Africa/Cairo moves 00:00 → 01:00 on the last Friday of April) luxon returns the first
 * existing local time.
 */
export function startOfLocalDay(date: string, zone: string): number {
  parseLocalDate(date);
  return DateTime.fromISO(date, { zone }).startOf('day').toMillis();
}

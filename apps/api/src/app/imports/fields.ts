import { DateTime, IANAZone } from 'luxon';

/**
 * Field parsers of the import files (interfaces.md). Each returns the parsed value or throws a
 * `FieldProblem` whose message says what is wrong; the pipeline adds the line and the field.
 */
export class FieldProblem extends Error {}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const OFFSET_RE = /(Z|[+-]\d{2}(:?\d{2})?)$/;
const INT_RE = /^-?\d+$/;
const DOLLARS_RE = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

export function text(value: string, max = 200): string {
  const v = value.trim();
  if (v.length === 0) {
    throw new FieldProblem('is empty');
  }
  if (v.length > max) {
    throw new FieldProblem(`is longer than ${max} characters`);
  }
  return v;
}

export function code(value: string): string {
  const v = text(value, 64);
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(v)) {
    throw new FieldProblem(`"${v}" is not a code (letters, digits, "_", "-", "." only)`);
  }
  return v;
}

export function email(value: string): string {
  const v = text(value, 254);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) {
    throw new FieldProblem(`"${v}" is not an email address`);
  }
  return v;
}

/** A calendar date `YYYY-MM-DD` that exists. */
export function localDate(value: string): string {
  const v = value.trim();
  const m = DATE_RE.exec(v);
  if (!m) {
    throw new FieldProblem(`"${v}" is not a date (YYYY-MM-DD)`);
  }
  const d = DateTime.fromObject(
    { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) },
    { zone: 'UTC' },
  );
  if (!d.isValid) {
    throw new FieldProblem(`"${v}" is a date that does not exist`);
  }
  return v;
}

/** An ISO 8601 instant that carries its offset (`Z` or `±hh:mm`); returns a Date. */
export function instant(value: string): Date {
  const v = value.trim();
  if (!OFFSET_RE.test(v) || !v.includes('T')) {
    throw new FieldProblem(`"${v}" is not an ISO 8601 date-time with an offset`);
  }
  const d = DateTime.fromISO(v, { setZone: true });
  if (!d.isValid) {
    throw new FieldProblem(
      `"${v}" is not a valid date-time (${d.invalidExplanation ?? d.invalidReason})`,
    );
  }
  return d.toJSDate();
}

export function timeZone(value: string): string {
  const v = text(value, 64);
  if (!IANAZone.isValidZone(v)) {
    throw new FieldProblem(`"${v}" is not an IANA time zone (e.g. America/Chicago)`);
  }
  return v;
}

export function oneOf<T extends string>(allowed: readonly T[]): (value: string) => T {
  return (value: string) => {
    const v = value.trim();
    if (!(allowed as readonly string[]).includes(v)) {
      throw new FieldProblem(`"${v}" is not one of ${allowed.join(', ')}`);
    }
    return v as T;
  };
}

export function integer(min: number, max: number): (value: string) => number {
  return (value: string) => {
    const v = value.trim();
    if (!INT_RE.test(v)) {
      throw new FieldProblem(`"${v}" is not a whole number`);
    }
    const n = Number(v);
    if (n < min) {
      throw new FieldProblem(min === 0 ? `${n} is negative` : `${n} is below ${min}`);
    }
    if (n > max) {
      throw new FieldProblem(`${n} is above ${max}`);
    }
    return n;
  };
}

export function decimal(min: number, max: number): (value: string) => number {
  return (value: string) => {
    const v = value.trim();
    if (!/^-?\d+(\.\d+)?$/.test(v)) {
      throw new FieldProblem(`"${v}" is not a number`);
    }
    const n = Number(v);
    if (n < min || n > max) {
      throw new FieldProblem(`${n} is outside ${min}–${max}`);
    }
    return n;
  };
}

/** Dollars with at most two decimals (`15.81`) to integer cents, parsed exactly (no floats). */
export function dollarsToCents(value: string): number {
  const v = value.trim();
  const m = DOLLARS_RE.exec(v);
  if (!m) {
    throw new FieldProblem(`"${v}" is not an amount in dollars with at most 2 decimals`);
  }
  if (m[1] === '-') {
    throw new FieldProblem(`${v} is negative`);
  }
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(cents) || cents > 2_000_000_000) {
    throw new FieldProblem(`${v} is too large`);
  }
  return cents;
}

export function bool(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === 'true') {
    return true;
  }
  if (v === 'false') {
    return false;
  }
  throw new FieldProblem(`"${value.trim()}" is not true or false`);
}

/** `;`-separated local dates; duplicates collapse; sorted. */
export function dateList(value: string): string[] {
  const parts = value
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return [...new Set(parts.map(localDate))].sort();
}

/**
 * Local calendar dates (`YYYY-MM-DD`) and months (`YYYY-MM`) as plain values.
 *
 * metrics.md conventions: "Dates are the site's local calendar dates". Converting an instant to
 * a local date needs the site's time zone and happens elsewhere; once we hold a local date, day
 * arithmetic is zone-free, so it is done on day numbers (days since 1970-01-01 in a proleptic
 * Gregorian calendar, computed with UTC fields only).
 */

/** A local calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;
/** A calendar month, `YYYY-MM`. */
export type YearMonth = string;

const MS_PER_DAY = 86_400_000;
const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH_RE = /^(\d{4})-(\d{2})$/;

function utcDayNumber(year: number, monthIndex: number, day: number): number {
  // setUTCFullYear avoids Date.UTC's mapping of years 0–99 to 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** True when `value` is a `YYYY-MM-DD` string naming a date that exists (no 2023-02-29). */
export function isLocalDate(value: string): boolean {
  const m = LOCAL_DATE_RE.exec(value);
  if (!m) {
    return false;
  }
  const dayNumber = utcDayNumber(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return fromDayNumber(dayNumber) === value;
}

/** Days since 1970-01-01 of a local date; throws a RangeError for a malformed or impossible date. */
export function toDayNumber(date: LocalDate): number {
  const m = LOCAL_DATE_RE.exec(date);
  if (m) {
    const dayNumber = utcDayNumber(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    if (fromDayNumber(dayNumber) === date) {
      return dayNumber;
    }
  }
  throw new RangeError(`"${date}" is not a valid YYYY-MM-DD date`);
}

/** The local date of a day number (inverse of {@link toDayNumber}). */
export function fromDayNumber(dayNumber: number): LocalDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const mo = String(d.getUTCMonth() + 1).padStart(2, '0');
  const da = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${mo}-${da}`;
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (`to − from`; negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

function parseYearMonth(month: YearMonth): { year: number; monthIndex: number } {
  const m = YEAR_MONTH_RE.exec(month);
  const monthNumber = m ? Number(m[2]) : 0;
  if (!m || monthNumber < 1 || monthNumber > 12) {
    throw new RangeError(`"${month}" is not a valid YYYY-MM month`);
  }
  return { year: Number(m[1]), monthIndex: monthNumber - 1 };
}

/** True when `value` is a valid `YYYY-MM` month. */
export function isYearMonth(value: string): boolean {
  const m = YEAR_MONTH_RE.exec(value);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** First local date of a month: `2024-02` → `2024-02-01`. */
export function monthStart(month: YearMonth): LocalDate {
  const { year, monthIndex } = parseYearMonth(month);
  return fromDayNumber(utcDayNumber(year, monthIndex, 1));
}

/** Last local date of a month: `2024-02` → `2024-02-29`. */
export function monthEnd(month: YearMonth): LocalDate {
  const { year, monthIndex } = parseYearMonth(month);
  return fromDayNumber(utcDayNumber(year, monthIndex + 1, 1) - 1);
}

/** `month` plus `months` calendar months: `addMonths('2024-11', 3)` → `2025-02`. */
export function addMonths(month: YearMonth, months: number): YearMonth {
  const { year, monthIndex } = parseYearMonth(month);
  const total = year * 12 + monthIndex + months;
  const y = Math.floor(total / 12);
  const mo = total - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}`;
}

/** The month a local date falls in: `2024-02-29` → `2024-02`. */
export function yearMonthOf(date: LocalDate): YearMonth {
  toDayNumber(date);
  return date.slice(0, 7);
}

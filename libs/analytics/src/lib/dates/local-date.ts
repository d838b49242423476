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

const YEAR_MONTH_RE = /^(\d{4})-(\d{2})$/;

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (month 1–12), in integer arithmetic: eras
 * of 400 years from 0000-03-01 (H. Hinnant, "chrono-compatible low-level date algorithms").
 * The roster and the pay estimates convert dates tens of thousands of times a request, where a
 * `Date` per call and its UTC fields were a tenth of the work.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The value of the ASCII digits of `s` from `from` to `to`, or −1 when one is not a digit. */
function digits(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) {
      return -1;
    }
    v = v * 10 + d;
  }
  return v;
}

/** The day number of a valid `YYYY-MM-DD`, or NaN. */
function parseLocalDate(value: string): number {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) {
    return Number.NaN;
  }
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return Number.NaN;
  }
  return daysFromCivil(y, m, d);
}

/** True when `value` is a `YYYY-MM-DD` string naming a date that exists (no 2023-02-29). */
export function isLocalDate(value: string): boolean {
  return !Number.isNaN(parseLocalDate(value));
}

/** Days since 1970-01-01 of a local date; throws a RangeError for a malformed or impossible date. */
export function toDayNumber(date: LocalDate): number {
  const n = parseLocalDate(date);
  if (Number.isNaN(n)) {
    throw new RangeError(`"${date}" is not a valid YYYY-MM-DD date`);
  }
  return n;
}

const pad2 = (v: number) => (v < 10 ? `0${v}` : String(v));

/** Recently formatted day numbers (a request's dates are few and come back again and again). */
const FORMATTED = new Map<number, LocalDate>();
const FORMATTED_MAX = 4096;

/** The local date of a day number (inverse of {@link toDayNumber}); years 0000–9999. */
export function fromDayNumber(dayNumber: number): LocalDate {
  const known = FORMATTED.get(dayNumber);
  if (known !== undefined) {
    return known;
  }
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const text = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
  if (FORMATTED.size >= FORMATTED_MAX) {
    FORMATTED.clear();
  }
  FORMATTED.set(dayNumber, text);
  return text;
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
  return fromDayNumber(daysFromCivil(year, monthIndex + 1, 1));
}

/** Last local date of a month: `2024-02` → `2024-02-29`. */
export function monthEnd(month: YearMonth): LocalDate {
  const { year, monthIndex } = parseYearMonth(month);
  return fromDayNumber(daysFromCivil(year, monthIndex + 1, daysInMonth(year, monthIndex + 1)));
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

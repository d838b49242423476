/**
 * Display formatting through Intl. `locale` defaults to the browser's (undefined lets Intl pick
 * the user's locale); tests pass one explicitly. Formatters are cached per locale and options.
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(
  locale: string | undefined,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  const key = `n|${locale ?? ''}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

function dateFormat(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `d|${locale ?? ''}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/** Money from integer cents, as US dollars: 1581 → "$15.81". */
export function formatCents(
  cents: number | null | undefined,
  locale?: string,
  currency = 'USD',
): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) {
    return '—';
  }
  // Integer division keeps the dollars exact; only the display step is decimal.
  return numberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}

export function formatNumber(
  value: number | null | undefined,
  locale?: string,
  maximumFractionDigits = 0,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return '—';
  }
  return numberFormat(locale, { maximumFractionDigits }).format(value);
}

/** A fraction in [0, 1] (as the API returns percentages) shown as a percentage. */
export function formatPercent(
  fraction: number | null | undefined,
  locale?: string,
  maximumFractionDigits = 1,
): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) {
    return '—';
  }
  return numberFormat(locale, { style: 'percent', maximumFractionDigits }).format(fraction);
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A local calendar date `YYYY-MM-DD` shown in the user's format. The date is a calendar day,
 * not an instant, so it is formatted in UTC: `new Date('2025-03-04')` read in a time zone west
 * of UTC would otherwise show 3 March.
 */
export function formatLocalDate(
  value: string | null | undefined,
  locale?: string,
  style: 'medium' | 'short' | 'long' = 'medium',
): string {
  if (!value) {
    return '—';
  }
  const match = LOCAL_DATE.exec(value);
  if (!match) {
    return value;
  }
  const [, y, m, d] = match;
  const utc = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return dateFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(utc);
}

/** An instant (ISO 8601) shown as a local date and time in the viewer's time zone. */
export function formatInstant(value: string | null | undefined, locale?: string): string {
  if (!value) {
    return '—';
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** True when `YYYY-MM-DD` names a day that exists (rejects 2025-02-30). */
export function isValidLocalDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (!match) {
    return false;
  }
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

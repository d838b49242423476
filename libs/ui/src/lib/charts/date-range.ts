/**
 * Ranges of local calendar days (`YYYY-MM-DD`, both ends inclusive), as the API takes them.
 * Day arithmetic runs on UTC dates so it never trips over a daylight-saving change.
 */
export interface LocalDateRange {
  from: string;
  to: string;
}

export type RangePresetId = 'yesterday' | 'last7' | 'last4w' | 'thisMonth';

export const RANGE_PRESETS: readonly { id: RangePresetId; label: string }[] = [
  { id: 'yesterday', label: 'Yesterday' },
  { id: 'last7', label: 'Last 7 days' },
  { id: 'last4w', label: 'Last 4 weeks' },
  { id: 'thisMonth', label: 'This month' },
];

const DAY_MS = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(date: string): number {
  const match = LOCAL_DATE.exec(date);
  if (!match) {
    return Number.NaN;
  }
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The calendar date a `Date` falls on in the viewer's time zone. */
export function localDateOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A `Date` at local midnight of a calendar date (what a date picker shows). */
export function dateAtLocalMidnight(date: string): Date | null {
  const match = LOCAL_DATE.exec(date);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** How many days a range covers, both ends counted (a one-day range is 1). */
export function rangeDays(range: LocalDateRange): number {
  return Math.round((toUtc(range.to) - toUtc(range.from)) / DAY_MS) + 1;
}

export function isValidRange(range: LocalDateRange): boolean {
  const from = toUtc(range.from);
  const to = toUtc(range.to);
  return (
    Number.isFinite(from) &&
    Number.isFinite(to) &&
    fromUtc(from) === range.from &&
    fromUtc(to) === range.to &&
    from <= to
  );
}

/** Every date of the range, in order. */
export function datesInRange(range: LocalDateRange): string[] {
  const days = rangeDays(range);
  return Array.from({ length: Math.max(0, days) }, (_, i) => addDays(range.from, i));
}

/**
 * The days a preset stands for, given today's local date. "Last 7 days" and "last 4 weeks" are
 * complete days (today, still running, is left out); "this month" runs to today.
 */
export function rangePreset(id: RangePresetId, today: string): LocalDateRange {
  switch (id) {
    case 'yesterday':
      return { from: addDays(today, -1), to: addDays(today, -1) };
    case 'last7':
      return { from: addDays(today, -7), to: addDays(today, -1) };
    case 'last4w':
      return { from: addDays(today, -28), to: addDays(today, -1) };
    case 'thisMonth':
      return { from: `${today.slice(0, 8)}01`, to: today };
  }
}

/** The preset a range equals today, or null for a custom range. */
export function presetOf(range: LocalDateRange, today: string): RangePresetId | null {
  const match = RANGE_PRESETS.find(({ id }) => {
    const preset = rangePreset(id, today);
    return preset.from === range.from && preset.to === range.to;
  });
  return match?.id ?? null;
}

/** "Mar 3 – 9, 2025" in the viewer's locale (Intl picks how to share the month and year). */
export function formatRange(range: LocalDateRange, locale?: string): string {
  const from = toUtc(range.from);
  const to = toUtc(range.to);
  if (!Number.isFinite(from) || !Number.isFinite(to)) {
    return `${range.from} – ${range.to}`;
  }
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return from === to ? format.format(from) : format.formatRange(from, to);
}

/** "Mon, Mar 3" — a date with its weekday, in the viewer's locale. */
export function formatDayLabel(date: string, locale?: string, withWeekday = true): string {
  const ms = toUtc(date);
  if (!Number.isFinite(ms)) {
    return date;
  }
  return new Intl.DateTimeFormat(locale, {
    weekday: withWeekday ? 'short' : undefined,
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(ms);
}

const CLOCK = /^(\d{2}):(\d{2})$/;

/** A wall-clock time `HH:mm` in the viewer's format ("9:30 AM", "09:30"). */
export function formatClock(hhmm: string, locale?: string): string {
  const match = CLOCK.exec(hhmm);
  if (!match) {
    return hhmm;
  }
  return new Intl.DateTimeFormat(locale, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(Date.UTC(1970, 0, 1, Number(match[1]), Number(match[2])));
}

/** A wall-clock span from `HH:mm` lasting `minutes` ("9:30 – 10:00 AM"). */
export function formatClockSpan(hhmm: string, minutes: number, locale?: string): string {
  const match = CLOCK.exec(hhmm);
  if (!match) {
    return hhmm;
  }
  const start = Date.UTC(1970, 0, 1, Number(match[1]), Number(match[2]));
  const end = start + minutes * 60_000;
  const format = new Intl.DateTimeFormat(locale, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  });
  // Across midnight a range would name both dates; the span of a slot is just two clock times.
  return end < DAY_MS
    ? format.formatRange(start, end)
    : `${format.format(start)} – ${format.format(end - DAY_MS)}`;
}

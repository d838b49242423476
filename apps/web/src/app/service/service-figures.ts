import type { CallStatsRow, HandleTimeRow } from '@floorwise/contracts';
import {
  datesInRange,
  formatClock,
  formatClockSpan,
  formatDayLabel,
  LocalDateRange,
  rangeDays,
} from '@floorwise/ui';
import { Grouping, intervalMinutesOf } from './service-query';

/** A table row: the service figures of a group with its handle-time distribution beside them. */
export interface BreakdownRow extends CallStatsRow {
  medianSeconds: number | null;
  p90Seconds: number | null;
}

/** Joins the handle-time rows to the stats rows by key (a group without answered calls has none). */
export function withHandleTime(
  stats: readonly CallStatsRow[],
  handleTime: readonly HandleTimeRow[],
): BreakdownRow[] {
  const byKey = new Map(handleTime.map((row) => [row.key, row]));
  return stats.map((row) => ({
    ...row,
    medianSeconds: byKey.get(row.key)?.medianSeconds ?? null,
    p90Seconds: byKey.get(row.key)?.p90Seconds ?? null,
  }));
}

/** Service level of one campaign, for the cards when several campaigns are shown. */
export interface CampaignServiceLevel {
  key: string;
  offered: number;
  serviceLevel: number | null;
}

/** The figures of the whole range, for the cards. */
export interface RangeSummary {
  offered: number;
  answered: number;
  abandoned: number;
  abandonRate: number | null;
  asaSeconds: number | null;
  ahtSeconds: number | null;
  /** Exact only for one campaign (medians do not add up); null otherwise. */
  medianHandleSeconds: number | null;
  /** Exact only for one campaign; null when several are shown (see `perCampaign`). */
  serviceLevel: number | null;
  /** Service level per campaign, busiest first, when more than one campaign has calls. */
  perCampaign: CampaignServiceLevel[] | null;
}

/**
 * The range's figures from its rows by campaign (metrics.md §1). Counts add up. Abandon rate is
 * Σabandoned ÷ Σoffered. AHT is Σ(AHT × answered) ÷ Σanswered, which is Σhandle ÷ Σanswered
 * exactly. ASA is the mean wait of inbound answered calls, and offered = inbound answered +
 * abandoned, so each row's ASA is weighted by (offered − abandoned) — exact, where weighting by
 * answered would also count outbound calls. Service level cannot be recombined: its denominator
 * holds the abandons after T, which the rows do not carry, so it is exact only for one campaign
 * and otherwise listed per campaign. The same holds for the median handle time.
 */
export function summarizeRange(
  rows: readonly CallStatsRow[],
  handleTime: readonly HandleTimeRow[],
): RangeSummary | null {
  const active = rows.filter((r) => r.offered > 0 || r.answered > 0);
  if (active.length === 0) {
    return null;
  }
  let offered = 0;
  let answered = 0;
  let abandoned = 0;
  let waitSum = 0;
  let waitWeight = 0;
  let handleSum = 0;
  let handleWeight = 0;
  for (const r of active) {
    offered += r.offered;
    answered += r.answered;
    abandoned += r.abandoned;
    const inboundAnswered = r.offered - r.abandoned;
    if (r.asaSeconds !== null && inboundAnswered > 0) {
      waitSum += r.asaSeconds * inboundAnswered;
      waitWeight += inboundAnswered;
    }
    if (r.ahtSeconds !== null && r.answered > 0) {
      handleSum += r.ahtSeconds * r.answered;
      handleWeight += r.answered;
    }
  }
  const single = active.length === 1 ? active[0] : null;
  return {
    offered,
    answered,
    abandoned,
    abandonRate: offered > 0 ? abandoned / offered : null,
    asaSeconds: waitWeight > 0 ? waitSum / waitWeight : null,
    ahtSeconds: handleWeight > 0 ? handleSum / handleWeight : null,
    medianHandleSeconds: single
      ? (handleTime.find((h) => h.key === single.key)?.medianSeconds ?? null)
      : null,
    serviceLevel: single ? single.serviceLevel : null,
    perCampaign: single
      ? null
      : [...active]
          .sort((a, b) => b.offered - a.offered || a.key.localeCompare(b.key))
          .map((r) => ({ key: r.key, offered: r.offered, serviceLevel: r.serviceLevel })),
  };
}

/** The time axis: every interval (or day) of the range, with the row of each or null. */
export interface Timeline {
  keys: string[];
  rows: (CallStatsRow | null)[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Keys of every slot of the range, as the API writes them: `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`. */
export function timelineKeys(range: LocalDateRange, grouping: Grouping): string[] {
  const dates = datesInRange(range);
  const minutes = intervalMinutesOf(grouping);
  if (!minutes) {
    return dates;
  }
  const slots: string[] = [];
  for (let m = 0; m < 24 * 60; m += minutes) {
    slots.push(`${pad(Math.floor(m / 60))}:${pad(m % 60)}`);
  }
  return dates.flatMap((date) => slots.map((slot) => `${date}T${slot}`));
}

/**
 * Lays the rows on a full time axis: slots without calls are kept (the API leaves them out), so
 * a quiet hour shows as a quiet hour and the axis has no jumps.
 */
export function fillTimeline(
  rows: readonly CallStatsRow[],
  range: LocalDateRange,
  grouping: Grouping,
): Timeline {
  const keys = timelineKeys(range, grouping);
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return { keys, rows: keys.map((key) => byKey.get(key) ?? null) };
}

/** How the time axis reads: the label of a key, which keys get one, and the tooltip heading. */
export interface TimeAxis {
  label: (key: string) => string;
  show: (key: string, index: number) => boolean;
  title: (key: string) => string;
}

export function timeAxis(range: LocalDateRange, grouping: Grouping, locale?: string): TimeAxis {
  const days = rangeDays(range);
  const minutes = intervalMinutesOf(grouping);
  if (!minutes) {
    return {
      label: (key) => formatDayLabel(key, locale, days <= 14),
      show: () => true,
      title: (key) => fullDate(key, locale),
    };
  }
  // Labels every few hours on a short range; only at midnight (with the date) on a longer one.
  const everyHours = days <= 1 ? 2 : days <= 2 ? 3 : days <= 4 ? 6 : 24;
  return {
    label: (key) => {
      const [date, time] = key.split('T');
      return time === '00:00' && days > 1
        ? formatDayLabel(date, locale)
        : formatClock(time, locale);
    },
    show: (key) => {
      const time = key.split('T')[1] ?? '';
      const [h, m] = time.split(':').map(Number);
      return m === 0 && h % everyHours === 0;
    },
    title: (key) => {
      const [date, time] = key.split('T');
      return `${formatDayLabel(date, locale)}, ${formatClockSpan(time, minutes, locale)}`;
    },
  };
}

/** "Monday, March 3, 2025" for a `YYYY-MM-DD` calendar date. */
export function fullDate(date: string, locale?: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (![y, m, d].every(Number.isFinite)) {
    return date;
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, d),
  );
}

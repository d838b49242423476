import type { ForecastSlot, StaffingForecast } from '@floorwise/contracts';
import {
  formatClock,
  formatClockSpan,
  formatDayLabel,
  formatDuration,
  formatNumber,
  HeatmapData,
} from '@floorwise/ui';

/** The intervals of the day worth showing, and the slots in them. */
export interface TrimmedWeek {
  starts: string[];
  slots: ForecastSlot[];
}

/**
 * Leaves out the intervals at the start and end of the day that need no agent on any day of
 * the week (a campaign closed at night); intervals inside the open hours stay, even if idle. A
 * 24/7 campaign keeps all of them. A week that needs nobody at all has no intervals.
 */
export function trimIdleEdges(slots: readonly ForecastSlot[]): TrimmedWeek {
  const starts = [...new Set(slots.map((s) => s.start))].sort();
  const busy = new Set(slots.filter((s) => s.agents > 0).map((s) => s.start));
  const first = starts.findIndex((start) => busy.has(start));
  if (first === -1) {
    return { starts: [], slots: [] };
  }
  const last = starts.length - 1 - [...starts].reverse().findIndex((start) => busy.has(start));
  const kept = starts.slice(first, last + 1);
  const keep = new Set(kept);
  return { starts: kept, slots: slots.filter((s) => keep.has(s.start)) };
}

/** The forecast week as a heatmap: intervals across, dates (with weekday) down, scheduled agents as colour. */
export function forecastHeatmap(forecast: StaffingForecast, locale?: string): HeatmapData {
  const week = trimIdleEdges(forecast.slots);
  const dates = [...new Set(forecast.slots.map((s) => s.date))].sort();
  const column = new Map(week.starts.map((start, i) => [start, i]));
  const row = new Map(dates.map((date, i) => [date, i]));
  return {
    columns: week.starts.map((start) => formatClock(start, locale)),
    rows: dates.map((date) => formatDayLabel(date, locale)),
    cells: week.slots.map((slot) => ({
      x: column.get(slot.start) ?? 0,
      y: row.get(slot.date) ?? 0,
      value: slot.agents,
      details: [
        {
          label: 'Interval',
          value: formatClockSpan(slot.start, forecast.intervalMinutes, locale),
        },
        { label: 'Offered calls (forecast)', value: formatNumber(slot.offered, locale, 1) },
        { label: 'AHT', value: formatDuration(slot.ahtSeconds) },
        { label: 'Raw agents (on the phones)', value: formatNumber(slot.rawAgents, locale) },
      ],
    })),
  };
}

/** Column labels on the hour only, so a day of half-hours does not crowd the axis. */
export function onTheHour(slots: readonly string[]): (column: string, index: number) => boolean {
  return (_column, index) => (slots[index] ?? '').endsWith(':00');
}

/** Peak and total of the week, for the summary beside the heatmap. */
export function weekPeak(slots: readonly ForecastSlot[]): {
  peakAgents: number;
  peakSlot: ForecastSlot | null;
  offered: number;
} {
  let peakSlot: ForecastSlot | null = null;
  let offered = 0;
  for (const slot of slots) {
    offered += slot.offered;
    if (!peakSlot || slot.agents > peakSlot.agents) {
      peakSlot = slot;
    }
  }
  return { peakAgents: peakSlot?.agents ?? 0, peakSlot, offered };
}

/** The campaign to forecast first: the first one that takes calls in (outbound sales has no queue). */
export function defaultForecastCampaign(
  campaigns: readonly { campaignCode: string; kind: string }[],
): string | null {
  return (
    campaigns.find((c) => c.kind !== 'outbound_sales')?.campaignCode ??
    campaigns[0]?.campaignCode ??
    null
  );
}

/** "Mon" over "23": a date in two short lines, for a narrow column. */
export function shortDayLabel(date: string, locale?: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (![y, m, d].every(Number.isFinite)) {
    return date;
  }
  const ms = Date.UTC(y, m - 1, d);
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(ms);
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', timeZone: 'UTC' }).format(ms);
  return `${weekday}\n${day}`;
}

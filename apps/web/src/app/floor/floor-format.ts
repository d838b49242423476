import type { FloorAgentDto, FloorQuotaDto, PacingStatusDto } from '@floorwise/contracts';
import { formatDuration, formatNumber, formatPercent } from '@floorwise/ui';

export const PACE_LABEL: Readonly<Record<PacingStatusDto, string>> = {
  ahead: 'Ahead',
  on_pace: 'On pace',
  behind: 'Behind',
};

export const METRIC_NAME: Readonly<Record<string, string>> = {
  calls_handled: 'Calls',
  sales: 'Sales',
  saves: 'Saves',
  resolved: 'Resolved',
  aht_seconds: 'AHT',
  csat: 'CSAT',
  qa_score: 'QA',
};

/** A quota's actual and target as a person reads them ("31 / 80", "4:52 / 5:00", "4.3 / 4.5"). */
export function quotaText(q: FloorQuotaDto): string {
  if (q.metric === 'aht_seconds') {
    return `${formatDuration(q.actual)} / ${formatDuration(q.target)}`;
  }
  const digits = q.metric === 'csat' ? 1 : 0;
  return `${formatNumber(q.actual, undefined, digits)} / ${formatNumber(q.target, undefined, digits)}`;
}

export function periodName(p: string): string {
  return p === 'shift' ? 'this shift' : p === 'day' ? 'today' : 'this week';
}

/** Minutes as "2 h 05" or "45 min". */
export function minutesText(seconds: number): string {
  const m = Math.floor(seconds / 60);
  return m >= 60 ? `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')}` : `${m} min`;
}

export function hoursText(seconds: number): string {
  return `${formatNumber(seconds / 3600, undefined, 1)} h`;
}

export function progressPercent(q: FloorQuotaDto | null): string {
  return q ? formatPercent(q.progress, undefined, 0) : '—';
}

/** Width of a progress bar, 0–100 (past 100 % the bar is full). */
export function barWidth(q: FloorQuotaDto | null): number {
  return q?.progress === null || q === null ? 0 : Math.min(100, Math.round(q.progress * 100));
}

export function expectedMarker(q: FloorQuotaDto | null): number {
  if (!q || q.comparator !== 'at_least' || q.target <= 0) return 0;
  return Math.min(100, Math.round((q.expected / q.target) * 100));
}

export type { FloorAgentDto };

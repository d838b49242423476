import type {
  FloorAgentDto,
  FloorIntervalDto,
  FloorQuotaDto,
  PacingStatusDto,
} from '@floorwise/contracts';
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

const COUNTS = new Set(['calls_handled', 'sales', 'saves', 'resolved']);

/**
 * A quota's target as a person reads it: counts in whole units needed (a ramped 39.4 calls needs
 * 40, as the daily goal counts it), AHT as m:ss, CSAT with one decimal.
 */
export function targetText(q: Pick<FloorQuotaDto, 'metric' | 'target'>): string {
  if (q.metric === 'aht_seconds') return formatDuration(q.target);
  if (COUNTS.has(q.metric)) return formatNumber(Math.ceil(q.target - 1e-9));
  return formatNumber(q.target, undefined, q.metric === 'csat' ? 1 : 0);
}

/** A quota's actual and target as a person reads them ("31 / 80", "4:52 / 5:00", "4.3 / 4.5"). */
export function quotaText(q: FloorQuotaDto): string {
  if (q.metric === 'aht_seconds') {
    return `${formatDuration(q.actual)} / ${targetText(q)}`;
  }
  const digits = q.metric === 'csat' ? 1 : 0;
  return `${formatNumber(q.actual, undefined, digits)} / ${targetText(q)}`;
}

/** The tooltip of a ramped target: the full target and the share of it this week of tenure. */
export function rampText(q: Pick<FloorQuotaDto, 'rampFraction' | 'baseTarget' | 'metric'>): string {
  return `New-hire ramp: ${formatPercent(q.rampFraction, undefined, 0)} of ${targetText({ metric: q.metric, target: q.baseTarget })}`;
}

/** Alerts of the rows, one line per agent (most alerts first), for the floor's alert panel. */
export function alertLines(
  rows: readonly FloorAgentDto[],
): { employeeCode: string; fullName: string; teamCode: string; text: string; kinds: string[] }[] {
  return rows
    .filter((a) => a.alerts.length > 0)
    .map((a) => ({
      employeeCode: a.employeeCode,
      fullName: a.fullName,
      teamCode: a.teamCode,
      text: a.alerts.map((x) => x.message).join(' · '),
      kinds: a.alerts.map((x) => x.kind),
    }))
    .sort((x, y) => y.kinds.length - x.kinds.length || x.fullName.localeCompare(y.fullName));
}

/**
 * The intervals worth a card: the campaigns the shown agents take calls of (all, when none),
 * with calls offered this interval, furthest below their service-level target first.
 */
export function intervalCards(
  intervals: readonly FloorIntervalDto[],
  rows: readonly FloorAgentDto[],
  n = 3,
): FloorIntervalDto[] {
  const worked = new Set(rows.flatMap((a) => a.campaignCodes));
  const mine = intervals.filter((i) => worked.has(i.campaignCode));
  const pool = (mine.length > 0 ? mine : intervals).filter((i) => i.serviceLevel !== null);
  return [...pool]
    .sort(
      (a, b) =>
        (a.serviceLevel as number) -
          a.targetServiceLevel -
          ((b.serviceLevel as number) - b.targetServiceLevel) ||
        b.offered - a.offered ||
        a.campaignCode.localeCompare(b.campaignCode),
    )
    .slice(0, n);
}

/** "staffed 6 of 13 needed", or without a forecast "staffed 6, no forecast". */
export function staffingText(
  i: Pick<FloorIntervalDto, 'agentsOnShift' | 'requiredAgents'>,
): string {
  if (i.requiredAgents === null) return `staffed ${i.agentsOnShift}, no forecast`;
  if (i.requiredAgents === 0) return `staffed ${i.agentsOnShift}, none needed`;
  return `staffed ${i.agentsOnShift} of ${i.requiredAgents} needed`;
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

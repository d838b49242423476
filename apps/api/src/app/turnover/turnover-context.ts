import { DateTime } from 'luxon';
import {
  addMonths,
  BurnoutDailyCalls,
  monthEnd,
  monthStart,
  TURNOVER_COST_DEFAULTS,
  WorkShift,
  yearMonthOf,
} from '@floorwise/analytics';
import type { HireCohort, TurnoverScope } from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import { forbidden, invalid } from '../common/domain-error';
import type { CostSettingRecord, DailyCallsRecord, ShiftRecord, TeamScope } from './turnover.sql';

/** The longest range a summary, cost or drivers request may cover. */
export const MAX_RANGE_MONTHS = 120;

/** Today's date in UTC: the default end of every range (see docs/turnover.md). */
export function todayUtc(): string {
  return DateTime.utc().toISODate() as string;
}

/** `from`/`to` with their defaults (the 12 calendar months ending with today's), checked. */
export function resolveRange(from?: string, to?: string): { from: string; to: string } {
  const end = to ?? todayUtc();
  const start = from ?? monthStart(addMonths(yearMonthOf(end), -11));
  if (start > end) {
    throw invalid(`from (${start}) must not be after to (${end})`);
  }
  const months =
    (Number(end.slice(0, 4)) - Number(start.slice(0, 4))) * 12 +
    Number(end.slice(5, 7)) -
    Number(start.slice(5, 7)) +
    1;
  if (months > MAX_RANGE_MONTHS) {
    throw invalid(`from–to covers ${months} months; at most ${MAX_RANGE_MONTHS} are allowed`);
  }
  return { from: start, to: end };
}

/** The last day of the month of a date. */
export function endOfMonthOf(date: string): string {
  return monthEnd(yearMonthOf(date));
}

/**
 * The teams whose agents a request may read. hr and admin: all. A manager: their own teams;
 * with `scope=org`, the whole organisation, but only for ungrouped, unfiltered aggregates
 * (one `all` group, one curve) — a benchmark for their teams, never another team's breakdown.
 */
export function teamScope(
  user: AuthUser,
  scope: TurnoverScope | undefined,
  breakdown: string | null,
): TeamScope {
  if (scope !== 'org' || user.teamIds === 'all') {
    return user.teamIds;
  }
  if (breakdown !== null) {
    throw forbidden(
      `A manager sees organisation-wide turnover only as one ungrouped figure; ${breakdown} is available for your own teams (scope=mine)`,
    );
  }
  return 'all';
}

/** The hire cohort of a date: `2025-03`, `2025-Q1` or `2025`. */
export function cohortKey(hireDate: string, cohort: HireCohort): string {
  if (cohort === 'month') {
    return hireDate.slice(0, 7);
  }
  if (cohort === 'year') {
    return hireDate.slice(0, 4);
  }
  return `${hireDate.slice(0, 4)}-Q${Math.floor((Number(hireDate.slice(5, 7)) - 1) / 3) + 1}`;
}

export function toWorkShift(r: ShiftRecord): WorkShift {
  return {
    start: r.start_at,
    end: r.end_at,
    breakMinutes: r.break_minutes,
    status: r.status,
    kind: r.kind,
    actualStart: r.actual_start,
    actualEnd: r.actual_end,
    sendHomeReason: r.send_home_reason,
    sendHomeAt: r.send_home_at,
  };
}

export function toDailyCalls(r: DailyCallsRecord): BurnoutDailyCalls {
  return {
    date: r.date,
    answered: Number(r.answered),
    handleSeconds: Number(r.handle_seconds),
    hostile: Number(r.hostile),
    qaSum: Number(r.qa_sum),
    qaCount: Number(r.qa_count),
    csatSum: Number(r.csat_sum),
    csatCount: Number(r.csat_count),
  };
}

export function groupByAgent<T extends { agent_id: number }, U>(
  rows: readonly T[],
  map: (r: T) => U,
): Map<number, U[]> {
  const out = new Map<number, U[]>();
  for (const r of rows) {
    const list = out.get(r.agent_id);
    if (list) {
      list.push(map(r));
    } else {
      out.set(r.agent_id, [map(r)]);
    }
  }
  return out;
}

export interface CostAssumptions {
  recruitingCents: number;
  trainingWeeks: number;
  rampWeeks: number;
  rampProductivity: number;
  customised: boolean;
}

/** Each site's cost-of-turnover assumptions, the metrics.md defaults where none is set. */
export function costAssumptionsBySite(
  rows: readonly CostSettingRecord[],
): Map<string, CostAssumptions> {
  return new Map(
    rows.map((r) => [
      r.site_code,
      r.recruiting_cents === null
        ? {
            recruitingCents: TURNOVER_COST_DEFAULTS.recruitingCents,
            trainingWeeks: TURNOVER_COST_DEFAULTS.trainingWeeks,
            rampWeeks: TURNOVER_COST_DEFAULTS.rampWeeks,
            rampProductivity: TURNOVER_COST_DEFAULTS.rampProductivity,
            customised: false,
          }
        : {
            recruitingCents: Number(r.recruiting_cents),
            trainingWeeks: Number(r.training_weeks),
            rampWeeks: Number(r.ramp_weeks),
            rampProductivity: Number(r.ramp_productivity),
            customised: true,
          },
    ]),
  );
}

import {
  addDays,
  BurnoutDailyCalls,
  burnoutIndex,
  DRIVER_WINDOW_DAYS,
  DriverExposure,
  driverExposure,
  WorkShift,
} from '@floorwise/analytics';
import { groupByAgent, toDailyCalls, toWorkShift } from './turnover-context';
import type { AgentRecord, TurnoverSql } from './turnover.sql';

/** Days of shifts before a window that the BRI reads (28-day window + 6 days of run-up). */
const BRI_LOOKBACK_DAYS = 34;

export interface AgentActivity {
  shifts: WorkShift[];
  dailyCalls: BurnoutDailyCalls[];
}

/**
 * Loads the shifts and daily call sums of a set of agents for [from − lookback, to] in two
 * queries, and measures what the drivers need from them with libs/analytics.
 *
 * The burnout band at separation is computed here on demand with `burnoutIndex` of
 * libs/analytics from the shift table and `call_rollup_day` (docs/turnover.md): the BRI on the
 * agent's last day employed (or on the range's end for those still employed). Quota misses are
 * not read (no quota results are stored yet), so that component scores 0.
 */
export class ActivityLoader {
  constructor(private readonly sql: TurnoverSql) {}

  async load(
    agents: readonly AgentRecord[],
    from: string,
    to: string,
    lookbackDays = DRIVER_WINDOW_DAYS + BRI_LOOKBACK_DAYS,
  ): Promise<Map<number, AgentActivity>> {
    const ids = agents.map((a) => a.id);
    const start = addDays(from, -lookbackDays);
    const [shifts, calls] = await Promise.all([
      this.sql.shifts(ids, start, to),
      this.sql.dailyCalls(ids, start, to),
    ]);
    const shiftsBy = groupByAgent(shifts, toWorkShift);
    const callsBy = groupByAgent(calls, toDailyCalls);
    return new Map(
      agents.map((a) => [
        a.id,
        { shifts: shiftsBy.get(a.id) ?? [], dailyCalls: callsBy.get(a.id) ?? [] },
      ]),
    );
  }
}

/** The exposure of one agent in [from, to] (null when not employed in it). */
export function exposureOf(
  a: AgentRecord,
  activity: AgentActivity | undefined,
  from: string,
  to: string,
): DriverExposure | null {
  return driverExposure({
    hireDate: a.hire_date,
    terminationDate: a.termination_date,
    from,
    to,
    zone: a.time_zone,
    holidays: a.holidays,
    contractHours: a.contract_hours,
    shifts: activity?.shifts ?? [],
    dailyCalls: activity?.dailyCalls ?? [],
  });
}

/** The BRI of an agent on a date from their loaded activity. */
export function burnoutOn(a: AgentRecord, activity: AgentActivity | undefined, date: string) {
  return burnoutIndex({
    asOf: date,
    zone: a.time_zone,
    contractHours: a.contract_hours,
    holidays: a.holidays,
    shifts: activity?.shifts ?? [],
    dailyCalls: (activity?.dailyCalls ?? []).filter(
      (d) => d.date >= addDays(date, -27) && d.date <= date,
    ),
  });
}

/** The agent's last day in a range: their termination date if earlier, else `to`. */
export function lastDayIn(a: AgentRecord, to: string): string {
  return a.termination_date !== null && a.termination_date < to ? a.termination_date : to;
}

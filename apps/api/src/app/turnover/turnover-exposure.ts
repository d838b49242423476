import {
  BurnoutDailyCalls,
  BurnoutReading,
  DriverExposure,
  driverExposure,
  WorkShift,
} from '@floorwise/analytics';
import { groupByAgent, toDailyCalls, toWorkShift } from './turnover-context';
import type { AgentRecord, TurnoverSql } from './turnover.sql';

export interface AgentActivity {
  shifts: WorkShift[];
  dailyCalls: BurnoutDailyCalls[];
}

/** The local dates of one agent's activity to load. */
export interface ActivityWindow {
  agent: AgentRecord;
  from: string;
  to: string;
}

/**
 * Loads the shifts and daily call sums of a set of agents, each over a window of local dates of
 * its own (e.g. each agent's last 90 days employed in a range), in two queries — for the
 * exposures of the drivers and the recent changes of the flight-risk list. The BRI is not
 * computed here: turnover reads it from the burnout feature (`BurnoutService.indicesAt`).
 */
export class ActivityLoader {
  constructor(private readonly sql: TurnoverSql) {}

  async load(windows: readonly ActivityWindow[]): Promise<Map<number, AgentActivity>> {
    const ranges = windows.map((w) => ({ agentId: w.agent.id, from: w.from, to: w.to }));
    const [shifts, calls] = await Promise.all([
      this.sql.shifts(ranges),
      this.sql.dailyCalls(ranges),
    ]);
    const shiftsBy = groupByAgent(shifts, toWorkShift);
    const callsBy = groupByAgent(calls, toDailyCalls);
    return new Map(
      windows.map((w) => [
        w.agent.id,
        { shifts: shiftsBy.get(w.agent.id) ?? [], dailyCalls: callsBy.get(w.agent.id) ?? [] },
      ]),
    );
  }
}

/** The exposure of one agent in [from, to] (null when not employed in it). */
export function exposureOf(
  a: AgentRecord,
  activity: AgentActivity | undefined,
  burnout: BurnoutReading | null,
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
    burnout,
  });
}

/** The agent's last day in a range: their termination date if earlier, else `to`. */
export function lastDayIn(a: AgentRecord, to: string): string {
  return a.termination_date !== null && a.termination_date < to ? a.termination_date : to;
}

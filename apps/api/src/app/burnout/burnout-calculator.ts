import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  BURNOUT_COMPONENTS,
  BurnoutConfig,
  BurnoutDailyCalls,
  BurnoutEvidence,
  BurnoutInput,
  BurnoutResult,
  burnoutIndex,
  burnoutWithEvidence,
  WorkShift,
} from '@floorwise/analytics';
import { DateTime } from 'luxon';
import {
  AGENTS_SQL,
  DAILY_CALLS_RANGES_SQL,
  DAILY_CALLS_SQL,
  SHIFTS_RANGES_SQL,
  SHIFTS_SQL,
  UPSERT_SNAPSHOTS_SQL,
} from './burnout.sql';

const DAY_MS = 86_400_000;

export interface AgentInfo {
  id: number;
  employeeCode: string;
  fullName: string;
  contractHours: number;
  teamId: number;
  teamCode: string;
  zone: string;
  holidays: string[];
  hireDate: string;
  terminationDate: string | null;
}

/** Everything one agent's index reads, for a range of as-of dates. */
export interface AgentInputs {
  agent: AgentInfo;
  /** Sorted by scheduled start. */
  shifts: WorkShift[];
  startMs: number[];
  days: BurnoutDailyCalls[];
}

interface AgentRow {
  id: number;
  employee_code: string;
  full_name: string;
  contract_hours: number;
  team_id: number;
  team_code: string;
  time_zone: string;
  holidays: string[];
  hire_date: string;
  termination_date: string | null;
}

interface ShiftRow {
  agent_id: number;
  shift_code: string;
  start_at: Date;
  end_at: Date;
  break_minutes: number;
  status: WorkShift['status'];
  kind: WorkShift['kind'];
  actual_start: Date | null;
  actual_end: Date | null;
  send_home_reason: WorkShift['sendHomeReason'];
  send_home_at: Date | null;
}

interface DayRow {
  agent_id: number;
  date: string;
  answered: number;
  handle_seconds: number;
  hostile: number;
  qa_sum: number;
  qa_count: number;
  csat_sum: number;
  csat_count: number;
}

/** A computed index ready to be stored. */
export interface SnapshotRow {
  agentId: number;
  asOf: string;
  teamId: number;
  version: number;
  index: number | null;
  band: string | null;
  points: number[];
  components: BurnoutResult['components'];
  drivers: string[];
}

/** Days before W that the consecutive-day run, the first rest gap and week totals need. */
export function leadDays(config: BurnoutConfig): number {
  return Math.max(8, config.consecutiveDayLimit + 1);
}

export const plusDays = (date: string, days: number): string =>
  DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() as string;

/**
 * Loads what the BRI reads (organisation, shifts, daily call sums) for a set of agents and a
 * range of as-of dates — three queries however many agents and dates — and runs the pure
 * `burnoutIndex` of libs/analytics on each (agent, date).
 */
@Injectable()
export class BurnoutCalculator {
  constructor(private readonly db: DataSource) {}

  async load(
    agentIds: readonly number[],
    fromAsOf: string,
    toAsOf: string,
    config: BurnoutConfig,
    q: DataSource | EntityManager = this.db,
  ): Promise<Map<number, AgentInputs>> {
    if (agentIds.length === 0) {
      return new Map();
    }
    const ids = [...agentIds];
    const wFrom = plusDays(fromAsOf, -27);
    const [agents, shifts, days] = await Promise.all([
      q.query(AGENTS_SQL, [ids]) as Promise<AgentRow[]>,
      q.query(SHIFTS_SQL, [ids, plusDays(wFrom, -leadDays(config)), toAsOf]) as Promise<ShiftRow[]>,
      q.query(DAILY_CALLS_SQL, [ids, wFrom, toAsOf]) as Promise<DayRow[]>,
    ]);
    return assemble(agents, shifts, days);
  }

  /**
   * {@link load} with a range of as-of dates per agent (each agent once): for reads of many
   * agents on dates far apart — e.g. each leaver on their last day — without loading the months
   * between. Three queries however many agents.
   */
  async loadRanges(
    ranges: readonly { agentId: number; fromAsOf: string; toAsOf: string }[],
    config: BurnoutConfig,
  ): Promise<Map<number, AgentInputs>> {
    if (ranges.length === 0) {
      return new Map();
    }
    const ids = ranges.map((r) => r.agentId);
    const wFrom = ranges.map((r) => plusDays(r.fromAsOf, -27));
    const to = ranges.map((r) => r.toAsOf);
    const [agents, shifts, days] = await Promise.all([
      this.db.query(AGENTS_SQL, [ids]) as Promise<AgentRow[]>,
      this.db.query(SHIFTS_RANGES_SQL, [
        ids,
        wFrom.map((d) => plusDays(d, -leadDays(config))),
        to,
      ]) as Promise<ShiftRow[]>,
      this.db.query(DAILY_CALLS_RANGES_SQL, [ids, wFrom, to]) as Promise<DayRow[]>,
    ]);
    return assemble(agents, shifts, days);
  }

  /** The pure input of one agent on one as-of date (shifts of W and the lead days before it). */
  inputFor(inputs: AgentInputs, asOf: string, config: BurnoutConfig): BurnoutInput {
    const wFrom = plusDays(asOf, -27);
    // UTC midnights with a day of margin either side cover every zone
    const fromMs = Date.parse(`${plusDays(wFrom, -leadDays(config) - 1)}T00:00:00Z`);
    const toMs = Date.parse(`${asOf}T00:00:00Z`) + 2 * DAY_MS;
    const lo = lowerBound(inputs.startMs, fromMs);
    const hi = lowerBound(inputs.startMs, toMs);
    return {
      asOf,
      zone: inputs.agent.zone,
      contractHours: inputs.agent.contractHours,
      holidays: inputs.agent.holidays,
      shifts: inputs.shifts.slice(lo, hi),
      dailyCalls: inputs.days,
      // quota pressure: no quota results exist in this build (feat/quotas), so the component is
      // reported as not measured (raw null, `detail.source` "none") rather than as 0 %.
      quotaDays: null,
    };
  }

  compute(inputs: AgentInputs, asOf: string, config: BurnoutConfig): BurnoutResult {
    return burnoutIndex(this.inputFor(inputs, asOf, config), config);
  }

  computeWithEvidence(
    inputs: AgentInputs,
    asOf: string,
    config: BurnoutConfig,
  ): BurnoutResult & { evidence: BurnoutEvidence } {
    return burnoutWithEvidence(this.inputFor(inputs, asOf, config), config);
  }

  toSnapshot(inputs: AgentInputs, asOf: string, version: number, r: BurnoutResult): SnapshotRow {
    return {
      agentId: inputs.agent.id,
      asOf,
      teamId: inputs.agent.teamId,
      version,
      index: r.index,
      band: r.band,
      points: BURNOUT_COMPONENTS.map((n) => r.components[n].points),
      components: r.components,
      drivers: r.drivers,
    };
  }

  async write(
    rows: readonly SnapshotRow[],
    q: DataSource | EntityManager = this.db,
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += 2000) {
      await q.query(UPSERT_SNAPSHOTS_SQL, [JSON.stringify(rows.slice(i, i + 2000))]);
    }
  }
}

/** Rows of the three loading queries → each agent's inputs (shifts in start order). */
function assemble(
  agents: readonly AgentRow[],
  shifts: readonly ShiftRow[],
  days: readonly DayRow[],
): Map<number, AgentInputs> {
  const out = new Map<number, AgentInputs>();
  for (const a of agents) {
    out.set(a.id, {
      agent: {
        id: a.id,
        employeeCode: a.employee_code,
        fullName: a.full_name,
        contractHours: Number(a.contract_hours),
        teamId: a.team_id,
        teamCode: a.team_code,
        zone: a.time_zone,
        holidays: a.holidays ?? [],
        hireDate: a.hire_date,
        terminationDate: a.termination_date,
      },
      shifts: [],
      startMs: [],
      days: [],
    });
  }
  for (const s of shifts) {
    const inputs = out.get(s.agent_id);
    if (!inputs) {
      continue;
    }
    inputs.shifts.push({
      id: s.shift_code,
      start: s.start_at.getTime(),
      end: s.end_at.getTime(),
      breakMinutes: s.break_minutes,
      status: s.status,
      kind: s.kind,
      actualStart: s.actual_start?.getTime() ?? null,
      actualEnd: s.actual_end?.getTime() ?? null,
      sendHomeReason: s.send_home_reason ?? null,
      sendHomeAt: s.send_home_at?.getTime() ?? null,
    });
    inputs.startMs.push(s.start_at.getTime());
  }
  for (const d of days) {
    out.get(d.agent_id)?.days.push({
      date: d.date,
      answered: d.answered,
      handleSeconds: Number(d.handle_seconds),
      hostile: d.hostile,
      qaSum: Number(d.qa_sum),
      qaCount: d.qa_count,
      csatSum: Number(d.csat_sum),
      csatCount: d.csat_count,
    });
  }
  return out;
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

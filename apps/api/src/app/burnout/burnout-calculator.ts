import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  BURNOUT_COMPONENTS,
  BurnoutConfig,
  BurnoutDailyCalls,
  BurnoutEvidence,
  BurnoutInput,
  BurnoutQuotaDay,
  BurnoutResult,
  burnoutIndex,
  burnoutWithEvidence,
  CountQuotaDay,
  DEFAULT_FLOOR_SETTINGS,
  mergeFloorSettings,
  missedCountQuotaDays,
  QuotaMetric,
  QuotaShiftCounts,
  RampConfig,
  WorkShift,
} from '@floorwise/analytics';
import { DateTime } from 'luxon';
import {
  AGENT_QUOTAS_SQL,
  AGENTS_SQL,
  DAILY_CALLS_RANGES_SQL,
  DAILY_CALLS_SQL,
  FLOOR_SETTINGS_SQL,
  SHIFT_COUNTS_RANGES_SQL,
  SHIFT_COUNTS_SQL,
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
  /**
   * Day / shift count-quota results of every local date loaded (sorted by date), or null when
   * no quota of the agent's own or their team's per-member ones applies at all.
   */
  quotaDays: CountQuotaDay[] | null;
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
  sales: number;
  saves: number;
  resolved: number;
}

interface AgentQuotaRow {
  agent_id: number;
  quota_id: number;
  scope: 'agent' | 'team';
  metric: QuotaMetric;
  period: 'shift' | 'day' | 'week';
  comparator: 'at_least' | 'at_most';
  ramp: boolean;
  versions: { id: number; effectiveFrom: string; target: number | null }[];
}

interface ShiftCountRow {
  agent_id: number;
  date: string;
  status: string;
  send_home_reason: string | null;
  calls_handled: number;
  sales: number;
  saves: number;
  resolved: number;
}

/** Everything quota pressure reads (three small queries run with the others). */
interface QuotaRows {
  quotas: AgentQuotaRow[];
  shiftCounts: ShiftCountRow[];
  ramp: RampConfig;
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
    const [agents, shifts, days, quotas, shiftCounts, settings] = await Promise.all([
      q.query(AGENTS_SQL, [ids]) as Promise<AgentRow[]>,
      q.query(SHIFTS_SQL, [ids, plusDays(wFrom, -leadDays(config)), toAsOf]) as Promise<ShiftRow[]>,
      q.query(DAILY_CALLS_SQL, [ids, wFrom, toAsOf]) as Promise<DayRow[]>,
      q.query(AGENT_QUOTAS_SQL, [ids, toAsOf]) as Promise<AgentQuotaRow[]>,
      q.query(SHIFT_COUNTS_SQL, [ids, wFrom, toAsOf]) as Promise<ShiftCountRow[]>,
      q.query(FLOOR_SETTINGS_SQL) as Promise<{ value: unknown }[]>,
    ]);
    const ranges = new Map(ids.map((id) => [id, { from: wFrom, to: toAsOf }]));
    return assemble(agents, shifts, days, { quotas, shiftCounts, ramp: rampOf(settings) }, ranges);
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
    const lastTo = [...to].sort()[to.length - 1];
    const [agents, shifts, days, quotas, shiftCounts, settings] = await Promise.all([
      this.db.query(AGENTS_SQL, [ids]) as Promise<AgentRow[]>,
      this.db.query(SHIFTS_RANGES_SQL, [
        ids,
        wFrom.map((d) => plusDays(d, -leadDays(config))),
        to,
      ]) as Promise<ShiftRow[]>,
      this.db.query(DAILY_CALLS_RANGES_SQL, [ids, wFrom, to]) as Promise<DayRow[]>,
      this.db.query(AGENT_QUOTAS_SQL, [ids, lastTo]) as Promise<AgentQuotaRow[]>,
      this.db.query(SHIFT_COUNTS_RANGES_SQL, [ids, wFrom, to]) as Promise<ShiftCountRow[]>,
      this.db.query(FLOOR_SETTINGS_SQL) as Promise<{ value: unknown }[]>,
    ]);
    const byAgent = new Map(ids.map((id, i) => [id, { from: wFrom[i], to: to[i] }]));
    return assemble(agents, shifts, days, { quotas, shiftCounts, ramp: rampOf(settings) }, byAgent);
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
      quotaDays: quotaDaysOfWindow(inputs.quotaDays, wFrom, asOf),
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
  quota: QuotaRows,
  ranges: ReadonlyMap<number, { from: string; to: string }>,
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
      quotaDays: null,
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
  assembleQuotaDays(out, days, quota, ranges);
  return out;
}

/**
 * Each agent's day / shift count-quota results over their loaded dates (`missedCountQuotaDays`
 * of libs/analytics), for agents with at least one quota of theirs or their team's per member.
 */
function assembleQuotaDays(
  out: Map<number, AgentInputs>,
  days: readonly DayRow[],
  quota: QuotaRows,
  ranges: ReadonlyMap<number, { from: string; to: string }>,
): void {
  const quotasOf = new Map<number, AgentQuotaRow[]>();
  for (const q of quota.quotas) {
    const list = quotasOf.get(q.agent_id) ?? [];
    list.push(q);
    quotasOf.set(q.agent_id, list);
  }
  if (quotasOf.size === 0) {
    return;
  }
  const countsOf = new Map<number, Map<string, DayRow>>();
  for (const d of days) {
    if (quotasOf.has(d.agent_id)) {
      const m = countsOf.get(d.agent_id) ?? new Map<string, DayRow>();
      m.set(d.date, d);
      countsOf.set(d.agent_id, m);
    }
  }
  const shiftsOf = new Map<number, QuotaShiftCounts[]>();
  for (const s of quota.shiftCounts) {
    const list = shiftsOf.get(s.agent_id) ?? [];
    list.push({
      date: s.date,
      // cut short by the floor without the goal met: the count says nothing of the agent
      judged: s.status === 'worked' || s.send_home_reason === 'goal_met',
      counts: {
        callsHandled: s.calls_handled,
        sales: s.sales,
        saves: s.saves,
        resolved: s.resolved,
      },
    });
    shiftsOf.set(s.agent_id, list);
  }
  for (const [agentId, defs] of quotasOf) {
    const inputs = out.get(agentId);
    const range = ranges.get(agentId);
    if (!inputs || !range) {
      continue;
    }
    const counts = countsOf.get(agentId);
    const judged: { date: string; counts: QuotaShiftCounts['counts'] }[] = [];
    for (let date = range.from; date <= range.to; date = nextDate(date)) {
      const d = counts?.get(date);
      judged.push({
        date,
        counts: {
          callsHandled: d?.answered ?? 0,
          sales: d?.sales ?? 0,
          saves: d?.saves ?? 0,
          resolved: d?.resolved ?? 0,
        },
      });
    }
    inputs.quotaDays = missedCountQuotaDays({
      hireDate: inputs.agent.hireDate,
      ramp: quota.ramp,
      quotas: defs.map((q) => ({
        quotaId: q.quota_id,
        scope: q.scope,
        metric: q.metric,
        period: q.period,
        comparator: q.comparator,
        ramp: q.ramp,
        versions: q.versions,
      })),
      days: judged,
      shifts: shiftsOf.get(agentId) ?? [],
    });
  }
}

/**
 * The quota results of W for the index: null — quota pressure not measured — when no day or
 * shift count quota was in force on any date of W (the agent has none to miss); otherwise the
 * dates of W, a date without a quota in force counting as not missed (docs/burnout.md).
 */
export function quotaDaysOfWindow(
  days: readonly CountQuotaDay[] | null,
  from: string,
  to: string,
): BurnoutQuotaDay[] | null {
  if (days === null) {
    return null;
  }
  const out: BurnoutQuotaDay[] = [];
  let any = false;
  for (let i = lowerBoundDate(days, from); i < days.length && days[i].date <= to; i += 1) {
    any ||= days[i].hasQuota;
    out.push({ date: days[i].date, missed: days[i].missed });
  }
  return any ? out : null;
}

function lowerBoundDate(sorted: readonly { date: string }[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].date < value) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** The next calendar date (UTC arithmetic: no zone involved; luxon is slow per agent-day). */
function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** The new-hire ramp of the floor settings (their defaults when none are stored). */
function rampOf(rows: readonly { value: unknown }[]): RampConfig {
  return rows.length === 0
    ? DEFAULT_FLOOR_SETTINGS.ramp
    : mergeFloorSettings(DEFAULT_FLOOR_SETTINGS, rows[0].value).settings.ramp;
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

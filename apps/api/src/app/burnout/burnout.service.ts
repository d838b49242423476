import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  BURNOUT_COMPONENTS,
  BurnoutComponentName,
  BurnoutConfig,
  BurnoutResult,
  teamBurnout,
  teamBurnoutFromSums,
  teamDrivers,
} from '@floorwise/analytics';
import type {
  BurnoutAgentDetail,
  BurnoutAgentRow,
  BurnoutBandName,
  BurnoutComponentDetail,
  BurnoutComponentKey,
  BurnoutTeamView,
} from '@floorwise/contracts';
import { DateTime } from 'luxon';
import { AuthUser, teamFilter } from '../auth/auth-user';
import { forbidden, invalid, notFound } from '../common/domain-error';
import { AgentInputs, BurnoutCalculator, plusDays } from './burnout-calculator';
import { BurnoutConfigService } from './burnout-config.service';
import { BurnoutSnapshotJob } from './burnout-snapshot.job';
import {
  AGENT_HISTORY_SQL,
  EMPLOYED_AGENT_IDS_SQL,
  HOSTILE_CALLS_SQL,
  LATEST_BANDS_SQL,
  SNAPSHOTS_AT_SQL,
  SNAPSHOTS_ON_SQL,
  TEAM_MEMBERS_SQL,
  TEAM_TREND_SQL,
} from './burnout.sql';

type Components = BurnoutResult['components'];

interface SnapshotRow {
  agent_id: number;
  bri: number | null;
  band: BurnoutBandName | null;
  components: Components;
  drivers: BurnoutComponentKey[];
}

/** The latest stored band of an agent (the floor page's column). */
export interface LatestBand {
  agentId: number;
  employeeCode: string;
  asOf: string;
  index: number | null;
  band: BurnoutBandName | null;
}

/** An agent's index on one date as another feature reads it (turnover). */
export interface BurnoutOnDate {
  agentId: number;
  /** The date read: the one asked for, or the last complete day when that is later. */
  asOf: string;
  index: number | null;
  band: BurnoutBandName | null;
  drivers: BurnoutComponentKey[];
  /** `snapshot`: the stored daily snapshot; `computed`: computed now (none stored, or stale). */
  source: 'snapshot' | 'computed';
}

/** Indices by agent id, then by the date asked for. */
export type BurnoutReadings = Map<number, Map<string, BurnoutOnDate>>;

const RAMP_OF: Record<BurnoutComponentName, keyof BurnoutConfig['ramps'] | null> = {
  overtime: 'overtime',
  occupancy: 'occupancy',
  hostile: 'hostile',
  recovery: 'recovery',
  irregularity: null,
  unsocial: 'unsocial',
  quota_pressure: 'quota_pressure',
  drift: 'drift',
  absence: 'absence',
};

/**
 * The burnout endpoints: rows of `GET /api/burnout/agents` (interfaces.md), the team view, an
 * agent's drill-down, the agent's own page. Who sees what: admin and hr every team, a manager the
 * teams they manage (another team's code is a 403), an agent only their own drill-down.
 */
@Injectable()
export class BurnoutService {
  constructor(
    private readonly db: DataSource,
    private readonly calculator: BurnoutCalculator,
    private readonly configs: BurnoutConfigService,
    private readonly job: BurnoutSnapshotJob,
  ) {}

  /** Teams the caller asks for and may see: null = every team (admin, hr without a code). */
  private async teamScope(user: AuthUser, teamCode?: string): Promise<number[] | null> {
    if (teamCode !== undefined) {
      const rows: { id: number }[] = await this.db.query(
        `SELECT id FROM team WHERE team_code = $1`,
        [teamCode],
      );
      if (rows.length === 0) {
        throw notFound(`Team ${teamCode} does not exist`);
      }
      if (user.teamIds !== 'all' && !user.teamIds.includes(rows[0].id)) {
        throw forbidden(`Team ${teamCode} is not one of your teams`);
      }
      return [rows[0].id];
    }
    return teamFilter(user);
  }

  private async resolveAsOf(asOf: string | undefined): Promise<string> {
    const latest = await this.job.latestAsOf();
    if (asOf === undefined) {
      return latest;
    }
    if (asOf > plusDays(latest, 1)) {
      throw invalid(`asOf ${asOf} is in the future (the last complete day is ${latest})`);
    }
    return asOf;
  }

  /** Stored, current snapshots of these agents on a date; the rest computed now (not stored). */
  private async indicesOn(
    ids: number[],
    asOf: string,
  ): Promise<
    Map<
      number,
      {
        index: number | null;
        band: BurnoutBandName | null;
        components: Components;
        drivers: BurnoutComponentKey[];
      }
    >
  > {
    const { version, config } = await this.configs.current();
    const stored: SnapshotRow[] =
      ids.length > 0 ? await this.db.query(SNAPSHOTS_ON_SQL, [asOf, ids, version]) : [];
    const out = new Map(
      stored.map((s) => [
        s.agent_id,
        { index: s.bri, band: s.band, components: s.components, drivers: s.drivers },
      ]),
    );
    const missing = ids.filter((id) => !out.has(id));
    if (missing.length > 0) {
      const inputs = await this.calculator.load(missing, asOf, asOf, config);
      for (const [id, agent] of inputs) {
        const r = this.calculator.compute(agent, asOf, config);
        out.set(id, {
          index: r.index,
          band: r.band,
          components: r.components,
          drivers: r.drivers as BurnoutComponentKey[],
        });
      }
    }
    return out;
  }

  /** interfaces.md `GET /api/burnout/agents?asOf=&teamCode=`. */
  async agents(
    user: AuthUser,
    q: { asOf?: string; teamCode?: string },
  ): Promise<BurnoutAgentRow[]> {
    const teams = await this.teamScope(user, q.teamCode);
    const asOf = await this.resolveAsOf(q.asOf);
    const rows: { id: number }[] = await this.db.query(EMPLOYED_AGENT_IDS_SQL, [asOf, teams]);
    const ids = rows.map((r) => r.id);
    const codes: { id: number; employee_code: string }[] =
      ids.length > 0
        ? await this.db.query(`SELECT id, employee_code FROM agent WHERE id = ANY($1::int[])`, [
            ids,
          ])
        : [];
    const indices = await this.indicesOn(ids, asOf);
    return codes
      .sort((a, b) => (a.employee_code < b.employee_code ? -1 : 1))
      .map((c) => {
        const r = indices.get(c.id);
        return {
          employeeCode: c.employee_code,
          index: r?.index ?? null,
          band: r?.band ?? null,
          components: apiComponents(r?.components),
          drivers: r?.drivers ?? [],
        };
      });
  }

  /** The team view: distribution, trend, capacity at risk, top drivers, members. */
  async team(
    user: AuthUser,
    q: { asOf?: string; teamCode?: string; days?: number },
  ): Promise<BurnoutTeamView> {
    const teams = await this.teamScope(user, q.teamCode);
    const asOf = await this.resolveAsOf(q.asOf);
    const days = q.days ?? 90;
    const { version, config } = await this.configs.current();
    const [members, trend, teamList] = await Promise.all([
      this.db.query(TEAM_MEMBERS_SQL, [teams, asOf]) as Promise<
        {
          id: number;
          employee_code: string;
          full_name: string;
          team_code: string;
          bri: number | null;
          band: BurnoutBandName | null;
          drivers: BurnoutComponentKey[] | null;
          points: number[] | null;
          quota_source: string | null;
          config_version: number | null;
          has_snapshot: boolean;
          bri_before: number | null;
        }[]
      >,
      this.db.query(TEAM_TREND_SQL, [teams, plusDays(asOf, -(days - 1)), asOf]) as Promise<
        {
          date: string;
          members: number;
          sum_index: number;
          low: number;
          elevated: number;
          high: number;
          critical: number;
        }[]
      >,
      this.visibleTeams(user),
    ]);
    // members without a current snapshot of as-of are computed now (the job is catching up)
    const stale = members.filter((m) => !m.has_snapshot || m.config_version !== version);
    if (stale.length > 0) {
      const inputs = await this.calculator.load(
        stale.map((m) => m.id),
        asOf,
        asOf,
        config,
      );
      for (const m of stale) {
        const agent = inputs.get(m.id) as AgentInputs;
        const r = this.calculator.compute(agent, asOf, config);
        m.bri = r.index;
        m.band = r.band;
        m.drivers = r.drivers as BurnoutComponentKey[];
        m.points = BURNOUT_COMPONENTS.map((n) => r.components[n].points);
        m.quota_source = (r.components.quota_pressure.detail?.['source'] as string) ?? null;
      }
      members.sort(
        (a, b) => (b.bri ?? -1) - (a.bri ?? -1) || (a.employee_code < b.employee_code ? -1 : 1),
      );
    }
    const now = teamBurnout(members.map((m) => m.bri));
    const drivers = teamDrivers(
      BURNOUT_COMPONENTS,
      members.map((m) => ({
        index: m.bri,
        drivers: (m.drivers ?? []) as BurnoutComponentName[],
        points: Object.fromEntries(
          BURNOUT_COMPONENTS.map((n, i) => [n, m.points?.[i] ?? 0]),
        ) as Record<BurnoutComponentName, number>,
      })),
    );
    return {
      asOf,
      teamCode: q.teamCode ?? null,
      teams: teamList,
      configVersion: version,
      members: members.length,
      withIndex: now.members,
      meanIndex: now.meanIndex,
      capacityAtRisk: now.capacityAtRisk,
      bands: now.bands,
      trend: trend.map((t) => {
        const f = teamBurnoutFromSums({
          members: t.members,
          sumIndex: t.sum_index,
          bands: { low: t.low, elevated: t.elevated, high: t.high, critical: t.critical },
        });
        return {
          date: t.date,
          members: f.members,
          meanIndex: f.meanIndex,
          capacityAtRisk: f.capacityAtRisk,
          bands: f.bands,
        };
      }),
      drivers: drivers.map((d) => ({ ...d, name: d.name as BurnoutComponentKey })),
      agents: members.map((m) => ({
        employeeCode: m.employee_code,
        fullName: m.full_name,
        teamCode: m.team_code,
        index: m.bri,
        band: m.band,
        drivers: m.drivers ?? [],
        change7d: m.bri !== null && m.bri_before !== null ? m.bri - m.bri_before : null,
      })),
      pendingSnapshots: stale.length,
      quotaSource: members.some((m) => m.quota_source === 'quotas') ? 'quotas' : 'none',
    };
  }

  private async visibleTeams(user: AuthUser): Promise<{ teamCode: string; name: string }[]> {
    const rows: { team_code: string; name: string }[] = await this.db.query(
      `SELECT team_code, name FROM team WHERE $1::int[] IS NULL OR id = ANY($1::int[])
       ORDER BY team_code`,
      [teamFilter(user)],
    );
    return rows.map((r) => ({ teamCode: r.team_code, name: r.name }));
  }

  /** A manager's (or hr's, admin's) drill-down into one agent. */
  async agentDetail(
    user: AuthUser,
    employeeCode: string,
    q: { asOf?: string; days?: number },
  ): Promise<BurnoutAgentDetail> {
    const rows: { id: number; team_id: number }[] = await this.db.query(
      `SELECT id, team_id FROM agent WHERE employee_code = $1`,
      [employeeCode],
    );
    if (rows.length === 0) {
      throw notFound(`Agent ${employeeCode} does not exist`);
    }
    if (user.teamIds !== 'all' && !user.teamIds.includes(rows[0].team_id)) {
      throw forbidden(`Agent ${employeeCode} is not in one of your teams`);
    }
    return this.detail(rows[0].id, q);
  }

  /** The signed-in agent's own page. */
  async mine(user: AuthUser, q: { asOf?: string; days?: number }): Promise<BurnoutAgentDetail> {
    if (user.agentId === null) {
      throw forbidden('This sign-in is not linked to an agent');
    }
    return this.detail(user.agentId, q);
  }

  private async detail(
    agentId: number,
    q: { asOf?: string; days?: number },
  ): Promise<BurnoutAgentDetail> {
    const asOf = await this.resolveAsOf(q.asOf);
    const days = q.days ?? 90;
    const { version, config } = await this.configs.current();
    const inputs = (await this.calculator.load([agentId], asOf, asOf, config)).get(
      agentId,
    ) as AgentInputs;
    const r = this.calculator.computeWithEvidence(inputs, asOf, config);
    const [history, stored, hostile] = await Promise.all([
      this.db.query(AGENT_HISTORY_SQL, [agentId, plusDays(asOf, -(days - 1)), asOf]) as Promise<
        { date: string; bri: number | null; band: BurnoutBandName | null }[]
      >,
      this.db.query(SNAPSHOTS_ON_SQL, [asOf, [agentId], version]) as Promise<SnapshotRow[]>,
      this.db.query(HOSTILE_CALLS_SQL, [agentId, r.window.from, asOf]) as Promise<
        {
          call_id: string;
          started_at: Date;
          campaign_code: string;
          outcome: string;
          handle_seconds: number;
        }[]
      >,
    ]);
    const zone = inputs.agent.zone;
    const iso = (ms: number | null) =>
      ms === null
        ? null
        : (DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) as string);
    const components = {} as Record<BurnoutComponentKey, BurnoutComponentDetail>;
    for (const n of BURNOUT_COMPONENTS) {
      const c = r.components[n];
      const rampName = RAMP_OF[n];
      components[n] = {
        raw: c.raw,
        score: c.score,
        points: c.points,
        weight: config.weights[n],
        ramp: rampName ? { ...config.ramps[rampName] } : null,
        detail: c.detail ?? null,
      };
    }
    const ev = r.evidence;
    const runByDate = new Map(ev.days.map((d) => [d.date, d.run]));
    return {
      employeeCode: inputs.agent.employeeCode,
      fullName: inputs.agent.fullName,
      teamCode: inputs.agent.teamCode,
      timeZone: zone,
      contractHours: inputs.agent.contractHours,
      asOf,
      window: r.window,
      configVersion: version,
      source: stored.length > 0 ? 'snapshot' : 'computed',
      index: r.index,
      band: r.band,
      drivers: r.drivers as BurnoutComponentKey[],
      components,
      history: history.map((h) => ({ date: h.date, index: h.bri, band: h.band })),
      days: ev.days.map((d) => ({
        date: d.date,
        workedHours: d.workedSeconds / 3600,
        unsocialHours: d.unsocialSeconds / 3600,
        run: d.run,
        answered: d.answered,
        hostile: d.hostile,
        ahtSeconds: d.answered > 0 ? d.handleSeconds / d.answered : null,
        occupancy: d.workedSeconds > 0 ? d.handleSeconds / d.workedSeconds : null,
        qaMean: d.qaCount > 0 ? d.qaSum / d.qaCount : null,
        csatMean: d.csatCount > 0 ? d.csatSum / d.csatCount : null,
        quotaMissed: d.quotaMissed,
        recent: d.date >= r.window.recentFrom,
      })),
      shifts: ev.shifts.map((s) => ({
        shiftId: s.id,
        date: s.date,
        kind: s.kind,
        status: s.status,
        start: iso(s.startMs) as string,
        end: iso(s.endMs) as string,
        actualStart: iso(s.actualStartMs),
        actualEnd: iso(s.actualEndMs),
        workedHours: s.workedSeconds / 3600,
        startHour: s.startHourUnwrapped,
        sendHomeReason: s.sendHomeReason ?? null,
        unpaidSendHome: s.unpaidSendHome,
        unplannedAbsence: s.unplannedAbsence,
        shortRestBeforeHours: s.shortRestBeforeHours,
        seventhDayOrLater: (runByDate.get(s.date) ?? 0) >= config.consecutiveDayLimit,
        recent: s.recent,
      })),
      weeks: ev.weeks.map((w) => ({ ...w, contractHours: inputs.agent.contractHours })),
      drift: ev.drift,
      hostileCalls: hostile.map((h) => ({
        callId: h.call_id,
        startedAt: iso(h.started_at.getTime()) as string,
        campaignCode: h.campaign_code,
        outcome: h.outcome,
        handleSeconds: Number(h.handle_seconds),
      })),
      quotaSource: r.components.quota_pressure.detail?.['source'] === 'quotas' ? 'quotas' : 'none',
    };
  }

  /** The last day complete at every site: the newest date an index is read on. */
  lastCompleteDay(): Promise<string> {
    return this.job.latestAsOf();
  }

  /**
   * The index of agents, each on dates of its own — the one way other features read burnout
   * (turnover's band at separation, its drivers and its flight-risk list), so the index of an
   * agent and date is computed in one place. Each (agent, date) is the stored daily snapshot
   * when there is a current one (this configuration, no change to its inputs since), and
   * otherwise computed now by the job's own calculator and formula, not stored: a date before
   * the job's history, or one it has not reached yet. A date after the last complete day is read
   * on that day (an index never counts half a day, and the future has no data); `asOf` of each
   * reading says which day it is. One query for the snapshots and, when some are missing, the
   * calculator's three for those agents (each around its own dates), however many agents.
   */
  async indicesAt(wanted: readonly { agentId: number; asOf: string }[]): Promise<BurnoutReadings> {
    const out: BurnoutReadings = new Map();
    if (wanted.length === 0) {
      return out;
    }
    const [last, { version, config }] = await Promise.all([
      this.job.latestAsOf(),
      this.configs.current(),
    ]);
    // the distinct (agent, date) pairs to read
    const dates = new Map<number, Set<string>>();
    for (const w of wanted) {
      const day = w.asOf > last ? last : w.asOf;
      const set = dates.get(w.agentId) ?? new Set<string>();
      set.add(day);
      dates.set(w.agentId, set);
    }
    const pairs = [...dates].flatMap(([id, set]) => [...set].map((d) => [id, d] as const));
    const stored: {
      agent_id: number;
      as_of: string;
      bri: number | null;
      band: BurnoutBandName | null;
      drivers: BurnoutComponentKey[];
    }[] = await this.db.query(SNAPSHOTS_AT_SQL, [
      pairs.map(([id]) => id),
      pairs.map(([, d]) => d),
      version,
    ]);
    const found = new Map<string, BurnoutOnDate>();
    for (const r of stored) {
      found.set(`${r.agent_id}|${r.as_of}`, {
        agentId: r.agent_id,
        asOf: r.as_of,
        index: r.bri,
        band: r.band,
        drivers: r.drivers,
        source: 'snapshot',
      });
    }
    // the rest: computed from the shifts and rollups around each agent's own dates
    const missing = new Map<number, string[]>();
    for (const [id, d] of pairs) {
      if (!found.has(`${id}|${d}`)) {
        missing.set(id, [...(missing.get(id) ?? []), d]);
      }
    }
    if (missing.size > 0) {
      const ranges = [...missing].map(([agentId, ds]) => {
        const sorted = [...ds].sort();
        return { agentId, fromAsOf: sorted[0], toAsOf: sorted[sorted.length - 1] };
      });
      const inputs = await this.calculator.loadRanges(ranges, config);
      for (const [id, ds] of missing) {
        const agent = inputs.get(id);
        if (!agent) {
          continue; // no such agent
        }
        for (const d of ds) {
          const r = this.calculator.compute(agent, d, config);
          found.set(`${id}|${d}`, {
            agentId: id,
            asOf: d,
            index: r.index,
            band: r.band,
            drivers: r.drivers as BurnoutComponentKey[],
            source: 'computed',
          });
        }
      }
    }
    for (const w of wanted) {
      const reading = found.get(`${w.agentId}|${w.asOf > last ? last : w.asOf}`);
      if (reading) {
        const byDate = out.get(w.agentId) ?? new Map<string, BurnoutOnDate>();
        byDate.set(w.asOf, reading);
        out.set(w.agentId, byDate);
      }
    }
    return out;
  }

  /**
   * The latest stored band of each agent (all agents, or the given ids): one backward scan of
   * the snapshot key per agent. For the floor page's band column.
   */
  async latestBands(agentIds?: readonly number[]): Promise<Map<number, LatestBand>> {
    const rows: {
      agent_id: number;
      employee_code: string;
      as_of: string;
      bri: number | null;
      band: BurnoutBandName | null;
    }[] = await this.db.query(LATEST_BANDS_SQL, [agentIds ? [...agentIds] : null]);
    return new Map(
      rows.map((r) => [
        r.agent_id,
        {
          agentId: r.agent_id,
          employeeCode: r.employee_code,
          asOf: r.as_of,
          index: r.bri,
          band: r.band,
        },
      ]),
    );
  }
}

/** The interfaces.md component shape: exactly raw, score, points. */
function apiComponents(c: Components | undefined): BurnoutAgentRow['components'] {
  const out = {} as BurnoutAgentRow['components'];
  for (const n of BURNOUT_COMPONENTS) {
    const x = c?.[n];
    out[n] = { raw: x?.raw ?? null, score: x?.score ?? 0, points: x?.points ?? 0 };
  }
  return out;
}

import { DataSource } from 'typeorm';
import type { TerminationType, WorkMode } from '@floorwise/contracts';

/**
 * Every SQL statement of the turnover feature, in one place. They return plain rows (sums and
 * records); every figure is computed from them by libs/analytics.
 *
 * Scope: `teamIds` is the caller's visible teams (`'all'` for hr and admin, a manager's teams);
 * it is applied in SQL so rows a caller may not see never leave the database.
 */

export type TeamScope = number[] | 'all';

export interface AgentRecord {
  id: number;
  employee_code: string;
  full_name: string;
  title: string;
  work_mode: WorkMode;
  hire_date: string;
  termination_date: string | null;
  termination_type: TerminationType | null;
  termination_reason: string | null;
  hourly_rate_cents: number;
  contract_hours: number;
  team_id: number;
  team_code: string;
  site_id: number;
  site_code: string;
  time_zone: string;
  holidays: string[];
}

export interface AgentFilter {
  teamIds: TeamScope;
  /** Only agents hired on or before this date. */
  hiredBy?: string;
  /** Only agents employed on or after this date (terminated on it or later, or not at all). */
  employedSince?: string;
  hiredFrom?: string;
  hiredTo?: string;
  siteCode?: string;
  teamCode?: string;
  workMode?: string;
  /** Only agents whose main campaign (most answered calls) is this one. */
  campaignCode?: string;
}

export interface DailyCallsRecord {
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

export interface ShiftRecord {
  agent_id: number;
  start_at: Date;
  end_at: Date;
  break_minutes: number;
  status: 'scheduled' | 'worked' | 'absent_unplanned' | 'absent_excused' | 'sent_home';
  kind: 'regular' | 'overtime' | 'training';
  actual_start: Date | null;
  actual_end: Date | null;
  send_home_reason: 'goal_met' | 'outage' | 'low_volume' | null;
  send_home_at: Date | null;
}

/** A range of local dates of one agent. */
export interface AgentDateRange {
  agentId: number;
  from: string;
  to: string;
}

function rangeParams(ranges: readonly AgentDateRange[]): [number[], string[], string[]] {
  return [ranges.map((r) => r.agentId), ranges.map((r) => r.from), ranges.map((r) => r.to)];
}

export interface MetricRecord {
  agent_id: number;
  answered: number;
  handle_seconds: number;
  resolved: number;
  sales: number;
  saves: number;
  qa_sum: number;
  qa_count: number;
  csat_sum: number;
  csat_count: number;
  worked_seconds: number;
}

export interface CostSettingRecord {
  site_code: string;
  recruiting_cents: number | null;
  training_weeks: number | null;
  ramp_weeks: number | null;
  ramp_productivity: number | null;
}

const MAIN_CAMPAIGN = `(
  SELECT c.campaign_code FROM call_rollup_day r JOIN campaign c ON c.id = r.campaign_id
  WHERE r.agent_id = a.id GROUP BY c.campaign_code
  ORDER BY sum(r.answered) DESC, c.campaign_code LIMIT 1)`;

export class TurnoverSql {
  constructor(private readonly db: DataSource) {}

  /** The agents (with team, site and zone) that may feed a figure, in the caller's scope. */
  async agents(
    f: AgentFilter,
    withCampaign = false,
  ): Promise<(AgentRecord & { campaign_code: string | null })[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (clause: string, value: unknown) => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (f.teamIds !== 'all') {
      add('a.team_id = ANY(?::int[])', f.teamIds);
    }
    if (f.hiredBy) {
      add('a.hire_date <= ?::date', f.hiredBy);
    }
    if (f.employedSince) {
      add('(a.termination_date IS NULL OR a.termination_date >= ?::date)', f.employedSince);
    }
    if (f.hiredFrom) {
      add('a.hire_date >= ?::date', f.hiredFrom);
    }
    if (f.hiredTo) {
      add('a.hire_date <= ?::date', f.hiredTo);
    }
    if (f.siteCode) {
      add('s.site_code = ?', f.siteCode);
    }
    if (f.teamCode) {
      add('t.team_code = ?', f.teamCode);
    }
    if (f.workMode) {
      add('a.work_mode = ?', f.workMode);
    }
    if (f.campaignCode) {
      add(`${MAIN_CAMPAIGN} = ?`, f.campaignCode);
    }
    return this.db.query(
      `SELECT a.id, a.employee_code, a.full_name, a.title, a.work_mode,
         a.hire_date::text AS hire_date, a.termination_date::text AS termination_date,
         a.termination_type, a.termination_reason, a.hourly_rate_cents, a.contract_hours,
         t.id AS team_id, t.team_code, s.id AS site_id, s.site_code, s.time_zone,
         s.holidays::text[] AS holidays
         ${withCampaign ? `, ${MAIN_CAMPAIGN} AS campaign_code` : ''}
       FROM agent a JOIN team t ON t.id = a.team_id JOIN site s ON s.id = t.site_id
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.employee_code`,
      params,
    );
  }

  /**
   * The four fields the summary reads, with the group key, for every agent in scope hired by
   * `hiredBy` and employed on or after `employedSince` — one narrow row per agent, so a 10,000-agent
   * history leaves the database in a few milliseconds.
   */
  async summaryRows(
    teamIds: TeamScope,
    hiredBy: string,
    employedSince: string,
    key: 'site' | 'team' | 'campaign' | 'work_mode' | 'title' | null,
  ): Promise<{ k: string | null; h: string; t: string | null; y: TerminationType | null }[]> {
    const keyExpr = {
      site: 's.site_code',
      team: 't.team_code',
      campaign: MAIN_CAMPAIGN,
      work_mode: 'a.work_mode',
      title: 'a.title',
    };
    const params: unknown[] = [hiredBy, employedSince];
    let scope = '';
    if (teamIds !== 'all') {
      params.push(teamIds);
      scope = 'AND a.team_id = ANY($3::int[])';
    }
    const join =
      key === 'site'
        ? 'JOIN team t ON t.id = a.team_id JOIN site s ON s.id = t.site_id'
        : key === 'team'
          ? 'JOIN team t ON t.id = a.team_id'
          : '';
    return this.db.query(
      `SELECT ${key === null ? 'NULL' : keyExpr[key]} AS k, a.hire_date::text AS h,
         a.termination_date::text AS t, a.termination_type AS y
       FROM agent a ${join}
       WHERE a.hire_date <= $1::date
         AND (a.termination_date IS NULL OR a.termination_date >= $2::date) ${scope}`,
      params,
    );
  }

  /**
   * Per agent and local day: the call sums the drivers and the recent changes read
   * (call_rollup_day), each agent over a range of local dates of its own (one range per agent).
   */
  async dailyCalls(ranges: readonly AgentDateRange[]): Promise<DailyCallsRecord[]> {
    if (ranges.length === 0) {
      return [];
    }
    const rows: Record<string, string | number>[] = await this.db.query(
      `SELECT d.agent_id, d.local_date::text AS date, sum(d.answered)::int AS answered,
         sum(d.handle_seconds)::float8 AS handle_seconds, sum(d.hostile)::int AS hostile,
         sum(d.qa_sum)::int AS qa_sum, sum(d.qa_count)::int AS qa_count,
         sum(d.csat_sum)::int AS csat_sum, sum(d.csat_count)::int AS csat_count
       FROM unnest($1::int[], $2::date[], $3::date[]) AS r(agent_id, first_date, last_date)
       JOIN call_rollup_day d ON d.agent_id = r.agent_id
         AND d.local_date BETWEEN r.first_date AND r.last_date
       GROUP BY d.agent_id, d.local_date`,
      rangeParams(ranges),
    );
    return rows as unknown as DailyCallsRecord[];
  }

  /** The agents' shifts whose local date falls in each agent's range (one range per agent). */
  async shifts(ranges: readonly AgentDateRange[]): Promise<ShiftRecord[]> {
    if (ranges.length === 0) {
      return [];
    }
    return this.db.query(
      `SELECT s.agent_id, s.start_at, s.end_at, s.break_minutes, s.status, s.kind,
         s.actual_start, s.actual_end, s.send_home_reason, s.send_home_at
       FROM unnest($1::int[], $2::date[], $3::date[]) AS r(agent_id, first_date, last_date)
       JOIN shift s ON s.agent_id = r.agent_id
         AND s.local_date BETWEEN r.first_date AND r.last_date
       ORDER BY s.agent_id, s.start_at`,
      rangeParams(ranges),
    );
  }

  /** Per agent: the sums behind the what-if metrics over [from, to], with worked seconds. */
  async metricSums(agentIds: number[], from: string, to: string): Promise<MetricRecord[]> {
    if (agentIds.length === 0) {
      return [];
    }
    return this.db.query(
      `WITH c AS (
         SELECT agent_id, sum(answered)::int AS answered, sum(handle_seconds)::float8 AS handle_seconds,
           sum(resolved)::int AS resolved, sum(sales)::int AS sales, sum(saves)::int AS saves,
           sum(qa_sum)::int AS qa_sum, sum(qa_count)::int AS qa_count,
           sum(csat_sum)::int AS csat_sum, sum(csat_count)::int AS csat_count
         FROM call_rollup_day
         WHERE agent_id = ANY($1::int[]) AND local_date BETWEEN $2::date AND $3::date
         GROUP BY agent_id),
       w AS (
         SELECT agent_id, sum(greatest(0, extract(epoch FROM (actual_end - actual_start)) - break_minutes * 60))::float8 AS worked_seconds
         FROM shift
         WHERE agent_id = ANY($1::int[]) AND local_date BETWEEN $2::date AND $3::date
           AND actual_start IS NOT NULL AND actual_end IS NOT NULL
         GROUP BY agent_id)
       SELECT c.*, coalesce(w.worked_seconds, 0)::float8 AS worked_seconds
       FROM c LEFT JOIN w USING (agent_id)`,
      [agentIds, from, to],
    );
  }

  async costSettings(): Promise<CostSettingRecord[]> {
    return this.db.query(
      `SELECT s.site_code, c.recruiting_cents, c.training_weeks, c.ramp_weeks, c.ramp_productivity
       FROM site s LEFT JOIN turnover_cost_setting c ON c.site_id = s.id
       ORDER BY s.site_code`,
    );
  }

  async saveCostSetting(
    siteCode: string,
    v: {
      recruitingCents: number;
      trainingWeeks: number;
      rampWeeks: number;
      rampProductivity: number;
    },
    actorId: number,
  ): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const rows: { site_id: number }[] = await m.query(
        `INSERT INTO turnover_cost_setting (site_id, recruiting_cents, training_weeks, ramp_weeks,
           ramp_productivity, updated_by)
         SELECT id, $2, $3, $4, $5, $6 FROM site WHERE site_code = $1
         ON CONFLICT (site_id) DO UPDATE SET recruiting_cents = EXCLUDED.recruiting_cents,
           training_weeks = EXCLUDED.training_weeks, ramp_weeks = EXCLUDED.ramp_weeks,
           ramp_productivity = EXCLUDED.ramp_productivity, updated_by = EXCLUDED.updated_by,
           updated_at = now()
         RETURNING site_id`,
        [siteCode, v.recruitingCents, v.trainingWeeks, v.rampWeeks, v.rampProductivity, actorId],
      );
      if (rows.length === 0) {
        return false;
      }
      await m.query(
        `INSERT INTO audit_log (actor_id, action, entity, entity_key, detail)
         VALUES ($1, 'turnover_cost.update', 'site', $2, $3)`,
        [actorId, siteCode, JSON.stringify(v)],
      );
      return true;
    });
  }

  /** Whether a code exists (for a clear 400 on a typo rather than an empty figure). */
  async exists(kind: 'site' | 'team' | 'campaign', code: string): Promise<{ id: number } | null> {
    const rows: { id: number }[] = await this.db.query(
      `SELECT id FROM ${kind} WHERE ${kind}_code = $1`,
      [code],
    );
    return rows[0] ?? null;
  }
}

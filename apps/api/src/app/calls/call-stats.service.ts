import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  emptyServiceSums,
  isSlaThreshold,
  serviceFigures,
  ServiceSums,
} from '@floorwise/analytics';
import type {
  CallDto,
  CallList,
  CallStatsRow,
  HandleTimeRow,
  StatsGroupBy,
} from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import { forbidden, invalid } from '../common/domain-error';
import type { CallListParams, StatsQueryParams } from './dto';

const MAX_RANGE_DAYS = 400;

interface SumsRow {
  key: string;
  offered: string;
  answered: string;
  abandoned: string;
  inbound_answered: string;
  queue_answered: string;
  handle_seconds: string;
  hostile: string;
  ans_le: string;
  abn_gt: string;
}

interface Where {
  clauses: string[];
  params: unknown[];
}

/**
 * Service figures (metrics.md §1) from the rollups: one SQL query per request, sums only; every
 * ratio is taken by `serviceFigures` of libs/analytics.
 *
 * Who sees what: an agent only their own calls; a manager the floor-wide figures by interval,
 * day and campaign (a queue's service level belongs to the whole queue) but per-agent and
 * per-team rows of their own teams only; admin and hr everything.
 */
@Injectable()
export class CallStatsService {
  constructor(private readonly db: DataSource) {}

  async stats(user: AuthUser, q: StatsQueryParams): Promise<CallStatsRow[]> {
    checkRange(q.from, q.to);
    const sla = q.slaSeconds ?? 20;
    if (!isSlaThreshold(sla)) {
      return this.rawStats(user, q, sla);
    }
    const table = this.tableFor(user, q);
    const w = await this.where(user, q, 'r');
    const g = grouping(q.groupBy, q.intervalMinutes ?? 30);
    const sql = `
      WITH g AS (
        SELECT ${g.cols},
          sum(r.offered) AS offered, sum(r.answered) AS answered, sum(r.abandoned) AS abandoned,
          sum(r.inbound_answered) AS inbound_answered, sum(r.queue_answered) AS queue_answered,
          sum(r.handle_seconds) AS handle_seconds, sum(r.hostile) AS hostile,
          sum(r.ans_le_${sla}) AS ans_le, sum(r.abn_gt_${sla}) AS abn_gt
        FROM ${table} r
        WHERE ${w.clauses.join(' AND ')}
        GROUP BY ${g.groupBy}
      )
      SELECT ${g.key} AS key, g.* FROM g ${g.join} ORDER BY 1`;
    const rows: SumsRow[] = await this.db.query(sql, w.params);
    return rows.map(toStatsRow);
  }

  /**
   * The same figures straight from the raw calls: used for a threshold that is not pre-counted,
   * and as the reference the benchmark compares the rollups with.
   */
  async rawStats(
    user: AuthUser,
    q: StatsQueryParams,
    sla = q.slaSeconds ?? 20,
  ): Promise<CallStatsRow[]> {
    checkRange(q.from, q.to);
    const w = await this.where(user, q, 'r');
    const g = grouping(q.groupBy, q.intervalMinutes ?? 30);
    const answered = `(r.agent_id IS NOT NULL AND r.outcome <> 'abandoned')`;
    const inboundAnswered = `(${answered} AND r.direction = 'inbound')`;
    const abandoned = `(r.direction = 'inbound' AND r.outcome = 'abandoned')`;
    w.params.push(sla);
    const t = `$${w.params.length}`;
    const sql = `
      WITH g AS (
        SELECT ${g.cols},
          count(*) FILTER (WHERE ${inboundAnswered} OR ${abandoned}) AS offered,
          count(*) FILTER (WHERE ${answered}) AS answered,
          count(*) FILTER (WHERE ${abandoned}) AS abandoned,
          count(*) FILTER (WHERE ${inboundAnswered}) AS inbound_answered,
          coalesce(sum(r.queue_seconds) FILTER (WHERE ${inboundAnswered}), 0) AS queue_answered,
          coalesce(sum(r.talk_seconds + r.hold_seconds + r.wrap_seconds) FILTER (WHERE ${answered}), 0) AS handle_seconds,
          count(*) FILTER (WHERE ${answered} AND r.hostile) AS hostile,
          count(*) FILTER (WHERE ${inboundAnswered} AND r.queue_seconds <= ${t}) AS ans_le,
          count(*) FILTER (WHERE ${abandoned} AND r.queue_seconds > ${t}) AS abn_gt
        FROM calls r
        WHERE ${[...w.clauses, ...startedAtBounds()].join(' AND ')}
        GROUP BY ${g.groupBy}
      )
      SELECT ${g.key} AS key, g.* FROM g ${g.join} ORDER BY 1`;
    const rows: SumsRow[] = await this.db.query(sql, w.params);
    return rows.map(toStatsRow);
  }

  /** Mean beside median and p90 of handle time per group, from the raw calls of the range. */
  async handleTime(user: AuthUser, q: StatsQueryParams): Promise<HandleTimeRow[]> {
    checkRange(q.from, q.to);
    const w = await this.where(user, q, 'r');
    const g = grouping(q.groupBy, q.intervalMinutes ?? 30);
    const rows: {
      key: string;
      answered: string;
      mean: number | null;
      median: number | null;
      p90: number | null;
    }[] = await this.db.query(
      `WITH g AS (
           SELECT ${g.cols}, count(*) AS answered, avg(h) AS mean,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY h) AS median,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY h) AS p90
           FROM (SELECT r.*, r.talk_seconds + r.hold_seconds + r.wrap_seconds AS h FROM calls r
                 WHERE r.agent_id IS NOT NULL AND r.outcome <> 'abandoned'
                   AND ${startedAtBounds().join(' AND ')}) r
           WHERE ${w.clauses.join(' AND ')}
           GROUP BY ${g.groupBy}
         )
         SELECT ${g.key} AS key, g.* FROM g ${g.join} ORDER BY 1`,
      w.params,
    );
    return rows.map((r) => ({
      key: r.key,
      answered: Number(r.answered),
      meanSeconds: r.mean === null ? null : Number(r.mean),
      medianSeconds: r.median === null ? null : Number(r.median),
      p90Seconds: r.p90 === null ? null : Number(r.p90),
    }));
  }

  /** The calls behind one row of a stats table (drill-down), newest first, customer masked. */
  async list(user: AuthUser, q: CallListParams): Promise<CallList> {
    checkRange(q.from, q.to);
    const groupBy = q.groupBy ?? 'day';
    const w = await this.where(user, { ...q, groupBy }, 'r');
    const key = rowKey(groupBy, q.intervalMinutes ?? 30, 'r');
    if (q.key) {
      w.params.push(q.key);
      w.clauses.push(`${key.expr} = $${w.params.length}`);
    }
    const where = [...w.clauses, ...startedAtBounds()].join(' AND ');
    const [{ total }]: { total: number }[] = await this.db.query(
      `SELECT count(*)::int AS total FROM calls r WHERE ${where}`,
      w.params,
    );
    const rows: CallRowOut[] = await this.db.query(
      `SELECT r.call_id, r.started_at, r.local_date::text AS local_date,
         to_char(r.started_at AT TIME ZONE coalesce(site.time_zone, csite.time_zone, 'UTC'), 'HH24:MI:SS') AS local_time,
         ag.employee_code, tm.team_code, cp.campaign_code, r.channel, r.direction, r.queue_seconds,
         r.talk_seconds, r.hold_seconds, r.wrap_seconds, r.outcome, r.sale_amount_cents, r.hostile,
         r.qa_score, r.csat, r.customer_last4
       FROM calls r
         LEFT JOIN agent ag ON ag.id = r.agent_id
         LEFT JOIN team tm ON tm.id = r.team_id
         LEFT JOIN site ON site.id = tm.site_id
         JOIN campaign cp ON cp.id = r.campaign_id
         LEFT JOIN site csite ON csite.id = cp.site_id
       WHERE ${where}
       ORDER BY r.started_at DESC, r.call_id LIMIT ${q.limit ?? 200} OFFSET ${q.offset ?? 0}`,
      w.params,
    );
    return { items: rows.map(toCallDto), total };
  }

  /** The smallest rollup that carries the columns the grouping and the filters need. */
  private tableFor(user: AuthUser, q: StatsQueryParams): string {
    if (q.groupBy !== 'interval') {
      return 'call_rollup_day';
    }
    if (user.role === 'agent' || q.employeeCode) {
      return 'call_rollup_15m';
    }
    return q.teamCode ? 'call_rollup_team_15m' : 'call_rollup_campaign_15m';
  }

  /** Scope and filters, shared by every query of the feature. */
  private async where(
    user: AuthUser,
    q: {
      from: string;
      to: string;
      groupBy: StatsGroupBy;
      teamCode?: string;
      campaignCode?: string;
      employeeCode?: string;
    },
    r: string,
  ): Promise<Where> {
    const w: Where = { clauses: [], params: [q.from, q.to] };
    w.clauses.push(`${r}.local_date BETWEEN $1::date AND $2::date`);
    if (user.role === 'agent') {
      if (q.employeeCode && q.employeeCode !== user.employeeCode) {
        throw forbidden('An agent may see only their own calls');
      }
      w.params.push(user.agentId ?? -1);
      w.clauses.push(`${r}.agent_id = $${w.params.length}`);
    } else if (
      user.teamIds !== 'all' &&
      (q.groupBy === 'agent' || q.groupBy === 'team' || q.teamCode || q.employeeCode)
    ) {
      w.params.push(user.teamIds);
      w.clauses.push(`${r}.team_id = ANY($${w.params.length}::int[])`);
    }
    if (q.teamCode) {
      w.params.push(q.teamCode);
      w.clauses.push(`${r}.team_id = (SELECT id FROM team WHERE team_code = $${w.params.length})`);
    }
    if (q.campaignCode) {
      w.params.push(q.campaignCode);
      w.clauses.push(
        `${r}.campaign_id = (SELECT id FROM campaign WHERE campaign_code = $${w.params.length})`,
      );
    }
    if (q.employeeCode) {
      w.params.push(q.employeeCode);
      w.clauses.push(
        `${r}.agent_id = (SELECT id FROM agent WHERE employee_code = $${w.params.length})`,
      );
    }
    return w;
  }
}

/**
 * How rows are grouped: by integer columns (cheap to hash), the key text built once per group
 * (`g` is the grouped CTE, `k1`/`k2` its grouping columns).
 */
function grouping(
  groupBy: StatsGroupBy,
  minutes: number,
): { cols: string; groupBy: string; key: string; join: string } {
  switch (groupBy) {
    case 'day':
      return {
        cols: 'r.local_date AS k1',
        groupBy: '1',
        key: `to_char(g.k1, 'YYYY-MM-DD')`,
        join: '',
      };
    case 'interval':
      return {
        cols: `r.local_date AS k1, (r.local_minute / ${minutes}) * ${minutes} AS k2`,
        groupBy: '1, 2',
        key: `to_char(g.k1, 'YYYY-MM-DD') || 'T' || lpad((g.k2 / 60)::text, 2, '0') || ':' || lpad((g.k2 % 60)::text, 2, '0')`,
        join: '',
      };
    case 'agent':
      return {
        cols: 'r.agent_id AS k1',
        groupBy: '1',
        key: 'x.employee_code',
        join: 'JOIN agent x ON x.id = g.k1',
      };
    case 'team':
      return {
        cols: 'r.team_id AS k1',
        groupBy: '1',
        key: 'x.team_code',
        join: 'JOIN team x ON x.id = g.k1',
      };
    case 'campaign':
      return {
        cols: 'r.campaign_id AS k1',
        groupBy: '1',
        key: 'x.campaign_code',
        join: 'JOIN campaign x ON x.id = g.k1',
      };
  }
}

/** The key of one raw call, to find the calls behind a stats row (drill-down). */
function rowKey(groupBy: StatsGroupBy, minutes: number, r: string): { expr: string } {
  const slot = `((${r}.local_minute / ${minutes}) * ${minutes})`;
  switch (groupBy) {
    case 'day':
      return { expr: `to_char(${r}.local_date, 'YYYY-MM-DD')` };
    case 'interval':
      return {
        expr: `to_char(${r}.local_date, 'YYYY-MM-DD') || 'T' || lpad((${slot} / 60)::text, 2, '0') || ':' || lpad((${slot} % 60)::text, 2, '0')`,
      };
    case 'agent':
      return { expr: `(SELECT employee_code FROM agent WHERE id = ${r}.agent_id)` };
    case 'team':
      return { expr: `(SELECT team_code FROM team WHERE id = ${r}.team_id)` };
    case 'campaign':
      return { expr: `(SELECT campaign_code FROM campaign WHERE id = ${r}.campaign_id)` };
  }
}

/** Partition pruning for raw-call queries: a local date lies within a day of its UTC date. */
function startedAtBounds(): string[] {
  return [
    `r.started_at >= ($1::date - 1)::timestamp AT TIME ZONE 'UTC'`,
    `r.started_at < ($2::date + 2)::timestamp AT TIME ZONE 'UTC'`,
  ];
}

function checkRange(from: string, to: string): void {
  if (from > to) {
    throw invalid(`from ${from} is after to ${to}`);
  }
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (days > MAX_RANGE_DAYS) {
    throw invalid(`The range is ${days + 1} days; at most ${MAX_RANGE_DAYS} days per request`);
  }
}

function toStatsRow(r: SumsRow): CallStatsRow {
  const sums: ServiceSums = {
    ...emptyServiceSums(),
    offered: Number(r.offered),
    answered: Number(r.answered),
    abandoned: Number(r.abandoned),
    inboundAnswered: Number(r.inbound_answered),
    queueSecondsInboundAnswered: Number(r.queue_answered),
    handleSeconds: Number(r.handle_seconds),
    hostile: Number(r.hostile),
    answeredWithinSla: Number(r.ans_le),
    abandonedAfterSla: Number(r.abn_gt),
  };
  const f = serviceFigures(sums);
  return {
    key: r.key,
    offered: f.offered,
    answered: f.answered,
    abandoned: f.abandoned,
    serviceLevel: f.serviceLevel,
    asaSeconds: f.asaSeconds,
    ahtSeconds: f.ahtSeconds,
    abandonRate: f.abandonRate,
  };
}

interface CallRowOut {
  call_id: string;
  started_at: Date;
  local_date: string;
  local_time: string;
  employee_code: string | null;
  team_code: string | null;
  campaign_code: string;
  channel: string;
  direction: string;
  queue_seconds: number;
  talk_seconds: number;
  hold_seconds: number;
  wrap_seconds: number;
  outcome: string;
  sale_amount_cents: number | null;
  hostile: boolean;
  qa_score: number | null;
  csat: number | null;
  customer_last4: string | null;
}

function toCallDto(r: CallRowOut): CallDto {
  return {
    callId: r.call_id,
    startedAt: new Date(r.started_at).toISOString(),
    localDate: r.local_date,
    localTime: r.local_time,
    employeeCode: r.employee_code,
    teamCode: r.team_code,
    campaignCode: r.campaign_code,
    channel: r.channel,
    direction: r.direction,
    queueSeconds: r.queue_seconds,
    talkSeconds: r.talk_seconds,
    holdSeconds: r.hold_seconds,
    wrapSeconds: r.wrap_seconds,
    outcome: r.outcome,
    saleAmountCents: r.sale_amount_cents,
    hostile: r.hostile,
    qaScore: r.qa_score,
    csat: r.csat,
    customer: r.customer_last4 === null ? null : `••••${r.customer_last4}`,
  };
}

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  QUOTA_METRIC_COMPARATOR,
  quotaDefinitionProblems,
  QuotaMetric,
  targetProblems,
  versionOn,
} from '@floorwise/analytics';
import type { QuotaDto, QuotaMetricDto, QuotaPeriodDto, QuotaScopeDto } from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import { conflict, forbidden, notFound } from '../common/domain-error';
import { FLOOR_RELOAD_CHANNEL } from './floor.sql';
import { badRequest, isLocalDate, objectBody } from './quota-rules';

interface QuotaRow {
  id: number;
  scope: QuotaScopeDto;
  agent_id: number | null;
  team_id: number | null;
  campaign_id: number | null;
  employee_code: string | null;
  full_name: string | null;
  agent_team_id: number | null;
  team_code: string | null;
  campaign_code: string | null;
  per_member: boolean;
  metric: QuotaMetricDto;
  period: QuotaPeriodDto;
  comparator: 'at_least' | 'at_most';
  ramp: boolean;
  today: string;
  versions: {
    id: number;
    effectiveFrom: string;
    target: number | null;
    createdBy: string | null;
    createdAt: string;
  }[];
}

const QUOTA_SELECT = `
  SELECT q.id, q.scope, q.agent_id, q.team_id, q.campaign_id, a.employee_code, a.full_name,
         a.team_id AS agent_team_id, coalesce(t.team_code, at.team_code) AS team_code_any,
         t.team_code, c.campaign_code, q.per_member, q.metric, q.period, q.comparator, q.ramp,
         to_char((now() AT TIME ZONE coalesce(ts.time_zone, ats.time_zone, cs.time_zone, 'UTC'))::date, 'YYYY-MM-DD') AS today,
         (SELECT json_agg(json_build_object('id', v.id, 'effectiveFrom', to_char(v.effective_from, 'YYYY-MM-DD'),
                   'target', v.target, 'createdBy', u.email, 'createdAt', v.created_at) ORDER BY v.effective_from, v.id)
            FROM quota_version v LEFT JOIN app_user u ON u.id = v.created_by WHERE v.quota_id = q.id) AS versions
  FROM quota q
  LEFT JOIN agent a ON a.id = q.agent_id
  LEFT JOIN team at ON at.id = a.team_id
  LEFT JOIN site ats ON ats.id = at.site_id
  LEFT JOIN team t ON t.id = q.team_id
  LEFT JOIN site ts ON ts.id = t.site_id
  LEFT JOIN campaign c ON c.id = q.campaign_id
  LEFT JOIN site cs ON cs.id = c.site_id`;

const CREATE_FIELDS = [
  'scope',
  'employeeCode',
  'teamCode',
  'campaignCode',
  'perMember',
  'metric',
  'period',
  'comparator',
  'target',
  'effectiveFrom',
  'ramp',
] as const;

/**
 * Quotas (metrics.md §3) and their effective-dated targets. Managers create and change quotas
 * of their own teams and their agents; campaign quotas and other teams' are the admin's. Every
 * change is audited, and told to every API process (`NOTIFY floor_reload`).
 */
@Injectable()
export class QuotasService {
  constructor(private readonly db: DataSource) {}

  async list(
    user: AuthUser,
    q: { scope?: string; teamCode?: string; employeeCode?: string; includeEnded?: string },
  ): Promise<QuotaDto[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.scope !== undefined) {
      if (!['agent', 'team', 'campaign'].includes(q.scope)) {
        throw badRequest([{ field: 'scope', message: 'scope must be agent, team or campaign' }]);
      }
      params.push(q.scope);
      where.push(`q.scope = $${params.length}`);
    }
    if (q.teamCode) {
      params.push(q.teamCode);
      where.push(`(t.team_code = $${params.length} OR at.team_code = $${params.length})`);
    }
    if (q.employeeCode) {
      params.push(q.employeeCode);
      where.push(`a.employee_code = $${params.length}`);
    }
    if (user.teamIds !== 'all') {
      // a manager sees their teams' and their agents' quotas, and campaign quotas (no person in them)
      params.push(user.teamIds);
      where.push(
        `(q.scope = 'campaign' OR q.team_id = ANY($${params.length}) OR a.team_id = ANY($${params.length}))`,
      );
    }
    const rows: QuotaRow[] = await this.db.query(
      `${QUOTA_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY q.scope, q.id`,
      params,
    );
    const dtos = rows.map(toDto);
    return q.includeEnded === 'true'
      ? dtos
      : dtos.filter(
          (d) =>
            d.currentTarget !== null ||
            d.history.some((h) => h.effectiveFrom > todayOf(rows, d.id)),
        );
  }

  async get(user: AuthUser, id: number): Promise<QuotaDto> {
    const row = await this.row(this.db.manager, id);
    this.assertMayRead(user, row);
    return toDto(row);
  }

  async create(user: AuthUser, body: unknown): Promise<QuotaDto> {
    const b = objectBody(body, CREATE_FIELDS);
    const problems = quotaDefinitionProblems({
      scope: b['scope'],
      metric: b['metric'],
      period: b['period'],
      target: b['target'],
      comparator: b['comparator'],
      perMember: b['perMember'],
    });
    const scope = b['scope'] as QuotaScopeDto;
    const codeField = {
      agent: 'employeeCode',
      team: 'teamCode',
      campaign: 'campaignCode',
    } as const;
    for (const [s, f] of Object.entries(codeField)) {
      if (s === scope && (typeof b[f] !== 'string' || b[f] === '')) {
        problems.push({ field: f, message: `a ${s} quota needs ${f}` });
      } else if (s !== scope && b[f] !== undefined) {
        problems.push({ field: f, message: `${f} does not belong on a ${scope} quota` });
      }
    }
    if (b['effectiveFrom'] !== undefined && !isLocalDate(b['effectiveFrom'])) {
      problems.push({ field: 'effectiveFrom', message: 'effectiveFrom must be a date YYYY-MM-DD' });
    }
    if (b['ramp'] !== undefined && typeof b['ramp'] !== 'boolean') {
      problems.push({ field: 'ramp', message: 'ramp must be true or false' });
    }
    if (problems.length > 0) {
      throw badRequest(problems);
    }
    return this.db.transaction(async (m) => {
      const subject = await this.subject(m, user, scope, b[codeField[scope]] as string);
      const today = subject.today;
      const from = (b['effectiveFrom'] as string | undefined) ?? today;
      if (from < today) {
        throw badRequest([
          {
            field: 'effectiveFrom',
            message: `effectiveFrom ${from} is in the past (today is ${today}); a quota applies forward`,
          },
        ]);
      }
      const metric = b['metric'] as QuotaMetric;
      const existing: { id: number }[] = await m.query(
        `SELECT id FROM quota WHERE scope = $1 AND coalesce(agent_id,0) = $2 AND coalesce(team_id,0) = $3
           AND coalesce(campaign_id,0) = $4 AND per_member = $5 AND metric = $6 AND period = $7`,
        [
          scope,
          subject.agentId ?? 0,
          scope === 'team' ? subject.teamId : 0,
          subject.campaignId ?? 0,
          b['perMember'] === true,
          metric,
          b['period'],
        ],
      );
      if (existing.length > 0) {
        throw conflict(
          `A ${b['period']} ${metric} quota for this ${scope} already exists (id ${existing[0].id}); change its target with PATCH /api/quotas/${existing[0].id}`,
        );
      }
      const [{ id }]: { id: number }[] = await m.query(
        `INSERT INTO quota (scope, agent_id, team_id, campaign_id, per_member, metric, period, comparator, ramp, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          scope,
          subject.agentId,
          scope === 'team' ? subject.teamId : null,
          subject.campaignId,
          b['perMember'] === true,
          metric,
          b['period'],
          QUOTA_METRIC_COMPARATOR[metric],
          b['ramp'] !== false,
          user.id,
        ],
      );
      await m.query(
        `INSERT INTO quota_version (quota_id, effective_from, target, created_by) VALUES ($1, $2, $3, $4)`,
        [id, from, b['target'], user.id],
      );
      await audit(m, user, 'quota.create', id, { ...b, effectiveFrom: from });
      await m.query(`SELECT pg_notify('${FLOOR_RELOAD_CHANNEL}', '')`);
      return toDto(await this.row(m, id));
    });
  }

  async change(user: AuthUser, id: number, body: unknown): Promise<QuotaDto> {
    const b = objectBody(body, ['target', 'effectiveFrom', 'ramp']);
    return this.db.transaction(async (m) => {
      const row = await this.row(m, id, true);
      this.assertMayWrite(user, row);
      const problems: { field: string; message: string }[] = [];
      if (b['target'] === undefined && b['ramp'] === undefined) {
        problems.push({
          field: 'target',
          message: 'send a new target (and optionally effectiveFrom) or ramp',
        });
      }
      if (b['target'] !== undefined) {
        problems.push(...targetProblems(row.metric, b['target']));
      }
      if (b['effectiveFrom'] !== undefined && !isLocalDate(b['effectiveFrom'])) {
        problems.push({
          field: 'effectiveFrom',
          message: 'effectiveFrom must be a date YYYY-MM-DD',
        });
      } else if (typeof b['effectiveFrom'] === 'string' && b['effectiveFrom'] < row.today) {
        problems.push({
          field: 'effectiveFrom',
          message: `effectiveFrom ${b['effectiveFrom']} is in the past (today is ${row.today}); a change applies forward`,
        });
      }
      if (b['effectiveFrom'] !== undefined && b['target'] === undefined) {
        problems.push({ field: 'effectiveFrom', message: 'effectiveFrom needs a target' });
      }
      if (b['ramp'] !== undefined && typeof b['ramp'] !== 'boolean') {
        problems.push({ field: 'ramp', message: 'ramp must be true or false' });
      }
      if (problems.length > 0) {
        throw badRequest(problems);
      }
      const from = (b['effectiveFrom'] as string | undefined) ?? row.today;
      if (b['target'] !== undefined) {
        await m.query(
          `INSERT INTO quota_version (quota_id, effective_from, target, created_by) VALUES ($1, $2, $3, $4)`,
          [id, from, b['target'], user.id],
        );
      }
      if (b['ramp'] !== undefined) {
        await m.query(`UPDATE quota SET ramp = $2 WHERE id = $1`, [id, b['ramp']]);
      }
      const before = versionOn(row.versions, from)?.target ?? null;
      await audit(m, user, 'quota.change', id, {
        ...b,
        effectiveFrom: from,
        previousTarget: before,
      });
      await m.query(`SELECT pg_notify('${FLOOR_RELOAD_CHANNEL}', '')`);
      return toDto(await this.row(m, id));
    });
  }

  /** Ends a quota from a date (default today): a version with no target; history stays. */
  async end(user: AuthUser, id: number, effectiveFrom: string | undefined): Promise<QuotaDto> {
    return this.db.transaction(async (m) => {
      const row = await this.row(m, id, true);
      this.assertMayWrite(user, row);
      if (effectiveFrom !== undefined && !isLocalDate(effectiveFrom)) {
        throw badRequest([
          { field: 'effectiveFrom', message: 'effectiveFrom must be a date YYYY-MM-DD' },
        ]);
      }
      const from = effectiveFrom ?? row.today;
      if (from < row.today) {
        throw badRequest([
          {
            field: 'effectiveFrom',
            message: `effectiveFrom ${from} is in the past (today is ${row.today})`,
          },
        ]);
      }
      if (versionOn(row.versions, from) === null) {
        throw conflict(`Quota ${id} has no target in force on ${from}: nothing to end`);
      }
      await m.query(
        `INSERT INTO quota_version (quota_id, effective_from, target, created_by) VALUES ($1, $2, NULL, $3)`,
        [id, from, user.id],
      );
      await audit(m, user, 'quota.end', id, { effectiveFrom: from });
      await m.query(`SELECT pg_notify('${FLOOR_RELOAD_CHANNEL}', '')`);
      return toDto(await this.row(m, id));
    });
  }

  private async row(m: EntityManager, id: number, lock = false): Promise<QuotaRow> {
    if (lock) {
      await m.query(`SELECT 1 FROM quota WHERE id = $1 FOR UPDATE`, [id]);
    }
    const rows: QuotaRow[] = await m.query(`${QUOTA_SELECT} WHERE q.id = $1`, [id]);
    if (rows.length === 0) {
      throw notFound(`Quota ${id} does not exist`);
    }
    rows[0].versions = rows[0].versions ?? [];
    return rows[0];
  }

  private assertMayRead(user: AuthUser, row: QuotaRow): void {
    if (user.teamIds === 'all' || row.scope === 'campaign') {
      return;
    }
    const team = row.team_id ?? row.agent_team_id;
    if (team === null || !user.teamIds.includes(team)) {
      throw notFound(`Quota ${row.id} does not exist`);
    }
  }

  private assertMayWrite(user: AuthUser, row: QuotaRow): void {
    this.assertMayRead(user, row);
    if (user.role !== 'admin' && row.scope === 'campaign') {
      throw forbidden('Campaign quotas are set by an admin');
    }
  }

  /** Resolves the quota's subject by code, and checks the caller may set quotas for it. */
  private async subject(
    m: EntityManager,
    user: AuthUser,
    scope: QuotaScopeDto,
    code: string,
  ): Promise<{
    agentId: number | null;
    teamId: number | null;
    campaignId: number | null;
    today: string;
  }> {
    const today = (tz: string | null) =>
      `to_char((now() AT TIME ZONE coalesce(${tz}, 'UTC'))::date, 'YYYY-MM-DD')`;
    if (scope === 'campaign') {
      if (user.role !== 'admin') {
        throw forbidden('Campaign quotas are set by an admin');
      }
      const r: { id: number; today: string }[] = await m.query(
        `SELECT c.id, ${today('s.time_zone')} AS today FROM campaign c LEFT JOIN site s ON s.id = c.site_id WHERE c.campaign_code = $1`,
        [code],
      );
      if (r.length === 0) {
        throw badRequest([{ field: 'campaignCode', message: `campaign ${code} does not exist` }]);
      }
      return { agentId: null, teamId: null, campaignId: r[0].id, today: r[0].today };
    }
    const r: { agent_id: number | null; team_id: number; today: string }[] =
      scope === 'agent'
        ? await m.query(
            `SELECT a.id AS agent_id, a.team_id, ${today('s.time_zone')} AS today FROM agent a
             JOIN team t ON t.id = a.team_id JOIN site s ON s.id = t.site_id WHERE a.employee_code = $1`,
            [code],
          )
        : await m.query(
            `SELECT NULL::int AS agent_id, t.id AS team_id, ${today('s.time_zone')} AS today FROM team t
             JOIN site s ON s.id = t.site_id WHERE t.team_code = $1`,
            [code],
          );
    const field = scope === 'agent' ? 'employeeCode' : 'teamCode';
    if (r.length === 0 || (user.teamIds !== 'all' && !user.teamIds.includes(r[0].team_id))) {
      // another manager's agent or team is reported like a missing one: nothing leaks
      throw badRequest([{ field, message: `${scope} ${code} does not exist in your teams` }]);
    }
    return { agentId: r[0].agent_id, teamId: r[0].team_id, campaignId: null, today: r[0].today };
  }
}

function todayOf(rows: QuotaRow[], id: number): string {
  return rows.find((r) => r.id === id)?.today ?? '9999-12-31';
}

function toDto(r: QuotaRow): QuotaDto {
  const versions = (r.versions ?? []).map((v) => ({
    id: Number(v.id),
    effectiveFrom: v.effectiveFrom,
    target: v.target === null ? null : Number(v.target),
    createdBy: v.createdBy,
    createdAt: new Date(v.createdAt).toISOString(),
  }));
  const current = versionOn(versions, r.today);
  return {
    id: r.id,
    scope: r.scope,
    employeeCode: r.employee_code,
    fullName: r.full_name,
    teamCode: r.team_code ?? (r as unknown as { team_code_any: string | null }).team_code_any,
    campaignCode: r.campaign_code,
    perMember: r.per_member,
    metric: r.metric,
    period: r.period,
    comparator: r.comparator,
    ramp: r.ramp,
    currentTarget: current?.target ?? null,
    currentFrom: current?.effectiveFrom ?? null,
    history: versions,
  };
}

async function audit(
  m: EntityManager,
  actor: AuthUser,
  action: string,
  id: number,
  detail: Record<string, unknown>,
): Promise<void> {
  await m.query(
    `INSERT INTO audit_log (actor_id, action, entity, entity_key, detail) VALUES ($1, $2, 'quota', $3, $4)`,
    [actor.id, action, String(id), JSON.stringify(detail)],
  );
}

import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import {
  contestStandings,
  handicapPercent,
  SpiffRule,
  spiffCostPreview,
  upToCents,
} from '@floorwise/analytics';
import {
  SPIFF_AWARD_STATUSES,
  SpiffAuditDto,
  SpiffAwardStatus,
  SpiffBudgetBurnDto,
  SpiffCampaignDto,
  SpiffCampaignInput,
  SpiffCostPreviewDto,
  SpiffLeaderboardDto,
  SpiffLeaderboardRow,
  SpiffRuleDto,
} from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import { conflict, forbidden, invalid, notFound } from '../common/domain-error';
import { resolveDefinition, ResolvedDefinition } from './spiff-definition';
import { SpiffEvaluator } from './spiff-evaluator';
import { campaignVisible, canManageCampaign } from './spiff-scope';
import { INSERT_AUDIT, METRIC_ROLLUP_COLUMN, PERIOD_INSTANTS, PREVIEW_RATES } from './spiff.sql';

/** Days of recent calls the cost preview takes unit rates from. */
export const PREVIEW_RATE_DAYS = 28;

interface CampaignRow {
  id: number;
  name: string;
  description: string | null;
  status: SpiffCampaignDto['status'];
  metric: SpiffCampaignDto['metric'];
  rule: SpiffRuleDto;
  budget_cents: string;
  granted_cents: string;
  period_from: string;
  period_to: string;
  period_ends_at: Date;
  time_zones: string[];
  team_ids: number[];
  site_ids: number[];
  call_campaign_ids: number[];
  team_codes: string[];
  site_codes: string[];
  campaign_codes: string[];
  quality_gate: SpiffCampaignDto['qualityGate'];
  handicap: SpiffCampaignDto['handicap'];
  secret_sha256: string;
  created_by: number | null;
  created_by_email: string | null;
  created_at: Date;
  launched_at: Date | null;
  closed_at: Date | null;
  entrants: number;
  burn: Partial<Record<SpiffAwardStatus, { n: number; cents: string }>>;
}

const CAMPAIGN_SELECT = `
SELECT s.id, s.name, s.description, s.status, s.metric, s.rule,
  s.budget_cents::text AS budget_cents, s.granted_cents::text AS granted_cents,
  s.period_from::text AS period_from, s.period_to::text AS period_to, s.period_ends_at,
  s.time_zones, s.team_ids, s.site_ids, s.call_campaign_ids,
  ARRAY(SELECT team_code FROM team WHERE id = ANY(s.team_ids) ORDER BY team_code) AS team_codes,
  ARRAY(SELECT site_code FROM site WHERE id = ANY(s.site_ids) ORDER BY site_code) AS site_codes,
  ARRAY(SELECT campaign_code FROM campaign WHERE id = ANY(s.call_campaign_ids) ORDER BY campaign_code) AS campaign_codes,
  s.quality_gate, s.handicap, s.secret_sha256, s.created_by, u.email AS created_by_email,
  s.created_at, s.launched_at, s.closed_at,
  (SELECT count(*) FROM spiff_entrant e WHERE e.campaign_id = s.id AND e.units > 0)::int AS entrants,
  (SELECT coalesce(json_object_agg(b.status, json_build_object('n', b.n, 'cents', b.cents)), '{}')
     FROM (SELECT status, count(*)::int AS n, sum(amount_cents)::text AS cents
           FROM spiff_award w WHERE w.campaign_id = s.id GROUP BY status) b) AS burn
FROM spiff_campaign s LEFT JOIN app_user u ON u.id = s.created_by`;

/** The budget burn of metrics.md §7 from the award sums by status. */
export function burnOf(
  budgetCents: number,
  grantedCents: number,
  burn: CampaignRow['burn'],
): SpiffBudgetBurnDto {
  const cents = {} as Record<SpiffAwardStatus, number>;
  const counts = {} as Record<SpiffAwardStatus, number>;
  for (const s of SPIFF_AWARD_STATUSES) {
    cents[s] = Number(burn[s]?.cents ?? 0);
    counts[s] = burn[s]?.n ?? 0;
  }
  return {
    budgetCents,
    grantedCents,
    remainingCents: budgetCents - grantedCents,
    burn: grantedCents / budgetCents,
    cents,
    counts,
  };
}

@Injectable()
export class SpiffCampaignsService {
  constructor(
    private readonly db: DataSource,
    private readonly evaluator: SpiffEvaluator,
  ) {}

  async list(user: AuthUser): Promise<SpiffCampaignDto[]> {
    const params: unknown[] = [];
    const rows: CampaignRow[] = await this.db.query(
      `${CAMPAIGN_SELECT} WHERE ${campaignVisible(user, 's', params)}
       ORDER BY CASE s.status WHEN 'active' THEN 0 WHEN 'draft' THEN 1 ELSE 2 END, s.period_to DESC, s.id DESC`,
      params,
    );
    return rows.map((r) => this.map(user, r));
  }

  async get(user: AuthUser, id: number): Promise<SpiffCampaignDto> {
    return this.map(user, await this.row(user, id));
  }

  private async row(user: AuthUser, id: number): Promise<CampaignRow> {
    const params: unknown[] = [id];
    const rows: CampaignRow[] = await this.db.query(
      `${CAMPAIGN_SELECT} WHERE s.id = $1 AND ${campaignVisible(user, 's', params)}`,
      params,
    );
    if (!rows[0]) {
      throw notFound(`SPIFF campaign ${id} does not exist`);
    }
    return rows[0];
  }

  private map(user: AuthUser, r: CampaignRow): SpiffCampaignDto {
    const budget = Number(r.budget_cents);
    return {
      id: r.id,
      name: r.name,
      description: r.description,
      status: r.status,
      metric: r.metric,
      rule: r.rule,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      periodEndsAt: r.period_ends_at.toISOString(),
      timeZones: r.time_zones,
      eligibility: {
        teamCodes: r.team_codes,
        siteCodes: r.site_codes,
        campaignCodes: r.campaign_codes,
      },
      qualityGate: r.quality_gate,
      handicap: r.handicap,
      upToCents: upToCents(r.rule as SpiffRule),
      budget: burnOf(budget, Number(r.granted_cents), r.burn),
      entrants: r.entrants,
      secretSha256: r.secret_sha256,
      createdBy: r.created_by_email,
      createdAt: r.created_at.toISOString(),
      launchedAt: r.launched_at?.toISOString() ?? null,
      closedAt: r.closed_at?.toISOString() ?? null,
      canManage: canManageCampaign(user, r.created_by),
    };
  }

  /** A new draft; its draw secret is generated now and only its SHA-256 is ever shown before close. */
  async create(user: AuthUser, input: SpiffCampaignInput): Promise<SpiffCampaignDto> {
    const d = await resolveDefinition(this.db, user, input);
    const secret = randomBytes(32);
    const instants = await this.instants(d);
    const [{ id }]: { id: number }[] = await this.db.query(
      `INSERT INTO spiff_campaign (name, description, metric, rule_type, rule, budget_cents, period_from,
         period_to, period_starts_at, period_ends_at, time_zones, team_ids, site_ids, call_campaign_ids,
         quality_gate, handicap, secret, secret_sha256, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       RETURNING id`,
      [
        d.name,
        d.description,
        d.metric,
        d.rule.type,
        JSON.stringify(d.rule),
        d.budgetCents,
        d.periodFrom,
        d.periodTo,
        instants.starts_at,
        instants.ends_at,
        instants.zones,
        d.teamIds,
        d.siteIds,
        d.callCampaignIds,
        d.qualityGate ? JSON.stringify(d.qualityGate) : null,
        d.handicap ? JSON.stringify(d.handicap) : null,
        secret.toString('hex'),
        createHash('sha256').update(secret).digest('hex'),
        user.id,
      ],
    );
    await this.log(user, 'spiff.campaign.created', id, { definition: input });
    return this.get(user, id);
  }

  async update(user: AuthUser, id: number, input: SpiffCampaignInput): Promise<SpiffCampaignDto> {
    const row = await this.manageable(user, id);
    if (row.status !== 'draft') {
      throw conflict(
        `SPIFF campaign ${id} is ${row.status}: only a draft changes (an active campaign's budget can still be raised)`,
      );
    }
    const d = await resolveDefinition(this.db, user, input);
    const instants = await this.instants(d);
    await this.db.query(
      `UPDATE spiff_campaign SET name = $2, description = $3, metric = $4, rule_type = $5, rule = $6,
         budget_cents = $7, period_from = $8, period_to = $9, period_starts_at = $10, period_ends_at = $11,
         time_zones = $12, team_ids = $13, site_ids = $14, call_campaign_ids = $15, quality_gate = $16,
         handicap = $17, updated_at = now()
       WHERE id = $1 AND status = 'draft'`,
      [
        id,
        d.name,
        d.description,
        d.metric,
        d.rule.type,
        JSON.stringify(d.rule),
        d.budgetCents,
        d.periodFrom,
        d.periodTo,
        instants.starts_at,
        instants.ends_at,
        instants.zones,
        d.teamIds,
        d.siteIds,
        d.callCampaignIds,
        d.qualityGate ? JSON.stringify(d.qualityGate) : null,
        d.handicap ? JSON.stringify(d.handicap) : null,
      ],
    );
    await this.log(user, 'spiff.campaign.updated', id, { definition: input });
    return this.get(user, id);
  }

  async remove(user: AuthUser, id: number): Promise<void> {
    const row = await this.manageable(user, id);
    if (row.status !== 'draft') {
      throw conflict(`SPIFF campaign ${id} is ${row.status}: only a draft can be deleted`);
    }
    await this.db.query(`DELETE FROM spiff_campaign WHERE id = $1 AND status = 'draft'`, [id]);
    await this.log(user, 'spiff.campaign.deleted', id, { name: row.name });
  }

  /**
   * Launches a draft: from now on its calls are evaluated live, and the calls of its period
   * already stored are counted first (in start order) before this answers.
   */
  async launch(user: AuthUser, id: number): Promise<SpiffCampaignDto> {
    const row = await this.manageable(user, id);
    if (row.status !== 'draft') {
      throw conflict(`SPIFF campaign ${id} is ${row.status}: only a draft is launched`);
    }
    const instants = await this.instants({
      periodFrom: row.period_from,
      periodTo: row.period_to,
      siteIds: row.site_ids,
      teamIds: row.team_ids,
    });
    const [updated]: [unknown[], number] = await this.db.query(
      `UPDATE spiff_campaign SET status = 'active', launched_at = now(), launched_by = $2,
         period_starts_at = $3, period_ends_at = $4, time_zones = $5, updated_at = now()
       WHERE id = $1 AND status = 'draft' RETURNING id`,
      [id, user.id, instants.starts_at, instants.ends_at, instants.zones],
    );
    if (updated.length === 0) {
      throw conflict(`SPIFF campaign ${id} was launched by someone else meanwhile`);
    }
    await this.log(user, 'spiff.campaign.launched', id, { secretSha256: row.secret_sha256 });
    await this.evaluator.enqueue(() => this.evaluator.sweep(id));
    return this.get(user, id);
  }

  async close(user: AuthUser, id: number): Promise<SpiffCampaignDto> {
    await this.manageable(user, id);
    await this.evaluator.enqueue(() => this.evaluator.close(id, user.id));
    return this.get(user, id);
  }

  /** Changes the budget of a draft or an active campaign; never below what is already granted. */
  async setBudget(user: AuthUser, id: number, budgetCents: number): Promise<SpiffCampaignDto> {
    const row = await this.manageable(user, id);
    if (row.status === 'closed') {
      throw conflict(`SPIFF campaign ${id} is closed: its budget no longer changes`);
    }
    const rule = row.rule as SpiffRule;
    if (
      (rule.type === 'contest' || rule.type === 'lottery') &&
      rule.prizes.reduce((s, p) => s + p, 0) > budgetCents
    ) {
      throw invalid(
        `budgetCents must cover the prizes (${rule.prizes.reduce((s, p) => s + p, 0)} cents)`,
      );
    }
    const rows: { id: number; before: string }[][] = await this.db.query(
      `UPDATE spiff_campaign s SET budget_cents = $2, updated_at = now()
       FROM (SELECT id, budget_cents FROM spiff_campaign WHERE id = $1 FOR UPDATE) old
       WHERE s.id = old.id AND s.status <> 'closed' AND s.granted_cents <= $2
       RETURNING s.id, old.budget_cents::text AS before`,
      [id, budgetCents],
    );
    if (rows[0].length === 0) {
      const [{ granted }]: { granted: string }[] = await this.db.query(
        `SELECT granted_cents::text AS granted FROM spiff_campaign WHERE id = $1`,
        [id],
      );
      throw conflict(
        `budgetCents ${budgetCents} is below the ${granted} cents already granted; a budget is never cut below what agents were given`,
      );
    }
    await this.log(user, 'spiff.campaign.budget', id, {
      fromCents: Number(rows[0][0].before),
      toCents: budgetCents,
    });
    return this.get(user, id);
  }

  private async manageable(user: AuthUser, id: number): Promise<CampaignRow> {
    const row = await this.row(user, id);
    if (!canManageCampaign(user, row.created_by)) {
      throw forbidden(
        `SPIFF campaign ${id} belongs to ${row.created_by_email ?? 'an admin'}: only they or an admin change it`,
      );
    }
    return row;
  }

  private async instants(
    d: Pick<ResolvedDefinition, 'periodFrom' | 'periodTo' | 'siteIds' | 'teamIds'>,
  ): Promise<{
    starts_at: Date;
    ends_at: Date;
    zones: string[];
  }> {
    const [r] = await this.db.query(PERIOD_INSTANTS, [
      d.periodFrom,
      d.periodTo,
      d.siteIds,
      d.teamIds,
    ]);
    return r;
  }

  private async log(user: AuthUser, action: string, id: number, detail: unknown): Promise<void> {
    await this.db.query(INSERT_AUDIT, [
      user.id,
      [action],
      ['spiff_campaign'],
      [String(id)],
      [JSON.stringify(detail)],
    ]);
  }

  // ------------------------------------------------------------------ cost preview

  /** Cost preview of a definition not saved yet (the builder). */
  async preview(user: AuthUser, input: SpiffCampaignInput): Promise<SpiffCostPreviewDto> {
    return this.previewOf(await resolveDefinition(this.db, user, input));
  }

  /** Cost preview of a stored campaign. */
  async previewCampaign(user: AuthUser, id: number): Promise<SpiffCostPreviewDto> {
    const r = await this.row(user, id);
    return this.previewOf({
      name: r.name,
      description: r.description,
      metric: r.metric,
      budgetCents: Number(r.budget_cents),
      periodFrom: r.period_from,
      periodTo: r.period_to,
      rule: r.rule as SpiffRule,
      qualityGate: r.quality_gate,
      handicap: r.handicap,
      teamIds: r.team_ids,
      siteIds: r.site_ids,
      callCampaignIds: r.call_campaign_ids,
    });
  }

  /**
   * metrics.md §7 cost preview: each eligible agent's units over the period forecast from the
   * last 28 days of `call_rollup_day` (units per day × days of the period), then
   * `spiffCostPreview` (analytic for per-unit, tiers, wheels and envelopes; seeded simulation for
   * contests and lotteries, and for the chance of running out of budget).
   */
  private async previewOf(d: ResolvedDefinition): Promise<SpiffCostPreviewDto> {
    const today = DateTime.utc().toISODate() as string;
    const rateTo = DateTime.fromISO(today < d.periodFrom ? today : d.periodFrom, { zone: 'UTC' })
      .minus({ days: 1 })
      .toISODate() as string;
    const rateFrom = DateTime.fromISO(rateTo, { zone: 'UTC' })
      .minus({ days: PREVIEW_RATE_DAYS - 1 })
      .toISODate() as string;
    const periodDays =
      DateTime.fromISO(d.periodTo, { zone: 'UTC' }).diff(
        DateTime.fromISO(d.periodFrom, { zone: 'UTC' }),
        'days',
      ).days + 1;
    const rows: { employee_code: string; team_code: string; hire_date: string; units: number }[] =
      await this.db.query(PREVIEW_RATES.replace('%COLUMN%', METRIC_ROLLUP_COLUMN[d.metric]), [
        rateFrom,
        rateTo,
        d.callCampaignIds,
        d.teamIds,
        d.siteIds,
        d.periodFrom,
        d.periodTo,
      ]);
    const forecast = rows.map((r) => ({
      code: r.employee_code,
      teamCode: r.team_code,
      units: (r.units / PREVIEW_RATE_DAYS) * periodDays,
      targetPercent: handicapPercent(r.hire_date, d.periodFrom, d.handicap),
    }));
    const preview = spiffCostPreview(
      {
        metric: d.metric,
        budgetCents: d.budgetCents,
        rule: d.rule,
        qualityGate: d.qualityGate,
        handicap: d.handicap,
      },
      forecast,
      { seed: 1 },
    );
    const notes: string[] = [];
    const silent = rows.filter((r) => r.units === 0).length;
    if (silent > 0) {
      notes.push(
        `${silent} of ${rows.length} eligible agents had no ${d.metric.replace(/_/g, ' ')} in ${rateFrom} – ${rateTo}; they are forecast at 0`,
      );
    }
    if (d.qualityGate) {
      notes.push(
        'The forecast counts every call: the quality gate can only lower units, so these costs are an upper estimate',
      );
    }
    if (rows.length === 0) {
      notes.push('No agent is eligible: check the teams, sites and lines of work');
    }
    return {
      ...preview,
      eligibleAgents: rows.length,
      rateFrom,
      rateTo,
      periodDays,
      unitsPerDay: rows.reduce((s, r) => s + r.units, 0) / PREVIEW_RATE_DAYS,
      notes,
    };
  }

  // ------------------------------------------------------------------ leaderboards

  /**
   * Individual or team leaderboard: units (and handicapped score) per agent or team, ranked
   * (competition ranking: ties share a rank), with the prize the standings give now (contests:
   * shared ties floored, metrics.md §7) and the cents granted so far. A manager sees the rows
   * of their own teams' agents (ranked among everyone); teams are team-level aggregates.
   */
  async leaderboard(
    user: AuthUser,
    id: number,
    scope: 'agent' | 'team',
  ): Promise<SpiffLeaderboardDto> {
    const campaign = await this.row(user, id);
    const rule = campaign.rule as SpiffRule;
    const rows: {
      employee_code: string;
      full_name: string;
      team_id: number;
      team_code: string;
      team_name: string;
      units: string;
      target_percent: number;
      granted: string;
    }[] = await this.db.query(
      `SELECT a.employee_code, a.full_name, a.team_id, t.team_code, t.name AS team_name,
         e.units::text AS units, e.target_percent,
         coalesce((SELECT sum(w.amount_cents) FROM spiff_award w WHERE w.campaign_id = e.campaign_id
           AND w.agent_id = e.agent_id AND w.status IN ('pending','approved','paid')), 0)::text AS granted
       FROM spiff_entrant e JOIN agent a ON a.id = e.agent_id JOIN team t ON t.id = a.team_id
       WHERE e.campaign_id = $1 AND e.units > 0`,
      [id],
    );
    const final = campaign.status === 'closed';
    if (scope === 'team') {
      const teams = new Map<string, { name: string; units: number; granted: number }>();
      for (const r of rows) {
        const t = teams.get(r.team_code) ?? { name: r.team_name, units: 0, granted: 0 };
        t.units += Number(r.units);
        t.granted += Number(r.granted);
        teams.set(r.team_code, t);
      }
      const entrants = [...teams.entries()].map(([code, t]) => ({ code, units: t.units }));
      const prizes =
        rule.type === 'contest' && rule.scope === 'team'
          ? new Map(contestStandings(entrants, rule).standings.map((s) => [s.code, s.prizeCents]))
          : new Map<string, number>();
      return {
        campaignId: id,
        scope,
        final,
        rows: ranked(
          entrants.map((e) => ({
            code: e.code,
            name: teams.get(e.code)?.name ?? e.code,
            teamCode: e.code,
            units: e.units,
            score: e.units,
            targetPercent: 100,
            prizeCents: prizes.get(e.code) ?? 0,
            grantedCents: teams.get(e.code)?.granted ?? 0,
          })),
        ),
      };
    }
    const entrants = rows.map((r) => ({
      code: r.employee_code,
      units: Number(r.units),
      targetPercent: r.target_percent,
    }));
    const prizes =
      rule.type === 'contest' && rule.scope === 'agent'
        ? new Map(contestStandings(entrants, rule).standings.map((s) => [s.code, s.prizeCents]))
        : new Map<string, number>();
    const all = ranked(
      rows.map((r) => ({
        code: r.employee_code,
        name: r.full_name,
        teamCode: r.team_code,
        units: Number(r.units),
        score: (Number(r.units) * 100) / r.target_percent,
        targetPercent: r.target_percent,
        prizeCents: prizes.get(r.employee_code) ?? 0,
        grantedCents: Number(r.granted),
      })),
    );
    const visibleTeams = user.teamIds === 'all' ? null : new Set(user.teamIds);
    const teamOf = new Map(rows.map((r) => [r.employee_code, r.team_id]));
    return {
      campaignId: id,
      scope,
      final,
      rows: visibleTeams ? all.filter((r) => visibleTeams.has(teamOf.get(r.code) as number)) : all,
    };
  }

  // ------------------------------------------------------------------ audit

  /**
   * Everything an auditor needs to re-derive the campaign's draws (docs/spiff.md): the secret
   * (its SHA-256 was published at launch), the rule, each entrant's units, handicap and draws,
   * and the close result (contest standings or lottery tickets and winners). Admins, after close.
   */
  async audit(user: AuthUser, id: number): Promise<SpiffAuditDto> {
    const r = await this.row(user, id);
    if (r.status !== 'closed') {
      throw conflict(
        `SPIFF campaign ${id} is ${r.status}: its secret is revealed once it has closed`,
      );
    }
    const [{ secret, close_result }]: {
      secret: string;
      close_result: Record<string, unknown> | null;
    }[] = await this.db.query(`SELECT secret, close_result FROM spiff_campaign WHERE id = $1`, [
      id,
    ]);
    const entrants: {
      employee_code: string;
      team_code: string;
      units: string;
      target_percent: number;
      draws: SpiffAuditDto['entrants'][number]['draws'] | null;
    }[] = await this.db.query(
      `SELECT a.employee_code, t.team_code, e.units::text AS units, e.target_percent,
         (SELECT json_agg(json_build_object('draw', d.draw_no, 'message', d.message, 'u', d.u,
            'index', d.slot_index, 'amountCents', d.amount_cents) ORDER BY d.draw_no)
          FROM spiff_draw d WHERE d.campaign_id = e.campaign_id AND d.agent_id = e.agent_id) AS draws
       FROM spiff_entrant e JOIN agent a ON a.id = e.agent_id JOIN team t ON t.id = a.team_id
       WHERE e.campaign_id = $1 ORDER BY a.employee_code`,
      [id],
    );
    const awards: {
      id: string;
      employee_code: string;
      kind: SpiffAuditDto['awards'][number]['kind'];
      amount_cents: string;
      status: SpiffAwardStatus;
      detail: Record<string, unknown>;
    }[] = await this.db.query(
      `SELECT w.id::text AS id, a.employee_code, w.kind, w.amount_cents::text AS amount_cents, w.status, w.detail
       FROM spiff_award w JOIN agent a ON a.id = w.agent_id WHERE w.campaign_id = $1 ORDER BY w.seq`,
      [id],
    );
    return {
      campaignId: id,
      name: r.name,
      rule: r.rule,
      metric: r.metric,
      secret,
      secretSha256: r.secret_sha256,
      scheme:
        'key = the 32 bytes of `secret` (hex); x = first 8 bytes of HMAC-SHA256(key, UTF-8 message) as an unsigned big-endian integer; ' +
        'spin/envelope i of agent a: message "<employee code>:<i>" (i = 1, 2, …), slot = floor(x × W / 2^64) over the weights W of the slices in order; ' +
        'lottery draw k: message "draw:<k>", holders ordered by employee code with their tickets laid end to end, slot = floor(x × T / 2^64) over the T tickets still in the drum, the winner leaves the drum. ' +
        'Handicapped agents (targetPercent < 100) need ceil(units per draw × targetPercent / 100) units per draw.',
      entrants: entrants.map((e) => ({
        employeeCode: e.employee_code,
        teamCode: e.team_code,
        units: Number(e.units),
        targetPercent: e.target_percent,
        draws: e.draws ?? [],
      })),
      result: close_result,
      awards: awards.map((a) => ({
        id: Number(a.id),
        employeeCode: a.employee_code,
        kind: a.kind,
        amountCents: Number(a.amount_cents),
        status: a.status,
        detail: a.detail,
      })),
    };
  }
}

/** Competition ranking by score (ties share the best rank), then name for a stable order. */
function ranked(rows: Omit<SpiffLeaderboardRow, 'rank'>[]): SpiffLeaderboardRow[] {
  const sorted = [...rows].sort(
    (a, b) => b.score - a.score || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  let rank = 0;
  return sorted.map((r, i) => {
    if (i === 0 || r.score !== sorted[i - 1].score) {
      rank = i + 1;
    }
    return { rank, ...r };
  });
}

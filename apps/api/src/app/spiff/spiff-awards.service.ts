import { Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import {
  SPIFF_AWARD_STATUSES,
  SpiffAwardList,
  SpiffAwardStatus,
  SpiffBulkResult,
  SpiffDisputeDto,
  SpiffPayTotalDto,
  SpiffResolveDisputeRequest,
  SpiffStatusCents,
} from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import {
  conflict,
  DomainError,
  DomainErrorCode,
  forbidden,
  invalid,
  notFound,
} from '../common/domain-error';
import { AWARD_SELECT, AwardRow, mapAward } from './spiff-award-rows';
import { awardVisible } from './spiff-scope';
import { APPROVED_TOTALS, INSERT_AUDIT, PAYABLE_BY_PERIOD } from './spiff.sql';

/** Ids one bulk request may carry. */
export const BULK_MAX = 5_000;

export interface AwardQuery {
  campaignId?: number;
  status?: SpiffAwardStatus;
  teamCode?: string;
  employeeCode?: string;
  disputed?: boolean;
  limit?: number;
  offset?: number;
}

type Transition = 'approve' | 'pay' | 'void';

const TRANSITION: Record<
  Transition,
  { from: SpiffAwardStatus[]; to: SpiffAwardStatus; action: string }
> = {
  approve: { from: ['pending'], to: 'approved', action: 'spiff.award.approved' },
  pay: { from: ['approved'], to: 'paid', action: 'spiff.award.paid' },
  void: { from: ['pending', 'approved'], to: 'void', action: 'spiff.award.voided' },
};

/**
 * The awards ledger (metrics.md §7): `pending → approved → paid`, or `void` from pending or
 * approved. Every bulk change is all or nothing, checked first (404 unknown ids, 403 ids of
 * other teams' agents, 409 ids not in a state the transition starts from — nothing changes then),
 * and each award's transition is written to the append-only audit log with who and when.
 */
@Injectable()
export class SpiffAwardsService {
  constructor(private readonly db: DataSource) {}

  private pool(): Pool {
    return (this.db.driver as unknown as { master: Pool }).master;
  }

  async list(user: AuthUser, q: AwardQuery): Promise<SpiffAwardList> {
    const params: unknown[] = [];
    const where = [awardVisible(user, 'a', params)];
    if (q.campaignId !== undefined) {
      params.push(q.campaignId);
      where.push(`w.campaign_id = $${params.length}`);
    }
    if (q.status) {
      params.push(q.status);
      where.push(`w.status = $${params.length}`);
    }
    if (q.teamCode) {
      params.push(q.teamCode);
      where.push(`t.team_code = $${params.length}`);
    }
    if (q.employeeCode) {
      params.push(q.employeeCode);
      where.push(`a.employee_code = $${params.length}`);
    }
    if (q.disputed) {
      where.push(
        `EXISTS (SELECT 1 FROM spiff_dispute p WHERE p.award_id = w.id AND p.status = 'open')`,
      );
    }
    const filter = where.join(' AND ');
    const limit = Math.min(q.limit ?? 200, 2_000);
    const offset = q.offset ?? 0;
    const rows: AwardRow[] = await this.db.query(
      `${AWARD_SELECT} WHERE ${filter} ORDER BY w.campaign_id DESC, w.seq LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    const sums: { status: SpiffAwardStatus; n: number; cents: string }[] = await this.db.query(
      `SELECT w.status, count(*)::int AS n, sum(w.amount_cents)::text AS cents
       FROM spiff_award w JOIN agent a ON a.id = w.agent_id JOIN team t ON t.id = a.team_id
       WHERE ${filter} GROUP BY w.status`,
      params,
    );
    const cents = Object.fromEntries(SPIFF_AWARD_STATUSES.map((s) => [s, 0])) as SpiffStatusCents;
    let total = 0;
    for (const s of sums) {
      cents[s.status] = Number(s.cents);
      total += s.n;
    }
    return { items: rows.map((r) => mapAward(r)), total, cents };
  }

  approve(user: AuthUser, ids: number[]): Promise<SpiffBulkResult> {
    return this.transition(user, 'approve', ids, null);
  }

  pay(user: AuthUser, ids: number[]): Promise<SpiffBulkResult> {
    return this.transition(user, 'pay', ids, null);
  }

  void(user: AuthUser, ids: number[], reason: string | undefined): Promise<SpiffBulkResult> {
    if (!reason || reason.trim().length === 0) {
      throw invalid(
        'reason is required: say why the awards are voided (it is kept in the audit log)',
      );
    }
    return this.transition(user, 'void', ids, reason.trim());
  }

  private async transition(
    user: AuthUser,
    kind: Transition,
    idsIn: number[],
    reason: string | null,
  ): Promise<SpiffBulkResult> {
    const ids = [...new Set(idsIn)].sort((a, b) => a - b);
    if (ids.length === 0) {
      throw invalid('ids must list at least one award');
    }
    if (ids.length > BULK_MAX) {
      throw invalid(`at most ${BULK_MAX} awards per request`);
    }
    const client = await this.pool().connect();
    try {
      await client.query('BEGIN');
      const done = await this.transitionIn(client, user, kind, ids, reason);
      await client.query('COMMIT');
      return { updated: done.length, ids: done };
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  /** The checked transition of `ids` inside the caller's transaction. */
  private async transitionIn(
    client: PoolClient,
    user: AuthUser,
    kind: Transition,
    ids: number[],
    reason: string | null,
  ): Promise<number[]> {
    const t = TRANSITION[kind];
    if (kind === 'void') {
      // Voiding returns cents to the budget: lock the campaigns first (the evaluator's order).
      await client.query(
        `SELECT id FROM spiff_campaign WHERE id IN (SELECT campaign_id FROM spiff_award WHERE id = ANY($1::bigint[]))
         ORDER BY id FOR UPDATE`,
        [ids],
      );
    }
    const { rows } = await client.query<{
      id: string;
      status: SpiffAwardStatus;
      team_id: number;
      campaign_id: number;
      amount_cents: string;
      employee_code: string;
    }>(
      `SELECT w.id::text AS id, w.status, a.team_id, w.campaign_id, w.amount_cents::text AS amount_cents, a.employee_code
       FROM spiff_award w JOIN agent a ON a.id = w.agent_id
       WHERE w.id = ANY($1::bigint[]) ORDER BY w.id FOR UPDATE OF w`,
      [ids],
    );
    const found = new Map(rows.map((r) => [Number(r.id), r]));
    const missing = ids.filter((id) => !found.has(id));
    const outside = rows.filter((r) => user.teamIds !== 'all' && !user.teamIds.includes(r.team_id));
    if (missing.length > 0 || (outside.length > 0 && user.role !== 'manager')) {
      throw notFound(
        `No award ${[...missing, ...outside.map((r) => r.id)].join(', ')}; nothing was changed`,
      );
    }
    if (outside.length > 0) {
      throw forbidden(
        `Awards ${outside.map((r) => r.id).join(', ')} belong to agents outside your teams; nothing was changed`,
      );
    }
    const wrong = rows.filter((r) => !t.from.includes(r.status));
    if (wrong.length > 0) {
      const why =
        kind === 'approve'
          ? 'an award is approved once, from pending'
          : kind === 'pay'
            ? 'an award is paid only after it is approved, and once'
            : 'only pending or approved awards can be voided (a paid award stays paid)';
      throw new DomainError(
        DomainErrorCode.Conflict,
        `${wrong.map((r) => `award ${r.id} is ${r.status}`).join('; ')}: ${why}; nothing was changed`,
        { conflicts: wrong.map((r) => ({ id: Number(r.id), status: r.status })) },
      );
    }
    if (kind === 'approve') {
      await client.query(
        `UPDATE spiff_award w SET status = 'approved', approved_at = now(), approved_by = $2,
           approved_on = (now() AT TIME ZONE st.time_zone)::date
         FROM agent a JOIN team t ON t.id = a.team_id JOIN site st ON st.id = t.site_id
         WHERE w.id = ANY($1::bigint[]) AND a.id = w.agent_id`,
        [ids, user.id],
      );
    } else if (kind === 'pay') {
      await client.query(
        `UPDATE spiff_award SET status = 'paid', paid_at = now(), paid_by = $2 WHERE id = ANY($1::bigint[])`,
        [ids, user.id],
      );
    } else {
      await client.query(
        `UPDATE spiff_award SET status = 'void', voided_at = now(), voided_by = $2, void_reason = $3
         WHERE id = ANY($1::bigint[])`,
        [ids, user.id, reason],
      );
      await client.query(
        `UPDATE spiff_campaign s SET granted_cents = s.granted_cents - v.cents, updated_at = now()
         FROM (SELECT campaign_id, sum(amount_cents) AS cents FROM spiff_award
               WHERE id = ANY($1::bigint[]) GROUP BY campaign_id) v
         WHERE s.id = v.campaign_id`,
        [ids],
      );
    }
    await client.query(INSERT_AUDIT, [
      user.id,
      rows.map(() => t.action),
      rows.map(() => 'spiff_award'),
      rows.map((r) => r.id),
      rows.map((r) =>
        JSON.stringify({
          from: r.status,
          to: t.to,
          campaignId: r.campaign_id,
          employeeCode: r.employee_code,
          amountCents: Number(r.amount_cents),
          ...(reason ? { reason } : {}),
        }),
      ),
    ]);
    return ids;
  }

  // ------------------------------------------------------------------ payroll

  /**
   * Payroll export of a pay period: every award approved in it (the local date of approval in
   * the agent's site zone, from … to inclusive), approved or since paid, one line each, for the
   * caller's agents. Amounts in cents and in dollars (exact: cents ÷ 100 printed from integers).
   */
  async payrollCsv(user: AuthUser, from: string, to: string): Promise<string> {
    const params: unknown[] = [from, to];
    const rows: AwardRow[] = await this.db.query(
      `${AWARD_SELECT}
       WHERE w.status IN ('approved','paid') AND w.approved_on BETWEEN $1 AND $2 AND ${awardVisible(user, 'a', params)}
       ORDER BY a.employee_code, w.approved_at, w.id`,
      params,
    );
    const dollars = (cents: number) =>
      `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    return stringify(
      rows.map((r) => [
        r.employee_code,
        r.full_name,
        r.team_code,
        r.id,
        r.campaign_id,
        r.campaign_name,
        r.kind,
        r.earned_on,
        r.approved_on,
        r.approved_by ?? '',
        r.status,
        r.paid_at ? r.paid_at.toISOString() : '',
        r.amount_cents,
        dollars(Number(r.amount_cents)),
      ]),
      {
        header: true,
        columns: [
          'employee_code',
          'full_name',
          'team_code',
          'award_id',
          'spiff_campaign_id',
          'spiff_campaign',
          'kind',
          'earned_on',
          'approved_on',
          'approved_by',
          'status',
          'paid_at',
          'amount_cents',
          'amount',
        ],
      },
    );
  }

  // ------------------------------------------------------------------ disputes

  async disputes(
    user: AuthUser,
    status: 'open' | 'resolved' | undefined,
  ): Promise<SpiffDisputeDto[]> {
    const params: unknown[] = [];
    const where = [awardVisible(user, 'a', params)];
    if (status) {
      params.push(status);
      where.push(`p.status = $${params.length}`);
    }
    const rows: {
      id: string;
      award_id: string;
      campaign_id: number;
      campaign_name: string;
      employee_code: string;
      full_name: string;
      amount_cents: string;
      award_status: SpiffAwardStatus;
      comment: string;
      status: 'open' | 'resolved';
      outcome: 'upheld' | 'rejected' | null;
      resolution: string | null;
      resolved_by: string | null;
      resolved_at: Date | null;
      adjustment_award_id: string | null;
      created_at: Date;
    }[] = await this.db.query(
      `SELECT p.id::text AS id, p.award_id::text AS award_id, w.campaign_id, s.name AS campaign_name,
         a.employee_code, a.full_name, w.amount_cents::text AS amount_cents, w.status AS award_status,
         p.comment, p.status, p.outcome, p.resolution, ur.email AS resolved_by, p.resolved_at,
         p.adjustment_award_id::text AS adjustment_award_id, p.created_at
       FROM spiff_dispute p JOIN spiff_award w ON w.id = p.award_id JOIN spiff_campaign s ON s.id = w.campaign_id
       JOIN agent a ON a.id = p.agent_id LEFT JOIN app_user ur ON ur.id = p.resolved_by
       WHERE ${where.join(' AND ')}
       ORDER BY p.status = 'open' DESC, p.created_at DESC`,
      params,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      awardId: Number(r.award_id),
      campaignId: r.campaign_id,
      campaignName: r.campaign_name,
      employeeCode: r.employee_code,
      agentName: r.full_name,
      amountCents: Number(r.amount_cents),
      awardStatus: r.award_status,
      comment: r.comment,
      status: r.status,
      outcome: r.outcome,
      resolution: r.resolution,
      resolvedBy: r.resolved_by,
      resolvedAt: r.resolved_at?.toISOString() ?? null,
      adjustmentAwardId: r.adjustment_award_id === null ? null : Number(r.adjustment_award_id),
      createdAt: r.created_at.toISOString(),
    }));
  }

  /**
   * A manager resolves a dispute of one of their agents: `rejected` (the award stands) or
   * `upheld`, optionally voiding the award and/or granting an adjustment award (pending, judged
   * against the budget like any award: `declined_budget` when it does not fit). One transaction.
   */
  async resolve(
    user: AuthUser,
    disputeId: number,
    body: SpiffResolveDisputeRequest,
  ): Promise<SpiffDisputeDto> {
    const comment = (body.comment ?? '').trim();
    if (comment.length === 0) {
      throw invalid('comment is required: tell the agent why');
    }
    if (body.outcome === 'rejected' && (body.voidAward || body.adjustmentCents)) {
      throw invalid(
        'a rejected dispute changes nothing: voidAward and adjustmentCents need outcome upheld',
      );
    }
    const adjustment = body.adjustmentCents ?? 0;
    if (!Number.isSafeInteger(adjustment) || adjustment < 0) {
      throw invalid('adjustmentCents must be a non-negative integer of cents');
    }
    const client = await this.pool().connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{
        status: string;
        award_id: string;
        team_id: number;
        agent_id: number;
        campaign_id: number;
        employee_code: string;
        period_to: string;
      }>(
        `SELECT p.status, p.award_id::text AS award_id, a.team_id, a.id AS agent_id, w.campaign_id,
           a.employee_code, s.period_to::text AS period_to
         FROM spiff_dispute p JOIN spiff_award w ON w.id = p.award_id JOIN agent a ON a.id = p.agent_id
         JOIN spiff_campaign s ON s.id = w.campaign_id WHERE p.id = $1`,
        [disputeId],
      );
      const d = rows[0];
      if (!d || (user.teamIds !== 'all' && !user.teamIds.includes(d.team_id))) {
        throw notFound(`No dispute ${disputeId} among your agents`);
      }
      if (d.status !== 'open') {
        throw conflict(`Dispute ${disputeId} is already resolved`);
      }
      if (body.outcome === 'upheld' && body.voidAward) {
        await this.transitionIn(
          client,
          user,
          'void',
          [Number(d.award_id)],
          `dispute ${disputeId} upheld: ${comment}`,
        );
      }
      let adjustmentId: string | null = null;
      if (body.outcome === 'upheld' && adjustment > 0) {
        const lock = await client.query<{ budget: string; granted: string; seq: number }>(
          `SELECT budget_cents::text AS budget, granted_cents::text AS granted, award_seq AS seq
           FROM spiff_campaign WHERE id = $1 FOR UPDATE`,
          [d.campaign_id],
        );
        const c = lock.rows[0];
        const fits = Number(c.granted) + adjustment <= Number(c.budget);
        const inserted = await client.query<{ id: string }>(
          `INSERT INTO spiff_award (campaign_id, agent_id, seq, kind, amount_cents, status, earned_on, detail)
           VALUES ($1, $2, $3, 'adjustment', $4, $5, LEAST($6::date, (now() AT TIME ZONE 'UTC')::date), $7) RETURNING id::text AS id`,
          [
            d.campaign_id,
            d.agent_id,
            c.seq + 1,
            adjustment,
            fits ? 'pending' : 'declined_budget',
            d.period_to,
            JSON.stringify({ disputeId, awardId: Number(d.award_id), comment }),
          ],
        );
        adjustmentId = inserted.rows[0].id;
        await client.query(
          `UPDATE spiff_campaign SET award_seq = award_seq + 1, granted_cents = granted_cents + $2, updated_at = now() WHERE id = $1`,
          [d.campaign_id, fits ? adjustment : 0],
        );
        await client.query(INSERT_AUDIT, [
          user.id,
          [fits ? 'spiff.award.granted' : 'spiff.award.declined_budget'],
          ['spiff_award'],
          [adjustmentId],
          [
            JSON.stringify({
              to: fits ? 'pending' : 'declined_budget',
              kind: 'adjustment',
              campaignId: d.campaign_id,
              employeeCode: d.employee_code,
              amountCents: adjustment,
              disputeId,
            }),
          ],
        ]);
      }
      await client.query(
        `UPDATE spiff_dispute SET status = 'resolved', outcome = $2, resolution = $3, resolved_by = $4,
           resolved_at = now(), adjustment_award_id = $5 WHERE id = $1`,
        [disputeId, body.outcome, comment, user.id, adjustmentId],
      );
      await client.query(INSERT_AUDIT, [
        user.id,
        ['spiff.dispute.resolved'],
        ['spiff_dispute'],
        [String(disputeId)],
        [
          JSON.stringify({
            awardId: Number(d.award_id),
            outcome: body.outcome,
            comment,
            voided: Boolean(body.outcome === 'upheld' && body.voidAward),
            adjustmentAwardId: adjustmentId === null ? null : Number(adjustmentId),
          }),
        ],
      ]);
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
    const all = await this.disputes(user, undefined);
    return all.find((x) => x.id === disputeId) as SpiffDisputeDto;
  }
}

/**
 * The SPIFF side of the pay estimate (metrics.md §4: "… + approved SPIFF awards"): the exact
 * per-agent sum of awards approved in a pay period — one query. The schedules stream's pay
 * estimate calls `approvedTotals(from, to, {agentIds})`; `GET /api/spiff/payroll/totals` serves it.
 */
@Injectable()
export class SpiffPayService {
  constructor(private readonly db: DataSource) {}

  async approvedTotals(
    from: string,
    to: string,
    filter: { agentIds?: number[]; teamIds?: number[] | 'all' } = {},
  ): Promise<(SpiffPayTotalDto & { agentId: number })[]> {
    const rows: {
      agent_id: number;
      employee_code: string;
      full_name: string;
      team_code: string;
      awards: number;
      cents: string;
    }[] = await this.db.query(APPROVED_TOTALS, [
      from,
      to,
      filter.agentIds ?? null,
      filter.teamIds === undefined || filter.teamIds === 'all' ? null : filter.teamIds,
    ]);
    return rows.map((r) => ({
      agentId: r.agent_id,
      employeeCode: r.employee_code,
      agentName: r.full_name,
      teamCode: r.team_code,
      awards: r.awards,
      cents: Number(r.cents),
    }));
  }

  /**
   * The pay estimate's SPIFF sums (docs/schedules.md "SPIFF in the pay estimate"): for each
   * window (an agent and a pay period, local dates inclusive) the awards payable in it, and each
   * agent's awards still pending — one query (`PAYABLE_BY_PERIOD`). The caller has already
   * chosen which agents the user may see.
   */
  async payableByPeriod(windows: readonly SpiffPayWindow[]): Promise<SpiffPayableSums> {
    const out: SpiffPayableSums = { periods: new Map(), pending: new Map() };
    if (windows.length === 0) {
      return out;
    }
    const rows: {
      agent_id: number;
      period_from: string | null;
      period_to: string | null;
      awards: number;
      cents: string;
    }[] = await this.db.query(PAYABLE_BY_PERIOD, [
      windows.map((w) => w.agentId),
      windows.map((w) => w.from),
      windows.map((w) => w.to),
    ]);
    for (const r of rows) {
      const sum = { awards: r.awards, cents: Number(r.cents) };
      if (r.period_from === null || r.period_to === null) {
        out.pending.set(r.agent_id, sum);
      } else {
        out.periods.set(payWindowKey(r.agent_id, r.period_from, r.period_to), sum);
      }
    }
    return out;
  }
}

/** An agent and one of their pay periods (local dates, inclusive). */
export interface SpiffPayWindow {
  agentId: number;
  from: string;
  to: string;
}

/** Award count and exact integer cents. */
export interface SpiffSum {
  awards: number;
  cents: number;
}

/** `payableByPeriod`: sums by {@link payWindowKey}, and pending sums by agent id. */
export interface SpiffPayableSums {
  periods: Map<string, SpiffSum>;
  pending: Map<number, SpiffSum>;
}

/** The key of a window in {@link SpiffPayableSums.periods}. */
export function payWindowKey(agentId: number, from: string, to: string): string {
  return `${agentId}:${from}:${to}`;
}

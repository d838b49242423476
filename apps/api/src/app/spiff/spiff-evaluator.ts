import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import {
  closeAwards,
  EngineAward,
  EngineEntrant,
  evaluateLiveUnits,
  handicapPercent,
  Handicap,
  newEngineEntrant,
  QualityGate,
  qualityGateResult,
  SpiffMetric,
  SpiffRule,
  spiffUnitsOfCall,
  UnitEvent,
} from '@floorwise/analytics';
import { CallsLanded, CallWriter } from '../calls/call-writer';
import { conflict, notFound } from '../common/domain-error';
import {
  CLOSE_ENTRANTS,
  ENTRANTS_OF,
  INSERT_AUDIT,
  INSERT_AWARDS,
  INSERT_DRAWS,
  INSERT_UNITS,
  LIVE_CALLS,
  LOCK_CAMPAIGNS,
  SWEEP_CALLS,
  UPSERT_ENTRANTS,
  UPDATE_CAMPAIGN_TOTALS,
} from './spiff.sql';

/** A call that may carry units for a campaign, as the SQL reads it. */
export interface CandidateCall {
  call_id: string;
  agent_id: number;
  employee_code: string;
  hire_date: string;
  started_at: Date;
  local_date: string;
  outcome: string;
  sale_amount_cents: number | null;
  qa_score: number | null;
  csat: number | null;
}

/** The campaign row as evaluation reads it, under its row lock. */
interface LockedCampaign {
  id: number;
  status: string;
  metric: SpiffMetric;
  rule: SpiffRule;
  budgetCents: number;
  grantedCents: number;
  awardSeq: number;
  secret: Buffer;
  qualityGate: QualityGate | null;
  handicap: Handicap | null;
  periodFrom: string;
  periodTo: string;
}

/** What one evaluation wrote. */
export interface ApplyResult {
  calls: number;
  awards: number;
  grantedCents: number;
  declined: number;
}

/** Minutes after the period has ended in every eligible zone before a campaign closes itself. */
export const CLOSE_GRACE_MINUTES = 60;
/** Calls read per transaction by a sweep. */
const SWEEP_CHUNK = 5_000;

/**
 * Evaluates SPIFF campaigns from calls (metrics.md §7): live, as `CallWriter.landed` announces
 * committed batches; by a sweep of a campaign's period (after an import, at launch, at boot, at
 * close); and at close (contests and lotteries). Every evaluation of a campaign runs in one
 * transaction holding the campaign's row lock, so grants are serialised across requests and API
 * processes and the granted total can never pass the budget (a CHECK holds it too). A call
 * counts once per campaign (`spiff_unit` primary key), whichever path sees it first.
 *
 * Events of this process are evaluated one after the other, in the order they arrived; within a
 * batch or a sweep calls go in start order.
 */
@Injectable()
export class SpiffEvaluator implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SpiffEvaluator.name);
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private subscription?: Subscription;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly db: DataSource,
    private readonly writer: CallWriter,
  ) {}

  onModuleInit(): void {
    this.subscription = this.writer.landed.subscribe((event) => {
      this.enqueue(() => this.onLanded(event));
    });
    this.timer = setInterval(() => this.enqueue(() => this.closeDue()), 60_000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    this.stopAutoClose();
  }

  /** Stops the minute-by-minute auto-close (tests drive `closeDue` themselves). */
  stopAutoClose(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /** Resolves once every event received so far has been evaluated. */
  async whenIdle(): Promise<void> {
    while (this.pending > 0) {
      await this.queue;
    }
  }

  /** Runs a job after the ones queued before it; a failure is logged, never lost silently. */
  enqueue<T>(job: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const run = this.queue.then(job);
    this.queue = run
      .catch((e: unknown) =>
        this.logger.error(`SPIFF evaluation failed: ${e instanceof Error ? e.stack : String(e)}`),
      )
      .finally(() => {
        this.pending -= 1;
      });
    return run;
  }

  private pool(): Pool {
    return (this.db.driver as unknown as { master: Pool }).master;
  }

  private async activeIds(): Promise<number[]> {
    const rows: { id: number }[] = await this.db.query(
      `SELECT id FROM spiff_campaign WHERE status = 'active' ORDER BY id`,
    );
    return rows.map((r) => r.id);
  }

  private async onLanded(event: CallsLanded): Promise<void> {
    if (event.calls) {
      await this.evaluateLive(event.calls);
      return;
    }
    // An import announces only a count: catch every active campaign up from its period.
    for (const id of await this.activeIds()) {
      await this.sweep(id);
    }
  }

  /**
   * Live path: the calls of a batch by their index keys, each campaign evaluated in its own
   * locked transaction. Public so tests and the benchmark can drive it concurrently.
   */
  async evaluateLive(
    keys: readonly { callId: string; agentId: number | null; startedAt: string }[],
    campaignIds?: number[],
  ): Promise<ApplyResult> {
    const total: ApplyResult = { calls: 0, awards: 0, grantedCents: 0, declined: 0 };
    const withAgent = keys.filter((k) => k.agentId !== null);
    if (withAgent.length === 0 || campaignIds?.length === 0) {
      return total;
    }
    const rows: (CandidateCall & { campaign_id: number })[] = await this.db.query(LIVE_CALLS, [
      withAgent.map((k) => k.callId),
      withAgent.map((k) => k.agentId),
      withAgent.map((k) => k.startedAt),
      campaignIds ?? null,
    ]);
    const byCampaign = new Map<number, CandidateCall[]>();
    for (const r of rows) {
      const list = byCampaign.get(r.campaign_id) ?? [];
      list.push(r);
      byCampaign.set(r.campaign_id, list);
    }
    if (byCampaign.size === 0) {
      return total;
    }
    // One transaction for the batch, every campaign it touches locked (in id order).
    await this.inLockedTxMany([...byCampaign.keys()], async (client, campaigns) => {
      for (const campaign of campaigns) {
        add(total, await this.apply(client, campaign, byCampaign.get(campaign.id) ?? []));
      }
    });
    return total;
  }

  /** Sweep: counts every call of the campaign's period not counted yet, in start order. */
  async sweep(campaignId: number): Promise<ApplyResult> {
    const total: ApplyResult = { calls: 0, awards: 0, grantedCents: 0, declined: 0 };
    const reader = await this.pool().connect();
    try {
      await reader.query('BEGIN READ ONLY');
      await reader.query(`DECLARE spiff_sweep NO SCROLL CURSOR FOR ${SWEEP_CALLS}`, [campaignId]);
      for (;;) {
        const chunk = await reader.query<CandidateCall>(`FETCH ${SWEEP_CHUNK} FROM spiff_sweep`);
        if (chunk.rows.length === 0) {
          break;
        }
        const r = await this.inLockedTx(campaignId, (client, campaign) =>
          this.apply(client, campaign, chunk.rows),
        );
        if (r === null) {
          break; // the campaign is no longer active
        }
        add(total, r);
      }
      await reader.query('COMMIT');
    } catch (e) {
      await reader.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      reader.release();
    }
    return total;
  }

  /** Sweeps every active campaign (after an import, at boot). */
  async sweepActive(): Promise<void> {
    for (const id of await this.activeIds()) {
      await this.sweep(id);
    }
  }

  /**
   * Closes a campaign (metrics.md §7 "at close"): counts the calls still missing, decides the
   * contest's or lottery's awards against the budget, stores the standings or the draw, marks
   * the campaign closed. 409 before its period has ended everywhere, or when not active.
   */
  async close(campaignId: number, actorId: number | null): Promise<void> {
    const [row]: { status: string; ended: boolean; ends: Date }[] = await this.db.query(
      `SELECT status, period_ends_at <= now() AS ended, period_ends_at AS ends FROM spiff_campaign WHERE id = $1`,
      [campaignId],
    );
    if (!row) {
      throw notFound(`SPIFF campaign ${campaignId} does not exist`);
    }
    if (row.status !== 'active') {
      throw conflict(
        `SPIFF campaign ${campaignId} is ${row.status}, not active: only an active campaign closes`,
      );
    }
    if (!row.ended) {
      throw conflict(
        `SPIFF campaign ${campaignId} runs until ${row.ends.toISOString()} (its last day in every site); it closes after that`,
      );
    }
    await this.sweep(campaignId);
    const done = await this.inLockedTx(campaignId, async (client, campaign) => {
      // Calls committed since the sweep read its snapshot.
      const late = await client.query<CandidateCall>(SWEEP_CALLS, [campaignId]);
      const r = await this.apply(client, campaign, late.rows);
      const entrants = await client.query<{
        agent_id: number;
        employee_code: string;
        team_code: string;
        units: string;
        target_percent: number;
      }>(CLOSE_ENTRANTS, [campaignId]);
      const agentOf = new Map(entrants.rows.map((e) => [e.employee_code, e.agent_id]));
      const closing = closeAwards({
        rule: campaign.rule,
        budgetCents: campaign.budgetCents,
        grantedCents: campaign.grantedCents,
        secret: campaign.secret,
        entrants: entrants.rows.map((e) => ({
          code: e.employee_code,
          units: Number(e.units),
          targetPercent: e.target_percent,
          teamCode: e.team_code,
        })),
      });
      await this.writeAwards(
        client,
        campaign,
        closing.awards.map((a) => ({ ...a, localDate: campaign.periodTo })),
        agentOf,
      );
      campaign.grantedCents = closing.grantedCents;
      await client.query(UPDATE_CAMPAIGN_TOTALS, [
        campaign.id,
        campaign.grantedCents,
        campaign.awardSeq,
      ]);
      await client.query(
        `UPDATE spiff_campaign SET status = 'closed', closed_at = now(), closed_by = $2,
           close_result = $3, updated_at = now() WHERE id = $1`,
        [campaignId, actorId, JSON.stringify(closing.result)],
      );
      await client.query(INSERT_AUDIT, [
        actorId,
        ['spiff.campaign.closed'],
        ['spiff_campaign'],
        [String(campaignId)],
        [
          JSON.stringify({
            awards: closing.awards.length + r.awards,
            grantedCents: campaign.grantedCents,
          }),
        ],
      ]);
      return r;
    });
    if (done === null) {
      throw conflict(`SPIFF campaign ${campaignId} was closed by someone else meanwhile`);
    }
  }

  /** Closes every active campaign whose period ended more than the grace period ago. */
  async closeDue(): Promise<number[]> {
    const rows: { id: number }[] = await this.db.query(
      `SELECT id FROM spiff_campaign WHERE status = 'active'
         AND period_ends_at + make_interval(mins => $1) <= now() ORDER BY id`,
      [CLOSE_GRACE_MINUTES],
    );
    const closed: number[] = [];
    for (const { id } of rows) {
      try {
        await this.close(id, null);
        closed.push(id);
      } catch (e) {
        this.logger.warn(
          `SPIFF campaign ${id} did not close: ${e instanceof Error ? e.message : e}`,
        );
      }
    }
    return closed;
  }

  /**
   * Runs `fn` in a transaction holding the campaign's row lock (`SELECT … FOR UPDATE`), when
   * the campaign is active; null (and nothing written) otherwise.
   */
  private async inLockedTx<T>(
    campaignId: number,
    fn: (client: PoolClient, campaign: LockedCampaign) => Promise<T>,
  ): Promise<T | null> {
    let found = false;
    const result = await this.inLockedTxMany([campaignId], async (client, campaigns) => {
      if (campaigns.length === 0) {
        return null;
      }
      found = true;
      return fn(client, campaigns[0]);
    });
    return found ? result : null;
  }

  /**
   * Runs `fn` in one transaction holding the row locks of the given campaigns (`SELECT … FOR
   * UPDATE`, id order) with those still active; nothing is written for the others.
   */
  private async inLockedTxMany<T>(
    campaignIds: number[],
    fn: (client: PoolClient, campaigns: LockedCampaign[]) => Promise<T>,
  ): Promise<T> {
    const client = await this.pool().connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query(LOCK_CAMPAIGNS, [campaignIds]);
      const campaigns: LockedCampaign[] = rows
        .filter((row) => row.status === 'active')
        .map((row) => ({
          id: row.id,
          status: row.status,
          metric: row.metric,
          rule: row.rule,
          budgetCents: Number(row.budget_cents),
          grantedCents: Number(row.granted_cents),
          awardSeq: row.award_seq,
          secret: Buffer.from(row.secret, 'hex'),
          qualityGate: row.quality_gate,
          handicap: row.handicap,
          periodFrom: row.period_from,
          periodTo: row.period_to,
        }));
      const result = await fn(client, campaigns);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  /**
   * Counts candidate calls for a locked campaign and writes what they earn: units (each call
   * once), entrants' state, awards decided against the budget, draws, audit rows and the
   * campaign's granted total — all in the caller's transaction.
   */
  private async apply(
    client: PoolClient,
    campaign: LockedCampaign,
    candidates: readonly CandidateCall[],
  ): Promise<ApplyResult> {
    const result: ApplyResult = { calls: 0, awards: 0, grantedCents: 0, declined: 0 };
    const scored = candidates
      .map((c) => {
        const units = spiffUnitsOfCall(
          {
            hasAgent: true,
            outcome: c.outcome,
            saleAmountCents: c.sale_amount_cents,
            qaScore: c.qa_score,
            csat: c.csat,
          },
          campaign.metric,
        );
        const gate = qualityGateResult({ qaScore: c.qa_score, csat: c.csat }, campaign.qualityGate);
        return { c, units, gate };
      })
      .filter((x) => x.units > 0);
    if (scored.length === 0) {
      return result;
    }
    const inserted = await client.query<{ call_id: string }>(INSERT_UNITS, [
      campaign.id,
      scored.map((x) => x.c.call_id),
      scored.map((x) => x.c.agent_id),
      scored.map((x) => x.c.started_at),
      scored.map((x) => x.c.local_date),
      scored.map((x) => x.units),
      scored.map((x) => x.gate.counts),
      scored.map((x) => (x.gate.counts ? null : x.gate.reason)),
    ]);
    const fresh = new Set(inserted.rows.map((r) => r.call_id));
    const todo = scored.filter((x) => fresh.has(x.c.call_id));
    if (todo.length === 0) {
      return result;
    }
    result.calls = todo.length;

    // Entrants: the known ones, and new ones with their handicap from their hire date.
    const agentIds = [...new Set(todo.map((x) => x.c.agent_id))];
    const known = await client.query<{
      agent_id: number;
      employee_code: string;
      target_percent: number;
      units: string;
      draws: number;
      earned_cents: string;
      tier_index: number | null;
      tier_granted_cents: string;
    }>(ENTRANTS_OF, [campaign.id, agentIds]);
    const entrants = new Map<string, EngineEntrant>();
    const agentOf = new Map<string, number>();
    for (const e of known.rows) {
      agentOf.set(e.employee_code, e.agent_id);
      entrants.set(e.employee_code, {
        code: e.employee_code,
        targetPercent: e.target_percent,
        units: Number(e.units),
        draws: e.draws,
        earnedCents: Number(e.earned_cents),
        tierIndex: e.tier_index,
        tierGrantedCents: Number(e.tier_granted_cents),
      });
    }
    for (const { c } of todo) {
      if (!entrants.has(c.employee_code)) {
        agentOf.set(c.employee_code, c.agent_id);
        entrants.set(
          c.employee_code,
          newEngineEntrant(
            c.employee_code,
            handicapPercent(c.hire_date, campaign.periodFrom, campaign.handicap),
          ),
        );
      }
    }
    const counted = new Map<
      string,
      { calls: number; gatedCalls: number; gatedUnits: number; last: Date }
    >();
    const events: UnitEvent[] = [];
    for (const x of todo) {
      const k = counted.get(x.c.employee_code) ?? {
        calls: 0,
        gatedCalls: 0,
        gatedUnits: 0,
        last: x.c.started_at,
      };
      if (x.c.started_at > k.last) {
        k.last = x.c.started_at;
      }
      if (x.gate.counts) {
        k.calls += 1;
        events.push({
          code: x.c.employee_code,
          units: x.units,
          callId: x.c.call_id,
          occurredAt: x.c.started_at.toISOString(),
          localDate: x.c.local_date,
        });
      } else {
        k.gatedCalls += 1;
        k.gatedUnits += x.units;
      }
      counted.set(x.c.employee_code, k);
    }
    const evaluation = evaluateLiveUnits({
      rule: campaign.rule,
      budgetCents: campaign.budgetCents,
      grantedCents: campaign.grantedCents,
      secret: campaign.secret,
      entrants,
      events,
    });

    const touched = [...counted.keys()];
    const state = touched.map((code) => evaluation.entrants.get(code) as EngineEntrant);
    await client.query(UPSERT_ENTRANTS, [
      campaign.id,
      touched.map((code) => agentOf.get(code)),
      state.map((e) => e.targetPercent),
      state.map((e) => e.units),
      touched.map((code) => counted.get(code)?.calls ?? 0),
      touched.map((code) => counted.get(code)?.gatedCalls ?? 0),
      touched.map((code) => counted.get(code)?.gatedUnits ?? 0),
      state.map((e) => e.draws),
      state.map((e) => e.earnedCents),
      state.map((e) => e.tierIndex),
      state.map((e) => e.tierGrantedCents),
      touched.map((code) => counted.get(code)?.last),
    ]);
    const awardIds = await this.writeAwards(client, campaign, evaluation.awards, agentOf);
    if (evaluation.draws.length > 0) {
      const d = evaluation.draws;
      await client.query(INSERT_DRAWS, [
        campaign.id,
        d.map((x) => agentOf.get(x.code)),
        d.map((x) => x.draw.draw),
        d.map((x) => x.kind),
        d.map((x) => x.draw.message),
        d.map((x) => x.draw.u),
        d.map((x) => x.draw.index),
        d.map((x) => x.draw.amountCents),
        d.map((x) => (x.awardIndex === null ? null : awardIds[x.awardIndex])),
        d.map((x) => x.callId),
        d.map((x) => x.localDate),
      ]);
    }
    if (evaluation.awards.length > 0) {
      campaign.grantedCents = evaluation.grantedCents;
      await client.query(UPDATE_CAMPAIGN_TOTALS, [
        campaign.id,
        campaign.grantedCents,
        campaign.awardSeq,
      ]);
    }
    result.awards = evaluation.awards.length;
    result.declined = evaluation.awards.filter((a) => a.status === 'declined_budget').length;
    result.grantedCents = evaluation.awards
      .filter((a) => a.status === 'granted')
      .reduce((s, a) => s + a.amountCents, 0);
    return result;
  }

  /** Inserts awards in decision order with the campaign's next sequence numbers, and audits them. */
  private async writeAwards(
    client: PoolClient,
    campaign: LockedCampaign,
    awards: readonly EngineAward[],
    agentOf: ReadonlyMap<string, number>,
  ): Promise<string[]> {
    if (awards.length === 0) {
      return [];
    }
    const seqs = awards.map((_, i) => campaign.awardSeq + i + 1);
    campaign.awardSeq += awards.length;
    const inserted = await client.query<{ id: string; seq: number }>(INSERT_AWARDS, [
      campaign.id,
      awards.map((a) => agentOf.get(a.code)),
      seqs,
      awards.map((a) => a.kind),
      awards.map((a) => a.amountCents),
      awards.map((a) => (a.status === 'granted' ? 'pending' : 'declined_budget')),
      awards.map((a) => a.callId),
      awards.map((a) => a.occurredAt),
      awards.map((a) => a.localDate ?? campaign.periodTo),
      awards.map((a) => a.unitsAt),
      awards.map((a) => JSON.stringify(a.detail)),
    ]);
    const idOfSeq = new Map(inserted.rows.map((r) => [r.seq, r.id]));
    const ids = seqs.map((s) => idOfSeq.get(s) as string);
    await client.query(INSERT_AUDIT, [
      null,
      awards.map((a) =>
        a.status === 'granted' ? 'spiff.award.granted' : 'spiff.award.declined_budget',
      ),
      awards.map(() => 'spiff_award'),
      ids,
      awards.map((a) =>
        JSON.stringify({
          by: 'evaluator',
          to: a.status === 'granted' ? 'pending' : 'declined_budget',
          campaignId: campaign.id,
          employeeCode: a.code,
          kind: a.kind,
          amountCents: a.amountCents,
          callId: a.callId,
          grantedTotalCents: a.grantedTotalCents,
        }),
      ),
    ]);
    return ids;
  }
}

function add(total: ApplyResult, r: ApplyResult | null): void {
  if (!r) {
    return;
  }
  total.calls += r.calls;
  total.awards += r.awards;
  total.grantedCents += r.grantedCents;
  total.declined += r.declined;
}

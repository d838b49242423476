import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { SpiffCampaignInput } from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import { SpiffAwardsService } from './spiff-awards.service';
import { SpiffCampaignsService } from './spiff-campaigns.service';
import { SpiffMeService } from './spiff-me.service';

/**
 * SPIFF campaigns of the demo center, evaluated from its calls through the same services users
 * call: three closed ones (a tier ladder on retention saves, a handicapped sales contest, a
 * resolution raffle), four running (a capped per-save-style bonus with a QA gate, the demo
 * manager's prize wheel, an org-wide envelope campaign on a tight budget, a team cup) and a
 * draft. Some closed awards are approved and paid, and the demo agent has opened a dispute.
 */
@Injectable()
export class SpiffDemoSeeder {
  private readonly logger = new Logger(SpiffDemoSeeder.name);

  constructor(
    private readonly db: DataSource,
    private readonly campaigns: SpiffCampaignsService,
    private readonly awards: SpiffAwardsService,
    private readonly me: SpiffMeService,
  ) {}

  async seed(): Promise<{ campaigns: number; awards: number }> {
    const started = Date.now();
    const [{ last }]: { last: string | null }[] = await this.db.query(
      `SELECT max(local_date)::text AS last FROM call_rollup_day`,
    );
    const admin = await this.user(
      `SELECT id, email FROM app_user WHERE role = 'admin' ORDER BY id LIMIT 1`,
      'admin',
    );
    if (!last || !admin) {
      return { campaigns: 0, awards: 0 };
    }
    const manager = await this.user(
      `SELECT id, email FROM app_user WHERE lower(email) = 'manager@floorwise.local'`,
      'manager',
    );
    const today = DateTime.fromISO(last, { zone: 'UTC' }).plus({ days: 1 });
    const day = (offset: number) => today.plus({ days: offset }).toISODate() as string;
    const lines = async (kind: string): Promise<string[]> =>
      (
        (await this.db.query(
          `SELECT campaign_code FROM campaign WHERE kind = $1 ORDER BY campaign_code`,
          [kind],
        )) as { campaign_code: string }[]
      ).map((r) => r.campaign_code);
    const retention = await lines('retention');
    const sales = await lines('outbound_sales');

    const closed: SpiffCampaignInput[] = [];
    if (retention.length > 0) {
      closed.push({
        name: 'Save ladder',
        description:
          'Retention desks: the more customers you save, the higher the tier. Highest tier reached pays.',
        metric: 'saves',
        budgetCents: 600_000,
        periodFrom: day(-42),
        periodTo: day(-15),
        eligibility: { campaignCodes: retention },
        rule: {
          type: 'tiered',
          tiers: [
            { threshold: 40, amountCents: 5_000 },
            { threshold: 80, amountCents: 12_500 },
            { threshold: 120, amountCents: 25_000 },
          ],
        },
        handicap: { tenureDays: 90, targetPercent: 70 },
      });
    }
    if (sales.length > 0) {
      closed.push({
        name: 'Two-week sales sprint',
        description: 'Most sales wins. New hires are ranked on a 70 % target.',
        metric: 'sales',
        budgetCents: 60_000,
        periodFrom: day(-28),
        periodTo: day(-15),
        eligibility: { campaignCodes: sales },
        rule: {
          type: 'contest',
          scope: 'agent',
          prizes: [25_000, 15_000, 10_000, 5_000, 5_000],
          minUnits: 5,
        },
        handicap: { tenureDays: 90, targetPercent: 70 },
      });
    }
    closed.push({
      name: 'Resolution raffle',
      description: 'A ticket for every 25 resolved calls; five winners drawn at close.',
      metric: 'resolved',
      budgetCents: 60_000,
      periodFrom: day(-35),
      periodTo: day(-22),
      rule: { type: 'lottery', unitsPerTicket: 25, prizes: [25_000, 15_000, 10_000, 5_000, 5_000] },
    });

    const running: { input: SpiffCampaignInput; by: AuthUser }[] = [
      {
        by: admin,
        input: {
          name: 'Quality resolutions',
          description:
            '$1 for every 10 resolved calls, up to $40 — calls reviewed below QA 70 do not count.',
          metric: 'resolved',
          budgetCents: 600_000,
          periodFrom: day(-9),
          periodTo: day(12),
          rule: { type: 'per_unit', amountCents: 100, perUnits: 10, capCents: 4_000 },
          qualityGate: { qaMin: 70, unscored: 'count' },
        },
      },
      {
        by: admin,
        input: {
          name: 'Mystery envelopes',
          description: 'An envelope for every 50 calls handled. What is inside? Open it and see.',
          metric: 'calls_handled',
          budgetCents: 600_000,
          periodFrom: day(-6),
          periodTo: day(8),
          rule: {
            type: 'mystery_envelope',
            unitsPerEnvelope: 50,
            amounts: [
              { amountCents: 500, weight: 10 },
              { amountCents: 1_000, weight: 6 },
              { amountCents: 2_500, weight: 3 },
              { amountCents: 10_000, weight: 1 },
            ],
          },
        },
      },
      {
        by: admin,
        input: {
          name: 'Team resolution cup',
          description: 'Teams compete on resolved calls; the winning team shares the prize.',
          metric: 'resolved',
          budgetCents: 200_000,
          periodFrom: day(-12),
          periodTo: day(2),
          rule: { type: 'contest', scope: 'team', prizes: [100_000, 60_000, 40_000], minUnits: 50 },
        },
      },
    ];
    if (manager) {
      running.push({
        by: manager,
        input: {
          name: 'Spin the wheel',
          description: 'A spin for every 20 resolved calls. New hires spin every 14.',
          metric: 'resolved',
          budgetCents: 120_000,
          periodFrom: day(-7),
          periodTo: day(7),
          rule: {
            type: 'prize_wheel',
            unitsPerSpin: 20,
            slices: [
              { amountCents: 0, weight: 4 },
              { amountCents: 300, weight: 8 },
              { amountCents: 1_000, weight: 4 },
              { amountCents: 2_500, weight: 2 },
              { amountCents: 5_000, weight: 1 },
            ],
          },
          handicap: { tenureDays: 120, targetPercent: 70 },
        },
      });
    }

    let count = 0;
    const closedIds: number[] = [];
    for (const input of closed) {
      const c = await this.campaigns.create(admin, input);
      await this.campaigns.launch(admin, c.id);
      await this.campaigns.close(admin, c.id);
      closedIds.push(c.id);
      count += 1;
    }
    for (const { input, by } of running) {
      const c = await this.campaigns.create(by, input);
      await this.campaigns.launch(by, c.id);
      count += 1;
    }
    await this.campaigns.create(manager ?? admin, {
      name: 'Next month: resolution tiers',
      description:
        'Draft: tiers on resolved calls for next month. Preview its cost before launching.',
      metric: 'resolved',
      budgetCents: 300_000,
      periodFrom: day(9),
      periodTo: day(38),
      rule: {
        type: 'tiered',
        tiers: [
          { threshold: 150, amountCents: 2_500 },
          { threshold: 250, amountCents: 6_000 },
          { threshold: 350, amountCents: 12_000 },
        ],
      },
      qualityGate: { qaMin: 70, unscored: 'count' },
    });
    count += 1;

    // The ledger in motion: the oldest closed campaign approved and paid, the next approved.
    const pendingOf = async (id: number): Promise<number[]> =>
      (
        (await this.db.query(
          `SELECT id::int AS id FROM spiff_award WHERE campaign_id = $1 AND status = 'pending' ORDER BY seq`,
          [id],
        )) as { id: number }[]
      ).map((r) => r.id);
    const [first, second] = closedIds;
    if (first !== undefined) {
      const ids = await pendingOf(first);
      if (ids.length > 0) {
        await this.awards.approve(admin, ids);
        await this.awards.pay(admin, ids.slice(0, Math.ceil(ids.length / 2)));
      }
    }
    if (second !== undefined) {
      const ids = await pendingOf(second);
      if (ids.length > 0) {
        await this.awards.approve(admin, ids.slice(0, Math.ceil(ids.length / 2)));
      }
    }
    // The demo manager approves the first half of their team's wheel prizes.
    if (manager) {
      const wheel: { id: number }[] = await this.db.query(
        `SELECT w.id::int AS id FROM spiff_award w JOIN spiff_campaign s ON s.id = w.campaign_id
         JOIN agent a ON a.id = w.agent_id
         WHERE s.rule_type = 'prize_wheel' AND w.status = 'pending' AND a.team_id = ANY($1::int[])
         ORDER BY w.seq`,
        [manager.teamIds === 'all' ? [] : manager.teamIds],
      );
      if (wheel.length > 0) {
        await this.awards.approve(
          manager,
          wheel.slice(0, Math.ceil(wheel.length / 2)).map((w) => w.id),
        );
      }
    }
    await this.demoDispute();
    const [{ n }]: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM spiff_award`,
    );
    this.logger.log(`demo SPIFF: ${count} campaigns, ${n} awards in ${Date.now() - started} ms`);
    return { campaigns: count, awards: n };
  }

  /** The demo agent (the one sign-in) disputes their largest award. */
  private async demoDispute(): Promise<void> {
    const rows: {
      award_id: number;
      agent_id: number;
      user_id: number;
      email: string;
      employee_code: string;
    }[] = await this.db.query(
      `SELECT w.id::int AS award_id, w.agent_id, u.id AS user_id, u.email, a.employee_code
         FROM app_user u JOIN agent a ON a.id = u.agent_id JOIN spiff_award w ON w.agent_id = u.agent_id
         LEFT JOIN spiff_draw d ON d.award_id = w.id
         WHERE u.role = 'agent' AND w.status IN ('pending', 'approved') AND d.award_id IS NULL
         ORDER BY w.amount_cents DESC, w.id LIMIT 1`,
    );
    const r = rows[0];
    if (!r) {
      return;
    }
    await this.me.dispute(
      {
        id: r.user_id,
        email: r.email,
        role: 'agent',
        agentId: r.agent_id,
        employeeCode: r.employee_code,
        teamIds: [],
      },
      r.award_id,
      'Three of my resolved calls from Tuesday afternoon are missing — I think the QA review came back late.',
    );
  }

  private async user(sql: string, role: AuthUser['role']): Promise<AuthUser | null> {
    const rows: { id: number; email: string }[] = await this.db.query(sql);
    if (!rows[0]) {
      return null;
    }
    let teamIds: AuthUser['teamIds'] = 'all';
    if (role === 'manager') {
      const teams: { id: number }[] = await this.db.query(
        `SELECT id FROM team WHERE lower(manager_email) = lower($1) ORDER BY id`,
        [rows[0].email],
      );
      teamIds = teams.map((t) => t.id);
    }
    return {
      id: rows[0].id,
      email: rows[0].email,
      role,
      agentId: null,
      employeeCode: null,
      teamIds,
    };
  }
}

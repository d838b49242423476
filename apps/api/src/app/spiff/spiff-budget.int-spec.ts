import type { INestApplication } from '@nestjs/common';
import {
  callRecord,
  callsOf,
  chi,
  createCampaign,
  evaluator,
  ist,
  secondApi,
} from '../../../test/spiff-kit';
import { createTestApp, seedOrg, seedUsers, TestApp } from '../../../test/test-app';
import { SpiffEvaluator } from './spiff-evaluator';

/**
 * metrics.md §7: "the total of granted awards never exceeds the budget, even under concurrent
 * events". Two API processes on one database take parallel batches of calls; every award is
 * then replayed in its recorded order to check each budget decision, and the total is checked
 * to the cent.
 */
describe('SPIFF budget under concurrent events', () => {
  let t: TestApp;
  let other: { app: INestApplication; http: () => ReturnType<TestApp['http']> };
  let tok: Awaited<ReturnType<typeof seedUsers>>;

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: process.env['SPIFF_LOG'] ?? 'silent' });
    evaluator(t).stopAutoClose();
    await seedOrg(t);
    tok = await seedUsers(t);
    other = await secondApi(t);
  });
  afterAll(async () => {
    await other.app.close();
    await t.close();
  });

  const ledger = async (id: number) =>
    (
      await t.sql.query(
        `SELECT seq, amount_cents::int AS cents, status, call_id FROM spiff_award WHERE campaign_id = $1 ORDER BY seq`,
        [id],
      )
    ).rows as { seq: number; cents: number; status: string; call_id: string }[];

  /** Replays the awards in their recorded order: each decision must be what the budget allowed then. */
  const replay = (rows: { cents: number; status: string }[], budget: number) => {
    let granted = 0;
    for (const r of rows) {
      const fits = granted + r.cents <= budget;
      expect(r.status).toBe(fits ? 'pending' : 'declined_budget');
      if (fits) granted += r.cents;
    }
    return granted;
  };

  it('never grants a cent past the budget when parallel requests race on two API processes', async () => {
    const c = await createCampaign(t, tok.admin, {
      name: 'race per unit',
      metric: 'resolved',
      budgetCents: 10_000,
      periodFrom: '2026-11-01',
      periodTo: '2026-11-10',
      rule: { type: 'per_unit', amountCents: 700 },
    });
    const agents = ['A1', 'A2', 'A3', 'B1', 'B2'];
    const batches = Array.from({ length: 12 }, (_, b) =>
      agents.map((agent, i) => ({
        id: `race-${b}-${agent}`,
        agent,
        at: (agent.startsWith('A') ? chi : ist)(
          '2026-11-03',
          `1${b % 10}:${String(10 + i).padStart(2, '0')}`,
        ),
      })),
    );
    // The month's partition exists before the race (concurrent first writes of a new month can
    // collide in CallWriter's CREATE TABLE IF NOT EXISTS — a calls-import matter, reported).
    await t
      .http()
      .post('/api/calls')
      .set('Authorization', `Bearer ${tok.admin}`)
      .send([
        callRecord({ id: 'warm-up', agent: 'A1', at: chi('2026-11-01'), outcome: 'unresolved' }),
      ]);
    // Concurrent batches of the same agents can deadlock in CallWriter's rollup upserts (a
    // calls-import matter, reported); PostgreSQL aborts one and the API answers 500. A telephony
    // system resends then — the write is idempotent on call_id — so the race resends too.
    const send = async (batch: (typeof batches)[number], i: number) => {
      for (let attempt = 0; ; attempt++) {
        const r = await (i % 2 === 0 ? t.http() : other.http())
          .post('/api/calls')
          .set('Authorization', `Bearer ${tok.admin}`)
          .send(batch.map(callRecord));
        if (r.status === 200 || attempt === 3) {
          return r;
        }
      }
    };
    const results = await Promise.all(batches.map(send));
    expect(results.map((r) => r.status)).toEqual(batches.map(() => 200));
    await evaluator(t).whenIdle();
    await other.app.get(SpiffEvaluator).whenIdle();
    const rows = await ledger(c.id);
    // 60 resolved calls, one award request each
    expect(rows).toHaveLength(60);
    expect(new Set(rows.map((r) => r.call_id)).size).toBe(60);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    const granted = replay(rows, 10_000);
    // 700-cent awards: 14 fit (9 800 ¢), the other 46 are declined for budget
    expect(granted).toBe(9_800);
    expect(rows.filter((r) => r.status === 'declined_budget')).toHaveLength(46);
    const { rows: camp } = await t.sql.query(
      `SELECT granted_cents::int AS g FROM spiff_campaign WHERE id = $1`,
      [c.id],
    );
    expect(camp[0].g).toBe(9_800);
  });

  it('holds when both processes evaluate concurrently, bypassing their queues', async () => {
    const c = await createCampaign(t, tok.admin, {
      name: 'race envelopes',
      metric: 'resolved',
      budgetCents: 5_000,
      periodFrom: '2026-11-11',
      periodTo: '2026-11-20',
      rule: {
        type: 'mystery_envelope',
        unitsPerEnvelope: 1,
        amounts: [
          { amountCents: 150, weight: 3 },
          { amountCents: 400, weight: 2 },
          { amountCents: 1_100, weight: 1 },
        ],
      },
    });
    // land the calls with the campaign's live evaluation out of the way: a draft would not
    // count them, so write them first, then race the evaluations of the same and new keys
    const calls = ['A1', 'A2', 'A3', 'B1', 'B2'].flatMap((agent) =>
      callsOf(agent, 8, (agent.startsWith('A') ? chi : ist)('2026-11-12'), {}, `env-${agent}`),
    );
    await t.sql.query(`UPDATE spiff_campaign SET status = 'draft' WHERE id = $1`, [c.id]);
    const posted = await t
      .http()
      .post('/api/calls')
      .set('Authorization', `Bearer ${tok.admin}`)
      .send(calls.map(callRecord));
    expect(posted.status).toBe(200);
    await evaluator(t).whenIdle();
    await t.sql.query(`UPDATE spiff_campaign SET status = 'active' WHERE id = $1`, [c.id]);
    const { rows: keys } = await t.sql.query(
      `SELECT call_id AS "callId", agent_id AS "agentId", started_at AS "startedAt" FROM calls WHERE call_id LIKE 'env-%'`,
    );
    const asKeys = keys.map((k) => ({ ...k, startedAt: (k.startedAt as Date).toISOString() }));
    const mine = t.app.get(SpiffEvaluator);
    const theirs = other.app.get(SpiffEvaluator);
    const slices = Array.from({ length: 8 }, (_, i) => asKeys.filter((_, j) => j % 8 === i));
    // every slice twice, once per process, all at the same time: each call must count once
    await Promise.all([
      ...slices.map((s) => mine.evaluateLive(s, [c.id])),
      ...slices.map((s) => theirs.evaluateLive([...s].reverse(), [c.id])),
      mine.sweep(c.id),
      theirs.sweep(c.id),
    ]);
    const { rows: units } = await t.sql.query(
      `SELECT count(*)::int AS n FROM spiff_unit WHERE campaign_id = $1`,
      [c.id],
    );
    expect(units[0].n).toBe(40);
    const rows = await ledger(c.id);
    expect(rows).toHaveLength(40);
    const granted = replay(rows, 5_000);
    expect(granted).toBeLessThanOrEqual(5_000);
    expect(rows.some((r) => r.status === 'declined_budget')).toBe(true);
    const { rows: camp } = await t.sql.query(
      `SELECT granted_cents::int AS g, (SELECT coalesce(sum(amount_cents), 0)::int FROM spiff_award
         WHERE campaign_id = $1 AND status IN ('pending','approved','paid')) AS s
       FROM spiff_campaign WHERE id = $1`,
      [c.id],
    );
    expect(camp[0]).toEqual({ g: granted, s: granted });
  });

  it('refuses, in the database itself, a granted total above the budget', async () => {
    const c = await createCampaign(t, tok.admin, {
      name: 'constraint',
      metric: 'resolved',
      budgetCents: 1_000,
      periodFrom: '2026-11-21',
      periodTo: '2026-11-22',
      rule: { type: 'per_unit', amountCents: 100 },
    });
    await expect(
      t.sql.query(`UPDATE spiff_campaign SET granted_cents = budget_cents + 1 WHERE id = $1`, [
        c.id,
      ]),
    ).rejects.toThrow(/ck_spiff_campaign_within_budget/);
    const cut = await t
      .http()
      .put(`/api/spiff/campaigns/${c.id}/budget`)
      .set('Authorization', `Bearer ${tok.admin}`)
      .send({ budgetCents: 500 });
    expect(cut.status).toBe(200);
    await t.sql.query(`UPDATE spiff_campaign SET granted_cents = 400 WHERE id = $1`, [c.id]);
    const below = await t
      .http()
      .put(`/api/spiff/campaigns/${c.id}/budget`)
      .set('Authorization', `Bearer ${tok.admin}`)
      .send({ budgetCents: 399 });
    expect(below.status).toBe(409);
    expect(below.body.message).toMatch(/below the 400 cents already granted/);
  });
});

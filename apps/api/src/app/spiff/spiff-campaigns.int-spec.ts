import { DateTime } from 'luxon';
import type {
  SpiffCampaignDto,
  SpiffCampaignInput,
  SpiffCostPreviewDto,
} from '@floorwise/contracts';
import { callsOf, chi, evaluator, postCalls } from '../../../test/spiff-kit';
import { createTestApp, seedOrg, seedUsers, TestApp } from '../../../test/test-app';

describe('SPIFF campaign builder', () => {
  let t: TestApp;
  let tok: Awaited<ReturnType<typeof seedUsers>>;
  const today = DateTime.utc().toISODate() as string;
  const day = (n: number) =>
    DateTime.fromISO(today, { zone: 'UTC' }).plus({ days: n }).toISODate() as string;

  beforeAll(async () => {
    t = await createTestApp();
    evaluator(t).stopAutoClose();
    await seedOrg(t);
    tok = await seedUsers(t);
  });
  afterAll(() => t.close());

  const good: SpiffCampaignInput = {
    name: 'Tiers',
    metric: 'resolved',
    budgetCents: 50_000,
    periodFrom: day(4),
    periodTo: day(13),
    rule: {
      type: 'tiered',
      tiers: [
        { threshold: 5, amountCents: 1_000 },
        { threshold: 10, amountCents: 3_000 },
      ],
    },
  };
  const send = (method: 'post' | 'put', url: string, token: string, body: unknown) =>
    t
      .http()
      [method](url)
      .set('Authorization', `Bearer ${token}`)
      .send(body as object);

  it('rejects a bad definition with every problem named by path, and stores nothing', async () => {
    const r = await send('post', '/api/spiff/campaigns', tok.admin, {
      name: '',
      metric: 'upsells',
      budgetCents: 12.5,
      periodFrom: '2026-02-30',
      periodTo: '2026-03-01',
      rule: {
        type: 'tiered',
        tiers: [
          { threshold: 10, amountCents: 500 },
          { threshold: 10, amountCents: 400 },
        ],
      },
      eligibility: { teamCodes: ['T1', 'NOPE'], regions: ['x'] },
      qualityGate: { qaMin: 120, unscored: 'count' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('Bad Request');
    expect(r.body.errors).toEqual([
      { path: 'name', message: 'must be 1–120 characters' },
      { path: 'periodFrom', message: 'must be a local date YYYY-MM-DD that exists' },
      {
        path: 'metric',
        message: 'must be one of sales, saves, resolved, calls_handled, sale_amount_cents',
      },
      { path: 'budgetCents', message: 'must be a positive integer of cents' },
      { path: 'rule.tiers[1].threshold', message: 'thresholds must strictly increase' },
      { path: 'rule.tiers[1].amountCents', message: 'a higher tier must not pay less' },
      { path: 'qualityGate.qaMin', message: 'must be a whole QA score 0–100' },
      {
        path: 'eligibility.regions',
        message: 'is not an eligibility filter (expected teamCodes, siteCodes, campaignCodes)',
      },
      { path: 'eligibility.teamCodes[1]', message: 'team "NOPE" does not exist' },
    ]);
    expect(r.body.message).toMatch(/^9 problems in the campaign: name must be 1–120 characters; /);
    const unknownRule = await send('post', '/api/spiff/campaigns', tok.admin, {
      ...good,
      rule: { type: 'raffle' },
    });
    expect(unknownRule.body.errors).toEqual([
      {
        path: 'rule.type',
        message: 'must be one of per_unit, tiered, contest, prize_wheel, mystery_envelope, lottery',
      },
    ]);
    const overBudget = await send('post', '/api/spiff/campaigns', tok.admin, {
      ...good,
      budgetCents: 1_000,
      rule: { type: 'contest', scope: 'agent', prizes: [800, 400], minUnits: 1 },
    });
    expect(overBudget.body.errors).toEqual([
      {
        path: 'rule.prizes',
        message: 'the prizes total 1200 cents, more than the budget of 1000 cents',
      },
    ]);
    const extra = await send('post', '/api/spiff/campaigns', tok.admin, { ...good, bonus: true });
    expect(extra.status).toBe(400);
    expect(extra.body.message).toMatch(/property bonus should not exist/);
    const { rows } = await t.sql.query(`SELECT count(*)::int AS n FROM spiff_campaign`);
    expect(rows[0].n).toBe(0);
  });

  it('keeps a manager’s campaign to their own teams', async () => {
    const foreign = await send('post', '/api/spiff/campaigns', tok.m1, {
      ...good,
      eligibility: { teamCodes: ['T2'] },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.message).toBe(
      "A manager's campaign runs for their own teams only: T2 is not yours",
    );
    const mine = await send('post', '/api/spiff/campaigns', tok.m1, good);
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({
      status: 'draft',
      canManage: true,
      eligibility: { teamCodes: ['T1'] },
    });
    // a team contest needs at least two teams, and m1 has one
    const contest = await send('post', '/api/spiff/campaigns', tok.m1, {
      ...good,
      rule: { type: 'contest', scope: 'team', prizes: [1_000], minUnits: 1 },
    });
    expect(contest.body.errors).toEqual([
      {
        path: 'rule.scope',
        message: 'a team contest needs at least two eligible teams, and one is',
      },
    ]);
    // m2 does not even see m1's draft; hr and the admin read it, only the admin manages it
    expect(
      (
        await t
          .http()
          .get(`/api/spiff/campaigns/${mine.body.id}`)
          .set('Authorization', `Bearer ${tok.m2}`)
      ).status,
    ).toBe(404);
    const hr = await t.http().get(`/api/spiff/campaigns`).set('Authorization', `Bearer ${tok.hr}`);
    expect(hr.body.filter((c: SpiffCampaignDto) => c.id === mine.body.id)).toEqual([]);
    const admin = await t
      .http()
      .get(`/api/spiff/campaigns/${mine.body.id}`)
      .set('Authorization', `Bearer ${tok.admin}`);
    expect(admin.body.canManage).toBe(true);
    expect((await send('post', '/api/spiff/campaigns', tok.hr, good)).status).toBe(403);
  });

  it('edits and deletes drafts only; launch publishes the secret’s hash, never the secret', async () => {
    const draft = (await send('post', '/api/spiff/campaigns', tok.admin, good))
      .body as SpiffCampaignDto;
    const edited = await send('put', `/api/spiff/campaigns/${draft.id}`, tok.admin, {
      ...good,
      name: 'Tiers, renamed',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.name).toBe('Tiers, renamed');
    const launched = await t
      .http()
      .post(`/api/spiff/campaigns/${draft.id}/launch`)
      .set('Authorization', `Bearer ${tok.admin}`);
    expect(launched.status).toBe(200);
    expect(launched.body.status).toBe('active');
    expect(launched.body.secretSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(launched.body)).not.toMatch(/"secret"/);
    const { rows } = await t.sql.query(`SELECT secret FROM spiff_campaign WHERE id = $1`, [
      draft.id,
    ]);
    expect(JSON.stringify(launched.body)).not.toContain(rows[0].secret);
    expect((await send('put', `/api/spiff/campaigns/${draft.id}`, tok.admin, good)).status).toBe(
      409,
    );
    expect(
      (
        await t
          .http()
          .delete(`/api/spiff/campaigns/${draft.id}`)
          .set('Authorization', `Bearer ${tok.admin}`)
      ).status,
    ).toBe(409);
    expect(
      (
        await t
          .http()
          .post(`/api/spiff/campaigns/${draft.id}/launch`)
          .set('Authorization', `Bearer ${tok.admin}`)
      ).status,
    ).toBe(409);
    const other = (await send('post', '/api/spiff/campaigns', tok.admin, good))
      .body as SpiffCampaignDto;
    expect(
      (
        await t
          .http()
          .delete(`/api/spiff/campaigns/${other.id}`)
          .set('Authorization', `Bearer ${tok.admin}`)
      ).status,
    ).toBe(204);
    expect(
      (
        await t
          .http()
          .get(`/api/spiff/campaigns/${other.id}`)
          .set('Authorization', `Bearer ${tok.admin}`)
      ).status,
    ).toBe(404);
  });

  it('previews the cost from the eligible agents’ recent unit rates, against the budget', async () => {
    // A1 resolved 28 calls in the last 28 days → 1 a day → 10 over a 10-day period
    await postCalls(t, tok.admin, callsOf('A1', 28, chi(day(-5), '08:00'), {}, 'pv-A1'));
    const perUnit = {
      ...good,
      budgetCents: 900,
      eligibility: { teamCodes: ['T1'] },
      rule: { type: 'per_unit' as const, amountCents: 100 },
    };
    const r = await send('post', '/api/spiff/preview', tok.m1, perUnit);
    expect(r.status).toBe(200);
    const p = r.body as SpiffCostPreviewDto;
    // independent: E[cost] = λ × amount = 10 × 100 ¢ for a per-unit rule without a cap
    expect(p).toMatchObject({
      method: 'analytic',
      eligibleAgents: 3,
      entrants: 3,
      expectedCents: 1_000,
      budgetCents: 900,
      expectedOverBudget: true,
      ceilingCents: null,
      rateFrom: day(-28),
      rateTo: day(-1),
      periodDays: 10,
      unitsPerDay: 1,
    });
    // P(Poisson(10) > 9) = 0.542: most simulated campaigns run out of budget
    expect(p.overBudgetChance).toBeGreaterThan(0.45);
    expect(p.overBudgetChance).toBeLessThan(0.63);
    expect(p.notes).toEqual([
      '2 of 3 eligible agents had no resolved in ' +
        `${day(-28)} – ${day(-1)}; they are forecast at 0`,
    ]);
    const tiers = await send('post', '/api/spiff/preview', tok.m1, {
      ...good,
      eligibility: { teamCodes: ['T1'] },
    });
    expect(tiers.body).toMatchObject({
      method: 'analytic',
      ceilingCents: 9_000,
      worstCaseOverBudget: false,
    });
    const lottery = await send('post', '/api/spiff/preview', tok.admin, {
      ...good,
      rule: { type: 'lottery', unitsPerTicket: 5, prizes: [3_000, 1_000] },
    });
    expect(lottery.body).toMatchObject({
      method: 'monte_carlo',
      worstCaseCents: 4_000,
      simulations: 4_000,
    });
    expect(
      (await send('post', '/api/spiff/preview', tok.m1, { ...good, budgetCents: -1 })).status,
    ).toBe(400);
    expect((await send('post', '/api/spiff/preview', tok.a1, good)).status).toBe(403);
  });
});

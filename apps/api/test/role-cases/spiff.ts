import type { SpiffCampaignInput } from '@floorwise/contracts';
import { SpiffEvaluator } from '../../src/app/spiff/spiff-evaluator';
import { RANGE, RoleCases, s } from '../role-matrix';
import { callRecord, callsOf, chi } from '../spiff-kit';
import type { TestApp } from '../test-app';

const ids = {
  active: 0,
  wheel: 0,
  closed: 0,
  toClose: 0,
  adminDraft: 0,
  m1Draft: 0,
  launchDraft: 0,
  approve: 0,
  void: 0,
  pay: 0,
  dispute: 0,
  resolve: 0,
};

/** Bodies filled in by the setup (the matrix sends the same objects). */
const approveBody = { ids: [] as number[] };
const voidBody = { ids: [] as number[], reason: 'matrix' };
const payBody = { ids: [] as number[] };

const definition = (over: Partial<SpiffCampaignInput> = {}): SpiffCampaignInput => ({
  name: 'Matrix',
  metric: 'resolved',
  budgetCents: 100_000,
  periodFrom: '2026-11-01',
  periodTo: '2026-11-30',
  rule: { type: 'per_unit', amountCents: 100 },
  ...over,
});

/** SPIFF routes: campaigns, preview, leaderboards, audit, the awards ledger, payroll, disputes, me/bonus. */
export const spiffRoleCases: RoleCases = {
  setup: async (t: TestApp) => {
    t.app.get(SpiffEvaluator).stopAutoClose();
    const admin = await t.tokenFor('admin@test.local');
    const m1 = await t.tokenFor('m1@test.local');
    const a1 = await t.tokenFor('a1@test.local');
    const as = (token: string) => ({ Authorization: `Bearer ${token}` });
    const create = async (token: string, input: SpiffCampaignInput, launch: boolean) => {
      const r = await t.http().post('/api/spiff/campaigns').set(as(token)).send(input);
      if (launch) {
        await t.http().post(`/api/spiff/campaigns/${r.body.id}/launch`).set(as(token));
      }
      return r.body.id as number;
    };
    ids.active = await create(admin, definition(), true);
    ids.wheel = await create(
      admin,
      definition({
        rule: { type: 'prize_wheel', unitsPerSpin: 1, slices: [{ amountCents: 100, weight: 1 }] },
      }),
      true,
    );
    ids.closed = await create(
      admin,
      definition({
        periodTo: '2026-11-05',
        rule: { type: 'lottery', unitsPerTicket: 1, prizes: [500] },
      }),
      true,
    );
    ids.toClose = await create(admin, definition({ periodTo: '2026-11-03' }), true);
    ids.adminDraft = await create(admin, definition({ name: 'admin draft' }), false);
    ids.launchDraft = await create(
      admin,
      definition({ name: 'to launch', periodFrom: '2026-12-20', periodTo: '2026-12-31' }),
      false,
    );
    ids.m1Draft = await create(m1, definition({ name: 'm1 draft' }), false);
    await t
      .http()
      .post('/api/calls')
      .set(as(admin))
      .send(callsOf('A1', 4, chi('2026-11-02'), {}, 'matrix').map(callRecord));
    await t.app.get(SpiffEvaluator).whenIdle();
    await t.http().post(`/api/spiff/campaigns/${ids.closed}/close`).set(as(admin));
    const awards = (
      await t.sql.query(
        `SELECT id::int AS id FROM spiff_award WHERE campaign_id = $1 ORDER BY seq`,
        [ids.active],
      )
    ).rows.map((r) => r.id as number);
    [ids.approve, ids.void, ids.pay, ids.dispute] = awards;
    approveBody.ids.push(ids.approve);
    voidBody.ids.push(ids.void);
    payBody.ids.push(ids.pay);
    await t
      .http()
      .post('/api/spiff/awards/approve')
      .set(as(admin))
      .send({ ids: [ids.pay] });
    const toDispute = (
      await t.sql.query(
        `SELECT id::int AS id FROM spiff_award WHERE campaign_id = $1 ORDER BY seq LIMIT 1`,
        [ids.toClose],
      )
    ).rows[0].id as number;
    const opened = await t
      .http()
      .post(`/api/me/bonus/awards/${toDispute}/dispute`)
      .set(as(a1))
      .send({ comment: 'matrix dispute' });
    ids.resolve = opened.body.dispute.id;
  },
  cases: [
    { route: 'GET /api/spiff/campaigns', expected: s(401, 200, 200, 200, 403) },
    {
      route: 'POST /api/spiff/campaigns',
      body: definition({ name: 'matrix new' }),
      expected: s(401, 201, 201, 403, 403),
    },
    { route: 'POST /api/spiff/preview', body: definition(), expected: s(401, 200, 200, 403, 403) },
    {
      route: 'GET /api/spiff/campaigns/:id',
      url: () => `/api/spiff/campaigns/${ids.active}`,
      expected: s(401, 200, 200, 200, 403),
    },
    {
      route: 'PUT /api/spiff/campaigns/:id',
      url: () => `/api/spiff/campaigns/${ids.adminDraft}`,
      body: definition({ name: 'admin draft, edited' }),
      expected: s(401, 200, 404, 403, 403),
      note: "a manager does not see an admin's draft",
    },
    {
      route: 'DELETE /api/spiff/campaigns/:id',
      url: () => `/api/spiff/campaigns/${ids.m1Draft}`,
      expected: s(401, 204, 404, 403, 403),
      note: 'the admin deletes the draft first; it is gone for its manager',
    },
    {
      route: 'POST /api/spiff/campaigns/:id/launch',
      url: () => `/api/spiff/campaigns/${ids.launchDraft}/launch`,
      expected: s(401, 200, 403, 403, 403),
      note: "launched by the admin; a manager may not manage an admin's campaign",
    },
    {
      route: 'POST /api/spiff/campaigns/:id/close',
      url: () => `/api/spiff/campaigns/${ids.toClose}/close`,
      expected: s(401, 200, 403, 403, 403),
    },
    {
      route: 'PUT /api/spiff/campaigns/:id/budget',
      url: () => `/api/spiff/campaigns/${ids.active}/budget`,
      body: { budgetCents: 200_000 },
      expected: s(401, 200, 403, 403, 403),
    },
    {
      route: 'GET /api/spiff/campaigns/:id/preview',
      url: () => `/api/spiff/campaigns/${ids.active}/preview`,
      expected: s(401, 200, 200, 403, 403),
    },
    {
      route: 'GET /api/spiff/campaigns/:id/leaderboard',
      url: () => `/api/spiff/campaigns/${ids.active}/leaderboard?scope=team`,
      expected: s(401, 200, 200, 200, 403),
    },
    {
      route: 'GET /api/spiff/campaigns/:id/audit',
      url: () => `/api/spiff/campaigns/${ids.closed}/audit`,
      expected: s(401, 200, 403, 403, 403),
    },
    { route: 'GET /api/spiff/awards', expected: s(401, 200, 200, 200, 403) },
    {
      route: 'POST /api/spiff/awards/approve',
      body: approveBody,
      expected: s(401, 200, 409, 403, 403),
      note: 'approved by the admin first: the manager gets the conflict',
    },
    {
      route: 'POST /api/spiff/awards/void',
      body: voidBody,
      expected: s(401, 200, 409, 403, 403),
      note: 'voided by the admin first',
    },
    {
      route: 'POST /api/spiff/awards/pay',
      body: payBody,
      expected: s(401, 200, 403, 403, 403),
    },
    {
      route: 'GET /api/spiff/payroll/export',
      url: `/api/spiff/payroll/export?${RANGE}`,
      expected: s(401, 200, 200, 403, 403),
    },
    {
      route: 'GET /api/spiff/payroll/totals',
      url: `/api/spiff/payroll/totals?${RANGE}`,
      expected: s(401, 200, 200, 200, 403),
    },
    { route: 'GET /api/spiff/disputes', expected: s(401, 200, 200, 403, 403) },
    {
      route: 'POST /api/spiff/disputes/:id/resolve',
      url: () => `/api/spiff/disputes/${ids.resolve}/resolve`,
      body: { outcome: 'rejected', comment: 'matrix' },
      expected: s(401, 200, 409, 403, 403),
      note: 'resolved by the admin first',
    },
    { route: 'GET /api/me/bonus', expected: s(401, 403, 403, 403, 200) },
    {
      route: 'POST /api/me/bonus/draws/:campaignId/:draw/reveal',
      url: () => `/api/me/bonus/draws/${ids.wheel}/1/reveal`,
      expected: s(401, 403, 403, 403, 200),
    },
    {
      route: 'POST /api/me/bonus/awards/:id/dispute',
      url: () => `/api/me/bonus/awards/${ids.dispute}/dispute`,
      body: { comment: 'matrix' },
      expected: s(401, 403, 403, 403, 201),
    },
  ],
};

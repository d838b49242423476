import { parse } from 'csv-parse/sync';
import type { MyBonusDto, SpiffAwardList, SpiffDisputeDto } from '@floorwise/contracts';
import { callsOf, chi, createCampaign, evaluator, ist, postCalls } from '../../../test/spiff-kit';
import { createTestApp, seedOrg, seedUsers, TestApp } from '../../../test/test-app';

describe('the SPIFF awards ledger', () => {
  let t: TestApp;
  let tok: Awaited<ReturnType<typeof seedUsers>>;
  let campaignId: number;
  /** Award ids by agent, in order. */
  let ids: Record<string, number[]>;

  beforeAll(async () => {
    t = await createTestApp();
    evaluator(t).stopAutoClose();
    await seedOrg(t);
    tok = await seedUsers(t);
    const c = await createCampaign(t, tok.admin, {
      name: 'Ledger',
      metric: 'resolved',
      budgetCents: 10_000,
      periodFrom: '2026-11-01',
      periodTo: '2026-11-30',
      rule: { type: 'per_unit', amountCents: 1_000 },
    });
    campaignId = c.id;
    await postCalls(t, tok.admin, [
      ...callsOf('A1', 3, chi('2026-11-02')),
      ...callsOf('A2', 2, chi('2026-11-02', '14:00')),
      ...callsOf('B1', 3, ist('2026-11-02')),
    ]);
    const { rows } = await t.sql.query(
      `SELECT a.employee_code, w.id::int AS id FROM spiff_award w JOIN agent a ON a.id = w.agent_id
       WHERE w.campaign_id = $1 ORDER BY w.seq`,
      [campaignId],
    );
    ids = {};
    for (const r of rows) (ids[r.employee_code] ??= []).push(r.id);
  });
  afterAll(() => t.close());

  const post = (url: string, token: string, body: unknown) =>
    t
      .http()
      .post(url)
      .set('Authorization', `Bearer ${token}`)
      .send(body as object);
  const statusOf = async (id: number) =>
    (await t.sql.query(`SELECT status FROM spiff_award WHERE id = $1`, [id])).rows[0]
      .status as string;

  it('approves in bulk, once: a second approval is a conflict and changes nothing', async () => {
    const first = await post('/api/spiff/awards/approve', tok.m1, {
      ids: [ids['A1'][0], ids['A1'][1]],
    });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ updated: 2, ids: [ids['A1'][0], ids['A1'][1]] });
    const again = await post('/api/spiff/awards/approve', tok.m1, {
      ids: [ids['A1'][1], ids['A1'][2]],
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe(
      `award ${ids['A1'][1]} is approved: an award is approved once, from pending; nothing was changed`,
    );
    // all or nothing: the pending award of that request was not approved either
    expect(await statusOf(ids['A1'][2])).toBe('pending');
  });

  it('refuses to pay an award that was not approved, and pays an approved one once', async () => {
    const unapproved = await post('/api/spiff/awards/pay', tok.admin, { ids: [ids['A1'][2]] });
    expect(unapproved.status).toBe(409);
    expect(unapproved.body.message).toMatch(
      /is pending: an award is paid only after it is approved/,
    );
    expect((await post('/api/spiff/awards/pay', tok.admin, { ids: [ids['A1'][0]] })).status).toBe(
      200,
    );
    expect(await statusOf(ids['A1'][0])).toBe('paid');
    expect((await post('/api/spiff/awards/pay', tok.admin, { ids: [ids['A1'][0]] })).status).toBe(
      409,
    );
    // a manager approves but does not confirm payment
    expect((await post('/api/spiff/awards/pay', tok.m1, { ids: [ids['A1'][1]] })).status).toBe(403);
    // the database refuses the jump too, whoever writes it
    await expect(
      t.sql.query(
        `UPDATE spiff_award SET status = 'paid', paid_at = now(), approved_at = now(), approved_on = '2026-11-03' WHERE id = $1`,
        [ids['A1'][2]],
      ),
    ).rejects.toThrow(/cannot go from pending to paid/);
    await expect(
      t.sql.query(`UPDATE spiff_award SET amount_cents = 1 WHERE id = $1`, [ids['A1'][2]]),
    ).rejects.toThrow(/never change/);
    await expect(
      t.sql.query(`DELETE FROM spiff_award WHERE id = $1`, [ids['A1'][2]]),
    ).rejects.toThrow(/never deleted/);
  });

  it('lets a manager act on their own teams’ awards only, and an agent on none', async () => {
    const foreign = await post('/api/spiff/awards/approve', tok.m1, {
      ids: [ids['A2'][0], ids['B1'][0]],
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.message).toBe(
      `Awards ${ids['B1'][0]} belong to agents outside your teams; nothing was changed`,
    );
    expect(await statusOf(ids['A2'][0])).toBe('pending');
    for (const url of [
      '/api/spiff/awards/approve',
      '/api/spiff/awards/void',
      '/api/spiff/awards/pay',
    ]) {
      const r = await post(url, tok.a1, { ids: [ids['A1'][2]], reason: 'x' });
      expect(r.status).toBe(403);
    }
    expect(
      (await t.http().get('/api/spiff/awards').set('Authorization', `Bearer ${tok.a1}`)).status,
    ).toBe(403);
    const m1 = (await t.http().get('/api/spiff/awards').set('Authorization', `Bearer ${tok.m1}`))
      .body as SpiffAwardList;
    expect(new Set(m1.items.map((a) => a.employeeCode))).toEqual(new Set(['A1', 'A2']));
    const missing = await post('/api/spiff/awards/approve', tok.admin, { ids: [999_999] });
    expect(missing.status).toBe(404);
  });

  it('voids with a reason, returning the cents to the budget; a paid award stays paid', async () => {
    const before = (
      await t.sql.query(`SELECT granted_cents::int AS g FROM spiff_campaign WHERE id = $1`, [
        campaignId,
      ])
    ).rows[0].g;
    expect((await post('/api/spiff/awards/void', tok.m2, { ids: [ids['B1'][2]] })).status).toBe(
      400,
    );
    const v = await post('/api/spiff/awards/void', tok.m2, {
      ids: [ids['B1'][2]],
      reason: 'call was a test call',
    });
    expect(v.status).toBe(200);
    const after = (
      await t.sql.query(`SELECT granted_cents::int AS g FROM spiff_campaign WHERE id = $1`, [
        campaignId,
      ])
    ).rows[0].g;
    expect(before - after).toBe(1_000);
    expect(
      (await post('/api/spiff/awards/void', tok.admin, { ids: [ids['A1'][0]], reason: 'late' }))
        .status,
    ).toBe(409);
  });

  it('writes every transition to the append-only audit log, with who and when', async () => {
    const { rows } = await t.sql.query(
      `SELECT l.action, u.email, l.detail->>'from' AS "from", l.detail->>'to' AS "to", l.at IS NOT NULL AS has_at
       FROM audit_log l LEFT JOIN app_user u ON u.id = l.actor_id
       WHERE l.entity = 'spiff_award' AND l.entity_key = $1 ORDER BY l.id`,
      [String(ids['A1'][0])],
    );
    expect(rows).toEqual([
      { action: 'spiff.award.granted', email: null, from: null, to: 'pending', has_at: true },
      {
        action: 'spiff.award.approved',
        email: 'm1@test.local',
        from: 'pending',
        to: 'approved',
        has_at: true,
      },
      {
        action: 'spiff.award.paid',
        email: 'admin@test.local',
        from: 'approved',
        to: 'paid',
        has_at: true,
      },
    ]);
    await expect(
      t.sql.query(`UPDATE audit_log SET actor_id = NULL WHERE entity = 'spiff_award'`),
    ).rejects.toThrow(/append-only/);
    await expect(t.sql.query(`DELETE FROM audit_log WHERE entity = 'spiff_award'`)).rejects.toThrow(
      /append-only/,
    );
  });

  it('exports a pay period’s approved awards for payroll and sums them per agent exactly', async () => {
    await post('/api/spiff/awards/approve', tok.m2, { ids: [ids['B1'][0], ids['B1'][1]] });
    // B1's İstanbul day: approvals today count in today's local pay period
    const { rows: days } = await t.sql.query(
      `SELECT approved_on::text AS d FROM spiff_award WHERE id = $1`,
      [ids['B1'][0]],
    );
    const day = days[0].d as string;
    const csv = await t
      .http()
      .get(`/api/spiff/payroll/export?from=2026-01-01&to=2027-12-31`)
      .set('Authorization', `Bearer ${tok.admin}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(
      lines.map((l) => [l.employee_code, l.award_id, l.status, l.amount_cents, l.amount]),
    ).toEqual([
      ['A1', String(ids['A1'][0]), 'paid', '1000', '10.00'],
      ['A1', String(ids['A1'][1]), 'approved', '1000', '10.00'],
      ['B1', String(ids['B1'][0]), 'approved', '1000', '10.00'],
      ['B1', String(ids['B1'][1]), 'approved', '1000', '10.00'],
    ]);
    expect(lines.every((l) => l.approved_on !== '')).toBe(true);
    // a manager's export holds their own teams' agents only
    const m1csv = await t
      .http()
      .get(`/api/spiff/payroll/export?from=2026-01-01&to=2027-12-31`)
      .set('Authorization', `Bearer ${tok.m1}`);
    expect(
      (parse(m1csv.text, { columns: true }) as Record<string, string>[]).map(
        (l) => l.employee_code,
      ),
    ).toEqual(['A1', 'A1']);
    // a period before the approvals holds nothing
    const none = await t
      .http()
      .get(`/api/spiff/payroll/export?from=2026-01-01&to=2026-01-31`)
      .set('Authorization', `Bearer ${tok.admin}`);
    expect(parse(none.text, { columns: true })).toEqual([]);
    const totals = await t
      .http()
      .get(`/api/spiff/payroll/totals?from=${day}&to=${day}`)
      .set('Authorization', `Bearer ${tok.m2}`);
    expect(totals.body).toEqual([
      { employeeCode: 'B1', agentName: 'Dina Four', teamCode: 'T2', awards: 2, cents: 2_000 },
    ]);
    expect(
      (
        await t
          .http()
          .get(`/api/spiff/payroll/totals?from=2026-13-01&to=2026-12-01`)
          .set('Authorization', `Bearer ${tok.admin}`)
      ).status,
    ).toBe(400);
  });

  it('lets an agent dispute their own award, and their manager resolve it with an adjustment', async () => {
    const other = await post(`/api/me/bonus/awards/${ids['A1'][2]}/dispute`, tok.b1, {
      comment: 'mine?',
    });
    expect(other.status).toBe(404);
    const d = await post(`/api/me/bonus/awards/${ids['A1'][2]}/dispute`, tok.a1, {
      comment: 'A fourth call is missing',
    });
    expect(d.status).toBe(201);
    expect(d.body.dispute).toMatchObject({ status: 'open', comment: 'A fourth call is missing' });
    expect(
      (await post(`/api/me/bonus/awards/${ids['A1'][2]}/dispute`, tok.a1, { comment: 'again' }))
        .status,
    ).toBe(409);
    const queue = (
      await t.http().get('/api/spiff/disputes?status=open').set('Authorization', `Bearer ${tok.m1}`)
    ).body as SpiffDisputeDto[];
    expect(queue.map((x) => [x.awardId, x.employeeCode])).toEqual([[ids['A1'][2], 'A1']]);
    expect(
      (
        await t
          .http()
          .get('/api/spiff/disputes?status=open')
          .set('Authorization', `Bearer ${tok.m2}`)
      ).body,
    ).toEqual([]);
    const wrongManager = await post(`/api/spiff/disputes/${queue[0].id}/resolve`, tok.m2, {
      outcome: 'rejected',
      comment: 'no',
    });
    expect(wrongManager.status).toBe(404);
    const resolved = await post(`/api/spiff/disputes/${queue[0].id}/resolve`, tok.m1, {
      outcome: 'upheld',
      comment: 'Found it: call C-77 was filed under the wrong agent',
      adjustmentCents: 1_000,
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      outcome: 'upheld',
      resolvedBy: 'm1@test.local',
    });
    const adj = resolved.body.adjustmentAwardId as number;
    const { rows } = await t.sql.query(
      `SELECT kind, amount_cents::int AS cents, status FROM spiff_award WHERE id = $1`,
      [adj],
    );
    expect(rows).toEqual([{ kind: 'adjustment', cents: 1_000, status: 'pending' }]);
    expect(
      (
        await post(`/api/spiff/disputes/${queue[0].id}/resolve`, tok.m1, {
          outcome: 'rejected',
          comment: 'x',
        })
      ).status,
    ).toBe(409);
    const me = (await t.http().get('/api/me/bonus').set('Authorization', `Bearer ${tok.a1}`))
      .body as MyBonusDto;
    const mine = me.campaigns.find((c) => c.id === campaignId);
    const disputed = Object.values(mine?.awards ?? {})
      .flat()
      .find((a) => a.id === ids['A1'][2]);
    expect(disputed?.dispute).toMatchObject({
      status: 'resolved',
      outcome: 'upheld',
      resolution: expect.stringMatching(/Found it/),
    });
    expect(disputed?.dispute?.resolvedBy).toBeNull();
    expect(mine?.awards.pending.map((a) => a.kind)).toContain('adjustment');
  });

  it('declines an adjustment the budget cannot hold', async () => {
    // budget 10 000: 8 000 granted for calls − 1 000 voided + 1 000 adjustment = 8 000 → 2 000 left
    const { rows } = await t.sql.query(
      `SELECT granted_cents::int AS g FROM spiff_campaign WHERE id = $1`,
      [campaignId],
    );
    expect(rows[0].g).toBe(8_000);
    const d = await post(`/api/me/bonus/awards/${ids['A2'][0]}/dispute`, tok.a1, {
      comment: 'not mine',
    });
    expect(d.status).toBe(404);
    await createUserA2();
    const a2 = await t.tokenFor('a2@test.local');
    const open = await post(`/api/me/bonus/awards/${ids['A2'][0]}/dispute`, a2, {
      comment: 'Should be $50',
    });
    expect(open.status).toBe(201);
    const r = await post(`/api/spiff/disputes/${open.body.dispute.id}/resolve`, tok.m1, {
      outcome: 'upheld',
      comment: 'Agreed, but the budget is spent',
      adjustmentCents: 4_000,
    });
    expect(r.status).toBe(200);
    const adj = await t.sql.query(`SELECT status FROM spiff_award WHERE id = $1`, [
      r.body.adjustmentAwardId,
    ]);
    expect(adj.rows[0].status).toBe('declined_budget');
  });

  async function createUserA2(): Promise<void> {
    const { createUser } = await import('../../../test/test-app');
    await createUser(t, 'a2@test.local', 'agent', 'A2');
  }
});

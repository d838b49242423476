import { spawnSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { MyBonusDto, SpiffAuditDto, SpiffCampaignInput } from '@floorwise/contracts';
import { callsOf, chi, createCampaign, evaluator, ist, postCalls } from '../../../test/spiff-kit';
import { createTestApp, seedOrg, seedUsers, TestApp } from '../../../test/test-app';

const REDERIVE = resolve(__dirname, '../../../../../tools/scripts/spiff-rederive.mjs');

describe('SPIFF campaigns at close', () => {
  let t: TestApp;
  let tok: Awaited<ReturnType<typeof seedUsers>>;

  beforeAll(async () => {
    t = await createTestApp();
    evaluator(t).stopAutoClose();
    await seedOrg(t);
    tok = await seedUsers(t);
  });
  afterAll(() => t.close());

  const def = (
    over: Partial<SpiffCampaignInput> &
      Pick<SpiffCampaignInput, 'rule' | 'periodFrom' | 'periodTo'>,
  ) => ({
    name: `close-${over.rule.type}-${over.periodFrom}`,
    metric: 'sales' as const,
    budgetCents: 100_000,
    ...over,
  });
  const close = (id: number, token = tok.admin) =>
    t.http().post(`/api/spiff/campaigns/${id}/close`).set('Authorization', `Bearer ${token}`);
  const awardsOf = async (id: number) =>
    (
      await t.sql.query(
        `SELECT a.employee_code AS agent, w.kind, w.amount_cents::int AS cents, w.status, w.detail
         FROM spiff_award w JOIN agent a ON a.id = w.agent_id WHERE w.campaign_id = $1 ORDER BY w.seq`,
        [id],
      )
    ).rows;
  const sales = (agent: string, n: number, at: string) =>
    callsOf(agent, n, at, { outcome: 'sale', sale: '20.00' });

  it('ranks an agent contest at close, ties sharing the prizes of their places floored to the cent', async () => {
    await postCalls(t, tok.admin, [
      ...sales('A1', 5, chi('2026-11-02')),
      ...sales('A2', 5, chi('2026-11-03')),
      ...sales('A3', 3, chi('2026-11-04')),
      ...sales('B1', 7, ist('2026-11-02')),
      ...sales('B2', 1, ist('2026-11-05')),
    ]);
    const c = await createCampaign(
      t,
      tok.admin,
      def({
        periodFrom: '2026-11-01',
        periodTo: '2026-11-07',
        rule: { type: 'contest', scope: 'agent', prizes: [10_000, 6_000, 3_001], minUnits: 2 },
      }),
    );
    // contests pay nothing until close
    expect(await awardsOf(c.id)).toEqual([]);
    const r = await close(c.id);
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('closed');
    // independent: B1 first (10 000); A1, A2 tie for places 2–3: (6 000 + 3 001) ÷ 2 = 4 500.5 → 4 500;
    // A3 fourth, past the prizes; B2 below the minimum of 2
    expect((await awardsOf(c.id)).map((a) => [a.agent, a.kind, a.cents, a.detail.rank])).toEqual([
      ['B1', 'contest', 10_000, 1],
      ['A1', 'contest', 4_500, 2],
      ['A2', 'contest', 4_500, 2],
    ]);
    const board = await t
      .http()
      .get(`/api/spiff/campaigns/${c.id}/leaderboard`)
      .set('Authorization', `Bearer ${tok.admin}`);
    expect(board.body.final).toBe(true);
    expect(
      board.body.rows.map((x: { code: string; rank: number; prizeCents: number }) => [
        x.code,
        x.rank,
        x.prizeCents,
      ]),
    ).toEqual([
      ['B1', 1, 10_000],
      ['A1', 2, 4_500],
      ['A2', 2, 4_500],
      ['A3', 4, 0],
      ['B2', 5, 0],
    ]);
    // a manager of T1 sees T1's agents only, with their places among everyone
    const m1 = await t
      .http()
      .get(`/api/spiff/campaigns/${c.id}/leaderboard`)
      .set('Authorization', `Bearer ${tok.m1}`);
    expect(m1.body.rows.map((x: { code: string; rank: number }) => [x.code, x.rank])).toEqual([
      ['A1', 2],
      ['A2', 2],
      ['A3', 4],
    ]);
    // the agent sees their own place, not the others'
    const me = (await t.http().get('/api/me/bonus').set('Authorization', `Bearer ${tok.a1}`))
      .body as MyBonusDto;
    const mine = me.campaigns.find((x) => x.id === c.id);
    expect(mine?.standing).toEqual({ rank: 2, of: 4, prizeCents: 4_500, final: true });
    expect(JSON.stringify(mine)).not.toContain('B1');
    // closing twice is refused, and a late call changes nothing
    expect((await close(c.id)).status).toBe(409);
    await postCalls(t, tok.admin, sales('A3', 9, chi('2026-11-06')));
    expect(await awardsOf(c.id)).toHaveLength(3);
  });

  it('splits a team contest prize among the members who contributed', async () => {
    await postCalls(t, tok.admin, [
      ...sales('A1', 2, chi('2026-11-09')),
      ...sales('A2', 2, chi('2026-11-09', '13:00')),
      ...sales('B1', 3, ist('2026-11-09')),
    ]);
    const c = await createCampaign(
      t,
      tok.admin,
      def({
        periodFrom: '2026-11-08',
        periodTo: '2026-11-10',
        rule: { type: 'contest', scope: 'team', prizes: [9_001, 3_000], minUnits: 1 },
      }),
    );
    expect((await close(c.id)).status).toBe(200);
    // T1 4 units beats T2 3: T1's 9 001 split between A1 and A2 → 4 500 each (A3 sold nothing);
    // T2's 3 000 goes to B1 alone
    expect((await awardsOf(c.id)).map((a) => [a.agent, a.cents, a.detail.teamCode])).toEqual([
      ['A1', 4_500, 'T1'],
      ['A2', 4_500, 'T1'],
      ['B1', 3_000, 'T2'],
    ]);
  });

  it('draws lottery winners that anyone can re-derive from the revealed secret', async () => {
    await postCalls(t, tok.admin, [
      ...sales('A1', 6, chi('2026-11-12')),
      ...sales('A2', 2, chi('2026-11-12', '14:00')),
      ...sales('A3', 3, chi('2026-11-12', '16:00')),
      ...sales('B1', 9, ist('2026-11-12')),
      ...sales('B2', 1, ist('2026-11-12', '15:00')),
    ]);
    const c = await createCampaign(
      t,
      tok.admin,
      def({
        periodFrom: '2026-11-11',
        periodTo: '2026-11-13',
        rule: { type: 'lottery', unitsPerTicket: 2, prizes: [5_000, 2_500, 1_000] },
      }),
    );
    const early = await t
      .http()
      .get(`/api/spiff/campaigns/${c.id}/audit`)
      .set('Authorization', `Bearer ${tok.admin}`);
    expect(early.status).toBe(409);
    expect((await close(c.id)).status).toBe(200);
    expect(
      (
        await t
          .http()
          .get(`/api/spiff/campaigns/${c.id}/audit`)
          .set('Authorization', `Bearer ${tok.m1}`)
      ).status,
    ).toBe(403);
    const audit = (
      await t
        .http()
        .get(`/api/spiff/campaigns/${c.id}/audit`)
        .set('Authorization', `Bearer ${tok.admin}`)
    ).body as SpiffAuditDto;
    // the secret matches the commitment shown since launch
    const key = Buffer.from(audit.secret, 'hex');
    expect(createHash('sha256').update(key).digest('hex')).toBe(c.secretSha256);
    // independent re-derivation: tickets A1 3, A2 1, A3 1, B1 4 (B2 none), by code
    let drum = [
      { code: 'A1', tickets: 3 },
      { code: 'A2', tickets: 1 },
      { code: 'A3', tickets: 1 },
      { code: 'B1', tickets: 4 },
    ];
    const winners: string[] = [];
    for (let k = 1; k <= 3; k++) {
      const hex = createHmac('sha256', key).update(`draw:${k}`).digest('hex');
      const total = BigInt(drum.reduce((s, d) => s + d.tickets, 0));
      let slot = (BigInt(`0x${hex.slice(0, 16)}`) * total) >> 64n;
      const i = drum.findIndex((d) => {
        if (slot < BigInt(d.tickets)) return true;
        slot -= BigInt(d.tickets);
        return false;
      });
      winners.push(drum[i].code);
      drum = drum.filter((_, j) => j !== i);
    }
    expect((await awardsOf(c.id)).map((a) => [a.agent, a.kind, a.cents])).toEqual([
      [winners[0], 'lottery', 5_000],
      [winners[1], 'lottery', 2_500],
      [winners[2], 'lottery', 1_000],
    ]);
    // the shipped script re-derives it too, and notices a forged winner
    const dir = mkdtempSync(join(tmpdir(), 'spiff-audit-'));
    writeFileSync(join(dir, 'audit.json'), JSON.stringify(audit));
    const ok = spawnSync(process.execPath, [REDERIVE, join(dir, 'audit.json')], {
      encoding: 'utf8',
    });
    expect({ status: ok.status, out: ok.stdout }).toEqual({
      status: 0,
      out: expect.stringMatching(/^OK: .* 3 draws/),
    });
    const forged = structuredClone(audit) as SpiffAuditDto & {
      result: { winners: { code: string }[] };
    };
    forged.result.winners[0].code = forged.result.winners[0].code === 'B2' ? 'A1' : 'B2';
    writeFileSync(join(dir, 'forged.json'), JSON.stringify(forged));
    const bad = spawnSync(process.execPath, [REDERIVE, join(dir, 'forged.json')], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/MISMATCH/);
  });

  it('re-derives a closed wheel campaign’s spins with the script, handicaps included', async () => {
    const c = await createCampaign(
      t,
      tok.admin,
      def({
        metric: 'resolved',
        periodFrom: '2026-11-14',
        periodTo: '2026-11-16',
        rule: {
          type: 'prize_wheel',
          unitsPerSpin: 4,
          slices: [
            { amountCents: 0, weight: 1 },
            { amountCents: 300, weight: 3 },
            { amountCents: 900, weight: 1 },
          ],
        },
        handicap: { tenureDays: 600, targetPercent: 50 },
      }),
    );
    await postCalls(t, tok.admin, [
      ...callsOf('A1', 9, chi('2026-11-15')),
      ...callsOf('A3', 9, chi('2026-11-15', '15:00')),
    ]);
    expect((await close(c.id)).status).toBe(200);
    const audit = (
      await t
        .http()
        .get(`/api/spiff/campaigns/${c.id}/audit`)
        .set('Authorization', `Bearer ${tok.admin}`)
    ).body as SpiffAuditDto;
    // A1 (full targets) 9 units → 2 spins; A3 (hired 2025-06-02, 50 %) 9 units → a spin every 2 → 4
    expect(audit.entrants.map((e) => [e.employeeCode, e.targetPercent, e.draws.length])).toEqual([
      ['A1', 100, 2],
      ['A3', 50, 4],
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'spiff-audit-'));
    writeFileSync(join(dir, 'audit.json'), JSON.stringify(audit));
    const ok = spawnSync(process.execPath, [REDERIVE, join(dir, 'audit.json')], {
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/6 draws\/places re-derived/);
  });

  it('refuses to close before the period has ended everywhere, and closes itself after it', async () => {
    const running = await createCampaign(
      t,
      tok.admin,
      def({
        periodFrom: '2026-11-20',
        periodTo: '2027-01-31',
        rule: { type: 'per_unit', amountCents: 100 },
      }),
    );
    const r = await close(running.id);
    expect(r.status).toBe(409);
    expect(r.body.message).toMatch(/runs until 2027-02-01T06:00:00.000Z/);
    const ended = await createCampaign(
      t,
      tok.admin,
      def({
        periodFrom: '2026-11-17',
        periodTo: '2026-11-18',
        rule: { type: 'per_unit', amountCents: 100 },
      }),
    );
    const closed = await evaluator(t).closeDue();
    expect(closed).toContain(ended.id);
    expect(closed).not.toContain(running.id);
    const { rows } = await t.sql.query(
      `SELECT id, status FROM spiff_campaign WHERE id = ANY($1) ORDER BY id`,
      [[running.id, ended.id]],
    );
    expect(rows.map((x) => x.status)).toEqual(['active', 'closed']);
    const { rows: audit } = await t.sql.query(
      `SELECT actor_id FROM audit_log WHERE action = 'spiff.campaign.closed' AND entity_key = $1`,
      [String(ended.id)],
    );
    expect(audit).toEqual([{ actor_id: null }]);
  });
});

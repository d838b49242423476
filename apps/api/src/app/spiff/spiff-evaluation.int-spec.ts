import { createHmac } from 'node:crypto';
import type { MyBonusDto, SpiffCampaignInput } from '@floorwise/contracts';
import { callsOf, chi, createCampaign, evaluator, ist, postCalls } from '../../../test/spiff-kit';
import { createTestApp, seedOrg, seedUsers, TestApp } from '../../../test/test-app';

/** An auditor's draw, written from docs/spiff.md with node:crypto only. */
function auditorIndex(secretHex: string, message: string, weights: number[]): number {
  const hex = createHmac('sha256', Buffer.from(secretHex, 'hex'))
    .update(message, 'utf8')
    .digest('hex');
  const x = BigInt(`0x${hex.slice(0, 16)}`);
  let slot = (x * BigInt(weights.reduce((a, b) => a + b, 0))) >> 64n;
  for (let i = 0; i < weights.length; i++) {
    if (slot < BigInt(weights[i])) return i;
    slot -= BigInt(weights[i]);
  }
  throw new Error('unreachable');
}

/** Each test has its own days, so a campaign launched later does not sweep another test's calls. */
const days = (periodFrom: string, periodTo: string) => ({ periodFrom, periodTo });
const MONTH = days('2026-11-01', '2026-11-30');

describe('SPIFF evaluation from calls', () => {
  let t: TestApp;
  let tok: Awaited<ReturnType<typeof seedUsers>>;

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: process.env['SPIFF_LOG'] ?? 'silent' });
    evaluator(t).stopAutoClose();
    await seedOrg(t);
    tok = await seedUsers(t);
  });
  afterAll(() => t.close());

  const campaign = (
    over: Partial<SpiffCampaignInput> & Pick<SpiffCampaignInput, 'rule'>,
  ): SpiffCampaignInput => ({
    name: `c-${Math.random().toString(36).slice(2, 8)}`,
    metric: 'resolved',
    budgetCents: 1_000_000,
    ...MONTH,
    ...over,
  });

  const awardsOf = async (id: number) =>
    (
      await t.sql.query(
        `SELECT a.employee_code AS agent, w.kind, w.amount_cents::int AS cents, w.status, w.call_id, w.seq, w.detail
         FROM spiff_award w JOIN agent a ON a.id = w.agent_id WHERE w.campaign_id = $1 ORDER BY w.seq`,
        [id],
      )
    ).rows;

  it('pays a per-unit campaign call by call as the calls arrive, up to the cap, once per call', async () => {
    const c = await createCampaign(
      t,
      tok.admin,
      campaign({
        ...days('2026-11-01', '2026-11-03'),
        rule: { type: 'per_unit', amountCents: 500, capCents: 1_800 },
      }),
    );
    const a1 = callsOf('A1', 4, chi('2026-11-02'), {}, 'pu-A1');
    const calls = [
      ...a1,
      ...callsOf('A1', 1, chi('2026-11-02', '12:00'), { outcome: 'unresolved' }, 'pu-A1x'),
      ...callsOf('A2', 1, chi('2026-11-02', '11:00'), {}, 'pu-A2'),
    ];
    await postCalls(t, tok.admin, calls);
    const awards = await awardsOf(c.id);
    // independent: A1 earns min(n × 500, 1 800) after each resolved call → 500, 500, 500, 300; A2 500
    expect(awards.map((a) => [a.agent, a.cents, a.status, a.call_id])).toEqual([
      ['A1', 500, 'pending', a1[0].id],
      ['A1', 500, 'pending', a1[1].id],
      ['A1', 500, 'pending', a1[2].id],
      ['A1', 300, 'pending', a1[3].id],
      ['A2', 500, 'pending', calls[5].id],
    ]);
    // the same calls again (a telephony retry) count nowhere a second time
    await postCalls(t, tok.admin, calls);
    expect(await awardsOf(c.id)).toHaveLength(5);
    const { rows } = await t.sql.query(
      `SELECT granted_cents::int AS g FROM spiff_campaign WHERE id = $1`,
      [c.id],
    );
    expect(rows[0].g).toBe(2_300);
  });

  it('tops tiered awards up to the tier reached and scales a new hire’s thresholds', async () => {
    const c = await createCampaign(
      t,
      tok.admin,
      campaign({
        ...days('2026-11-04', '2026-11-06'),
        rule: {
          type: 'tiered',
          tiers: [
            { threshold: 3, amountCents: 1_000 },
            { threshold: 6, amountCents: 2_500 },
          ],
        },
        handicap: { tenureDays: 600, targetPercent: 70 },
      }),
    );
    // A1 hired 2025-01-06 (667 days before 2026-11-04): normal targets 3, 6
    // A3 hired 2025-06-02 (520 days): 70 % → ceil(2.1) = 3, ceil(4.2) = 5
    await postCalls(t, tok.admin, [
      ...callsOf('A1', 6, chi('2026-11-05'), {}, 'ti-A1'),
      ...callsOf('A3', 5, chi('2026-11-05', '13:00'), {}, 'ti-A3'),
    ]);
    const awards = await awardsOf(c.id);
    expect(
      awards.map((a) => [a.agent, a.kind, a.cents, a.detail.tier, a.detail.threshold]),
    ).toEqual([
      ['A1', 'tier', 1_000, 1, 3],
      ['A1', 'tier', 1_500, 2, 6],
      ['A3', 'tier', 1_000, 1, 3],
      ['A3', 'tier', 1_500, 2, 5],
    ]);
    const { rows } = await t.sql.query(
      `SELECT a.employee_code, e.target_percent, e.units::int AS units FROM spiff_entrant e
       JOIN agent a ON a.id = e.agent_id WHERE e.campaign_id = $1 ORDER BY 1`,
      [c.id],
    );
    expect(rows).toEqual([
      { employee_code: 'A1', target_percent: 100, units: 6 },
      { employee_code: 'A3', target_percent: 70, units: 5 },
    ]);
  });

  it('spins the wheel from the campaign secret, keeping the amount hidden until the agent spins', async () => {
    const slices = [
      { amountCents: 0, weight: 3 },
      { amountCents: 200, weight: 5 },
      { amountCents: 1_000, weight: 2 },
    ];
    const c = await createCampaign(
      t,
      tok.admin,
      campaign({
        ...days('2026-11-07', '2026-11-09'),
        rule: { type: 'prize_wheel', unitsPerSpin: 3, slices },
      }),
    );
    await postCalls(t, tok.admin, callsOf('A1', 10, chi('2026-11-08'), {}, 'wh-A1'));
    const { rows: secret } = await t.sql.query(`SELECT secret FROM spiff_campaign WHERE id = $1`, [
      c.id,
    ]);
    const { rows: draws } = await t.sql.query(
      `SELECT draw_no, message, slot_index, amount_cents::int AS cents, award_id FROM spiff_draw
       WHERE campaign_id = $1 ORDER BY draw_no`,
      [c.id],
    );
    expect(draws.map((d) => d.draw_no)).toEqual([1, 2, 3]);
    for (const d of draws) {
      const i = auditorIndex(
        secret[0].secret,
        `A1:${d.draw_no}`,
        slices.map((s) => s.weight),
      );
      expect([d.message, d.slot_index, d.cents]).toEqual([
        `A1:${d.draw_no}`,
        i,
        slices[i].amountCents,
      ]);
      expect(d.award_id === null).toBe(slices[i].amountCents === 0);
    }
    const me = async () =>
      (
        (await t.http().get('/api/me/bonus').set('Authorization', `Bearer ${tok.a1}`))
          .body as MyBonusDto
      ).campaigns.find((x) => x.id === c.id);
    const before = await me();
    expect(before?.draws.map((d) => [d.draw, d.revealed, d.amountCents])).toEqual([
      [1, false, null],
      [2, false, null],
      [3, false, null],
    ]);
    expect(
      Object.values(before?.awards ?? {})
        .flat()
        .every((a) => a.amountCents === null),
    ).toBe(true);
    // nor do the sums: an envelope's or a spin's amount is a surprise until it is opened
    expect(before?.cents.pending).toBe(0);
    expect(before?.progress).toMatchObject({
      kind: 'spins',
      earned: 3,
      unitsToNext: 2,
      from: 9,
      current: 10,
      to: 12,
    });
    const spin = await t
      .http()
      .post(`/api/me/bonus/draws/${c.id}/2/reveal`)
      .set('Authorization', `Bearer ${tok.a1}`);
    expect(spin.status).toBe(200);
    expect(spin.body).toMatchObject({
      draw: 2,
      revealed: true,
      amountCents: draws[1].cents,
      index: draws[1].slot_index,
    });
    const after = await me();
    expect(after?.draws[1]).toMatchObject({ revealed: true, amountCents: draws[1].cents });
    expect(after?.cents.pending).toBe(draws[1].cents);
    // another agent cannot open A1's spins
    const other = await t
      .http()
      .post(`/api/me/bonus/draws/${c.id}/1/reveal`)
      .set('Authorization', `Bearer ${tok.b1}`);
    expect(other.status).toBe(404);
  });

  it('counts units only from calls that meet the quality gate, and says how many did not', async () => {
    const c = await createCampaign(
      t,
      tok.admin,
      campaign({
        ...days('2026-11-10', '2026-11-12'),
        rule: { type: 'per_unit', amountCents: 100 },
        qualityGate: { qaMin: 80, csatMin: 4, unscored: 'exclude' },
      }),
    );
    const base = Date.parse(chi('2026-11-11'));
    const at = (m: number) => new Date(base + m * 60_000).toISOString();
    await postCalls(t, tok.admin, [
      { id: 'qg-1', agent: 'A2', at: at(0), qa: 90 },
      { id: 'qg-2', agent: 'A2', at: at(1), qa: 79 },
      { id: 'qg-3', agent: 'A2', at: at(2) },
      { id: 'qg-4', agent: 'A2', at: at(3), csat: 4 },
      { id: 'qg-5', agent: 'A2', at: at(4), qa: 95, csat: 3 },
    ]);
    const { rows } = await t.sql.query(
      `SELECT call_id, counted, gate_reason FROM spiff_unit WHERE campaign_id = $1 ORDER BY call_id`,
      [c.id],
    );
    expect(rows).toEqual([
      { call_id: 'qg-1', counted: true, gate_reason: null },
      { call_id: 'qg-2', counted: false, gate_reason: 'qa_below_floor' },
      { call_id: 'qg-3', counted: false, gate_reason: 'unscored' },
      { call_id: 'qg-4', counted: true, gate_reason: null },
      { call_id: 'qg-5', counted: false, gate_reason: 'csat_below_floor' },
    ]);
    const e = await t.sql.query(
      `SELECT units::int, counted_calls, gated_calls FROM spiff_entrant WHERE campaign_id = $1`,
      [c.id],
    );
    expect(e.rows[0]).toEqual({ units: 2, counted_calls: 2, gated_calls: 3 });
  });

  it('counts a call by its own site’s local date and only for the teams, sites and lines of work chosen', async () => {
    await t.sql.query(
      `INSERT INTO campaign (campaign_code, name, kind, site_id) VALUES ('RET', 'Retention', 'retention', (SELECT id FROM site WHERE site_code = 'IST'))`,
    );
    const c = await createCampaign(
      t,
      tok.admin,
      campaign({
        periodFrom: '2026-11-28',
        periodTo: '2026-11-30',
        rule: { type: 'per_unit', amountCents: 100 },
        eligibility: { campaignCodes: ['SUP'] },
      }),
    );
    await postCalls(t, tok.admin, [
      // 23:30 on the 30th in Chicago is 05:30 UTC on 1 December: still the period there
      { id: 'tz-chi-late', agent: 'A1', at: chi('2026-11-30', '23:30') },
      // 00:30 on 1 December in İstanbul is 21:30 UTC on the 30th: already past the period there
      { id: 'tz-ist-after', agent: 'B1', at: ist('2026-12-01', '00:30') },
      { id: 'tz-ist-in', agent: 'B1', at: ist('2026-11-30', '23:50') },
      // another line of work: not counted
      { id: 'tz-ret', agent: 'B2', at: ist('2026-11-29'), campaign: 'RET' },
    ]);
    const { rows } = await t.sql.query(
      `SELECT call_id FROM spiff_unit WHERE campaign_id = $1 ORDER BY call_id`,
      [c.id],
    );
    expect(rows.map((r) => r.call_id)).toEqual(['tz-chi-late', 'tz-ist-in']);
    // the period ends at midnight after 30 November in the latest zone (Chicago, UTC−6)
    expect(c.periodEndsAt).toBe('2026-12-01T06:00:00.000Z');

    const t1 = await createCampaign(
      t,
      tok.m1,
      campaign({
        name: 'T1 only',
        periodFrom: '2026-11-28',
        periodTo: '2026-11-30',
        rule: { type: 'per_unit', amountCents: 100 },
      }),
    );
    expect(t1.eligibility.teamCodes).toEqual(['T1']);
    const { rows: t1rows } = await t.sql.query(
      `SELECT call_id FROM spiff_unit WHERE campaign_id = $1 ORDER BY call_id`,
      [t1.id],
    );
    // launched after the calls landed: the launch counted the period's calls of T1 only
    expect(t1rows.map((r) => r.call_id)).toEqual(['tz-chi-late']);
  });

  it('counts an imported file through a sweep, like live calls', async () => {
    const c = await createCampaign(
      t,
      tok.admin,
      campaign({
        ...days('2026-11-13', '2026-11-15'),
        metric: 'sales',
        rule: { type: 'per_unit', amountCents: 250 },
      }),
    );
    const header =
      'call_id,employee_code,campaign_code,channel,direction,started_at,queue_seconds,talk_seconds,hold_seconds,wrap_seconds,outcome,sale_amount';
    const lines = [1, 2, 3].map(
      (i) =>
        `imp-${i},B2,SUP,phone,outbound,${ist('2026-11-14', `1${i}:00`)},0,300,0,20,sale,49.99`,
    );
    const r = await t
      .http()
      .post('/api/imports/calls')
      .set('Authorization', `Bearer ${tok.admin}`)
      .set('Content-Type', 'text/csv')
      .send([header, ...lines, ''].join('\n'));
    expect(r.status).toBe(200);
    await evaluator(t).whenIdle();
    expect((await awardsOf(c.id)).map((a) => [a.agent, a.cents, a.call_id])).toEqual([
      ['B2', 250, 'imp-1'],
      ['B2', 250, 'imp-2'],
      ['B2', 250, 'imp-3'],
    ]);
  });

  it('counts exactly what the call rollups sum for a campaign without a quality gate', async () => {
    const c = await createCampaign(
      t,
      tok.admin,
      campaign({ rule: { type: 'per_unit', amountCents: 1 } }),
    );
    const { rows } = await t.sql.query(
      `SELECT a.employee_code, coalesce(e.units, 0)::int AS units, r.resolved::int AS rollup
       FROM (SELECT agent_id, sum(resolved) AS resolved FROM call_rollup_day
             WHERE local_date BETWEEN $2 AND $3 GROUP BY agent_id) r
       JOIN agent a ON a.id = r.agent_id
       LEFT JOIN spiff_entrant e ON e.agent_id = r.agent_id AND e.campaign_id = $1
       ORDER BY 1`,
      [c.id, MONTH.periodFrom, MONTH.periodTo],
    );
    expect(rows.length).toBeGreaterThan(2);
    for (const r of rows) {
      expect({ agent: r.employee_code, units: r.units }).toEqual({
        agent: r.employee_code,
        units: r.rollup,
      });
    }
  });

  it('shows the signed-in agent only their own campaigns, awards and progress', async () => {
    const a1 = (await t.http().get('/api/me/bonus').set('Authorization', `Bearer ${tok.a1}`))
      .body as MyBonusDto;
    const b1 = (await t.http().get('/api/me/bonus').set('Authorization', `Bearer ${tok.b1}`))
      .body as MyBonusDto;
    expect(a1.employeeCode).toBe('A1');
    const a1Awards = a1.campaigns.flatMap((c) => Object.values(c.awards).flat());
    const b1Awards = b1.campaigns.flatMap((c) => Object.values(c.awards).flat());
    expect(a1Awards.length).toBeGreaterThan(0);
    expect(a1Awards.every((a) => a.employeeCode === 'A1')).toBe(true);
    expect(b1Awards.every((a) => a.employeeCode === 'B1')).toBe(true);
    // T1's campaign (created by m1) is offered to A1, not to B1 of team T2
    expect(a1.campaigns.some((c) => c.name === 'T1 only')).toBe(true);
    expect(b1.campaigns.some((c) => c.name === 'T1 only')).toBe(false);
    const perUnit = a1.campaigns.find(
      (c) => c.rule.type === 'per_unit' && c.rule.capCents === 1_800,
    );
    expect(perUnit).toMatchObject({
      units: 4,
      upToCents: 1_800,
      cents: { pending: 1_800, approved: 0, paid: 0, void: 0, declined_budget: 0 },
      progress: { kind: 'per_unit', label: 'Cap of $18.00 reached', fraction: 1 },
    });
    for (const token of [tok.admin, tok.m1, tok.hr]) {
      expect(
        (await t.http().get('/api/me/bonus').set('Authorization', `Bearer ${token}`)).status,
      ).toBe(403);
    }
  });
});

import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import type { AgentScheduleDto, PayEstimatesDto } from '@floorwise/contracts';
import { callsOf, chi, createCampaign, evaluator, ist, postCalls } from '../../../test/spiff-kit';
import { createTestApp, seedOrg, seedUsers, TestApp } from '../../../test/test-app';

/**
 * The SPIFF line of the pay estimate (docs/schedules.md "SPIFF in the pay estimate"): the awards
 * approved (or paid) and, for a spin, opened, dated by the later of the two in the site's local
 * calendar; pending, voided and unopened awards are not in the total.
 *
 * A1 (Chicago, $15.81/h, 40 h) works the bi-weekly period 2 – 15 Nov 2026 (anchor 2025-12-29):
 * Mon–Fri 08:00–17:00 with a 1 h break (40 h) and Saturday 10:00–16:00 (6 h, weekend, overtime).
 */
const SHIFTS = [
  'shift_id,employee_code,start,end,kind,break_minutes,status,actual_start,actual_end,send_home_reason',
  ...['02', '03', '04', '05', '06'].map(
    (d) => `P-${d},A1,2026-11-${d}T08:00:00-06:00,2026-11-${d}T17:00:00-06:00,regular,60,worked,,,`,
  ),
  'P-07,A1,2026-11-07T10:00:00-06:00,2026-11-07T16:00:00-06:00,regular,0,worked,,,',
].join('\n');

const UNIT = 1_234;
const SPIN = 500;
const CHICAGO = 'America/Chicago';

/** The local date of an instant in a zone, by luxon (independent of the API's SQL). */
const localDate = (iso: string, zone: string) => DateTime.fromISO(iso).setZone(zone).toISODate();

/** The bi-weekly period (anchor Monday 2025-12-29) holding a local date, by hand. */
function biweekly(date: string): { from: string; to: string } {
  const anchor = DateTime.fromISO('2025-12-29', { zone: 'UTC' });
  const days = DateTime.fromISO(date, { zone: 'UTC' }).diff(anchor, 'days').days;
  const from = anchor.plus({ days: Math.floor(days / 14) * 14 });
  return { from: from.toISODate() as string, to: from.plus({ days: 13 }).toISODate() as string };
}

describe('SPIFF awards in the pay estimate', () => {
  let t: TestApp;
  let tok: Awaited<ReturnType<typeof seedUsers>>;
  /** Unit award ids by agent, in order. */
  let units: Record<string, number[]>;
  /** A1's spins: [award id, draw number], in order. */
  let spins: [number, number][];
  let wheelId: number;

  const post = (url: string, token: string, body: object) =>
    t.http().post(url).set('Authorization', `Bearer ${token}`).send(body);
  const get = (url: string, token: string) =>
    t.http().get(url).set('Authorization', `Bearer ${token}`);

  /** Records an approval as having happened at `iso` (the approve call stamps `now()`). */
  const approvedAt = (id: number, iso: string, zone = CHICAGO) =>
    t.sql.query(`UPDATE spiff_award SET approved_at = $2, approved_on = $3 WHERE id = $1`, [
      id,
      iso,
      localDate(iso, zone),
    ]);
  const openedAt = (drawNo: number, iso: string) =>
    t.sql.query(
      `UPDATE spiff_draw SET revealed_at = $3 WHERE campaign_id = $1 AND draw_no = $2
       AND agent_id = (SELECT id FROM agent WHERE employee_code = 'A1')`,
      [wheelId, drawNo, iso],
    );

  beforeAll(async () => {
    t = await createTestApp();
    evaluator(t).stopAutoClose();
    await seedOrg(t);
    tok = await seedUsers(t);
    const imported = await t
      .http()
      .post('/api/imports/shifts')
      .set('Authorization', `Bearer ${tok.admin}`)
      .set('Content-Type', 'text/csv')
      .send(`${SHIFTS}\n`);
    expect(imported.body).toEqual({ imported: 6, updated: 0, duplicates: 0 });

    const perUnit = await createCampaign(t, tok.admin, {
      name: 'Resolutions',
      metric: 'resolved',
      budgetCents: 1_000_000,
      periodFrom: '2026-11-01',
      periodTo: '2026-11-30',
      rule: { type: 'per_unit', amountCents: UNIT },
    });
    const wheel = await createCampaign(t, tok.admin, {
      name: 'Wheel',
      metric: 'calls_handled',
      budgetCents: 1_000_000,
      periodFrom: '2026-11-01',
      periodTo: '2026-11-30',
      rule: { type: 'prize_wheel', unitsPerSpin: 3, slices: [{ amountCents: SPIN, weight: 1 }] },
      eligibility: { teamCodes: ['T1'] },
    });
    wheelId = wheel.id;
    await postCalls(t, tok.admin, [
      ...callsOf('A1', 9, chi('2026-11-03')),
      ...callsOf('A2', 2, chi('2026-11-03', '14:00')),
      ...callsOf('B1', 3, ist('2026-11-03')),
    ]);
    const { rows } = await t.sql.query(
      `SELECT a.employee_code, w.id::int AS id FROM spiff_award w JOIN agent a ON a.id = w.agent_id
       WHERE w.campaign_id = $1 ORDER BY w.seq`,
      [perUnit.id],
    );
    units = {};
    for (const r of rows) (units[r.employee_code] ??= []).push(r.id);
    const { rows: draws } = await t.sql.query(
      `SELECT award_id::int AS id, draw_no FROM spiff_draw WHERE campaign_id = $1 ORDER BY draw_no`,
      [wheelId],
    );
    spins = draws.map((d) => [d.id, d.draw_no]);
    expect(units['A1']).toHaveLength(9);
    expect(units['A2']).toHaveLength(2);
    expect(units['B1']).toHaveLength(3);
    expect(spins).toHaveLength(3);

    const u = units['A1'];
    // every approval through the API (the real path), then dated where the test needs it
    const approve = await post('/api/spiff/awards/approve', tok.m1, {
      ids: [...u.slice(0, 7), ...units['A2'], ...spins.map(([id]) => id)],
    });
    expect(approve.status).toBe(200);
    // 23:30 on Sunday 15 Nov in Chicago is 05:30 UTC on the 16th: still the first period
    await approvedAt(u[0], '2026-11-15T23:30:00-06:00');
    // 00:30 on Monday 16 Nov in Chicago: the next period
    await approvedAt(u[1], '2026-11-16T00:30:00-06:00');
    // 00:10 on Monday 2 Nov: the first day of the period
    await approvedAt(u[2], '2026-11-02T00:10:00-06:00');
    // 23:50 on Sunday 1 Nov (05:50 UTC on the 2nd): the period before
    await approvedAt(u[3], '2026-11-01T23:50:00-06:00');
    // approved on 10 Nov and since paid: counts
    await approvedAt(u[4], '2026-11-10T12:00:00-06:00');
    expect((await post('/api/spiff/awards/pay', tok.admin, { ids: [u[4]] })).status).toBe(200);
    // approved on 5 Nov and then voided: does not count
    await approvedAt(u[5], '2026-11-05T12:00:00-06:00');
    const voided = await post('/api/spiff/awards/void', tok.m1, { ids: [u[5]], reason: 'dupe' });
    expect(voided.status).toBe(200);
    // u[6] keeps its approval of today (current period); u[7], u[8] stay pending
    // spin 1: opened on 4 Nov, approved on 5 Nov → payable 5 Nov (first period)
    // spin 2: approved on 5 Nov, opened 23:30 on 29 Nov (05:30 UTC on the 30th) → 29 Nov (second)
    // spin 3: approved on 5 Nov, never opened → never counts
    for (const [id] of spins) await approvedAt(id, '2026-11-05T12:00:00-06:00');
    await openedAt(spins[0][1], '2026-11-04T12:00:00-06:00');
    await openedAt(spins[1][1], '2026-11-29T23:30:00-06:00');
    // B1 (İstanbul, T2): two approved by the admin today, one pending
    expect(
      (await post('/api/spiff/awards/approve', tok.admin, { ids: units['B1'].slice(0, 2) })).status,
    ).toBe(200);
  });
  afterAll(() => t.close());

  const rowOf = (body: PayEstimatesDto, code: string) => {
    const r = body.rows.find((x) => x.employeeCode === code);
    if (!r) throw new Error(`no row for ${code}`);
    return r;
  };

  it('adds the awards payable in the period to base, overtime and differentials (hand computation)', async () => {
    const r = await get('/api/pay/estimates?date=2026-11-10', tok.admin);
    expect(r.status).toBe(200);
    const a1 = rowOf(r.body, 'A1');
    // base     46 h × 1581            = 72 726
    // overtime  6 h × 1581 × 0.5      =  4 743
    // weekend   6 h × 1581 × 0.10     =    948.6 → 949
    // SPIFF    u0 + u2 + u4 (paid) = 3 × 1 234 = 3 702, + spin 1 500 = 4 202
    //          (not u1: 16 Nov; not u3: 1 Nov; not u5: void; not u6: today; not u7, u8:
    //           pending; not spin 2: opened 29 Nov; not spin 3: unopened)
    // total                           = 82 620
    expect(a1).toMatchObject({
      from: '2026-11-02',
      to: '2026-11-15',
      lines: {
        baseCents: 72_726,
        overtimePremiumCents: 4_743,
        nightDifferentialCents: 0,
        weekendDifferentialCents: 949,
        holidayDifferentialCents: 0,
        spiffCents: 4_202,
      },
      spiffAwards: 4,
      totalCents: 82_620,
      // a past period: pending awards are not shown against it
      spiffPendingCents: 0,
    });
    const l = a1.lines;
    expect(a1.totalCents).toBe(
      l.baseCents +
        l.overtimePremiumCents +
        l.nightDifferentialCents +
        l.weekendDifferentialCents +
        l.holidayDifferentialCents +
        l.spiffCents,
    );
    // A2's and B1's awards were approved today: nothing in this period
    expect(rowOf(r.body, 'A2').lines.spiffCents).toBe(0);
    expect(rowOf(r.body, 'B1').lines.spiffCents).toBe(0);
  });

  it('puts an award in the period of its local date at the period boundary, not the UTC one', async () => {
    const next = rowOf((await get('/api/pay/estimates?date=2026-11-20', tok.admin)).body, 'A1');
    // u1 (00:30 on 16 Nov) and spin 2 (opened 23:30 on 29 Nov)
    expect(next).toMatchObject({ from: '2026-11-16', to: '2026-11-29', spiffAwards: 2 });
    expect(next.lines.spiffCents).toBe(UNIT + SPIN);
    expect(next.totalCents).toBe(UNIT + SPIN); // no shifts in that period
    const before = rowOf((await get('/api/pay/estimates?date=2026-10-25', tok.admin)).body, 'A1');
    // u3 (23:50 on 1 Nov)
    expect(before).toMatchObject({ from: '2026-10-19', to: '2026-11-01', spiffAwards: 1 });
    expect(before.lines.spiffCents).toBe(UNIT);
  });

  it('writes the SPIFF line into the payroll CSV and its total', async () => {
    const r = await get('/api/pay/estimates/csv?date=2026-11-10', tok.hr);
    expect(r.status).toBe(200);
    const rows = parse(r.text, { columns: true }) as Record<string, string>[];
    const a1 = rows.find((x) => x['employee_code'] === 'A1');
    expect(a1).toMatchObject({ spiff: '42.02', total: '826.20', base: '727.26' });
  });

  it('shows the agent their own approved awards in the current period and pending ones beside it', async () => {
    const cur = biweekly(localDate(new Date().toISOString(), CHICAGO) as string);
    const r = await get('/api/me/schedule', tok.a1);
    expect(r.status).toBe(200);
    const me = r.body as AgentScheduleDto;
    expect(me.employeeCode).toBe('A1');
    const now = me.periods[0];
    expect(now).toMatchObject({ from: cur.from, to: cur.to, current: true });
    // u6, approved by the API today; u7 and u8 pending (not in the total); spin 3 unopened
    expect(now.lines.spiffCents).toBe(UNIT);
    expect(now.spiffAwards).toBe(1);
    expect(now).toMatchObject({ spiffPendingCents: 2 * UNIT, spiffPendingAwards: 2 });
    expect(now.totalCents).toBe(UNIT + now.lines.baseCents + now.lines.overtimePremiumCents);
    // past periods never carry pending awards
    expect(me.periods.slice(1).every((p) => p.spiffPendingCents === 0)).toBe(true);
    // B1 sees theirs, none of A1's
    const b1 = (await get('/api/me/schedule', tok.b1)).body as AgentScheduleDto;
    expect(b1.employeeCode).toBe('B1');
    expect(b1.periods[0].lines.spiffCents).toBe(2 * UNIT);
    expect(b1.periods[0].spiffPendingCents).toBe(UNIT);
    // and an agent reads no one else's pay
    expect((await get('/api/schedules/agents/A2', tok.a1)).status).toBe(403);
    expect((await get('/api/schedules/agents/A1', tok.b1)).status).toBe(403);
    expect((await get('/api/pay/estimates', tok.a1)).status).toBe(403);
    expect((await get('/api/pay/estimates/csv', tok.a1)).status).toBe(403);
  });

  it("gives a manager their own teams' SPIFF lines only", async () => {
    const m1 = (await get('/api/pay/estimates', tok.m1)).body as PayEstimatesDto;
    expect(m1.rows.map((x) => x.employeeCode).sort()).toEqual(['A1', 'A2', 'A3']);
    const a1 = rowOf(m1, 'A1');
    // today: A1's u6; A2's two awards were approved today too (by the approve call)
    expect(a1.lines.spiffCents).toBe(UNIT);
    expect(rowOf(m1, 'A2').lines.spiffCents).toBe(2 * UNIT);
    // B1's 2 × 1 234 approved today are not in m1's totals
    expect(m1.totals.lines.spiffCents).toBe(3 * UNIT);
    expect(m1.totals.spiffPendingCents).toBe(2 * UNIT);
    const m2 = (await get('/api/pay/estimates', tok.m2)).body as PayEstimatesDto;
    expect(m2.rows.map((x) => x.employeeCode).sort()).toEqual(['B1', 'B2']);
    expect(m2.totals.lines.spiffCents).toBe(2 * UNIT);
    expect((await get('/api/schedules/agents/B1', tok.m1)).status).toBe(403);
    expect((await get('/api/pay/estimates?teamCode=T2', tok.m1)).status).toBe(403);
  });
});

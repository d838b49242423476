import type { PayEstimatesDto, RosterDto } from '@floorwise/contracts';
import { createTestApp, seedOrg, seedUsers, TestApp } from '../../../test/test-app';

type Tokens = Awaited<ReturnType<typeof seedUsers>>;

const HEADER =
  'shift_id,employee_code,start,end,kind,break_minutes,status,actual_start,actual_end,send_home_reason';

/**
 * Hand-made shifts of A1 (Chicago, $15.81/h, 40 h contract) for the bi-weekly pay period
 * 19 October – 1 November 2026: a holiday (Thu 29 Oct), a stay-late, an outage and a goal-met
 * send-home, and the night of the fall back (Sat 31 Oct 22:00 CDT → Sun 1 Nov 06:00 CST).
 */
const FILE = [
  HEADER,
  // week of Mon 19 Oct: 5 × 8 h + Saturday 4 h = 44 h → 4 h overtime
  ...['19', '20', '21', '22', '23'].map(
    (d) =>
      `W1-${d},A1,2026-10-${d}T08:00:00-05:00,2026-10-${d}T17:00:00-05:00,regular,60,worked,,,`,
  ),
  'W1-24,A1,2026-10-24T10:00:00-05:00,2026-10-24T14:00:00-05:00,regular,0,worked,,,',
  // week of Mon 26 Oct
  'W2-26,A1,2026-10-26T08:00:00-05:00,2026-10-26T17:00:00-05:00,regular,60,worked,,,',
  // stayed until 17:25: 9 h 25 − 1 h = 8 h 25 worked, 25 min late
  'W2-27,A1,2026-10-27T08:00:00-05:00,2026-10-27T17:00:00-05:00,regular,60,worked,2026-10-27T08:00:00-05:00,2026-10-27T17:25:00-05:00,',
  // outage at 11:00: 3 h − 1 h break = 2 h worked and paid; 8 − 2 = 6 h lost
  'W2-28,A1,2026-10-28T08:00:00-05:00,2026-10-28T17:00:00-05:00,regular,60,sent_home,,2026-10-28T11:00:00-05:00,outage',
  // the site's holiday: 8 h at +50 %
  'W2-29,A1,2026-10-29T08:00:00-05:00,2026-10-29T17:00:00-05:00,regular,60,worked,,,',
  // goal met at 15:00: 7 h − 1 h = 6 h worked, paid through 17:00: 8 h
  'W2-30,A1,2026-10-30T08:00:00-05:00,2026-10-30T17:00:00-05:00,regular,60,sent_home,,2026-10-30T15:00:00-05:00,goal_met',
  // the fall-back night: 9 h elapsed − 1 h break = 8 h, all weekend and night
  'W2-31,A1,2026-10-31T22:00:00-05:00,2026-11-01T06:00:00-06:00,regular,60,worked,,,',
  'W2-01,A1,2026-11-01T14:00:00-06:00,2026-11-01T22:00:00-06:00,regular,30,absent_unplanned,,,',
].join('\n');

describe('pay figures against a hand computation', () => {
  let t: TestApp;
  let tok: Tokens;

  beforeAll(async () => {
    t = await createTestApp();
    await seedOrg(t);
    tok = await seedUsers(t);
    await t.sql.query(
      `UPDATE site SET holidays = '{2026-10-29,2026-12-25}' WHERE site_code = 'CHI'`,
    );
    const r = await t
      .http()
      .post('/api/imports/shifts')
      .set('Authorization', `Bearer ${tok.admin}`)
      .set('Content-Type', 'text/csv')
      .send(`${FILE}\n`);
    expect(r.body).toEqual({ imported: 13, updated: 0, duplicates: 0 });
  });
  afterAll(() => t.close());

  const get = (url: string, token = tok.admin) =>
    t.http().get(url).set('Authorization', `Bearer ${token}`);

  it("gives A1's pay estimate for 19 Oct – 1 Nov line by line as computed by hand", async () => {
    const r = await get('/api/pay/estimates?date=2026-10-25&teamCode=T1');
    expect(r.status).toBe(200);
    const body = r.body as PayEstimatesDto;
    const a1 = body.rows.find((x) => x.employeeCode === 'A1');
    // worked: 44 h + (8 + 8 h 25 + 2 + 8 + 6 + 8) = 84 h 25; paid adds the goal-met 2 h: 86 h 25
    // base        86 h 25 × 1581            = 136 624.75 → 136 625
    // overtime    (4 h + 25 min) × 1581 × ½  =   3 491.375 →   3 491
    // weekend     (Sat 4 h + the night 8 h) × 158.1 = 1 897.2 → 1 897 (night ties weekend: weekend)
    // holiday     8 h × 790.5                =   6 324
    // total                                  = 148 337
    expect(a1).toMatchObject({
      from: '2026-10-19',
      to: '2026-11-01',
      hourlyRateCents: 1581,
      lines: {
        baseCents: 136_625,
        overtimePremiumCents: 3_491,
        nightDifferentialCents: 0,
        weekendDifferentialCents: 1_897,
        holidayDifferentialCents: 6_324,
        spiffCents: 0,
      },
      totalCents: 148_337,
      workedSeconds: (84 * 60 + 25) * 60,
      paidSeconds: (86 * 60 + 25) * 60,
      overtimeSeconds: (4 * 60 + 25) * 60,
      differentialSeconds: { night: 0, weekend: 12 * 3600, holiday: 8 * 3600 },
      // the outage: 6 h lost, worth 6 × 1581 at the base rate
      lostSeconds: 6 * 3600,
      lostCents: 9_486,
      lostSecondsByReason: { goal_met: 0, outage: 6 * 3600, low_volume: 0, unspecified: 0 },
    });
    // the other agents of T1 have no shifts: zero rows, still listed
    expect(body.rows.map((x) => x.employeeCode).sort()).toEqual(['A1', 'A2', 'A3']);
    expect(body.totals.totalCents).toBe(148_337);
  });

  it('pays the night differential instead when the site pays nights more than weekends', async () => {
    const rules = {
      contractHours: 40,
      overtimeMultiplier: 1.5,
      nightStart: 22,
      nightEnd: 6,
      nightPct: 0.15,
      weekendPct: 0.1,
      holidayPct: 0.5,
      weekendDays: [6, 7],
      minReportingPayHours: 4,
      payPeriod: 'biweekly',
      payPeriodAnchor: '2025-12-29',
    };
    const put = await t
      .http()
      .put('/api/pay-rules/CHI')
      .set('Authorization', `Bearer ${tok.admin}`)
      .send(rules);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ siteCode: 'CHI', nightPct: 0.15, isDefault: false });
    const r = await get('/api/pay/estimates?date=2026-10-25&teamCode=T1');
    const a1 = (r.body as PayEstimatesDto).rows.find((x) => x.employeeCode === 'A1');
    // the 8 night hours now go to night: 8 × 1581 × 0.15 = 1 897.2 → 1 897; weekend keeps
    // Saturday's 4 h: 632.4 → 632. The outage is topped up to the 4 h minimum reporting pay:
    // paid 86 h 25 + 2 h = 88 h 25 → 139 786.75 → 139 787; lost 8 − 4 = 4 h
    expect(a1?.lines).toEqual({
      baseCents: 139_787,
      overtimePremiumCents: 3_491,
      nightDifferentialCents: 1_897,
      weekendDifferentialCents: 632,
      holidayDifferentialCents: 6_324,
      spiffCents: 0,
    });
    expect(a1?.lostSeconds).toBe(4 * 3600);
    // and back to the defaults of metrics.md §4
    await t
      .http()
      .put('/api/pay-rules/CHI')
      .set('Authorization', `Bearer ${tok.admin}`)
      .send({ ...rules, nightPct: 0.1, minReportingPayHours: 0 });
  });

  it("flags the roster week's overtime, stay-late, lost hours and the holiday night", async () => {
    const r = await get('/api/schedules/roster?from=2026-10-26&to=2026-11-01', tok.m1);
    expect(r.status).toBe(200);
    const roster = r.body as RosterDto;
    expect(roster.days).toHaveLength(7);
    const a1 = roster.agents.find((a) => a.employeeCode === 'A1');
    expect(a1?.shifts.map((s) => [s.shiftId, s.figures.overtimeSeconds])).toEqual([
      ['W2-26', 0],
      ['W2-27', 0],
      ['W2-28', 0],
      ['W2-29', 0],
      ['W2-30', 0],
      ['W2-31', 25 * 60], // the week's last 25 minutes beyond 40 h
      ['W2-01', 0],
    ]);
    const byId = new Map(a1?.shifts.map((s) => [s.shiftId, s]));
    expect(byId.get('W2-27')?.figures.stayLateSeconds).toBe(25 * 60);
    expect(byId.get('W2-28')?.figures.lostSeconds).toBe(6 * 3600);
    expect(byId.get('W2-30')?.figures.paidSeconds).toBe(8 * 3600);
    // instants carry the site's offset of the moment: CDT before the fall back, CST after
    expect(byId.get('W2-31')).toMatchObject({
      start: '2026-10-31T22:00:00-05:00',
      end: '2026-11-01T06:00:00-06:00',
    });
    expect(a1?.totals).toMatchObject({
      workedSeconds: (40 * 60 + 25) * 60,
      overtimeSeconds: 25 * 60,
      lostSeconds: 6 * 3600,
      stayLateSeconds: 25 * 60,
      longestRun: 7, // 26 Oct – 1 Nov: the fall-back night works into Sunday
    });
  });
});

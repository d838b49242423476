import type {
  AgentScheduleDto,
  PayEstimatesDto,
  PayRulesDto,
  RosterDto,
  StaffingGapDto,
} from '@floorwise/contracts';
import { seedSupVolume } from '../../../test/role-cases/schedules';
import { createTestApp, seedOrg, seedUsers, TestApp } from '../../../test/test-app';

type Tokens = Awaited<ReturnType<typeof seedUsers>>;

const HEADER =
  'shift_id,employee_code,start,end,kind,break_minutes,status,actual_start,actual_end,send_home_reason';

describe('who sees whose schedule and pay', () => {
  let t: TestApp;
  let tok: Tokens;
  let tomorrow: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedOrg(t);
    tok = await seedUsers(t);
    await seedSupVolume(t);
    tomorrow = (
      await t.sql.query(
        `SELECT to_char((now() AT TIME ZONE 'America/Chicago')::date + 1, 'YYYY-MM-DD') AS d`,
      )
    ).rows[0].d;
    const day = (code: string, date: string, offset: string) =>
      `${code}-${date},${code},${date}T09:00:00${offset},${date}T17:00:00${offset},regular,0,scheduled,,,`;
    const file = [
      HEADER,
      day('A1', tomorrow, '-06:00'),
      day('A2', tomorrow, '-06:00'),
      day('B1', tomorrow, '+03:00'),
      'PAST-A1,A1,2026-11-03T09:00:00-06:00,2026-11-03T17:00:00-06:00,regular,30,worked,,,',
      'PAST-A2,A2,2026-11-03T09:00:00-06:00,2026-11-03T17:00:00-06:00,regular,30,worked,,,',
      'PAST-B1,B1,2026-11-03T09:00:00+03:00,2026-11-03T17:00:00+03:00,regular,30,worked,,,',
    ].join('\n');
    const r = await t
      .http()
      .post('/api/imports/shifts')
      .set('Authorization', `Bearer ${tok.admin}`)
      .set('Content-Type', 'text/csv')
      .send(`${file}\n`);
    expect(r.status).toBe(200);
  });
  afterAll(() => t.close());

  const get = (url: string, token: string) =>
    t.http().get(url).set('Authorization', `Bearer ${token}`);

  describe('an agent', () => {
    it('reads their own schedule, hours and pay periods', async () => {
      const r = await get('/api/me/schedule', tok.a1);
      expect(r.status).toBe(200);
      const me = r.body as AgentScheduleDto;
      expect(me).toMatchObject({
        employeeCode: 'A1',
        timeZone: 'America/Chicago',
        contractHours: 40,
      });
      expect(me.upcoming.map((s) => s.shiftId)).toEqual([`A1-${tomorrow}`]);
      expect(me.periods).toHaveLength(6);
      expect(me.periods[0].current).toBe(true);
      expect(me.periods.slice(1).every((p) => !p.current)).toBe(true);
      const b1 = (await get('/api/me/schedule', tok.b1)).body as AgentScheduleDto;
      expect(b1.employeeCode).toBe('B1');
      expect(b1.upcoming.every((s) => s.employeeCode === 'B1')).toBe(true);
    });

    it("cannot read another agent's schedule, pay or shift", async () => {
      const other = await get('/api/schedules/agents/A2', tok.a1);
      expect(other.status).toBe(403);
      expect(other.body.message).toBe('An agent sees only their own schedule and pay');
      expect((await get('/api/schedules/agents/A1', tok.a1)).status).toBe(200);
      expect((await get(`/api/shifts/A2-${tomorrow}`, tok.a1)).status).toBe(403);
      expect((await get(`/api/shifts/A1-${tomorrow}`, tok.a1)).status).toBe(200);
      for (const url of [
        '/api/pay/estimates',
        '/api/pay/estimates/csv',
        `/api/schedules/roster?from=${tomorrow}&to=${tomorrow}`,
        '/api/schedules/staffing-gap?campaignCode=SUP',
      ]) {
        expect({ url, status: (await get(url, tok.a1)).status }).toEqual({ url, status: 403 });
      }
    });

    it("sees their own site's pay rules only", async () => {
      const r = await get('/api/pay-rules', tok.b1);
      expect((r.body as PayRulesDto[]).map((x) => x.siteCode)).toEqual(['IST']);
      const all = await get('/api/pay-rules', tok.hr);
      expect((all.body as PayRulesDto[]).map((x) => x.siteCode)).toEqual(['CHI', 'IST']);
      expect(all.body[0]).toMatchObject({
        contractHours: 40,
        overtimeMultiplier: 1.5,
        nightStart: 22,
        nightEnd: 6,
        nightPct: 0.1,
        weekendPct: 0.1,
        holidayPct: 0.5,
        weekendDays: [6, 7],
        minReportingPayHours: 0,
        payPeriod: 'biweekly',
        isDefault: true,
      });
    });
  });

  describe('a manager', () => {
    it("sees the roster and pay of their own teams' agents only", async () => {
      const roster = (await get(`/api/schedules/roster?from=${tomorrow}&to=${tomorrow}`, tok.m1))
        .body as RosterDto;
      expect(roster.agents.map((a) => a.employeeCode).sort()).toEqual(['A1', 'A2', 'A3']);
      const pay = (await get('/api/pay/estimates?date=2026-11-03', tok.m1)).body as PayEstimatesDto;
      expect(pay.rows.map((r) => r.employeeCode).sort()).toEqual(['A1', 'A2', 'A3']);
      const other = await get(
        `/api/schedules/roster?from=${tomorrow}&to=${tomorrow}&teamCode=T2`,
        tok.m1,
      );
      expect(other.status).toBe(403);
      expect((await get('/api/schedules/agents/B1', tok.m1)).status).toBe(403);
      expect((await get('/api/pay/estimates?teamCode=T2', tok.m1)).status).toBe(403);
      expect((await get(`/api/shifts/B1-${tomorrow}`, tok.m1)).status).toBe(403);
    });

    it('is refused a roster longer than two weeks', async () => {
      const r = await get('/api/schedules/roster?from=2026-11-01&to=2026-11-30', tok.m1);
      expect(r.status).toBe(400);
      expect(r.body.message).toBe('A roster shows at most 14 days; asked for 30');
    });
  });

  describe('hr', () => {
    it('sees everyone, and exports the estimates as a payroll CSV', async () => {
      const roster = (await get(`/api/schedules/roster?from=${tomorrow}&to=${tomorrow}`, tok.hr))
        .body as RosterDto;
      expect(roster.agents).toHaveLength(5);
      const csv = await get('/api/pay/estimates/csv?date=2026-11-03', tok.hr);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const lines = csv.text.trim().split('\n');
      expect(lines[0]).toBe(
        'period_from,period_to,employee_code,full_name,team_code,site_code,hourly_rate,paid_hours,worked_hours,overtime_hours,night_hours,weekend_hours,holiday_hours,hours_lost,base,overtime_premium,night_differential,weekend_differential,holiday_differential,spiff,total',
      );
      // A1: 7.5 h at $15.81 = $118.575 → 11 858 ¢
      expect(lines).toContain(
        '2026-11-02,2026-11-15,A1,Ada One,T1,CHI,15.81,7.50,7.50,0.00,0.00,0.00,0.00,0.00,118.58,0.00,0.00,0.00,0.00,0.00,118.58',
      );
      expect(lines).toHaveLength(6);
    });
  });

  describe('the staffing gap', () => {
    it("counts the campaign's agents on the floor per interval against the requirement", async () => {
      const r = await get('/api/schedules/staffing-gap?campaignCode=SUP', tok.m1);
      expect(r.status).toBe(200);
      const gap = r.body as StaffingGapDto;
      // A1 and A2 answer SUP's calls, A3 (no calls yet) is in their team; B1 (Istanbul) is not
      expect(gap.agents).toBe(3);
      const at = (hm: string) => gap.slots.find((s) => s.date === tomorrow && s.start === hm);
      expect(at('10:00')).toMatchObject({ staffed: 2, overtimeStaffed: 0 });
      expect(at('17:00')).toMatchObject({ staffed: 0 });
      // 40 calls per 30 min at 300 s: A = 6.67 Erlangs, far more than two agents
      expect(at('10:00')?.required).toBeGreaterThan(2);
      expect(at('10:00')?.understaffed).toBe(true);
      expect(gap.summary.understaffedSlots).toBeGreaterThan(0);
      expect(gap.slots).toHaveLength(7 * 48);
    });
  });
});

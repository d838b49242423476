import { ADMIN_ONLY_WRITE, EVERYONE_SIGNED_IN, RoleCases, s, STAFF_READ } from '../role-matrix';
import type { TestApp } from '../test-app';

/**
 * Call volume for the staffing forecast of campaign SUP (Chicago): 14 days before today, 20
 * offered calls per 15 minutes from 09:00 to 17:00, and A1 and A2 answering SUP's calls (so the
 * staffing gap counts their shifts).
 */
export async function seedSupVolume(t: TestApp, days = 14): Promise<void> {
  await t.sql.query(
    `WITH d AS (
       SELECT ((now() AT TIME ZONE 'America/Chicago')::date - g) AS day FROM generate_series(1, $1) g
     ), slots AS (
       SELECT d.day, m AS minute FROM d, generate_series(540, 1005, 15) m
     )
     INSERT INTO call_rollup_campaign_15m (interval_start, campaign_id, local_date, local_minute,
                                           calls, offered, answered, inbound_answered, handle_seconds)
     SELECT (slots.day + make_interval(mins => slots.minute)) AT TIME ZONE 'America/Chicago',
            (SELECT id FROM campaign WHERE campaign_code = 'SUP'), slots.day, slots.minute,
            20, 20, 19, 19, 19 * 300
     FROM slots`,
    [days],
  );
  await t.sql.query(
    `INSERT INTO call_rollup_day (local_date, campaign_id, agent_id, team_id, calls, answered, handle_seconds)
     SELECT (now() AT TIME ZONE 'America/Chicago')::date - g,
            (SELECT id FROM campaign WHERE campaign_code = 'SUP'), a.id, a.team_id, 50, 50, 50 * 300
     FROM generate_series(1, $1) g, agent a WHERE a.employee_code IN ('A1', 'A2')`,
    [days],
  );
}

const HEADER =
  'shift_id,employee_code,start,end,kind,break_minutes,status,actual_start,actual_end,send_home_reason';

const DEFAULT_RULES = {
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
  payPeriodAnchor: '2025-12-29',
};

/** Schedules, shifts, pay rules and pay (issue 4). Manager = m1 (team T1), agent = a1 (A1). */
export const schedulesRoleCases: RoleCases = {
  setup: async (t: TestApp) => {
    await t.sql.query(`
      INSERT INTO shift (shift_code, agent_id, start_at, end_at, local_date, kind, break_minutes, status)
      SELECT c, (SELECT id FROM agent WHERE employee_code = e), s::timestamptz, x::timestamptz,
             (s::timestamptz AT TIME ZONE z)::date, 'regular', 30, 'scheduled'
      FROM (VALUES
        ('RM-A1', 'A1', '2031-01-06T09:00:00-06:00', '2031-01-06T17:00:00-06:00', 'America/Chicago'),
        ('RM-ABS', 'A2', '2031-01-09T09:00:00-06:00', '2031-01-09T17:00:00-06:00', 'America/Chicago'),
        ('RM-DEL', 'A2', '2031-01-08T09:00:00-06:00', '2031-01-08T17:00:00-06:00', 'America/Chicago'),
        ('RM-SH', 'A2', '2026-11-02T09:00:00-06:00', '2026-11-02T17:00:00-06:00', 'America/Chicago'),
        ('RM-B1', 'B1', '2031-01-06T09:00:00+03:00', '2031-01-06T17:00:00+03:00', 'Europe/Istanbul')
      ) v(c, e, s, x, z)`);
    await seedSupVolume(t);
  },
  cases: [
    {
      route: 'GET /api/schedules/roster',
      url: '/api/schedules/roster?from=2031-01-06&to=2031-01-12',
      expected: STAFF_READ,
    },
    {
      route: 'GET /api/schedules/agents/:employeeCode',
      url: '/api/schedules/agents/A1',
      expected: EVERYONE_SIGNED_IN,
      note: "A1 is in m1's team and is a1's own record",
    },
    {
      route: 'GET /api/schedules/agents/:employeeCode',
      url: '/api/schedules/agents/B1',
      expected: s(401, 200, 403, 200, 403),
      note: "B1 is outside m1's team and is not a1",
    },
    {
      route: 'GET /api/me/schedule',
      expected: s(401, 403, 403, 403, 200),
      note: 'only an agent has a schedule of their own',
    },
    {
      route: 'GET /api/schedules/staffing-gap',
      url: '/api/schedules/staffing-gap?campaignCode=SUP',
      expected: STAFF_READ,
    },
    { route: 'GET /api/pay/estimates', expected: STAFF_READ },
    {
      route: 'GET /api/pay/estimates/csv',
      expected: s(401, 200, 403, 200, 403),
      note: 'the payroll export is for hr and admin',
    },
    { route: 'GET /api/pay-rules', expected: EVERYONE_SIGNED_IN },
    {
      route: 'PUT /api/pay-rules/:siteCode',
      url: '/api/pay-rules/IST',
      body: DEFAULT_RULES,
      expected: ADMIN_ONLY_WRITE(200),
    },
    {
      route: 'POST /api/shifts',
      body: {
        employeeCode: 'A2',
        start: '2031-02-03T09:00',
        end: '2031-02-03T17:00',
        breakMinutes: 30,
      },
      expected: s(401, 201, 409, 403, 403),
      note: "the admin's shift is created; the manager's identical one then overlaps it",
    },
    {
      route: 'POST /api/shifts/pattern',
      body: {
        employeeCodes: ['A1', 'A2'],
        from: '2031-03-03',
        to: '2031-03-16',
        days: [{ weekday: 1, start: '09:00', end: '17:00', breakMinutes: 30 }],
        preview: true,
      },
      expected: s(401, 201, 201, 403, 403),
      note: 'a preview writes nothing, so every allowed caller gets it',
    },
    {
      route: 'GET /api/shifts/:shiftId',
      url: '/api/shifts/RM-A1',
      expected: EVERYONE_SIGNED_IN,
    },
    {
      route: 'GET /api/shifts/:shiftId',
      url: '/api/shifts/RM-B1',
      expected: s(401, 200, 403, 200, 403),
      note: "B1's shift: outside m1's team and not a1's",
    },
    {
      route: 'PUT /api/shifts/:shiftId',
      url: '/api/shifts/RM-A1',
      body: {
        start: '2031-01-06T09:00:00-06:00',
        end: '2031-01-06T17:30:00-06:00',
        kind: 'regular',
        breakMinutes: 30,
        status: 'scheduled',
      },
      expected: s(401, 200, 200, 403, 403),
    },
    {
      route: 'DELETE /api/shifts/:shiftId',
      url: '/api/shifts/RM-DEL',
      expected: s(401, 204, 404, 403, 403),
      note: 'the admin deletes it; the manager then finds it gone',
    },
    {
      route: 'POST /api/shifts/:shiftId/absence',
      url: '/api/shifts/RM-ABS/absence',
      note: 'a shift of A2: the turnover cases separate A3 before 2031',
      body: { type: 'excused' },
      expected: s(401, 200, 200, 403, 403),
    },
    {
      route: 'POST /api/shifts/:shiftId/send-home',
      url: '/api/shifts/RM-SH/send-home',
      body: { reason: 'low_volume', at: '2026-11-02T13:00' },
      expected: s(401, 200, 200, 403, 403),
    },
    {
      route: 'POST /api/imports/:kind',
      url: '/api/imports/shifts',
      contentType: 'text/csv',
      body: `${HEADER}\nRM-IMP,A1,2031-01-09T09:00:00-06:00,2031-01-09T17:00:00-06:00,regular,30,scheduled,,,\n`,
      expected: s(401, 200, 200, 403, 403),
      note: "the manager's import of A1's shift is a re-import: 200 with a duplicate",
    },
  ],
};

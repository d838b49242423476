import {
  ADMIN_ONLY_WRITE,
  EVERYONE_SIGNED_IN,
  RANGE,
  RoleCases,
  s,
  STAFF_READ,
} from '../role-matrix';
import { TEST_PASSWORD, TestApp } from '../test-app';

const CALL_HEADER =
  'call_id,employee_code,campaign_code,channel,direction,started_at,queue_seconds,talk_seconds,hold_seconds,wrap_seconds,outcome';

let matrixUserId = 0;

/** The workspace's routes: auth, users, organisation, imports, calls, staffing. */
export const coreRoleCases: RoleCases = {
  setup: async (t: TestApp) => {
    await t.sql.query(
      `INSERT INTO app_user (email, password_hash, role) VALUES ('matrix.target@test.local', 'x', 'manager')`,
    );
    matrixUserId = (
      await t.sql.query(`SELECT id FROM app_user WHERE email = 'matrix.target@test.local'`)
    ).rows[0].id;
  },
  cases: [
    // auth
    {
      route: 'POST /api/auth/login',
      body: { email: 'admin@test.local', password: TEST_PASSWORD },
      expected: s(200, 200, 200, 200, 200),
    },
    { route: 'POST /api/auth/logout', expected: s(204, 204, 204, 204, 204) },
    { route: 'GET /api/auth/me', expected: EVERYONE_SIGNED_IN },
    {
      route: 'GET /api/auth/demo-logins',
      expected: s(404, 404, 404, 404, 404),
      note: 'public, but 404 outside demo mode',
    },
    { route: 'GET /api/health', expected: s(200, 200, 200, 200, 200) },
    // users
    { route: 'GET /api/users', expected: s(401, 200, 403, 403, 403) },
    {
      route: 'POST /api/users',
      body: { email: 'matrix.new@test.local', password: 'long-enough-secret', role: 'hr' },
      expected: ADMIN_ONLY_WRITE(201),
    },
    {
      route: 'PATCH /api/users/:id',
      url: () => `/api/users/${matrixUserId}`,
      body: { role: 'hr' },
      expected: ADMIN_ONLY_WRITE(200),
    },
    {
      route: 'POST /api/users/:id/password',
      url: () => `/api/users/${matrixUserId}/password`,
      body: { password: 'another-long-secret' },
      expected: ADMIN_ONLY_WRITE(204),
    },
    // organisation
    { route: 'GET /api/sites', expected: STAFF_READ },
    {
      route: 'POST /api/sites',
      body: { siteCode: 'MX', name: 'Mexico City', timeZone: 'America/Mexico_City' },
      expected: ADMIN_ONLY_WRITE(201),
    },
    {
      route: 'PUT /api/sites/:siteCode',
      url: '/api/sites/CHI',
      body: {
        siteCode: 'CHI',
        name: 'Chicago',
        timeZone: 'America/Chicago',
        holidays: ['2026-12-25'],
      },
      expected: ADMIN_ONLY_WRITE(200),
    },
    { route: 'GET /api/teams', expected: STAFF_READ },
    {
      route: 'POST /api/teams',
      body: { teamCode: 'MX', name: 'Team MX', siteCode: 'CHI' },
      expected: ADMIN_ONLY_WRITE(201),
    },
    {
      route: 'PUT /api/teams/:teamCode',
      url: '/api/teams/T2',
      body: { teamCode: 'T2', name: 'Team Two', siteCode: 'IST', managerEmail: 'm2@test.local' },
      expected: ADMIN_ONLY_WRITE(200),
    },
    { route: 'GET /api/campaigns', expected: STAFF_READ },
    {
      route: 'POST /api/campaigns',
      body: { campaignCode: 'MX', name: 'Campaign MX', kind: 'retention' },
      expected: ADMIN_ONLY_WRITE(201),
    },
    {
      route: 'PUT /api/campaigns/:campaignCode',
      url: '/api/campaigns/SUP',
      body: { campaignCode: 'SUP', name: 'Support', kind: 'inbound_support', siteCode: 'CHI' },
      expected: ADMIN_ONLY_WRITE(200),
    },
    { route: 'GET /api/agents', expected: STAFF_READ },
    {
      route: 'GET /api/agents/:employeeCode',
      url: '/api/agents/A1',
      expected: EVERYONE_SIGNED_IN,
      note: "A1 is in m1's team and is a1's own record",
    },
    {
      route: 'GET /api/agents/:employeeCode',
      url: '/api/agents/B1',
      expected: s(401, 200, 403, 200, 403),
      note: "B1 is outside m1's team and is not a1",
    },
    {
      route: 'POST /api/agents',
      body: {
        employeeCode: 'MX1',
        fullName: 'Mia Matrix',
        email: 'mx1@test.local',
        teamCode: 'T1',
        title: 'Agent',
        workMode: 'onsite',
        hireDate: '2025-02-03',
        hourlyRateCents: 1600,
      },
      expected: ADMIN_ONLY_WRITE(201),
    },
    {
      route: 'PUT /api/agents/:employeeCode',
      url: '/api/agents/A2',
      body: {
        employeeCode: 'A2',
        fullName: 'Ben Two',
        email: 'a2@test.local',
        teamCode: 'T1',
        title: 'Agent',
        workMode: 'remote',
        hireDate: '2025-03-03',
        hourlyRateCents: 1600,
      },
      expected: ADMIN_ONLY_WRITE(200),
    },
    // imports
    {
      route: 'POST /api/imports/:kind',
      url: '/api/imports/sites',
      contentType: 'text/csv',
      body: 'site_code,name,time_zone\nMXI,Monterrey,America/Monterrey\n',
      expected: s(401, 200, 403, 403, 403),
      note: 'a manager may import shifts and calls only',
    },
    {
      route: 'POST /api/imports/:kind',
      url: '/api/imports/calls',
      contentType: 'text/csv',
      body: `${CALL_HEADER}\nMX-1,A1,SUP,phone,inbound,2026-11-10T09:00:00-06:00,12,300,0,30,resolved\n`,
      expected: s(401, 200, 200, 403, 403),
      note: "the manager's import is a re-import: 200 with the call counted as a duplicate",
    },
    // calls
    {
      route: 'POST /api/calls',
      body: {
        call_id: 'MX-LIVE-1',
        employee_code: 'A1',
        campaign_code: 'SUP',
        channel: 'chat',
        direction: 'inbound',
        started_at: '2026-11-10T10:00:00-06:00',
        queue_seconds: 5,
        talk_seconds: 200,
        hold_seconds: 0,
        wrap_seconds: 20,
        outcome: 'resolved',
      },
      expected: s(401, 200, 200, 403, 403),
    },
    { route: 'GET /api/calls', url: `/api/calls?${RANGE}`, expected: EVERYONE_SIGNED_IN },
    {
      route: 'GET /api/calls/stats',
      url: `/api/calls/stats?${RANGE}&groupBy=day`,
      expected: EVERYONE_SIGNED_IN,
    },
    {
      route: 'GET /api/calls/handle-time',
      url: `/api/calls/handle-time?${RANGE}&groupBy=agent`,
      expected: EVERYONE_SIGNED_IN,
    },
    // staffing
    {
      route: 'GET /api/staffing/erlang-c',
      url: '/api/staffing/erlang-c?calls=120&ahtSeconds=300',
      expected: s(401, 200, 200, 200, 403),
    },
    {
      route: 'GET /api/staffing/erlang-a',
      url: '/api/staffing/erlang-a?calls=120&ahtSeconds=300&patienceSeconds=90',
      expected: s(401, 200, 200, 200, 403),
    },
    {
      route: 'GET /api/staffing/erlang-c/curve',
      url: '/api/staffing/erlang-c/curve?calls=120&ahtSeconds=300',
      expected: s(401, 200, 200, 200, 403),
    },
    {
      route: 'GET /api/staffing/forecast',
      url: '/api/staffing/forecast?campaignCode=SUP',
      expected: s(401, 200, 200, 200, 403),
    },
  ],
};

import { BURNOUT_COMPONENT_NAMES } from '@floorwise/contracts';
import { RoleCases, s } from '../role-matrix';

const STAFF = s(401, 200, 200, 200, 403);
const DEFAULT_WEIGHTS = {
  overtime: 0.15,
  occupancy: 0.15,
  hostile: 0.15,
  recovery: 0.1,
  irregularity: 0.1,
  unsocial: 0.05,
  quota_pressure: 0.1,
  drift: 0.1,
  absence: 0.1,
};

/** The burnout routes: staff read, an agent only their own page, an admin writes. */
export const burnoutRoleCases: RoleCases = {
  cases: [
    { route: 'GET /api/burnout/agents', expected: STAFF },
    {
      route: 'GET /api/burnout/agents/:employeeCode',
      url: '/api/burnout/agents/A1',
      expected: STAFF,
      note: 'agent 403 even for their own code: their page is /api/me/burnout',
    },
    { route: 'GET /api/burnout/team', expected: STAFF },
    { route: 'GET /api/burnout/config', expected: STAFF },
    { route: 'GET /api/burnout/status', expected: STAFF },
    {
      route: 'PUT /api/burnout/config',
      body: {
        config: {
          weights: Object.fromEntries(BURNOUT_COMPONENT_NAMES.map((n) => [n, DEFAULT_WEIGHTS[n]])),
          ramps: {
            overtime: { lo: 0, hi: 40 },
            occupancy: { lo: 0.75, hi: 0.95 },
            hostile: { lo: 0.02, hi: 0.12 },
            recovery: { lo: 0, hi: 6 },
            irregularity_sigma: { lo: 1, hi: 4 },
            irregularity_send_homes: { lo: 0, hi: 3 },
            unsocial: { lo: 0.1, hi: 0.5 },
            quota_pressure: { lo: 0.1, hi: 0.6 },
            drift: { lo: 0, hi: 0.2 },
            absence: { lo: 0, hi: 3 },
          },
          shortRestHours: 11,
          consecutiveDayLimit: 7,
          driftMinCalls: 10,
          driftMinShifts: 2,
          nightStart: 22,
          nightEnd: 6,
          weekendDays: [6, 7],
        },
      },
      expected: s(401, 200, 403, 403, 403),
    },
    {
      route: 'POST /api/burnout/recompute',
      body: {},
      expected: s(401, 200, 403, 403, 403),
    },
    {
      route: 'GET /api/me/burnout',
      expected: s(401, 403, 403, 403, 200),
      note: "only an agent has an own wellbeing page; it never shows anyone else's",
    },
  ],
};

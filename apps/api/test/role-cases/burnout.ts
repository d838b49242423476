import { DEFAULT_BURNOUT_CONFIG } from '@floorwise/analytics';
import { RoleCases, s } from '../role-matrix';

const STAFF = s(401, 200, 200, 200, 403);

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
        // the defaults, as the admin page sends them back unchanged
        config: DEFAULT_BURNOUT_CONFIG,
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

import { RoleCases, s } from '../role-matrix';
import type { TestApp } from '../test-app';

let quotaId = 0;
let endId = 0;

const STAFF_ONLY = s(401, 200, 200, 403, 403);

/** Quotas, the live floor and My day. */
export const quotasRoleCases: RoleCases = {
  setup: async (t: TestApp) => {
    const ids = await t.sql.query<{ id: number }>(`
      INSERT INTO quota (scope, agent_id, metric, period, comparator)
      SELECT 'agent', id, m, 'day', 'at_least' FROM agent, unnest(ARRAY['calls_handled', 'sales']) m
      WHERE employee_code = 'A1' ORDER BY m RETURNING id`);
    [quotaId, endId] = ids.rows.map((r) => r.id);
    await t.sql.query(
      `INSERT INTO quota_version (quota_id, effective_from, target) VALUES ($1, current_date - 1, 40), ($2, current_date - 1, 3)`,
      [quotaId, endId],
    );
  },
  cases: [
    { route: 'GET /api/quotas', expected: STAFF_ONLY },
    { route: 'GET /api/quotas/:id', url: () => `/api/quotas/${quotaId}`, expected: STAFF_ONLY },
    {
      route: 'POST /api/quotas',
      body: { scope: 'team', teamCode: 'T1', metric: 'saves', period: 'week', target: 30 },
      expected: s(401, 201, 409, 403, 403),
      note: "the admin's call creates it; the manager's same definition is then a duplicate (409)",
    },
    {
      route: 'PATCH /api/quotas/:id',
      url: () => `/api/quotas/${quotaId}`,
      body: { target: 45 },
      expected: STAFF_ONLY,
    },
    {
      route: 'DELETE /api/quotas/:id',
      url: () => `/api/quotas/${endId}`,
      expected: s(401, 200, 409, 403, 403),
      note: "the admin's call ends it; the manager then finds nothing in force to end (409)",
    },
    { route: 'GET /api/floor/settings', expected: STAFF_ONLY },
    {
      route: 'PUT /api/floor/settings',
      body: { hostileStreakAlert: 3 },
      expected: s(401, 200, 403, 403, 403),
    },
    { route: 'GET /api/floor', expected: STAFF_ONLY },
    {
      route: 'GET /api/floor/events',
      url: '/api/floor/events?catchUp=true',
      expected: s(401, 200, 200, 403, 200),
      note: "an agent's stream carries only their own row and team totals",
    },
    {
      route: 'POST /api/floor/release',
      body: { employeeCodes: ['A1'] },
      expected: s(401, 409, 409, 403, 403),
      note: 'A1 is not on shift in the matrix database, so nobody can be released (409)',
    },
    { route: 'GET /api/me/day', expected: s(401, 403, 403, 403, 200) },
  ],
};

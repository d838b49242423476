import { RoleCases, s } from '../role-matrix';
import type { TestApp } from '../test-app';

/** hr, admin and managers (their own teams) read turnover; agents never (403). */
const TURNOVER_READ = s(401, 200, 200, 200, 403);

/** The turnover routes (issue 8). */
export const turnoverRoleCases: RoleCases = {
  setup: async (t: TestApp) => {
    // A separation and a day of calls so the what-if has a metric to rank by.
    await t.sql.query(`
      UPDATE agent SET termination_date = '2026-10-15', termination_type = 'voluntary',
        termination_reason = 'better pay' WHERE employee_code = 'A3';
      INSERT INTO call_rollup_day (local_date, campaign_id, agent_id, team_id, answered, handle_seconds)
      SELECT '2026-11-02', (SELECT id FROM campaign WHERE campaign_code = 'SUP'), a.id, a.team_id, 40, 12000
      FROM agent a WHERE a.employee_code IN ('A1', 'A2');`);
  },
  cases: [
    {
      route: 'GET /api/turnover/summary',
      url: '/api/turnover/summary?from=2026-01-01&to=2026-11-30',
      expected: TURNOVER_READ,
    },
    {
      route: 'GET /api/turnover/summary',
      url: '/api/turnover/summary?from=2026-01-01&to=2026-11-30&groupBy=team',
      expected: TURNOVER_READ,
    },
    {
      route: 'GET /api/turnover/retention',
      url: '/api/turnover/retention?asOf=2026-11-30',
      expected: TURNOVER_READ,
    },
    {
      route: 'GET /api/turnover/retention/curves',
      url: '/api/turnover/retention/curves?asOf=2026-11-30',
      expected: TURNOVER_READ,
    },
    {
      route: 'GET /api/turnover/cost',
      url: '/api/turnover/cost?from=2026-01-01&to=2026-11-30',
      expected: TURNOVER_READ,
    },
    { route: 'GET /api/turnover/cost-assumptions', expected: TURNOVER_READ },
    {
      route: 'PUT /api/turnover/cost-assumptions/:siteCode',
      url: '/api/turnover/cost-assumptions/CHI',
      body: { recruitingCents: 200_000, trainingWeeks: 3, rampWeeks: 6, rampProductivity: 0.6 },
      expected: s(401, 200, 403, 200, 403),
      note: 'cost assumptions are edited by hr and admin',
    },
    {
      route: 'GET /api/turnover/drivers',
      url: '/api/turnover/drivers?from=2026-01-01&to=2026-11-30',
      expected: TURNOVER_READ,
    },
    {
      route: 'GET /api/turnover/flight-risk',
      url: '/api/turnover/flight-risk?asOf=2026-11-30',
      expected: TURNOVER_READ,
    },
    {
      route: 'POST /api/turnover/what-if',
      body: {
        metric: 'calls_handled',
        bottomShare: 0.33,
        periods: 4,
        periodMonths: 3,
        asOf: '2026-11-30',
      },
      expected: TURNOVER_READ,
    },
  ],
};

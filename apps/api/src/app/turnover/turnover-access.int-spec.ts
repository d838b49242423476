import {
  FlightRiskDto,
  RetentionCurveDto,
  RetentionCurvesDto,
  TurnoverCostDto,
  TurnoverDriversDto,
  TurnoverSummary,
  WhatIfResultDto,
} from '@floorwise/contracts';
import { wilsonInterval } from '@floorwise/analytics';
import { createTestApp, seedOrg, seedUsers, TestApp } from '../../../test/test-app';

/**
 * Who sees what on every turnover route, and the drivers, cost, what-if and flight-risk figures
 * on a small organisation whose numbers are worked by hand. The cast (seedOrg/seedUsers): T1
 * (Chicago, manager m1) holds A1 A2 A3, T2 (Istanbul, manager m2) holds B1 B2; A3 and B2 leave.
 */

const RANGE = 'from=2026-01-01&to=2026-11-30';
const AS_OF = '2026-11-30';

describe('turnover access and insights', () => {
  let t: TestApp;
  let tokens: Awaited<ReturnType<typeof seedUsers>>;

  const call = (method: 'get' | 'post' | 'put', url: string, token: string, body?: object) => {
    const req = t.http()[method](url).set('Authorization', `Bearer ${token}`);
    return body === undefined ? req : req.send(body);
  };
  const ok = async <T>(url: string, token: string): Promise<T> => {
    const r = await call('get', url, token);
    expect({ url, status: r.status, message: r.body.message }).toEqual({
      url,
      status: 200,
      message: undefined,
    });
    return r.body as T;
  };

  const WHAT_IF = {
    metric: 'calls_handled',
    bottomShare: 1 / 3,
    periods: 1,
    periodMonths: 1,
    asOf: AS_OF,
    assumptions: {
      baseRateCents: 1581,
      contractHours: 40,
      monthlyVoluntaryAttrition: 0,
      monthlyInvoluntaryAttrition: 0,
      recruitingCents: 150_000,
      trainingWeeks: 4,
      rampWeeks: 8,
      rampProductivity: 0.5,
      newHireMetric: 55,
    },
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedOrg(t);
    tokens = await seedUsers(t);
    await t.sql.query(`
      UPDATE agent SET termination_date = '2026-10-15', termination_type = 'voluntary',
        termination_reason = 'Better pay' WHERE employee_code = 'A3';
      UPDATE agent SET termination_date = '2026-09-30', termination_type = 'involuntary',
        termination_reason = 'performance' WHERE employee_code = 'B2';
      -- A1 works six 10-hour days a week through November 2026 (08:00–18:00 Chicago): 20 h
      -- overtime a week
      INSERT INTO shift (shift_code, agent_id, start_at, end_at, local_date, status, actual_start, actual_end)
      SELECT 'S-' || d::date, a.id,
        (d::date + time '08:00') AT TIME ZONE 'America/Chicago',
        (d::date + time '18:00') AT TIME ZONE 'America/Chicago', d::date, 'worked',
        (d::date + time '08:00') AT TIME ZONE 'America/Chicago',
        (d::date + time '18:00') AT TIME ZONE 'America/Chicago'
      FROM agent a, generate_series(date '2026-11-02', date '2026-11-28', interval '1 day') d
      WHERE a.employee_code = 'A1' AND extract(isodow FROM d) <> 7;
      INSERT INTO call_rollup_day (local_date, campaign_id, agent_id, team_id, answered, handle_seconds, hostile)
      SELECT '2026-11-02', (SELECT id FROM campaign WHERE campaign_code = 'SUP'), a.id, a.team_id, v.answered, v.answered * 300, v.hostile
      FROM agent a JOIN (VALUES ('A1', 100, 1), ('A2', 40, 10), ('B1', 70, 3)) AS v(code, answered, hostile)
        ON v.code = a.employee_code;`);
  });
  afterAll(() => t.close());

  describe('an agent', () => {
    it.each([
      ['get', `/api/turnover/summary?${RANGE}`],
      ['get', `/api/turnover/summary?${RANGE}&groupBy=team`],
      ['get', `/api/turnover/retention?asOf=${AS_OF}`],
      ['get', `/api/turnover/retention/curves?asOf=${AS_OF}`],
      ['get', `/api/turnover/cost?${RANGE}`],
      ['get', '/api/turnover/cost-assumptions'],
      ['put', '/api/turnover/cost-assumptions/CHI'],
      ['get', `/api/turnover/drivers?${RANGE}`],
      ['get', `/api/turnover/flight-risk?asOf=${AS_OF}`],
      ['post', '/api/turnover/what-if'],
    ] as const)('gets 403 on %s %s, even for figures of their own team', async (method, url) => {
      for (const token of [tokens.a1, tokens.b1]) {
        const r = await call(method, url, token, method === 'get' ? undefined : WHAT_IF);
        expect(r.status).toBe(403);
        expect(r.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      }
    });
  });

  describe('a manager', () => {
    it("sees only their own teams' agents in every grouping of the summary", async () => {
      const byTeam = await ok<TurnoverSummary>(
        `/api/turnover/summary?${RANGE}&groupBy=team`,
        tokens.m1,
      );
      expect(byTeam.groups.map((g) => g.key)).toEqual(['T1']);
      const bySite = await ok<TurnoverSummary>(
        `/api/turnover/summary?${RANGE}&groupBy=site`,
        tokens.m1,
      );
      expect(bySite.groups.map((g) => g.key)).toEqual(['CHI']);
      // November: A1 A2 in T1 (A3 left 10-15)
      expect(bySite.groups[0].months.at(-1)).toMatchObject({ headcountStart: 2, headcountEnd: 2 });
      const mine = await ok<TurnoverSummary>(`/api/turnover/summary?${RANGE}`, tokens.m2);
      expect(mine.groups[0].months.find((m) => m.month === '2026-09')).toMatchObject({
        headcountStart: 2,
        separations: 1,
        involuntary: 1,
      });
      for (const g of [
        'work_mode',
        'title',
        'hire_cohort',
        'tenure_band',
        'burnout_band',
        'campaign',
      ]) {
        const r = await ok<TurnoverSummary>(
          `/api/turnover/summary?${RANGE}&groupBy=${g}`,
          tokens.m1,
        );
        const jan = r.groups.reduce((s, x) => s + x.months[0].headcountStart, 0);
        expect({ groupBy: g, januaryHeadcount: jan }).toEqual({ groupBy: g, januaryHeadcount: 3 });
      }
    });

    it('sees the organisation-wide rates ungrouped with scope=org, and no breakdown of them', async () => {
      const org = await ok<TurnoverSummary>(`/api/turnover/summary?${RANGE}&scope=org`, tokens.m1);
      expect(org.groups).toHaveLength(1);
      expect(org.groups[0].months[0]).toMatchObject({ headcountStart: 5 });
      expect(org.groups[0].trailing12.separations).toBe(2);
      const grouped = await call(
        'get',
        `/api/turnover/summary?${RANGE}&scope=org&groupBy=team`,
        tokens.m1,
      );
      expect(grouped.status).toBe(403);
      expect(grouped.body.message).toContain('only as one ungrouped figure');
      const curve = await ok<RetentionCurveDto>(
        `/api/turnover/retention?asOf=${AS_OF}&scope=org`,
        tokens.m1,
      );
      expect(curve.points[0].atRisk).toBe(5);
      const filtered = await call(
        'get',
        `/api/turnover/retention?scope=org&teamCode=T2`,
        tokens.m1,
      );
      expect(filtered.status).toBe(403);
    });

    it("is refused another team's curve, drivers, flight risk and what-if", async () => {
      for (const [method, url] of [
        ['get', `/api/turnover/retention?teamCode=T2&asOf=${AS_OF}`],
        ['get', `/api/turnover/drivers?${RANGE}&teamCode=T2`],
        ['get', `/api/turnover/flight-risk?asOf=${AS_OF}&teamCode=T2`],
        ['post', '/api/turnover/what-if'],
      ] as const) {
        const r = await call(
          method,
          url,
          tokens.m1,
          method === 'post' ? { ...WHAT_IF, teamCode: 'T2' } : undefined,
        );
        expect({ url, status: r.status }).toEqual({ url, status: 403 });
        expect(r.body.message).toBe('Team T2 is not one of your teams');
      }
      const put = await call('put', '/api/turnover/cost-assumptions/CHI', tokens.m1, {
        recruitingCents: 1,
        trainingWeeks: 1,
        rampWeeks: 1,
        rampProductivity: 1,
      });
      expect(put.status).toBe(403);
    });

    it('gets lists and figures computed over their own teams only', async () => {
      const curve = await ok<RetentionCurveDto>(`/api/turnover/retention?asOf=${AS_OF}`, tokens.m1);
      expect(curve.points[0].atRisk).toBe(3);
      const curves = await ok<RetentionCurvesDto>(
        `/api/turnover/retention/curves?asOf=${AS_OF}&groupBy=team`,
        tokens.m1,
      );
      expect(curves.groups.map((g) => [g.key, g.agents])).toEqual([['T1', 3]]);
      const drivers = await ok<TurnoverDriversDto>(`/api/turnover/drivers?${RANGE}`, tokens.m1);
      expect([drivers.agents, drivers.separations]).toEqual([3, 1]);
      expect(drivers.reasons.map((r) => r.reason)).toEqual(['Better pay']);
      const risk = await ok<FlightRiskDto>(`/api/turnover/flight-risk?asOf=${AS_OF}`, tokens.m1);
      expect(risk.rows.map((r) => r.employeeCode).sort()).toEqual(['A1', 'A2']);
      const cost = await ok<TurnoverCostDto>(`/api/turnover/cost?${RANGE}`, tokens.m1);
      expect(cost.total.separations).toBe(1);
      const whatIf = await call('post', '/api/turnover/what-if', tokens.m1, WHAT_IF);
      expect(whatIf.status).toBe(200);
      expect((whatIf.body as WhatIfResultDto).roster).toBe(2);
    });
  });

  describe('hr', () => {
    it('sees every team, site and agent', async () => {
      const byTeam = await ok<TurnoverSummary>(
        `/api/turnover/summary?${RANGE}&groupBy=team`,
        tokens.hr,
      );
      expect(byTeam.groups.map((g) => g.key)).toEqual(['T1', 'T2']);
      const risk = await ok<FlightRiskDto>(`/api/turnover/flight-risk?asOf=${AS_OF}`, tokens.hr);
      expect(risk.rows.map((r) => r.employeeCode).sort()).toEqual(['A1', 'A2', 'B1']);
      expect(risk.activeAgents).toBe(3);
      expect(risk.rows.map((r) => r.rank)).toEqual([1, 2, 3]);
      for (const row of risk.rows) {
        expect(row.reasons[0]).toMatch(/^tenure \d+ days: /);
        expect(row.probability === null || (row.probability >= 0 && row.probability <= 0.99)).toBe(
          true,
        );
      }
    });

    it('measures the drivers by hand: overtime, hostile share, burnout band, with Wilson intervals', async () => {
      const d = await ok<TurnoverDriversDto>(`/api/turnover/drivers?${RANGE}`, tokens.hr);
      expect([d.agents, d.separations, d.windowDays]).toEqual([5, 2, 90]);
      expect(d.overall.ci).toEqual(wilsonInterval(2, 5));
      const bands = (name: string) =>
        Object.fromEntries(
          (d.drivers.find((x) => x.driver === name)?.bands ?? []).map((b) => [
            b.band,
            [b.agents, b.separations],
          ]),
        );
      // A1: 80 h overtime over a 90-day window (12.9 weeks) = 6.2 h/week; nobody else has shifts
      expect(bands('overtime')).toEqual({
        none: [0, 0],
        '< 2 h/week': [0, 0],
        '2–5 h/week': [0, 0],
        '≥ 5 h/week': [1, 0],
        'no data': [4, 2],
      });
      // A1 1 %, B1 3/70 = 4.3 %, A2 25 %; A3 and B2 had no calls
      expect(bands('hostile')).toEqual({
        '< 2 %': [1, 0],
        '2–5 %': [1, 0],
        '5–10 %': [0, 0],
        '≥ 10 %': [1, 0],
        'no data': [2, 2],
      });
      const noData = d.drivers
        .find((x) => x.driver === 'hostile')
        ?.bands.find((b) => b.band === 'no data');
      expect(noData?.ci).toEqual(wilsonInterval(2, 2));
      const burnout = bands('burnout');
      expect(burnout['no data']).toEqual([4, 2]); // only A1 worked in the 28 days before their last day
      expect(d.reasons).toEqual([
        { reason: 'Better pay', separations: 1, voluntary: 1, involuntary: 0, share: 0.5 },
        { reason: 'performance', separations: 1, voluntary: 0, involuntary: 1, share: 0.5 },
      ]);
    });

    it('costs each separation at its own pay and its site’s assumptions', async () => {
      const put = await call('put', '/api/turnover/cost-assumptions/CHI', tokens.hr, {
        recruitingCents: 200_000,
        trainingWeeks: 3,
        rampWeeks: 6,
        rampProductivity: 0.6,
      });
      expect(put.status).toBe(200);
      const { rows } = await t.sql.query(
        `SELECT action, entity_key FROM audit_log WHERE action = 'turnover_cost.update'`,
      );
      expect(rows).toEqual([{ action: 'turnover_cost.update', entity_key: 'CHI' }]);
      const cost = await ok<TurnoverCostDto>(`/api/turnover/cost?${RANGE}&groupBy=site`, tokens.hr);
      // A3 (Chicago, $13.52, 30 h): 200,000 + 3 × 30 × 1352 + 0.4 × 6 × 30 × 1352
      // B2 (Istanbul, defaults, $26.12, 40 h): 150,000 + 4 × 40 × 2612 + 0.5 × 8 × 40 × 2612
      expect(cost.groups).toEqual([
        {
          key: 'CHI',
          separations: 1,
          recruitingCents: 200_000,
          trainingCents: 121_680,
          rampLossCents: 97_344,
          totalCents: 419_024,
          perSeparationCents: 419_024,
        },
        {
          key: 'IST',
          separations: 1,
          recruitingCents: 150_000,
          trainingCents: 417_920,
          rampLossCents: 417_920,
          totalCents: 985_840,
          perSeparationCents: 985_840,
        },
      ]);
      expect(cost.total.totalCents).toBe(419_024 + 985_840);
      expect(cost.assumptions.find((a) => a.siteCode === 'IST')).toMatchObject({
        customised: false,
        recruitingCents: 150_000,
      });
      const bad = await call('put', '/api/turnover/cost-assumptions/NOPE', tokens.hr, {
        recruitingCents: 1,
        trainingWeeks: 1,
        rampWeeks: 1,
        rampProductivity: 0.5,
      });
      expect(bad.status).toBe(404);
      const invalid = await call('put', '/api/turnover/cost-assumptions/CHI', tokens.hr, {
        recruitingCents: -1,
        trainingWeeks: 1,
        rampWeeks: 1,
        rampProductivity: 2,
      });
      expect(invalid.status).toBe(400);
      expect(invalid.body.message).toContain('rampProductivity must not be greater than 1');
    });

    it('runs the bottom-third what-if on the active roster against the current trend', async () => {
      const r = await call('post', '/api/turnover/what-if', tokens.hr, WHAT_IF);
      expect(r.status).toBe(200);
      const w = r.body as WhatIfResultDto;
      // active on 2026-11-30: A1 (100 calls), A2 (40), B1 (70); the bottom third is A2
      expect([w.roster, w.agentsWithoutMetric, w.metricFrom, w.metricTo]).toEqual([
        3,
        0,
        '2026-09-02',
        AS_OF,
      ]);
      const [p] = w.policy.periods;
      expect([p.involuntarySeparations, p.replacementHires, p.headcount]).toEqual([1, 1, 3]);
      expect(p.meanMetric).toBeCloseTo((100 + 70 + 55) / 3, 9);
      expect(p.costCents).toBe(655_920);
      expect(w.baseline.periods[0].separations).toBe(0);
      // the measured trend: one voluntary and one involuntary exit over 12 months whose average
      // headcounts sum to 56.5 (ten months of 5, October 3.5, November 3)
      expect(w.measured.monthlyVoluntaryAttrition).toBeCloseTo(1 / 56.5, 12);
      expect(w.measured.monthlyInvoluntaryAttrition).toBeCloseTo(1 / 56.5, 12);
      expect(w.measured.baseRateCents).toBe(Math.round((1581 + 1600 + 1700) / 3));
      expect(w.assumptions.monthlyVoluntaryAttrition).toBe(0); // the request's override wins
      const measured = await call('post', '/api/turnover/what-if', tokens.hr, {
        ...WHAT_IF,
        assumptions: undefined,
      });
      expect((measured.body as WhatIfResultDto).assumptions.monthlyVoluntaryAttrition).toBeCloseTo(
        1 / 56.5,
        12,
      );
      const aht = await call('post', '/api/turnover/what-if', tokens.hr, {
        ...WHAT_IF,
        metric: 'aht_seconds',
      });
      expect((aht.body as WhatIfResultDto).metricDirection).toBe('lower_is_better');
    });
  });
});

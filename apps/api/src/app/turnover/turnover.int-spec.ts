import type { RetentionCurveDto, TurnoverSummary } from '@floorwise/contracts';
import { createTestApp, seedOrg, seedUsers, TestApp } from '../../../test/test-app';
import { HR_SITES_CSV, HR_TEAMS_CSV, HrRow, hrExport, toHrCsv } from './__fixtures__/hr-export';

/**
 * The figures of GET /api/turnover/summary and /retention on an HR-export-shaped agents file,
 * imported through POST /api/imports/agents, against a second implementation written here from
 * metrics.md §6 alone (plain filters over epoch days; nothing shared with libs/analytics).
 */

// ------------------------------------------------------------------ the reference

const DAY = 86_400_000;
const dayOf = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / DAY;

interface Ref {
  hire: number;
  term: number | null;
  type: string;
  team: string;
  site: string;
  mode: string;
  title: string;
}

function toRef(rows: readonly HrRow[], siteOf: Record<string, string>): Ref[] {
  return rows.map((r) => ({
    hire: dayOf(r.hire_date),
    term: r.termination_date === '' ? null : dayOf(r.termination_date),
    type: r.termination_type,
    team: r.team_code,
    site: siteOf[r.team_code],
    mode: r.work_mode,
    title: r.title,
  }));
}

/** employed on d: hire ≤ d ≤ termination (the last day employed), or no termination */
const employedOn = (r: Ref, d: number) => r.hire <= d && (r.term === null || d <= r.term);

function refMonth(rows: readonly Ref[], year: number, month0: number) {
  const first = Date.UTC(year, month0, 1) / DAY;
  const last = Date.UTC(year, month0 + 1, 0) / DAY;
  const headcountStart = rows.filter((r) => employedOn(r, first)).length;
  const headcountEnd = rows.filter((r) => employedOn(r, last)).length;
  const gone = rows.filter((r) => r.term !== null && r.term >= first && r.term <= last);
  const average = (headcountStart + headcountEnd) / 2;
  return {
    month: `${year}-${String(month0 + 1).padStart(2, '0')}`,
    headcountStart,
    headcountEnd,
    separations: gone.length,
    voluntary: gone.filter((r) => r.type === 'voluntary').length,
    involuntary: gone.filter((r) => r.type === 'involuntary').length,
    rate: average === 0 ? null : gone.length / average,
  };
}

function refMonths(rows: readonly Ref[], from: string, to: string) {
  const out = [];
  let y = +from.slice(0, 4);
  let m = +from.slice(5, 7) - 1;
  while (y * 12 + m <= +to.slice(0, 4) * 12 + +to.slice(5, 7) - 1) {
    out.push(refMonth(rows, y, m));
    m++;
    if (m === 12) {
      m = 0;
      y++;
    }
  }
  return out;
}

function refTrailing12(rows: readonly Ref[], to: string) {
  let separations = 0;
  let sumOfAverages = 0;
  for (let k = 11; k >= 0; k--) {
    const total = +to.slice(0, 4) * 12 + +to.slice(5, 7) - 1 - k;
    const m = refMonth(rows, Math.floor(total / 12), total % 12);
    separations += m.separations;
    sumOfAverages += (m.headcountStart + m.headcountEnd) / 2;
  }
  return { separations, rate: sumOfAverages === 0 ? null : separations / (sumOfAverages / 12) };
}

function refEarly90(rows: readonly Ref[], from: string, to: string, asOf: string) {
  const cohort = rows.filter(
    (r) => r.hire >= dayOf(from) && r.hire <= dayOf(to) && r.hire + 90 <= dayOf(asOf),
  );
  const separated = cohort.filter((r) => r.term !== null && r.term - r.hire < 90).length;
  return {
    cohortSize: cohort.length,
    separated,
    rate: cohort.length === 0 ? null : separated / cohort.length,
  };
}

function refKaplanMeier(rows: readonly Ref[], asOf: string) {
  const a = dayOf(asOf);
  const people = rows
    .filter((r) => r.hire <= a)
    .map((r) => {
      const event = r.term !== null && r.term <= a;
      return { duration: (event ? (r.term as number) : a) - r.hire, event };
    });
  const times = [...new Set(people.filter((p) => p.event).map((p) => p.duration))].sort(
    (x, y) => x - y,
  );
  let s = 1;
  const points = times.map((t) => {
    const atRisk = people.filter((p) => p.duration >= t).length;
    const events = people.filter((p) => p.event && p.duration === t).length;
    s = s * (1 - events / atRisk);
    return { day: t, survival: s, atRisk, events };
  });
  if (times[0] !== 0) {
    points.unshift({ day: 0, survival: 1, atRisk: people.length, events: 0 });
  }
  const median = points.find((p) => p.events > 0 && p.survival <= 0.5 + 1e-9)?.day ?? null;
  return { points, medianTenureDays: median };
}

// ------------------------------------------------------------------ comparing

function expectSameMonths(
  actual: TurnoverSummary['groups'][number]['months'],
  expected: ReturnType<typeof refMonths>,
) {
  expect(actual.map((m) => m.month)).toEqual(expected.map((m) => m.month));
  actual.forEach((m, i) => {
    const e = expected[i];
    expect({
      month: m.month,
      counts: [m.headcountStart, m.headcountEnd, m.separations, m.voluntary, m.involuntary],
    }).toEqual({
      month: e.month,
      counts: [e.headcountStart, e.headcountEnd, e.separations, e.voluntary, e.involuntary],
    });
    if (e.rate === null) {
      expect(m.rate).toBeNull();
    } else {
      expect(m.rate).toBeCloseTo(e.rate, 12);
    }
  });
}

function expectSameRate(actual: number | null, expected: number | null) {
  if (expected === null) {
    expect(actual).toBeNull();
  } else {
    expect(actual).toBeCloseTo(expected, 12);
  }
}

function expectSameCurve(actual: RetentionCurveDto, expected: ReturnType<typeof refKaplanMeier>) {
  expect(actual.points.map((p) => [p.day, p.atRisk, p.events])).toEqual(
    expected.points.map((p) => [p.day, p.atRisk, p.events]),
  );
  actual.points.forEach((p, i) => expect(p.survival).toBeCloseTo(expected.points[i].survival, 12));
  expect(actual.medianTenureDays).toBe(expected.medianTenureDays);
}

// ------------------------------------------------------------------ the tests

describe('turnover figures on an HR export, against an independent implementation', () => {
  let t: TestApp;
  let tokens: Awaited<ReturnType<typeof seedUsers>>;
  const rows = hrExport();
  const siteOf = { 'HR-SUP-1': 'CLT', 'HR-SUP-2': 'CLT', 'HR-SAL-1': 'MNL', 'HR-RET-1': 'MNL' };
  const ref = toRef(rows, siteOf);
  const get = async <T>(url: string, token = tokens.hr): Promise<T> => {
    const r = await t.http().get(url).set('Authorization', `Bearer ${token}`);
    expect({ url, status: r.status }).toEqual({ url, status: 200 });
    return r.body as T;
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedOrg(t);
    tokens = await seedUsers(t);
    for (const [kind, body] of [
      ['sites', HR_SITES_CSV],
      ['teams', HR_TEAMS_CSV],
      ['agents', toHrCsv(rows)],
    ] as const) {
      const r = await t
        .http()
        .post(`/api/imports/${kind}`)
        .set('Authorization', `Bearer ${tokens.admin}`)
        .set('Content-Type', 'text/csv')
        .send(body);
      expect({ kind, status: r.status, body: r.body }).toMatchObject({ kind, status: 200 });
    }
    // seedOrg's five agents belong to other teams; the comparisons below read only the export's.
    await t.sql.query(
      `DELETE FROM app_user WHERE agent_id IS NOT NULL; DELETE FROM agent WHERE employee_code !~ '^[0-9]+$'`,
    );
  });
  afterAll(() => t.close());

  it('imported every row of the export as written, free-text reasons included', async () => {
    const { rows: stored } = await t.sql.query(
      `SELECT employee_code, full_name, termination_reason, termination_date::text AS t FROM agent ORDER BY employee_code`,
    );
    expect(stored).toHaveLength(rows.length);
    const byCode = new Map(stored.map((s) => [s.employee_code, s]));
    for (const r of rows) {
      const s = byCode.get(r.employee_code);
      expect([s.full_name, s.termination_reason ?? '', s.t ?? '']).toEqual([
        r.full_name,
        r.termination_reason,
        r.termination_date,
      ]);
    }
    // the edge cases are really in the file
    expect(rows.some((r) => r.termination_date !== '' && r.termination_date === r.hire_date)).toBe(
      true,
    );
    expect(rows.some((r) => r.termination_date.endsWith('-01'))).toBe(true);
    expect(rows.some((r) => /-(31|30|29|28)$/.test(r.termination_date))).toBe(true);
    expect(rows.some((r) => r.termination_reason.includes('\n'))).toBe(true);
    expect(rows.some((r) => r.termination_date > '2025-11-30')).toBe(true);
    expect(rows.filter((r) => r.termination_date !== '').length).toBeGreaterThan(200);
  });

  it('gives every month of six years, trailing-12 and 90-day attrition as the reference', async () => {
    const from = '2020-01-01';
    const to = '2025-11-30';
    const { groups } = await get<TurnoverSummary>(`/api/turnover/summary?from=${from}&to=${to}`);
    expect(groups.map((g) => g.key)).toEqual(['all']);
    const [all] = groups;
    expect(all.months).toHaveLength(71);
    expectSameMonths(all.months, refMonths(ref, from, to));
    const trailing = refTrailing12(ref, to);
    expect(all.trailing12.separations).toBe(trailing.separations);
    expectSameRate(all.trailing12.rate, trailing.rate);
    expect(all.earlyAttrition90).toMatchObject(refEarly90(ref, from, to, to));
    expectSameRate(all.earlyAttrition90.rate, refEarly90(ref, from, to, to).rate);
  });

  it('takes whole months for a range that cuts months, and the 90-day cohort as of asOf', async () => {
    const { groups } = await get<TurnoverSummary>(
      '/api/turnover/summary?from=2024-02-10&to=2024-05-20&asOf=2025-06-30',
    );
    expectSameMonths(groups[0].months, refMonths(ref, '2024-02-01', '2024-05-31'));
    const early = refEarly90(ref, '2024-02-10', '2024-05-20', '2025-06-30');
    expect(groups[0].earlyAttrition90).toMatchObject({
      cohortSize: early.cohortSize,
      separated: early.separated,
    });
    expect(early.cohortSize).toBeGreaterThan(0);
  });

  it.each([
    ['team', (r: Ref) => r.team],
    ['site', (r: Ref) => r.site],
    ['work_mode', (r: Ref) => r.mode],
    ['title', (r: Ref) => r.title],
  ] as const)('groups by %s with each group computed on its members', async (groupBy, keyOf) => {
    const from = '2024-01-01';
    const to = '2025-06-30';
    const { groups } = await get<TurnoverSummary>(
      `/api/turnover/summary?from=${from}&to=${to}&groupBy=${groupBy}`,
    );
    const keys = [...new Set(ref.filter((r) => r.hire <= dayOf(to)).map(keyOf))].sort();
    expect(groups.map((g) => g.key).sort()).toEqual(keys);
    for (const g of groups) {
      const members = ref.filter((r) => keyOf(r) === g.key);
      expectSameMonths(g.months, refMonths(members, from, to));
      expect(g.trailing12.separations).toBe(refTrailing12(members, to).separations);
      expectSameRate(g.trailing12.rate, refTrailing12(members, to).rate);
      expect(g.earlyAttrition90).toMatchObject(refEarly90(members, from, to, to));
    }
  });

  it.each([
    ['the whole history', '?asOf=2025-11-30', () => true, '2025-11-30'],
    ['an earlier as-of date (later exits censored)', '?asOf=2023-06-30', () => true, '2023-06-30'],
    [
      'the 2022 hires',
      '?hiredFrom=2022-01-01&hiredTo=2022-12-31&asOf=2025-11-30',
      (r: Ref) => r.hire >= dayOf('2022-01-01') && r.hire <= dayOf('2022-12-31'),
      '2025-11-30',
    ],
    [
      'one team',
      '?teamCode=HR-SUP-1&asOf=2025-11-30',
      (r: Ref) => r.team === 'HR-SUP-1',
      '2025-11-30',
    ],
    ['one site', '?siteCode=MNL&asOf=2025-11-30', (r: Ref) => r.site === 'MNL', '2025-11-30'],
    [
      'one work mode',
      '?workMode=remote&asOf=2025-11-30',
      (r: Ref) => r.mode === 'remote',
      '2025-11-30',
    ],
  ] as const)(
    'gives the Kaplan–Meier curve of %s point by point',
    async (_name, query, keep, asOf) => {
      const curve = await get<RetentionCurveDto>(`/api/turnover/retention${query}`);
      const expected = refKaplanMeier(ref.filter(keep), asOf);
      expect(expected.points.length).toBeGreaterThan(5);
      expectSameCurve(curve, expected);
    },
  );

  it('gives one curve per hire year, each the reference curve of that cohort', async () => {
    const body = await get<{ groups: (RetentionCurveDto & { key: string; agents: number })[] }>(
      '/api/turnover/retention/curves?groupBy=hire_cohort&cohort=year&asOf=2025-11-30',
    );
    expect(body.groups.map((g) => g.key)).toEqual([
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
    ]);
    for (const g of body.groups) {
      const members = ref.filter((r) => new Date(r.hire * DAY).getUTCFullYear() === Number(g.key));
      expect(g.agents).toBe(members.length);
      expectSameCurve(g, refKaplanMeier(members, '2025-11-30'));
    }
  });
});

describe('the headcount boundary: a termination date is the last day employed', () => {
  let t: TestApp;
  let tokens: Awaited<ReturnType<typeof seedUsers>>;

  beforeAll(async () => {
    t = await createTestApp();
    await seedOrg(t);
    tokens = await seedUsers(t);
    const csv =
      'employee_code,full_name,email,team_code,title,work_mode,hire_date,termination_date,termination_type,termination_reason,hourly_rate\n' +
      'E1,"Doe, Jane",e1@x.test,T2,Agent,onsite,2025-01-01,2025-01-31,voluntary,"left on the month\'s last day",15\n' +
      'E2,Ann Same,e2@x.test,T2,Agent,onsite,2025-02-01,2025-02-01,involuntary,no-call no-show,15\n' +
      'E3,Bo First,e3@x.test,T2,Agent,onsite,2024-06-01,2025-03-01,voluntary,,15\n' +
      'E4,Cy Stay,e4@x.test,T2,Agent,onsite,2025-03-31,,,,15\n';
    const r = await t
      .http()
      .post('/api/imports/agents')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(r.status).toBe(200);
    await t.sql.query(
      `UPDATE agent SET hire_date = '2020-01-01' WHERE employee_code IN ('B1','B2')`,
    );
  });
  afterAll(() => t.close());

  it('counts an exit on the last day in the ending headcount and as a separation of that month', async () => {
    const r = await t
      .http()
      .get('/api/turnover/summary?from=2025-01-01&to=2025-04-30&groupBy=team')
      .set('Authorization', `Bearer ${tokens.hr}`);
    const t2 = (r.body as TurnoverSummary).groups.find((g) => g.key === 'T2');
    expect(
      t2?.months.map((m) => [m.month, m.headcountStart, m.headcountEnd, m.separations]),
    ).toEqual([
      // B1 B2 E3 on 01-01, plus E1 hired that day; E1's last day is 01-31 → still counted
      ['2025-01', 4, 4, 1],
      // 02-01: E1 gone; E2 hired and gone that day counts in the start; 02-28: B1 B2 E3
      ['2025-02', 4, 3, 1],
      // 03-01: E3's last day, still employed; 03-31: E4's first day, employed
      ['2025-03', 3, 3, 1],
      ['2025-04', 3, 3, 0],
    ]);
    expect(t2?.months[0].rate).toBeCloseTo(1 / 4, 12);
    expect(t2?.months[1]).toMatchObject({ voluntary: 0, involuntary: 1 });
  });

  it('makes a same-day hire and exit a day-0 event of the retention curve', async () => {
    const r = await t
      .http()
      .get('/api/turnover/retention?teamCode=T2&asOf=2025-04-30')
      .set('Authorization', `Bearer ${tokens.hr}`);
    const body = r.body as RetentionCurveDto;
    expect(body.points[0]).toEqual({ day: 0, survival: 5 / 6, atRisk: 6, events: 1 });
    expect(body.points.map((p) => p.day)).toEqual([0, 30, 273]); // E2, E1 (01-01→01-31), E3
  });
});

describe('bad turnover parameters', () => {
  let t: TestApp;
  let tokens: Awaited<ReturnType<typeof seedUsers>>;

  beforeAll(async () => {
    t = await createTestApp();
    await seedOrg(t);
    tokens = await seedUsers(t);
  });
  afterAll(() => t.close());

  it.each([
    ['/api/turnover/summary?from=2025-01-01&to=2025-02-30', 'to must be a local date'],
    [
      '/api/turnover/summary?from=2025-03-01&to=2025-02-01',
      'from (2025-03-01) must not be after to (2025-02-01)',
    ],
    ['/api/turnover/summary?groupBy=agent', 'groupBy must be one of site, team, campaign'],
    ['/api/turnover/summary?from=2000-01-01&to=2025-01-31', 'at most 120 are allowed'],
    ['/api/turnover/summary?bogus=1', 'property bogus should not exist'],
    ['/api/turnover/retention?asOf=yesterday', 'asOf must be a local date'],
    [
      '/api/turnover/retention?hiredFrom=2025-02-01&hiredTo=2025-01-01',
      'hiredFrom (2025-02-01) must not be after hiredTo',
    ],
    ['/api/turnover/retention?siteCode=NOPE', 'siteCode NOPE is not a known site'],
    ['/api/turnover/retention?workMode=office', 'workMode must be one of onsite, remote, hybrid'],
    ['/api/turnover/drivers?teamCode=NOPE', 'teamCode NOPE is not a known team'],
    ['/api/turnover/flight-risk?limit=0', 'limit must not be less than 1'],
  ])('answers 400 naming the problem for %s', async (url, message) => {
    const r = await t.http().get(url).set('Authorization', `Bearer ${tokens.hr}`);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(r.body.message).toContain(message);
  });

  it('imports free-text termination reasons up to 2,000 characters, also on a row still employed', async () => {
    const header =
      'employee_code,full_name,email,team_code,title,work_mode,hire_date,termination_date,termination_type,termination_reason,hourly_rate\n';
    const long = 'x'.repeat(2000);
    const ok = await t
      .http()
      .post('/api/imports/agents')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .set('Content-Type', 'text/csv')
      .send(
        header +
          `R1,"O'Hare, Lynn",r1@x.test,T1,Agent,onsite,2025-01-01,2025-03-31,voluntary,"${long}",15\n` +
          'R2,Ann Active,r2@x.test,T1,Agent,onsite,2025-01-01,,,N/A - still employed,15\n',
      );
    expect(ok.status).toBe(200);
    const tooLong = await t
      .http()
      .post('/api/imports/agents')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .set('Content-Type', 'text/csv')
      .send(header + `R3,Bo Long,r3@x.test,T1,Agent,onsite,2025-01-01,2025-03-31,,"${long}y",15\n`);
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.errors).toEqual([
      {
        line: 2,
        field: 'termination_reason',
        message: 'termination_reason is longer than 2000 characters',
      },
    ]);
    const typeOnly = await t
      .http()
      .post('/api/imports/agents')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .set('Content-Type', 'text/csv')
      .send(header + 'R4,Cy Type,r4@x.test,T1,Agent,onsite,2025-01-01,,voluntary,,15\n');
    expect(typeOnly.status).toBe(422);
    expect(typeOnly.body.errors[0]).toMatchObject({ field: 'termination_type' });
    await t.sql.query(`DELETE FROM agent WHERE employee_code IN ('R1', 'R2')`);
  });

  it('rejects a what-if with bad numbers, naming each', async () => {
    const r = await t
      .http()
      .post('/api/turnover/what-if')
      .set('Authorization', `Bearer ${tokens.hr}`)
      .send({ metric: 'height', bottomShare: 1.5, periods: 0, periodMonths: 3 });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('metric must be one of');
    expect(r.body.message).toContain('bottomShare must not be greater than 0.9');
    expect(r.body.message).toContain('periods must not be less than 1');
  });

  it('gives one `all` group of zeros when nobody is in scope, and an empty list when grouped', async () => {
    await t.sql.query(`DELETE FROM app_user WHERE agent_id IS NOT NULL; DELETE FROM agent`);
    const one = await t
      .http()
      .get('/api/turnover/summary?from=2025-01-01&to=2025-01-31')
      .set('Authorization', `Bearer ${tokens.hr}`);
    expect(one.body).toEqual({
      groups: [
        {
          key: 'all',
          months: [
            {
              month: '2025-01',
              headcountStart: 0,
              headcountEnd: 0,
              separations: 0,
              voluntary: 0,
              involuntary: 0,
              rate: null,
            },
          ],
          trailing12: { separations: 0, rate: null },
          earlyAttrition90: { cohortSize: 0, separated: 0, rate: null },
        },
      ],
    });
    const grouped = await t
      .http()
      .get('/api/turnover/summary?from=2025-01-01&to=2025-01-31&groupBy=site')
      .set('Authorization', `Bearer ${tokens.hr}`);
    expect(grouped.body).toEqual({ groups: [] });
  });
});

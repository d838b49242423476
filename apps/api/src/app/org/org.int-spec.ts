import type { AgentInput } from '@floorwise/contracts';
import { createTestApp, seedOrg, seedUsers, TestApp } from '../../../test/test-app';

type Tokens = Awaited<ReturnType<typeof seedUsers>>;

/** A valid agent body; overrides change what a test cares about. */
function agentBody(overrides: Partial<AgentInput> = {}): AgentInput {
  return {
    employeeCode: 'N1',
    fullName: 'Nora New',
    email: 'n1@test.local',
    teamCode: 'T1',
    title: 'Agent',
    workMode: 'remote',
    hireDate: '2025-10-01',
    hourlyRateCents: 1725,
    contractHours: 32,
    ...overrides,
  };
}

describe('organisation API', () => {
  let t: TestApp;
  let tok: Tokens;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp();
    await seedOrg(t);
    tok = await seedUsers(t);
  });
  afterAll(() => t.close());

  const count = async (table: string): Promise<number> =>
    Number((await t.sql.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);

  describe('sites', () => {
    it('creates, edits and lists a site', async () => {
      const created = await t
        .http()
        .post('/api/sites')
        .set(as(tok.admin))
        .send({
          siteCode: 'MNL',
          name: 'Manila',
          timeZone: 'Asia/Manila',
          holidays: ['2026-12-30', '2026-06-12'],
        });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        siteCode: 'MNL',
        name: 'Manila',
        timeZone: 'Asia/Manila',
        holidays: ['2026-06-12', '2026-12-30'],
        teamCount: 0,
        activeAgentCount: 0,
      });

      const edited = await t
        .http()
        .put('/api/sites/MNL')
        .set(as(tok.admin))
        .send({ siteCode: 'MNL', name: 'Manila North', timeZone: 'Asia/Manila' });
      expect(edited.status).toBe(200);
      expect(edited.body).toEqual(expect.objectContaining({ name: 'Manila North', holidays: [] }));

      const list = await t.http().get('/api/sites').set(as(tok.m1));
      expect(list.status).toBe(200);
      expect(list.body.map((s: { siteCode: string }) => s.siteCode)).toEqual(['CHI', 'IST', 'MNL']);
      expect(list.body[0]).toEqual({
        siteCode: 'CHI',
        name: 'Chicago',
        timeZone: 'America/Chicago',
        holidays: ['2026-12-25'],
        teamCount: 1,
        activeAgentCount: 3,
      });
    });

    it('answers 409 to a duplicate site code and writes no second row', async () => {
      const before = await count('site');
      const r = await t
        .http()
        .post('/api/sites')
        .set(as(tok.admin))
        .send({ siteCode: 'CHI', name: 'Chicago again', timeZone: 'America/Chicago' });
      expect(r.status).toBe(409);
      expect(r.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: 'Site CHI already exists',
      });
      expect(await count('site')).toBe(before);
    });

    it('rejects a time zone that is not IANA with 400 naming timeZone', async () => {
      const r = await t
        .http()
        .post('/api/sites')
        .set(as(tok.admin))
        .send({ siteCode: 'XX', name: 'Nowhere', timeZone: 'Mars/Olympus' });
      expect(r.status).toBe(400);
      expect(r.body.message).toMatch(/timeZone/);
    });

    it('rejects a holiday that does not exist with 400 naming holidays', async () => {
      const r = await t
        .http()
        .post('/api/sites')
        .set(as(tok.admin))
        .send({ siteCode: 'XX', name: 'Nowhere', timeZone: 'UTC', holidays: ['2026-02-30'] });
      expect(r.status).toBe(400);
      expect(r.body.message).toMatch(/holidays/);
    });

    it('rejects holidays that are not a list with 400 naming holidays', async () => {
      const r = await t
        .http()
        .post('/api/sites')
        .set(as(tok.admin))
        .send({ siteCode: 'XX', name: 'Nowhere', timeZone: 'UTC', holidays: '2026-12-25' });
      expect(r.status).toBe(400);
      expect(r.body.message).toMatch(/holidays/);
    });

    it('answers 404 when editing a site that does not exist', async () => {
      const r = await t
        .http()
        .put('/api/sites/NOPE')
        .set(as(tok.admin))
        .send({ siteCode: 'NOPE', name: 'x', timeZone: 'UTC' });
      expect(r.status).toBe(404);
    });

    it('refuses a code change through the URL with 400', async () => {
      const r = await t
        .http()
        .put('/api/sites/CHI')
        .set(as(tok.admin))
        .send({ siteCode: 'CHX', name: 'Chicago', timeZone: 'America/Chicago' });
      expect(r.status).toBe(400);
      expect(r.body.message).toMatch(/siteCode/);
    });
  });

  describe('teams', () => {
    it('creates, edits and lists a team', async () => {
      const created = await t.http().post('/api/teams').set(as(tok.admin)).send({
        teamCode: 'T3',
        name: 'Team Three',
        siteCode: 'CHI',
        managerEmail: 'm3@test.local',
      });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        teamCode: 'T3',
        name: 'Team Three',
        siteCode: 'CHI',
        managerEmail: 'm3@test.local',
        activeAgentCount: 0,
      });
      const edited = await t
        .http()
        .put('/api/teams/T3')
        .set(as(tok.admin))
        .send({ teamCode: 'T3', name: 'Team Three (IST)', siteCode: 'IST' });
      expect(edited.status).toBe(200);
      expect(edited.body).toEqual({
        teamCode: 'T3',
        name: 'Team Three (IST)',
        siteCode: 'IST',
        managerEmail: null,
        activeAgentCount: 0,
      });
      const list = await t.http().get('/api/teams').set(as(tok.hr));
      expect(list.body.map((x: { teamCode: string }) => x.teamCode)).toEqual(['T1', 'T2', 'T3']);
    });

    it('answers 409 to a duplicate team code', async () => {
      const r = await t
        .http()
        .post('/api/teams')
        .set(as(tok.admin))
        .send({ teamCode: 'T1', name: 'Again', siteCode: 'CHI' });
      expect(r.status).toBe(409);
    });

    it('rejects a team on an unknown site with 400 naming the site', async () => {
      const before = await count('team');
      const r = await t
        .http()
        .post('/api/teams')
        .set(as(tok.admin))
        .send({ teamCode: 'T9', name: 'Lost', siteCode: 'NOPE' });
      expect(r.status).toBe(400);
      expect(r.body.message).toBe('Site NOPE does not exist');
      expect(await count('team')).toBe(before);
    });

    it('shows a manager only the teams they manage', async () => {
      const r = await t.http().get('/api/teams').set(as(tok.m1));
      expect(r.status).toBe(200);
      expect(r.body).toEqual([
        {
          teamCode: 'T1',
          name: 'Team One',
          siteCode: 'CHI',
          managerEmail: 'm1@test.local',
          activeAgentCount: 3,
        },
      ]);
    });
  });

  describe('campaigns', () => {
    it('creates, edits and lists a campaign', async () => {
      const created = await t
        .http()
        .post('/api/campaigns')
        .set(as(tok.admin))
        .send({ campaignCode: 'SAL', name: 'Sales', kind: 'outbound_sales', client: 'Acme' });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        campaignCode: 'SAL',
        name: 'Sales',
        kind: 'outbound_sales',
        client: 'Acme',
        siteCode: null,
      });
      const edited = await t
        .http()
        .put('/api/campaigns/SAL')
        .set(as(tok.admin))
        .send({ campaignCode: 'SAL', name: 'Sales', kind: 'retention', siteCode: 'IST' });
      expect(edited.status).toBe(200);
      expect(edited.body).toEqual({
        campaignCode: 'SAL',
        name: 'Sales',
        kind: 'retention',
        client: null,
        siteCode: 'IST',
      });
      const list = await t.http().get('/api/campaigns').set(as(tok.m2));
      expect(list.body.map((c: { campaignCode: string }) => c.campaignCode)).toEqual([
        'SAL',
        'SUP',
      ]);
    });

    it('answers 409 to a duplicate campaign code', async () => {
      const r = await t
        .http()
        .post('/api/campaigns')
        .set(as(tok.admin))
        .send({ campaignCode: 'SUP', name: 'Again', kind: 'inbound_support' });
      expect(r.status).toBe(409);
    });

    it('rejects a kind that is not allowed with 400 naming kind', async () => {
      const r = await t
        .http()
        .post('/api/campaigns')
        .set(as(tok.admin))
        .send({ campaignCode: 'BAD', name: 'Bad', kind: 'cold_calling' });
      expect(r.status).toBe(400);
      expect(r.body.message).toMatch(/kind/);
    });
  });

  describe('agents', () => {
    it('creates an agent and reads it back', async () => {
      const r = await t.http().post('/api/agents').set(as(tok.admin)).send(agentBody());
      expect(r.status).toBe(201);
      expect(r.body).toEqual({
        employeeCode: 'N1',
        fullName: 'Nora New',
        email: 'n1@test.local',
        teamCode: 'T1',
        siteCode: 'CHI',
        title: 'Agent',
        workMode: 'remote',
        hireDate: '2025-10-01',
        terminationDate: null,
        terminationType: null,
        terminationReason: null,
        hourlyRateCents: 1725,
        contractHours: 32,
        active: true,
      });
      const back = await t.http().get('/api/agents/N1').set(as(tok.hr));
      expect(back.status).toBe(200);
      expect(back.body).toEqual(r.body);
    });

    it('records a separation through an edit', async () => {
      const r = await t
        .http()
        .put('/api/agents/N1')
        .set(as(tok.admin))
        .send(
          agentBody({
            terminationDate: '2025-12-31',
            terminationType: 'voluntary',
            terminationReason: 'Moved away',
          }),
        );
      expect(r.status).toBe(200);
      expect(r.body).toEqual(
        expect.objectContaining({
          terminationDate: '2025-12-31',
          terminationType: 'voluntary',
          terminationReason: 'Moved away',
          active: false,
        }),
      );
      const row = await t.sql.query(
        `SELECT termination_date::text AS d, termination_type FROM agent WHERE employee_code = 'N1'`,
      );
      expect(row.rows).toEqual([{ d: '2025-12-31', termination_type: 'voluntary' }]);
    });

    it('answers 409 to a duplicate employee code and to a duplicate email', async () => {
      const before = await count('agent');
      const code = await t
        .http()
        .post('/api/agents')
        .set(as(tok.admin))
        .send(agentBody({ email: 'other@test.local' }));
      expect(code.status).toBe(409);
      const email = await t
        .http()
        .post('/api/agents')
        .set(as(tok.admin))
        .send(agentBody({ employeeCode: 'N2', email: 'A1@TEST.local' }));
      expect(email.status).toBe(409);
      expect(await count('agent')).toBe(before);
    });

    it('rejects a negative rate with 400 naming hourlyRateCents', async () => {
      const r = await t
        .http()
        .post('/api/agents')
        .set(as(tok.admin))
        .send(agentBody({ employeeCode: 'N3', email: 'n3@test.local', hourlyRateCents: -100 }));
      expect(r.status).toBe(400);
      expect(r.body.message).toMatch(/hourlyRateCents/);
    });

    it('rejects a hire date that does not exist with 400 naming hireDate', async () => {
      const r = await t
        .http()
        .post('/api/agents')
        .set(as(tok.admin))
        .send(agentBody({ employeeCode: 'N3', email: 'n3@test.local', hireDate: '2025-02-30' }));
      expect(r.status).toBe(400);
      expect(r.body.message).toMatch(/hireDate/);
    });

    it('rejects a termination before the hire date with 400 naming both dates', async () => {
      const r = await t
        .http()
        .post('/api/agents')
        .set(as(tok.admin))
        .send(
          agentBody({ employeeCode: 'N3', email: 'n3@test.local', terminationDate: '2025-09-30' }),
        );
      expect(r.status).toBe(400);
      expect(r.body.message).toBe('terminationDate 2025-09-30 is before hireDate 2025-10-01');
    });

    it('rejects an unknown field with 400 naming it', async () => {
      const r = await t
        .http()
        .post('/api/agents')
        .set(as(tok.admin))
        .send({ ...agentBody({ employeeCode: 'N3', email: 'n3@test.local' }), salary: 1 });
      expect(r.status).toBe(400);
      expect(r.body.message).toMatch(/salary/);
    });

    it('refuses every write to hr, managers and agents with 403 and writes nothing', async () => {
      const before = await count('agent');
      for (const token of [tok.hr, tok.m1, tok.a1]) {
        const create = await t
          .http()
          .post('/api/agents')
          .set(as(token))
          .send(agentBody({ employeeCode: 'N4', email: 'n4@test.local' }));
        expect(create.status).toBe(403);
        const edit = await t
          .http()
          .put('/api/agents/A1')
          .set(as(token))
          .send(agentBody({ employeeCode: 'A1' }));
        expect(edit.status).toBe(403);
        const site = await t
          .http()
          .post('/api/sites')
          .set(as(token))
          .send({ siteCode: 'ZZ', name: 'Z', timeZone: 'UTC' });
        expect(site.status).toBe(403);
      }
      expect(await count('agent')).toBe(before);
      expect(
        (await t.sql.query(`SELECT full_name FROM agent WHERE employee_code = 'A1'`)).rows,
      ).toEqual([{ full_name: 'Ada One' }]);
    });
  });

  describe('agent list filters', () => {
    const codes = (body: { items: { employeeCode: string }[] }) =>
      body.items.map((a) => a.employeeCode);

    beforeAll(async () => {
      // S1 left long ago; N1 (created above) left on 2025-12-31.
      await t.sql.query(`
        INSERT INTO agent (employee_code, full_name, email, team_id, title, work_mode, hire_date,
                           termination_date, termination_type, hourly_rate_cents)
        VALUES ('S1', 'Sam Gone', 's1@test.local', (SELECT id FROM team WHERE team_code = 'T2'),
                'Agent', 'remote', '2024-01-08', '2024-06-30', 'involuntary', 1500)`);
    });

    it('lists active agents by default, ordered by code, with the total', async () => {
      const r = await t.http().get('/api/agents').set(as(tok.admin));
      expect(r.status).toBe(200);
      expect(r.body).toEqual(expect.objectContaining({ total: 5, page: 1, pageSize: 50 }));
      expect(codes(r.body)).toEqual(['A1', 'A2', 'A3', 'B1', 'B2']);
    });

    it('filters by status separated and all', async () => {
      const separated = await t.http().get('/api/agents?status=separated').set(as(tok.admin));
      expect(codes(separated.body)).toEqual(['N1', 'S1']);
      const all = await t.http().get('/api/agents?status=all').set(as(tok.admin));
      expect(all.body.total).toBe(7);
    });

    it('filters by team, site and work mode', async () => {
      expect(codes((await t.http().get('/api/agents?teamCode=T2').set(as(tok.hr))).body)).toEqual([
        'B1',
        'B2',
      ]);
      expect(codes((await t.http().get('/api/agents?siteCode=CHI').set(as(tok.hr))).body)).toEqual([
        'A1',
        'A2',
        'A3',
      ]);
      expect(
        codes((await t.http().get('/api/agents?workMode=remote&status=all').set(as(tok.hr))).body),
      ).toEqual(['A2', 'N1', 'S1']);
      expect(
        codes(
          (await t.http().get('/api/agents?workMode=onsite&siteCode=IST').set(as(tok.hr))).body,
        ),
      ).toEqual(['B1', 'B2']);
    });

    it('searches name, code and email case-insensitively, treating % and _ literally', async () => {
      expect(codes((await t.http().get('/api/agents?search=dina').set(as(tok.hr))).body)).toEqual([
        'B1',
      ]);
      expect(codes((await t.http().get('/api/agents?search=a3').set(as(tok.hr))).body)).toEqual([
        'A3',
      ]);
      expect(
        codes((await t.http().get('/api/agents?search=b2%40test').set(as(tok.hr))).body),
      ).toEqual(['B2']);
      expect((await t.http().get('/api/agents?search=%25').set(as(tok.hr))).body.total).toBe(0);
      expect((await t.http().get('/api/agents?search=_').set(as(tok.hr))).body.total).toBe(0);
    });

    it('pages through the list', async () => {
      const p1 = await t.http().get('/api/agents?pageSize=2').set(as(tok.admin));
      const p3 = await t.http().get('/api/agents?pageSize=2&page=3').set(as(tok.admin));
      const p4 = await t.http().get('/api/agents?pageSize=2&page=4').set(as(tok.admin));
      expect(p1.body).toEqual(expect.objectContaining({ total: 5, page: 1, pageSize: 2 }));
      expect(codes(p1.body)).toEqual(['A1', 'A2']);
      expect(codes(p3.body)).toEqual(['B2']);
      expect(p4.body).toEqual({ items: [], total: 5, page: 4, pageSize: 2 });
    });

    it('rejects a bad filter with 400 naming it', async () => {
      const mode = await t.http().get('/api/agents?workMode=office').set(as(tok.admin));
      expect(mode.status).toBe(400);
      expect(mode.body.message).toMatch(/workMode/);
      const size = await t.http().get('/api/agents?pageSize=0').set(as(tok.admin));
      expect(size.status).toBe(400);
      expect(size.body.message).toMatch(/pageSize/);
      const unknown = await t.http().get('/api/agents?salary=1').set(as(tok.admin));
      expect(unknown.status).toBe(400);
      expect(unknown.body.message).toMatch(/salary/);
    });
  });

  describe('who sees which agents', () => {
    const codes = (body: { items: { employeeCode: string }[] }) =>
      body.items.map((a) => a.employeeCode);

    it('shows a manager only the agents of the teams they manage', async () => {
      const m1 = await t.http().get('/api/agents').set(as(tok.m1));
      expect(m1.status).toBe(200);
      expect(codes(m1.body)).toEqual(['A1', 'A2', 'A3']);
      expect(m1.body.total).toBe(3);
      const m2 = await t.http().get('/api/agents?status=all').set(as(tok.m2));
      expect(codes(m2.body)).toEqual(['B1', 'B2', 'S1']);
    });

    it("does not widen a manager's scope through a filter on another team", async () => {
      const r = await t.http().get('/api/agents?teamCode=T2').set(as(tok.m1));
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ items: [], total: 0, page: 1, pageSize: 50 });
    });

    it("should not return another team's agent to a manager", async () => {
      const r = await t.http().get('/api/agents/B1').set(as(tok.m1));
      expect(r.status).toBe(403);
      expect((await t.http().get('/api/agents/A2').set(as(tok.m1))).status).toBe(200);
    });

    it('shows hr and admin every agent', async () => {
      for (const token of [tok.hr, tok.admin]) {
        const r = await t.http().get('/api/agents?status=all').set(as(token));
        expect(codes(r.body)).toEqual(['A1', 'A2', 'A3', 'B1', 'B2', 'N1', 'S1']);
        expect((await t.http().get('/api/agents/B1').set(as(token))).status).toBe(200);
      }
    });

    it('returns an agent their own record', async () => {
      const r = await t.http().get('/api/agents/A1').set(as(tok.a1));
      expect(r.status).toBe(200);
      expect(r.body).toEqual(
        expect.objectContaining({ employeeCode: 'A1', fullName: 'Ada One', teamCode: 'T1' }),
      );
    });

    it("should not return another agent's record, even a teammate's or one that does not exist", async () => {
      for (const code of ['B1', 'A2', 'NOPE']) {
        const r = await t.http().get(`/api/agents/${code}`).set(as(tok.a1));
        expect(r.status).toBe(403);
        expect(r.body).toEqual({
          statusCode: 403,
          error: 'Forbidden',
          message: 'An agent may read only their own record',
        });
      }
    });

    it('refuses the agent list to an agent with 403', async () => {
      const r = await t.http().get('/api/agents').set(as(tok.a1));
      expect(r.status).toBe(403);
      expect((await t.http().get('/api/teams').set(as(tok.a1))).status).toBe(403);
    });

    it('answers 404 to admin for an agent that does not exist', async () => {
      const r = await t.http().get('/api/agents/NOPE').set(as(tok.admin));
      expect(r.status).toBe(404);
      expect(r.body.message).toBe('Agent NOPE does not exist');
    });
  });
});

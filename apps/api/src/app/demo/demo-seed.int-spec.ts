import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, TestApp } from '../../../test/test-app';
import { DemoSeedService } from './demo-seed.service';

const DEMO_PASSWORD = 'demo-pass-1234';

/** A tiny demo call center: two sites, three teams (two led by one manager), five agents. */
const DEMO_FILES: Record<string, string> = {
  'sites.csv': [
    'site_code,name,time_zone,holidays',
    'DCHI,Demo Chicago,America/Chicago,2026-12-25',
    'DMNL,Demo Manila,Asia/Manila,',
  ].join('\n'),
  'teams.csv': [
    'team_code,name,site_code,manager_email',
    'D1,Demo One,DCHI,lead.one@demo.local',
    'D2,Demo Two,DMNL,lead.two@demo.local',
    'D3,Demo Three,DMNL,lead.two@demo.local',
  ].join('\n'),
  'campaigns.csv': [
    'campaign_code,name,kind,client,site_code',
    'DSUP,Demo Support,inbound_support,Acme,DCHI',
    'DSAL,Demo Sales,outbound_sales,,',
  ].join('\n'),
  'agents.csv': [
    'employee_code,full_name,email,team_code,title,work_mode,hire_date,termination_date,termination_type,termination_reason,hourly_rate,contract_hours',
    'E1,Early Leaver,e1@demo.local,D1,Agent,onsite,2023-01-02,2024-01-31,voluntary,Moved,15.00,40',
    'E2,Erin Active,e2@demo.local,D1,Agent,remote,2023-06-01,,,,16.25,40',
    'E3,Eli Later,e3@demo.local,D1,Agent,hybrid,2024-02-01,,,,15.50,32',
    'E4,Ema Manila,e4@demo.local,D2,Agent,onsite,2024-03-04,,,,9.75,40',
    'E5,Eko Manila,e5@demo.local,D3,Senior Agent,onsite,2022-09-05,,,,12.10,40',
  ].join('\n'),
};

function demoDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'floorwise-demo-'));
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), `${text}\n`);
  }
  return dir;
}

describe('demo seeding', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = demoDir(DEMO_FILES);
    t = await createTestApp({ DEMO_DATA_DIR: dir, DEMO_PASSWORD });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const counts = async () =>
    (
      await t.sql
        .query(`SELECT (SELECT count(*) FROM site)::int AS sites, (SELECT count(*) FROM team)::int AS teams,
        (SELECT count(*) FROM campaign)::int AS campaigns, (SELECT count(*) FROM agent)::int AS agents,
        (SELECT count(*) FROM app_user)::int AS users`)
    ).rows[0];

  it('answers 404 for the demo sign-ins before the demo data is loaded', async () => {
    expect((await t.http().get('/api/auth/demo-logins')).status).toBe(404);
  });

  it('loads the demo files through the import pipeline into an empty database', async () => {
    const report = await t.app.get(DemoSeedService).seedIfEmpty();
    expect(report.seeded).toBe(true);
    expect(
      report.files.map(({ kind, imported, updated, duplicates }) => ({
        kind,
        imported,
        updated,
        duplicates,
      })),
    ).toEqual([
      { kind: 'sites', imported: 2, updated: 0, duplicates: 0 },
      { kind: 'teams', imported: 3, updated: 0, duplicates: 0 },
      { kind: 'campaigns', imported: 2, updated: 0, duplicates: 0 },
      { kind: 'agents', imported: 5, updated: 0, duplicates: 0 },
    ]);
    expect(await counts()).toEqual({ sites: 2, teams: 3, campaigns: 2, agents: 5, users: 5 });
    const agent = await t.sql.query(
      `SELECT a.full_name, t.team_code, a.hourly_rate_cents, a.termination_date::text AS left_on
       FROM agent a JOIN team t ON t.id = a.team_id WHERE employee_code = 'E1'`,
    );
    expect(agent.rows).toEqual([
      {
        full_name: 'Early Leaver',
        team_code: 'D1',
        hourly_rate_cents: 1500,
        left_on: '2024-01-31',
      },
    ]);
  });

  it('creates one sign-in per role and one per team manager, the agent one linked to an active agent', async () => {
    const users = await t.sql.query(
      `SELECT u.email, u.role, a.employee_code FROM app_user u LEFT JOIN agent a ON a.id = u.agent_id ORDER BY u.email`,
    );
    expect(users.rows).toEqual([
      { email: 'admin@floorwise.local', role: 'admin', employee_code: null },
      { email: 'e2@demo.local', role: 'agent', employee_code: 'E2' },
      { email: 'hr@floorwise.local', role: 'hr', employee_code: null },
      { email: 'lead.one@demo.local', role: 'manager', employee_code: null },
      { email: 'lead.two@demo.local', role: 'manager', employee_code: null },
    ]);
  });

  it('lists one demo sign-in per role, each of which signs in with the demo password', async () => {
    const r = await t.http().get('/api/auth/demo-logins');
    expect(r.status).toBe(200);
    expect(r.body).toEqual([
      { email: 'admin@floorwise.local', role: 'admin', password: DEMO_PASSWORD },
      { email: 'hr@floorwise.local', role: 'hr', password: DEMO_PASSWORD },
      { email: 'lead.one@demo.local', role: 'manager', password: DEMO_PASSWORD },
      { email: 'e2@demo.local', role: 'agent', password: DEMO_PASSWORD },
    ]);
    for (const login of r.body as { email: string; role: string; password: string }[]) {
      const signIn = await t
        .http()
        .post('/api/auth/login')
        .send({ email: login.email, password: login.password });
      expect([login.email, signIn.status, signIn.body.user?.role]).toEqual([
        login.email,
        200,
        login.role,
      ]);
    }
  });

  it('gives the demo manager their own team only', async () => {
    const token = await t.tokenFor('lead.one@demo.local', DEMO_PASSWORD);
    const teams = await t.http().get('/api/teams').set('Authorization', `Bearer ${token}`);
    expect(teams.body.map((x: { teamCode: string }) => x.teamCode)).toEqual(['D1']);
  });

  it('does nothing the second time', async () => {
    const before = await counts();
    const report = await t.app.get(DemoSeedService).seedIfEmpty();
    expect(report).toEqual({ seeded: false, files: [] });
    expect(await counts()).toEqual(before);
  });
});

describe('demo seeding from a folder without data files', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = demoDir({});
    t = await createTestApp({ DEMO_DATA_DIR: dir, DEMO_PASSWORD });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the demo sign-ins once and does nothing (and does not fail) the second time', async () => {
    const service = t.app.get(DemoSeedService);
    expect(await service.seedIfEmpty()).toEqual({ seeded: true, files: [] });
    expect(await service.seedIfEmpty()).toEqual({ seeded: false, files: [] });
    const users = await t.sql.query(`SELECT email FROM app_user ORDER BY email`);
    expect(users.rows).toEqual([
      { email: 'admin@floorwise.local' },
      { email: 'hr@floorwise.local' },
    ]);
  });
});

describe('without DEMO_DATA_DIR', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('loads nothing and answers 404 for the demo sign-ins', async () => {
    expect(await t.app.get(DemoSeedService).seedIfEmpty()).toEqual({ seeded: false, files: [] });
    expect((await t.sql.query(`SELECT count(*)::int AS n FROM app_user`)).rows[0].n).toBe(0);
    const r = await t.http().get('/api/auth/demo-logins');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'No demo accounts on this server',
    });
  });
});

describe('demo seeding of calls: recent weeks first, older history in the background', () => {
  let t: TestApp;
  let dir: string;
  const header =
    'call_id,employee_code,campaign_code,channel,direction,started_at,queue_seconds,talk_seconds,hold_seconds,wrap_seconds,outcome,sale_amount,hostile,qa_score,csat,customer_ref';
  // windowEnd 2026-11-22 → the recent part starts 56 days earlier, on 2026-09-27.
  const calls = [
    header,
    'K1,E2,DSUP,phone,inbound,2026-09-26T23:59:00-05:00,5,100,0,10,resolved,,false,,,',
    'K2,E2,DSUP,phone,inbound,2026-09-27T00:00:00-05:00,5,100,0,10,resolved,,false,,,',
    'K3,E2,DSUP,phone,inbound,2026-11-22T09:00:00-06:00,5,100,0,10,resolved,,false,,,',
    'K4,E2,DSUP,phone,inbound,2025-12-01T09:00:00-06:00,5,100,0,10,resolved,,false,,,',
  ].join('\n');

  beforeAll(async () => {
    dir = demoDir({
      ...DEMO_FILES,
      'calls.csv': calls,
      'manifest.json': JSON.stringify({ parameters: { windowEnd: '2026-11-22' } }),
    });
    t = await createTestApp({ DEMO_DATA_DIR: dir, DEMO_PASSWORD });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ids = async () =>
    (await t.sql.query(`SELECT call_id FROM calls ORDER BY call_id`)).rows.map((r) => r.call_id);

  it('loads the last 56 days before answering, then the rest through backfill, once', async () => {
    const seed = await t.app.get(DemoSeedService).seedIfEmpty();
    expect(seed.backfillBefore).toBe('2026-09-27');
    expect(await ids()).toEqual(['K2', 'K3']);
    const more = await t.app.get(DemoSeedService).backfill();
    expect(more).toEqual({ imported: 2, before: '2026-09-27' });
    expect(await ids()).toEqual(['K1', 'K2', 'K3', 'K4']);
    expect(await t.app.get(DemoSeedService).backfill()).toBeNull();
    const rollup = await t.sql.query(`SELECT sum(calls)::int AS n FROM call_rollup_day`);
    expect(rollup.rows[0].n).toBe(4);
  });
});

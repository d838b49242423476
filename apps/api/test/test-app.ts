import type { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import type { Role } from '@floorwise/contracts';
import { AppModule } from '../src/app/app.module';
import { AuthService } from '../src/app/auth/auth.service';
import { configureApp } from '../src/app/configure-app';
import { Env, loadEnv } from '../src/config/env';

export const TEST_PASSWORD = 'correct-horse-battery';

export interface TestApp {
  app: INestApplication;
  env: Env;
  databaseUrl: string;
  /** A pg client on this file's database, for arranging data and checking what was written. */
  sql: Client;
  http: () => ReturnType<typeof request>;
  /** Signs in and returns the bearer token. */
  tokenFor: (email: string, password?: string) => Promise<string>;
  /**
   * Takes this file's database down for the app (`false`: no new connections, the app's open
   * ones terminated) or brings it back (`true`). The `sql` client stays connected throughout.
   */
  setDatabaseAvailable: (available: boolean) => Promise<void>;
  close: () => Promise<void>;
}

export interface TestAppOptions {
  /** Extra controllers registered next to the app's own (e.g. a throwaway one with no role rule). */
  controllers?: Type<unknown>[];
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Clones a fresh database from the migrated template and boots the whole app on it. */
export async function createTestApp(
  overrides: Partial<Record<string, string>> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const adminUrl = process.env['FLOORWISE_TEST_ADMIN_URL'];
  const template = process.env['FLOORWISE_TEST_TEMPLATE'];
  if (!adminUrl || !template) {
    throw new Error('The integration-test global setup did not run (see jest.int.config.cts)');
  }
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const databaseUrl = withDatabase(adminUrl, name);
  const env = loadEnv({
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'test-jwt-secret-that-is-long-enough-0123456789',
    CUSTOMER_REF_KEY: 'test-customer-ref-key-long-enough-0123456789',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT: '1000',
    // the burnout snapshot job would compute history in the background of every test app;
    // burnout's own tests drive it explicitly
    BURNOUT_JOB: 'false',
    ...overrides,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(env)],
    controllers: options.controllers ?? [],
  }).compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  configureApp(app);
  await app.init();
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  const http = () => request(app.getHttpServer());
  const asAdmin = async <T>(fn: (a: Client) => Promise<T>): Promise<T> => {
    const a = new Client({ connectionString: adminUrl });
    await a.connect();
    try {
      return await fn(a);
    } finally {
      await a.end();
    }
  };
  return {
    app,
    env,
    databaseUrl,
    sql,
    http,
    tokenFor: async (email, password = TEST_PASSWORD) => {
      const r = await http().post('/api/auth/login').send({ email, password });
      if (r.status !== 200) {
        throw new Error(`sign-in of ${email} failed: ${r.status} ${JSON.stringify(r.body)}`);
      }
      return r.body.accessToken as string;
    },
    setDatabaseAvailable: async (available) => {
      if (available) {
        await asAdmin((a) => a.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`));
        return;
      }
      const [{ pid }] = (await sql.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
      await asAdmin(async (a) => {
        await a.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
        await a.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> $2`,
          [name, pid],
        );
      });
    },
    close: async () => {
      await sql.end();
      await app.close();
      // WITH (FORCE) also drops a database that was taken down by setDatabaseAvailable(false).
      await asAdmin((a) => a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

// ------------------------------------------------------------------ factories

export interface OrgFixture {
  sites: string[];
  teams: { code: string; siteCode: string; managerEmail: string }[];
  agents: { code: string; teamCode: string; email: string }[];
}

/**
 * A small organisation: two sites, two teams with a manager each, three agents in team T1 and
 * two in T2; overrides change the pieces a test cares about.
 */
export async function seedOrg(t: TestApp): Promise<OrgFixture> {
  await t.sql.query(`
    INSERT INTO site (site_code, name, time_zone, holidays) VALUES
      ('CHI', 'Chicago', 'America/Chicago', '{2026-12-25}'),
      ('IST', 'Istanbul', 'Europe/Istanbul', '{}');
    INSERT INTO team (team_code, name, site_id, manager_email) VALUES
      ('T1', 'Team One', (SELECT id FROM site WHERE site_code = 'CHI'), 'm1@test.local'),
      ('T2', 'Team Two', (SELECT id FROM site WHERE site_code = 'IST'), 'm2@test.local');
    INSERT INTO campaign (campaign_code, name, kind, site_id) VALUES
      ('SUP', 'Support', 'inbound_support', (SELECT id FROM site WHERE site_code = 'CHI'));
    INSERT INTO agent (employee_code, full_name, email, team_id, title, work_mode, hire_date,
                       hourly_rate_cents, contract_hours) VALUES
      ('A1', 'Ada One', 'a1@test.local', (SELECT id FROM team WHERE team_code='T1'), 'Agent', 'onsite', '2025-01-06', 1581, 40),
      ('A2', 'Ben Two', 'a2@test.local', (SELECT id FROM team WHERE team_code='T1'), 'Agent', 'remote', '2025-03-03', 1600, 40),
      ('A3', 'Cem Three', 'a3@test.local', (SELECT id FROM team WHERE team_code='T1'), 'Agent', 'hybrid', '2025-06-02', 1352, 30),
      ('B1', 'Dina Four', 'b1@test.local', (SELECT id FROM team WHERE team_code='T2'), 'Agent', 'onsite', '2024-09-02', 1700, 40),
      ('B2', 'Emre Five', 'b2@test.local', (SELECT id FROM team WHERE team_code='T2'), 'Senior Agent', 'onsite', '2023-02-01', 2612, 40);
  `);
  return {
    sites: ['CHI', 'IST'],
    teams: [
      { code: 'T1', siteCode: 'CHI', managerEmail: 'm1@test.local' },
      { code: 'T2', siteCode: 'IST', managerEmail: 'm2@test.local' },
    ],
    agents: [
      { code: 'A1', teamCode: 'T1', email: 'a1@test.local' },
      { code: 'A2', teamCode: 'T1', email: 'a2@test.local' },
      { code: 'A3', teamCode: 'T1', email: 'a3@test.local' },
      { code: 'B1', teamCode: 'T2', email: 'b1@test.local' },
      { code: 'B2', teamCode: 'T2', email: 'b2@test.local' },
    ],
  };
}

let hashCache: string | null = null;

/** Creates a sign-in directly (password TEST_PASSWORD). */
export async function createUser(
  t: TestApp,
  email: string,
  role: Role,
  employeeCode: string | null = null,
): Promise<void> {
  hashCache ??= await AuthService.hashPassword(TEST_PASSWORD);
  await t.sql.query(
    `INSERT INTO app_user (email, password_hash, role, agent_id)
     VALUES ($1, $2, $3, (SELECT id FROM agent WHERE employee_code = $4))`,
    [email, hashCache, role, employeeCode],
  );
}

/** The standard cast: an admin, an hr, managers m1 (T1) and m2 (T2), and agents a1 (T1), b1 (T2). */
export async function seedUsers(
  t: TestApp,
): Promise<Record<'admin' | 'hr' | 'm1' | 'm2' | 'a1' | 'b1', string>> {
  await createUser(t, 'admin@test.local', 'admin');
  await createUser(t, 'hr@test.local', 'hr');
  await createUser(t, 'm1@test.local', 'manager');
  await createUser(t, 'm2@test.local', 'manager');
  await createUser(t, 'a1@test.local', 'agent', 'A1');
  await createUser(t, 'b1@test.local', 'agent', 'B1');
  const entries = await Promise.all(
    (['admin', 'hr', 'm1', 'm2', 'a1', 'b1'] as const).map(
      async (k) => [k, await t.tokenFor(`${k}@test.local`)] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<'admin' | 'hr' | 'm1' | 'm2' | 'a1' | 'b1', string>;
}

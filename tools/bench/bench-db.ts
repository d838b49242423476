import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as argon2 from 'argon2';
import { Client } from 'pg';
import { BENCH_DIR, PG_DIR } from './bench-config';
import { onCleanup } from './cleanup';
import { log } from './log';

export interface Cluster {
  adminUrl: string;
  urlOf(database: string): string;
  stop(): Promise<void>;
}

interface EmbeddedDb {
  startEmbeddedPostgres(options: {
    dataDir: string;
    port?: number;
    database?: string;
    fsyncOff?: boolean;
    log?: (message: string) => void;
  }): Promise<{ url: string; adminUrl: string; port: number; stop: () => Promise<void> }>;
}

/** The benchmark's own embedded PostgreSQL cluster (persistent, in .data/bench/pg). */
export async function startCluster(): Promise<Cluster> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const logFile = join(BENCH_DIR, 'postgres.log');
  const embedded = (await import('../db/embedded-db.mjs')) as EmbeddedDb;
  log(`starting the embedded PostgreSQL (data in ${PG_DIR}, log in ${logFile})…`);
  const db = await embedded.startEmbeddedPostgres({
    dataDir: PG_DIR,
    database: 'postgres',
    log: (m) => appendFileSync(logFile, m.endsWith('\n') ? m : `${m}\n`),
  });
  const stop = onCleanup('PostgreSQL', async () => {
    log('stopping PostgreSQL…');
    await db.stop();
  });
  const base = db.adminUrl.slice(0, db.adminUrl.lastIndexOf('/') + 1);
  return { adminUrl: db.adminUrl, urlOf: (name) => `${base}${name}`, stop };
}

export async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function databaseExists(cluster: Cluster, name: string): Promise<boolean> {
  return withClient(cluster.adminUrl, async (c) => {
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return (r.rowCount ?? 0) > 0;
  });
}

export async function recreateDatabase(cluster: Cluster, name: string): Promise<void> {
  await dropDatabase(cluster, name);
  await withClient(cluster.adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
}

export async function dropDatabase(cluster: Cluster, name: string): Promise<void> {
  await withClient(cluster.adminUrl, (c) =>
    c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  );
}

/** What a loaded database holds; a database is reused only when every field matches. */
export interface Marker {
  key: string;
  /** `schemaFingerprint` of a freshly migrated database when this one was loaded. */
  schema: string;
  loaderVersion: number;
  calls: number;
  loadSeconds: number;
  loadedAt: string;
}

export async function readMarker(url: string): Promise<Marker | null> {
  return withClient(url, async (c) => {
    const t = await c.query<{ t: string | null }>(
      `SELECT to_regclass('public.bench_marker')::text AS t`,
    );
    if (!t.rows[0].t) {
      return null;
    }
    const r = await c.query<{ marker: Marker }>('SELECT marker FROM bench_marker LIMIT 1');
    return r.rows[0]?.marker ?? null;
  });
}

export async function writeMarker(url: string, marker: Marker): Promise<void> {
  await withClient(url, async (c) => {
    await c.query('CREATE TABLE IF NOT EXISTS bench_marker (marker jsonb NOT NULL)');
    await c.query('TRUNCATE bench_marker');
    await c.query('INSERT INTO bench_marker (marker) VALUES ($1)', [JSON.stringify(marker)]);
  });
}

/** A sign-in made directly in SQL (argon2id, as the API hashes). */
export async function upsertUser(
  url: string,
  email: string,
  password: string,
  role: string,
): Promise<void> {
  const hash = await argon2.hash(password, { type: argon2.argon2id });
  await withClient(url, (c) =>
    c.query(
      `INSERT INTO app_user (email, password_hash, role) VALUES ($1, $2, $3)
       ON CONFLICT ((lower(email))) DO UPDATE
         SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role, disabled = false`,
      [email, hash, role],
    ),
  );
}

/**
 * Empties the calls, the call-id registry and every `call_rollup_*` table, dropping the month
 * partitions: the next import starts from nothing.
 */
export async function resetCalls(url: string): Promise<void> {
  await withClient(url, async (c) => {
    const parts = await c.query<{ name: string }>(
      `SELECT inhrelid::regclass::text AS name FROM pg_inherits WHERE inhparent = 'calls'::regclass`,
    );
    for (const p of parts.rows) {
      await c.query(`DROP TABLE ${p.name}`);
    }
    const rollups = await c.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'call\\_rollup\\_%'`,
    );
    await c.query(`TRUNCATE ${['call_ids', ...rollups.rows.map((r) => r.name)].join(', ')}`);
    await c.query('CHECKPOINT');
  });
}

/**
 * Waits (up to `maxMs`) until no autovacuum worker runs in the cluster: a vacuum of the table the
 * previous run filled would otherwise run during the next timed run and count in its CPU seconds.
 */
export async function waitForQuiet(url: string, maxMs = 120_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  await withClient(url, async (c) => {
    for (;;) {
      const r = await c.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'`,
      );
      if (r.rows[0].n === 0 || Date.now() > deadline) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });
}

export async function countRows(url: string, table: string): Promise<number> {
  return withClient(url, async (c) => {
    const r = await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    return Number(r.rows[0].n);
  });
}

export interface ServerFacts {
  version: string;
  settings: Record<string, string>;
}

export async function serverFacts(url: string): Promise<ServerFacts> {
  return withClient(url, async (c) => {
    const v = await c.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    const names = [
      'shared_buffers',
      'work_mem',
      'max_parallel_workers_per_gather',
      'max_wal_size',
      'jit',
      'fsync',
      'synchronous_commit',
    ];
    const s = await c.query<{ name: string; setting: string }>(
      'SELECT name, current_setting(name) AS setting FROM unnest($1::text[]) AS name',
      [names],
    );
    const settings: Record<string, string> = {};
    for (const row of s.rows) {
      settings[row.name] = row.setting;
    }
    return { version: v.rows[0].v, settings };
  });
}

/**
 * Tables, columns and indexes of the app's schema (month partitions and the bench's own tables
 * left out): a loaded database is reused only while a freshly migrated one looks the same, so a
 * migration that changes (even in place) forces a reload.
 */
export async function schemaFingerprint(url: string): Promise<string> {
  return withClient(url, async (c) => {
    const r = await c.query<{ f: string }>(
      `SELECT md5(
         (SELECT string_agg(table_name || '.' || column_name || ':' || data_type, ',' ORDER BY table_name, column_name)
            FROM information_schema.columns
           WHERE table_schema = 'public' AND table_name !~ '^(calls_y|bench_)')
         || '|' ||
         (SELECT string_agg(indexdef, ',' ORDER BY indexname)
            FROM pg_indexes
           WHERE schemaname = 'public' AND tablename !~ '^(calls_y|bench_)')
       ) AS f`,
    );
    return r.rows[0].f;
  });
}

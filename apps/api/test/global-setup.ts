import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { migrate } from '../src/database/data-source';

export const TEMPLATE_DB = 'floorwise_template';

interface EmbeddedDb {
  url: string;
  adminUrl: string;
  stop: () => Promise<void>;
}

declare global {
  var __FLOORWISE_TEST_DB__: (EmbeddedDb & { dir: string }) | undefined;
}

/**
 * Starts one real PostgreSQL for the whole run (embedded, fsync off) unless DATABASE_URL points
 * to a server of your own, migrates a template database once, and tells the test files where it
 * is; each test file then clones its own database from the template.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env['DATABASE_URL'];
  if (!adminUrl) {
    // The test data directory must be reachable by the OS user "postgres": os.tmpdir() is.
    const dir = mkdtempSync(join(tmpdir(), 'floorwise-test-'));
    chmodSync(dir, 0o755);
    const { startEmbeddedPostgres } = (await import(
      '../../../tools/db/embedded-db.mjs'
    )) as typeof import('../../../tools/db/embedded-db.mjs');
    const db = await startEmbeddedPostgres({
      dataDir: join(dir, 'pg'),
      database: 'postgres',
      fsyncOff: true,
    });
    globalThis.__FLOORWISE_TEST_DB__ = { ...db, dir };
    adminUrl = db.adminUrl;
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const templateUrl = withDatabase(adminUrl, TEMPLATE_DB);
  await migrate(templateUrl);
  process.env['FLOORWISE_TEST_ADMIN_URL'] = adminUrl;
  process.env['FLOORWISE_TEST_TEMPLATE'] = TEMPLATE_DB;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

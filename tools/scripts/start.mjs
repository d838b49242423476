#!/usr/bin/env node
// `npm start`: build (cached by Nx), start PostgreSQL (embedded unless DATABASE_URL is set),
// make the demo data on first run, and run the API serving the built dashboard on one port.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from '../db/embedded-db.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dataRoot = resolve(process.env.FLOORWISE_DATA_DIR ?? join(root, '.data'));
const t0 = Date.now();
const say = (msg) => process.stdout.write(`[floorwise] ${msg}\n`);
const args = new Set(process.argv.slice(2));

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    throw new Error(`Node ${process.versions.node} is too old: Floorwise needs Node >= 20.19`);
  }
}

function build() {
  if (args.has('--no-build') || process.env.FLOORWISE_SKIP_BUILD === 'true') {
    return;
  }
  say('building the API and the dashboard (cached after the first run)…');
  const r = spawnSync(
    'npx',
    ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static'],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' },
    },
  );
  if (r.status !== 0) {
    throw new Error('the build failed (see above)');
  }
}

/** Secrets the API needs; made once and kept in .data/ when the environment does not give them. */
function secrets() {
  const file = join(dataRoot, 'secrets.json');
  let stored = {};
  if (existsSync(file)) {
    stored = JSON.parse(readFileSync(file, 'utf8'));
  }
  const out = {
    JWT_SECRET: process.env.JWT_SECRET ?? stored.JWT_SECRET ?? randomBytes(32).toString('hex'),
    CUSTOMER_REF_KEY:
      process.env.CUSTOMER_REF_KEY ?? stored.CUSTOMER_REF_KEY ?? randomBytes(32).toString('hex'),
  };
  mkdirSync(dataRoot, { recursive: true });
  writeFileSync(file, JSON.stringify({ ...stored, ...out }, null, 2), { mode: 0o600 });
  return out;
}

async function databaseIsEmpty(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query(`SELECT to_regclass('public.site') IS NOT NULL AS has_table`);
    if (!r.rows[0].has_table) {
      return true;
    }
    const n = await c.query('SELECT count(*)::int AS n FROM site');
    return n.rows[0].n === 0;
  } finally {
    await c.end();
  }
}

function demoData(dir) {
  if (existsSync(join(dir, 'manifest.json'))) {
    return;
  }
  say('generating the simulated call center (first run only)…');
  const r = spawnSync(
    'npx',
    [
      'tsx',
      'tools/generator/cli.ts',
      '--out',
      dir,
      // History ends yesterday: today is still to be worked (its shifts are scheduled).
      '--end',
      new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      ...(process.env.DEMO_AGENTS ? ['--agents', process.env.DEMO_AGENTS] : []),
      ...(process.env.DEMO_MONTHS ? ['--months', process.env.DEMO_MONTHS] : []),
    ],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (r.status !== 0) {
    throw new Error('the demo-data generator failed (see above)');
  }
}

async function main() {
  checkNode();
  build();
  let databaseUrl = process.env.DATABASE_URL;
  let stopDb = async () => undefined;
  if (!databaseUrl) {
    say(`starting the embedded PostgreSQL (data in ${join(dataRoot, 'pg')})…`);
    const db = await startEmbeddedPostgres({
      dataDir: join(dataRoot, 'pg'),
      port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
    });
    databaseUrl = db.url;
    stopDb = db.stop;
  }
  const demoOff = process.env.DEMO_DATA === 'off';
  const demoDir = resolve(process.env.DEMO_DATA_DIR ?? join(dataRoot, 'demo'));
  if (!demoOff && (await databaseIsEmpty(databaseUrl))) {
    demoData(demoDir);
  }
  const env = {
    ...process.env,
    ...secrets(),
    DATABASE_URL: databaseUrl,
    PORT: process.env.PORT ?? '3000',
    WEB_DIST_DIR: process.env.WEB_DIST_DIR ?? join(root, 'dist/apps/web/browser'),
    ...(demoOff ? {} : { DEMO_DATA_DIR: demoDir }),
  };
  say(`starting the API (${((Date.now() - t0) / 1000).toFixed(1)} s so far)…`);
  // A bounded heap keeps the API's memory flat under big imports (V8 otherwise grows lazily).
  const heap = `--max-old-space-size=${process.env.API_HEAP_MB ?? '768'}`;
  const api = spawn(process.execPath, [heap, join(root, 'dist/apps/api/main.js')], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  let stopping = false;
  const stop = async (code) => {
    if (stopping) {
      return;
    }
    stopping = true;
    if (api.exitCode === null) {
      api.kill('SIGTERM');
      await new Promise((r) => api.once('exit', r));
    }
    await stopDb();
    process.exit(code);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  api.on('exit', (code) => stop(code ?? 1));
}

main().catch((e) => {
  process.stderr.write(`[floorwise] ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});

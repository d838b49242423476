/**
 * The schedules figures at a scale that has their agent counts, without the calls they do not
 * need: `npx tsx tools/bench/features/schedules-scale.ts [--agents 2000] [--months 2]`.
 * Generates the scale (cached in .data/bench/data), loads organisation + shifts into its own
 * database of the bench cluster over HTTP (reused when already loaded), and measures
 * `roster-week` and `pay-period` as `npm run bench` does. Build the API first (npx nx build api).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, login, startApi } from '../api-server';
import { BENCH_DIR, END_DATE, SEED } from '../bench-config';
import {
  databaseExists,
  readMarker,
  recreateDatabase,
  startCluster,
  upsertUser,
  withClient,
  writeMarker,
} from '../bench-db';
import { cleanupAll } from '../cleanup';
import { ensureGenerated } from '../data-files';
import { describeCheck } from '../figures';
import { ADMIN, importOrganisation, importShifts } from '../load-data';
import { log } from '../log';
import { measureSchedules } from './schedules';

const LOADER = 'schedules-org-shifts-1';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const agents = arg('agents', 2000);
  const months = arg('months', 2);
  const runs = arg('runs', 7);
  const scale = { agents, months, seed: SEED, end: END_DATE };
  const gen = await ensureGenerated(scale);
  const cluster = await startCluster();
  const name = `fw_sched_${agents}a_${months}m_s${SEED}`;
  const url = cluster.urlOf(name);
  const marker = (await databaseExists(cluster, name)) ? await readMarker(url) : null;
  const reuse = marker !== null && marker.key === LOADER;
  if (!reuse) {
    await recreateDatabase(cluster, name);
  }
  const api = await startApi(url, await freePort(), name);
  try {
    await upsertUser(url, ADMIN.email, ADMIN.password, 'admin');
    const token = await login(api, ADMIN.email, ADMIN.password);
    if (!reuse) {
      const started = Date.now();
      log(`loading organisation and shifts of ${agents} agents × ${months} months…`);
      await importOrganisation(api, token, gen.dir);
      const shifts = await importShifts(api, token, gen.dir);
      await withClient(url, (c) => c.query('VACUUM (ANALYZE)'));
      const loadSeconds = (Date.now() - started) / 1000;
      await writeMarker(url, {
        key: LOADER,
        schema: '',
        loaderVersion: 0,
        calls: 0,
        loadSeconds,
        loadedAt: new Date().toISOString(),
      });
      log(`loaded in ${loadSeconds.toFixed(0)} s (${shifts?.imported ?? 0} shifts)`);
    }
    const shiftCount = await withClient(
      url,
      async (c) => (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM shift')).rows[0].n,
    );
    const figures = await measureSchedules(api, token, url, END_DATE, runs);
    for (const f of figures) {
      console.log(`${f.id}: ${f.median} — ${f.status} (${f.label})`);
      for (const c of f.checks) {
        console.log(`  ${describeCheck(c)}`);
      }
    }
    const out = join(BENCH_DIR, `schedules-${agents}a-${months}m.json`);
    writeFileSync(
      out,
      JSON.stringify(
        { date: new Date().toISOString(), agents, months, shiftCount, figures },
        null,
        2,
      ),
    );
    log(`results in ${out} (${shiftCount} shifts stored)`);
  } finally {
    await api.stop();
    await cluster.stop();
  }
}

main()
  .catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exitCode = 1;
  })
  .finally(() => cleanupAll());

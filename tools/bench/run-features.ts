/**
 * Only the feature benches (`FEATURE_BENCHES`), without the calls import and stats measures of
 * `npm run bench`: on the scale's loaded database (the same one `npm run bench` loads and
 * reuses), with the built API on it.
 *
 *   npx tsx tools/bench/run-features.ts                 # the quick run's loaded database (1,000 agents × 1 month)
 *   npx tsx tools/bench/run-features.ts --only floor    # benches whose name contains "floor"
 *   npx tsx tools/bench/run-features.ts --full          # the full scale's database (loads it once)
 *   … --no-build                                        # skip the (Nx-cached) build of api and web
 *
 * Prints the figures with the machine load before and after, and writes them to
 * `.data/bench/results-features-<quick|full>.json`. It does not touch docs/benchmarks.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { freePort, startApi } from './api-server';
import { BENCH_DIR, databaseOf, LOADED_SCALES, ROOT, SETTINGS } from './bench-config';
import { recreateDatabase, schemaFingerprint, serverFacts, startCluster } from './bench-db';
import { cleanupAll } from './cleanup';
import { ensureGenerated, managerEmailOf } from './data-files';
import { FEATURE_BENCHES } from './features';
import type { Figure } from './figures';
import { openLoadedDatabase } from './load-data';
import { log } from './log';
import { machineFacts } from './machine';
import { printTable } from './report';

const USAGE =
  'usage: npx tsx tools/bench/run-features.ts [--quick | --full] [--only <name>] [--no-build]';

function parseArgs(argv: string[]): {
  mode: 'quick' | 'full';
  only: string | null;
  build: boolean;
} {
  let mode: 'quick' | 'full' = 'quick';
  let only: string | null = null;
  let build = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick' || a === '--full') mode = a === '--full' ? 'full' : 'quick';
    else if (a === '--no-build') build = false;
    else if (a === '--only' && argv[i + 1]) only = argv[++i].toLowerCase();
    else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  return { mode, only, build };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const benches = FEATURE_BENCHES.filter(
    (b) => !args.only || b.name.toLowerCase().includes(args.only),
  );
  if (benches.length === 0) throw new Error(`no feature bench matches "${args.only}"`);
  if (args.build) {
    const r = spawnSync(
      'npx',
      ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' },
      },
    );
    if (r.status !== 0) throw new Error('the build failed (see above)');
  }
  const loadBefore = loadavg()[0];
  const scale = LOADED_SCALES[args.mode];
  const cluster = await startCluster();
  const gen = await ensureGenerated(scale);
  // the schema a fresh migration makes, to tell whether the loaded database is still current
  const scratch = databaseOf(scale).scratch;
  await recreateDatabase(cluster, scratch);
  const fresh = await startApi(cluster.urlOf(scratch), await freePort(), scratch);
  const schema = await schemaFingerprint(cluster.urlOf(scratch));
  await fresh.stop();
  const loaded = await openLoadedDatabase(
    cluster,
    scale,
    gen.dir,
    gen.manifest,
    await freePort(),
    schema,
  );
  const figures: Figure[] = [];
  const started = new Date().toISOString();
  try {
    const managerEmail = await managerEmailOf(scale);
    for (const bench of benches) {
      log(`${bench.name}…`);
      figures.push(
        ...(await bench.measure({
          mode: args.mode,
          scale,
          cluster,
          databaseUrl: loaded.url,
          api: loaded.api,
          adminToken: loaded.token,
          dataDir: gen.dir,
          managerEmail,
          runs: SETTINGS[args.mode].statsRuns,
        })),
      );
    }
  } finally {
    await loaded.api.stop();
  }
  printTable(figures);
  for (const f of figures) process.stdout.write(`${f.id}: ${f.note}\n`);
  const machine = machineFacts();
  process.stdout.write(
    `\n1-minute load average ${loadBefore.toFixed(2)} before, ${machine.loadAverage.toFixed(2)} after (${machine.nproc} cores)\n`,
  );
  mkdirSync(BENCH_DIR, { recursive: true });
  const file = join(BENCH_DIR, `results-features-${args.mode}.json`);
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        mode: args.mode,
        scale,
        date: started,
        command: `npx tsx tools/bench/run-features.ts ${process.argv.slice(2).join(' ')}`.trim(),
        loadAverageAtStart: loadBefore,
        machine,
        postgres: await serverFacts(loaded.url),
        figures,
      },
      null,
      2,
    )}\n`,
  );
  log(`results written to ${file}`);
}

main().then(
  async () => {
    await cleanupAll();
    process.exit(0);
  },
  async (e: unknown) => {
    process.stderr.write(
      `[bench] failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    await cleanupAll();
    process.exit(1);
  },
);

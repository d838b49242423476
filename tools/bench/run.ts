/**
 * `npm run bench` — the benchmarks of issue 9 at full scale (2,000 agents × 12 months);
 * `npm run bench -- --quick` — the CI gate (100 agents × 2 months): exits 1 when a figure is more
 * than 2× behind its target; `npm run bench -- --growth` — import and stats at 100, 500 and 2,000
 * agents, with the growth chart. See docs/benchmarks.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { freePort } from './api-server';
import {
  BENCH_DIR,
  databaseOf,
  DOC_FILE,
  GROWTH_AGENTS,
  GROWTH_SVG,
  LOADED_SCALES,
  Mode,
  ROOT,
  Scale,
  SCALES,
  scaleKey,
  SEED,
  END_DATE,
  SETTINGS,
} from './bench-config';
import { Cluster, serverFacts, startCluster } from './bench-db';
import { cleanupAll } from './cleanup';
import { ensureGenerated, managerEmailOf } from './data-files';
import { FEATURE_BENCHES } from './features';
import { Figure, notBuiltFigures, num } from './figures';
import { GrowthPoint, growthSentences, renderGrowthSvg } from './growth-chart';
import { openLoadedDatabase } from './load-data';
import { capturePlans } from './query-plans';
import { log } from './log';
import { machineFacts } from './machine';
import { measureImports } from './measure-import';
import { lastCompleteMonth, measureStats } from './measure-stats';
import { measureInitialJs, measureLcp } from './measure-web';
import {
  gateFailures,
  machineLine,
  misses,
  printTable,
  replaceDocSection,
  Results,
  resultsSection,
} from './report';

const USAGE =
  'usage: npm run bench [-- --quick | --growth] [--no-build] [--only import] [--agents N --months M]';

interface Args {
  mode: Mode;
  build: boolean;
  /** `import`: only the import figures (calls rows/s, psql ratio, memory, agents file). */
  only: 'import' | null;
  /** Another scale than the mode's (e.g. 500 agents × 12 months); never gates CI. */
  agents: number | null;
  months: number | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { mode: 'full', build: true, only: null, agents: null, months: null };
  const count = (flag: string, value: string | undefined): number => {
    if (value === undefined || !/^[1-9]\d*$/.test(value)) {
      throw new Error(`${flag} needs a whole number\n${USAGE}`);
    }
    return Number(value);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') {
      args.mode = 'quick';
    } else if (arg === '--growth') {
      args.mode = 'growth';
    } else if (arg === '--no-build') {
      args.build = false;
    } else if (arg === '--only') {
      if (argv[i + 1] !== 'import') {
        throw new Error(`--only takes "import"\n${USAGE}`);
      }
      args.only = 'import';
      i += 1;
    } else if (arg === '--agents') {
      args.agents = count(arg, argv[++i]);
    } else if (arg === '--months') {
      args.months = count(arg, argv[++i]);
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else {
      throw new Error(`unknown argument ${arg}\n${USAGE}`);
    }
  }
  if (args.mode === 'growth' && (args.only || args.agents || args.months)) {
    throw new Error(`--growth takes no --only, --agents or --months\n${USAGE}`);
  }
  return args;
}

/** The mode's scale, or the one named by --agents / --months. */
function scaleOf(args: Args): Scale {
  const base = SCALES[args.mode === 'quick' ? 'quick' : 'full'];
  return { ...base, agents: args.agents ?? base.agents, months: args.months ?? base.months };
}

/** The scale differs from the mode's own: its figures are reported, never a CI verdict. */
function isCustomScale(args: Args): boolean {
  return args.agents !== null || args.months !== null;
}

/** The API and the dashboard as `npm start` builds them (Nx caches an unchanged build). */
function build(): void {
  log('building the API and the dashboard (nx, cached)…');
  const r = spawnSync(
    'npx',
    ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' },
    },
  );
  if (r.status !== 0) {
    throw new Error('the build failed (see above)');
  }
}

async function runScale(cluster: Cluster, args: Args, started: number): Promise<Results> {
  const mode = args.mode === 'quick' ? 'quick' : 'full';
  const loadAverageAtStart = Math.round(loadavg()[0] * 100) / 100;
  const scale = scaleOf(args);
  const settings = SETTINGS[mode];
  const gen = await ensureGenerated(scale);
  // The stats, the dashboard and the feature figures run on the mode's loaded scale.
  const loadedScale = isCustomScale(args) ? scale : LOADED_SCALES[mode];
  const loadedGen = loadedScale === scale ? gen : await ensureGenerated(loadedScale);
  const month = lastCompleteMonth(
    loadedGen.manifest.parameters.windowStart,
    loadedGen.manifest.parameters.windowEnd,
  );
  const command = [
    mode === 'quick' ? 'npm run bench -- --quick' : 'npm run bench --',
    args.only ? `--only ${args.only}` : '',
    args.agents ? `--agents ${args.agents}` : '',
    args.months ? `--months ${args.months}` : '',
  ]
    .filter((p) => p !== '')
    .join(' ')
    .replace(/ --$/, '');

  log(`imports (${scaleKey(scale)})…`);
  const imports = await measureImports(cluster, scale, gen.dir, mode, await freePort());
  if (args.only === 'import') {
    return {
      mode,
      scale,
      date: new Date().toISOString(),
      durationSeconds: (Date.now() - started) / 1000,
      loadAverageAtStart,
      machine: machineFacts(),
      postgres: await serverFacts(cluster.adminUrl),
      data: {
        calls: gen.manifest.files['calls']?.rows ?? 0,
        month,
        generatedSeconds: gen.seconds,
        loadSeconds: 0,
        reusedDatabase: false,
      },
      command,
      figures: imports.figures,
    };
  }

  const loaded = await openLoadedDatabase(
    cluster,
    loadedScale,
    loadedGen.dir,
    loadedGen.manifest,
    await freePort(),
    imports.schema,
  );
  let statsFigures: Figure[];
  let statsPaths: string[];
  let lcp: Figure;
  const featureFigures: Figure[] = [];
  try {
    log(`stats over ${num(loaded.calls)} calls, ${month.from} → ${month.to}…`);
    const stats = await measureStats(
      loaded.api,
      loaded.token,
      month,
      settings.statsRuns,
      loaded.calls,
    );
    statsFigures = stats.figures;
    statsPaths = stats.urls;
    log('largest contentful paint…');
    const managerEmail = await managerEmailOf(loadedScale);
    lcp = await measureLcp(loaded.api, loaded.url, managerEmail, settings.lcpRuns);
    for (const bench of FEATURE_BENCHES) {
      log(`${bench.name}…`);
      featureFigures.push(
        ...(await bench.measure({
          mode,
          scale: loadedScale,
          cluster,
          databaseUrl: loaded.url,
          api: loaded.api,
          adminToken: loaded.token,
          dataDir: loadedGen.dir,
          managerEmail,
          runs: settings.statsRuns,
        })),
      );
    }
  } finally {
    await loaded.api.stop();
  }
  await plansOrNote(cluster, databaseOf(loadedScale).loaded, statsPaths, scaleKey(loadedScale));
  const initialJs = measureInitialJs();
  const measured = new Set(featureFigures.map((f) => f.id));
  const figures = [
    ...imports.figures,
    ...statsFigures,
    initialJs,
    lcp,
    ...featureFigures,
    ...notBuiltFigures().filter((f) => !measured.has(f.id)),
  ];
  return {
    mode,
    scale,
    loadedScale,
    date: new Date().toISOString(),
    durationSeconds: (Date.now() - started) / 1000,
    loadAverageAtStart,
    machine: machineFacts(),
    postgres: await serverFacts(loaded.url),
    data: {
      calls: loaded.calls,
      month,
      generatedSeconds: gen.seconds,
      loadSeconds: loaded.loadSeconds,
      reusedDatabase: loaded.reused,
    },
    command,
    figures,
  };
}

/** Query plans are a diagnosis: a failure to capture them is reported, not fatal. */
async function plansOrNote(cluster: Cluster, database: string, paths: string[], tag: string) {
  try {
    await capturePlans(cluster, database, paths, tag);
  } catch (e) {
    log(`  could not capture the query plans: ${(e as Error).message}`);
  }
}

async function runGrowth(cluster: Cluster, started: number): Promise<void> {
  const growthLoadAtStart = Math.round(loadavg()[0] * 100) / 100;
  const points: GrowthPoint[] = [];
  let facts: Awaited<ReturnType<typeof serverFacts>> | null = null;
  for (const agents of GROWTH_AGENTS) {
    const scale: Scale = { agents, months: 12, seed: SEED, end: END_DATE };
    const gen = await ensureGenerated(scale);
    const month = lastCompleteMonth(
      gen.manifest.parameters.windowStart,
      gen.manifest.parameters.windowEnd,
    );
    log(`growth point ${scaleKey(scale)}: imports…`);
    const imports = await measureImports(cluster, scale, gen.dir, 'growth', await freePort());
    const loaded = await openLoadedDatabase(
      cluster,
      scale,
      gen.dir,
      gen.manifest,
      await freePort(),
      imports.schema,
    );
    let paths: string[] = [];
    try {
      const stats = await measureStats(
        loaded.api,
        loaded.token,
        month,
        SETTINGS.growth.statsRuns,
        loaded.calls,
      );
      paths = stats.urls;
      facts = await serverFacts(loaded.url);
      points.push({
        agents,
        calls: loaded.calls,
        importRowsPerSecond: imports.summary.oursRowsPerSecond,
        psqlRowsPerSecond: imports.summary.psqlRowsPerSecond,
        memory1MB: imports.summary.memory1 / 2 ** 20,
        memory4MB: imports.summary.memory4 / 2 ** 20,
        oursIntervalMs: stats.summary['ours-interval'],
        oursAgentMs: stats.summary['ours-agent'],
        rawIntervalMs: stats.summary['raw-interval'],
        rawAgentMs: stats.summary['raw-agent'],
      });
    } finally {
      await loaded.api.stop();
    }
    await plansOrNote(cluster, databaseOf(scale).loaded, paths, `growth-${scaleKey(scale)}`);
  }
  const machine = machineFacts();
  const date = new Date().toISOString();
  writeFileSync(
    join(BENCH_DIR, 'results-growth.json'),
    `${JSON.stringify({ mode: 'growth', date, durationSeconds: (Date.now() - started) / 1000, machine, postgres: facts, points }, null, 2)}\n`,
  );
  writeFileSync(GROWTH_SVG, renderGrowthSvg(points));
  const table = [
    '| agents | calls | import rows/s (ours) | psql rows/s | memory 1M / 4M rows | stats by interval ours / raw | stats by agent ours / raw |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...points.map(
      (p) =>
        `| ${num(p.agents)} | ${num(p.calls)} | ${num(p.importRowsPerSecond)} | ${num(p.psqlRowsPerSecond)} | ` +
        `${num(p.memory1MB)} / ${num(p.memory4MB)} MB | ${num(p.oursIntervalMs, 1)} / ${num(p.rawIntervalMs)} ms | ` +
        `${num(p.oursAgentMs, 1)} / ${num(p.rawAgentMs)} ms |`,
    ),
  ].join('\n');
  const machineText = facts
    ? machineLine({ machine, postgres: facts, loadAverageAtStart: growthLoadAtStart } as Results)
    : '';
  replaceDocSection(
    DOC_FILE,
    'growth',
    [
      `Measured ${date.slice(0, 16).replace('T', ' ')} UTC by \`npm run bench -- --growth\` (12 months of calls each, seed ${SEED}, ending ${END_DATE}; ${machineText}).`,
      '',
      '![How each cost grows with the number of agents](benchmarks-growth.svg)',
      '',
      table,
      '',
      ...growthSentences(points),
    ].join('\n'),
  );
  log(`growth chart written to ${GROWTH_SVG}`);
  process.stdout.write(`\n${growthSentences(points).join('\n')}\n`);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  mkdirSync(BENCH_DIR, { recursive: true });
  if (args.build) {
    build();
  }
  const cluster = await startCluster();
  try {
    if (args.mode === 'growth') {
      await runGrowth(cluster, started);
      return 0;
    }
    const results = await runScale(cluster, args, started);
    printTable(results.figures);
    const partial = args.only !== null || isCustomScale(args);
    const tag = partial
      ? `${args.mode}-${scaleKey(results.scale)}${args.only ? `-${args.only}` : ''}`
      : args.mode;
    const file = join(BENCH_DIR, `results-${tag}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    log(`results written to ${file}`);
    if (args.mode === 'full' && !partial) {
      replaceDocSection(DOC_FILE, 'results', resultsSection(results));
      log(`results section of ${DOC_FILE} rewritten`);
    }
    const missed = misses(results.figures);
    if (missed.length > 0) {
      process.stdout.write(`Targets missed:\n${missed.map((m) => `  - ${m}`).join('\n')}\n`);
      // what each missed figure's run saw, so a CI log says why
      for (const f of results.figures.filter((x) => x.status === 'missed' && x.note)) {
        process.stdout.write(`  ${f.id}: ${f.note}\n`);
      }
    }
    if (args.mode === 'quick' && !partial) {
      const failures = gateFailures(results.figures);
      if (failures.length > 0) {
        process.stdout.write(
          `\nCI gate FAILED: more than 2× behind target:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`,
        );
        return 1;
      }
      process.stdout.write('CI gate passed: no figure is more than 2× behind its target.\n');
    }
    return 0;
  } finally {
    await cleanupAll();
  }
}

main().then(
  (code) => process.exit(code),
  async (e: unknown) => {
    process.stderr.write(
      `[bench] failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    await cleanupAll();
    process.exit(1);
  },
);

/**
 * Burnout benchmark (issue 7): a full day's index for every agent (target ≤ 5 s at 2,000 agents)
 * and the team view read from the daily snapshots (≤ 50 ms).
 *
 * In `npm run bench` it measures the loaded scale (quick: 100 agents). Run on its own it builds
 * the 2,000-agent case the target names, without the 12 months the full benchmark loads:
 *
 *   npx tsx tools/bench/features/burnout.ts --agents 2000 [--months 2] [--quotas]
 *
 * generates 2,000 agents × 2 months, loads the organisation, the shifts and the calls of the last
 * 36 days (the 28-day window, its lead days and a margin) into a fresh database of the bench
 * cluster through the API's imports, and runs the same measurements.
 */
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { freePort, http, login, startApi } from '../api-server';
import { BENCH_DIR, END_DATE, SEED } from '../bench-config';
import { recreateDatabase, startCluster, upsertUser, withClient } from '../bench-db';
import { describeCheck, Figure, median, ms, num, statusOf } from '../figures';
import { indexRows } from '../data-files';
import { ADMIN, importOrganisation, importShifts, loadCalls } from '../load-data';
import type { BenchContext, FeatureBench } from './feature-bench';

const DAY_TARGET_MS = 5000;
const TEAM_TARGET_MS = 50;
const TREND_DAYS = 90;

const plusDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function api<T>(
  ctx: Pick<BenchContext, 'api' | 'adminToken'>,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ ms: number; body: T }> {
  const t0 = performance.now();
  const r = await http(method, `${ctx.api.url}${path}`, {
    token: ctx.adminToken,
    ...(body ? { contentType: 'application/json', body: JSON.stringify(body) } : {}),
  });
  const elapsed = performance.now() - t0;
  if (r.status !== 200) {
    throw new Error(`${method} ${path}: ${r.status} ${r.body.slice(0, 300)}`);
  }
  return { ms: elapsed, body: JSON.parse(r.body) as T };
}

interface DayResult {
  agents: number;
  ms: number;
  loadMs: number;
  computeMs: number;
  writeMs: number;
}

export async function measureBurnout(
  ctx: Pick<BenchContext, 'api' | 'adminToken' | 'runs' | 'scale'>,
): Promise<Figure[]> {
  const asOf = ctx.scale.end;
  // snapshots of the trend days for the team view (idempotent: recompute is an upsert)
  const teams = await api<{ teams: { teamCode: string }[]; trend: unknown[] }>(
    ctx,
    'GET',
    `/api/burnout/team?asOf=${asOf}&days=${TREND_DAYS}`,
  );
  if (teams.body.trend.length < TREND_DAYS) {
    for (let i = TREND_DAYS - 1; i >= 1; i -= 1) {
      await api(ctx, 'POST', '/api/burnout/recompute', { asOf: plusDays(asOf, -i) });
    }
  }
  // a full day for every agent: warm-up, then timed runs
  await api<DayResult>(ctx, 'POST', '/api/burnout/recompute', { asOf });
  const days: DayResult[] = [];
  const wall: number[] = [];
  for (let i = 0; i < ctx.runs; i += 1) {
    const r = await api<DayResult>(ctx, 'POST', '/api/burnout/recompute', { asOf });
    days.push(r.body);
    wall.push(r.ms);
  }
  const dayMs = median(wall);
  const agents = days[0]?.agents ?? 0;
  const dayCheck = {
    label: `full day, ${num(agents)} agents`,
    value: dayMs,
    target: DAY_TARGET_MS,
    better: 'lower' as const,
    unit: 'ms',
  };
  // the team view of the first team, 90 days of trend
  const team = teams.body.teams[0]?.teamCode;
  const teamUrl = `/api/burnout/team?asOf=${asOf}&days=${TREND_DAYS}&teamCode=${encodeURIComponent(team ?? '')}`;
  await api(ctx, 'GET', teamUrl);
  const teamMs: number[] = [];
  for (let i = 0; i < Math.max(ctx.runs, 9); i += 1) {
    teamMs.push((await api(ctx, 'GET', teamUrl)).ms);
  }
  const teamCheck = {
    label: `team ${team}, ${TREND_DAYS}-day trend`,
    value: median(teamMs),
    target: TEAM_TARGET_MS,
    better: 'lower' as const,
    unit: 'ms',
  };
  const part = (k: keyof DayResult) => median(days.map((d) => d[k]));
  return [
    {
      id: 'burnout-day',
      label: "burnout: a full day's computation for 2,000 agents",
      target: '≤ 5 s',
      median: ms(dayMs),
      ratio: null,
      runs: wall.length,
      status: statusOf([dayCheck]),
      note: `${num(agents)} agents as of ${asOf} (POST /api/burnout/recompute, wall time): load ${ms(part('loadMs'))}, compute ${ms(part('computeMs'))}, write ${ms(part('writeMs'))}. ${describeCheck(dayCheck)}`,
      checks: [dayCheck],
      data: { samples: wall, days },
    },
    {
      id: 'burnout-team',
      label: 'burnout: the team view from snapshots',
      target: '≤ 50 ms',
      median: ms(median(teamMs)),
      ratio: null,
      runs: teamMs.length,
      status: statusOf([teamCheck]),
      note: `GET ${teamUrl.split('?')[0]} with ${TREND_DAYS} days of trend. ${describeCheck(teamCheck)}`,
      checks: [teamCheck],
      data: { samples: teamMs },
    },
  ];
}

export const burnoutBench: FeatureBench = {
  name: 'burnout',
  measure: (ctx) => measureBurnout(ctx),
};

/** Copies the calls of local dates ≥ `from` (the date part of started_at is the local date). */
async function callsSince(src: string, dest: string, from: string): Promise<number> {
  const out = createWriteStream(dest);
  const lines = createInterface({ input: createReadStream(src, { highWaterMark: 1 << 20 }) });
  let n = 0;
  let header = true;
  for await (const line of lines) {
    // started_at is the 6th column; no earlier column is quoted in the generated files
    const date = header ? '' : line.split(',', 6)[5].slice(0, 10);
    if (header || date >= from) {
      if (!out.write(`${line}\n`)) {
        await once(out, 'drain');
      }
      n += header ? 0 : 1;
    }
    header = false;
  }
  out.end();
  await once(out, 'finish');
  return n;
}

/**
 * `--quotas`: every team gets per-member day / shift count quotas (a shift target of 25 handled
 * calls and a day target of one sale), so quota pressure has something to read, as in the demo.
 */
async function seedBenchQuotas(url: string, from: string): Promise<void> {
  await withClient(url, (c) =>
    c.query(
      `WITH q AS (
         INSERT INTO quota (scope, team_id, per_member, metric, period, comparator)
         SELECT 'team', t.id, true, m.metric, m.period, 'at_least'
         FROM team t CROSS JOIN (VALUES ('calls_handled', 'shift'), ('sales', 'day')) m(metric, period)
         RETURNING id, metric)
       INSERT INTO quota_version (quota_id, effective_from, target)
       SELECT id, $1::date, CASE WHEN metric = 'sales' THEN 1 ELSE 25 END FROM q`,
      [from],
    ),
  );
}

async function standalone(): Promise<void> {
  const argOf = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : fallback;
  };
  const agents = Number(argOf('agents', '2000'));
  const months = Number(argOf('months', '2'));
  const scale = { agents, months, seed: SEED, end: END_DATE };
  const dir = join(BENCH_DIR, `burnout-${agents}a-${months}m`);
  if (!existsSync(join(dir, 'manifest.json'))) {
    const { generateDemoData } = await import('../../generator/generate');
    process.stderr.write(`generating ${agents} agents × ${months} months…\n`);
    await generateDemoData({
      outDir: dir,
      agents,
      months,
      seed: SEED,
      end: END_DATE,
      futureDays: 0,
    });
  }
  const window = join(dir, 'calls-window.csv');
  const from = plusDays(END_DATE, -35);
  if (!existsSync(window)) {
    const n = await callsSince(join(dir, 'calls.csv'), window, from);
    process.stderr.write(`calls since ${from}: ${num(n)}\n`);
  }
  const cluster = await startCluster();
  const database = `burnout_${agents}a_${months}m`;
  await recreateDatabase(cluster, database);
  const url = cluster.urlOf(database);
  const server = await startApi(url, await freePort(), `burnout-${agents}`);
  try {
    await upsertUser(url, ADMIN.email, ADMIN.password, 'admin');
    const token = await login(server, ADMIN.email, ADMIN.password);
    await importOrganisation(server, token, dir);
    await importShifts(server, token, dir);
    const t0 = Date.now();
    // slices of 500,000 rows: one request stays well inside the server's request timeout
    const imported = await loadCalls(server, token, window, await indexRows(window, 500_000));
    process.stderr.write(`calls: ${num(imported)} in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
    if (process.argv.includes('--quotas')) {
      await seedBenchQuotas(url, plusDays(END_DATE, -120));
    }
    const load = loadavg()[0];
    const figures = await measureBurnout({ api: server, adminToken: token, runs: 5, scale });
    process.stdout.write(
      `${JSON.stringify({ scale, loadAverageAtStart: load, loadAverageAtEnd: loadavg()[0], figures }, null, 2)}\n`,
    );
  } finally {
    await server.stop();
    await cluster.stop();
  }
}

if (require.main === module) {
  standalone().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}

/**
 * Times the turnover endpoints that read burnout — drivers, flight risk and the summary grouped
 * by `burnout_band` — on a running product (`PORT=3107 npm start`), signed in as hr, the way
 * the Turnover page asks for them (the 12 months to today, flight risk as of today).
 *
 *   npx tsx tools/bench/turnover-demo.ts [--url http://localhost:3107] [--runs 5] [--save dir]
 *     [--cold-from 0] [--api-pid <pid of the API's node process> --pg-dir .data/pg]
 *
 * - `drivers cold`: each run ends the range one day earlier (to = today − cold-from, then a day
 *   earlier each run), so every run measures a population the API has not cached yet (pass a
 *   larger `--cold-from` to repeat within the 5-minute cache).
 * - `drivers warm`: the first cold request again (the API keeps a population's exposures 5
 *   minutes).
 * - `flight-risk`: as of today, limit 200 — first run, then the repeats (the year of drivers it
 *   reads is cached after the first).
 * - `summary by burnout_band`: the default 12 months (nothing cached).
 *
 * `--save dir` writes each distinct response as JSON, to compare two builds figure by figure.
 * With `--api-pid`, also the CPU seconds the API process and the product's PostgreSQL spent per
 * request of each batch (from /proc; the background burnout job, if busy, counts too).
 * Prints the load average before and after: the machine is shared.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const base = arg('url', 'http://localhost:3107');
const runs = Number(arg('runs', '5'));
const save = arg('save', '');
const coldFrom = Number(arg('cold-from', '0'));
const apiPid = Number(arg('api-pid', '0'));
const pgDir = arg('pg-dir', '.data/pg');

/** utime + stime of a process and of its ended children (cutime, cstime), in CPU seconds. */
function ticks(pid: number, withChildren: boolean): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (
      (Number(f[11]) + Number(f[12]) + (withChildren ? Number(f[13]) + Number(f[14]) : 0)) / 100
    );
  } catch {
    return 0;
  }
}

/** CPU seconds of the API process and of the product's PostgreSQL (postmaster and backends). */
function cpu(): { api: number; pg: number } | null {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!apiPid || !existsSync(pidFile)) {
    return null;
  }
  const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  let pg = ticks(postmaster, true);
  for (const entry of readdirSync('/proc')) {
    if (/^\d+$/.test(entry)) {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster) {
          pg += ticks(Number(entry), false);
        }
      } catch {
        // the process ended meanwhile
      }
    }
  }
  return { api: ticks(apiPid, false), pg };
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const today = iso(Date.now());
const minus = (date: string, days: number) =>
  iso(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000);
const from = (() => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 11);
  return iso(d.getTime());
})();

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(): Promise<void> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'hr@floorwise.local', password: 'floorwise-demo' }),
  });
  if (!login.ok) {
    throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  }
  const { accessToken } = (await login.json()) as { accessToken: string };
  const get = async (path: string): Promise<{ ms: number; body: unknown }> => {
    const t0 = performance.now();
    const r = await fetch(`${base}${path}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    const body = await r.json();
    const ms = performance.now() - t0;
    if (!r.ok) {
      throw new Error(`${path}: ${r.status} ${JSON.stringify(body)}`);
    }
    if (save) {
      mkdirSync(save, { recursive: true });
      writeFileSync(
        join(
          save,
          `${path.replace(/^\/api\/turnover\//, '').replace(/[^a-z0-9=_-]+/gi, '_')}.json`,
        ),
        JSON.stringify(body, null, 1),
      );
    }
    return { ms, body };
  };
  const status = (await (
    await fetch(`${base}/api/burnout/status`, {
      headers: { authorization: `Bearer ${accessToken}` },
    })
  ).json()) as Record<string, unknown>;
  const loadBefore = loadavg().map((x) => x.toFixed(2));
  const out: Record<string, string> = {};
  const time = async (label: string, paths: string[]) => {
    const ms: number[] = [];
    const c0 = cpu();
    for (const p of paths) {
      ms.push((await get(p)).ms);
    }
    const c1 = cpu();
    const perRequest =
      c0 && c1
        ? `; CPU per request: API ${(((c1.api - c0.api) / paths.length) * 1000).toFixed(0)} ms, ` +
          `PostgreSQL ${(((c1.pg - c0.pg) / paths.length) * 1000).toFixed(0)} ms`
        : '';
    out[label] =
      `median ${median(ms).toFixed(0)} ms (runs: ${ms.map((x) => x.toFixed(0)).join(', ')})` +
      perRequest;
  };
  const drivers = (to: string) => `/api/turnover/drivers?from=${from}&to=${to}`;
  await time(
    'drivers cold',
    Array.from({ length: runs }, (_, k) => drivers(minus(today, coldFrom + k))),
  );
  await time(
    'drivers warm',
    Array.from({ length: runs }, () => drivers(minus(today, coldFrom))),
  );
  const risk = `/api/turnover/flight-risk?asOf=${today}&limit=200`;
  await time('flight-risk first', [risk]);
  await time(
    'flight-risk again',
    Array.from({ length: runs }, () => risk),
  );
  await time(
    'summary by burnout_band',
    Array.from(
      { length: runs },
      () => `/api/turnover/summary?from=${from}&to=${today}&groupBy=burnout_band`,
    ),
  );
  const loadAfter = loadavg().map((x) => x.toFixed(2));
  console.log(
    JSON.stringify(
      {
        base,
        today,
        range: `${from}..${today}`,
        burnoutStatus: {
          latestAsOf: status['latestAsOf'],
          snapshots: status['snapshots'],
          dirtyAgents: status['dirtyAgents'],
          running: status['running'],
        },
        loadAverage: { before: loadBefore.join(' '), after: loadAfter.join(' ') },
        ...out,
      },
      null,
      2,
    ),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

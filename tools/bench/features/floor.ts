// autocannon ships no types; the part used here
const autocannon = require('autocannon') as (
  opts: Record<string, unknown>,
  done: (err: Error | null, res: AutocannonResult) => void,
) => {
  on: (
    event: 'response',
    fn: (c: unknown, status: number, bytes: number, ms: number) => void,
  ) => void;
};
interface AutocannonResult {
  requests: { average: number };
  non2xx: number;
}
import { Client } from 'pg';
import { SseClient } from '../../../apps/api/test/sse-client';
import { http, login, sleep } from '../api-server';
import { ms, statusOf, type Figure } from '../figures';
import type { BenchContext, FeatureBench } from './feature-bench';

/** The organisation the floor is measured on, whatever the scale: 20 teams × 100 agents on shift. */
const TEAMS = 20;
const PER_TEAM = 100;
const AGENTS = TEAMS * PER_TEAM;
const MANAGER = 'floor.bench.manager@floorwise.local';
const PASSWORD = 'floor-bench-password-0123';
const EVENTS_PER_SECOND = 50;
/**
 * A minute of events: every API process reloads its floor once a minute (roster, quotas,
 * forecasts; ~0.5 s in which POSTs slow down), so a minute's run always holds exactly the one
 * reload a live floor has in a minute. A 20-s run caught it one time in three.
 */
const EVENT_SECONDS = 60;
/** The second event run: the same rate in POSTs of this many calls. */
const BATCH = 5;
const BATCHED_SECONDS = 10;
const SNAPSHOT_SECONDS = 10;
const CONNECTIONS = 50;
const STREAMS = 5;
/** What Chromium sends: the snapshot goes out brotli-compressed, as to the dashboard. */
const CHROMIUM_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.POSITIVE_INFINITY;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const p95 = (v: number[]) => quantile(v, 0.95);
const p50 = (v: number[]) => quantile(v, 0.5);

/** A 2,000-agent organisation with shifts covering now, and a manager of all of it (idempotent). */
async function setUp(ctx: BenchContext): Promise<void> {
  const c = new Client({ connectionString: ctx.databaseUrl });
  await c.connect();
  try {
    await c.query(`
      INSERT INTO site (site_code, name, time_zone) VALUES ('FLR', 'Floor bench', 'America/Chicago') ON CONFLICT DO NOTHING;
      INSERT INTO campaign (campaign_code, name, kind, site_id)
        SELECT 'FLR-C', 'Floor bench campaign', 'inbound_support', id FROM site WHERE site_code = 'FLR' ON CONFLICT DO NOTHING;
      INSERT INTO team (team_code, name, site_id, manager_email)
        SELECT 'FLR-T' || lpad(g::text, 2, '0'), 'Floor team ' || g, (SELECT id FROM site WHERE site_code = 'FLR'), '${MANAGER}'
        FROM generate_series(1, ${TEAMS}) g ON CONFLICT DO NOTHING;
      INSERT INTO agent (employee_code, full_name, email, team_id, title, work_mode, hire_date, hourly_rate_cents)
        SELECT 'FLR-A' || lpad(g::text, 4, '0'), 'Floor Agent ' || g, 'flr.a' || g || '@bench.local',
               (SELECT id FROM team WHERE team_code = 'FLR-T' || lpad((1 + (g - 1) / ${PER_TEAM})::text, 2, '0')),
               'Agent', 'onsite', current_date - 400 + (g % 300), 1581
        FROM generate_series(1, ${AGENTS}) g ON CONFLICT DO NOTHING;
      DELETE FROM shift WHERE shift_code LIKE 'FLR-S-%' AND NOT (start_at <= now() + interval '5 minutes' AND end_at > now() + interval '2 hours');
      INSERT INTO shift (shift_code, agent_id, start_at, end_at, local_date, break_minutes)
        SELECT 'FLR-S-' || a.employee_code || '-' || to_char(now(), 'YYYYMMDDHH24'), a.id,
               date_trunc('hour', now()) - interval '2 hours', date_trunc('hour', now()) + interval '6 hours',
               ((date_trunc('hour', now()) - interval '2 hours') AT TIME ZONE 'America/Chicago')::date, 30
        FROM agent a WHERE a.employee_code LIKE 'FLR-A%'
          AND NOT EXISTS (SELECT 1 FROM shift s WHERE s.agent_id = a.id AND s.shift_code LIKE 'FLR-S-%')
        ON CONFLICT (shift_code) DO NOTHING;
      INSERT INTO quota (scope, team_id, per_member, metric, period, comparator)
        SELECT 'team', t.id, true, 'calls_handled', 'shift', 'at_least' FROM team t WHERE t.team_code LIKE 'FLR-T%'
        ON CONFLICT DO NOTHING;
      INSERT INTO quota_version (quota_id, effective_from, target)
        SELECT q.id, current_date - 7, 60 FROM quota q JOIN team t ON t.id = q.team_id
        WHERE t.team_code LIKE 'FLR-T%' AND NOT EXISTS (SELECT 1 FROM quota_version v WHERE v.quota_id = q.id);`);
  } finally {
    await c.end();
  }
  const exists = await http('POST', `${ctx.api.url}/api/users`, {
    token: ctx.adminToken,
    contentType: 'application/json',
    body: JSON.stringify({ email: MANAGER, password: PASSWORD, role: 'manager' }),
  });
  if (exists.status !== 201 && exists.status !== 409) {
    throw new Error(`floor bench manager not created: ${exists.status} ${exists.body}`);
  }
  await reloadFloor(ctx);
  // one call first, so the month's calls partition exists before concurrent POSTs race to make it
  const warm = await http('POST', `${ctx.api.url}/api/calls`, {
    token: ctx.adminToken,
    contentType: 'application/json',
    body: JSON.stringify({
      call_id: `FLR-W-${Date.now()}`,
      employee_code: 'FLR-A0001',
      campaign_code: 'FLR-C',
      channel: 'phone',
      direction: 'inbound',
      started_at: new Date(Date.now() - 300_000).toISOString(),
      queue_seconds: 5,
      talk_seconds: 120,
      hold_seconds: 0,
      wrap_seconds: 10,
      outcome: 'resolved',
    }),
  });
  if (warm.status !== 200) throw new Error(`warm-up call: ${warm.status} ${warm.body}`);
}

/** An (empty) settings change: every API process reloads its floor now. */
async function reloadFloor(ctx: BenchContext): Promise<void> {
  const put = await fetch(`${ctx.api.url}/api/floor/settings`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${ctx.adminToken}`, 'content-type': 'application/json' },
    body: '{}',
  });
  if (put.status !== 200) throw new Error(`floor settings: ${put.status} ${await put.text()}`);
}

async function onShift(ctx: BenchContext, token: string): Promise<number> {
  for (let i = 0; i < 60; i++) {
    const r = await http('GET', `${ctx.api.url}/api/floor`, { token });
    if (r.status === 200) {
      const n = (JSON.parse(r.body) as { agents: unknown[] }).agents.length;
      if (n >= AGENTS) return n;
    }
    await sleep(1000);
  }
  throw new Error('the floor did not show the 2,000 bench agents within a minute');
}

/** autocannon on one URL; every 2xx response time (ms) and the last body size. */
async function cannon(
  url: string,
  token: string,
): Promise<{ times: number[]; bytes: number; result: AutocannonResult }> {
  const times: number[] = [];
  let bytes = 0;
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    const inst = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: SNAPSHOT_SECONDS,
        headers: { authorization: `Bearer ${token}`, 'accept-encoding': CHROMIUM_ACCEPT_ENCODING },
      },
      (err: Error | null, res: AutocannonResult) => (err ? reject(err) : resolve(res)),
    );
    inst.on('response', (_c, status, resBytes, responseTime) => {
      if (status >= 200 && status < 300) {
        times.push(responseTime);
        bytes = resBytes;
      }
    });
  });
  return { times, bytes, result };
}

async function snapshotFigures(ctx: BenchContext, token: string): Promise<Figure[]> {
  // the same load on the cheapest authenticated call first: what the machine and the auth guard
  // (a token check and one small query) cost at this concurrency, to read the figure against
  const base = await cannon(`${ctx.api.url}/api/auth/me`, token);
  const { times, bytes, result } = await cannon(`${ctx.api.url}/api/floor`, token);
  // and the same load while the floor changes: 50 call events a second posted meanwhile, so
  // the snapshot is rebuilt (at most every half second) as it would be on a live floor
  const [live, liveFailed] = await Promise.all([
    cannon(`${ctx.api.url}/api/floor`, token),
    postCallsFor(ctx, SNAPSHOT_SECONDS, 'S'),
  ]);
  const value = p95(times);
  const baseline = p95(base.times);
  const checks = [
    { label: 'floor snapshot p95', value, target: 50, better: 'lower' as const, unit: 'ms' },
  ];
  const liveValue = p95(live.times);
  const liveChecks = [
    {
      label: 'floor snapshot p95 under 50 events/s',
      value: liveValue,
      target: 50,
      better: 'lower' as const,
      unit: 'ms',
    },
  ];
  const liveFigure: Figure = {
    id: 'floor-snapshot-live-p95',
    label: 'floor snapshot p95, 50 concurrent clients, while 50 call events/s land',
    target: '≤ 50 ms',
    median: ms(liveValue),
    ratio: null,
    runs: live.times.length,
    status: liveFailed > 0 ? 'missed' : statusOf(liveChecks),
    note: `the same autocannon load on GET /api/floor while ${EVENTS_PER_SECOND} single-call POST /api/calls a second land (each changes the floor, so the shared body is rebuilt at most every 0.5 s): p50 ${ms(p50(live.times))}, ${Math.round(live.result.requests.average)} req/s, ${live.result.non2xx} non-2xx, ${liveFailed} POSTs failed`,
    checks: liveChecks,
    data: { p50: p50(live.times), requests: live.times.length, failedPosts: liveFailed },
  };
  return [
    {
      id: 'floor-snapshot-p95',
      label: 'floor snapshot p95, 50 concurrent clients',
      target: '≤ 50 ms',
      median: ms(value),
      ratio: null,
      runs: times.length,
      status: statusOf(checks),
      note: `autocannon, ${CONNECTIONS} connections × ${SNAPSHOT_SECONDS} s, GET /api/floor (Accept-Encoding as Chromium sends it: brotli) as a manager of ${AGENTS} agents on shift; ${Math.round(result.requests.average)} req/s, ${result.non2xx} non-2xx, ${Math.round(bytes / 1024)} KiB per response; p50 ${ms(p50(times))}. Same load on GET /api/auth/me just before: p95 ${ms(baseline)}, p50 ${ms(p50(base.times))}, ${Math.round(base.result.requests.average)} req/s`,
      checks,
      data: {
        p50: p50(times),
        requests: times.length,
        authMeP95: baseline,
        authMeP50: p50(base.times),
      },
    },
    liveFigure,
  ];
}

/** The `k`-th bench call: a call that ended just now, for agent `code`. */
function benchCall(callId: string, code: string, k: number) {
  return {
    call_id: callId,
    employee_code: code,
    campaign_code: 'FLR-C',
    channel: 'phone',
    direction: 'inbound',
    started_at: new Date(Date.now() - 240_000).toISOString(),
    queue_seconds: 8,
    talk_seconds: 180,
    hold_seconds: 0,
    wrap_seconds: 40,
    outcome: k % 7 === 0 ? 'sale' : 'resolved',
    hostile: k % 23 === 0,
  };
}

/** Single-call POSTs at `EVENTS_PER_SECOND` for `seconds` (the live floor's load); how many failed. */
async function postCallsFor(ctx: BenchContext, seconds: number, tag: string): Promise<number> {
  const t0 = performance.now();
  const stamp = Date.now();
  const posts: Promise<number>[] = [];
  for (let k = 0; k < EVENTS_PER_SECOND * seconds; k++) {
    const wait = t0 + (k * 1000) / EVENTS_PER_SECOND - performance.now();
    if (wait > 0) await sleep(wait);
    const code = `FLR-A${String((k % AGENTS) + 1).padStart(4, '0')}`;
    posts.push(
      http('POST', `${ctx.api.url}/api/calls`, {
        token: ctx.adminToken,
        contentType: 'application/json',
        body: JSON.stringify(benchCall(`FLR-${tag}-${stamp}-${k}`, code, k)),
      }).then((r) => (r.status === 200 ? 0 : 1)),
    );
  }
  return (await Promise.all(posts)).reduce((a, b) => a + b, 0);
}

interface EventRun {
  /** Sending the POST → the agent's row arriving on the stream. */
  toScreen: number[];
  /** Sending the POST → its response. */
  posted: number[];
  /** The POST's response → the row arriving (negative: the row came first). */
  afterAnswer: number[];
  /** Calls stored (their POST answered 200): each must reach the stream. */
  events: number;
  /** POSTs that failed (status and the start of the body). */
  failed: string[];
}

/**
 * `EVENTS_PER_SECOND` calls a second for `seconds`, in POSTs of `perPost` calls, onto distinct
 * agents, with `STREAMS` manager streams open; timed on the first stream.
 */
async function eventRun(
  ctx: BenchContext,
  token: string,
  seconds: number,
  perPost: number,
  tag: string,
): Promise<EventRun> {
  const snap = JSON.parse((await http('GET', `${ctx.api.url}/api/floor`, { token })).body) as {
    eventId: number;
  };
  const streams = await Promise.all(
    Array.from({ length: STREAMS }, () =>
      SseClient.open(`${ctx.api.url}/api/floor/events?after=${snap.eventId}`, {
        authorization: `Bearer ${token}`,
      }),
    ),
  );
  const watch = streams[0];
  const total = EVENTS_PER_SECOND * seconds;
  // per agent, in order: a run longer than AGENTS events sends an agent more than one call
  const sentAt = new Map<string, number[]>();
  const answeredAt = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, code: string, at: number) => {
    const list = m.get(code);
    if (list) list.push(at);
    else m.set(code, [at]);
  };
  let stored = 0;
  const failed: string[] = [];
  const posts: Promise<unknown>[] = [];
  const t0 = performance.now();
  const stamp = Date.now();
  for (let i = 0; i < total; i += perPost) {
    const due = t0 + (i * 1000) / EVENTS_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const codes: string[] = [];
    const calls = [];
    for (let k = i; k < Math.min(total, i + perPost); k++) {
      const code = `FLR-A${String((k % AGENTS) + 1).padStart(4, '0')}`;
      codes.push(code);
      calls.push(benchCall(`FLR-${tag}-${stamp}-${k}`, code, k));
    }
    const now = performance.now();
    for (const c of codes) push(sentAt, c, now);
    posts.push(
      http('POST', `${ctx.api.url}/api/calls`, {
        token: ctx.adminToken,
        contentType: 'application/json',
        body: JSON.stringify(perPost === 1 ? calls[0] : calls),
      }).then((r) => {
        const at = performance.now();
        if (r.status !== 200) failed.push(`${r.status} ${r.body.slice(0, 120)}`);
        else {
          stored += codes.length;
          for (const c of codes) push(answeredAt, c, at);
        }
      }),
    );
  }
  await Promise.all(posts);
  await sleep(2000);
  const run: EventRun = {
    toScreen: [],
    posted: [],
    afterAnswer: [],
    events: stored,
    failed,
  };
  for (const m of watch.messages) {
    if (m.event !== 'floor') continue;
    const code = (JSON.parse(m.data) as { agent?: { employeeCode: string } }).agent?.employeeCode;
    const sent = code ? sentAt.get(code) : undefined;
    const answered = code ? answeredAt.get(code) : undefined;
    if (sent?.length && answered?.length) {
      // the agent's oldest call not yet seen
      const s0 = sent.shift() as number;
      const a0 = answered.shift() as number;
      run.toScreen.push(m.at - s0);
      run.posted.push(a0 - s0);
      run.afterAnswer.push(m.at - a0);
    }
  }
  for (const s of streams) s.close();
  return run;
}

async function eventFigure(ctx: BenchContext, token: string): Promise<Figure> {
  const single = await eventRun(ctx, token, EVENT_SECONDS, 1, 'E');
  await sleep(2000);
  const batched = await eventRun(ctx, token, BATCHED_SECONDS, BATCH, 'B');
  const value = p95(single.toScreen);
  const checks = [
    { label: 'event-to-screen p95', value, target: 250, better: 'lower' as const, unit: 'ms' },
  ];
  const line = (r: EventRun) =>
    `to screen p95 ${ms(p95(r.toScreen))} (p50 ${ms(p50(r.toScreen))}); the POST's own response p95 ${ms(p95(r.posted))}; response → row on the stream p95 ${ms(p95(r.afterAnswer))}; ${r.toScreen.length} of the ${r.events} stored calls seen on the stream` +
    (r.failed.length > 0
      ? `; ${r.failed.length} POSTs failed (${[...new Set(r.failed)].slice(0, 2).join('; ')})`
      : '');
  return {
    id: 'event-to-screen-p95',
    label: 'event-to-screen latency p95 (50 events/s, 2,000 agents)',
    target: '≤ 250 ms',
    median: ms(value),
    ratio: null,
    runs: single.toScreen.length,
    // an event lost on the way (a stored call whose row never arrived) fails the figure
    status:
      single.toScreen.length === single.events && batched.toScreen.length === batched.events
        ? statusOf(checks)
        : 'missed',
    note:
      `${single.events} single-call POST /api/calls at ${EVENTS_PER_SECOND}/s over ${EVENT_SECONDS} s onto ${AGENTS} agents on shift, ${STREAMS} manager streams open, timed by an SSE client (Node, stamps each message on arrival) from sending the POST to the agent's row arriving, a minute's run holding the floor's minutely reload: ${line(single)}. ` +
      `The same rate as ${EVENTS_PER_SECOND / BATCH} POSTs a second of ${BATCH} calls for ${BATCHED_SECONDS} s: ${line(batched)}`,
    checks,
    data: {
      p50: p50(single.toScreen),
      postP95: p95(single.posted),
      afterAnswerP95: p95(single.afterAnswer),
      batchedP95: p95(batched.toScreen),
      batchedPostP95: p95(batched.posted),
      batchedAfterAnswerP95: p95(batched.afterAnswer),
    },
  };
}

export const floorBench: FeatureBench = {
  name: 'live floor (snapshot, event-to-screen)',
  async measure(ctx: BenchContext): Promise<Figure[]> {
    await setUp(ctx);
    const token = await login(ctx.api, MANAGER, PASSWORD);
    await onShift(ctx, token);
    const snapshots = await snapshotFigures(ctx, token);
    const events = await eventFigure(ctx, token);
    return [...snapshots, events];
  },
};

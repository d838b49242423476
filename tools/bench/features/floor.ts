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
const EVENT_SECONDS = 20;
const SNAPSHOT_SECONDS = 10;
const CONNECTIONS = 50;
const STREAMS = 5;

function p95(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
}

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
        ON CONFLICT DO NOTHING;
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
  // an (empty) settings change tells every API process to reload its floor now
  const put = await fetch(`${ctx.api.url}/api/floor/settings`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${ctx.adminToken}`, 'content-type': 'application/json' },
    body: '{}',
  });
  if (put.status !== 200) throw new Error(`floor settings: ${put.status}`);
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

async function snapshotFigure(ctx: BenchContext, token: string): Promise<Figure> {
  const times: number[] = [];
  let bytes = 0;
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    const inst = autocannon(
      {
        url: `${ctx.api.url}/api/floor`,
        connections: CONNECTIONS,
        duration: SNAPSHOT_SECONDS,
        headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' },
      },
      (err: Error | null, res: AutocannonResult) => (err ? reject(err) : resolve(res)),
    );
    inst.on('response', (_c, status, resBytes, responseTime) => {
      if (status === 200) {
        times.push(responseTime);
        bytes = resBytes;
      }
    });
  });
  const value = p95(times);
  const checks = [{ label: 'p95', value, target: 50, better: 'lower' as const, unit: 'ms' }];
  return {
    id: 'floor-snapshot-p95',
    label: 'floor snapshot p95, 50 concurrent clients',
    target: '≤ 50 ms',
    median: ms(value),
    ratio: null,
    runs: times.length,
    status: statusOf(checks),
    note: `autocannon, ${CONNECTIONS} connections × ${SNAPSHOT_SECONDS} s, GET /api/floor (gzip) as a manager of ${AGENTS} agents on shift; ${Math.round(result.requests.average)} req/s, ${result.non2xx} non-2xx, ${Math.round(bytes / 1024)} KiB per response`,
    checks,
    data: {
      p50: [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)],
      requests: times.length,
    },
  };
}

async function eventFigure(ctx: BenchContext, token: string): Promise<Figure> {
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
  const total = EVENTS_PER_SECOND * EVENT_SECONDS;
  const sentAt = new Map<string, number>();
  const posts: Promise<unknown>[] = [];
  const t0 = performance.now();
  const stamp = Date.now();
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / EVENTS_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const code = `FLR-A${String((i % AGENTS) + 1).padStart(4, '0')}`;
    const body = JSON.stringify({
      call_id: `FLR-E-${stamp}-${i}`,
      employee_code: code,
      campaign_code: 'FLR-C',
      channel: 'phone',
      direction: 'inbound',
      started_at: new Date(Date.now() - 240_000).toISOString(),
      queue_seconds: 8,
      talk_seconds: 180,
      hold_seconds: 0,
      wrap_seconds: 40,
      outcome: i % 7 === 0 ? 'sale' : 'resolved',
      hostile: i % 23 === 0,
    });
    sentAt.set(code, performance.now());
    posts.push(
      http('POST', `${ctx.api.url}/api/calls`, {
        token: ctx.adminToken,
        contentType: 'application/json',
        body,
      }),
    );
  }
  await Promise.all(posts);
  await sleep(2000);
  const latencies: number[] = [];
  for (const m of watch.messages) {
    if (m.event !== 'floor') continue;
    const code = (JSON.parse(m.data) as { agent?: { employeeCode: string } }).agent?.employeeCode;
    const sent = code ? sentAt.get(code) : undefined;
    if (sent !== undefined) {
      latencies.push(m.at - sent);
      sentAt.delete(code as string);
    }
  }
  for (const s of streams) s.close();
  const value = latencies.length > 0 ? p95(latencies) : Number.POSITIVE_INFINITY;
  const checks = [{ label: 'p95', value, target: 250, better: 'lower' as const, unit: 'ms' }];
  return {
    id: 'event-to-screen-p95',
    label: 'event-to-screen latency p95 (50 events/s, 2,000 agents)',
    target: '≤ 250 ms',
    median: ms(value),
    ratio: null,
    runs: latencies.length,
    status: latencies.length === total ? statusOf(checks) : 'missed',
    note: `${total} single-call POST /api/calls at ${EVENTS_PER_SECOND}/s over ${EVENT_SECONDS} s onto ${AGENTS} agents on shift; measured by an SSE client (Node, timestamps each message on arrival) from sending the POST to the agent's row arriving, with ${STREAMS} streams open; ${latencies.length} of ${total} events seen`,
    checks,
  };
}

export const floorBench: FeatureBench = {
  name: 'live floor (snapshot, event-to-screen)',
  async measure(ctx: BenchContext): Promise<Figure[]> {
    await setUp(ctx);
    const token = await login(ctx.api, MANAGER, PASSWORD);
    await onShift(ctx, token);
    const snapshot = await snapshotFigure(ctx, token);
    const events = await eventFigure(ctx, token);
    return [snapshot, events];
  },
};

import { ROLLUP_MEASURE_NAMES } from '@floorwise/analytics';
import { createTestApp, seedOrg, seedUsers, TestApp } from '../../../test/test-app';
import { BIGINT_MEASURES } from './call-rollup-stage';
import { ROLLUP_MEASURES } from './call-rollups.sql';

const HEADER =
  'call_id,employee_code,campaign_code,channel,direction,started_at,queue_seconds,talk_seconds,hold_seconds,wrap_seconds,outcome,sale_amount,hostile,qa_score,csat,customer_ref';

interface Call {
  id: string;
  agent: string;
  campaign: string;
  startedAt: string;
  direction: 'inbound' | 'outbound';
  outcome: string;
  queue: number;
  talk: number;
  sale: string;
  hostile: boolean;
  qa: string;
  csat: string;
  ref: string;
}

/** Site offsets of the seeded sites for a date (Chicago leaves DST on 2026-11-01). */
function offsetOf(agent: string, campaign: string, day: string): string {
  if (agent.startsWith('B')) {
    return '+03:00'; // Istanbul
  }
  if (agent === '' && campaign === 'OUT') {
    return 'Z'; // a campaign without a site: UTC
  }
  return day < '2026-11-01' ? '-05:00' : '-06:00';
}

/**
 * Calls over October and November 2026 (two partitions, Chicago's DST change on 1 November) by
 * five agents of two sites and two campaigns, with abandons, outbound calls, sales and every
 * optional field; in time order, a few per agent and 15 minutes.
 */
function makeCalls(n: number, prefix: string, seed: number): Call[] {
  const agents = ['A1', 'A2', 'A3', 'B1', 'B2', ''];
  const outcomes = ['resolved', 'unresolved', 'sale', 'save', 'escalated', 'transferred'];
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const days = ['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02', '2026-11-03'];
  const out: Call[] = [];
  for (let i = 0; i < n; i++) {
    const day = days[Math.floor((i / n) * days.length)];
    const minute = 8 * 60 + Math.floor(((i % (n / days.length)) / (n / days.length)) * 600);
    const agent = agents[Math.floor(rnd() * agents.length)];
    const campaign = rnd() < 0.7 ? 'SUP' : 'OUT';
    const abandoned = agent === '';
    const outbound = !abandoned && rnd() < 0.15;
    const outcome = abandoned ? 'abandoned' : outcomes[Math.floor(rnd() * outcomes.length)];
    const hh = String(Math.floor(minute / 60)).padStart(2, '0');
    const mm = String(minute % 60).padStart(2, '0');
    out.push({
      id: `${prefix}${i + 1}`,
      agent,
      campaign,
      startedAt: `${day}T${hh}:${mm}:${String(Math.floor(rnd() * 60)).padStart(2, '0')}${offsetOf(agent, campaign, day)}`,
      direction: outbound ? 'outbound' : 'inbound',
      outcome,
      queue: outbound ? 0 : Math.floor(rnd() * 200),
      talk: abandoned ? 0 : 30 + Math.floor(rnd() * 600),
      sale: outcome === 'sale' ? `${Math.floor(rnd() * 500)}.${Math.floor(rnd() * 10)}5` : '',
      hostile: !abandoned && rnd() < 0.05,
      qa: rnd() < 0.2 ? String(Math.floor(rnd() * 101)) : '',
      csat: rnd() < 0.3 ? String(1 + Math.floor(rnd() * 5)) : '',
      ref: rnd() < 0.6 ? `+1 (312) 555-${String(1000 + Math.floor(rnd() * 9000))}` : '',
    });
  }
  return out;
}

function csv(calls: Call[]): string {
  return [
    HEADER,
    ...calls.map(
      (c) =>
        `${c.id},${c.agent},${c.campaign},phone,${c.direction},${c.startedAt},${c.queue},${c.talk},${c.agent ? 7 : 0},${c.agent ? 12 : 0},${c.outcome},${c.sale},${c.hostile},${c.qa},${c.csat},${c.ref}`,
    ),
  ].join('\n');
}

function ndjson(calls: Call[]): string {
  return calls
    .map((c) =>
      JSON.stringify({
        call_id: c.id,
        employee_code: c.agent,
        campaign_code: c.campaign,
        channel: 'chat',
        direction: c.direction,
        started_at: c.startedAt,
        queue_seconds: c.queue,
        talk_seconds: c.talk,
        hold_seconds: 0,
        wrap_seconds: 5,
        outcome: c.outcome,
        sale_amount: c.sale,
        hostile: c.hostile,
        qa_score: c.qa,
        csat: c.csat,
        customer_ref: c.ref,
      }),
    )
    .join('\n');
}

const MEASURES = ROLLUP_MEASURES.map((m) => m.column);
const BUCKET = `date_bin('15 minutes', c.started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00')`;

/**
 * Each rollup against a plain GROUP BY over the stored calls with the SQL definitions of
 * call-rollups.sql.ts: the rows (keys, team, local date and slot, every measure) that differ.
 */
const PLAIN: Record<string, { keys: string[]; select: string; group: string }> = {
  call_rollup_15m: {
    keys: ['interval_start', 'campaign_id', 'agent_id'],
    select: `${BUCKET} AS interval_start, c.campaign_id, coalesce(c.agent_id, 0) AS agent_id,
      max(c.team_id) AS team_id, min(c.local_date) AS local_date, min(c.local_minute) AS local_minute`,
    group: '1, 2, 3',
  },
  call_rollup_day: {
    keys: ['local_date', 'campaign_id', 'agent_id'],
    select: `c.local_date, c.campaign_id, coalesce(c.agent_id, 0) AS agent_id, max(c.team_id) AS team_id`,
    group: '1, 2, 3',
  },
  call_rollup_team_15m: {
    keys: ['interval_start', 'campaign_id', 'team_id'],
    select: `${BUCKET} AS interval_start, c.campaign_id, coalesce(c.team_id, 0) AS team_id,
      min(c.local_date) AS local_date, min(c.local_minute) AS local_minute`,
    group: '1, 2, 3',
  },
  call_rollup_campaign_15m: {
    keys: ['interval_start', 'campaign_id'],
    select: `${BUCKET} AS interval_start, c.campaign_id,
      min(c.local_date) AS local_date, min(c.local_minute) AS local_minute`,
    group: '1, 2',
  },
};

async function rollupDifferences(t: TestApp): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [table, p] of Object.entries(PLAIN)) {
    const exprs = ROLLUP_MEASURES.map((m) => `${m.expr} AS ${m.column}`).join(', ');
    const cols = [
      ...p.keys,
      ...(table === 'call_rollup_campaign_15m' ? [] : ['team_id']),
      ...(table === 'call_rollup_day' ? [] : ['local_date', 'local_minute']),
      ...MEASURES,
    ].filter((v, i, a) => a.indexOf(v) === i);
    const { rows } = await t.sql.query<{ n: number }>(
      `WITH plain AS (SELECT ${p.select}, ${exprs} FROM calls c GROUP BY ${p.group}),
            stored AS (SELECT ${cols.join(', ')} FROM ${table})
       SELECT count(*)::int AS n FROM (
         (SELECT ${cols.join(', ')} FROM plain EXCEPT ALL SELECT * FROM stored)
         UNION ALL
         (SELECT * FROM stored EXCEPT ALL SELECT ${cols.join(', ')} FROM plain)) d`,
    );
    out[table] = rows[0].n;
  }
  return out;
}

/** Calls sorted by local day, then agent, then start, as many exports are. */
function byDayThenAgent(calls: Call[]): Call[] {
  return [...calls].sort(
    (a, b) =>
      a.startedAt.slice(0, 10).localeCompare(b.startedAt.slice(0, 10)) ||
      a.agent.localeCompare(b.agent) ||
      a.startedAt.localeCompare(b.startedAt),
  );
}

/** Every rollup equals a plain GROUP BY, and `calls` calls are stored and counted by each. */
async function expectRollupsOf(t: TestApp, calls: number): Promise<void> {
  expect(await rollupDifferences(t)).toEqual(NO_DIFFERENCES);
  const { rows } = await t.sql.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM calls) AS calls, (SELECT sum(calls)::int FROM call_rollup_15m) AS r15,
            (SELECT sum(calls)::int FROM call_rollup_team_15m) AS team,
            (SELECT sum(calls)::int FROM call_rollup_campaign_15m) AS campaign`,
  );
  expect(rows[0]).toEqual({ calls, r15: calls, team: calls, campaign: calls });
}

const NO_DIFFERENCES = {
  call_rollup_15m: 0,
  call_rollup_day: 0,
  call_rollup_team_15m: 0,
  call_rollup_campaign_15m: 0,
};

describe('calls import: rollups, duplicates, all or nothing', () => {
  let t: TestApp;
  let tokens: Awaited<ReturnType<typeof seedUsers>>;

  const post = (body: string, type = 'text/csv') =>
    t
      .http()
      .post('/api/imports/calls')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .set('Content-Type', type)
      .send(body);

  const postLive = (calls: unknown[]) =>
    t.http().post('/api/calls').set('Authorization', `Bearer ${tokens.admin}`).send(calls);

  beforeEach(async () => {
    // Chunks of 300 calls: every file below goes through many chunks.
    t = await createTestApp({ CALLS_MERGE_CHUNK_ROWS: '300' });
    await seedOrg(t);
    await t.sql.query(
      `INSERT INTO campaign (campaign_code, name, kind) VALUES ('OUT', 'Outbound', 'outbound_sales')`,
    );
    tokens = await seedUsers(t);
  });
  afterEach(() => t.close());

  it('should keep every rollup equal to a plain GROUP BY over the stored calls, whichever way the calls came', async () => {
    // 1. A file in time order into empty rollups (buckets copied straight in).
    const first = makeCalls(3000, 'F', 7);
    expect((await post(csv(first))).body).toEqual({ imported: 3000, updated: 0, duplicates: 0 });
    expect(await rollupDifferences(t)).toEqual(NO_DIFFERENCES);
    // 2. More calls in the same intervals, as NDJSON (groups that hold calls: added up).
    const second = makeCalls(1500, 'S', 11);
    expect((await post(ndjson(second), 'application/x-ndjson')).body).toEqual({
      imported: 1500,
      updated: 0,
      duplicates: 0,
    });
    // 3. A file out of time order (every chunk spans all five days).
    const third = makeCalls(1200, 'T', 13).reverse();
    expect((await post(csv(third))).body).toEqual({ imported: 1200, updated: 0, duplicates: 0 });
    // 4. Live calls into the same intervals.
    const live = makeCalls(40, 'L', 17).map((c) => JSON.parse(ndjson([c])));
    expect((await postLive(live)).body).toEqual({ imported: 40, duplicates: 0 });
    expect(await rollupDifferences(t)).toEqual(NO_DIFFERENCES);
    const { rows } = await t.sql.query(
      `SELECT (SELECT count(*)::int FROM calls) AS calls, (SELECT sum(calls)::int FROM call_rollup_15m) AS r15`,
    );
    expect(rows[0]).toEqual({ calls: 5740, r15: 5740 });
  });

  it('should keep every rollup exact for a file sorted by day and then by agent', async () => {
    // Exports often come sorted by day, then agent: each chunk goes back to buckets an earlier
    // chunk wrote, for other agents (those groups are copied straight in, keyed per agent).
    const file = byDayThenAgent(makeCalls(3000, 'D', 19));
    expect((await post(csv(file))).body).toEqual({ imported: 3000, updated: 0, duplicates: 0 });
    await expectRollupsOf(t, 3000);
  });

  it('should keep every rollup exact for such a file when live calls hold some of its later intervals', async () => {
    // The file's first chunks find nothing stored; a later one reaches the day the live calls
    // landed in, from where that campaign's groups go through the stages.
    const calls = makeCalls(3000, 'E', 23);
    const live = calls.slice(2900, 2930).map((c) => JSON.parse(ndjson([{ ...c, id: `L${c.id}` }])));
    expect((await postLive(live)).body).toEqual({ imported: 30, duplicates: 0 });
    expect((await post(csv(byDayThenAgent(calls)))).body).toEqual({
      imported: 3000,
      updated: 0,
      duplicates: 0,
    });
    await expectRollupsOf(t, 3030);
  });

  it('should store the local date and 15-minute slot PostgreSQL gives in the site zone', async () => {
    await post(csv(makeCalls(2000, 'Z', 5)));
    const { rows } = await t.sql.query<{ n: number; total: number }>(`
      SELECT count(*) FILTER (WHERE c.local_date <> (c.started_at AT TIME ZONE z.tz)::date
          OR c.local_minute <> (extract(hour FROM c.started_at AT TIME ZONE z.tz) * 60
                                + floor(extract(minute FROM c.started_at AT TIME ZONE z.tz) / 15) * 15))::int AS n,
        count(*)::int AS total
      FROM calls c
      CROSS JOIN LATERAL (SELECT coalesce(
        (SELECT s.time_zone FROM agent a JOIN team tm ON tm.id = a.team_id JOIN site s ON s.id = tm.site_id WHERE a.id = c.agent_id),
        (SELECT s.time_zone FROM campaign cp JOIN site s ON s.id = cp.site_id WHERE cp.id = c.campaign_id),
        'UTC') AS tz) z`);
    expect(rows[0]).toEqual({ n: 0, total: 2000 });
  });

  it('should skip a call_id repeated in the file or stored before, in any month, keeping the first copy', async () => {
    const calls = makeCalls(1000, 'D', 3);
    // Repeated inside one chunk, across chunks, and with a non-ASCII id (looked up one by one).
    const again = { ...calls[10], queue: 999, startedAt: calls[10].startedAt };
    const later = { ...calls[20], startedAt: '2026-11-03T17:00:00-06:00', talk: 1 };
    const unicode = { ...calls[30], id: 'Ĉ-31' };
    const file = [...calls.slice(0, 100), again, ...calls.slice(100), later, unicode];
    expect((await post(csv(file))).body).toEqual({ imported: 1001, updated: 0, duplicates: 2 });
    const first = await t.sql.query(
      `SELECT call_id, queue_seconds, talk_seconds, started_at FROM calls WHERE call_id IN ('D11', 'D21') ORDER BY 1`,
    );
    expect(first.rows.map((r) => [r.call_id, r.queue_seconds, r.talk_seconds])).toEqual([
      ['D11', calls[10].queue, calls[10].talk],
      ['D21', calls[20].queue, calls[20].talk],
    ]);
    // Sent again with other times: a month earlier (another partition), and the same times.
    const resent = [
      { ...calls[0], startedAt: '2026-09-15T10:00:00-05:00' },
      { ...calls[500], startedAt: '2026-12-01T10:00:00-06:00' },
      ...calls.slice(600, 700),
      { ...unicode },
      { ...calls[999], id: 'NEW-1' },
    ];
    expect((await post(csv(resent))).body).toEqual({ imported: 1, updated: 0, duplicates: 103 });
    const { rows } = await t.sql.query(`
      SELECT (SELECT count(*)::int FROM calls) AS calls,
             (SELECT count(DISTINCT call_id)::int FROM calls) AS ids,
             (SELECT count(*)::int FROM call_ids) AS registry,
             (SELECT sum(calls)::int FROM call_rollup_day) AS rolled,
             (SELECT count(*)::int FROM calls WHERE started_at < '2026-10-01' OR started_at >= '2026-12-01') AS moved`);
    expect(rows[0]).toEqual({ calls: 1002, ids: 1002, registry: 1002, rolled: 1002, moved: 0 });
    expect(await rollupDifferences(t)).toEqual(NO_DIFFERENCES);
  });

  it('should write nothing when the only bad row is the last of 20,000', async () => {
    const calls = makeCalls(20_000, 'B', 9);
    const text = `${csv(calls)}\nBAD1,A1,SUP,phone,inbound,2026-11-03T09:00:00-06:00,5,100,0,10,resolved,,false,,9,`;
    const r = await post(text);
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([
      { line: 20_002, field: 'csat', message: 'csat 9 is outside 1–5' },
    ]);
    const { rows } = await t.sql.query(`
      SELECT (SELECT count(*)::int FROM calls) AS calls, (SELECT count(*)::int FROM call_ids) AS ids,
             (SELECT count(*)::int FROM call_rollup_15m) + (SELECT count(*)::int FROM call_rollup_day)
               + (SELECT count(*)::int FROM call_rollup_team_15m)
               + (SELECT count(*)::int FROM call_rollup_campaign_15m) AS rollups,
             (SELECT count(*)::int FROM pg_inherits WHERE inhparent = 'calls'::regclass) AS partitions`);
    expect(rows[0]).toEqual({ calls: 0, ids: 0, rollups: 0, partitions: 0 });
    // The same file without its bad row then imports whole.
    expect((await post(csv(calls))).body).toEqual({ imported: 20_000, updated: 0, duplicates: 0 });
  });

  it('should stage measures with the rollups’ own column types, in the order libs/analytics adds them', async () => {
    expect(MEASURES).toEqual([...ROLLUP_MEASURE_NAMES]);
    const { rows } = await t.sql.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns
       WHERE table_name = 'call_rollup_15m' AND column_name = ANY($1)`,
      [MEASURES],
    );
    expect(rows).toHaveLength(MEASURES.length);
    for (const r of rows) {
      expect({ c: r.column_name, t: r.data_type }).toEqual({
        c: r.column_name,
        t: BIGINT_MEASURES.has(r.column_name) ? 'bigint' : 'integer',
      });
    }
  });
});

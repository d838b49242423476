import { createTestApp, seedOrg, seedUsers, TestApp } from '../../../test/test-app';

const HEADER =
  'call_id,employee_code,campaign_code,channel,direction,started_at,queue_seconds,talk_seconds,hold_seconds,wrap_seconds,outcome,sale_amount,hostile,qa_score,csat,customer_ref';

interface RawCall {
  id: string;
  agent: string;
  startedAt: string;
  queue: number;
  talk: number;
  hold: number;
  wrap: number;
  outcome: string;
  direction: string;
  hostile: boolean;
}

/** A deterministic little day of calls in Chicago (CST, UTC−6), incl. abandons and outbound. */
function makeCalls(n: number): RawCall[] {
  const agents = ['A1', 'A2', 'A3'];
  const out: RawCall[] = [];
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = 0; i < n; i++) {
    const minute = 8 * 60 + Math.floor(rnd() * 600); // 08:00–17:59 local
    const day = 10 + (i % 3); // 2026-11-10..12
    const hh = String(Math.floor(minute / 60)).padStart(2, '0');
    const mm = String(minute % 60).padStart(2, '0');
    const abandoned = rnd() < 0.12;
    const outbound = !abandoned && rnd() < 0.1;
    out.push({
      id: `C${i + 1}`,
      agent: abandoned ? '' : agents[i % 3],
      startedAt: `2026-11-${day}T${hh}:${mm}:00-06:00`,
      queue: outbound ? 0 : Math.floor(rnd() * 90),
      talk: abandoned ? 0 : 60 + Math.floor(rnd() * 500),
      hold: abandoned ? 0 : Math.floor(rnd() * 60),
      wrap: abandoned ? 0 : Math.floor(rnd() * 40),
      outcome: abandoned ? 'abandoned' : rnd() < 0.7 ? 'resolved' : 'unresolved',
      direction: outbound ? 'outbound' : 'inbound',
      hostile: !abandoned && rnd() < 0.05,
    });
  }
  return out;
}

function toCsv(calls: RawCall[]): string {
  return [
    HEADER,
    ...calls.map(
      (c, i) =>
        `${c.id},${c.agent},SUP,phone,${c.direction},${c.startedAt},${c.queue},${c.talk},${c.hold},${c.wrap},${c.outcome},,${c.hostile},${i % 10 === 0 ? 80 : ''},${i % 5 === 0 ? 4 : ''},${i % 2 === 0 ? `+1 (312) 555-${String(1000 + i).slice(-4)}` : ''}`,
    ),
  ].join('\n');
}

/** The §1 figures computed straight from the raw rows, written independently of the app. */
function expected(calls: RawCall[], keyOf: (c: RawCall) => string | null, T = 20) {
  const groups = new Map<string, RawCall[]>();
  for (const c of calls) {
    const k = keyOf(c);
    if (k === null) continue;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, cs]) => {
      const answered = cs.filter((c) => c.agent !== '' && c.outcome !== 'abandoned');
      const inAns = answered.filter((c) => c.direction === 'inbound');
      const abandoned = cs.filter((c) => c.direction === 'inbound' && c.outcome === 'abandoned');
      const within = inAns.filter((c) => c.queue <= T).length;
      const abnAfter = abandoned.filter((c) => c.queue > T).length;
      const slDen = inAns.length + abnAfter;
      const offered = inAns.length + abandoned.length;
      return {
        key,
        offered,
        answered: answered.length,
        abandoned: abandoned.length,
        serviceLevel: slDen === 0 ? null : within / slDen,
        asaSeconds:
          inAns.length === 0 ? null : inAns.reduce((s, c) => s + c.queue, 0) / inAns.length,
        ahtSeconds:
          answered.length === 0
            ? null
            : answered.reduce((s, c) => s + c.talk + c.hold + c.wrap, 0) / answered.length,
        abandonRate: offered === 0 ? null : abandoned.length / offered,
      };
    });
}

function localKey(c: RawCall, minutes: number): string {
  const [date, time] = c.startedAt.split('T');
  const [h, m] = time.split(':').map(Number);
  const slot = Math.floor((h * 60 + m) / minutes) * minutes;
  return `${date}T${String(Math.floor(slot / 60)).padStart(2, '0')}:${String(slot % 60).padStart(2, '0')}`;
}

describe('calls: import, rollups and stats', () => {
  let t: TestApp;
  let tokens: Awaited<ReturnType<typeof seedUsers>>;
  const calls = makeCalls(600);

  beforeAll(async () => {
    // Small merge chunks, so the file goes through several overlapped merges.
    t = await createTestApp({ CALLS_MERGE_CHUNK_ROWS: '70' });
    await seedOrg(t);
    tokens = await seedUsers(t);
    const r = await t
      .http()
      .post('/api/imports/calls')
      .set('Authorization', `Bearer ${tokens.m1}`)
      .set('Content-Type', 'text/csv')
      .send(toCsv(calls));
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ imported: 600, updated: 0, duplicates: 0 });
  });
  afterAll(() => t.close());

  const get = (token: string, query: string) =>
    t.http().get(`/api/calls/stats?${query}`).set('Authorization', `Bearer ${token}`);

  it.each([
    ['day', (c: RawCall) => c.startedAt.slice(0, 10)],
    ['agent', (c: RawCall) => (c.agent === '' ? null : c.agent)],
    ['campaign', () => 'SUP'],
    ['interval', (c: RawCall) => localKey(c, 30)],
  ])(
    'should match an independent computation from the raw rows, grouped by %s',
    async (groupBy, keyOf) => {
      const r = await get(tokens.admin, `from=2026-11-10&to=2026-11-12&groupBy=${groupBy}`);
      expect(r.status).toBe(200);
      const want = expected(calls, keyOf);
      expect(r.body).toHaveLength(want.length);
      r.body.forEach((row: Record<string, unknown>, i: number) => {
        expect(row['key']).toBe(want[i].key);
        for (const f of ['offered', 'answered', 'abandoned'] as const) {
          expect(row[f]).toBe(want[i][f]);
        }
        for (const f of ['serviceLevel', 'asaSeconds', 'ahtSeconds', 'abandonRate'] as const) {
          if (want[i][f] === null) expect(row[f]).toBeNull();
          else expect(row[f] as number).toBeCloseTo(want[i][f] as number, 9);
        }
      });
    },
  );

  it('should give the same figures for a threshold that is not pre-counted (raw path)', async () => {
    const r = await get(tokens.admin, 'from=2026-11-10&to=2026-11-12&groupBy=day&slaSeconds=25');
    const want = expected(calls, (c) => c.startedAt.slice(0, 10), 25);
    expect(r.body.map((x: { serviceLevel: number }) => x.serviceLevel)).toEqual(
      want.map((w) => w.serviceLevel),
    );
  });

  it('should use 15- and 60-minute intervals when asked', async () => {
    const r15 = await get(
      tokens.admin,
      'from=2026-11-10&to=2026-11-10&groupBy=interval&intervalMinutes=15',
    );
    const want15 = expected(
      calls.filter((c) => c.startedAt.startsWith('2026-11-10')),
      (c) => localKey(c, 15),
    );
    expect(r15.body.map((x: { key: string; offered: number }) => [x.key, x.offered])).toEqual(
      want15.map((w) => [w.key, w.offered]),
    );
    const r45 = await get(
      tokens.admin,
      'from=2026-11-10&to=2026-11-10&groupBy=interval&intervalMinutes=45',
    );
    expect(r45.status).toBe(400);
  });

  it('should skip re-imported calls as duplicates, never storing a second copy', async () => {
    const again = await t
      .http()
      .post('/api/imports/calls')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .set('Content-Type', 'text/csv')
      .send(toCsv(calls.slice(0, 50)));
    expect(again.body).toEqual({ imported: 0, updated: 0, duplicates: 50 });
    const { rows } = await t.sql.query('SELECT count(*)::int AS n FROM calls');
    expect(rows[0].n).toBe(600);
    const sums = await t.sql.query('SELECT sum(calls)::int AS n FROM call_rollup_15m');
    expect(sums.rows[0].n).toBe(600);
  });

  it('should keep the customer only as a keyed hash and the last four digits', async () => {
    const { rows } = await t.sql.query(
      `SELECT customer_last4, encode(customer_hash, 'hex') AS h FROM calls WHERE call_id = 'C1'`,
    );
    expect(rows[0].customer_last4).toBe('1000');
    expect(rows[0].h).toMatch(/^[0-9a-f]{64}$/);
    const leak = await t.sql.query(
      `SELECT count(*)::int AS n FROM calls c WHERE row_to_json(c)::text LIKE '%(312) 555%'`,
    );
    expect(leak.rows[0].n).toBe(0);
    const list = await t
      .http()
      .get('/api/calls?from=2026-11-10&to=2026-11-12&limit=1000')
      .set('Authorization', `Bearer ${tokens.admin}`);
    const c1 = list.body.items.find((c: { callId: string }) => c.callId === 'C1');
    expect(c1.customer).toBe('••••1000');
    expect(JSON.stringify(list.body)).not.toContain('555-');
  });

  it('should store calls in monthly partitions', async () => {
    const { rows } = await t.sql.query(
      `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'calls'::regclass ORDER BY 1`,
    );
    expect(rows.map((r) => r.relname)).toEqual(['calls_y2026m11']);
  });

  it('should show an agent only their own calls', async () => {
    const r = await get(tokens.a1, 'from=2026-11-10&to=2026-11-12&groupBy=agent');
    expect(r.status).toBe(200);
    expect(r.body.map((x: { key: string }) => x.key)).toEqual(['A1']);
    const other = await get(tokens.a1, 'from=2026-11-10&to=2026-11-12&groupBy=day&employeeCode=A2');
    expect(other.status).toBe(403);
    const list = await t
      .http()
      .get('/api/calls?from=2026-11-10&to=2026-11-12&limit=1000')
      .set('Authorization', `Bearer ${tokens.a1}`);
    expect(new Set(list.body.items.map((c: { employeeCode: string }) => c.employeeCode))).toEqual(
      new Set(['A1']),
    );
  });

  it('should give a manager per-agent rows of their own teams only', async () => {
    const m2 = await get(tokens.m2, 'from=2026-11-10&to=2026-11-12&groupBy=agent');
    expect(m2.body).toEqual([]);
    const m1 = await get(tokens.m1, 'from=2026-11-10&to=2026-11-12&groupBy=agent');
    expect(m1.body.map((x: { key: string }) => x.key)).toEqual(['A1', 'A2', 'A3']);
  });

  it('should reject a bad range with 400', async () => {
    expect((await get(tokens.admin, 'from=2026-11-12&to=2026-11-10&groupBy=day')).status).toBe(400);
    expect((await get(tokens.admin, 'from=2026-02-30&to=2026-03-01&groupBy=day')).status).toBe(400);
    expect((await get(tokens.admin, 'from=2026-11-10&to=2026-11-12&groupBy=week')).status).toBe(
      400,
    );
  });
});

describe('calls: bad files and the live path', () => {
  let t: TestApp;
  let tokens: Awaited<ReturnType<typeof seedUsers>>;

  beforeAll(async () => {
    t = await createTestApp({ CALLS_MERGE_CHUNK_ROWS: '500' });
    await seedOrg(t);
    tokens = await seedUsers(t);
  });
  afterAll(() => t.close());

  it('should reject a bad calls file whole, listing every problem, and write nothing', async () => {
    const good = makeCalls(3000);
    const lines = toCsv(good).split('\n');
    lines.push('X1,NOPE,SUP,phone,inbound,2026-11-10T09:00:00-06:00,5,100,0,10,resolved,,false,,,');
    lines.push('X2,A1,SUP,fax,inbound,2026-11-10T09:00:00-06:00,-5,100,0,10,resolved,,false,,,');
    lines.push('X3,A1,SUP,phone,inbound,2026-02-30T09:00:00-06:00,5,100,0,10,done,,maybe,101,9,');
    lines.push('X4,A1,SUP,phone,inbound,2026-11-10 09:00,5,1e3,0,10,sale,-3,false,,,');
    const r = await t
      .http()
      .post('/api/imports/calls')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .set('Content-Type', 'text/csv')
      .send(lines.join('\n'));
    expect(r.status).toBe(422);
    const at = (line: number) =>
      r.body.errors
        .filter((e: { line: number }) => e.line === line)
        .map((e: { field: string }) => e.field);
    expect(at(3002)).toEqual(['employee_code']);
    expect(at(3003)).toEqual(['channel', 'queue_seconds']);
    expect(at(3004)).toEqual(['started_at', 'outcome', 'hostile', 'qa_score', 'csat']);
    expect(at(3005)).toEqual(['started_at', 'talk_seconds', 'sale_amount']);
    expect(r.body.errorCount).toBe(11);
    for (const table of [
      'calls',
      'call_ids',
      'call_rollup_15m',
      'call_rollup_day',
      'call_rollup_team_15m',
      'call_rollup_campaign_15m',
    ]) {
      const { rows } = await t.sql.query(`SELECT count(*)::int AS n FROM ${table}`);
      expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
    }
  });

  it('should accept live calls one at a time or in batches, idempotent on call_id', async () => {
    const call = {
      call_id: 'L1',
      employee_code: 'A1',
      campaign_code: 'SUP',
      channel: 'phone',
      direction: 'inbound',
      started_at: '2026-11-20T10:00:05-06:00',
      queue_seconds: 12,
      talk_seconds: 200,
      hold_seconds: 0,
      wrap_seconds: 30,
      outcome: 'resolved',
      hostile: true,
      customer_ref: '4111111111111111',
    };
    const post = (body: unknown) =>
      t
        .http()
        .post('/api/calls')
        .set('Authorization', `Bearer ${tokens.m1}`)
        .send(body as object);
    expect((await post(call)).body).toEqual({ imported: 1, duplicates: 0 });
    expect((await post([call, { ...call, call_id: 'L2', queue_seconds: 40 }])).body).toEqual({
      imported: 1,
      duplicates: 1,
    });
    const stats = await t
      .http()
      .get('/api/calls/stats?from=2026-11-20&to=2026-11-20&groupBy=interval&intervalMinutes=15')
      .set('Authorization', `Bearer ${tokens.admin}`);
    expect(stats.body).toEqual([
      {
        key: '2026-11-20T10:00',
        offered: 2,
        answered: 2,
        abandoned: 0,
        serviceLevel: 0.5,
        asaSeconds: 26,
        ahtSeconds: 230,
        abandonRate: 0,
      },
    ]);
    const bad = await post({ ...call, call_id: 'L3', talk_seconds: -1, extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'extra',
      'talk_seconds',
    ]);
    const { rows } = await t.sql.query(`SELECT count(*)::int AS n FROM calls WHERE call_id = 'L3'`);
    expect(rows[0].n).toBe(0);
    const typed = await post({ ...call, call_id: 'L4', talk_seconds: { n: 1 } });
    expect(typed.body.errors).toEqual([
      {
        line: 1,
        field: 'talk_seconds',
        message: 'talk_seconds must be a string, number or boolean',
      },
    ]);
    const unknown = await post([
      { ...call, call_id: 'L5' },
      { ...call, call_id: 'L6', employee_code: 'NOPE', campaign_code: 'NOPE' },
    ]);
    expect(unknown.status).toBe(400);
    expect(
      unknown.body.errors.map((e: { line: number; field: string }) => [e.line, e.field]),
    ).toEqual([
      [2, 'employee_code'],
      [2, 'campaign_code'],
    ]);
    expect((await post([])).status).toBe(400);
    expect(
      (await t.http().post('/api/calls').set('Authorization', `Bearer ${tokens.a1}`).send(call))
        .status,
    ).toBe(403);
  });

  it('should take the first calls of a new month from concurrent writers without an error', async () => {
    const call = (i: number) => ({
      call_id: `NM${i}`,
      employee_code: 'A1',
      campaign_code: 'SUP',
      channel: 'phone',
      direction: 'inbound',
      started_at: `2027-01-01T00:0${i}:00-06:00`,
      queue_seconds: 5,
      talk_seconds: 100,
      hold_seconds: 0,
      wrap_seconds: 10,
      outcome: 'resolved',
    });
    const answers = await Promise.all(
      [0, 1, 2, 3, 4, 5, 6, 7].map((i) =>
        t.http().post('/api/calls').set('Authorization', `Bearer ${tokens.m1}`).send(call(i)),
      ),
    );
    expect(answers.map((r) => [r.status, r.body.imported])).toEqual(
      Array.from({ length: 8 }, () => [200, 1]),
    );
    const { rows } = await t.sql.query(
      `SELECT count(*)::int AS n FROM calls_y2027m01 WHERE call_id LIKE 'NM%'`,
    );
    expect(rows[0].n).toBe(8);
  });
});

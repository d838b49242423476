import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { applyCallToState, EMPTY_LIVE_STATE, LiveCall } from '@floorwise/analytics';
import type { FloorAgentDto, FloorSnapshot } from '@floorwise/contracts';
import { SseClient } from '../../../test/sse-client';
import { BurnoutConfigService } from '../burnout/burnout-config.service';
import { createTestApp, seedOrg, seedUsers, TestApp } from '../../../test/test-app';

let t: TestApp;
let tokens: Awaited<ReturnType<typeof seedUsers>>;
let base: string;
let callNo = 0;

/** A call that ended a moment ago (started `minutesAgo` before now). */
function call(code: string | null, over: Record<string, unknown> = {}, minutesAgo = 1) {
  callNo += 1;
  return {
    call_id: `F-${callNo}-${Date.now()}`,
    employee_code: code ?? '',
    campaign_code: 'SUP',
    channel: 'phone',
    direction: 'inbound',
    started_at: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    queue_seconds: 5,
    talk_seconds: 200,
    hold_seconds: 0,
    wrap_seconds: 30,
    outcome: code ? 'resolved' : 'abandoned',
    ...over,
  };
}

async function post(calls: unknown[]): Promise<void> {
  const r = await t
    .http()
    .post('/api/calls')
    .set('Authorization', `Bearer ${tokens.admin}`)
    .send(calls);
  expect(r.status).toBe(200);
  expect(r.body.imported).toBe(calls.length);
}

async function snapshot(token: string): Promise<FloorSnapshot> {
  const r = await t.http().get('/api/floor').set('Authorization', `Bearer ${token}`);
  expect(r.status).toBe(200);
  return r.body as FloorSnapshot;
}

/** The last floor event written. */
async function head(): Promise<string> {
  return String((await t.sql.query(`SELECT max(id) AS id FROM floor_event`)).rows[0].id);
}

/** The snapshot once it holds event `id` (a snapshot may lag the stream by half a second). */
async function snapshotAt(token: string, id: string | number): Promise<FloorSnapshot> {
  for (let i = 0; i < 40; i++) {
    const snap = await snapshot(token);
    if (snap.eventId >= Number(id)) return snap;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no snapshot reached event ${id}`);
}

function stream(
  token: string,
  headers: Record<string, string> = {},
  query = '',
): Promise<SseClient> {
  return SseClient.open(`${base}/api/floor/events${query}`, {
    Authorization: `Bearer ${token}`,
    ...headers,
  });
}

const agentOf = (m: { data: string }): FloorAgentDto | undefined => JSON.parse(m.data).agent;

beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: process.env['FLOOR_TEST_LOG'] ?? 'silent' });
  await seedOrg(t);
  tokens = await seedUsers(t);
  await t.sql.query(`
    INSERT INTO shift (shift_code, agent_id, start_at, end_at, local_date, break_minutes)
    SELECT 'S-' || a.employee_code, a.id, now() - interval '3 hours', now() + interval '5 hours',
           ((now() - interval '3 hours') AT TIME ZONE s.time_zone)::date, 30
    FROM agent a JOIN team tm ON tm.id = a.team_id JOIN site s ON s.id = tm.site_id
    WHERE a.employee_code IN ('A1', 'A2', 'B1')`);
  await t.app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
});
afterAll(() => t.close());

describe('the floor snapshot', () => {
  it("shows every agent on shift now in the manager's own teams only", async () => {
    const m1 = await snapshot(tokens.m1);
    expect(m1.agents.map((a) => a.employeeCode).sort()).toEqual(['A1', 'A2']);
    expect(m1.teams.map((x) => x.teamCode)).toEqual(['T1']);
    const m2 = await snapshot(tokens.m2);
    expect(m2.agents.map((a) => a.employeeCode)).toEqual(['B1']);
    const admin = await snapshot(tokens.admin);
    expect(admin.agents.map((a) => a.employeeCode).sort()).toEqual(['A1', 'A2', 'B1']);
    expect(admin.agents[0].shift.breakMinutes).toBe(30);
  });

  it('refuses agents and hr, on the snapshot, the release and the settings', async () => {
    for (const token of [tokens.a1, tokens.hr]) {
      expect(
        (await t.http().get('/api/floor').set('Authorization', `Bearer ${token}`)).status,
      ).toBe(403);
      expect(
        (
          await t
            .http()
            .post('/api/floor/release')
            .set('Authorization', `Bearer ${token}`)
            .send({ employeeCodes: ['A1'] })
        ).status,
      ).toBe(403);
      expect(
        (await t.http().get('/api/quotas').set('Authorization', `Bearer ${token}`)).status,
      ).toBe(403);
    }
    expect((await t.http().get('/api/floor')).status).toBe(401);
    const hrStream = await stream(tokens.hr);
    expect(hrStream.status).toBe(403);
    hrStream.close();
  });

  it('serves the same snapshot brotli- or gzip-compressed, as the client accepts', async () => {
    // plain fetch with decoding left to the test: the bytes as they travel
    const get = async (accept: string) => {
      const r = await new Promise<import('node:http').IncomingMessage>((resolve, reject) =>
        request(
          `${base}/api/floor`,
          { headers: { authorization: `Bearer ${tokens.m1}`, 'accept-encoding': accept } },
          resolve,
        )
          .on('error', reject)
          .end(),
      );
      const chunks: Buffer[] = [];
      for await (const c of r) chunks.push(c as Buffer);
      return { headers: r.headers, body: Buffer.concat(chunks) };
    };
    const plain = await get('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const snapshot = JSON.parse(plain.body.toString()) as { agents: unknown[] };
    expect(snapshot.agents.length).toBe(2);
    const gz = await get('gzip, deflate');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.body).toString())).toEqual(snapshot);
    const br = await get('gzip, deflate, br, zstd'); // what Chromium sends
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.body).toString())).toEqual(snapshot);
    expect((await get('br;q=0, gzip')).headers['content-encoding']).toBe('gzip');
  });
});

describe('quotas', () => {
  it('rejects bad definitions with a 400 naming each field, and writes nothing', async () => {
    const r = await t.http().post('/api/quotas').set('Authorization', `Bearer ${tokens.m1}`).send({
      scope: 'agent',
      employeeCode: 'A1',
      metric: 'aht_seconds',
      period: 'month',
      target: -3,
      comparator: 'at_least',
    });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'period',
      'comparator',
      'target',
    ]);
    expect(r.body.message).toMatch(/^period: period must be one of shift, day, week/);
    const stray = await t
      .http()
      .post('/api/quotas')
      .set('Authorization', `Bearer ${tokens.m1}`)
      .send({ scope: 'agent', who: 'A1' });
    expect(stray.body.errors[0]).toEqual({ field: 'who', message: 'unknown field "who"' });
    expect((await t.sql.query(`SELECT count(*)::int AS n FROM quota`)).rows[0].n).toBe(0);
  });

  it("does not let a manager set another team's quota or a campaign quota", async () => {
    const other = await t
      .http()
      .post('/api/quotas')
      .set('Authorization', `Bearer ${tokens.m2}`)
      .send({ scope: 'agent', employeeCode: 'A1', metric: 'sales', period: 'day', target: 2 });
    expect(other.status).toBe(400);
    expect(other.body.message).toBe('employeeCode: agent A1 does not exist in your teams');
    const camp = await t
      .http()
      .post('/api/quotas')
      .set('Authorization', `Bearer ${tokens.m1}`)
      .send({ scope: 'campaign', campaignCode: 'SUP', metric: 'sales', period: 'day', target: 2 });
    expect(camp.status).toBe(403);
  });

  it('keeps the old target in history when a change applies forward, and audits both', async () => {
    const created = await t
      .http()
      .post('/api/quotas')
      .set('Authorization', `Bearer ${tokens.m1}`)
      .send({
        scope: 'agent',
        employeeCode: 'A1',
        metric: 'calls_handled',
        period: 'day',
        target: 3,
      });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const dup = await t
      .http()
      .post('/api/quotas')
      .set('Authorization', `Bearer ${tokens.m1}`)
      .send({
        scope: 'agent',
        employeeCode: 'A1',
        metric: 'calls_handled',
        period: 'day',
        target: 9,
      });
    expect(dup.status).toBe(409);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const changed = await t
      .http()
      .patch(`/api/quotas/${id}`)
      .set('Authorization', `Bearer ${tokens.m1}`)
      .send({ target: 40, effectiveFrom: tomorrow });
    expect(changed.status).toBe(200);
    expect(changed.body.currentTarget).toBe(3);
    expect(changed.body.history.map((v: { target: number }) => v.target)).toEqual([3, 40]);
    const past = await t
      .http()
      .patch(`/api/quotas/${id}`)
      .set('Authorization', `Bearer ${tokens.m1}`)
      .send({ target: 5, effectiveFrom: '2020-01-01' });
    expect(past.status).toBe(400);
    expect(past.body.errors[0].field).toBe('effectiveFrom');
    expect(
      (await t.http().get(`/api/quotas/${id}`).set('Authorization', `Bearer ${tokens.m2}`)).status,
    ).toBe(404);
    const audit = await t.sql.query(
      `SELECT action FROM audit_log WHERE entity = 'quota' AND entity_key = $1 ORDER BY id`,
      [String(id)],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['quota.create', 'quota.change']);
    await expect(t.sql.query(`DELETE FROM quota_version`)).rejects.toThrow(/append-only/);
  });
});

describe('live updates', () => {
  it('brings a posted call to an open stream within a second, with the new figures', async () => {
    const before = await snapshot(tokens.m1);
    const a1 = before.agents.find((a) => a.employeeCode === 'A1') as FloorAgentDto;
    const s = await stream(tokens.m1, {}, `?after=${before.eventId}`);
    const t0 = performance.now();
    await post([call('A1')]);
    const m = await s.next((x) => agentOf(x)?.employeeCode === 'A1', 1000);
    expect(m.at - t0).toBeLessThan(1000);
    expect(agentOf(m)?.shiftSums.callsHandled).toBe(a1.shiftSums.callsHandled + 1);
    expect(JSON.parse(m.data).team.teamCode).toBe('T1');
    s.close();
  });

  it('resumes a dropped stream from Last-Event-ID with no event lost or repeated', async () => {
    const s1 = await stream(tokens.m1, {}, `?after=${(await snapshot(tokens.m1)).eventId}`);
    await post([call('A2')]);
    const expected = String(
      (await t.sql.query(`SELECT max(id) AS id FROM floor_event`)).rows[0].id,
    );
    await s1.next((x) => x.id === expected);
    const last = s1.lastEventId as string;
    s1.close();
    expect(last).toBe(expected);
    // while disconnected: five calls in three batches
    await post([call('A1'), call('A2')]);
    await post([call('A1')]);
    await post([call('A2'), call('A1')]);
    const ids = (
      await t.sql.query(`SELECT id FROM floor_event WHERE id > $1 ORDER BY id`, [last])
    ).rows.map((r) => String(r.id));
    expect(ids).toHaveLength(5);
    const s2 = await stream(tokens.m1, { 'Last-Event-ID': last });
    await s2.next((x) => x.id === ids[4]);
    // each message after the cursor once, in order (events read in one batch share one message
    // per changed row: rows are whole, so the last one of each is what counts)
    const got = s2.messages.filter((x) => x.event === 'floor').map((x) => String(x.id));
    expect(got.length).toBeGreaterThan(0);
    expect(new Set(got).size).toBe(got.length);
    expect(got.every((id) => ids.includes(id))).toBe(true);
    expect(got).toEqual([...got].sort((a, b) => Number(a) - Number(b)));
    expect(got[got.length - 1]).toBe(ids[4]);
    const final = agentOf(
      s2.messages.filter((x) => agentOf(x)?.employeeCode === 'A1').pop() as { data: string },
    );
    const snap = await snapshotAt(tokens.m1, ids[4]);
    expect(final?.shiftSums.callsHandled).toBe(
      snap.agents.find((a) => a.employeeCode === 'A1')?.shiftSums.callsHandled,
    );
    expect(final?.shiftSums.callsHandled).toBeGreaterThanOrEqual(3);
    s2.close();
  });

  it("gives an agent's stream their own row and team totals only", async () => {
    const s = await stream(tokens.a1, {}, `?after=${(await snapshot(tokens.admin)).eventId}`);
    await post([call('B1')]);
    await post([call('A2')]);
    const team = await s.next((x) => x.event === 'floor');
    const body = JSON.parse(team.data);
    expect(body.agent).toBeUndefined();
    expect(body.interval).toBeUndefined();
    expect(body.team.teamCode).toBe('T1');
    await post([call('A1', { outcome: 'sale' })]);
    const own = await s.next((x) => agentOf(x)?.employeeCode === 'A1');
    expect(agentOf(own)?.daySums.sales).toBeGreaterThanOrEqual(1);
    expect(s.messages.some((x) => /"B1"|"A2"|Ben Two|Dina Four/.test(x.data))).toBe(false);
    s.close();
  });

  it('rejects a cursor that is not an event id', async () => {
    const r = await t
      .http()
      .get('/api/floor/events?after=abc')
      .set('Authorization', `Bearer ${tokens.m1}`);
    expect(r.status).toBe(400);
    expect(r.body.message).toBe('after: must be an event id (a whole number)');
  });
});

describe('My day', () => {
  it("shows the agent's own quotas and team totals, and nobody else's figures", async () => {
    const r = await t.http().get('/api/me/day').set('Authorization', `Bearer ${tokens.a1}`);
    expect(r.status).toBe(200);
    expect(r.body.employeeCode).toBe('A1');
    expect(r.body.onShift.employeeCode).toBe('A1');
    expect(r.body.onShift.quotas[0]).toMatchObject({
      metric: 'calls_handled',
      period: 'day',
      target: 3,
    });
    expect(r.body.team.teamCode).toBe('T1');
    expect(JSON.stringify(r.body)).not.toMatch(/A2|Ben Two|B1/);
    for (const token of [tokens.m1, tokens.admin, tokens.hr]) {
      expect(
        (await t.http().get('/api/me/day').set('Authorization', `Bearer ${token}`)).status,
      ).toBe(403);
    }
  });
});

describe('early release', () => {
  it('refuses an agent whose goal is not met, and writes nothing', async () => {
    const r = await t
      .http()
      .post('/api/floor/release')
      .set('Authorization', `Bearer ${tokens.m1}`)
      .send({ employeeCodes: ['A1', 'A2'] });
    expect(r.status).toBe(409);
    expect(r.body.message).toMatch(/A2 has no daily goal to meet/);
    expect(
      (await t.sql.query(`SELECT count(*)::int AS n FROM shift WHERE status = 'sent_home'`)).rows[0]
        .n,
    ).toBe(0);
  });

  it('releases an agent whose daily goal is met as a paid goal_met send-home, audited', async () => {
    await post([call('A1'), call('A1'), call('A1')]);
    const row = (await snapshotAt(tokens.m1, await head())).agents.find(
      (a) => a.employeeCode === 'A1',
    ) as FloorAgentDto;
    expect(row.dailyGoal).toMatchObject({ met: true, eligibleForEarlyRelease: true });
    const other = await t
      .http()
      .post('/api/floor/release')
      .set('Authorization', `Bearer ${tokens.m2}`)
      .send({ employeeCodes: ['A1'] });
    expect(other.status).toBe(409);
    const s = await stream(tokens.m1, {}, `?after=${(await snapshot(tokens.m1)).eventId}`);
    const r = await t
      .http()
      .post('/api/floor/release')
      .set('Authorization', `Bearer ${tokens.m1}`)
      .send({ employeeCodes: ['A1'] });
    expect(r.status).toBe(200);
    expect(r.body.released[0].employeeCode).toBe('A1');
    const shift = (
      await t.sql.query(
        `SELECT status, send_home_reason, source, send_home_at = actual_end AS same, abs(extract(epoch FROM now() - actual_end)) < 5 AS recent
       FROM shift WHERE shift_code = 'S-A1'`,
      )
    ).rows[0];
    expect(shift).toEqual({
      status: 'sent_home',
      send_home_reason: 'goal_met',
      source: 'floor',
      same: true,
      recent: true,
    });
    const audit = await t.sql.query(
      `SELECT detail FROM audit_log WHERE action = 'shift.release_goal_met'`,
    );
    expect(audit.rows[0].detail.employeeCode).toBe('A1');
    const gone = await s.next((x) => JSON.parse(x.data).released === 'A1', 2000);
    expect(gone.event).toBe('floor');
    s.close();
    await new Promise((res) => setTimeout(res, 300));
    expect((await snapshot(tokens.m1)).agents.map((a) => a.employeeCode)).toEqual(['A2']);
  });
});

describe('order-dependent state', () => {
  it('keeps the hostile streak and last break in the database as applyCallToState defines them', async () => {
    const seq = [
      { m: 60, hostile: true },
      { m: 55, hostile: true },
      { m: 30, hostile: false }, // 25-minute gap: a break
      { m: 26, hostile: true },
      { m: 22, hostile: true },
      { m: 18, hostile: true },
    ];
    await t.sql.query(`
      INSERT INTO shift (shift_code, agent_id, start_at, end_at, local_date, break_minutes)
      SELECT 'S-B2', id, now() - interval '2 hours', now() + interval '6 hours', (now() AT TIME ZONE 'Europe/Istanbul')::date, 30
      FROM agent WHERE employee_code = 'B2'`);
    await t
      .http()
      .post('/api/quotas')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .send({ scope: 'team', teamCode: 'T2', metric: 'sales', period: 'day', target: 1 }); // reload the floor
    const calls = seq.map((x) =>
      call('B2', { hostile: x.hostile, queue_seconds: 0, talk_seconds: 120, wrap_seconds: 0 }, x.m),
    );
    for (const c of calls) await post([c]);
    let state = EMPTY_LIVE_STATE;
    for (const c of calls) {
      const live: LiveCall = {
        startedAtMs: Date.parse(c.started_at),
        answered: true,
        queueSeconds: 0,
        handleSeconds: 120,
        outcome: 'resolved',
        hostile: seq[calls.indexOf(c)].hostile,
        qaScore: null,
        csat: null,
      };
      state = applyCallToState(state, live, 600);
    }
    const db = (
      await t.sql.query(
        `SELECT last_call_end, hostile_streak, last_break_end FROM floor_agent_state WHERE agent_id = (SELECT id FROM agent WHERE employee_code = 'B2')`,
      )
    ).rows[0];
    expect({
      end: db.last_call_end.getTime(),
      streak: db.hostile_streak,
      brk: db.last_break_end.getTime(),
    }).toEqual({
      end: state.lastCallEndMs,
      streak: 3,
      brk: state.lastBreakEndMs,
    });
    const b2 = (await snapshotAt(tokens.m2, await head())).agents.find(
      (a) => a.employeeCode === 'B2',
    ) as FloorAgentDto;
    expect(b2.hostileStreak).toBe(3);
    expect(b2.alerts.map((a) => a.kind)).toContain('hostile_streak');
    expect(b2.hostileToday).toBe(5);
  });
});

describe('team day pacing', () => {
  it("paces a team's day quota over the scheduled hours inside the local day, an overnight shift split at midnight", async () => {
    // A3 (Chicago) worked from 20:00 yesterday to 05:00 today; A1 and A2 are on shift now
    const midnight = DateTime.now().setZone('America/Chicago').startOf('day');
    await t.sql.query(
      `INSERT INTO shift (shift_code, agent_id, start_at, end_at, local_date, break_minutes)
       SELECT 'S-A3-night', id, $1, $2, $3, 30 FROM agent WHERE employee_code = 'A3'`,
      [
        midnight.minus({ hours: 4 }).toISO(),
        midnight.plus({ hours: 5 }).toISO(),
        midnight.minus({ days: 1 }).toISODate(),
      ],
    );
    const created = await t
      .http()
      .post('/api/quotas')
      .set('Authorization', `Bearer ${tokens.m1}`)
      .send({ scope: 'team', teamCode: 'T1', metric: 'saves', period: 'day', target: 50 });
    expect(created.status).toBe(201);
    let team: FloorSnapshot['teams'][number] | undefined;
    for (let i = 0; i < 60 && !team?.quotas.some((q) => q.metric === 'saves'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      team = (await snapshot(tokens.m1)).teams.find((x) => x.teamCode === 'T1');
    }
    const q = team?.quotas.find((x) => x.metric === 'saves');
    // reference: every T1 shift's overlap with today (local), and with today up to now (A1 was
    // released early above: their scheduled time ends at the send-home)
    const shifts = (
      await t.sql.query(
        `SELECT s.start_at, CASE WHEN s.status = 'sent_home' THEN least(s.end_at, s.send_home_at) ELSE s.end_at END AS end_at
         FROM shift s JOIN agent a ON a.id = s.agent_id
         JOIN team tm ON tm.id = a.team_id WHERE tm.team_code = 'T1'`,
      )
    ).rows as { start_at: Date; end_at: Date }[];
    const from = midnight.toMillis();
    const to = midnight.plus({ days: 1 }).toMillis();
    const now = Date.now();
    const overlap = (a: number, b: number, lo: number, hi: number) =>
      Math.max(0, Math.min(b, hi) - Math.max(a, lo));
    const duration = shifts.reduce(
      (sum, s) => sum + overlap(s.start_at.getTime(), s.end_at.getTime(), from, to),
      0,
    );
    const elapsed = shifts.reduce(
      (sum, s) => sum + overlap(s.start_at.getTime(), s.end_at.getTime(), from, Math.min(to, now)),
      0,
    );
    expect(shifts).toHaveLength(3);
    expect(duration).toBeGreaterThan(5 * 3_600_000); // the night shift's 5 h after midnight count
    expect(q?.elapsedFraction).toBeCloseTo(elapsed / duration, 3);
    expect(q?.expected).toBeCloseTo((50 * elapsed) / duration, 1);
  });
});

describe('burnout band', () => {
  it("shows each agent's latest burnout band from the burnout snapshots", async () => {
    const { version } = await t.app.get(BurnoutConfigService).current();
    await t.sql.query(
      `INSERT INTO burnout_snapshot (agent_id, as_of, team_id, config_version, bri, band, points, components, drivers)
       SELECT a.id, d.as_of, a.team_id, $1, d.bri, d.band, '{}', '{}', '{}'
       FROM agent a, (VALUES (current_date - 2, 30, 'low'), (current_date - 1, 71, 'high')) AS d(as_of, bri, band)
       WHERE a.employee_code = 'A2'`,
      [version],
    );
    const put = await t
      .http()
      .put('/api/floor/settings')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .send({}); // any settings change reloads the floor
    expect(put.status).toBe(200);
    let a2: FloorAgentDto | undefined;
    for (let i = 0; i < 60 && a2?.burnoutBand !== 'high'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      a2 = (await snapshot(tokens.m1)).agents.find((a) => a.employeeCode === 'A2');
    }
    expect(a2?.burnoutBand).toBe('high');
    expect(
      (await snapshot(tokens.admin)).agents.find((a) => a.employeeCode === 'B1')?.burnoutBand,
    ).toBeNull();
  });
});

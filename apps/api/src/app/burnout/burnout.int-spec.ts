import type { BurnoutAgentDetail, BurnoutAgentRow, BurnoutTeamView } from '@floorwise/contracts';
import { createTestApp, seedOrg, seedUsers, TestApp } from '../../../test/test-app';
import { BurnoutSnapshotJob } from './burnout-snapshot.job';

/**
 * Hand-made agents in Chicago in January 2026 (CST, a fixed −06:00: no DST inside the window),
 * as of Saturday 2026-01-31: W = 01-04 … 01-31, R = 01-25 … 01-31, B = 01-04 … 01-24.
 * Shifts go in with SQL (the shifts import is another stream's), calls through POST /api/calls
 * so the rollups are the real ones. The expected figures come from `reference()` below: a
 * second, deliberately plain implementation of metrics.md §5 (minute by minute, fixed offset).
 */
const AS_OF = '2026-01-31';
const OFF = '-06:00';
const OFF_MS = -6 * 3_600_000;

interface TestShift {
  code: string;
  agent: string;
  start: string;
  end: string;
  breakMinutes: number;
  status: 'worked' | 'absent_unplanned' | 'absent_excused' | 'sent_home';
  kind?: 'regular' | 'overtime';
  actualStart?: string;
  actualEnd?: string;
  sendHomeReason?: 'outage' | 'low_volume' | 'goal_met';
}

interface TestCall {
  call_id: string;
  employee_code: string;
  started_at: string;
  talk_seconds: number;
  hold_seconds: number;
  wrap_seconds: number;
  hostile: boolean;
  qa_score?: number;
  csat?: number;
}

const at = (date: string, hm: string) => `${date}T${hm}:00${OFF}`;
const jan = (d: number) => `2026-01-${String(d).padStart(2, '0')}`;

function a1Shifts(): TestShift[] {
  const s: TestShift[] = [];
  const day = (d: number, from: string, to: string, extra: Partial<TestShift> = {}) => {
    const end = to < from ? jan(d + 1) : jan(d);
    s.push({
      code: `A1-${d}`,
      agent: 'A1',
      start: at(jan(d), from),
      end: at(end, to),
      breakMinutes: 30,
      status: 'worked',
      ...extra,
    });
  };
  day(2, '09:00', '17:30'); // before W: worked time that must not count
  for (const d of [5, 6, 8, 9, 12, 13, 15, 16, 19, 20, 21, 22, 23]) {
    day(d, '09:00', '17:30');
  }
  day(7, '09:00', '17:30', { status: 'absent_unplanned' });
  day(14, '09:00', '17:30', {
    status: 'sent_home',
    sendHomeReason: 'outage',
    actualStart: at(jan(14), '09:00'),
    actualEnd: at(jan(14), '12:00'),
  });
  day(10, '09:00', '17:30', { kind: 'overtime' });
  day(11, '09:00', '17:30', { kind: 'overtime' });
  day(25, '09:00', '17:30', { status: 'absent_excused' });
  day(26, '14:00', '22:30');
  day(27, '07:00', '15:30');
  day(28, '22:00', '06:00', { breakMinutes: 0 });
  day(29, '14:00', '22:30');
  day(30, '09:00', '17:30', { status: 'absent_unplanned' });
  day(31, '09:00', '17:30', { actualStart: at(jan(31), '09:20') });
  return s;
}

function a1Calls(shifts: TestShift[]): TestCall[] {
  const calls: TestCall[] = [];
  let n = 0;
  for (const sh of shifts) {
    const worked = sh.status === 'worked' || sh.status === 'sent_home';
    const date = sh.start.slice(0, 10);
    if (!worked || date < '2026-01-04') {
      continue;
    }
    const recent = date >= '2026-01-25';
    const count = recent ? 25 : 20;
    const startMs = Date.parse(sh.actualStart ?? sh.start);
    for (let i = 0; i < count; i += 1) {
      n += 1;
      calls.push({
        call_id: `BC${String(n).padStart(5, '0')}`,
        employee_code: 'A1',
        // one a minute from the start: every call on the shift's start date
        started_at: new Date(startMs + i * 60_000).toISOString(),
        talk_seconds: recent ? 1080 : 900,
        hold_seconds: recent ? 120 : 100,
        wrap_seconds: recent ? 120 : 100,
        hostile: i < (recent ? 2 : 1),
        ...(i < 2 && (recent || i < 1) ? { qa_score: recent ? 80 : 90 } : {}),
        ...(i === 2 ? { csat: recent ? 3 : 5 } : {}),
      });
    }
  }
  return calls;
}

// ------------------------------------------------------------------ the independent reference

const localDate = (ms: number) => new Date(ms + OFF_MS).toISOString().slice(0, 10);
const localHour = (ms: number) => new Date(ms + OFF_MS).getUTCHours();
const localWeekday = (ms: number) => new Date(ms + OFF_MS).getUTCDay(); // 0 Sunday
const rampRef = (x: number, lo: number, hi: number) =>
  Math.min(1, Math.max(0, (x - lo) / (hi - lo)));

/** Worked minutes of a shift (instants, ms), with its break as one block in the middle. */
function workedMinutes(sh: TestShift): number[] {
  if (sh.status !== 'worked' && sh.status !== 'sent_home') {
    return [];
  }
  const a = Date.parse(sh.actualStart ?? sh.start);
  const b = Date.parse(sh.actualEnd ?? sh.end);
  const spanMin = (b - a) / 60_000;
  const before = Math.floor((spanMin - sh.breakMinutes) / 2);
  const out: number[] = [];
  for (let m = 0; m < spanMin; m += 1) {
    if (m < before || m >= before + sh.breakMinutes) {
      out.push(a + m * 60_000);
    }
  }
  return out;
}

function reference(shifts: TestShift[], calls: TestCall[], contractHours: number) {
  const wFrom = '2026-01-04';
  const rFrom = '2026-01-25';
  const inW = (d: string) => d >= wFrom && d <= AS_OF;
  const minutes = shifts.flatMap(workedMinutes);
  const wMinutes = minutes.filter((m) => inW(localDate(m)));
  const workedH = wMinutes.length / 60;
  const unsocialH =
    wMinutes.filter((m) => {
      const h = localHour(m);
      const wd = localWeekday(m);
      return h >= 22 || h < 6 || wd === 0 || wd === 6;
    }).length / 60;
  const workedDates = new Set(minutes.map(localDate));
  let lateRun = 0;
  for (const d of [...workedDates].filter(inW)) {
    let run = 1;
    let prev = Date.parse(`${d}T00:00:00Z`) - 86_400_000;
    while (workedDates.has(new Date(prev).toISOString().slice(0, 10))) {
      run += 1;
      prev -= 86_400_000;
    }
    lateRun += run >= 7 ? 1 : 0;
  }
  const lived = shifts
    .filter((s) => s.status === 'worked' || s.status === 'sent_home')
    .map((s) => ({
      s,
      a: Date.parse(s.actualStart ?? s.start),
      b: Date.parse(s.actualEnd ?? s.end),
    }))
    .sort((x, y) => x.a - y.a);
  let shortRests = 0;
  for (let i = 1; i < lived.length; i += 1) {
    const gapH = (lived[i].a - lived[i - 1].b) / 3_600_000;
    if (gapH < 11 && inW(localDate(lived[i].a))) {
      shortRests += 1;
    }
  }
  const inWShifts = shifts.filter((s) => inW(localDate(Date.parse(s.start))));
  const starts = inWShifts
    .filter((s) => s.status === 'worked' || s.status === 'sent_home')
    .sort((x, y) => Date.parse(x.start) - Date.parse(y.start))
    .map((s) => {
      const t = Date.parse(s.start) + OFF_MS;
      return (t % 86_400_000) / 3_600_000;
    });
  const unwrapped = starts.map((t) =>
    t - starts[0] >= 12 ? t - 24 : t - starts[0] < -12 ? t + 24 : t,
  );
  const mean = unwrapped.reduce((x, y) => x + y, 0) / unwrapped.length;
  const sigma = Math.sqrt(unwrapped.reduce((x, y) => x + (y - mean) ** 2, 0) / unwrapped.length);
  const sendHomes = inWShifts.filter(
    (s) => s.status === 'sent_home' && s.sendHomeReason !== 'goal_met',
  ).length;
  const absences = inWShifts.filter((s) => s.status === 'absent_unplanned').length;
  const handle = (c: TestCall) => c.talk_seconds + c.hold_seconds + c.wrap_seconds;
  const cw = calls.filter((c) => inW(localDate(Date.parse(c.started_at))));
  const cr = cw.filter((c) => localDate(Date.parse(c.started_at)) >= rFrom);
  const cb = cw.filter((c) => localDate(Date.parse(c.started_at)) < rFrom);
  const occupancy = cw.reduce((x, c) => x + handle(c), 0) / (workedH * 3600);
  const hostile = cw.filter((c) => c.hostile).length / cw.length;
  const aht = (cs: TestCall[]) => cs.reduce((x, c) => x + handle(c), 0) / cs.length;
  const avg = (cs: TestCall[], k: 'qa_score' | 'csat') => {
    const v = cs.filter((c) => c[k] !== undefined).map((c) => c[k] as number);
    return { n: v.length, mean: v.reduce((x, y) => x + y, 0) / v.length };
  };
  const drifts: number[] = [];
  if (cb.length >= 10 && cr.length >= 10) drifts.push((aht(cr) - aht(cb)) / aht(cb));
  for (const k of ['qa_score', 'csat'] as const) {
    const b = avg(cb, k);
    const r = avg(cr, k);
    if (b.n >= 10 && r.n >= 10) drifts.push((b.mean - r.mean) / b.mean);
  }
  const adh = (from: string, to: string) => {
    const ws = inWShifts.filter((s) => {
      const d = localDate(Date.parse(s.start));
      return s.status === 'worked' && d >= from && d <= to;
    });
    let inside = 0;
    let sched = 0;
    for (const s of ws) {
      const a = Date.parse(s.start);
      const b = Date.parse(s.end);
      inside += Math.min(
        workedMinutes(s).filter((m) => m >= a && m < b).length,
        (b - a) / 60_000 - s.breakMinutes,
      );
      sched += (b - a) / 60_000 - s.breakMinutes;
    }
    return { n: ws.length, v: inside / sched };
  };
  const ab = adh(wFrom, '2026-01-24');
  const ar = adh(rFrom, AS_OF);
  if (ab.n >= 2 && ar.n >= 2) drifts.push((ab.v - ar.v) / ab.v);
  const drift = Math.max(...drifts);
  const raw = {
    overtime: Math.max(0, workedH - 4 * contractHours),
    occupancy,
    hostile,
    recovery: shortRests + lateRun,
    irregularity: sigma,
    unsocial: unsocialH / workedH,
    quota_pressure: null,
    drift,
    absence: absences,
  };
  const score = {
    overtime: rampRef(raw.overtime, 0, 40),
    occupancy: rampRef(occupancy, 0.75, 0.95),
    hostile: rampRef(hostile, 0.02, 0.12),
    recovery: rampRef(raw.recovery, 0, 6),
    irregularity: Math.max(rampRef(sigma, 1, 4), rampRef(sendHomes, 0, 3)),
    unsocial: rampRef(raw.unsocial, 0.1, 0.5),
    quota_pressure: 0,
    drift: rampRef(drift, 0, 0.2),
    absence: rampRef(absences, 0, 3),
  };
  const weight = {
    overtime: 0.15,
    occupancy: 0.15,
    hostile: 0.15,
    recovery: 0.1,
    irregularity: 0.1,
    unsocial: 0.05,
    quota_pressure: 0.1,
    drift: 0.1,
    absence: 0.1,
  };
  const points = Object.fromEntries(
    Object.entries(score).map(([k, v]) => [k, 100 * weight[k as keyof typeof weight] * v]),
  );
  const index = Math.round(Object.values(points).reduce((x, y) => x + y, 0));
  return { raw, score, points, index, shortRests, lateRun, sendHomes };
}

// ------------------------------------------------------------------ arrangement

async function insertShifts(t: TestApp, shifts: TestShift[]): Promise<void> {
  for (const s of shifts) {
    await t.sql.query(
      `INSERT INTO shift (shift_code, agent_id, start_at, end_at, local_date, kind, break_minutes,
                          status, actual_start, actual_end, send_home_reason)
       SELECT $1, a.id, $3::timestamptz, $4::timestamptz,
              ($3::timestamptz AT TIME ZONE s.time_zone)::date, $5, $6, $7, $8, $9, $10
       FROM agent a JOIN team t ON t.id = a.team_id JOIN site s ON s.id = t.site_id
       WHERE a.employee_code = $2`,
      [
        s.code,
        s.agent,
        s.start,
        s.end,
        s.kind ?? 'regular',
        s.breakMinutes,
        s.status,
        s.status === 'worked' || s.status === 'sent_home' ? (s.actualStart ?? s.start) : null,
        s.status === 'worked' || s.status === 'sent_home' ? (s.actualEnd ?? s.end) : null,
        s.sendHomeReason ?? null,
      ],
    );
  }
}

describe('burnout index through the database and the API', () => {
  let t: TestApp;
  let tokens: Awaited<ReturnType<typeof seedUsers>>;
  const shifts = a1Shifts();
  const calls = a1Calls(shifts);
  const ref = reference(shifts, calls, 40);
  const get = (url: string, token: string) =>
    t.http().get(url).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    t = await createTestApp({ BURNOUT_JOB: 'false', BURNOUT_HISTORY_DAYS: '400' });
    await seedOrg(t);
    tokens = await seedUsers(t);
    await insertShifts(t, shifts);
    // A2 (T1): only an unplanned absence inside W, worked time only before it → no index
    await insertShifts(t, [
      {
        code: 'A2-1',
        agent: 'A2',
        start: at(jan(2), '09:00'),
        end: at(jan(2), '17:00'),
        breakMinutes: 0,
        status: 'worked',
      },
      {
        code: 'A2-2',
        agent: 'A2',
        start: at(jan(20), '09:00'),
        end: at(jan(20), '17:00'),
        breakMinutes: 0,
        status: 'absent_unplanned',
      },
      // B1 (T2, Istanbul): one worked shift
      {
        code: 'B1-1',
        agent: 'B1',
        start: '2026-01-20T09:00:00+03:00',
        end: '2026-01-20T17:00:00+03:00',
        breakMinutes: 0,
        status: 'worked',
      },
    ]);
    for (let i = 0; i < calls.length; i += 100) {
      const batch = calls.slice(i, i + 100).map((c) => ({
        campaign_code: 'SUP',
        channel: 'phone',
        direction: 'inbound',
        queue_seconds: 10,
        outcome: 'resolved',
        ...c,
      }));
      const r = await t
        .http()
        .post('/api/calls')
        .set('Authorization', `Bearer ${tokens.admin}`)
        .send(batch);
      expect(r.status).toBe(200);
    }
  });
  afterAll(() => t.close());

  it('has the hand-made agent the reference says: every component over the real tables', () => {
    // the arrangement exercises every component but quota pressure
    expect(ref.shortRests).toBe(2);
    expect(ref.lateRun).toBe(3);
    expect(ref.sendHomes).toBe(1);
    expect(ref.raw.absence).toBe(2);
    expect(ref.raw.overtime).toBeCloseTo(162 + 1 / 6 - 160, 9);
    expect(ref.raw.drift).toBeCloseTo(0.2, 9);
  });

  it('returns A1 component by component equal to the independent computation', async () => {
    const r = await get(`/api/burnout/agents?asOf=${AS_OF}&teamCode=T1`, tokens.admin);
    expect(r.status).toBe(200);
    const rows = r.body as BurnoutAgentRow[];
    expect(rows.map((x) => x.employeeCode)).toEqual(['A1', 'A2', 'A3']);
    const a1 = rows[0];
    expect(Object.keys(a1).sort()).toEqual([
      'band',
      'components',
      'drivers',
      'employeeCode',
      'index',
    ]);
    for (const [name, c] of Object.entries(a1.components)) {
      expect(Object.keys(c).sort()).toEqual(['points', 'raw', 'score']);
      const raw = ref.raw[name as keyof typeof ref.raw];
      if (raw === null) {
        expect(c.raw).toBeNull();
      } else {
        expect([name, c.raw]).toEqual([name, expect.closeTo(raw, 9)]);
      }
      expect([name, c.score]).toEqual([
        name,
        expect.closeTo(ref.score[name as keyof typeof ref.score], 9),
      ]);
      expect([name, c.points]).toEqual([name, expect.closeTo(ref.points[name], 9)]);
    }
    expect(a1.index).toBe(ref.index);
    expect(a1.band).toBe(
      ref.index >= 60
        ? ref.index >= 80
          ? 'critical'
          : 'high'
        : ref.index >= 40
          ? 'elevated'
          : 'low',
    );
    const top = Object.entries(ref.points)
      .filter(([, p]) => p > 0)
      .sort((x, y) => y[1] - x[1])
      .slice(0, 3)
      .map(([k]) => k);
    expect(a1.drivers).toEqual(top);
  });

  it('gives no index (null, not zero) to an agent with no worked time in the window', async () => {
    const rows = (await get(`/api/burnout/agents?asOf=${AS_OF}&teamCode=T1`, tokens.admin))
      .body as BurnoutAgentRow[];
    const a2 = rows.find((x) => x.employeeCode === 'A2') as BurnoutAgentRow;
    expect(a2.index).toBeNull();
    expect(a2.band).toBeNull();
    expect(a2.drivers).toEqual([]);
    expect(a2.components.absence).toEqual({
      raw: 1,
      score: expect.closeTo(1 / 3, 12),
      points: expect.closeTo(10 / 3, 12),
    });
    const a3 = rows.find((x) => x.employeeCode === 'A3') as BurnoutAgentRow;
    expect(a3.index).toBeNull();
  });

  it('stores daily snapshots equal to the on-demand figures, then recomputes only a changed agent', async () => {
    const job = t.app.get(BurnoutSnapshotJob);
    const onDemand = (await get(`/api/burnout/agents?asOf=${AS_OF}`, tokens.admin)).body;
    const first = await job.drain();
    expect(first.snapshots).toBeGreaterThan(0);
    const stored = await t.sql.query(
      `SELECT a.employee_code, s.bri, s.config_version FROM burnout_snapshot s JOIN agent a ON a.id = s.agent_id
       WHERE s.as_of = $1 ORDER BY 1`,
      [AS_OF],
    );
    expect(stored.rows.map((r) => [r.employee_code, r.bri])).toEqual(
      (onDemand as BurnoutAgentRow[]).map((x) => [x.employeeCode, x.index]),
    );
    expect((onDemand as BurnoutAgentRow[]).map((x) => x.employeeCode)).toEqual([
      'A1',
      'A2',
      'A3',
      'B1',
      'B2',
    ]);
    // nothing changed: a second pass computes nothing
    expect((await job.drain()).snapshots).toBe(0);
    // a live call for A1 on 01-31 marks A1 from that day: only A1's snapshots from 01-31 on
    const before = await t.sql.query(`SELECT count(*)::int AS n FROM burnout_snapshot`);
    await t
      .http()
      .post('/api/calls')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .send({
        call_id: 'BCX1',
        employee_code: 'A1',
        campaign_code: 'SUP',
        channel: 'phone',
        direction: 'inbound',
        started_at: at(AS_OF, '12:00'),
        queue_seconds: 5,
        talk_seconds: 100,
        hold_seconds: 0,
        wrap_seconds: 0,
        outcome: 'resolved',
        hostile: true,
      });
    const dirty = await t.sql.query(
      `SELECT a.employee_code, d.from_date::text AS from_date FROM burnout_dirty d JOIN agent a ON a.id = d.agent_id`,
    );
    expect(dirty.rows).toEqual([{ employee_code: 'A1', from_date: AS_OF }]);
    const again = await job.drain();
    const latest = await job.latestAsOf();
    const expectedDates = Math.round((Date.parse(latest) - Date.parse(AS_OF)) / 86_400_000) + 1;
    expect(again).toMatchObject({ agents: 1, snapshots: expectedDates });
    expect((await t.sql.query(`SELECT count(*)::int AS n FROM burnout_snapshot`)).rows[0].n).toBe(
      before.rows[0].n,
    );
    expect((await t.sql.query(`SELECT count(*)::int AS n FROM burnout_dirty`)).rows[0].n).toBe(0);
    const a1 = (
      await t.sql.query(
        `SELECT s.components->'hostile'->>'raw' AS hostile FROM burnout_snapshot s JOIN agent a ON a.id = s.agent_id
       WHERE a.employee_code = 'A1' AND s.as_of = $1`,
        [AS_OF],
      )
    ).rows[0];
    expect(Number(a1.hostile)).toBeCloseTo(
      (calls.filter((c) => c.hostile).length + 1) / (calls.length + 1),
      9,
    );
  });

  it('shows the drill-down with the shifts and calls behind the drivers', async () => {
    const r = await get(`/api/burnout/agents/A1?asOf=${AS_OF}`, tokens.m1);
    expect(r.status).toBe(200);
    const d = r.body as BurnoutAgentDetail;
    expect(d.window).toEqual({
      from: '2026-01-04',
      to: AS_OF,
      recentFrom: '2026-01-25',
      baselineTo: '2026-01-24',
    });
    expect(
      d.shifts
        .filter((s) => s.shortRestBeforeHours !== null)
        .map((s) => [s.shiftId, s.shortRestBeforeHours]),
    ).toEqual([
      ['A1-27', 8.5],
      ['A1-29', 8],
    ]);
    expect(d.shifts.filter((s) => s.seventhDayOrLater).map((s) => s.shiftId)).toEqual([
      'A1-14',
      'A1-15',
      'A1-16',
    ]);
    expect(d.shifts.filter((s) => s.unplannedAbsence).map((s) => s.shiftId)).toEqual([
      'A1-7',
      'A1-30',
    ]);
    expect(d.shifts.filter((s) => s.unpaidSendHome).map((s) => s.shiftId)).toEqual(['A1-14']);
    expect(d.weeks.find((w) => w.weekStart === '2026-01-05')).toEqual({
      weekStart: '2026-01-05',
      workedHours: 48,
      overtimeHours: 8,
      contractHours: 40,
    });
    expect(d.hostileCalls.length).toBe(calls.filter((c) => c.hostile).length + 1);
    expect(d.components.quota_pressure).toMatchObject({
      raw: null,
      points: 0,
      detail: { source: 'none' },
    });
    expect(d.quotaSource).toBe('none');
    expect(d.source).toBe('snapshot');
    expect(d.history.length).toBeGreaterThan(20);
    expect(d.history.find((h) => h.date === AS_OF)?.index).toBe(d.index);
  });

  it('builds the team view from the snapshots', async () => {
    const r = await get(`/api/burnout/team?asOf=${AS_OF}&teamCode=T1&days=30`, tokens.m1);
    expect(r.status).toBe(200);
    const v = r.body as BurnoutTeamView;
    expect(v.members).toBe(3);
    expect(v.withIndex).toBe(1);
    const a1 = v.agents[0];
    expect(a1.employeeCode).toBe('A1');
    expect(v.meanIndex).toBe(a1.index);
    expect(v.capacityAtRisk).toBeCloseTo((a1.index as number) / 300, 12);
    expect(v.trend.find((p) => p.date === AS_OF)?.meanIndex).toBe(a1.index);
    expect(v.drivers[0].name).toBe(a1.drivers[0]);
    expect(v.teams.map((x) => x.teamCode)).toEqual(['T1']);
    expect(v.pendingSnapshots).toBe(0);
  });

  it('computes a member whose data changed since their snapshot instead of showing the stale one', async () => {
    await insertShifts(t, [
      {
        code: 'A2-3',
        agent: 'A2',
        start: at(jan(29), '09:00'),
        end: at(jan(29), '17:00'),
        breakMinutes: 0,
        status: 'worked',
      },
    ]);
    const v = (await get(`/api/burnout/team?asOf=${AS_OF}&teamCode=T1&days=7`, tokens.m1))
      .body as BurnoutTeamView;
    expect(v.pendingSnapshots).toBe(1);
    expect(v.withIndex).toBe(2);
    expect(v.agents.find((a) => a.employeeCode === 'A2')?.index).not.toBeNull();
    await t.sql.query(`DELETE FROM shift WHERE shift_code = 'A2-3'`);
    await t.app.get(BurnoutSnapshotJob).drain();
  });

  it('never shows an agent another agent’s index (every endpoint)', async () => {
    for (const url of [
      `/api/burnout/agents?asOf=${AS_OF}`,
      `/api/burnout/agents?asOf=${AS_OF}&teamCode=T1`,
      `/api/burnout/agents/B1?asOf=${AS_OF}`,
      `/api/burnout/agents/A1?asOf=${AS_OF}`,
      `/api/burnout/team?asOf=${AS_OF}`,
      `/api/burnout/status`,
      `/api/burnout/config`,
    ]) {
      expect([url, (await get(url, tokens.a1)).status]).toEqual([url, 403]);
    }
    const mine = await get(`/api/me/burnout?asOf=${AS_OF}`, tokens.a1);
    expect(mine.status).toBe(200);
    expect(mine.body.employeeCode).toBe('A1');
    const adminView = (await get(`/api/burnout/agents?asOf=${AS_OF}&teamCode=T1`, tokens.admin))
      .body as BurnoutAgentRow[];
    expect(mine.body.index).toBe(adminView[0].index);
    expect(mine.body.index).not.toBeNull();
    const theirs = await get(`/api/me/burnout?asOf=${AS_OF}`, tokens.b1);
    expect(theirs.body.employeeCode).toBe('B1');
    expect(JSON.stringify(theirs.body)).not.toContain('A1-');
    // query parameters cannot point the own page at someone else
    expect((await get(`/api/me/burnout?employeeCode=A1`, tokens.b1)).status).toBe(400);
  });

  it('shows a manager only their own teams', async () => {
    const all = (await get(`/api/burnout/agents?asOf=${AS_OF}`, tokens.m1))
      .body as BurnoutAgentRow[];
    expect(all.map((x) => x.employeeCode)).toEqual(['A1', 'A2', 'A3']);
    expect((await get(`/api/burnout/agents?asOf=${AS_OF}&teamCode=T2`, tokens.m1)).status).toBe(
      403,
    );
    expect((await get(`/api/burnout/agents/B1?asOf=${AS_OF}`, tokens.m1)).status).toBe(403);
    expect((await get(`/api/burnout/team?asOf=${AS_OF}&teamCode=T2`, tokens.m1)).status).toBe(403);
    const m2 = (await get(`/api/burnout/team?asOf=${AS_OF}`, tokens.m2)).body as BurnoutTeamView;
    expect(m2.agents.map((x) => x.employeeCode)).toEqual(['B1', 'B2']);
    const hr = (await get(`/api/burnout/agents?asOf=${AS_OF}`, tokens.hr))
      .body as BurnoutAgentRow[];
    expect(hr.map((x) => x.employeeCode)).toEqual(['A1', 'A2', 'A3', 'B1', 'B2']);
    expect((await get(`/api/burnout/agents?teamCode=NOPE`, tokens.admin)).status).toBe(404);
  });

  it('rejects bad input with the field named', async () => {
    const r = await get(`/api/burnout/agents?asOf=2026-02-30`, tokens.admin);
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/asOf/);
    const future = await get(`/api/burnout/agents?asOf=2999-01-01`, tokens.admin);
    expect(future.status).toBe(400);
    expect(future.body.message).toMatch(/future/);
  });

  it('lets an admin change weights as a new version, validated, and recomputes with it', async () => {
    const state = (await get('/api/burnout/config', tokens.m1)).body;
    expect(state.current.version).toBe(1);
    const bad = await t
      .http()
      .put('/api/burnout/config')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .send({
        config: {
          ...state.current.config,
          weights: { ...state.current.config.weights, drift: 0.5 },
          bogus: 1,
        },
      });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/config.bogus is not a setting/);
    const bad2 = await t
      .http()
      .put('/api/burnout/config')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .send({
        config: {
          ...state.current.config,
          weights: { ...state.current.config.weights, drift: 0.5 },
        },
      });
    expect(bad2.status).toBe(400);
    expect(bad2.body.message).toMatch(/weights must sum to 1/);
    const onlyAbsence = Object.fromEntries(
      Object.keys(state.current.config.weights).map((k) => [k, k === 'absence' ? 1 : 0]),
    );
    expect(
      (
        await t
          .http()
          .put('/api/burnout/config')
          .set('Authorization', `Bearer ${tokens.m1}`)
          .send({ config: { ...state.current.config, weights: onlyAbsence } })
      ).status,
    ).toBe(403);
    const ok = await t
      .http()
      .put('/api/burnout/config')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .send({ config: { ...state.current.config, weights: onlyAbsence }, note: 'absence only' });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    const rows = (await get(`/api/burnout/agents?asOf=${AS_OF}&teamCode=T1`, tokens.admin))
      .body as BurnoutAgentRow[];
    expect(rows[0].index).toBe(67); // 2 unplanned absences → ramp 2/3 → 66.7
    await t.app.get(BurnoutSnapshotJob).drain();
    const versions = await t.sql.query(`SELECT DISTINCT config_version FROM burnout_snapshot`);
    expect(versions.rows).toEqual([{ config_version: 2 }]);
    const audit = await t.sql.query(
      `SELECT action, entity_key FROM audit_log WHERE entity = 'burnout_config'`,
    );
    expect(audit.rows).toEqual([{ action: 'update', entity_key: '2' }]);
  });

  it('answers the latest band per agent for the floor page', async () => {
    const { BurnoutService } = await import('./burnout.service');
    const bands = await t.app.get(BurnoutService).latestBands();
    const a1 = [...bands.values()].find((b) => b.employeeCode === 'A1');
    expect(a1?.asOf).toBe(await t.app.get(BurnoutSnapshotJob).latestAsOf());
    expect(a1?.band === null || typeof a1?.band === 'string').toBe(true);
  });
});

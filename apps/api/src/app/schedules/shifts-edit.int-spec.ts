import type { PatternResult, ShiftDto } from '@floorwise/contracts';
import { createTestApp, seedOrg, seedUsers, TestApp } from '../../../test/test-app';

type Tokens = Awaited<ReturnType<typeof seedUsers>>;

describe('editing shifts', () => {
  let t: TestApp;
  let tok: Tokens;

  beforeAll(async () => {
    t = await createTestApp();
    await seedOrg(t);
    tok = await seedUsers(t);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    post: (url: string, body: object) =>
      t.http().post(url).set('Authorization', `Bearer ${token}`).send(body),
    put: (url: string, body: object) =>
      t.http().put(url).set('Authorization', `Bearer ${token}`).send(body),
    del: (url: string) => t.http().delete(url).set('Authorization', `Bearer ${token}`),
    get: (url: string) => t.http().get(url).set('Authorization', `Bearer ${token}`),
  });
  const auditOf = async (code: string) =>
    (
      await t.sql.query(
        `SELECT a.action, u.email, a.detail FROM audit_log a JOIN app_user u ON u.id = a.actor_id
         WHERE a.entity = 'shift' AND a.entity_key = $1 ORDER BY a.id`,
        [code],
      )
    ).rows;

  it('creates a shift from local wall times in the site zone, and audits it', async () => {
    const r = await as(tok.m1).post('/api/shifts', {
      employeeCode: 'A1',
      start: '2026-11-16T22:00',
      end: '2026-11-17T06:00',
      breakMinutes: 30,
      note: 'cover the night queue',
    });
    expect(r.status).toBe(201);
    const s = r.body as ShiftDto;
    expect(s).toMatchObject({
      employeeCode: 'A1',
      localDate: '2026-11-16',
      start: '2026-11-16T22:00:00-06:00',
      end: '2026-11-17T06:00:00-06:00',
      status: 'scheduled',
      kind: 'regular',
      source: 'manual',
      note: 'cover the night queue',
      figures: { scheduledSeconds: 7.5 * 3600, plannedSeconds: 7.5 * 3600, workedSeconds: 0 },
    });
    expect(s.shiftId).toMatch(/^M-A1-20261116-[0-9a-f]{6}$/);
    expect(await auditOf(s.shiftId)).toEqual([
      expect.objectContaining({ action: 'shift.create', email: 'm1@test.local' }),
    ]);
  });

  it('refuses an overlap with a clear 409 naming the other shift, and writes nothing', async () => {
    const before = (await t.sql.query(`SELECT count(*)::int AS n FROM shift`)).rows[0].n;
    const r = await as(tok.m1).post('/api/shifts', {
      employeeCode: 'A1',
      start: '2026-11-17T05:00',
      end: '2026-11-17T13:00',
    });
    expect(r.status).toBe(409);
    expect(r.body.message).toMatch(
      /^The shift overlaps shift M-A1-20261116-[0-9a-f]{6} of A1 \(2026-11-16 22:00–2026-11-17 06:00 America\/Chicago\); no two shifts of an agent may overlap$/,
    );
    expect((await t.sql.query(`SELECT count(*)::int AS n FROM shift`)).rows[0].n).toBe(before);
  });

  it('refuses a local time the clocks skip, and bad shifts with every reason', async () => {
    const gap = await as(tok.admin).post('/api/shifts', {
      employeeCode: 'A1',
      start: '2027-03-14T02:30',
      end: '2027-03-14T10:00',
    });
    expect(gap.status).toBe(400);
    expect(gap.body.message).toBe(
      'start 2027-03-14 02:30 does not exist in America/Chicago: the clocks skip that hour',
    );
    const bad = await as(tok.admin).post('/api/shifts', {
      employeeCode: 'A1',
      start: '2026-12-20T17:00',
      end: '2026-12-20T09:00',
      breakMinutes: 30,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual([
      {
        field: 'end',
        message: 'end 2026-12-20T09:00:00-06:00 is before start 2026-12-20T17:00:00-06:00',
      },
    ]);
  });

  it("keeps a manager to their own teams' agents", async () => {
    const r = await as(tok.m1).post('/api/shifts', {
      employeeCode: 'B1',
      start: '2026-12-21T09:00',
      end: '2026-12-21T17:00',
    });
    expect(r.status).toBe(403);
    expect(r.body.message).toBe('B1 is not in a team you manage');
  });

  it('records an outage send-home as unpaid after it and a goal-met one as paid to the end', async () => {
    const make = async (day: string) =>
      (
        await as(tok.m1).post('/api/shifts', {
          employeeCode: 'A2',
          start: `2026-11-${day}T09:00`,
          end: `2026-11-${day}T17:00`,
          breakMinutes: 60,
        })
      ).body as ShiftDto;
    const outage = await make('18');
    const r = await as(tok.m1).post(`/api/shifts/${outage.shiftId}/send-home`, {
      reason: 'outage',
      at: '2026-11-18T12:00',
    });
    expect(r.status).toBe(200);
    // 09:00–12:00 with the 1 h break centred: 2 h worked and paid; 7 − 2 = 5 h lost
    expect(r.body).toMatchObject({
      status: 'sent_home',
      sendHomeReason: 'outage',
      actualStart: '2026-11-18T09:00:00-06:00',
      actualEnd: '2026-11-18T12:00:00-06:00',
      sendHomeAt: '2026-11-18T12:00:00-06:00',
      figures: { workedSeconds: 2 * 3600, paidSeconds: 2 * 3600, lostSeconds: 5 * 3600 },
    });
    const goal = await make('19');
    const g = await as(tok.m1).post(`/api/shifts/${goal.shiftId}/send-home`, {
      reason: 'goal_met',
      at: '2026-11-19T15:00',
    });
    expect(g.body.figures).toMatchObject({
      workedSeconds: 5 * 3600,
      paidSeconds: 7 * 3600,
      lostSeconds: 0,
    });
    const late = await as(tok.m1).post(`/api/shifts/${goal.shiftId}/send-home`, {
      reason: 'goal_met',
      at: '2026-11-19T18:00',
    });
    expect(late.status).toBe(400);
    expect(late.body.message).toContain(
      'is after the scheduled end: a send-home ends the shift early',
    );
    expect((await auditOf(outage.shiftId)).map((a) => a.action)).toEqual([
      'shift.create',
      'shift.send_home',
    ]);
    const audit = await auditOf(outage.shiftId);
    expect(audit[1].detail.before).toMatchObject({ status: 'scheduled' });
    expect(audit[1].detail.after).toMatchObject({ status: 'sent_home', sendHomeReason: 'outage' });
  });

  it('records absences, refusing an unplanned one before the shift has begun', async () => {
    const future = (
      await as(tok.m1).post('/api/shifts', {
        employeeCode: 'A3',
        start: '2031-05-05T09:00',
        end: '2031-05-05T17:00',
      })
    ).body as ShiftDto;
    const unplanned = await as(tok.m1).post(`/api/shifts/${future.shiftId}/absence`, {
      type: 'unplanned',
    });
    expect(unplanned.status).toBe(400);
    expect(unplanned.body.message).toBe(
      'The shift is not valid: status absent_unplanned for a shift that has not started yet',
    );
    const excused = await as(tok.m1).post(`/api/shifts/${future.shiftId}/absence`, {
      type: 'excused',
      note: 'annual leave',
    });
    expect(excused.body).toMatchObject({ status: 'absent_excused', note: 'annual leave' });
  });

  it('edits a timesheet, refuses to delete it, and deletes a shift still to come', async () => {
    const s = (
      await as(tok.admin).post('/api/shifts', {
        employeeCode: 'A3',
        start: '2026-11-23T09:00',
        end: '2026-11-23T17:00',
        breakMinutes: 30,
      })
    ).body as ShiftDto;
    const worked = await as(tok.m1).put(`/api/shifts/${s.shiftId}`, {
      start: s.start,
      end: s.end,
      kind: 'regular',
      breakMinutes: 30,
      status: 'worked',
      actualStart: '2026-11-23T09:05',
      actualEnd: '2026-11-23T17:40',
    });
    expect(worked.status).toBe(200);
    expect(worked.body.figures).toMatchObject({
      workedSeconds: (8 * 60 + 5) * 60,
      stayLateSeconds: 40 * 60,
    });
    const del = await as(tok.m1).del(`/api/shifts/${s.shiftId}`);
    expect(del.status).toBe(409);
    expect(del.body.message).toContain('has a timesheet (worked)');
    const later = (
      await as(tok.m1).post('/api/shifts', {
        employeeCode: 'A3',
        start: '2031-06-02T09:00',
        end: '2031-06-02T17:00',
      })
    ).body as ShiftDto;
    expect((await as(tok.m1).del(`/api/shifts/${later.shiftId}`)).status).toBe(204);
    expect((await as(tok.m1).get(`/api/shifts/${later.shiftId}`)).status).toBe(404);
    expect((await auditOf(later.shiftId)).map((a) => a.action)).toEqual([
      'shift.create',
      'shift.delete',
    ]);
  });

  describe('a weekly pattern', () => {
    const pattern = {
      employeeCodes: ['A1', 'A2'],
      from: '2027-03-08',
      to: '2027-03-21',
      days: [
        { weekday: 1, start: '09:00', end: '17:30', breakMinutes: 30 },
        { weekday: 3, start: '09:00', end: '17:30', breakMinutes: 30 },
        // Sunday 02:30 does not exist on 14 March 2027 in Chicago
        { weekday: 7, start: '02:30', end: '10:30', breakMinutes: 30 },
      ],
    };

    it('reports every agent and date that cannot take it, and writes nothing', async () => {
      // A2 already works Wednesday 17 March
      await as(tok.admin).post('/api/shifts', {
        employeeCode: 'A2',
        start: '2027-03-17T12:00',
        end: '2027-03-17T20:00',
      });
      const before = (await t.sql.query(`SELECT count(*)::int AS n FROM shift`)).rows[0].n;
      const r = await as(tok.m1).post('/api/shifts/pattern', pattern);
      expect(r.status).toBe(409);
      expect(r.body.message).toBe(
        'The pattern was not applied: 3 agent-dates cannot take it; nothing was written',
      );
      expect(r.body.conflicts).toEqual([
        {
          employeeCode: 'A1',
          date: '2027-03-14',
          message:
            'start 2027-03-14 02:30 does not exist in America/Chicago: the clocks skip that hour',
        },
        {
          employeeCode: 'A2',
          date: '2027-03-14',
          message:
            'start 2027-03-14 02:30 does not exist in America/Chicago: the clocks skip that hour',
        },
        {
          employeeCode: 'A2',
          date: '2027-03-17',
          message: expect.stringMatching(
            /^overlaps shift M-A2-20270317-[0-9a-f]{6} \(2027-03-17 12:00–20:00 America\/Chicago\)$/,
          ),
        },
      ]);
      expect((await t.sql.query(`SELECT count(*)::int AS n FROM shift`)).rows[0].n).toBe(before);
      // a preview answers with the same list, as a check rather than a failure
      const preview = await as(tok.m1).post('/api/shifts/pattern', { ...pattern, preview: true });
      expect(preview.status).toBe(201);
      expect(preview.body.created).toBe(0);
      expect(preview.body.conflicts).toEqual(r.body.conflicts);
    });

    it('previews, then applies to every agent and date in one go', async () => {
      const fixed = {
        ...pattern,
        employeeCodes: ['A1', 'A3'],
        days: [pattern.days[0], pattern.days[1], { weekday: 7, start: '03:30', end: '11:30' }],
      };
      const preview = await as(tok.m1).post('/api/shifts/pattern', { ...fixed, preview: true });
      expect(preview.body).toMatchObject({ created: 0, preview: true, conflicts: [] });
      // 2 weeks × (Mon, Wed, Sun) × 2 agents = 12
      expect((preview.body as PatternResult).shifts).toHaveLength(12);
      const applied = await as(tok.m1).post('/api/shifts/pattern', fixed);
      expect(applied.status).toBe(201);
      expect(applied.body.created).toBe(12);
      const sunday = (applied.body as PatternResult).shifts.find(
        (s) => s.employeeCode === 'A1' && s.localDate === '2027-03-14',
      );
      // the first Sunday of CDT: 03:30 is daylight time already
      expect(sunday).toMatchObject({
        start: '2027-03-14T03:30:00-05:00',
        end: '2027-03-14T11:30:00-05:00',
      });
      const audit = (
        await t.sql.query(
          `SELECT detail FROM audit_log WHERE action = 'shift.pattern' ORDER BY id DESC LIMIT 1`,
        )
      ).rows[0].detail;
      expect(audit.created).toHaveLength(12);
      expect(audit.employeeCodes).toEqual(['A1', 'A3']);
    });

    it("refuses agents outside the manager's teams", async () => {
      const r = await as(tok.m1).post('/api/shifts/pattern', {
        ...pattern,
        employeeCodes: ['A1', 'B1'],
        from: '2027-04-05',
        to: '2027-04-11',
      });
      expect(r.status).toBe(403);
      expect(r.body.message).toBe('B1 is not in a team you manage');
    });
  });
});

import { createTestApp, seedOrg, seedUsers, TestApp } from '../../../test/test-app';

type Tokens = Awaited<ReturnType<typeof seedUsers>>;
type Rec = Record<string, string | number>;

const COLUMNS = [
  'shift_id',
  'employee_code',
  'start',
  'end',
  'kind',
  'break_minutes',
  'status',
  'actual_start',
  'actual_end',
  'send_home_reason',
];

function csv(rows: Rec[], columns = COLUMNS): string {
  const q = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => q(r[c] ?? '')).join(','))]
    .join('\n')
    .concat('\n');
}

/** A1 (Chicago, CST in November) works 09:00–17:00 with a 30 min break on a November day. */
function row(id: string, day: string, overrides: Rec = {}): Rec {
  return {
    shift_id: id,
    employee_code: 'A1',
    start: `2026-11-${day}T09:00:00-06:00`,
    end: `2026-11-${day}T17:00:00-06:00`,
    kind: 'regular',
    break_minutes: 30,
    status: 'worked',
    actual_start: `2026-11-${day}T08:58:00-06:00`,
    actual_end: `2026-11-${day}T17:05:00-06:00`,
    ...overrides,
  };
}

describe('POST /api/imports/shifts', () => {
  let t: TestApp;
  let tok: Tokens;

  beforeAll(async () => {
    t = await createTestApp();
    await seedOrg(t);
    tok = await seedUsers(t);
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.sql.query(`DELETE FROM shift`);
  });

  const post = (body: string, type = 'text/csv', token = tok.admin) =>
    t
      .http()
      .post('/api/imports/shifts')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', type)
      .send(body);

  const shiftCount = async () =>
    (await t.sql.query(`SELECT count(*)::int AS n FROM shift`)).rows[0].n as number;

  it('imports a CSV file, dates each shift by its site, and counts a re-import as duplicates', async () => {
    const file = csv([
      row('S1', '09'),
      // a night shift crossing midnight: its local date is the day it starts
      row('S2', '10', {
        start: '2026-11-10T22:00:00-06:00',
        end: '2026-11-11T06:00:00-06:00',
        actual_start: '2026-11-10T22:00:00-06:00',
        actual_end: '2026-11-11T06:00:00-06:00',
      }),
      // Istanbul is UTC+3 all year; 01:00 local on the 12th is still the 11th in UTC
      {
        shift_id: 'S3',
        employee_code: 'B1',
        start: '2026-11-12T01:00:00+03:00',
        end: '2026-11-12T09:00:00+03:00',
      },
      row('S4', '13', {
        status: 'sent_home',
        send_home_reason: 'outage',
        actual_end: '2026-11-13T11:30:00-06:00',
      }),
    ]);
    const r = await post(file);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ imported: 4, updated: 0, duplicates: 0 });
    const stored = await t.sql.query(
      `SELECT shift_code, to_char(local_date, 'YYYY-MM-DD') AS d, status, kind, break_minutes,
              send_home_reason, send_home_at = actual_end AS sent_at_end, source
       FROM shift ORDER BY shift_code`,
    );
    expect(stored.rows).toEqual([
      expect.objectContaining({
        shift_code: 'S1',
        d: '2026-11-09',
        status: 'worked',
        source: 'import',
      }),
      expect.objectContaining({ shift_code: 'S2', d: '2026-11-10' }),
      expect.objectContaining({
        shift_code: 'S3',
        d: '2026-11-12',
        status: 'scheduled',
        kind: 'regular',
        break_minutes: 0,
      }),
      expect.objectContaining({
        shift_code: 'S4',
        status: 'sent_home',
        send_home_reason: 'outage',
        sent_at_end: true,
      }),
    ]);
    const again = await post(file);
    expect(again.body).toEqual({ imported: 0, updated: 0, duplicates: 4 });
    expect(await shiftCount()).toBe(4);
  });

  it('updates shifts by shift_id, including moves that only fit once the whole file is applied', async () => {
    await post(csv([row('M1', '16'), row('M2', '17')]));
    // M1 moves onto M2's day and M2 moves a day later: in file order the first update alone
    // would overlap M2's old slot
    const r = await post(
      csv([
        row('M1', '17', { status: 'scheduled', actual_start: '', actual_end: '' }),
        row('M2', '18', { status: 'scheduled', actual_start: '', actual_end: '' }),
      ]),
    );
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ imported: 0, updated: 2, duplicates: 0 });
    const stored = await t.sql.query(
      `SELECT shift_code, to_char(local_date, 'YYYY-MM-DD') AS d FROM shift ORDER BY shift_code`,
    );
    expect(stored.rows).toEqual([
      { shift_code: 'M1', d: '2026-11-17' },
      { shift_code: 'M2', d: '2026-11-18' },
    ]);
  });

  it('reads NDJSON with the same field names', async () => {
    const lines = [
      row('N1', '19'),
      {
        shift_id: 'N2',
        employee_code: 'A2',
        start: '2026-11-19T09:00:00Z',
        end: '2026-11-19T15:00:00Z',
      },
    ]
      .map((x) => JSON.stringify(x))
      .join('\n');
    const r = await post(`${lines}\n`, 'application/x-ndjson');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ imported: 2, updated: 0, duplicates: 0 });
  });

  it('rejects the whole file, listing every bad row with its line, field and reason', async () => {
    await post(csv([row('KEEP', '02')]));
    const before = await t.sql.query(`SELECT * FROM shift ORDER BY id`);
    const file = csv([
      row('G1', '03'), // line 2: fine
      row('E1', '04', { employee_code: 'NOBODY' }), // 3
      row('E2', '05', { end: '2026-11-05T08:00:00-06:00' }), // 4
      row('E3', '06', { start: '2026-11-06T09:00:00-05:00' }), // 5: CDT offset in November
      row('E4', '07', { kind: 'double' }), // 6
      row('E5', '08', { status: 'scheduled' }), // 7: actuals on a scheduled shift
      row('E6', '09', { send_home_reason: 'outage' }), // 8: reason without sent_home
      row('E7', '10', { status: 'sent_home' }), // 9: sent_home without reason
      row('E8', '11', { start: '2026-11-11T09:00:00' }), // 10: no offset
      row('E9', '12', { break_minutes: 'half' }), // 11
      row('E10', '13', { start: '2026-11-31T09:00:00-06:00' }), // 12: no such date
      row('E11', '14', { actual_end: '2026-11-14T08:00:00-06:00' }), // 13: actual end before start
      row('G1', '20'), // 14: repeated shift_id
      row('E12', '03', {
        start: '2026-11-03T16:00:00-06:00',
        end: '2026-11-03T20:00:00-06:00',
        status: 'scheduled',
        actual_start: '',
        actual_end: '',
      }), // 15: overlaps G1
    ]);
    const r = await post(file);
    expect(r.status).toBe(422);
    expect(r.body.message).toBe(
      'The shifts file was rejected: 15 problems found; nothing was written',
    );
    expect(r.body.errors).toEqual([
      {
        line: 3,
        field: 'employee_code',
        message: 'employee_code "NOBODY" is not a known agent (import agents first)',
      },
      {
        line: 4,
        field: 'end',
        message: 'end 2026-11-05T08:00:00-06:00 is before start 2026-11-05T09:00:00-06:00',
      },
      {
        line: 5,
        field: 'start',
        message:
          'start "2026-11-06T09:00:00-05:00" has offset -05:00, but America/Chicago is at -06:00 at that instant (2026-11-06 08:00 local): write the site\'s offset or Z',
      },
      {
        line: 6,
        field: 'kind',
        message: 'kind "double" is not one of regular, overtime, training',
      },
      {
        line: 7,
        field: 'actual_start',
        message:
          'actual_start must be empty for a scheduled shift: only worked and sent_home shifts have a timesheet',
      },
      {
        line: 7,
        field: 'actual_end',
        message:
          'actual_end must be empty for a scheduled shift: only worked and sent_home shifts have a timesheet',
      },
      {
        line: 8,
        field: 'send_home_reason',
        message: 'send_home_reason "outage" is only for a sent_home shift; status is worked',
      },
      {
        line: 9,
        field: 'send_home_reason',
        message:
          'send_home_reason is required for a sent_home shift (goal_met, outage or low_volume)',
      },
      {
        line: 9,
        field: 'actual_end',
        message:
          'actual_end 2026-11-10T17:05:00-06:00 is after the scheduled end: a send-home ends the shift early',
      },
      {
        line: 10,
        field: 'start',
        message:
          'start "2026-11-11T09:00:00" is not an ISO 8601 date-time with an offset (e.g. 2026-03-02T09:00:00-06:00)',
      },
      {
        line: 11,
        field: 'break_minutes',
        message: 'break_minutes "half" is not a whole number of minutes',
      },
      {
        line: 12,
        field: 'start',
        message: 'start "2026-11-31T09:00:00-06:00" is a date-time that does not exist',
      },
      {
        line: 13,
        field: 'actual_end',
        message:
          'actual_end 2026-11-14T08:00:00-06:00 is before actual_start 2026-11-14T08:58:00-06:00',
      },
      { line: 14, field: 'shift_id', message: 'G1 appears again (first on line 2)' },
      {
        line: 15,
        field: 'start',
        message:
          'overlaps shift G1 of A1 on line 2 (2026-11-03 09:00–17:00 America/Chicago); no two shifts of an agent may overlap',
      },
    ]);
    expect(r.body.errorCount).toBe(15);
    expect((await t.sql.query(`SELECT * FROM shift ORDER BY id`)).rows).toEqual(before.rows);
  });

  it('rejects a shift that overlaps one already stored, naming it, and writes nothing', async () => {
    await post(csv([row('OLD', '23')]));
    const r = await post(
      csv([
        row('NEW1', '24'),
        row('NEW2', '23', {
          start: '2026-11-23T16:30:00-06:00',
          end: '2026-11-23T21:00:00-06:00',
          status: 'scheduled',
          actual_start: '',
          actual_end: '',
        }),
      ]),
    );
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([
      {
        line: 3,
        field: 'start',
        message:
          'overlaps shift OLD of A1 already stored (2026-11-23 09:00–17:00 America/Chicago); no two shifts of an agent may overlap',
      },
    ]);
    expect(await shiftCount()).toBe(1);
    // back to back is no overlap
    const ok = await post(
      csv([
        row('NEW3', '23', {
          start: '2026-11-23T17:00:00-06:00',
          end: '2026-11-23T21:00:00-06:00',
          status: 'scheduled',
          actual_start: '',
          actual_end: '',
        }),
      ]),
    );
    expect(ok.status).toBe(200);
  });

  it('refuses timesheets and past statuses in the future, and shifts outside employment', async () => {
    const r = await post(
      csv([
        row('F1', '01', {
          start: '2030-01-07T09:00:00-06:00',
          end: '2030-01-07T17:00:00-06:00',
          actual_start: '2030-01-07T09:00:00-06:00',
          actual_end: '2030-01-07T17:00:00-06:00',
        }),
        // A1 was hired 2025-01-06
        row('F2', '01', {
          start: '2025-01-03T09:00:00-06:00',
          end: '2025-01-03T17:00:00-06:00',
          status: 'scheduled',
          actual_start: '',
          actual_end: '',
        }),
      ]),
    );
    expect(r.status).toBe(422);
    expect(
      r.body.errors.map((e: { line: number; field: string }) => `${e.line} ${e.field}`),
    ).toEqual(['2 status', '2 actual_start', '2 actual_end', '3 start']);
    expect(r.body.errors[3].message).toBe(
      'the shift starts on 2025-01-03, before A1 was hired (2025-01-06)',
    );
  });

  it("lets a manager import their own teams' shifts only", async () => {
    const r = await post(
      csv([
        row('MG1', '25'),
        {
          shift_id: 'MG2',
          employee_code: 'B1',
          start: '2026-11-25T09:00:00+03:00',
          end: '2026-11-25T17:00:00+03:00',
        },
      ]),
      'text/csv',
      tok.m1,
    );
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([
      {
        line: 3,
        field: 'employee_code',
        message: 'employee_code "B1" is not in a team you manage',
      },
    ]);
    // a stored shift of B1 cannot be taken over by re-using its shift_id either
    await post(
      csv([
        {
          shift_id: 'B1-X',
          employee_code: 'B1',
          start: '2026-11-26T09:00:00+03:00',
          end: '2026-11-26T17:00:00+03:00',
        },
      ]),
    );
    const steal = await post(csv([row('B1-X', '26')]), 'text/csv', tok.m1);
    expect(steal.status).toBe(422);
    expect(steal.body.errors).toEqual([
      {
        line: 2,
        field: 'shift_id',
        message: 'shift_id B1-X is a shift of B1, who is not in a team you manage',
      },
    ]);
    const own = await post(csv([row('MG1', '25')]), 'text/csv', tok.m1);
    expect(own.body).toEqual({ imported: 1, updated: 0, duplicates: 0 });
    const audit = await t.sql.query(
      `SELECT action, entity, detail FROM audit_log WHERE entity = 'shift' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.rows[0]).toEqual({
      action: 'import',
      entity: 'shift',
      detail: { rows: 1, imported: 1, updated: 0, duplicates: 0 },
    });
  });

  it('refuses unknown columns and a missing required column', async () => {
    const r = await post('shift_id,employee_code,start,colour\nX,A1,2026-11-02T09:00:00Z,red\n');
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([
      {
        line: 1,
        field: 'colour',
        message:
          'unknown column "colour"; allowed: shift_id, employee_code, start, end, kind, break_minutes, status, actual_start, actual_end, send_home_reason',
      },
      { line: 1, field: 'end', message: 'required column "end" is missing' },
    ]);
  });
});

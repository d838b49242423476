import type { ImportKind } from '@floorwise/contracts';
import { createTestApp, seedOrg, seedUsers, TestApp } from '../../../test/test-app';
import { AgentsImport } from '../org/imports/org-import.handlers';
import { ImportService } from './import.service';

type Tokens = Awaited<ReturnType<typeof seedUsers>>;
type Rec = Record<string, string | number>;
type Format = 'csv' | 'ndjson';

const CONTENT_TYPE: Record<Format, string> = { csv: 'text/csv', ndjson: 'application/x-ndjson' };

const AGENT_COLUMNS = [
  'employee_code',
  'full_name',
  'email',
  'team_code',
  'title',
  'work_mode',
  'hire_date',
  'termination_date',
  'termination_type',
  'termination_reason',
  'hourly_rate',
  'contract_hours',
];

/** RFC 4180: quote a field holding a comma, a quote or a line break; double the quotes. */
function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(columns: string[], rows: Rec[]): string {
  const lines = [columns.join(',')];
  for (const r of rows) {
    lines.push(columns.map((c) => csvField(r[c] ?? '')).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function toNdjson(rows: Rec[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

function toFile(format: Format, columns: string[], rows: Rec[]): string {
  return format === 'csv' ? toCsv(columns, rows) : toNdjson(rows);
}

function agentRow(code: string, overrides: Rec = {}): Rec {
  return {
    employee_code: code,
    full_name: `Agent ${code}`,
    email: `${code.toLowerCase()}@import.test`,
    team_code: 'T1',
    title: 'Agent',
    work_mode: 'remote',
    hire_date: '2025-03-01',
    hourly_rate: '15.81',
    ...overrides,
  };
}

/** Per kind: the columns, three good rows, and the same rows with one changed. */
interface KindFixture {
  kind: ImportKind;
  table: string;
  codeColumn: string;
  columns: string[];
  rows: (p: string) => Rec[];
  changed: (p: string) => Rec[];
  /** What the changed row looks like in the database. */
  check: (p: string) => { sql: string; expected: Record<string, unknown> };
}

const KINDS: KindFixture[] = [
  {
    kind: 'sites',
    table: 'site',
    codeColumn: 'site_code',
    columns: ['site_code', 'name', 'time_zone', 'holidays'],
    rows: (p) => [
      {
        site_code: `${p}S1`,
        name: 'Manila, Ortigas',
        time_zone: 'Asia/Manila',
        holidays: '2026-12-30;2026-06-12',
      },
      { site_code: `${p}S2`, name: 'Bogotá "Norte"', time_zone: 'America/Bogota', holidays: '' },
      {
        site_code: `${p}S3`,
        name: 'Cape Town',
        time_zone: 'Africa/Johannesburg',
        holidays: '2026-04-27',
      },
    ],
    changed: (p) => {
      const rows = KINDS[0].rows(p);
      rows[2] = { ...rows[2], holidays: '2026-04-27;2026-12-16' };
      return rows;
    },
    check: (p) => ({
      sql: `SELECT name, holidays::text[] AS holidays FROM site WHERE site_code = '${p}S3'`,
      expected: { name: 'Cape Town', holidays: ['2026-04-27', '2026-12-16'] },
    }),
  },
  {
    kind: 'teams',
    table: 'team',
    codeColumn: 'team_code',
    columns: ['team_code', 'name', 'site_code', 'manager_email'],
    rows: (p) => [
      {
        team_code: `${p}T1`,
        name: 'Night shift',
        site_code: 'CHI',
        manager_email: 'night@test.local',
      },
      { team_code: `${p}T2`, name: 'Day shift', site_code: 'CHI', manager_email: '' },
      {
        team_code: `${p}T3`,
        name: 'Weekend',
        site_code: 'IST',
        manager_email: 'weekend@test.local',
      },
    ],
    changed: (p) => {
      const rows = KINDS[1].rows(p);
      rows[0] = { ...rows[0], site_code: 'IST' };
      return rows;
    },
    check: (p) => ({
      sql: `SELECT t.name, s.site_code FROM team t JOIN site s ON s.id = t.site_id WHERE team_code = '${p}T1'`,
      expected: { name: 'Night shift', site_code: 'IST' },
    }),
  },
  {
    kind: 'campaigns',
    table: 'campaign',
    codeColumn: 'campaign_code',
    columns: ['campaign_code', 'name', 'kind', 'client', 'site_code'],
    rows: (p) => [
      {
        campaign_code: `${p}C1`,
        name: 'Winback',
        kind: 'retention',
        client: 'Acme',
        site_code: 'CHI',
      },
      { campaign_code: `${p}C2`, name: 'Dunning', kind: 'collections', client: '', site_code: '' },
      {
        campaign_code: `${p}C3`,
        name: 'Helpdesk',
        kind: 'tech_support',
        client: 'Globex',
        site_code: 'IST',
      },
    ],
    changed: (p) => {
      const rows = KINDS[2].rows(p);
      rows[1] = { ...rows[1], kind: 'outbound_sales' };
      return rows;
    },
    check: (p) => ({
      sql: `SELECT name, kind, client, site_id FROM campaign WHERE campaign_code = '${p}C2'`,
      expected: { name: 'Dunning', kind: 'outbound_sales', client: null, site_id: null },
    }),
  },
  {
    kind: 'agents',
    table: 'agent',
    codeColumn: 'employee_code',
    columns: AGENT_COLUMNS,
    rows: (p) => [
      agentRow(`${p}A1`, { full_name: 'O\'Brien, "Pat"', contract_hours: 32 }),
      agentRow(`${p}A2`, { work_mode: 'hybrid', hourly_rate: 16 }),
      agentRow(`${p}A3`, {
        team_code: 'T2',
        hire_date: '2024-05-06',
        termination_date: '2025-01-31',
        termination_type: 'voluntary',
        termination_reason: 'Returned to school',
        hourly_rate: '14.5',
      }),
    ],
    changed: (p) => {
      const rows = KINDS[3].rows(p);
      rows[1] = { ...rows[1], hourly_rate: '17.25' };
      return rows;
    },
    check: (p) => ({
      sql: `SELECT full_name, work_mode, hourly_rate_cents, contract_hours FROM agent WHERE employee_code = '${p}A2'`,
      expected: {
        full_name: `Agent ${p}A2`,
        work_mode: 'hybrid',
        hourly_rate_cents: 1725,
        contract_hours: 40,
      },
    }),
  },
];

describe('imports', () => {
  let t: TestApp;
  let tok: Tokens;

  beforeAll(async () => {
    t = await createTestApp();
    await seedOrg(t);
    tok = await seedUsers(t);
  });
  afterAll(() => t.close());

  const post = (kind: string, body: string, contentType: string, token = tok.admin) =>
    t
      .http()
      .post(`/api/imports/${kind}`)
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', contentType)
      .send(body);
  const count = async (table: string): Promise<number> =>
    (await t.sql.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
  const orgCounts = async () => ({
    site: await count('site'),
    team: await count('team'),
    campaign: await count('campaign'),
    agent: await count('agent'),
  });

  describe.each(KINDS)('$kind', (k) => {
    it.each(['csv', 'ndjson'] as const)(
      'imports a good %s file, skips it as duplicates on re-import, and updates a changed row in place',
      async (format) => {
        const p = format === 'csv' ? 'C' : 'J';
        const rows = k.rows(p);
        const before = await count(k.table);

        const first = await post(k.kind, toFile(format, k.columns, rows), CONTENT_TYPE[format]);
        expect(first.status).toBe(200);
        expect(first.body).toEqual({ imported: 3, updated: 0, duplicates: 0 });
        expect(await count(k.table)).toBe(before + 3);

        const again = await post(k.kind, toFile(format, k.columns, rows), CONTENT_TYPE[format]);
        expect(again.status).toBe(200);
        expect(again.body).toEqual({ imported: 0, updated: 0, duplicates: 3 });
        expect(await count(k.table)).toBe(before + 3);

        const changed = await post(
          k.kind,
          toFile(format, k.columns, k.changed(p)),
          CONTENT_TYPE[format],
        );
        expect(changed.status).toBe(200);
        expect(changed.body).toEqual({ imported: 0, updated: 1, duplicates: 2 });
        expect(await count(k.table)).toBe(before + 3);
        const codes = rows.map((r) => r[k.codeColumn]);
        const copies = await t.sql.query(
          `SELECT ${k.codeColumn} AS code, count(*)::int AS n FROM ${k.table}
           WHERE ${k.codeColumn} = ANY($1) GROUP BY 1 ORDER BY 1`,
          [codes],
        );
        expect(copies.rows).toEqual(codes.map((code) => ({ code, n: 1 })));
        const { sql, expected } = k.check(p);
        expect((await t.sql.query(sql)).rows).toEqual([expected]);
      },
    );
  });

  it('stores the agent fields exactly as the file gives them (quoting, cents, dates, defaults)', async () => {
    const r = await t.sql.query(
      `SELECT employee_code, full_name, email, title, work_mode, hire_date::text AS hire_date,
              termination_date::text AS termination_date, termination_type, termination_reason,
              hourly_rate_cents, contract_hours
       FROM agent WHERE employee_code IN ('CA1', 'CA3') ORDER BY employee_code`,
    );
    expect(r.rows).toEqual([
      {
        employee_code: 'CA1',
        full_name: 'O\'Brien, "Pat"',
        email: 'ca1@import.test',
        title: 'Agent',
        work_mode: 'remote',
        hire_date: '2025-03-01',
        termination_date: null,
        termination_type: null,
        termination_reason: null,
        hourly_rate_cents: 1581,
        contract_hours: 32,
      },
      {
        employee_code: 'CA3',
        full_name: 'Agent CA3',
        email: 'ca3@import.test',
        title: 'Agent',
        work_mode: 'remote',
        hire_date: '2024-05-06',
        termination_date: '2025-01-31',
        termination_type: 'voluntary',
        termination_reason: 'Returned to school',
        hourly_rate_cents: 1450,
        contract_hours: 40,
      },
    ]);
  });

  it('counts a site created through the API and imported unchanged as a duplicate', async () => {
    const created = await t
      .http()
      .post('/api/sites')
      .set('Authorization', `Bearer ${tok.admin}`)
      .send({
        siteCode: 'API1',
        name: 'Lima',
        timeZone: 'America/Lima',
        holidays: ['2026-07-28', '2026-07-29', '2026-07-28'],
      });
    expect(created.status).toBe(201);
    const r = await post(
      'sites',
      toCsv(
        ['site_code', 'name', 'time_zone', 'holidays'],
        [
          {
            site_code: 'API1',
            name: 'Lima',
            time_zone: 'America/Lima',
            holidays: '2026-07-29;2026-07-28',
          },
        ],
      ),
      'text/csv',
    );
    expect(r.body).toEqual({ imported: 0, updated: 0, duplicates: 1 });
  });

  describe('rejects a bad file whole, listing every problem, and writes nothing', () => {
    it('agents CSV with bad rows', async () => {
      const before = await orgCounts();
      const rows: Rec[] = [
        agentRow('X1'), // line 2: good
        agentRow('X2', { team_code: 'T9' }), // 3
        agentRow('X3', { hire_date: '2025-02-30' }), // 4
        agentRow('X4', { hourly_rate: '-3.50' }), // 5
        agentRow('X5', { work_mode: 'office' }), // 6
        agentRow('X6', { termination_date: '2025-01-01' }), // 7 (hired 2025-03-01)
        agentRow('X1', { email: 'x1.again@import.test' }), // 8: same employee_code as line 2
      ];
      const csv =
        toCsv(AGENT_COLUMNS, rows) +
        'X9,Only Three,x9@import.test\r\n' + // 9: wrong number of fields
        toCsv(AGENT_COLUMNS, [
          agentRow('X10', { email: 'A1@test.local' }), // 10: email of agent A1
          agentRow('X11', { full_name: ' ', contract_hours: '120' }), // 11
          agentRow('X12', { hourly_rate: '15.815' }), // 12
          agentRow('X13'), // 13: good
        ])
          .split('\r\n')
          .slice(1)
          .join('\r\n');
      const r = await post('agents', csv, 'text/csv');
      expect(r.status).toBe(422);
      expect(r.body).toEqual({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'The agents file was rejected: 11 problems found; nothing was written',
        errorCount: 11,
        truncated: false,
        errors: [
          {
            line: 3,
            field: 'team_code',
            message: 'team_code "T9" is not a known team (import teams first)',
          },
          {
            line: 4,
            field: 'hire_date',
            message: 'hire_date "2025-02-30" is a date that does not exist',
          },
          { line: 5, field: 'hourly_rate', message: 'hourly_rate -3.50 is negative' },
          {
            line: 6,
            field: 'work_mode',
            message: 'work_mode "office" is not one of onsite, remote, hybrid',
          },
          {
            line: 7,
            field: 'termination_date',
            message: 'termination_date 2025-01-01 is before hire_date 2025-03-01',
          },
          { line: 8, field: 'employee_code', message: 'X1 appears again (first on line 2)' },
          { line: 9, field: '', message: 'has 3 fields; the header has 12' },
          { line: 10, field: 'email', message: 'email A1@test.local already belongs to agent A1' },
          { line: 11, field: 'full_name', message: 'full_name is required' },
          { line: 11, field: 'contract_hours', message: 'contract_hours 120 is outside 1–80' },
          {
            line: 12,
            field: 'hourly_rate',
            message: 'hourly_rate "15.815" is not an amount in dollars with at most 2 decimals',
          },
        ],
      });
      expect(await orgCounts()).toEqual(before);
    });

    it('agents CSV whose header has an unknown column and lacks a required one', async () => {
      const before = await orgCounts();
      const columns = AGENT_COLUMNS.filter((c) => c !== 'hire_date').concat('shoe_size');
      const r = await post(
        'agents',
        toCsv(columns, [{ ...agentRow('H1'), shoe_size: 42 }]),
        'text/csv',
      );
      expect(r.status).toBe(422);
      expect(r.body.errors).toEqual([
        {
          line: 1,
          field: 'shoe_size',
          message: `unknown column "shoe_size"; allowed: ${AGENT_COLUMNS.join(', ')}`,
        },
        { line: 1, field: 'hire_date', message: 'required column "hire_date" is missing' },
      ]);
      expect(await orgCounts()).toEqual(before);
    });

    it('agents NDJSON with bad lines, numbered from the first line of the file', async () => {
      const before = await orgCounts();
      const { hire_date: _h, ...noHireDate } = agentRow('Y3');
      const body = [
        JSON.stringify(agentRow('Y1')), // 1: good
        JSON.stringify({ ...agentRow('Y2', { work_mode: 'office' }), shoe_size: 42 }), // 2
        JSON.stringify(noHireDate), // 3
        '{"employee_code": "Y4", ', // 4: not JSON
        '', // 5: blank lines are skipped
        JSON.stringify(agentRow('Y6', { hourly_rate: 'abc' })), // 6
        JSON.stringify(
          agentRow('Y7', { hire_date: '2025-02-29', team_code: ['T1'] as unknown as string }),
        ), // 7
        JSON.stringify(agentRow('Y8')), // 8: good
      ].join('\n');
      const r = await post('agents', body, 'application/x-ndjson');
      expect(r.status).toBe(422);
      expect(r.body.errorCount).toBe(7);
      // A record with an unknown or malformed field is still checked field by field, and each
      // problem is listed once.
      expect(r.body.errors).toEqual([
        { line: 2, field: 'shoe_size', message: 'unknown field "shoe_size"' },
        {
          line: 2,
          field: 'work_mode',
          message: 'work_mode "office" is not one of onsite, remote, hybrid',
        },
        { line: 3, field: 'hire_date', message: 'required field "hire_date" is missing' },
        { line: 4, field: '', message: expect.stringMatching(/^is not valid JSON/) },
        {
          line: 6,
          field: 'hourly_rate',
          message: 'hourly_rate "abc" is not an amount in dollars with at most 2 decimals',
        },
        { line: 7, field: 'team_code', message: 'team_code must be a string, number or boolean' },
        {
          line: 7,
          field: 'hire_date',
          message: 'hire_date "2025-02-29" is a date that does not exist',
        },
      ]);
      expect(await orgCounts()).toEqual(before);
    });

    it('sites, teams and campaigns files with bad rows', async () => {
      const before = await orgCounts();
      const sites = await post(
        'sites',
        toCsv(
          ['site_code', 'name', 'time_zone', 'holidays'],
          [
            { site_code: 'Z1', name: 'Ok', time_zone: 'UTC', holidays: '' },
            { site_code: 'Z2', name: 'Mars', time_zone: 'Mars/Olympus', holidays: '' },
            { site_code: 'Z3', name: 'Leap', time_zone: 'UTC', holidays: '2026-12-25;2025-02-30' },
            { site_code: 'Z1', name: 'Again', time_zone: 'UTC', holidays: '' },
            { site_code: 'bad code', name: 'Spaces', time_zone: 'UTC', holidays: '' },
          ],
        ),
        'text/csv',
      );
      expect(sites.status).toBe(422);
      expect(sites.body.errors).toEqual([
        {
          line: 3,
          field: 'time_zone',
          message: 'time_zone "Mars/Olympus" is not an IANA time zone (e.g. America/Chicago)',
        },
        {
          line: 4,
          field: 'holidays',
          message: 'holidays "2025-02-30" is a date that does not exist',
        },
        { line: 5, field: 'site_code', message: 'Z1 appears again (first on line 2)' },
        {
          line: 6,
          field: 'site_code',
          message: 'site_code "bad code" is not a code (letters, digits, "_", "-", "." only)',
        },
      ]);

      const teams = await post(
        'teams',
        toNdjson([
          { team_code: 'ZT1', name: 'Lost', site_code: 'NOWHERE' },
          { team_code: 'ZT2', name: 'Mail', site_code: 'CHI', manager_email: 'not-an-email' },
          { team_code: 'ZT3', name: 'Fine', site_code: 'CHI' },
        ]),
        'application/x-ndjson',
      );
      expect(teams.status).toBe(422);
      expect(teams.body.errors).toEqual([
        {
          line: 1,
          field: 'site_code',
          message: 'site_code "NOWHERE" is not a known site (import sites first)',
        },
        {
          line: 2,
          field: 'manager_email',
          message: 'manager_email "not-an-email" is not an email address',
        },
      ]);

      const campaigns = await post(
        'campaigns',
        toCsv(
          ['campaign_code', 'name', 'kind', 'site_code'],
          [
            { campaign_code: 'ZC1', name: 'Cold', kind: 'cold_calling', site_code: '' },
            { campaign_code: 'ZC2', name: 'Lost', kind: 'retention', site_code: 'NOWHERE' },
            { campaign_code: 'ZC3', name: '', kind: 'retention', site_code: '' },
          ],
        ),
        'text/csv',
      );
      expect(campaigns.status).toBe(422);
      expect(campaigns.body.errors).toEqual([
        {
          line: 2,
          field: 'kind',
          message:
            'kind "cold_calling" is not one of inbound_support, outbound_sales, retention, tech_support, collections',
        },
        {
          line: 3,
          field: 'site_code',
          message: 'site_code "NOWHERE" is not a known site (import sites first)',
        },
        { line: 4, field: 'name', message: 'name is required' },
      ]);
      expect(await orgCounts()).toEqual(before);
    });

    it('rolls back the batches already written when the bad row comes after 2,000 good ones', async () => {
      const before = await orgCounts();
      const seqBefore = (await t.sql.query(`SELECT last_value FROM agent_id_seq`)).rows[0]
        .last_value;
      const rows = Array.from({ length: 2000 }, (_, i) =>
        agentRow(`P${String(i + 1).padStart(4, '0')}`),
      );
      rows.push(agentRow('P2001', { hire_date: '2025-02-30' }));
      rows.push(agentRow('P2002'));
      const r = await post('agents', toCsv(AGENT_COLUMNS, rows), 'text/csv');
      expect(r.status).toBe(422);
      expect(r.body.errors).toEqual([
        {
          line: 2002,
          field: 'hire_date',
          message: 'hire_date "2025-02-30" is a date that does not exist',
        },
      ]);
      expect(await orgCounts()).toEqual(before);
      expect(
        (await t.sql.query(`SELECT count(*)::int AS n FROM agent WHERE employee_code LIKE 'P%'`))
          .rows[0].n,
      ).toBe(0);
      // The sequence is not transactional: it shows that at least one whole batch of the good
      // rows was inserted inside the transaction before the bad row was read, then rolled back.
      const seqAfter = (await t.sql.query(`SELECT last_value FROM agent_id_seq`)).rows[0]
        .last_value;
      expect(Number(seqAfter) - Number(seqBefore)).toBeGreaterThanOrEqual(
        new AgentsImport().batchSize,
      );
      const run = await t.sql.query(
        `SELECT kind, status, rows_read, imported, error_count FROM import_run ORDER BY id DESC LIMIT 1`,
      );
      expect(run.rows).toEqual([
        { kind: 'agents', status: 'rejected', rows_read: 2002, imported: 0, error_count: 1 },
      ]);
    });
  });

  describe('files that cannot be imported at all', () => {
    it('rejects an empty CSV and an empty NDJSON file with 422 at line 1', async () => {
      const before = await orgCounts();
      const csv = await post('agents', '', 'text/csv');
      expect(csv.status).toBe(422);
      expect(csv.body.errors).toEqual([
        { line: 1, field: '', message: 'the file is empty: a header row is required' },
      ]);
      const ndjson = await post('sites', '\n\n', 'application/x-ndjson');
      expect(ndjson.status).toBe(422);
      expect(ndjson.body.errors).toEqual([{ line: 1, field: '', message: 'the file is empty' }]);
      expect(await orgCounts()).toEqual(before);
    });

    it('imports nothing from a CSV file that has only its header', async () => {
      const r = await post('agents', `${AGENT_COLUMNS.join(',')}\n`, 'text/csv');
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ imported: 0, updated: 0, duplicates: 0 });
    });

    it('answers 400 to a Content-Type that is not CSV or NDJSON, and writes nothing', async () => {
      const before = await orgCounts();
      const csv = toCsv(AGENT_COLUMNS, [agentRow('W1')]);
      const plain = await post('agents', csv, 'text/plain');
      expect(plain.status).toBe(400);
      expect(plain.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message:
          'Content-Type "text/plain" is not an import format: send text/csv or application/x-ndjson',
      });
      const json = await post('agents', JSON.stringify([agentRow('W1')]), 'application/json');
      expect(json.status).toBe(400);
      const none = await t
        .http()
        .post('/api/imports/agents')
        .set('Authorization', `Bearer ${tok.admin}`)
        .send(Buffer.from(csv));
      expect(none.status).toBe(400);
      expect(await orgCounts()).toEqual(before);
    });

    it('answers 404 to a kind that does not exist', async () => {
      const r = await post('payroll', 'a,b\n', 'text/csv');
      expect(r.status).toBe(404);
    });
  });

  describe('who may import what', () => {
    const sitesFile = toCsv(
      ['site_code', 'name', 'time_zone'],
      [{ site_code: 'R1', name: 'R', time_zone: 'UTC' }],
    );

    it('gives a manager 403 for sites, teams, campaigns and agents, and writes nothing', async () => {
      const before = await orgCounts();
      for (const kind of ['sites', 'teams', 'campaigns', 'agents']) {
        const r = await post(kind, sitesFile, 'text/csv', tok.m1);
        expect(r.status).toBe(403);
        expect(r.body.message).toBe('The manager role may import shifts and calls only');
      }
      expect(await orgCounts()).toEqual(before);
    });

    it('lets a manager import calls', async () => {
      const header =
        'call_id,employee_code,campaign_code,channel,direction,started_at,queue_seconds,talk_seconds,hold_seconds,wrap_seconds,outcome';
      const r = await post(
        'calls',
        `${header}\nMGR-1,A1,SUP,phone,inbound,2026-11-10T09:00:00-06:00,12,300,0,30,resolved\n`,
        'text/csv',
        tok.m1,
      );
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ imported: 1, updated: 0, duplicates: 0 });
    });

    it('lets a manager past the role check of the shifts import, as far as an admin gets', async () => {
      // An empty file: rejected as empty (422) once shifts exist, 404 while they are not built.
      const expected = t.app.get(ImportService).supports('shifts') ? 422 : 404;
      expect((await post('shifts', '', 'text/csv', tok.m1)).status).toBe(expected);
      expect((await post('shifts', '', 'text/csv', tok.admin)).status).toBe(expected);
    });

    it('gives hr and agents 403 and anonymous callers 401 for every kind', async () => {
      const before = await orgCounts();
      for (const kind of ['sites', 'teams', 'campaigns', 'agents', 'shifts', 'calls']) {
        expect((await post(kind, sitesFile, 'text/csv', tok.a1)).status).toBe(403);
        expect((await post(kind, sitesFile, 'text/csv', tok.hr)).status).toBe(403);
        const anonymous = await t
          .http()
          .post(`/api/imports/${kind}`)
          .set('Content-Type', 'text/csv')
          .send(sitesFile);
        expect(anonymous.status).toBe(401);
      }
      expect(await orgCounts()).toEqual(before);
    });
  });

  it('imports 10,000 agents over HTTP in under 3 s', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => {
      const code = `K${String(i + 1).padStart(5, '0')}`;
      return agentRow(code, {
        full_name: `Perf Agent ${i + 1}`,
        team_code: i % 2 === 0 ? 'T1' : 'T2',
        work_mode: ['onsite', 'remote', 'hybrid'][i % 3],
        hire_date: `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        hourly_rate: `${14 + (i % 9)}.${String(i % 100).padStart(2, '0')}`,
        contract_hours: i % 4 === 0 ? 30 : 40,
      });
    });
    const body = toCsv(AGENT_COLUMNS, rows);
    const before = await count('agent');
    const started = process.hrtime.bigint();
    const r = await post('agents', body, 'text/csv');
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(
      `10,000-agent import (${(body.length / 1e6).toFixed(2)} MB CSV) over HTTP: ${ms.toFixed(0)} ms`,
    );
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ imported: 10_000, updated: 0, duplicates: 0 });
    expect(await count('agent')).toBe(before + 10_000);
    expect(ms).toBeLessThan(3000);
  });
});

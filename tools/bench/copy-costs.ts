/**
 * What each structure the calls import must write costs PostgreSQL, measured in one run:
 *
 *   npx tsx tools/bench/copy-costs.ts [--database fw_100a_2m_s42] [--calls 200000] [--rounds 3]
 *
 * It takes the latest `--calls` calls of a loaded benchmark database (`npm run bench -- --quick`
 * loads `fw_100a_2m_s42`), dumps them and the rollup rows of their intervals as binary COPY data,
 * and copies each into a fresh table built like the real one, with the real one's keys and indexes:
 * the calls heap alone, the calls with `ix_calls_agent_started`, the call-id registry, and each of
 * the four rollups. The reference is the bench's own: a text COPY of the same calls, in the calls
 * file's columns, into a table typed like the file (what `psql \copy` loads in measure-import.ts).
 * Each copy is timed by its backend's CPU (/proc/<pid>/schedstat), so other load on the machine
 * matters little; the median of the rounds is printed per 1,000 calls. The sum of the parts is the
 * least PostgreSQL CPU an import that writes all of them can cost, whatever the API does
 * (docs/benchmarks.md, "Calls import").
 */
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { startCluster } from './bench-db';
import { cpuMsOnCpu } from './cpu-time';
import { median, num } from './figures';
import { log } from './log';

interface Part {
  name: string;
  /** Rows of the part per call. */
  rows: number;
  ddl: string[];
  copy: string;
  data: Buffer;
}

async function dump(c: Client, sql: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const b of c.query(copyTo(sql))) {
    parts.push(b as Buffer);
  }
  return Buffer.concat(parts);
}

function copyIn(c: Client, sql: string, data: Buffer): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const s = c.query(copyFrom(sql));
    s.on('finish', () => resolve());
    s.on('error', reject);
    s.end(data);
  });
}

async function count(c: Client, sql: string, params: unknown[]): Promise<number> {
  return (await c.query<{ n: number }>(sql, params)).rows[0].n;
}

function argOf(argv: string[], name: string, fallback: string): string {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
}

/** A rollup's rows over the sample's intervals, and the fresh table it is copied into. */
async function rollupPart(
  c: Client,
  table: string,
  where: string,
  from: string,
  calls: number,
): Promise<Part> {
  const indexes = await c.query<{ def: string }>(
    `SELECT regexp_replace(pg_get_indexdef(indexrelid), 'INDEX \\S+ ON \\S+ ', 'INDEX ON bench_part ') AS def
     FROM pg_index WHERE indrelid = $1::regclass`,
    [table],
  );
  const pk = await c.query<{ cols: string }>(
    `SELECT string_agg(a.attname, ', ' ORDER BY k.i) AS cols
     FROM pg_index x CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, i)
     JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
     WHERE x.indrelid = $1::regclass AND x.indisprimary`,
    [table],
  );
  const rows = await count(c, `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, [from]);
  return {
    name: `${table} (PK and indexes)`,
    rows: rows / calls,
    ddl: [
      `CREATE TABLE bench_part (LIKE ${table} INCLUDING DEFAULTS)`,
      ...indexes.rows.map((r) => r.def),
    ],
    copy: 'COPY bench_part FROM STDIN (FORMAT binary)',
    data: await dump(
      c,
      `COPY (SELECT * FROM ${table} WHERE ${where.replace('$1', `'${from}'`)} ORDER BY ${pk.rows[0].cols}) TO STDOUT (FORMAT binary)`,
    ),
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const database = argOf(argv, '--database', 'fw_100a_2m_s42');
  const wanted = Number(argOf(argv, '--calls', '200000'));
  const rounds = Number(argOf(argv, '--rounds', '3'));
  const cluster = await startCluster();
  const c = new Client({ connectionString: cluster.urlOf(database) });
  await c.connect();
  try {
    const pid = (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    const edge = await c.query<{ at: string }>(
      `SELECT started_at::text AS at FROM calls ORDER BY started_at DESC OFFSET $1 LIMIT 1`,
      [wanted - 1],
    );
    if (edge.rows.length === 0) {
      throw new Error(
        `${database} holds fewer than ${wanted} calls: load it with npm run bench first`,
      );
    }
    const from = edge.rows[0].at;
    const calls = await count(c, 'SELECT count(*)::int AS n FROM calls WHERE started_at >= $1', [
      from,
    ]);
    log(`${num(calls)} calls of ${database} from ${from}; ${rounds} rounds`);
    const sample = `SELECT * FROM calls WHERE started_at >= '${from}' ORDER BY started_at`;
    const callsData = await dump(c, `COPY (${sample}) TO STDOUT (FORMAT binary)`);
    const callsDdl = 'CREATE TABLE bench_part (LIKE calls INCLUDING DEFAULTS)';
    const bucket = `date_bin('15 minutes', $1::timestamptz, TIMESTAMPTZ '2000-01-01 00:00:00+00')`;
    const parts: Part[] = [
      {
        name: 'calls heap (no index)',
        rows: 1,
        ddl: [callsDdl],
        copy: 'COPY bench_part FROM STDIN (FORMAT binary)',
        data: callsData,
      },
      {
        name: 'calls + ix_calls_agent_started',
        rows: 1,
        ddl: [callsDdl, 'CREATE INDEX ON bench_part (agent_id, started_at)'],
        copy: 'COPY bench_part FROM STDIN (FORMAT binary)',
        data: callsData,
      },
      {
        name: 'calls + the index, each 25,000 calls sorted by agent',
        rows: 1,
        ddl: [callsDdl, 'CREATE INDEX ON bench_part (agent_id, started_at)'],
        copy: 'COPY bench_part FROM STDIN (FORMAT binary)',
        data: await dump(
          c,
          `COPY (SELECT (q.s).* FROM (SELECT s, row_number() OVER (ORDER BY s.started_at, s.call_id) AS n
             FROM (${sample}) s) q ORDER BY (q.n - 1) / 25000, (q.s).agent_id, (q.s).started_at)
           TO STDOUT (FORMAT binary)`,
        ),
      },
      {
        name: 'call_ids registry',
        rows: 1,
        ddl: ['CREATE TABLE bench_part (call_id text COLLATE "C" PRIMARY KEY)'],
        copy: 'COPY bench_part FROM STDIN',
        data: await dump(c, `COPY (SELECT call_id FROM (${sample}) s) TO STDOUT`),
      },
      await rollupPart(c, 'call_rollup_15m', `interval_start >= ${bucket}`, from, calls),
      await rollupPart(c, 'call_rollup_team_15m', `interval_start >= ${bucket}`, from, calls),
      await rollupPart(c, 'call_rollup_campaign_15m', `interval_start >= ${bucket}`, from, calls),
      await rollupPart(
        c,
        'call_rollup_day',
        `local_date >= ($1::timestamptz AT TIME ZONE 'UTC')::date`,
        from,
        calls,
      ),
    ];
    const reference: Part = {
      name: 'reference: the file into a table typed like it (text)',
      rows: 1,
      ddl: [
        `CREATE TABLE bench_part (call_id text, employee_code text, campaign_code text, channel text,
          direction text, started_at timestamptz, queue_seconds integer, talk_seconds integer,
          hold_seconds integer, wrap_seconds integer, outcome text, sale_amount numeric,
          hostile boolean, qa_score integer, csat integer, customer_ref text)`,
      ],
      copy: 'COPY bench_part FROM STDIN (FORMAT csv)',
      data: await dump(
        c,
        `COPY (SELECT s.call_id, a.employee_code, cp.campaign_code, s.channel, s.direction,
            to_char(s.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), s.queue_seconds,
            s.talk_seconds, s.hold_seconds, s.wrap_seconds, s.outcome,
            to_char(s.sale_amount_cents / 100.0, 'FM999999990.00'), s.hostile, s.qa_score, s.csat,
            'C' || substr(encode(s.customer_hash, 'hex'), 1, 9)
          FROM (${sample}) s LEFT JOIN agent a ON a.id = s.agent_id JOIN campaign cp ON cp.id = s.campaign_id)
          TO STDOUT (FORMAT csv)`,
      ),
    };
    const all = [reference, ...parts];
    const cpu = new Map<string, number[]>(all.map((p) => [p.name, []]));
    for (let round = 0; round < rounds; round++) {
      for (const p of all) {
        await c.query('DROP TABLE IF EXISTS bench_part');
        for (const sql of p.ddl) {
          await c.query(sql);
        }
        const c0 = cpuMsOnCpu(pid);
        await c.query('BEGIN');
        await copyIn(c, p.copy, p.data);
        await c.query('COMMIT');
        cpu.get(p.name)?.push(cpuMsOnCpu(pid) - c0);
      }
    }
    await c.query('DROP TABLE IF EXISTS bench_part');
    const per1000 = (p: Part) => (median(cpu.get(p.name) ?? []) / calls) * 1000;
    const line = (label: string, rows: string, ms: number) =>
      console.log(`${label.padEnd(58)} ${rows.padStart(9)} ${num(ms, 2).padStart(8)}`);
    console.log(`\n${'part'.padEnd(58)} ${'rows/call'.padStart(9)} ${'CPU ms / 1,000 calls'}`);
    const ref = per1000(reference);
    line(reference.name, '1', ref);
    const heap = per1000(parts[0]);
    const withIndex = per1000(parts[1]);
    line(parts[0].name, '1', heap);
    line(`${parts[1].name} (the index alone: ${num(withIndex - heap, 2)})`, '1', withIndex);
    const sorted = per1000(parts[2]);
    line(`${parts[2].name} (the index: ${num(sorted - heap, 2)})`, '1', sorted);
    let floor = Math.min(withIndex, sorted);
    for (const p of parts.slice(3)) {
      const v = per1000(p);
      floor += v;
      line(p.name, num(p.rows, 2), v);
    }
    line('sum: the PostgreSQL work of an import that writes all of these', '', floor);
    console.log(
      `\nthe import's PostgreSQL CPU can be no less than ${num(floor / ref, 1)} × the reference's, so with the ` +
        `API's CPU counted as free its speed is at most ${num(ref / floor, 2)} × the reference's on one backend`,
    );
  } finally {
    await c.end();
    await cluster.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { idleRss, importCsv, login, sampleRss, sleep, startApi } from './api-server';
import {
  AGENT_FILE_ROWS,
  databaseOf,
  MEMORY_FACTOR,
  MEMORY_GROWTH_MAX_MB,
  Mode,
  PSQL,
  Scale,
  SETTINGS,
} from './bench-config';
import {
  Cluster,
  countRows,
  dropDatabase,
  recreateDatabase,
  resetCalls,
  schemaFingerprint,
  upsertUser,
  waitForQuiet,
  withClient,
} from './bench-db';
import { cpuSeconds, postgresCpuSeconds } from './cpu-time';
import { agentsFileOf, callsFileOf, indexRows } from './data-files';
import { Figure, mb, median, num, statusOf } from './figures';
import { ADMIN, importOrganisation } from './load-data';
import { log } from './log';

/** A table with the calls file's own columns, typed like the file: what a plain `\copy` loads. */
const PSQL_TABLE = `CREATE TABLE IF NOT EXISTS bench_psql_calls (
  call_id text, employee_code text, campaign_code text, channel text, direction text,
  started_at timestamptz, queue_seconds integer, talk_seconds integer, hold_seconds integer,
  wrap_seconds integer, outcome text, sale_amount numeric, hostile boolean, qa_score integer,
  csat integer, customer_ref text)`;

export interface ImportMeasurements {
  figures: Figure[];
  /** Numbers for the growth chart. */
  summary: {
    oursRowsPerSecond: number;
    psqlRowsPerSecond: number;
    memory1: number;
    memory4: number;
  };
  /** Schema of the freshly migrated throw-away database (see `schemaFingerprint`). */
  schema: string;
}

/**
 * Imports timed in a throw-away database: the organisation over HTTP, then the calls file into
 * an empty calls table (ours) alternating with a plain `\copy` of the same file (psql), then a
 * file four times larger for memory, then the 10,000-agent file.
 */
export async function measureImports(
  cluster: Cluster,
  scale: Scale,
  dir: string,
  mode: Mode,
  port: number,
): Promise<ImportMeasurements> {
  const settings = SETTINGS[mode];
  const name = databaseOf(scale).scratch;
  const url = cluster.urlOf(name);
  await recreateDatabase(cluster, name);
  const api = await startApi(url, port, name);
  try {
    const schema = await schemaFingerprint(url);
    await upsertUser(url, ADMIN.email, ADMIN.password, 'admin');
    const token = await login(api, ADMIN.email, ADMIN.password);
    await importOrganisation(api, token, dir);
    await withClient(url, (c) => c.query(PSQL_TABLE));

    const whole = await indexRows(join(dir, 'calls.csv'), Number.MAX_SAFE_INTEGER);
    const rows1 = mode === 'quick' ? whole.rows : settings.importRows;
    const rows4 = rows1 * MEMORY_FACTOR;
    const file1 = await callsFileOf(scale, rows1, whole);
    const file4 = await callsFileOf(scale, rows4, whole);
    const usePsql = existsSync(PSQL);

    const ours: number[] = [];
    const psql: number[] = [];
    const ratios: number[] = [];
    const memory1: number[] = [];
    const cpuOurs: { wall: number; api: number; pg: number }[] = [];
    const cpuPsql: { wall: number; pg: number }[] = [];
    for (let run = 1; run <= settings.importRuns; run++) {
      await resetCalls(url);
      await waitForQuiet(url);
      const idle = await idleRss(api.pid);
      const sampler = sampleRss(api.pid);
      const cpu0 = { api: cpuSeconds(api.pid), pg: postgresCpuSeconds() };
      const r = await importCsv(api, token, 'calls', createReadStream(file1), statSync(file1).size);
      const { peak } = sampler.stop();
      const cpu = { api: cpuSeconds(api.pid) - cpu0.api, pg: postgresCpuSeconds() - cpu0.pg };
      cpuOurs.push({ wall: r.ms / 1000, ...cpu });
      if (r.counts.imported !== rows1) {
        throw new Error(`the calls import stored ${r.counts.imported} of ${rows1} rows`);
      }
      const oursRate = rows1 / (r.ms / 1000);
      ours.push(oursRate);
      memory1.push(peak - idle);

      await withClient(url, async (c) => {
        await c.query('TRUNCATE bench_psql_calls');
        await c.query('CHECKPOINT');
      });
      await waitForQuiet(url);
      const pg0 = postgresCpuSeconds();
      const copyMs = await plainCopy(url, file1, usePsql);
      // psql's backend ends with psql; its CPU counts once the postmaster has reaped it.
      await sleep(500);
      cpuPsql.push({ wall: copyMs / 1000, pg: postgresCpuSeconds() - pg0 });
      const copied = await countRows(url, 'bench_psql_calls');
      if (copied !== rows1) {
        throw new Error(`the plain copy stored ${copied} of ${rows1} rows`);
      }
      const psqlRate = rows1 / (copyMs / 1000);
      psql.push(psqlRate);
      ratios.push(oursRate / psqlRate);
      log(
        `  import run ${run}: ours ${num(oursRate)} rows/s (${num(r.ms / 1000, 1)} s, +${mb(peak - idle)} RSS), ` +
          `${usePsql ? 'psql \\copy' : 'COPY FROM STDIN'} ${num(psqlRate)} rows/s, ratio ${num(oursRate / psqlRate, 2)}; ` +
          `CPU s: API ${num(cpu.api, 1)}, PostgreSQL ${num(cpu.pg, 1)} (psql run: PostgreSQL ${num(
            cpuPsql[cpuPsql.length - 1].pg,
            1,
          )})`,
      );
    }
    await withClient(url, (c) => c.query('DROP TABLE bench_psql_calls'));

    await resetCalls(url);
    await waitForQuiet(url);
    const idle4 = await idleRss(api.pid);
    const sampler4 = sampleRss(api.pid);
    const r4 = await importCsv(api, token, 'calls', createReadStream(file4), statSync(file4).size);
    const peak4 = sampler4.stop().peak;
    if (r4.counts.imported !== rows4) {
      throw new Error(
        `the ${MEMORY_FACTOR}× calls import stored ${r4.counts.imported} of ${rows4} rows`,
      );
    }
    const rate4 = rows4 / (r4.ms / 1000);
    const memory4 = peak4 - idle4;
    log(
      `  ${MEMORY_FACTOR}× import: ${num(rows4)} rows at ${num(rate4)} rows/s, +${mb(memory4)} RSS`,
    );
    await resetCalls(url);

    const agentSeconds: number[] = [];
    for (let run = 1; run <= settings.agentRuns; run++) {
      const file = await agentsFileOf(scale, AGENT_FILE_ROWS, `r${run}`);
      const r = await importCsv(api, token, 'agents', createReadStream(file), statSync(file).size);
      if (r.counts.imported !== AGENT_FILE_ROWS) {
        throw new Error(
          `the agents import stored ${r.counts.imported} of ${AGENT_FILE_ROWS} new rows`,
        );
      }
      agentSeconds.push(r.ms / 1000);
      log(`  agents run ${run}: ${num(AGENT_FILE_ROWS)} rows in ${num(r.ms / 1000, 2)} s`);
    }

    const oursMedian = median(ours);
    const psqlMedian = median(psql);
    const ratio = median(ratios);
    // The largest of the 1× runs: a garbage collection just before the peak can hide most of it.
    const mem1 = Math.max(...memory1);
    const growth = mem1 > 0 ? memory4 / mem1 : Number.NaN;
    const copyTool = usePsql ? 'psql \\copy' : 'COPY FROM STDIN (pg-copy-streams; no psql here)';
    const rowsLabel = `${num(rows1)} rows`;

    const importChecks = [
      {
        label: 'calls import rows/s',
        value: oursMedian,
        target: 100_000,
        better: 'higher' as const,
        unit: 'rows/s',
      },
      {
        label: 'calls import ÷ psql',
        value: ratio,
        target: 0.5,
        better: 'higher' as const,
        unit: '×',
      },
    ];
    const memoryChecks = [
      {
        label: `API memory growth from the 1× to the ${MEMORY_FACTOR}× file`,
        value: Math.max(0, memory4 - mem1) / 2 ** 20,
        target: MEMORY_GROWTH_MAX_MB,
        better: 'lower' as const,
        unit: 'MB',
      },
    ];
    const figures: Figure[] = [
      {
        id: 'calls-import',
        label: `calls import over HTTP (${rowsLabel} into an empty calls table)`,
        target: '≥ 100,000 rows/s; ≥ 0.5 × psql',
        median: `${num(oursMedian)} rows/s`,
        ratio: `${num(ratio, 2)} × ${usePsql ? 'psql' : 'COPY'} (target ≥ 0.5)`,
        runs: ours.length,
        status: statusOf(importChecks),
        checks: importChecks,
        data: {
          rows: rows1,
          oursRowsPerSecond: ours,
          psqlRowsPerSecond: psql,
          ratios,
          copyTool,
          cpuSecondsOurs: cpuOurs,
          cpuSecondsPsql: cpuPsql,
        },
      },
      {
        id: 'psql-copy',
        label: `plain ${copyTool} of the same file (table typed like the file)`,
        target: 'reference',
        median: `${num(psqlMedian)} rows/s`,
        ratio: null,
        runs: psql.length,
        status: 'reported',
        checks: [],
        data: { rows: rows1, rowsPerSecond: psql },
      },
      {
        id: 'api-memory',
        label: `API memory during the calls import (peak RSS − idle RSS, sampled every 100 ms)`,
        target: `flat: ≤ ${MEMORY_GROWTH_MAX_MB} MB more for ${MEMORY_FACTOR}× the rows`,
        median: `${mb(mem1)} (${rowsLabel}, largest of ${memory1.length}); ${mb(memory4)} (${num(rows4)} rows)`,
        ratio: `${num(growth, 2)} × for ${MEMORY_FACTOR}× the rows (${num(
          Math.max(0, memory4 - mem1) / (rows4 - rows1),
          1,
        )} bytes per extra row)`,
        runs: memory1.length + 1,
        status: statusOf(memoryChecks),
        checks: memoryChecks,
        data: {
          rows1,
          rows4,
          peakOverIdle1: memory1,
          peakOverIdle4: memory4,
          rowsPerSecond4: rate4,
          note:
            rows4 > whole.rows
              ? 'larger file made by repeating the rows with new call ids'
              : undefined,
        },
      },
    ];
    if (settings.agentRuns > 0) {
      const agentChecks = [
        {
          label: '10,000-agent import',
          value: median(agentSeconds),
          target: 3,
          better: 'lower' as const,
          unit: 's',
        },
      ];
      figures.push({
        id: 'agents-import',
        label: `agents file of ${num(AGENT_FILE_ROWS)} rows over HTTP (new agents)`,
        target: '< 3 s',
        median: `${num(median(agentSeconds), 2)} s`,
        ratio: null,
        runs: agentSeconds.length,
        status: statusOf(agentChecks),
        checks: agentChecks,
        data: { seconds: agentSeconds },
      });
    }
    return {
      figures,
      summary: {
        oursRowsPerSecond: oursMedian,
        psqlRowsPerSecond: psqlMedian,
        memory1: mem1,
        memory4,
      },
      schema,
    };
  } finally {
    await api.stop();
    await dropDatabase(cluster, name);
  }
}

/** A plain copy of the file: `psql \copy` when psql is installed, else COPY FROM STDIN. */
async function plainCopy(url: string, file: string, usePsql: boolean): Promise<number> {
  const sql = `bench_psql_calls FROM '${file}' WITH (FORMAT csv, HEADER true)`;
  if (usePsql) {
    const started = performance.now();
    const child = spawn(PSQL, [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', `\\copy ${sql}`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) {
      throw new Error(`psql \\copy failed (exit code ${code})`);
    }
    return performance.now() - started;
  }
  return withClient(url, async (c) => {
    const started = performance.now();
    const stream = c.query(
      copyFrom('COPY bench_psql_calls FROM STDIN WITH (FORMAT csv, HEADER true)'),
    );
    await pipeline(createReadStream(file), stream);
    return performance.now() - started;
  });
}

import { Logger } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { ImportResult } from '@floorwise/contracts';
import { DomainError, DomainErrorCode } from '../common/domain-error';
import type { ImportHandler } from '../imports/import-handler';
import { ImportProblems, RowProblems } from '../imports/import-problems';
import { ImportFormat, readRecords } from '../imports/record-reader';
import { CALLS_COPY_COLUMNS, CallChunk, RollupGroups } from './call-chunk';
import {
  applyStageSql,
  copyStageSql,
  CREATE_ROLLUP_STAGES,
  PROBES_HOLDING,
  RollupLedger,
  RollupStageWriter,
  STAGE_NAMES,
  TRUNCATE_ROLLUP_STAGES,
} from './call-rollup-stage';
import { createPartitionSql } from './call-rollups.sql';
import { CALL_COLUMNS, CallLookups, CallRow, parseCall } from './call-row';
import { CallCodes, callCodesOf, CallsCsvReader, chunkCallOf } from './calls-csv-reader';
import { yieldToServer } from '../common/yield-to-server';

/** Loads the agent and campaign codes (with their zones) a calls file is checked against. */
export async function loadCallLookups(
  client: PoolClient,
  customerRefKey: string,
  only?: { employeeCodes: string[]; campaignCodes: string[] },
): Promise<CallLookups> {
  // A file may name any agent, so an import reads them all; a live batch names a few, and reading
  // every agent per POST cost the floor's live path ~3 ms at 2,000 agents.
  const agents = await client.query<{ code: string; id: number; team_id: number; tz: string }>(
    `SELECT a.employee_code AS code, a.id, a.team_id, s.time_zone AS tz
     FROM agent a JOIN team t ON t.id = a.team_id JOIN site s ON s.id = t.site_id
     ${only ? 'WHERE a.employee_code = ANY($1::text[])' : ''}`,
    only ? [only.employeeCodes] : [],
  );
  const campaigns = await client.query<{ code: string; id: number; tz: string | null }>(
    `SELECT c.campaign_code AS code, c.id, s.time_zone AS tz FROM campaign c LEFT JOIN site s ON s.id = c.site_id
     ${only ? 'WHERE c.campaign_code = ANY($1::text[])' : ''}`,
    only ? [only.campaignCodes] : [],
  );
  return {
    agents: new Map(agents.rows.map((r) => [r.code, { id: r.id, teamId: r.team_id, tz: r.tz }])),
    campaigns: new Map(campaigns.rows.map((r) => [r.code, { id: r.id, tz: r.tz ?? 'UTC' }])),
    customerRefKey,
  };
}

/** Calls per chunk: each is one round of COPYs (see `CallsImport`). */
export const CALLS_CHUNK_ROWS = 25_000;

/**
 * Rollup groups are summed over chunks, and written once there are this many per call of a chunk
 * (60,000 for chunks of 25,000: about four chunks): fewer writes split fewer groups between two
 * writes (a split group costs an upsert instead of a plain COPY row); more would hold more memory.
 */
const ROLLUP_GROUPS_PER_CHUNK_CALL = 2.4;

/**
 * Where an import's time goes, per step, in wall ms and (when the database runs on this machine
 * and `CALLS_IMPORT_PROFILE=1`) CPU ms of its PostgreSQL backend — logged at the end of the
 * import. docs/benchmarks.md ("Calls import") quotes it.
 */
class StepProfile {
  private readonly wall = new Map<string, number>();
  private readonly cpu = new Map<string, number>();
  private readonly queued = new Map<string, number>();
  private backendPid: number | null = null;

  async start(client: PoolClient): Promise<void> {
    if (process.env['CALLS_IMPORT_PROFILE'] !== '1') {
      return;
    }
    const r = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    this.backendPid = this.sched(r.rows[0].pid) === null ? null : r.rows[0].pid;
  }

  /** CPU ms and ms spent runnable but waiting for a CPU (/proc/<pid>/schedstat, in ns). */
  private sched(pid: number): { cpu: number; queued: number } | null {
    try {
      const [run, wait] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ').map(Number);
      return { cpu: run / 1e6, queued: wait / 1e6 };
    } catch {
      return null;
    }
  }

  async step<T>(name: string, run: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    const s0 = this.backendPid === null ? null : this.sched(this.backendPid);
    try {
      return await run();
    } finally {
      this.wall.set(name, (this.wall.get(name) ?? 0) + performance.now() - t0);
      const s1 = this.backendPid === null ? null : this.sched(this.backendPid);
      if (s0 && s1) {
        this.cpu.set(name, (this.cpu.get(name) ?? 0) + s1.cpu - s0.cpu);
        this.queued.set(name, (this.queued.get(name) ?? 0) + s1.queued - s0.queued);
      }
    }
  }

  summary(): string {
    const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    const steps = [...this.wall.entries()]
      .map(
        ([k, v]) =>
          `${k} ${Math.round(v)} ms${this.cpu.has(k) ? ` (backend CPU ${Math.round(this.cpu.get(k) ?? 0)} ms)` : ''}`,
      )
      .join(', ');
    if (this.cpu.size === 0) {
      return steps;
    }
    const wall = total(this.wall);
    const cpu = total(this.cpu);
    const queued = total(this.queued);
    return `${steps}; backend: ${Math.round(cpu)} ms on a CPU, ${Math.round(queued)} ms waiting for one, ${Math.round(wall - cpu - queued)} ms waiting for the API`;
  }
}

/**
 * A unique violation during a COPY: another writer (an import, the live path) stored the same
 * calls, or calls of the same 15-minute groups, between the check and the COPY. The import is
 * rolled back whole; sent again, it skips what is stored by then.
 */
function uniqueViolationAsConflict(e: unknown, what: string): unknown {
  if ((e as { code?: string }).code !== '23505') {
    return e;
  }
  return new DomainError(
    DomainErrorCode.Conflict,
    `${what} stored by another import or live batch at the same moment; nothing was written. Send the file again: calls already stored are skipped.`,
  );
}

/**
 * Lines read between two turns of the event loop while a chunk is being written: the write's
 * statements go out and its COPY data drains only when the loop turns, so a long parse would
 * leave PostgreSQL waiting (the profile showed it idle as long as it worked).
 */
const YIELD_EVERY_LINES = 256;

/** Runs one COPY … FROM STDIN with `data` as its whole input. */
function copyIn(client: PoolClient, sql: string, data: Buffer | string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const stream = client.query(copyFrom(sql));
    stream.on('finish', () => resolve());
    stream.on('error', reject);
    stream.end(data);
  });
}

/**
 * The calls file, streamed into PostgreSQL in chunks of `chunkSize` calls, all inside the
 * import's one transaction (a bad row anywhere still writes nothing).
 *
 * While PostgreSQL writes one chunk, Node reads the next: each call is checked on the bytes of
 * its line (calls-csv-reader.ts), encoded at once as a row of a binary COPY of `calls`, and added
 * to its agent × campaign × 15-minute rollup group (call-chunk.ts). A full chunk then takes:
 *
 * 1. idempotency: ids repeated inside the chunk were already left out (the first one wins); ids
 *    stored before — by another import, the live path or an earlier chunk of this file — are
 *    found in the `call_ids` registry (one range probe when the chunk's ids lie outside every
 *    stored id, as increasing telephony ids do; else an `= ANY` lookup) and left out, and the
 *    chunk is rebuilt without them;
 * 2. the month partitions it needs, created when missing;
 * 3. `COPY call_ids` and `COPY calls … (FORMAT binary)`: the registry's primary key still
 *    guarantees one copy per call_id, even against a concurrent import (that one then fails);
 * 4. its four rollups' deltas, summed in Node, copied into temporary stages and added to the
 *    rollups by one `INSERT … ON CONFLICT DO UPDATE` statement.
 *
 * Memory is two chunks, whatever the size of the file; the request body is read only as fast as
 * chunks are written (TCP back pressure holds the client).
 */
export class CallsImport implements ImportHandler<CallRow> {
  readonly kind = 'calls' as const;
  readonly columns = CALL_COLUMNS;
  readonly batchSize = 2000;
  private lookups!: CallLookups;
  private codes!: CallCodes;
  private chunks: [CallChunk, CallChunk] | null = null;
  private filling!: CallChunk;
  private stages!: RollupStageWriter;
  /** Agent × campaign × 15-minute deltas of the chunks written since the last rollup write. */
  private readonly pendingRollups: RollupGroups;
  private writing: Promise<void> | null = null;
  private readonly partitions = new Set<string>();
  /** What this import has written into the rollups (which groups can be copied straight in). */
  private readonly ledger = new RollupLedger();
  private imported = 0;
  private duplicates = 0;
  private rows = 0;
  private readonly startedAt = Date.now();
  private writeMs = 0;
  private readonly profile = new StepProfile();
  private readonly logger = new Logger('CallsImport');

  constructor(
    private readonly customerRefKey: string,
    private readonly chunkSize = CALLS_CHUNK_ROWS,
  ) {
    // Room for the groups summed before a write, so they are not rehashed as they grow.
    this.pendingRollups = new RollupGroups(
      2 ** Math.ceil(Math.log2(ROLLUP_GROUPS_PER_CHUNK_CALL * chunkSize)),
    );
  }

  async begin(client: PoolClient): Promise<void> {
    this.lookups = await loadCallLookups(client, this.customerRefKey);
    this.codes = callCodesOf(this.lookups);
    this.chunks = [new CallChunk(this.chunkSize), new CallChunk(this.chunkSize)];
    this.filling = this.chunks[0];
    this.stages = new RollupStageWriter();
    const parts = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'calls'::regclass`,
    );
    for (const p of parts.rows) {
      const m = /^calls_y(\d{4})m(\d{2})$/.exec(p.name);
      if (m) {
        this.partitions.add(`${m[1]}-${m[2]}`);
      }
    }
    for (const sql of CREATE_ROLLUP_STAGES) {
      await client.query(sql);
    }
    await this.profile.start(client);
  }

  parse(values: Record<string, string>, problems: RowProblems): CallRow | null {
    return parseCall(values, problems, this.lookups);
  }

  /** Reads the whole body (CSV on its bytes, NDJSON record by record); returns records read. */
  async consume(
    body: Readable,
    format: ImportFormat,
    client: PoolClient,
    problems: ImportProblems,
  ): Promise<number> {
    if (format === 'csv') {
      const reader = new CallsCsvReader(this.lookups, this.codes, problems);
      const readAll = async (atEnd: boolean) => {
        for (;;) {
          const state = reader.next(this.filling, atEnd, YIELD_EVERY_LINES);
          if (state === 'full') {
            await this.submit(client, problems);
          } else if (state === 'paused') {
            if (this.writing) {
              await yieldToServer();
            }
          } else {
            return;
          }
        }
      };
      for await (const bytes of body as AsyncIterable<Buffer>) {
        reader.feed(bytes);
        await readAll(false);
      }
      await readAll(true);
      reader.end();
      return reader.rowsRead;
    }
    let read = 0;
    for await (const records of readRecords(body, format, CALL_COLUMNS, problems)) {
      for (const rec of records) {
        read += 1;
        const p = new RowProblems(problems, rec.line, rec.reported);
        const row = parseCall(rec.values, p, this.lookups);
        if (row === null || p.any || problems.count > 0) {
          continue;
        }
        this.filling.add(chunkCallOf(row));
        if (this.filling.full) {
          await this.submit(client, problems);
        }
      }
    }
    return read;
  }

  async writeBatch(): Promise<ImportResult> {
    throw new Error('the calls import reads its body itself (consume)');
  }

  async finish(client: PoolClient): Promise<ImportResult> {
    await this.settle();
    if (this.filling.n > 0 || this.filling.duplicates > 0) {
      await this.write(client, this.filling);
    }
    if (this.pendingRollups.size > 0) {
      await this.writeRollups(client, this.pendingRollups);
    }
    const line = `calls: ${this.rows} rows in ${Date.now() - this.startedAt} ms (writing ${this.writeMs} ms: ${this.profile.summary()}), ${this.imported} new`;
    if (process.env['CALLS_IMPORT_PROFILE'] === '1') {
      this.logger.warn(line);
    } else {
      this.logger.log(line);
    }
    return { imported: this.imported, updated: 0, duplicates: this.duplicates };
  }

  /** Lets a running write end (its COPYs complete or fail), so the transaction can roll back. */
  async abort(): Promise<void> {
    await this.writing?.catch(() => undefined);
    this.writing = null;
  }

  /** The full chunk goes to PostgreSQL; Node goes on filling the other one. */
  private async submit(client: PoolClient, problems: ImportProblems): Promise<void> {
    const full = this.filling;
    if (problems.count === 0) {
      await full.encode(); // while PostgreSQL still writes the chunk before
    }
    await this.settle();
    if (problems.count > 0) {
      full.clear(); // a bad row was found: nothing more is written, reading goes on
      return;
    }
    const [a, b] = this.chunks ?? [full, full];
    this.filling = full === a ? b : a;
    this.filling.clear();
    const w = this.write(client, full);
    w.catch(() => undefined); // awaited by settle()
    this.writing = w;
  }

  private async settle(): Promise<void> {
    const w = this.writing;
    this.writing = null;
    await w;
  }

  private async write(client: PoolClient, chunk: CallChunk): Promise<void> {
    const t0 = Date.now();
    const step = <T>(name: string, run: () => Promise<T>) => this.profile.step(name, run);
    this.rows += chunk.n + chunk.duplicates;
    this.duplicates += chunk.duplicates;
    if (chunk.n > 0 && (await step('registry check', () => this.anyStored(client, chunk)))) {
      const stored = await step('registry lookup', () =>
        client.query<{ call_id: string }>(
          'SELECT call_id FROM call_ids WHERE call_id = ANY($1::text[])',
          [chunk.callId.slice(0, chunk.n)],
        ),
      );
      if (stored.rows.length > 0) {
        this.duplicates += chunk.drop(new Set(stored.rows.map((r) => r.call_id)));
      }
    }
    if (chunk.n === 0) {
      return;
    }
    for (const month of chunk.months) {
      if (!this.partitions.has(month)) {
        await client.query(createPartitionSql(month));
        this.partitions.add(month);
      }
    }
    await step('COPY call_ids', () =>
      copyIn(client, 'COPY call_ids (call_id) FROM STDIN', chunk.idsCopyText()).catch(
        (e: unknown) => {
          throw uniqueViolationAsConflict(e, 'Calls of this file were');
        },
      ),
    );
    const rows = await chunk.encode();
    await step('COPY calls', () =>
      copyIn(
        client,
        `COPY calls (${CALLS_COPY_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT binary)`,
        rows,
      ),
    );
    this.pendingRollups.merge(chunk.r15);
    if (this.pendingRollups.size >= ROLLUP_GROUPS_PER_CHUNK_CALL * chunk.capacity) {
      await this.writeRollups(client, this.pendingRollups);
    }
    this.imported += chunk.n;
    this.writeMs += Date.now() - t0;
  }

  /**
   * The rollup deltas of the chunks since the last write: the groups no rollup can hold yet are
   * copied straight in, the others added through the stages (`RollupLedger` decides which).
   */
  private async writeRollups(client: PoolClient, groups: RollupGroups): Promise<void> {
    const step = <T>(name: string, run: () => Promise<T>) => this.profile.step(name, run);
    const st = this.stages;
    st.derive(groups);
    const ranges = st.bucketRanges(groups);
    const probes = this.ledger.probes(ranges);
    const held = new Set<number>();
    if (probes.length > 0) {
      const r = await step('rollups range check', () =>
        client.query<{ i: number }>(PROBES_HOLDING, [
          probes.map((p) => p.campaign),
          probes.map((p) => p.lo),
          probes.map((p) => p.hi),
        ]),
      );
      for (const row of r.rows) {
        held.add(row.i);
      }
    }
    this.ledger.decide(ranges, held);
    let staged = false;
    for (const name of STAGE_NAMES) {
      const data = st.encode(name, groups, false, this.ledger);
      if (data) {
        staged = true;
        await step(`stage ${name}`, () => copyIn(client, copyStageSql(name), data));
        await step(`upsert ${name}`, () => client.query(applyStageSql(name)));
      }
    }
    for (const name of STAGE_NAMES) {
      const data = st.encode(name, groups, true, this.ledger);
      if (data) {
        await step(`COPY ${name}`, () =>
          copyIn(client, copyStageSql(name, true), data).catch((e: unknown) => {
            throw uniqueViolationAsConflict(e, 'Calls of the same 15-minute intervals were');
          }),
        );
      }
    }
    if (staged) {
      await step('truncate stages', () => client.query(TRUNCATE_ROLLUP_STAGES));
    }
    this.ledger.record(ranges, groups, st.team);
    groups.clear();
  }

  /**
   * Whether any id of the chunk may be stored already. ASCII ids sort the same in JavaScript and
   * under the registry's "C" collation, so one range probe answers for the whole chunk.
   */
  private async anyStored(client: PoolClient, chunk: CallChunk): Promise<boolean> {
    if (!chunk.idsAscii) {
      return true;
    }
    const r = await client.query<{ hit: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM call_ids WHERE call_id BETWEEN $1 AND $2) AS hit',
      [chunk.minId, chunk.maxId],
    );
    return r.rows[0].hit;
  }
}

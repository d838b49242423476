import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { Readable, Transform } from 'node:stream';
import { DataSource } from 'typeorm';
import type { ImportKind, ImportResult } from '@floorwise/contracts';
import { Env, ENV } from '../../config/env';
import { DomainError, DomainErrorCode } from '../common/domain-error';
import { type ImportHandler, NO_COUNTS } from './import-handler';
import { ImportProblems, RowProblems } from './import-problems';
import { ImportFormat, readRecords } from './record-reader';

export interface ImportSource {
  body: Readable;
  format: ImportFormat;
  actorId: number | null;
}

/** What a handler may know about the run it is made for (e.g. whose teams a manager may touch). */
export interface ImportContext {
  actorId: number | null;
}

/** Listeners told after an import committed (e.g. the live floor). */
export type ImportListener = (kind: ImportKind, result: ImportResult) => void;

/**
 * The one import pipeline, used by the HTTP endpoint and by the demo-data loader alike:
 * stream the file record by record, check every record, write in batches inside one
 * transaction, and commit only when no record had a problem — all or nothing.
 */
@Injectable()
export class ImportService {
  private readonly logger = new Logger(ImportService.name);
  private readonly handlers = new Map<ImportKind, (ctx: ImportContext) => ImportHandler<unknown>>();
  private readonly listeners: ImportListener[] = [];

  constructor(
    private readonly db: DataSource,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /** Registers a kind; `create` makes a fresh handler for each run (handlers hold per-run lookups). */
  register<Row>(kind: ImportKind, create: (ctx: ImportContext) => ImportHandler<Row>): void {
    this.handlers.set(kind, create as (ctx: ImportContext) => ImportHandler<unknown>);
  }

  onImported(listener: ImportListener): void {
    this.listeners.push(listener);
  }

  supports(kind: string): kind is ImportKind {
    return this.handlers.has(kind as ImportKind);
  }

  async run(kind: ImportKind, source: ImportSource): Promise<ImportResult> {
    const create = this.handlers.get(kind);
    if (!create) {
      throw new DomainError(DomainErrorCode.NotFound, `Imports of ${kind} are not available yet`);
    }
    const handler = create({ actorId: source.actorId });
    const pool = (this.db.driver as unknown as { master: Pool }).master;
    const runId = await this.startRun(pool, kind, source.actorId);
    const problems = new ImportProblems();
    const counted = countBytes(source.body, this.env.IMPORT_MAX_BYTES);
    const totals: ImportResult = { imported: 0, updated: 0, duplicates: 0 };
    let rowsRead = 0;
    const client = await pool.connect();
    let open = false;
    try {
      await client.query('BEGIN');
      open = true;
      await handler.begin(client);
      const seen = handler.key ? new Map<string, number>() : null;
      let batch: unknown[] = [];
      if (handler.consume) {
        rowsRead = await handler.consume(counted.stream, source.format, client, problems);
      }
      for await (const records of handler.consume
        ? []
        : readRecords(counted.stream, source.format, handler.columns, problems)) {
        for (const rec of records) {
          rowsRead += 1;
          const rowProblems = new RowProblems(problems, rec.line, rec.reported);
          const row = handler.parse(rec.values, rowProblems);
          if (row === null || rowProblems.any) {
            continue;
          }
          if (seen && handler.key) {
            const key = handler.key(row);
            const first = seen.get(key);
            if (first !== undefined) {
              rowProblems.add(
                handler.keyField ?? '',
                `${key} appears again (first on line ${first})`,
              );
              continue;
            }
            seen.set(key, rec.line);
          }
          if (problems.count === 0) {
            batch.push(row); // once any problem is found, keep reading to list them all, write nothing more
          }
        }
        if (batch.length >= handler.batchSize) {
          add(totals, await handler.writeBatch(client, batch));
          batch = [];
        }
      }
      if (counted.tooLarge()) {
        throw new DomainError(
          DomainErrorCode.TooLarge,
          `The file is larger than ${this.env.IMPORT_MAX_BYTES} bytes; nothing was written`,
        );
      }
      if (problems.count === 0) {
        if (batch.length > 0) {
          add(totals, await handler.writeBatch(client, batch));
        }
        if (handler.finish) {
          add(totals, await handler.finish(client));
        }
      }
      if (problems.count > 0) {
        await handler.abort?.(client);
        await client.query('ROLLBACK');
        open = false;
        throw new DomainError(
          DomainErrorCode.InvalidImport,
          `The ${kind} file was rejected: ${problems.count} problem${problems.count === 1 ? '' : 's'} found; nothing was written`,
          { errors: problems.errors, errorCount: problems.count, truncated: problems.truncated },
        );
      }
      await client.query('COMMIT');
      open = false;
    } catch (e) {
      if (open) {
        await handler.abort?.(client).catch(() => undefined);
        await client.query('ROLLBACK').catch(() => undefined);
      }
      const status =
        e instanceof DomainError && e.code === DomainErrorCode.InvalidImport
          ? 'rejected'
          : 'failed';
      // Everything was rolled back: the run wrote nothing, whatever its batches had counted.
      const written = { ...NO_COUNTS };
      await this.finishRun(pool, runId, status, rowsRead, written, problems.count, counted.bytes());
      throw e;
    } finally {
      client.release();
    }
    await this.finishRun(pool, runId, 'ok', rowsRead, totals, 0, counted.bytes());
    this.logger.log(
      `import ${kind}: ${rowsRead} rows, ${totals.imported} new, ${totals.updated} updated, ${totals.duplicates} duplicates`,
    );
    for (const l of this.listeners) {
      l(kind, totals);
    }
    return totals;
  }

  private async startRun(pool: Pool, kind: ImportKind, actorId: number | null): Promise<number> {
    const r = await pool.query<{ id: string }>(
      `INSERT INTO import_run (kind, actor_id, status) VALUES ($1, $2, 'running') RETURNING id`,
      [kind, actorId],
    );
    return Number(r.rows[0].id);
  }

  private async finishRun(
    pool: Pool,
    id: number,
    status: 'ok' | 'rejected' | 'failed',
    rowsRead: number,
    totals: ImportResult,
    errorCount: number,
    bytes: number,
  ): Promise<void> {
    await pool
      .query(
        `UPDATE import_run SET finished_at = now(), status = $2, rows_read = $3, imported = $4,
           updated = $5, duplicates = $6, error_count = $7, bytes = $8 WHERE id = $1`,
        [
          id,
          status,
          rowsRead,
          totals.imported,
          totals.updated,
          totals.duplicates,
          errorCount,
          bytes,
        ],
      )
      .catch((e: Error) => this.logger.warn(`could not record import run ${id}: ${e.message}`));
  }
}

function add(into: ImportResult, more: ImportResult): void {
  into.imported += more.imported;
  into.updated += more.updated;
  into.duplicates += more.duplicates;
}

/** Passes the body through, counting bytes; past `max` it stops passing data on. */
function countBytes(body: Readable, max: number) {
  let bytes = 0;
  let over = false;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > max) {
        over = true;
        done();
        this.end();
        body.unpipe(this);
        body.resume();
        return;
      }
      done(null, chunk);
    },
  });
  body.on('error', (e) => stream.destroy(e));
  body.pipe(stream);
  return { stream, bytes: () => bytes, tooLarge: () => over };
}

export type { PoolClient };

import { Logger } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import type { ImportResult } from '@floorwise/contracts';
import type { ImportHandler } from '../imports/import-handler';
import type { RowProblems } from '../imports/import-problems';
import { CALL_COLUMNS, CallLookups, CallRow, copyLine, parseCall } from './call-row';
import { CREATE_STAGE, STAGE_COLUMNS } from './call-rollups.sql';
import type { CallWriter } from './call-writer';

/** Loads the agent and campaign codes (with their zones) a calls file is checked against. */
export async function loadCallLookups(
  client: PoolClient,
  customerRefKey: string,
): Promise<CallLookups> {
  const agents = await client.query<{ code: string; id: number; team_id: number; tz: string }>(
    `SELECT a.employee_code AS code, a.id, a.team_id, s.time_zone AS tz
     FROM agent a JOIN team t ON t.id = a.team_id JOIN site s ON s.id = t.site_id`,
  );
  const campaigns = await client.query<{ code: string; id: number; tz: string | null }>(
    `SELECT c.campaign_code AS code, c.id, s.time_zone AS tz FROM campaign c LEFT JOIN site s ON s.id = c.site_id`,
  );
  return {
    agents: new Map(agents.rows.map((r) => [r.code, { id: r.id, teamId: r.team_id, tz: r.tz }])),
    campaigns: new Map(campaigns.rows.map((r) => [r.code, { id: r.id, tz: r.tz ?? 'UTC' }])),
    customerRefKey,
  };
}

/** Rows per merge: big enough to amortise each statement, small enough to sort in memory. */
export const CALLS_MERGE_CHUNK = 200_000;

/**
 * The calls file: every record is checked in the stream and, while the file is clean so far,
 * written into a temporary staging table with `COPY … FROM STDIN`. Every 200,000 rows the COPY
 * ends and one statement moves the chunk's new calls into their monthly partitions and the
 * rollups — while Node goes on parsing the next chunk (held in memory, bounded), so the two cores
 * work at once. All inside the import's one transaction: a bad row anywhere still rolls back all.
 */
export class CallsImport implements ImportHandler<CallRow> {
  readonly kind = 'calls' as const;
  readonly columns = CALL_COLUMNS;
  readonly batchSize = 2000;
  private lookups!: CallLookups;
  private copy: Writable | null = null;
  private copyDone: Promise<void> | null = null;
  private chunkRows = 0;
  private merging: Promise<number> | null = null;
  private pending: Buffer[] = [];
  private pendingRows = 0;
  private staged = 0;
  private imported = 0;
  private startedAt = Date.now();
  private mergeMs = 0;
  private readonly logger = new Logger('CallsImport');

  constructor(
    private readonly customerRefKey: string,
    private readonly writer: CallWriter,
    private readonly chunkSize = CALLS_MERGE_CHUNK,
  ) {}

  async begin(client: PoolClient): Promise<void> {
    this.startedAt = Date.now();
    this.lookups = await loadCallLookups(client, this.customerRefKey);
    await client.query(CREATE_STAGE);
    this.openCopy(client);
  }

  parse(values: Record<string, string>, problems: RowProblems): CallRow | null {
    return parseCall(values, problems, this.lookups);
  }

  async writeBatch(client: PoolClient, rows: CallRow[]): Promise<ImportResult> {
    let text = '';
    for (const r of rows) {
      text += copyLine(r);
    }
    // One flat buffer per batch: a string built by += is a rope of every piece, which held
    // hundreds of bytes per row while it waited (the API ran out of a 200 MB heap before).
    const data = Buffer.from(text, 'utf8');
    this.staged += rows.length;
    if (this.merging) {
      // The connection is busy merging the previous chunk: hold these lines (bounded) until done.
      this.pending.push(data);
      this.pendingRows += rows.length;
      if (this.pendingRows >= this.chunkSize / 2) {
        await this.settleMerge(client);
      }
    } else {
      await this.copyWrite(data, rows.length);
      await this.maybeStartMerge(client);
    }
    return { imported: 0, updated: 0, duplicates: 0 };
  }

  async finish(client: PoolClient): Promise<ImportResult> {
    await this.settleMerge(client);
    await this.endCopy();
    if (this.chunkRows > 0) {
      this.imported += await this.mergeChunk(client);
    }
    this.logger.log(
      `calls: ${this.staged} rows in ${Date.now() - this.startedAt} ms (merging ${this.mergeMs} ms), ${this.imported} new`,
    );
    return { imported: this.imported, updated: 0, duplicates: this.staged - this.imported };
  }

  /** Lets a running merge finish and ends the COPY, so the transaction can be rolled back. */
  async abort(): Promise<void> {
    await this.merging?.catch(() => undefined);
    this.merging = null;
    await this.endCopy().catch(() => undefined);
  }

  private openCopy(client: PoolClient): void {
    const stream = client.query(
      copyFrom(`COPY call_stage (${STAGE_COLUMNS.join(', ')}) FROM STDIN`),
    );
    this.copyDone = new Promise<void>((resolve, reject) => {
      stream.on('finish', () => resolve());
      stream.on('error', reject);
    });
    this.copyDone.catch(() => undefined);
    this.copy = stream;
    this.chunkRows = 0;
  }

  private async copyWrite(data: Buffer, rows: number): Promise<void> {
    this.chunkRows += rows;
    if (this.copy && !this.copy.write(data)) {
      await once(this.copy, 'drain');
    }
  }

  private async maybeStartMerge(client: PoolClient): Promise<void> {
    if (this.chunkRows >= this.chunkSize) {
      await this.endCopy();
      this.merging = this.mergeChunk(client);
      this.merging.catch(() => undefined); // awaited in settleMerge / finish / abort
    }
  }

  private async mergeChunk(client: PoolClient): Promise<number> {
    const t0 = Date.now();
    const n = await this.writer.mergeStaged(client, 'call_stage');
    await client.query('TRUNCATE call_stage');
    this.mergeMs += Date.now() - t0;
    return n;
  }

  /** Waits for the running merge, reopens the COPY and writes the lines held meanwhile. */
  private async settleMerge(client: PoolClient): Promise<void> {
    if (!this.merging) {
      return;
    }
    this.imported += await this.merging;
    this.merging = null;
    this.openCopy(client);
    const held = this.pending;
    const heldRows = this.pendingRows;
    this.pending = [];
    this.pendingRows = 0;
    if (held.length > 0) {
      await this.copyWrite(Buffer.concat(held), heldRows);
      await this.maybeStartMerge(client);
    }
  }

  private async endCopy(): Promise<void> {
    if (this.copy) {
      this.copy.end();
      this.copy = null;
      await this.copyDone;
    }
  }
}

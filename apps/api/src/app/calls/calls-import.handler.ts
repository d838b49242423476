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
export async function loadCallLookups(client: PoolClient, customerRefKey: string): Promise<CallLookups> {
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

/**
 * The calls file: every record is checked in the stream and, while the file is clean so far,
 * written straight into a temporary staging table with `COPY … FROM STDIN`; at the end one
 * statement moves the new calls into their monthly partitions and the rollups.
 */
export class CallsImport implements ImportHandler<CallRow> {
  readonly kind = 'calls' as const;
  readonly columns = CALL_COLUMNS;
  readonly batchSize = 2000;
  private lookups!: CallLookups;
  private copy: Writable | null = null;
  private copyDone: Promise<void> | null = null;
  private staged = 0;
  private startedAt = Date.now();
  private readonly logger = new Logger('CallsImport');

  constructor(
    private readonly customerRefKey: string,
    private readonly writer: CallWriter,
  ) {}

  async begin(client: PoolClient): Promise<void> {
    this.startedAt = Date.now();
    this.lookups = await loadCallLookups(client, this.customerRefKey);
    await client.query(CREATE_STAGE);
    const stream = client.query(copyFrom(`COPY call_stage (${STAGE_COLUMNS.join(', ')}) FROM STDIN`));
    this.copyDone = new Promise<void>((resolve, reject) => {
      stream.on('finish', () => resolve());
      stream.on('error', reject);
    });
    this.copyDone.catch(() => undefined);
    this.copy = stream;
  }

  parse(values: Record<string, string>, problems: RowProblems): CallRow | null {
    return parseCall(values, problems, this.lookups);
  }

  async writeBatch(_client: PoolClient, rows: CallRow[]): Promise<ImportResult> {
    let chunk = '';
    for (const r of rows) {
      chunk += copyLine(r);
    }
    this.staged += rows.length;
    if (this.copy && !this.copy.write(chunk)) {
      await once(this.copy, 'drain');
    }
    return { imported: 0, updated: 0, duplicates: 0 };
  }

  async finish(client: PoolClient): Promise<ImportResult> {
    const t0 = Date.now();
    await this.endCopy();
    const t1 = Date.now();
    const imported = await this.writer.mergeStaged(client, 'call_stage');
    this.logger.log(
      `calls: ${this.staged} staged in ${t0 - this.startedAt} ms, copy end ${t1 - t0} ms, merge ${Date.now() - t1} ms`,
    );
    return { imported, updated: 0, duplicates: this.staged - imported };
  }

  /** Ends the COPY so the transaction can be rolled back. */
  async abort(): Promise<void> {
    await this.endCopy().catch(() => undefined);
  }

  private async endCopy(): Promise<void> {
    if (this.copy) {
      this.copy.end();
      this.copy = null;
      await this.copyDone;
    }
  }
}

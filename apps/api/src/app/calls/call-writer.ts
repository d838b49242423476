import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import { Env, ENV } from '../../config/env';
import { DomainError, DomainErrorCode } from '../common/domain-error';
import { ImportProblems, RowProblems } from '../imports/import-problems';
import { CALL_COLUMNS, CallRow, parseCall } from './call-row';
import { loadCallLookups } from './calls-import.handler';
import {
  createPartitionSql,
  mergeSql,
  STAGE_COLUMNS,
  STAGE_MONTHS,
  STAGE_TYPES,
} from './call-rollups.sql';

/** Told after calls are committed (the live floor listens; imports announce a bulk change). */
export interface CallsLanded {
  source: 'live' | 'import';
  count: number;
  callIds?: string[];
  /** Live batches: each call's index keys, so a listener reads them by `(agent_id, started_at)`. */
  calls?: { callId: string; agentId: number | null; startedAt: string }[];
}

const KNOWN = new Set<string>(CALL_COLUMNS.map((c) => c.name));

/**
 * Writes calls, from a staged file or a live batch, with the same statement: idempotent on
 * `call_id`, into monthly partitions, rollups kept current in the same transaction.
 */
@Injectable()
export class CallWriter {
  readonly landed = new Subject<CallsLanded>();

  constructor(
    private readonly db: DataSource,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /** Creates missing month partitions, then merges; returns how many calls were new. */
  async mergeStaged(client: PoolClient, source: string, params: unknown[] = []): Promise<number> {
    await client.query(`SET LOCAL work_mem = '256MB'`);
    if (/^[a-z_]+$/.test(source)) {
      await client.query(`ANALYZE ${source}`); // a staged file: give the planner real row counts
    }
    const months = await client.query<{ month: string }>(STAGE_MONTHS(source), params);
    for (const { month } of months.rows) {
      await client.query(createPartitionSql(month));
    }
    const r = await client.query<{ imported: number }>(mergeSql(source), params);
    return r.rows[0].imported;
  }

  /**
   * `POST /api/calls`: a batch of calls as a telephony system sends them when they end. Checked
   * like a file (every problem listed, nothing written on any), idempotent on `call_id`.
   */
  async writeLive(records: unknown[]): Promise<{ imported: number; duplicates: number }> {
    const pool = (this.db.driver as unknown as { master: Pool }).master;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const problems = new ImportProblems();
      // Shape first (to know which codes to look up), problems reported in line order below.
      const shaped = records.map((rec) => {
        const found: [string, string][] = [];
        return { ...toValues(rec, (field, message) => found.push([field, message])), found };
      });
      const codes = (field: string) => [
        ...new Set(shaped.map((s) => (s.values?.[field] ?? '').trim()).filter((c) => c !== '')),
      ];
      const lookups = await loadCallLookups(client, this.env.CUSTOMER_REF_KEY, {
        employeeCodes: codes('employee_code'),
        campaignCodes: codes('campaign_code'),
      });
      const rows: CallRow[] = [];
      shaped.forEach(({ values, reported, found }, i) => {
        const line = i + 1;
        for (const [field, message] of found) {
          problems.add(line, field, message);
        }
        const p = new RowProblems(problems, line, reported);
        const row = values ? parseCall(values, p, lookups) : null;
        if (row && !p.any) {
          rows.push(row);
        }
      });
      if (problems.count > 0) {
        await client.query('ROLLBACK');
        throw new DomainError(
          DomainErrorCode.Invalid,
          `${problems.count} problem${problems.count === 1 ? '' : 's'} in the calls sent; nothing was written`,
          { errors: problems.errors, errorCount: problems.count, truncated: problems.truncated },
        );
      }
      const source = `(SELECT * FROM unnest(${STAGE_COLUMNS.map(
        (c, i) => `$${i + 1}::${STAGE_TYPES[c]}[]`,
      ).join(', ')}) AS u(${STAGE_COLUMNS.join(', ')}))`;
      const params = STAGE_COLUMNS.map((c) => rows.map((r) => stageValue(r, c)));
      const imported = await this.mergeStaged(client, source, params);
      await client.query('COMMIT');
      if (imported > 0) {
        this.landed.next({
          source: 'live',
          count: imported,
          callIds: rows.map((r) => r.callId),
          calls: rows.map((r) => ({
            callId: r.callId,
            agentId: r.agentId,
            startedAt: r.startedAt,
          })),
        });
      }
      return { imported, duplicates: rows.length - imported };
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }
}

/** A JSON call as the file's text values; problems of shape are reported once per field. */
function toValues(
  rec: unknown,
  report: (field: string, message: string) => void,
): { values: Record<string, string> | null; reported: string[] } {
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) {
    report('', 'is not a JSON object');
    return { values: null, reported: [''] };
  }
  const values: Record<string, string> = {};
  const reported: string[] = [];
  for (const [k, v] of Object.entries(rec as Record<string, unknown>)) {
    if (!KNOWN.has(k)) {
      report(k, `unknown field "${k}"`);
      reported.push(k);
    } else if (v === null || v === undefined) {
      values[k] = '';
    } else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      values[k] = String(v);
    } else {
      report(k, `${k} must be a string, number or boolean`);
      reported.push(k);
    }
  }
  return { values, reported };
}

function stageValue(r: CallRow, c: (typeof STAGE_COLUMNS)[number]): unknown {
  switch (c) {
    case 'line':
      return r.line;
    case 'call_id':
      return r.callId;
    case 'agent_id':
      return r.agentId;
    case 'team_id':
      return r.teamId;
    case 'campaign_id':
      return r.campaignId;
    case 'tz':
      return r.tz;
    case 'channel':
      return r.channel;
    case 'direction':
      return r.direction;
    case 'started_at':
      return r.startedAt;
    case 'queue_seconds':
      return r.queueSeconds;
    case 'talk_seconds':
      return r.talkSeconds;
    case 'hold_seconds':
      return r.holdSeconds;
    case 'wrap_seconds':
      return r.wrapSeconds;
    case 'outcome':
      return r.outcome;
    case 'sale_amount_cents':
      return r.saleAmountCents;
    case 'hostile':
      return r.hostile;
    case 'qa_score':
      return r.qaScore;
    case 'csat':
      return r.csat;
    case 'customer_hash':
      return r.customerHash === null ? null : Buffer.from(r.customerHash, 'hex');
    case 'customer_last4':
      return r.customerLast4;
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cheaper writes for the calls import (docs/benchmarks.md, "Calls import"):
 *
 * - The agent × campaign × 15-minute rollup keeps one index instead of two: its primary key is
 *   now agent first, `(agent_id, interval_start, campaign_id)`, which serves the per-agent reads
 *   the old `(agent_id, local_date)` index served (an agent's rows of a range are one run of the
 *   key), and an import writes it in key order. A BRIN index (a few pages, next to nothing per
 *   insert) keeps time-range scans over all agents from reading the whole table.
 * - The campaign × 15-minute rollup's primary key is campaign first, `(campaign_id,
 *   interval_start)`: the import asks, per campaign, whether a range of intervals holds calls
 *   already (one index probe; the forecast's reads go by `ix_call_rollup_campaign_15m_date`).
 * - The call-id registry compares ids byte by byte (`COLLATE "C"`), so the import can tell with
 *   one range probe that none of a chunk's ids is stored (the same order in Node and SQL).
 */
export class CallsImportSpeed1764600000000 implements MigrationInterface {
  name = 'CallsImportSpeed1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE call_rollup_15m DROP CONSTRAINT pk_call_rollup_15m`);
    await q.query(
      `ALTER TABLE call_rollup_15m ADD CONSTRAINT pk_call_rollup_15m PRIMARY KEY (agent_id, interval_start, campaign_id)`,
    );
    await q.query(`DROP INDEX ix_call_rollup_15m_agent_date`);
    await q.query(
      `CREATE INDEX ix_call_rollup_15m_time_brin ON call_rollup_15m USING brin (interval_start, local_date)`,
    );
    await q.query(
      `ALTER TABLE call_rollup_campaign_15m DROP CONSTRAINT pk_call_rollup_campaign_15m`,
    );
    await q.query(
      `ALTER TABLE call_rollup_campaign_15m ADD CONSTRAINT pk_call_rollup_campaign_15m PRIMARY KEY (campaign_id, interval_start)`,
    );
    await q.query(`ALTER TABLE call_ids ALTER COLUMN call_id TYPE text COLLATE "C"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE call_ids ALTER COLUMN call_id TYPE text COLLATE "default"`);
    await q.query(
      `ALTER TABLE call_rollup_campaign_15m DROP CONSTRAINT pk_call_rollup_campaign_15m`,
    );
    await q.query(
      `ALTER TABLE call_rollup_campaign_15m ADD CONSTRAINT pk_call_rollup_campaign_15m PRIMARY KEY (interval_start, campaign_id)`,
    );
    await q.query(`DROP INDEX ix_call_rollup_15m_time_brin`);
    await q.query(
      `CREATE INDEX ix_call_rollup_15m_agent_date ON call_rollup_15m (agent_id, local_date)`,
    );
    await q.query(`ALTER TABLE call_rollup_15m DROP CONSTRAINT pk_call_rollup_15m`);
    await q.query(
      `ALTER TABLE call_rollup_15m ADD CONSTRAINT pk_call_rollup_15m PRIMARY KEY (interval_start, campaign_id, agent_id)`,
    );
  }
}

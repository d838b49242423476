import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calls: raw calls partitioned by month (UTC) so old months can be detached and archived, the
 * call-id registry that makes imports idempotent across partitions, and the 15-minute rollups
 * every service figure is read from.
 */
/**
 * The SL thresholds pre-counted per rollup row, as they were when this migration landed; a test
 * checks they equal `SLA_THRESHOLDS` of libs/analytics (a change there needs a new migration).
 */
export const ROLLUP_SLA_THRESHOLDS_V1 = [10, 15, 20, 30, 45, 60, 90, 120, 180, 300] as const;

export class Calls1763900100000 implements MigrationInterface {
  name = 'Calls1763900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calls (
        call_id            text NOT NULL,
        started_at         timestamptz NOT NULL,
        agent_id           integer,
        team_id            integer,
        campaign_id        integer NOT NULL,
        local_date         date NOT NULL,
        local_minute       smallint NOT NULL,
        channel            text NOT NULL,
        direction          text NOT NULL,
        queue_seconds      integer NOT NULL,
        talk_seconds       integer NOT NULL,
        hold_seconds       integer NOT NULL,
        wrap_seconds       integer NOT NULL,
        outcome            text NOT NULL,
        sale_amount_cents  integer,
        hostile            boolean NOT NULL DEFAULT false,
        qa_score           smallint,
        csat               smallint,
        customer_hash      bytea,
        customer_last4     text
      ) PARTITION BY RANGE (started_at)`);
    await q.query(`CREATE INDEX ix_calls_agent_started ON calls (agent_id, started_at)`);
    await q.query(`CREATE TABLE call_ids (call_id text PRIMARY KEY)`);
    const thresholdColumns = ROLLUP_SLA_THRESHOLDS_V1.map(
      (t) => `ans_le_${t} integer NOT NULL DEFAULT 0, abn_gt_${t} integer NOT NULL DEFAULT 0`,
    ).join(',\n        ');
    const measures = `
        calls            integer NOT NULL DEFAULT 0,
        offered          integer NOT NULL DEFAULT 0,
        answered         integer NOT NULL DEFAULT 0,
        abandoned        integer NOT NULL DEFAULT 0,
        inbound_answered integer NOT NULL DEFAULT 0,
        queue_answered   bigint NOT NULL DEFAULT 0,
        handle_seconds   bigint NOT NULL DEFAULT 0,
        talk_seconds     bigint NOT NULL DEFAULT 0,
        hold_seconds     bigint NOT NULL DEFAULT 0,
        wrap_seconds     bigint NOT NULL DEFAULT 0,
        hostile          integer NOT NULL DEFAULT 0,
        resolved         integer NOT NULL DEFAULT 0,
        sales            integer NOT NULL DEFAULT 0,
        saves            integer NOT NULL DEFAULT 0,
        sale_cents       bigint NOT NULL DEFAULT 0,
        qa_sum           integer NOT NULL DEFAULT 0,
        qa_count         integer NOT NULL DEFAULT 0,
        csat_sum         integer NOT NULL DEFAULT 0,
        csat_count       integer NOT NULL DEFAULT 0,
        ${thresholdColumns}`;
    // agent × campaign × 15 minutes: the rollup every per-agent intraday figure reads.
    await q.query(`
      CREATE TABLE call_rollup_15m (
        interval_start   timestamptz NOT NULL,
        campaign_id      integer NOT NULL,
        agent_id         integer NOT NULL,
        team_id          integer,
        local_date       date NOT NULL,
        local_minute     smallint NOT NULL,
        ${measures},
        CONSTRAINT pk_call_rollup_15m PRIMARY KEY (interval_start, campaign_id, agent_id)
      )`);
    await q.query(
      `CREATE INDEX ix_call_rollup_15m_agent_date ON call_rollup_15m (agent_id, local_date)`,
    );
    // agent × campaign × local day: ranges by day, agent, team or campaign read ~30× fewer rows.
    await q.query(`
      CREATE TABLE call_rollup_day (
        local_date       date NOT NULL,
        campaign_id      integer NOT NULL,
        agent_id         integer NOT NULL,
        team_id          integer,
        ${measures},
        CONSTRAINT pk_call_rollup_day PRIMARY KEY (local_date, campaign_id, agent_id)
      )`);
    await q.query(
      `CREATE INDEX ix_call_rollup_day_agent ON call_rollup_day (agent_id, local_date)`,
    );
    // team × campaign × 15 minutes: the floor's and the Service page's intraday curves.
    await q.query(`
      CREATE TABLE call_rollup_team_15m (
        interval_start   timestamptz NOT NULL,
        campaign_id      integer NOT NULL,
        team_id          integer NOT NULL,
        local_date       date NOT NULL,
        local_minute     smallint NOT NULL,
        ${measures},
        CONSTRAINT pk_call_rollup_team_15m PRIMARY KEY (interval_start, campaign_id, team_id)
      )`);
    await q.query(
      `CREATE INDEX ix_call_rollup_team_15m_team_date ON call_rollup_team_15m (team_id, local_date)`,
    );
    // campaign × 15 minutes: the floor-wide intraday curves and the staffing forecast (a few
    // thousand rows a month however many agents there are).
    await q.query(`
      CREATE TABLE call_rollup_campaign_15m (
        interval_start   timestamptz NOT NULL,
        campaign_id      integer NOT NULL,
        local_date       date NOT NULL,
        local_minute     smallint NOT NULL,
        ${measures},
        CONSTRAINT pk_call_rollup_campaign_15m PRIMARY KEY (interval_start, campaign_id)
      )`);
    await q.query(
      `CREATE INDEX ix_call_rollup_campaign_15m_date ON call_rollup_campaign_15m (local_date, campaign_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE call_rollup_campaign_15m`);
    await q.query(`DROP TABLE call_rollup_team_15m`);
    await q.query(`DROP TABLE call_rollup_day`);
    await q.query(`DROP TABLE call_rollup_15m`);
    await q.query(`DROP TABLE call_ids`);
    await q.query(`DROP TABLE calls`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shifts and their timesheets (interfaces.md `shifts`): the schedule (`start_at`, `end_at`,
 * `break_minutes`), what was worked (`actual_start`, `actual_end`), absences and send-homes.
 * Schedules, the live floor, burnout and turnover drivers all read this one table.
 *
 * No two shifts of one agent overlap: the import and the API check it first (with a clear error
 * naming both shifts), and an exclusion constraint holds it under concurrent writers.
 */
export class Shifts1764000000000 implements MigrationInterface {
  name = 'Shifts1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`
      CREATE TABLE shift (
        id                bigserial PRIMARY KEY,
        shift_code        text NOT NULL,
        agent_id          integer NOT NULL REFERENCES agent(id),
        start_at          timestamptz NOT NULL,
        end_at            timestamptz NOT NULL,
        local_date        date NOT NULL,
        kind              text NOT NULL DEFAULT 'regular'
                          CHECK (kind IN ('regular','overtime','training')),
        break_minutes     integer NOT NULL DEFAULT 0 CHECK (break_minutes >= 0),
        status            text NOT NULL DEFAULT 'scheduled'
                          CHECK (status IN ('scheduled','worked','absent_unplanned','absent_excused','sent_home')),
        actual_start      timestamptz,
        actual_end        timestamptz,
        send_home_reason  text CHECK (send_home_reason IN ('goal_met','outage','low_volume')),
        send_home_at      timestamptz,
        note              text,
        source            text NOT NULL DEFAULT 'import' CHECK (source IN ('import','manual','floor')),
        created_by        integer REFERENCES app_user(id),
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_shift_code UNIQUE (shift_code),
        CONSTRAINT ck_shift_end_after_start CHECK (end_at > start_at),
        CONSTRAINT ck_shift_actual_order CHECK (
          actual_start IS NULL OR actual_end IS NULL OR actual_end > actual_start),
        CONSTRAINT ck_shift_send_home_reason CHECK (
          (status = 'sent_home') = (send_home_reason IS NOT NULL)),
        CONSTRAINT ex_shift_agent_overlap EXCLUDE USING gist (
          agent_id WITH =, tstzrange(start_at, end_at) WITH &&)
      )`);
    await q.query(`CREATE INDEX ix_shift_agent_start ON shift (agent_id, start_at)`);
    await q.query(`CREATE INDEX ix_shift_local_date ON shift (local_date, agent_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE shift`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Burnout risk index (metrics.md §5): the admin's versioned configurations, one snapshot per
 * agent and as-of date (index, band, components, drivers, and the configuration that made it),
 * and the "dirty" marks that make the daily job incremental.
 *
 * Marks are written by statement-level triggers (one INSERT per statement, from its transition
 * table) wherever an input of the index changes: the per-day call rollup, shifts, an agent's
 * contract hours / team / employment dates, a site's zone or holidays. `from_date` is the first
 * local date whose snapshots may have changed (−infinity: all of them).
 */
export class Burnout1764400000000 implements MigrationInterface {
  name = 'Burnout1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE burnout_config (
        version     integer PRIMARY KEY,
        config      jsonb NOT NULL,
        note        text,
        created_by  integer REFERENCES app_user(id),
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE burnout_snapshot (
        agent_id        integer NOT NULL REFERENCES agent(id) ON DELETE CASCADE,
        as_of           date NOT NULL,
        team_id         integer NOT NULL REFERENCES team(id),
        config_version  integer NOT NULL REFERENCES burnout_config(version),
        bri             smallint CHECK (bri BETWEEN 0 AND 100),
        band            text CHECK (band IN ('low','elevated','high','critical')),
        points          real[] NOT NULL,
        components      jsonb NOT NULL,
        drivers         text[] NOT NULL,
        computed_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_burnout_snapshot PRIMARY KEY (agent_id, as_of),
        CONSTRAINT ck_burnout_snapshot_band CHECK ((bri IS NULL) = (band IS NULL))
      )`);
    await q.query(
      `CREATE INDEX ix_burnout_snapshot_team_date ON burnout_snapshot (team_id, as_of) INCLUDE (bri, band)`,
    );
    await q.query(`CREATE INDEX ix_burnout_snapshot_date ON burnout_snapshot (as_of)`);
    await q.query(`
      CREATE TABLE burnout_dirty (
        agent_id   integer PRIMARY KEY REFERENCES agent(id) ON DELETE CASCADE,
        from_date  date NOT NULL,
        marked_at  timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`
      CREATE FUNCTION burnout_mark(agent_ids integer[], from_dates date[]) RETURNS void
      LANGUAGE sql AS $$
        INSERT INTO burnout_dirty (agent_id, from_date)
        SELECT u.a, min(u.d) FROM unnest(agent_ids, from_dates) AS u(a, d)
        JOIN agent ON agent.id = u.a
        GROUP BY u.a
        ON CONFLICT (agent_id) DO UPDATE
          SET from_date = least(burnout_dirty.from_date, EXCLUDED.from_date),
              marked_at = clock_timestamp()
      $$`);
    // per-day call rollup: new or changed sums of an agent's day
    await q.query(`
      CREATE FUNCTION burnout_mark_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM burnout_mark(array_agg(agent_id), array_agg(local_date)) FROM changed;
        RETURN NULL;
      END $$`);
    for (const event of ['INSERT', 'UPDATE']) {
      await q.query(`
        CREATE TRIGGER tr_burnout_rollup_${event.toLowerCase()} AFTER ${event} ON call_rollup_day
        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION burnout_mark_rollup()`);
      await q.query(`
        CREATE TRIGGER tr_burnout_shift_${event.toLowerCase()} AFTER ${event} ON shift
        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION burnout_mark_rollup()`);
    }
    // a shift moved or deleted also changes the days it left (its old local date)
    await q.query(`
      CREATE FUNCTION burnout_mark_old_shift() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM burnout_mark(array_agg(agent_id), array_agg(local_date - 1)) FROM gone;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_burnout_shift_update_old AFTER UPDATE ON shift
      REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION burnout_mark_old_shift()`);
    await q.query(`
      CREATE TRIGGER tr_burnout_shift_delete AFTER DELETE ON shift
      REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION burnout_mark_old_shift()`);
    // contract hours, team and employment dates change every snapshot of the agent
    await q.query(`
      CREATE FUNCTION burnout_mark_agent() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.contract_hours IS DISTINCT FROM OLD.contract_hours
           OR NEW.team_id IS DISTINCT FROM OLD.team_id
           OR NEW.hire_date IS DISTINCT FROM OLD.hire_date
           OR NEW.termination_date IS DISTINCT FROM OLD.termination_date THEN
          PERFORM burnout_mark(ARRAY[NEW.id], ARRAY['-infinity'::date]);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_burnout_agent AFTER UPDATE ON agent
      FOR EACH ROW EXECUTE FUNCTION burnout_mark_agent()`);
    await q.query(`
      CREATE FUNCTION burnout_mark_site() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.time_zone IS DISTINCT FROM OLD.time_zone
           OR NEW.holidays IS DISTINCT FROM OLD.holidays THEN
          PERFORM burnout_mark(array_agg(a.id), array_agg('-infinity'::date))
            FROM agent a JOIN team t ON t.id = a.team_id WHERE t.site_id = NEW.id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_burnout_site AFTER UPDATE ON site
      FOR EACH ROW EXECUTE FUNCTION burnout_mark_site()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tr_burnout_site ON site`);
    await q.query(`DROP TRIGGER tr_burnout_agent ON agent`);
    await q.query(`DROP TRIGGER tr_burnout_shift_delete ON shift`);
    await q.query(`DROP TRIGGER tr_burnout_shift_update_old ON shift`);
    for (const event of ['insert', 'update']) {
      await q.query(`DROP TRIGGER tr_burnout_shift_${event} ON shift`);
      await q.query(`DROP TRIGGER tr_burnout_rollup_${event} ON call_rollup_day`);
    }
    await q.query(`DROP FUNCTION burnout_mark_site()`);
    await q.query(`DROP FUNCTION burnout_mark_agent()`);
    await q.query(`DROP FUNCTION burnout_mark_old_shift()`);
    await q.query(`DROP FUNCTION burnout_mark_rollup()`);
    await q.query(`DROP FUNCTION burnout_mark(integer[], date[])`);
    await q.query(`DROP TABLE burnout_dirty`);
    await q.query(`DROP TABLE burnout_snapshot`);
    await q.query(`DROP TABLE burnout_config`);
  }
}

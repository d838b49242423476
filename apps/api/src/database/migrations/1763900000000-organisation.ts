import { MigrationInterface, QueryRunner } from 'typeorm';

/** Sites, teams, campaigns, agents, users, the audit log and the import log. */
export class Organisation1763900000000 implements MigrationInterface {
  name = 'Organisation1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE site (
        id          serial PRIMARY KEY,
        site_code   text NOT NULL,
        name        text NOT NULL,
        time_zone   text NOT NULL,
        holidays    date[] NOT NULL DEFAULT '{}',
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_site_code UNIQUE (site_code)
      )`);
    await q.query(`
      CREATE TABLE team (
        id             serial PRIMARY KEY,
        team_code      text NOT NULL,
        name           text NOT NULL,
        site_id        integer NOT NULL REFERENCES site(id),
        manager_email  text,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_team_code UNIQUE (team_code)
      )`);
    await q.query(`CREATE INDEX ix_team_site ON team (site_id)`);
    await q.query(`CREATE INDEX ix_team_manager_email ON team (lower(manager_email))`);
    await q.query(`
      CREATE TABLE campaign (
        id             serial PRIMARY KEY,
        campaign_code  text NOT NULL,
        name           text NOT NULL,
        kind           text NOT NULL CHECK (kind IN ('inbound_support','outbound_sales','retention','tech_support','collections')),
        client         text,
        site_id        integer REFERENCES site(id),
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_campaign_code UNIQUE (campaign_code)
      )`);
    await q.query(`
      CREATE TABLE agent (
        id                  serial PRIMARY KEY,
        employee_code       text NOT NULL,
        full_name           text NOT NULL,
        email               text NOT NULL,
        team_id             integer NOT NULL REFERENCES team(id),
        title               text NOT NULL,
        work_mode           text NOT NULL CHECK (work_mode IN ('onsite','remote','hybrid')),
        hire_date           date NOT NULL,
        termination_date    date,
        termination_type    text CHECK (termination_type IN ('voluntary','involuntary')),
        termination_reason  text,
        hourly_rate_cents   integer NOT NULL CHECK (hourly_rate_cents >= 0),
        contract_hours      double precision NOT NULL DEFAULT 40 CHECK (contract_hours > 0 AND contract_hours <= 80),
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_agent_employee_code UNIQUE (employee_code),
        CONSTRAINT ck_agent_termination_after_hire CHECK (termination_date IS NULL OR termination_date >= hire_date),
        CONSTRAINT ck_agent_termination_type CHECK (termination_type IS NULL OR termination_date IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_agent_email ON agent (lower(email))`);
    await q.query(`CREATE INDEX ix_agent_team ON agent (team_id)`);
    await q.query(`
      CREATE TABLE app_user (
        id             serial PRIMARY KEY,
        email          text NOT NULL,
        password_hash  text NOT NULL,
        role           text NOT NULL CHECK (role IN ('admin','manager','hr','agent')),
        agent_id       integer REFERENCES agent(id),
        disabled       boolean NOT NULL DEFAULT false,
        token_version  integer NOT NULL DEFAULT 0,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_app_user_agent_role CHECK (role <> 'agent' OR agent_id IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_app_user_email ON app_user (lower(email))`);
    await q.query(
      `CREATE UNIQUE INDEX uq_app_user_agent ON app_user (agent_id) WHERE agent_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE audit_log (
        id          bigserial PRIMARY KEY,
        at          timestamptz NOT NULL DEFAULT now(),
        actor_id    integer REFERENCES app_user(id),
        action      text NOT NULL,
        entity      text NOT NULL,
        entity_key  text,
        detail      jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX ix_audit_log_entity ON audit_log (entity, entity_key)`);
    // Append-only: history is never rewritten.
    await q.query(`
      CREATE FUNCTION forbid_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION forbid_audit_change()`);
    await q.query(`
      CREATE TRIGGER tr_audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION forbid_audit_change()`);
    await q.query(`
      CREATE TABLE import_run (
        id           bigserial PRIMARY KEY,
        kind         text NOT NULL,
        actor_id     integer REFERENCES app_user(id),
        started_at   timestamptz NOT NULL DEFAULT now(),
        finished_at  timestamptz,
        status       text NOT NULL CHECK (status IN ('running','ok','rejected','failed')),
        rows_read    integer NOT NULL DEFAULT 0,
        imported     integer NOT NULL DEFAULT 0,
        updated      integer NOT NULL DEFAULT 0,
        duplicates   integer NOT NULL DEFAULT 0,
        error_count  integer NOT NULL DEFAULT 0,
        bytes        bigint NOT NULL DEFAULT 0
      )`);
    await q.query(`
      CREATE TABLE app_setting (
        key         text PRIMARY KEY,
        value       jsonb NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE app_setting`);
    await q.query(`DROP TABLE import_run`);
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION forbid_audit_change()`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE agent`);
    await q.query(`DROP TABLE campaign`);
    await q.query(`DROP TABLE team`);
    await q.query(`DROP TABLE site`);
  }
}

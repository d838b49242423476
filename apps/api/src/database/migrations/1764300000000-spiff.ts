import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPIFF campaigns (metrics.md §7): the campaign with its rule, budget and draw secret; the
 * counted units (one row per qualifying call, so a call never counts twice and every award can
 * be traced to its calls); each entrant's running state; the spins and envelopes drawn; the
 * awards ledger; and disputes.
 *
 * Money stays exact and within budget in the database itself: `granted_cents` (pending +
 * approved + paid) is checked against `budget_cents`, evaluation updates it under a row lock of
 * the campaign, and a trigger refuses any award change but the lifecycle's
 * (pending → approved → paid, pending/approved → void) — amounts never change, rows are never
 * deleted. Every transition is also written to the append-only `audit_log`.
 */
export class Spiff1764300000000 implements MigrationInterface {
  name = 'Spiff1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE spiff_campaign (
        id                 serial PRIMARY KEY,
        name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        description        text,
        metric             text NOT NULL
                           CHECK (metric IN ('sales','saves','resolved','calls_handled','sale_amount_cents')),
        rule_type          text NOT NULL
                           CHECK (rule_type IN ('per_unit','tiered','contest','prize_wheel','mystery_envelope','lottery')),
        rule               jsonb NOT NULL,
        budget_cents       bigint NOT NULL CHECK (budget_cents > 0),
        granted_cents      bigint NOT NULL DEFAULT 0,
        period_from        date NOT NULL,
        period_to          date NOT NULL,
        period_starts_at   timestamptz NOT NULL,
        period_ends_at     timestamptz NOT NULL,
        time_zones         text[] NOT NULL DEFAULT '{}',
        team_ids           integer[] NOT NULL DEFAULT '{}',
        site_ids           integer[] NOT NULL DEFAULT '{}',
        call_campaign_ids  integer[] NOT NULL DEFAULT '{}',
        quality_gate       jsonb,
        handicap           jsonb,
        status             text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','active','closed')),
        secret             text NOT NULL CHECK (secret ~ '^[0-9a-f]{64}$'),
        secret_sha256      text NOT NULL,
        award_seq          integer NOT NULL DEFAULT 0,
        close_result       jsonb,
        created_by         integer REFERENCES app_user(id),
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        launched_by        integer REFERENCES app_user(id),
        launched_at        timestamptz,
        closed_by          integer REFERENCES app_user(id),
        closed_at          timestamptz,
        CONSTRAINT ck_spiff_campaign_period CHECK (period_to >= period_from),
        CONSTRAINT ck_spiff_campaign_within_budget CHECK (granted_cents >= 0 AND granted_cents <= budget_cents)
      )`);
    await q.query(
      `CREATE INDEX ix_spiff_campaign_status ON spiff_campaign (status, period_ends_at)`,
    );

    await q.query(`
      CREATE TABLE spiff_entrant (
        campaign_id         integer NOT NULL REFERENCES spiff_campaign(id),
        agent_id            integer NOT NULL REFERENCES agent(id),
        target_percent      smallint NOT NULL DEFAULT 100 CHECK (target_percent BETWEEN 1 AND 100),
        units               bigint NOT NULL DEFAULT 0,
        counted_calls       integer NOT NULL DEFAULT 0,
        gated_calls         integer NOT NULL DEFAULT 0,
        gated_units         bigint NOT NULL DEFAULT 0,
        draws               integer NOT NULL DEFAULT 0,
        earned_cents        bigint NOT NULL DEFAULT 0,
        tier_index          integer,
        tier_granted_cents  bigint NOT NULL DEFAULT 0,
        last_unit_at        timestamptz,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_spiff_entrant PRIMARY KEY (campaign_id, agent_id)
      )`);
    await q.query(`CREATE INDEX ix_spiff_entrant_agent ON spiff_entrant (agent_id)`);

    await q.query(`
      CREATE TABLE spiff_unit (
        campaign_id   integer NOT NULL REFERENCES spiff_campaign(id),
        call_id       text NOT NULL,
        agent_id      integer NOT NULL,
        occurred_at   timestamptz NOT NULL,
        local_date    date NOT NULL,
        units         bigint NOT NULL CHECK (units > 0),
        counted       boolean NOT NULL,
        gate_reason   text CHECK (gate_reason IN ('qa_below_floor','csat_below_floor','unscored')),
        evaluated_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_spiff_unit PRIMARY KEY (campaign_id, call_id),
        CONSTRAINT ck_spiff_unit_reason CHECK (counted = (gate_reason IS NULL))
      )`);
    await q.query(
      `CREATE INDEX ix_spiff_unit_agent ON spiff_unit (campaign_id, agent_id, occurred_at)`,
    );

    await q.query(`
      CREATE TABLE spiff_award (
        id            bigserial PRIMARY KEY,
        campaign_id   integer NOT NULL REFERENCES spiff_campaign(id),
        agent_id      integer NOT NULL REFERENCES agent(id),
        seq           integer NOT NULL,
        kind          text NOT NULL
                      CHECK (kind IN ('unit','tier','spin','envelope','contest','lottery','adjustment')),
        amount_cents  bigint NOT NULL CHECK (amount_cents > 0),
        status        text NOT NULL
                      CHECK (status IN ('pending','approved','paid','void','declined_budget')),
        call_id       text,
        occurred_at   timestamptz,
        earned_on     date NOT NULL,
        units_at      bigint NOT NULL DEFAULT 0,
        detail        jsonb NOT NULL DEFAULT '{}',
        created_at    timestamptz NOT NULL DEFAULT now(),
        approved_at   timestamptz,
        approved_by   integer REFERENCES app_user(id),
        approved_on   date,
        paid_at       timestamptz,
        paid_by       integer REFERENCES app_user(id),
        voided_at     timestamptz,
        voided_by     integer REFERENCES app_user(id),
        void_reason   text,
        CONSTRAINT uq_spiff_award_seq UNIQUE (campaign_id, seq),
        CONSTRAINT ck_spiff_award_approved CHECK (
          status NOT IN ('approved','paid') OR (approved_at IS NOT NULL AND approved_on IS NOT NULL)),
        CONSTRAINT ck_spiff_award_paid CHECK (status <> 'paid' OR paid_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX ix_spiff_award_agent ON spiff_award (agent_id, campaign_id)`);
    await q.query(
      `CREATE INDEX ix_spiff_award_campaign_status ON spiff_award (campaign_id, status)`,
    );
    await q.query(
      `CREATE INDEX ix_spiff_award_approved_on ON spiff_award (approved_on, agent_id) WHERE status IN ('approved','paid')`,
    );
    await q.query(`
      CREATE FUNCTION spiff_award_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'spiff_award rows are never deleted';
        END IF;
        IF NEW.amount_cents <> OLD.amount_cents OR NEW.campaign_id <> OLD.campaign_id
           OR NEW.agent_id <> OLD.agent_id OR NEW.kind <> OLD.kind OR NEW.seq <> OLD.seq THEN
          RAISE EXCEPTION 'the amount, campaign, agent, kind and order of award % never change', OLD.id;
        END IF;
        IF NEW.status <> OLD.status AND NOT (
             (OLD.status = 'pending' AND NEW.status IN ('approved', 'void'))
          OR (OLD.status = 'approved' AND NEW.status IN ('paid', 'void'))) THEN
          RAISE EXCEPTION 'award % cannot go from % to %', OLD.id, OLD.status, NEW.status;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_spiff_award_guard BEFORE UPDATE OR DELETE ON spiff_award
      FOR EACH ROW EXECUTE FUNCTION spiff_award_guard()`);

    await q.query(`
      CREATE TABLE spiff_draw (
        campaign_id   integer NOT NULL REFERENCES spiff_campaign(id),
        agent_id      integer NOT NULL REFERENCES agent(id),
        draw_no       integer NOT NULL CHECK (draw_no >= 1),
        kind          text NOT NULL CHECK (kind IN ('spin','envelope')),
        message       text NOT NULL,
        u             double precision NOT NULL,
        slot_index    integer NOT NULL,
        amount_cents  bigint NOT NULL CHECK (amount_cents >= 0),
        award_id      bigint REFERENCES spiff_award(id),
        call_id       text NOT NULL,
        earned_on     date NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        revealed_at   timestamptz,
        CONSTRAINT pk_spiff_draw PRIMARY KEY (campaign_id, agent_id, draw_no)
      )`);
    await q.query(`CREATE INDEX ix_spiff_draw_award ON spiff_draw (award_id)`);

    await q.query(`
      CREATE TABLE spiff_dispute (
        id                   bigserial PRIMARY KEY,
        award_id             bigint NOT NULL REFERENCES spiff_award(id),
        agent_id             integer NOT NULL REFERENCES agent(id),
        comment              text NOT NULL CHECK (length(comment) BETWEEN 1 AND 2000),
        status               text NOT NULL DEFAULT 'open' CHECK (status IN ('open','resolved')),
        outcome              text CHECK (outcome IN ('upheld','rejected')),
        resolution           text,
        resolved_by          integer REFERENCES app_user(id),
        resolved_at          timestamptz,
        adjustment_award_id  bigint REFERENCES spiff_award(id),
        created_by           integer REFERENCES app_user(id),
        created_at           timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_spiff_dispute_resolved CHECK (
          (status = 'resolved') = (outcome IS NOT NULL AND resolved_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_spiff_dispute_open ON spiff_dispute (award_id) WHERE status = 'open'`,
    );
    await q.query(`CREATE INDEX ix_spiff_dispute_status ON spiff_dispute (status, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE spiff_dispute`);
    await q.query(`DROP TABLE spiff_draw`);
    await q.query(`DROP TABLE spiff_award`);
    await q.query(`DROP FUNCTION spiff_award_guard()`);
    await q.query(`DROP TABLE spiff_unit`);
    await q.query(`DROP TABLE spiff_entrant`);
    await q.query(`DROP TABLE spiff_campaign`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** The advisory lock that orders floor events: writers hold it from their first event to commit. */
export const FLOOR_EVENT_LOCK = 7_264_200;
/** The LISTEN/NOTIFY channel told when floor events commit (payload empty). */
export const FLOOR_EVENT_CHANNEL = 'floor_event';

/**
 * Quotas (metrics.md §3) with effective-dated targets, and the live floor's event log.
 *
 * - `quota` is one definition (scope, subject, metric, period); `quota_version` its targets over
 *   time, append-only: a change adds a version from its effective date, so history keeps the old
 *   target (a null target ends the quota from that date).
 * - `floor_event` is the ordered log the live floor streams (SSE ids). Each call stored in the
 *   last 24 hours writes one event **in the call's own transaction** (a trigger on `calls`), so a
 *   call and its event commit or roll back together whichever path stored it (live or import).
 *   Writers take one advisory lock from their first event to commit, so events become visible in
 *   id order: a reader that has seen id N has seen every id below N — with any number of API
 *   processes, PostgreSQL being the only shared state. Commit is announced by NOTIFY.
 * - `floor_agent_state` keeps what depends on call order (last call end, hostile streak, last
 *   break), updated by the same trigger (the rule is `applyCallToState` of libs/analytics; a test
 *   checks they agree).
 */
export class QuotasFloor1764200000000 implements MigrationInterface {
  name = 'QuotasFloor1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quota (
        id           serial PRIMARY KEY,
        scope        text NOT NULL CHECK (scope IN ('agent','team','campaign')),
        agent_id     integer REFERENCES agent(id),
        team_id      integer REFERENCES team(id),
        campaign_id  integer REFERENCES campaign(id),
        per_member   boolean NOT NULL DEFAULT false,
        metric       text NOT NULL CHECK (metric IN ('calls_handled','sales','saves','resolved','aht_seconds','csat','qa_score')),
        period       text NOT NULL CHECK (period IN ('shift','day','week')),
        comparator   text NOT NULL CHECK (comparator IN ('at_least','at_most')),
        ramp         boolean NOT NULL DEFAULT true,
        created_by   integer REFERENCES app_user(id),
        created_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_quota_subject CHECK (
          (scope = 'agent' AND agent_id IS NOT NULL AND team_id IS NULL AND campaign_id IS NULL) OR
          (scope = 'team' AND team_id IS NOT NULL AND agent_id IS NULL AND campaign_id IS NULL) OR
          (scope = 'campaign' AND campaign_id IS NOT NULL AND agent_id IS NULL AND team_id IS NULL)),
        CONSTRAINT ck_quota_per_member CHECK (NOT per_member OR scope = 'team'),
        CONSTRAINT ck_quota_comparator CHECK ((metric = 'aht_seconds') = (comparator = 'at_most'))
      )`);
    await q.query(`
      CREATE UNIQUE INDEX uq_quota_key ON quota (scope, coalesce(agent_id, 0), coalesce(team_id, 0),
        coalesce(campaign_id, 0), per_member, metric, period)`);
    await q.query(`CREATE INDEX ix_quota_agent ON quota (agent_id) WHERE agent_id IS NOT NULL`);
    await q.query(`CREATE INDEX ix_quota_team ON quota (team_id) WHERE team_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE quota_version (
        id              bigserial PRIMARY KEY,
        quota_id        integer NOT NULL REFERENCES quota(id),
        effective_from  date NOT NULL,
        target          double precision CHECK (target IS NULL OR target > 0),
        created_by      integer REFERENCES app_user(id),
        created_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ix_quota_version_quota ON quota_version (quota_id, effective_from, id)`,
    );
    await q.query(`
      CREATE FUNCTION forbid_quota_version_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'quota_version is append-only: add a version instead';
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_quota_version_append_only BEFORE UPDATE OR DELETE ON quota_version
      FOR EACH ROW EXECUTE FUNCTION forbid_quota_version_change()`);

    await q.query(`
      CREATE TABLE floor_event (
        id              bigserial PRIMARY KEY,
        at              timestamptz NOT NULL DEFAULT clock_timestamp(),
        kind            text NOT NULL CHECK (kind IN ('call','release')),
        agent_id        integer,
        team_id         integer,
        campaign_id     integer,
        started_at      timestamptz,
        local_date      date,
        direction       text,
        outcome         text,
        queue_seconds   integer,
        handle_seconds  integer,
        hostile         boolean,
        qa_score        smallint,
        csat            smallint,
        shift_id        bigint
      )`);
    await q.query(`CREATE INDEX ix_floor_event_at ON floor_event (at)`);
    await q.query(`
      CREATE TABLE floor_agent_state (
        agent_id         integer PRIMARY KEY REFERENCES agent(id),
        last_call_end    timestamptz,
        hostile_streak   integer NOT NULL DEFAULT 0,
        last_break_end   timestamptz,
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE FUNCTION floor_event_from_call() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        gap_seconds integer;
        answered boolean := NEW.agent_id IS NOT NULL AND NEW.outcome <> 'abandoned';
        busy_from timestamptz := NEW.started_at + make_interval(secs => NEW.queue_seconds);
        handle integer := NEW.talk_seconds + NEW.hold_seconds + NEW.wrap_seconds;
      BEGIN
        PERFORM pg_advisory_xact_lock(${FLOOR_EVENT_LOCK});
        INSERT INTO floor_event (kind, agent_id, team_id, campaign_id, started_at, local_date,
          direction, outcome, queue_seconds, handle_seconds, hostile, qa_score, csat)
        VALUES ('call', NEW.agent_id, NEW.team_id, NEW.campaign_id, NEW.started_at, NEW.local_date,
          NEW.direction, NEW.outcome, NEW.queue_seconds, handle, NEW.hostile, NEW.qa_score, NEW.csat);
        IF answered THEN
          SELECT coalesce((value->>'breakGapMinutes')::int, 10) * 60 INTO gap_seconds
            FROM app_setting WHERE key = 'floor_settings';
          gap_seconds := coalesce(gap_seconds, 600);
          -- applyCallToState of libs/analytics, in SQL
          INSERT INTO floor_agent_state AS s (agent_id, last_call_end, hostile_streak, last_break_end)
          VALUES (NEW.agent_id, busy_from + make_interval(secs => handle),
                  CASE WHEN NEW.hostile THEN 1 ELSE 0 END, NULL)
          ON CONFLICT (agent_id) DO UPDATE SET
            last_break_end = CASE
              WHEN s.last_call_end IS NOT NULL
               AND busy_from - s.last_call_end >= make_interval(secs => gap_seconds)
              THEN greatest(s.last_break_end, busy_from)
              ELSE s.last_break_end END,
            last_call_end = greatest(s.last_call_end, EXCLUDED.last_call_end),
            hostile_streak = CASE WHEN NEW.hostile THEN s.hostile_streak + 1 ELSE 0 END,
            updated_at = now();
        END IF;
        PERFORM pg_notify('${FLOOR_EVENT_CHANNEL}', '');
        RETURN NULL;
      END $$`);
    // Only calls of the last 24 hours feed the live floor: a history import pays one comparison
    // per row and queues nothing.
    await q.query(`
      CREATE TRIGGER tr_calls_floor_event AFTER INSERT ON calls FOR EACH ROW
      WHEN (NEW.started_at > now() - interval '24 hours')
      EXECUTE FUNCTION floor_event_from_call()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tr_calls_floor_event ON calls`);
    await q.query(`DROP FUNCTION floor_event_from_call()`);
    await q.query(`DROP TABLE floor_agent_state`);
    await q.query(`DROP TABLE floor_event`);
    await q.query(`DROP TABLE quota_version`);
    await q.query(`DROP FUNCTION forbid_quota_version_change()`);
    await q.query(`DROP TABLE quota`);
  }
}

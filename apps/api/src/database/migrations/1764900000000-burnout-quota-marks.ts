import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Burnout's quota pressure (metrics.md §5) now reads the quotas, so a quota change makes the
 * snapshots of the agents it applies to stale (the `burnout_dirty` marks of the burnout
 * migration):
 *
 * - a new `quota_version` (create, change, end) marks the agent of an agent quota, or every
 *   member of the team of a per-member team quota, from its effective date;
 * - a quota's `ramp` switched on or off marks them from the quota's first version;
 * - a change of the new-hire ramp in the floor settings marks every agent from their hire date.
 *
 * Snapshots computed before this migration had no quota data (quota pressure "not measured"):
 * agents with a quota are marked from its first version so the job recomputes them.
 */
export class BurnoutQuotaMarks1764900000000 implements MigrationInterface {
  name = 'BurnoutQuotaMarks1764900000000';

  async up(q: QueryRunner): Promise<void> {
    // the agents a quota applies to, each from a date ($1 quota ids, $2 dates, paired)
    await q.query(`
      CREATE FUNCTION burnout_mark_quotas(quota_ids integer[], from_dates date[]) RETURNS void
      LANGUAGE sql AS $$
        SELECT burnout_mark(array_agg(a.id), array_agg(u.d))
        FROM unnest(quota_ids, from_dates) AS u(quota_id, d)
        JOIN quota qu ON qu.id = u.quota_id
        JOIN agent a ON (qu.scope = 'agent' AND a.id = qu.agent_id)
                     OR (qu.scope = 'team' AND qu.per_member AND a.team_id = qu.team_id)
        HAVING count(*) > 0
      $$`);
    await q.query(`
      CREATE FUNCTION burnout_mark_quota_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM burnout_mark_quotas(array_agg(quota_id), array_agg(effective_from)) FROM changed;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_burnout_quota_version AFTER INSERT ON quota_version
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
      EXECUTE FUNCTION burnout_mark_quota_version()`);
    await q.query(`
      CREATE FUNCTION burnout_mark_quota_ramp() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.ramp IS DISTINCT FROM OLD.ramp THEN
          PERFORM burnout_mark_quotas(ARRAY[NEW.id],
            ARRAY[(SELECT min(effective_from) FROM quota_version WHERE quota_id = NEW.id)]);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_burnout_quota_ramp AFTER UPDATE ON quota
      FOR EACH ROW EXECUTE FUNCTION burnout_mark_quota_ramp()`);
    await q.query(`
      CREATE FUNCTION burnout_mark_ramp_setting() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.key = 'floor_settings' AND (TG_OP = 'INSERT'
           OR (NEW.value->'ramp') IS DISTINCT FROM (OLD.value->'ramp')) THEN
          PERFORM burnout_mark(array_agg(id), array_agg(hire_date)) FROM agent HAVING count(*) > 0;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_burnout_ramp_setting AFTER INSERT OR UPDATE ON app_setting
      FOR EACH ROW EXECUTE FUNCTION burnout_mark_ramp_setting()`);
    await q.query(`
      SELECT burnout_mark_quotas(array_agg(quota_id), array_agg(first)) FROM (
        SELECT quota_id, min(effective_from) AS first FROM quota_version GROUP BY quota_id) v
      HAVING count(*) > 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tr_burnout_ramp_setting ON app_setting`);
    await q.query(`DROP FUNCTION burnout_mark_ramp_setting()`);
    await q.query(`DROP TRIGGER tr_burnout_quota_ramp ON quota`);
    await q.query(`DROP FUNCTION burnout_mark_quota_ramp()`);
    await q.query(`DROP TRIGGER tr_burnout_quota_version ON quota_version`);
    await q.query(`DROP FUNCTION burnout_mark_quota_version()`);
    await q.query(`DROP FUNCTION burnout_mark_quotas(integer[], date[])`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** NOTIFY channel told when anything a signed-in caller is made of changes. */
export const AUTH_CHANGED_CHANNEL = 'auth_changed';

/**
 * The API keeps the callers of recent tokens in memory (apps/api/src/app/auth/caller-cache.ts).
 * Every statement that changes what a caller is made of — any user row; an agent's team or code;
 * a team's manager — NOTIFYs every API process to forget them (statement triggers: one
 * notification per statement, and PostgreSQL folds repeats within a transaction into one).
 */
export class AuthChanged1765000000000 implements MigrationInterface {
  name = 'AuthChanged1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${AUTH_CHANGED_CHANNEL}', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER app_user_auth_changed
        AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON app_user
        FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_changed()`);
    await q.query(`
      CREATE TRIGGER agent_auth_changed
        AFTER INSERT OR UPDATE OF team_id, employee_code OR DELETE OR TRUNCATE ON agent
        FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_changed()`);
    await q.query(`
      CREATE TRIGGER team_auth_changed
        AFTER INSERT OR UPDATE OF manager_email OR DELETE OR TRUNCATE ON team
        FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER team_auth_changed ON team`);
    await q.query(`DROP TRIGGER agent_auth_changed ON agent`);
    await q.query(`DROP TRIGGER app_user_auth_changed ON app_user`);
    await q.query(`DROP FUNCTION notify_auth_changed()`);
  }
}

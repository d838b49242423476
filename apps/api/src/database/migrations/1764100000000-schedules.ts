import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schedules and pay (issue 4):
 * - the shift overlap constraint becomes DEFERRABLE (still checked at once by default), so a
 *   re-import that moves several shifts of one agent in one statement can be checked once, at
 *   the end, instead of failing on whichever row the statement happens to move first;
 * - `site_pay_rules`: the pay rules of metrics.md §4 per site and its pay period; a site without
 *   a row uses the defaults (40 h, 1.5×, night 22–06 +10 %, weekend Sat/Sun +10 %, holiday +50 %,
 *   no minimum reporting pay, bi-weekly periods from Monday 2025-12-29).
 */
export class Schedules1764100000000 implements MigrationInterface {
  name = 'Schedules1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE shift DROP CONSTRAINT ex_shift_agent_overlap`);
    await q.query(`
      ALTER TABLE shift ADD CONSTRAINT ex_shift_agent_overlap EXCLUDE USING gist (
        agent_id WITH =, tstzrange(start_at, end_at) WITH &&) DEFERRABLE INITIALLY IMMEDIATE`);
    await q.query(`
      CREATE TABLE site_pay_rules (
        site_id                  integer PRIMARY KEY REFERENCES site(id) ON DELETE CASCADE,
        contract_hours           double precision NOT NULL DEFAULT 40
                                 CHECK (contract_hours > 0 AND contract_hours <= 80),
        overtime_multiplier      double precision NOT NULL DEFAULT 1.5
                                 CHECK (overtime_multiplier >= 1 AND overtime_multiplier <= 4),
        night_start              smallint NOT NULL DEFAULT 22 CHECK (night_start BETWEEN 0 AND 23),
        night_end                smallint NOT NULL DEFAULT 6 CHECK (night_end BETWEEN 0 AND 23),
        night_pct                double precision NOT NULL DEFAULT 0.1 CHECK (night_pct BETWEEN 0 AND 2),
        weekend_pct              double precision NOT NULL DEFAULT 0.1 CHECK (weekend_pct BETWEEN 0 AND 2),
        holiday_pct              double precision NOT NULL DEFAULT 0.5 CHECK (holiday_pct BETWEEN 0 AND 2),
        weekend_days             smallint[] NOT NULL DEFAULT '{6,7}',
        min_reporting_pay_hours  double precision NOT NULL DEFAULT 0
                                 CHECK (min_reporting_pay_hours BETWEEN 0 AND 24),
        pay_period               text NOT NULL DEFAULT 'biweekly'
                                 CHECK (pay_period IN ('weekly','biweekly','semimonthly','monthly')),
        pay_period_anchor        date NOT NULL DEFAULT '2025-12-29'
                                 CHECK (extract(isodow FROM pay_period_anchor) = 1),
        updated_at               timestamptz NOT NULL DEFAULT now(),
        updated_by               integer REFERENCES app_user(id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE site_pay_rules`);
    await q.query(`ALTER TABLE shift DROP CONSTRAINT ex_shift_agent_overlap`);
    await q.query(`
      ALTER TABLE shift ADD CONSTRAINT ex_shift_agent_overlap EXCLUDE USING gist (
        agent_id WITH =, tstzrange(start_at, end_at) WITH &&)`);
  }
}

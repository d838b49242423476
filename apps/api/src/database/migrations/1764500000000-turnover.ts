import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cost-of-turnover assumptions per site (metrics.md §6: "configurable defaults: $1,500, 4 weeks,
 * 50 % productivity over 8 weeks"; "an admin can change it per site"). A site without a row uses
 * the defaults; HR and admin edit them on the Turnover page.
 */
export class Turnover1764500000000 implements MigrationInterface {
  name = 'Turnover1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE turnover_cost_setting (
        site_id            integer PRIMARY KEY REFERENCES site(id) ON DELETE CASCADE,
        recruiting_cents   integer NOT NULL CHECK (recruiting_cents >= 0),
        training_weeks     double precision NOT NULL CHECK (training_weeks >= 0 AND training_weeks <= 52),
        ramp_weeks         double precision NOT NULL CHECK (ramp_weeks >= 0 AND ramp_weeks <= 104),
        ramp_productivity  double precision NOT NULL CHECK (ramp_productivity >= 0 AND ramp_productivity <= 1),
        updated_by         integer REFERENCES app_user(id),
        updated_at         timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE turnover_cost_setting`);
  }
}

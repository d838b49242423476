import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Demo pay rules: Egypt and Bangladesh rest on Friday and Saturday, so the demo's Cairo and Dhaka
 * sites pay their weekend differential on those days; the other sites keep metrics.md's
 * defaults (Saturday and Sunday). Shows that the rules are per site; an admin changes them on the
 * Schedules page.
 */
@Injectable()
export class SchedulesDemoSeeder {
  constructor(private readonly db: DataSource) {}

  async seed(): Promise<void> {
    await this.db.query(
      `INSERT INTO site_pay_rules (site_id, weekend_days)
       SELECT id, '{5,6}' FROM site WHERE site_code IN ('CAI', 'DAC')
       ON CONFLICT (site_id) DO NOTHING`,
    );
  }
}

import { createTestApp, TestApp } from '../../../test/test-app';
import { SchedulesDemoSeeder } from './schedules-demo.seeder';

describe('demo pay rules', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('gives the demo Cairo and Dhaka sites a Friday–Saturday weekend, the others the defaults', async () => {
    await t.sql.query(`
      INSERT INTO site (site_code, name, time_zone) VALUES
        ('CHI', 'Chicago', 'America/Chicago'), ('CAI', 'Cairo', 'Africa/Cairo'),
        ('DAC', 'Dhaka', 'Asia/Dhaka')`);
    await t.app.get(SchedulesDemoSeeder).seed();
    await t.app.get(SchedulesDemoSeeder).seed(); // a second run changes nothing
    const rules = await t.sql.query(
      `SELECT s.site_code, r.weekend_days, r.night_pct, r.pay_period
       FROM site s LEFT JOIN site_pay_rules r ON r.site_id = s.id ORDER BY s.site_code`,
    );
    expect(rules.rows).toEqual([
      { site_code: 'CAI', weekend_days: [5, 6], night_pct: 0.1, pay_period: 'biweekly' },
      { site_code: 'CHI', weekend_days: null, night_pct: null, pay_period: null },
      { site_code: 'DAC', weekend_days: [5, 6], night_pct: 0.1, pay_period: 'biweekly' },
    ]);
  });
});

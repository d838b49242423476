import { DateTime } from 'luxon';
import { createTestApp, seedOrg, seedUsers, TestApp } from '../../../test/test-app';

describe('staffing', () => {
  let t: TestApp;
  let tokens: Awaited<ReturnType<typeof seedUsers>>;

  beforeAll(async () => {
    t = await createTestApp();
    await seedOrg(t);
    tokens = await seedUsers(t);
  });
  afterAll(() => t.close());

  const erlang = (query: string, token = tokens.m1) =>
    t.http().get(`/api/staffing/erlang-c?${query}`).set('Authorization', `Bearer ${token}`);

  it("should give pyworkforce's published figures for 100 calls in 30 minutes at 180 s", async () => {
    const r = await erlang(
      'calls=100&intervalMinutes=30&ahtSeconds=180&targetServiceLevel=0.8&targetAnswerSeconds=20&maxOccupancy=0.85&shrinkage=0.3',
    );
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(
      [
        'agents',
        'asaSeconds',
        'occupancy',
        'rawAgents',
        'serviceLevel',
        'trafficErlangs',
        'waitProbability',
      ].sort(),
    );
    expect(r.body.trafficErlangs).toBe(10);
    expect(r.body.rawAgents).toBe(14);
    expect(r.body.agents).toBe(20);
    expect(r.body.serviceLevel).toBeCloseTo(0.88835, 5);
    expect(r.body.waitProbability).toBeCloseTo(0.17413, 5);
    const capped = await erlang(
      'calls=100&intervalMinutes=30&ahtSeconds=180&targetServiceLevel=0.8&targetAnswerSeconds=20&maxOccupancy=0.7&shrinkage=0.3',
    );
    expect([capped.body.rawAgents, capped.body.agents]).toEqual([15, 22]);
  });

  it.each([
    ['ahtSeconds=0', /ahtSeconds/],
    ['ahtSeconds=-5', /ahtSeconds/],
    ['targetServiceLevel=1', /targetServiceLevel/],
    ['targetServiceLevel=0', /targetServiceLevel/],
    ['shrinkage=1', /shrinkage/],
    ['calls=abc', /calls must be a number/],
    ['bogus=1', /unknown parameter bogus/],
  ])('should refuse the impossible input %s with a 400 naming it', async (bad, message) => {
    const base = new URLSearchParams(
      'calls=100&intervalMinutes=30&ahtSeconds=180&targetServiceLevel=0.8&targetAnswerSeconds=20',
    );
    const [k, v] = bad.split('=');
    base.set(k, v);
    const r = await erlang(base.toString());
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(message);
  });

  it('should staff fewer agents with Erlang A when callers abandon, and refuse a missing patience', async () => {
    const base =
      'calls=100&intervalMinutes=30&ahtSeconds=180&targetServiceLevel=0.8&targetAnswerSeconds=20';
    const a = await t
      .http()
      .get(`/api/staffing/erlang-a?${base}&patienceSeconds=60`)
      .set('Authorization', `Bearer ${tokens.m1}`);
    expect(a.status).toBe(200);
    expect(a.body.model).toBe('erlang-a');
    expect(a.body.rawAgents).toBeLessThanOrEqual(14);
    expect(a.body.abandonProbability).toBeGreaterThan(0);
    expect(a.body.abandonProbability).toBeLessThan(0.2);
    const missing = await t
      .http()
      .get(`/api/staffing/erlang-a?${base}`)
      .set('Authorization', `Bearer ${tokens.m1}`);
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/patience/i);
  });

  it('should refuse agents (a manager tool)', async () => {
    expect((await erlang('calls=10&ahtSeconds=100', tokens.a1)).status).toBe(403);
  });

  it('should forecast a week of a campaign with required agents and the back-tested error', async () => {
    // Eight weeks of a steady pattern: 10 offered calls at 09:00–09:30 every weekday (local).
    const { rows } = await t.sql.query(
      `SELECT to_char((now() AT TIME ZONE 'America/Chicago')::date, 'YYYY-MM-DD') AS today`,
    );
    const today: string = rows[0].today;
    const lines = [
      'call_id,employee_code,campaign_code,channel,direction,started_at,queue_seconds,talk_seconds,hold_seconds,wrap_seconds,outcome',
    ];
    let n = 0;
    for (let d = 56; d >= 1; d--) {
      const date = new Date(Date.parse(`${today}T12:00:00Z`) - d * 86_400_000);
      const iso = date.toISOString().slice(0, 10);
      for (let i = 0; i < 10; i++) {
        // 09:0i local in Chicago, whatever the daylight-saving offset of that date.
        const at = DateTime.fromISO(`${iso}T09:0${i}:00`, { zone: 'America/Chicago' }).toISO();
        lines.push(`F${++n},A1,SUP,phone,inbound,${at},5,200,0,40,resolved`);
      }
    }
    const imp = await t
      .http()
      .post('/api/imports/calls')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .set('Content-Type', 'text/csv')
      .send(lines.join('\n'));
    expect(imp.status).toBe(200);
    const r = await t
      .http()
      .get('/api/staffing/forecast?campaignCode=SUP&intervalMinutes=30')
      .set('Authorization', `Bearer ${tokens.m1}`);
    expect(r.status).toBe(200);
    expect(r.body.startDate).toBe(today);
    expect(r.body.slots).toHaveLength(7 * 48);
    const nine = r.body.slots.filter((s: { start: string }) => s.start === '09:00');
    for (const s of nine) {
      expect(s.offered).toBeCloseTo(10, 9);
      expect(s.ahtSeconds).toBeCloseTo(240, 9);
      expect(s.agents).toBeGreaterThan(0);
    }
    const quiet = r.body.slots.filter((s: { start: string }) => s.start === '03:00');
    expect(quiet.every((s: { agents: number }) => s.agents === 0)).toBe(true);
    expect(r.body.backtest.mape).toBeCloseTo(0, 9);
    expect(r.body.backtest.wape).toBeCloseTo(0, 9);
  });
});

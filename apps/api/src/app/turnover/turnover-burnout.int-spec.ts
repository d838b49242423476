import type {
  BurnoutAgentRow,
  FlightRiskDto,
  TurnoverDriversDto,
  TurnoverSummary,
} from '@floorwise/contracts';
import { createTestApp, seedOrg, seedUsers, TestApp } from '../../../test/test-app';
import { plusDays } from '../burnout/burnout-calculator';
import { BurnoutService } from '../burnout/burnout.service';
import { BurnoutSnapshotJob } from '../burnout/burnout-snapshot.job';

/**
 * Turnover reads the burnout index from the burnout feature, its one source: the band at
 * separation (summary `groupBy=burnout_band`), the burnout driver and the flight-risk list's
 * index, band, drivers and 28-day change are the stored daily snapshots where there is a current
 * one, and the burnout service's own computation where there is none (a date older than the
 * job's history, one not computed yet, a snapshot made stale by a change).
 *
 * Dates are relative to the burnout job's last complete day (`last`), so the job's 120-day
 * history covers some of them and not others: A3 leaves 200 days before `last` (never stored),
 * B2 30 days before (stored once the job has run); A1 works every day up to `last`; A2 and B1
 * have no shifts (no index).
 */
describe('turnover reads burnout from the burnout feature', () => {
  let t: TestApp;
  let tokens: Awaited<ReturnType<typeof seedUsers>>;
  let last: string;
  let a3Sep: string;
  let b2Sep: string;
  let from: string;
  let ids: Record<string, number>;

  const get = async <T>(url: string): Promise<T> => {
    const r = await t.http().get(url).set('Authorization', `Bearer ${tokens.hr}`);
    expect({ url, status: r.status, message: r.body.message }).toEqual({
      url,
      status: 200,
      message: undefined,
    });
    return r.body as T;
  };
  /** The burnout feature's own answer for an agent on a date (`GET /api/burnout/agents`). */
  const burnoutOn = async (code: string, asOf: string): Promise<BurnoutAgentRow> => {
    const rows = await get<BurnoutAgentRow[]>(`/api/burnout/agents?asOf=${asOf}`);
    return rows.find((r) => r.employeeCode === code) as BurnoutAgentRow;
  };
  /** Summary groups as {band: agents} (all five are employed on the range's first day). */
  const summaryBands = async (to: string) => {
    const s = await get<TurnoverSummary>(
      `/api/turnover/summary?from=${from}&to=${to}&groupBy=burnout_band`,
    );
    return Object.fromEntries(s.groups.map((g) => [g.key, g.months[0].headcountStart]));
  };
  /** The burnout driver's non-empty bands as {band: [agents, separations]}. */
  const burnoutDriver = async (rangeFrom: string, to: string) => {
    const d = await get<TurnoverDriversDto>(`/api/turnover/drivers?from=${rangeFrom}&to=${to}`);
    return Object.fromEntries(
      (d.drivers.find((x) => x.driver === 'burnout')?.bands ?? [])
        .filter((b) => b.agents > 0)
        .map((b) => [b.band, [b.agents, b.separations]]),
    );
  };
  const count = (bands: (string | null)[]) => {
    const out: Record<string, number> = {};
    for (const b of bands) {
      out[b ?? 'none'] = (out[b ?? 'none'] ?? 0) + 1;
    }
    return out;
  };
  const flightRiskOf = async (code: string) =>
    (await get<FlightRiskDto>(`/api/turnover/flight-risk?asOf=${last}&limit=50`)).rows.find(
      (r) => r.employeeCode === code,
    );

  beforeAll(async () => {
    t = await createTestApp();
    await seedOrg(t);
    tokens = await seedUsers(t);
    last = await t.app.get(BurnoutSnapshotJob).latestAsOf();
    a3Sep = plusDays(last, -200);
    b2Sep = plusDays(last, -30);
    from = `${plusDays(a3Sep, -10).slice(0, 8)}01`;
    await t.sql.query(
      `UPDATE agent SET termination_date = $1, termination_type = 'voluntary' WHERE employee_code = 'A3'`,
      [a3Sep],
    );
    await t.sql.query(
      `UPDATE agent SET termination_date = $1, termination_type = 'involuntary' WHERE employee_code = 'B2'`,
      [b2Sep],
    );
    // worked shifts every day from $2 to $3 between two local hours, with 50 calls a day of
    // 9m20s handle time, 4 of them hostile
    const work = async (code: string, zone: string, days: [string, string], hours: string) => {
      const [start, end] = hours.split('-');
      await t.sql.query(
        `INSERT INTO shift (shift_code, agent_id, start_at, end_at, local_date, status, actual_start, actual_end)
         SELECT a.employee_code || '-' || d::date, a.id,
           (d::date + $4::time) AT TIME ZONE $5, (d::date + $6::time) AT TIME ZONE $5, d::date,
           'worked', (d::date + $4::time) AT TIME ZONE $5, (d::date + $6::time) AT TIME ZONE $5
         FROM agent a, generate_series($2::date, $3::date, interval '1 day') d
         WHERE a.employee_code = $1`,
        [code, days[0], days[1], start, zone, end],
      );
      await t.sql.query(
        `INSERT INTO call_rollup_day (local_date, campaign_id, agent_id, team_id, answered, handle_seconds, hostile)
         SELECT d::date, (SELECT id FROM campaign WHERE campaign_code = 'SUP'), a.id, a.team_id,
           50, 50 * 560, 4
         FROM agent a, generate_series($2::date, $3::date, interval '1 day') d
         WHERE a.employee_code = $1`,
        [code, days[0], days[1]],
      );
    };
    await work('A1', 'America/Chicago', [plusDays(last, -60), last], '08:00-18:00');
    await work('A3', 'America/Chicago', [plusDays(a3Sep, -40), a3Sep], '20:00-23:59');
    await work('B2', 'Europe/Istanbul', [plusDays(b2Sep, -40), b2Sep], '09:00-19:00');
    const rows = await t.sql.query(`SELECT employee_code, id FROM agent`);
    ids = Object.fromEntries(rows.rows.map((r) => [r.employee_code, r.id]));
  });
  afterAll(() => t.close());

  it('without snapshots, shows the burnout service’s own computation on each agent’s last day', async () => {
    expect((await t.sql.query(`SELECT count(*)::int AS n FROM burnout_snapshot`)).rows[0].n).toBe(
      0,
    );
    const a1 = await burnoutOn('A1', last);
    const a3 = await burnoutOn('A3', a3Sep);
    const b2 = await burnoutOn('B2', b2Sep);
    // the three who worked have an index; A2 and B1 have none
    expect([a1.band, a3.band, b2.band].every((b) => b !== null)).toBe(true);
    const bands = [a1.band, null, a3.band, null, b2.band];
    expect(await summaryBands(last)).toEqual(count(bands));
    // the drivers: the BRI on each exposure window's last day; A3 and B2 are the exits
    const exits = (band: string | null) => [a3.band, b2.band].filter((b) => b === band).length;
    expect(await burnoutDriver(from, last)).toEqual(
      Object.fromEntries(
        Object.entries(count(bands)).map(([band, n]) =>
          band === 'none' ? ['no data', [n, 0]] : [band, [n, exits(band)]],
        ),
      ),
    );
    const a1Risk = await flightRiskOf('A1');
    expect([a1Risk?.burnoutIndex, a1Risk?.burnoutBand, a1Risk?.burnoutDrivers]).toEqual([
      a1.index,
      a1.band,
      a1.drivers,
    ]);
    // the one method they come through: every reading computed, nothing stored yet
    const readings = await t.app.get(BurnoutService).indicesAt([
      { agentId: ids['A1'], asOf: last },
      { agentId: ids['A3'], asOf: a3Sep },
    ]);
    expect(readings.get(ids['A1'])?.get(last)).toEqual({
      agentId: ids['A1'],
      asOf: last,
      index: a1.index,
      band: a1.band,
      drivers: a1.drivers,
      source: 'computed',
    });
    expect(readings.get(ids['A3'])?.get(a3Sep)?.source).toBe('computed');
  });

  it('after the job has run, reads the stored snapshots: the same figures, and what is stored is what it shows', async () => {
    const before = {
      summary: await summaryBands(last),
      // ranges differ between calls: the drivers keep a population's exposures 5 minutes
      drivers: await burnoutDriver(plusDays(from, 1), last),
      risk: await get<FlightRiskDto>(`/api/turnover/flight-risk?asOf=${last}&limit=50`),
    };
    await t.app.get(BurnoutSnapshotJob).drain();
    const stored = async (code: string, asOf: string) =>
      (
        await t.sql.query(
          `SELECT count(*)::int AS n FROM burnout_snapshot WHERE agent_id = $1 AND as_of = $2`,
          [ids[code], asOf],
        )
      ).rows[0].n;
    expect([
      await stored('A1', last),
      await stored('B2', b2Sep),
      await stored('A3', a3Sep),
    ]).toEqual([1, 1, 0]);
    const service = t.app.get(BurnoutService);
    const readings = await service.indicesAt([
      { agentId: ids['A1'], asOf: last },
      { agentId: ids['B2'], asOf: b2Sep },
      { agentId: ids['A3'], asOf: a3Sep },
    ]);
    expect([
      readings.get(ids['A1'])?.get(last)?.source,
      readings.get(ids['B2'])?.get(b2Sep)?.source,
      // older than the job's history: the service computes it
      readings.get(ids['A3'])?.get(a3Sep)?.source,
    ]).toEqual(['snapshot', 'snapshot', 'computed']);
    // the snapshots and the on-demand computation agree: no figure moves
    expect(await summaryBands(last)).toEqual(before.summary);
    expect(await burnoutDriver(plusDays(from, 2), last)).toEqual(before.drivers);
    expect(
      (await get<FlightRiskDto>(`/api/turnover/flight-risk?asOf=${last}&limit=50`)).rows,
    ).toEqual(before.risk.rows);

    // what turnover shows is the stored row: overwrite A1's snapshots of `last` and of 28 days
    // before, and B2's of their last day
    const overwrite = (code: string, asOf: string, bri: number, band: string, drivers?: string[]) =>
      t.sql.query(
        `UPDATE burnout_snapshot SET bri = $3, band = $4, drivers = coalesce($5::text[], drivers)
         WHERE agent_id = $1 AND as_of = $2`,
        [ids[code], asOf, bri, band, drivers ?? null],
      );
    await overwrite('A1', last, 91, 'critical', ['recovery', 'overtime']);
    await overwrite('A1', plusDays(last, -28), 40, 'elevated');
    await overwrite('B2', b2Sep, 62, 'high');
    const a3 = await burnoutOn('A3', a3Sep);
    expect(await summaryBands(last)).toEqual(count(['critical', null, a3.band, null, 'high']));
    const drivers = await burnoutDriver(plusDays(from, 3), last);
    expect([drivers['critical'], drivers['high']]).toEqual([
      [1, 0],
      [1, 1],
    ]);
    const a1 = await flightRiskOf('A1');
    expect([a1?.burnoutIndex, a1?.burnoutBand, a1?.burnoutDrivers]).toEqual([
      91,
      'critical',
      ['recovery', 'overtime'],
    ]);
    expect(a1?.changes).toContainEqual({
      kind: 'burnout_rising',
      text: 'BRI up 51 points in 4 weeks (40 → 91)',
    });

    // a range ending after the last complete day reads that day's index, not one of a day still
    // being worked or of the future
    expect(await summaryBands(plusDays(last, 20))).toEqual(
      count(['critical', null, a3.band, null, 'high']),
    );

    // a change since the snapshot makes it stale: the service computes A1 again
    await t.sql.query(`INSERT INTO burnout_dirty (agent_id, from_date) VALUES ($1, $2::date)`, [
      ids['A1'],
      plusDays(last, -3),
    ]);
    const again = await service.indicesAt([{ agentId: ids['A1'], asOf: last }]);
    expect(again.get(ids['A1'])?.get(last)?.source).toBe('computed');
    const a1Now = await burnoutOn('A1', last);
    expect(a1Now.index).not.toBe(91);
    expect(await summaryBands(last)).toEqual(count([a1Now.band, null, a3.band, null, 'high']));
  });
});

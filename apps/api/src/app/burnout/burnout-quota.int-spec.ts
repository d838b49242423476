import type { BurnoutAgentDetail, BurnoutAgentRow, BurnoutTeamView } from '@floorwise/contracts';
import { createTestApp, seedOrg, seedUsers, TestApp } from '../../../test/test-app';
import { BurnoutSnapshotJob } from './burnout-snapshot.job';

/**
 * Quota pressure (metrics.md §5) through the real tables: A3 (team T1, Chicago, hired 2025, so
 * no ramp) works 11 days of W = 2026-01-04 … 01-31 with a known number of handled calls per
 * shift; the quotas are inserted as the quotas feature stores them (effective-dated versions).
 */
const AS_OF = '2026-01-31';
const at = (date: string, hm: string) => `${date}T${hm}:00-06:00`;
const jan = (d: number) => `2026-01-${String(d).padStart(2, '0')}`;

/** Day of January → handled calls of that day's 09:00–17:00 shift (sales on the 16th). */
const CALLS: Record<number, number> = {
  5: 10,
  6: 9,
  7: 10,
  8: 11,
  9: 5,
  12: 11,
  13: 12,
  14: 12,
  15: 12,
  16: 12,
};

/**
 * Hand-worked reference. Team T1's per-member shift target is 10 until 01-11 and 12 from 01-12
 * (a version change mid-window); A3's own day quota of 1 sale from 01-16; an AHT limit of 60 s
 * that every call breaks (a rate quota: ignored); a team total of 1,000 calls a day (not a
 * per-member target: not A3's).
 *   01-06: 9 < 10 missed · 01-09: 5 < 10 missed · 01-12: 11 < 12 missed ·
 *   01-19: sent home for low volume after 3 calls (shift not judged) but 0 sales < 1 → missed ·
 *   01-05, 07, 08 (≥ 10), 13–16 (12 ≥ 12; one sale on the 16th) met.
 * Worked days 11, missed 4: raw = 4/11; score = (4/11 − 0.10) ÷ (0.60 − 0.10); points = 10 × score.
 */
const MISSED = [jan(6), jan(9), jan(12), jan(19)];
const RAW = 4 / 11;
const POINTS = 100 * 0.1 * ((RAW - 0.1) / 0.5);

describe('quota pressure from the quotas', () => {
  let t: TestApp;
  let tokens: Awaited<ReturnType<typeof seedUsers>>;
  const get = (url: string, token: string) =>
    t.http().get(url).set('Authorization', `Bearer ${token}`);
  const a3Row = async () =>
    (
      (await get(`/api/burnout/agents?asOf=${AS_OF}&teamCode=T1`, tokens.admin))
        .body as BurnoutAgentRow[]
    ).find((r) => r.employeeCode === 'A3') as BurnoutAgentRow;
  const storedA3 = async () =>
    (
      await t.sql.query(
        `SELECT s.bri, s.components FROM burnout_snapshot s JOIN agent a ON a.id = s.agent_id
         WHERE a.employee_code = 'A3' AND s.as_of = $1`,
        [AS_OF],
      )
    ).rows[0] as { bri: number; components: BurnoutAgentRow['components'] };

  beforeAll(async () => {
    t = await createTestApp({ BURNOUT_JOB: 'false', BURNOUT_HISTORY_DAYS: '400' });
    await seedOrg(t);
    tokens = await seedUsers(t);
    const shifts: { code: string; agent: string; day: number; status: string; end: string }[] = [
      ...Object.keys(CALLS).map((d) => ({
        code: `Q3-${d}`,
        agent: 'A3',
        day: Number(d),
        status: 'worked',
        end: '17:00',
      })),
      { code: 'Q3-19', agent: 'A3', day: 19, status: 'sent_home', end: '11:00' },
      // B1 (T2, no quota of any kind): one worked shift
      { code: 'QB-20', agent: 'B1', day: 20, status: 'worked', end: '17:00' },
    ];
    for (const s of shifts) {
      await t.sql.query(
        `INSERT INTO shift (shift_code, agent_id, start_at, end_at, local_date, kind, break_minutes,
                            status, actual_start, actual_end, send_home_reason)
         SELECT $1, a.id, $3::timestamptz, $4::timestamptz, $5::date, 'regular', 0, $6, $3::timestamptz,
                $7::timestamptz, $8
         FROM agent a WHERE a.employee_code = $2`,
        [
          s.code,
          s.agent,
          at(jan(s.day), '09:00'),
          at(jan(s.day), '17:00'),
          jan(s.day),
          s.status,
          at(jan(s.day), s.end),
          s.status === 'sent_home' ? 'low_volume' : null,
        ],
      );
    }
    const calls = [
      ...Object.entries(CALLS).flatMap(([d, n]) =>
        Array.from({ length: n }, (_, i) => ({
          call_id: `Q3-${d}-${i}`,
          employee_code: 'A3',
          started_at: at(
            jan(Number(d)),
            `${String(9 + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`,
          ),
          outcome: Number(d) === 16 && i === 0 ? 'sale' : 'resolved',
        })),
      ),
      ...[0, 1, 2].map((i) => ({
        call_id: `Q3-19-${i}`,
        employee_code: 'A3',
        started_at: at(jan(19), `09:${String(i * 15).padStart(2, '0')}`),
        outcome: 'resolved',
      })),
      {
        call_id: 'QB-20-0',
        employee_code: 'B1',
        started_at: '2026-01-20T10:00:00+03:00',
        outcome: 'resolved',
      },
    ].map((c) => ({
      ...c,
      campaign_code: 'SUP',
      channel: 'phone',
      direction: 'inbound',
      queue_seconds: 10,
      talk_seconds: 240,
      hold_seconds: 30,
      wrap_seconds: 30,
      hostile: false,
    }));
    const r = await t
      .http()
      .post('/api/calls')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .send(calls);
    expect(r.status).toBe(200);
  });
  afterAll(() => t.close());

  async function insertQuotas(): Promise<void> {
    const quota = async (
      subject: string,
      perMember: boolean,
      metric: string,
      period: string,
      comparator: string,
      versions: [string, number][],
    ) => {
      const [{ id }] = (
        await t.sql.query(
          `INSERT INTO quota (scope, agent_id, team_id, per_member, metric, period, comparator)
           SELECT CASE WHEN $1 LIKE 'T%' THEN 'team' ELSE 'agent' END,
                  (SELECT id FROM agent WHERE employee_code = $1), (SELECT id FROM team WHERE team_code = $1),
                  $2, $3, $4, $5
           RETURNING id`,
          [subject, perMember, metric, period, comparator],
        )
      ).rows;
      for (const [from, target] of versions) {
        await t.sql.query(
          `INSERT INTO quota_version (quota_id, effective_from, target) VALUES ($1, $2, $3)`,
          [id, from, target],
        );
      }
    };
    await quota('T1', true, 'calls_handled', 'shift', 'at_least', [
      ['2025-12-01', 10],
      ['2026-01-12', 12],
    ]);
    await quota('A3', false, 'sales', 'day', 'at_least', [['2026-01-16', 1]]);
    await quota('A3', false, 'aht_seconds', 'shift', 'at_most', [['2025-12-01', 60]]);
    await quota('T1', false, 'calls_handled', 'day', 'at_least', [['2025-12-01', 1000]]);
  }

  it('reports quota pressure as not measured while no quota exists, then as missed ÷ worked days once one does', async () => {
    const job = t.app.get(BurnoutSnapshotJob);
    await job.drain();
    const before = await a3Row();
    expect(before.components.quota_pressure).toEqual({ raw: null, score: 0, points: 0 });
    const storedBefore = await storedA3();
    expect(storedBefore.bri).toBe(before.index);

    await insertQuotas();
    // the quota versions marked A3 (and the rest of T1) stale: the job recomputes them
    const marked = await t.sql.query(
      `SELECT a.employee_code FROM burnout_dirty d JOIN agent a ON a.id = d.agent_id ORDER BY 1`,
    );
    expect(marked.rows.map((r) => r.employee_code)).toEqual(['A1', 'A2', 'A3']);
    expect((await job.drain()).snapshots).toBeGreaterThan(0);

    const after = await a3Row();
    expect(after.components.quota_pressure.raw).toBeCloseTo(RAW, 12);
    expect(after.components.quota_pressure.score).toBeCloseTo((RAW - 0.1) / 0.5, 12);
    expect(after.components.quota_pressure.points).toBeCloseTo(POINTS, 9);
    // every other component is untouched; the index moves by the hand-computed points
    const others = (row: BurnoutAgentRow) =>
      Object.entries(row.components)
        .filter(([name]) => name !== 'quota_pressure')
        .map(([name, c]) => [name, c.points]);
    expect(others(after)).toEqual(others(before));
    const otherSum = Object.entries(before.components)
      .filter(([name]) => name !== 'quota_pressure')
      .reduce((s, [, c]) => s + c.points, 0);
    expect(before.index).toBe(Math.round(otherSum));
    expect(after.index).toBe(Math.round(otherSum + POINTS));
    expect(after.index).not.toBe(before.index);

    // the stored snapshot carries it, with its source
    const stored = await storedA3();
    expect(stored.bri).toBe(after.index);
    expect(stored.components.quota_pressure).toMatchObject({
      raw: expect.closeTo(RAW, 12),
      detail: { source: 'quotas', missedDays: 4, workedDays: 11 },
    });
  });

  it('marks the missed days in the drill-down and says the team view measures quotas', async () => {
    const d = (await get(`/api/burnout/agents/A3?asOf=${AS_OF}`, tokens.admin))
      .body as BurnoutAgentDetail;
    expect(d.quotaSource).toBe('quotas');
    expect(d.days.filter((x) => x.quotaMissed === true).map((x) => x.date)).toEqual(MISSED);
    expect(d.components.quota_pressure.detail).toEqual({
      source: 'quotas',
      missedDays: 4,
      workedDays: 11,
    });
    const team = (await get(`/api/burnout/team?asOf=${AS_OF}&teamCode=T1`, tokens.admin))
      .body as BurnoutTeamView;
    expect(team.quotaSource).toBe('quotas');
  });

  it('keeps quota pressure not measured for an agent no quota applies to', async () => {
    const rows = (await get(`/api/burnout/agents?asOf=${AS_OF}&teamCode=T2`, tokens.admin))
      .body as BurnoutAgentRow[];
    const b1 = rows.find((r) => r.employeeCode === 'B1') as BurnoutAgentRow;
    expect(b1.index).not.toBeNull();
    expect(b1.components.quota_pressure).toEqual({ raw: null, score: 0, points: 0 });
    const d = (await get(`/api/burnout/agents/B1?asOf=${AS_OF}`, tokens.admin))
      .body as BurnoutAgentDetail;
    expect(d.quotaSource).toBe('none');
  });

  it('marks the agents of a quota stale when its target changes or its ramp is switched', async () => {
    const job = t.app.get(BurnoutSnapshotJob);
    await job.drain();
    await t.sql.query(
      `INSERT INTO quota_version (quota_id, effective_from, target)
       SELECT id, '2026-01-20', 9 FROM quota WHERE metric = 'sales'`,
    );
    const marks = await t.sql.query(
      `SELECT a.employee_code, d.from_date::text AS from_date FROM burnout_dirty d JOIN agent a ON a.id = d.agent_id`,
    );
    expect(marks.rows).toEqual([{ employee_code: 'A3', from_date: '2026-01-20' }]);
    await job.drain();
    await t.sql.query(
      `UPDATE quota SET ramp = false WHERE metric = 'calls_handled' AND per_member`,
    );
    const ramp = await t.sql.query(
      `SELECT a.employee_code, d.from_date::text AS from_date FROM burnout_dirty d JOIN agent a ON a.id = d.agent_id ORDER BY 1`,
    );
    expect(ramp.rows.map((r) => [r.employee_code, r.from_date])).toEqual([
      ['A1', '2025-12-01'],
      ['A2', '2025-12-01'],
      ['A3', '2025-12-01'],
    ]);
  });
});

import fc from 'fast-check';
import { DateTime } from 'luxon';
import { DEFAULT_FLOOR_SETTINGS } from './floor-settings';
import {
  floorAgentFigures,
  groupFigures,
  localDayWindow,
  localWeekWindow,
  periodClock,
} from './floor-figures';
import { pacingFromElapsed } from './quota-pacing';
import { emptyQuotaSums, QuotaSums } from './quota-sums';
import { AppliedQuota } from './effective-quota';

const H = 3_600_000;
const start = Date.parse('2026-05-04T14:00:00Z'); // 09:00 Chicago
const end = start + 8 * H;

/** The spec's formulas written out plainly (metrics.md §3), as an independent reference. */
function referencePacing(target: number, actual: number, f: number) {
  const expected = target * f;
  const status =
    f === 0
      ? actual > 0
        ? 'ahead'
        : 'on_pace'
      : actual >= 1.05 * expected - 1e-9
        ? 'ahead'
        : actual < 0.9 * expected - 1e-9
          ? 'behind'
          : 'on_pace';
  return { expected, status, projected: f >= 0.1 - 1e-12 ? actual / f : null };
}

const sums = (s: Partial<QuotaSums>): QuotaSums => ({ ...emptyQuotaSums(), ...s });
const quota = (q: Partial<AppliedQuota>): AppliedQuota => ({
  quotaId: 1,
  source: 'agent',
  metric: 'calls_handled',
  period: 'shift',
  comparator: 'at_least',
  baseTarget: 80,
  rampFraction: 1,
  target: 80,
  ...q,
});

function agentAt(nowMs: number, over: Partial<Parameters<typeof floorAgentFigures>[0]> = {}) {
  const clock = periodClock([{ startMs: start, endMs: end }], nowMs);
  return floorAgentFigures({
    nowMs,
    shift: { startMs: start, endMs: end, breakMinutes: 30 },
    sums: { shift: sums({}), day: sums({}), week: sums({}) },
    clocks: { shift: clock, day: clock, week: clock },
    quotas: [quota({})],
    state: { lastCallEndMs: null, hostileStreak: 0, lastBreakEndMs: null },
    weekWorkedBeforeSeconds: 0,
    contractHours: 40,
    settings: DEFAULT_FLOOR_SETTINGS,
    ...over,
  });
}

describe('floor pacing, hand-made cases', () => {
  it('is ahead with 31 of 80 calls at 3 h of an 8 h shift (expected 30, projected 82.67)', () => {
    const now = start + 3 * H;
    const r = agentAt(now, {
      sums: { shift: sums({ callsHandled: 31 }), day: sums({ callsHandled: 31 }), week: sums({}) },
    });
    const q = r.quotas[0];
    expect(q.expected).toBe(30);
    expect(q.status).toBe('on_pace'); // 31 < 1.05 × 30 = 31.5
    expect(q.projected).toBeCloseTo(82.6667, 3);
    expect(q.progress).toBeCloseTo(31 / 80, 12);
    const ahead = agentAt(now, {
      sums: { shift: sums({ callsHandled: 32 }), day: sums({}), week: sums({}) },
    }).quotas[0];
    expect(ahead.status).toBe('ahead');
  });

  it('is behind with 26 of 80 at 3 h (26 < 0.9 × 30 = 27) and far behind under 0.7 × 30 = 21', () => {
    const now = start + 3 * H;
    const behind = agentAt(now, {
      sums: { shift: sums({ callsHandled: 26 }), day: sums({}), week: sums({}) },
    });
    expect(behind.quotas[0].status).toBe('behind');
    expect(behind.alerts.map((a) => a.kind)).not.toContain('far_behind');
    const far = agentAt(now, {
      sums: { shift: sums({ callsHandled: 20 }), day: sums({}), week: sums({}) },
    });
    expect(far.alerts.map((a) => a.kind)).toContain('far_behind');
    expect(far.alerts.find((a) => a.kind === 'far_behind')?.message).toBe(
      'calls 20 of 30 expected by now (shift)',
    );
  });

  it('does not call anyone far behind in the first quarter of the shift', () => {
    const r = agentAt(start + 1 * H, {
      sums: { shift: sums({ callsHandled: 0 }), day: sums({}), week: sums({}) },
    });
    expect(r.quotas[0].status).toBe('behind');
    expect(r.alerts).toEqual([]);
  });

  it('matches the reference formulas for any count, target and time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 480 }),
        (target, actual, minute) => {
          const got = pacingFromElapsed({
            target,
            actual,
            comparator: 'at_least',
            metric: 'calls_handled',
            elapsedMs: minute * 60_000,
            durationMs: 480 * 60_000,
          });
          const ref = referencePacing(target, actual, minute / 480);
          expect(got.status).toBe(ref.status);
          expect(got.expected).toBeCloseTo(ref.expected, 9);
          if (ref.projected === null) {
            expect(got.projected).toBeNull();
          } else {
            expect(got.projected).toBeCloseTo(ref.projected, 9);
          }
        },
      ),
    );
  });
});

describe('weekly and team clocks', () => {
  it('counts only scheduled time: Tuesday noon of a 5 × 8 h week is 12 of 40 h', () => {
    const mon = Date.parse('2026-05-04T14:00:00Z');
    const days = [0, 1, 2, 3, 4].map((d) => ({
      startMs: mon + d * 24 * H,
      endMs: mon + d * 24 * H + 8 * H,
    }));
    const clock = periodClock(days, mon + 24 * H + 4 * H);
    expect(clock).toEqual({ elapsedMs: 12 * H, durationMs: 40 * H });
    const p = pacingFromElapsed({ target: 400, actual: 100, comparator: 'at_least', ...clock });
    expect(p.expected).toBe(120);
    expect(p.status).toBe('behind'); // 100 < 108
  });

  it('sums team counts and averages member rates for team quotas', () => {
    const m = (calls: number, handle: number, csatSum: number, csatCount: number) => {
      const s = sums({ callsHandled: calls, handleSeconds: handle, csatSum, csatCount });
      return { shift: s, day: s, week: s };
    };
    const clock = { elapsedMs: 4 * H, durationMs: 8 * H };
    const g = groupFigures(
      [m(10, 3000, 9, 2), m(30, 6000, 0, 0)],
      [
        { quotaId: 7, metric: 'calls_handled', period: 'day', comparator: 'at_least', target: 100 },
        { quotaId: 8, metric: 'csat', period: 'day', comparator: 'at_least', target: 4 },
      ],
      { shift: clock, day: clock, week: clock },
    );
    expect(g.sums.day.callsHandled).toBe(40);
    expect(g.ahtSeconds).toBe(225); // (3000 + 6000) ÷ 40, the §1 AHT of the team
    expect(g.quotas[0]).toMatchObject({ actual: 40, expected: 50, status: 'behind' });
    expect(g.quotas[1]).toMatchObject({ actual: 4.5, status: 'ahead', met: true });
  });
});

describe('daily goal and early release', () => {
  it('is met when every day/shift count quota is reached during the shift', () => {
    const now = start + 6 * H;
    const r = agentAt(now, {
      quotas: [
        quota({ quotaId: 1, target: 40 }),
        quota({ quotaId: 2, metric: 'sales', period: 'day', target: 4, baseTarget: 4 }),
        quota({
          quotaId: 3,
          metric: 'aht_seconds',
          comparator: 'at_most',
          target: 300,
          baseTarget: 300,
        }),
      ],
      sums: {
        shift: sums({ callsHandled: 40, sales: 3, handleSeconds: 40 * 320 }),
        day: sums({ callsHandled: 40, sales: 3 }),
        week: sums({}),
      },
    });
    expect(r.dailyGoal).toEqual({
      quotaIds: [1, 2],
      remaining: 1,
      met: false,
      eligibleForEarlyRelease: false,
    });
    expect(r.ahtSeconds).toBe(320);
    expect(r.ahtLimitSeconds).toBe(300);
    expect(r.ahtOverLimit).toBe(true);
    const met = agentAt(now, {
      quotas: [quota({ quotaId: 1, target: 45.7 })],
      sums: { shift: sums({ callsHandled: 46 }), day: sums({}), week: sums({}) },
    });
    expect(met.dailyGoal).toEqual({
      quotaIds: [1],
      remaining: 0,
      met: true,
      eligibleForEarlyRelease: true,
    });
  });

  it('offers no release once the shift is over and has no goal without a count quota', () => {
    const r = agentAt(end, {
      sums: { shift: sums({ callsHandled: 90 }), day: sums({}), week: sums({}) },
    });
    expect(r.dailyGoal?.met).toBe(true);
    expect(r.dailyGoal?.eligibleForEarlyRelease).toBe(false);
    expect(agentAt(end, { quotas: [] }).dailyGoal).toBeNull();
  });
});

describe('alerts', () => {
  it('raises a hostile streak at the configured length', () => {
    const st = (n: number) => ({
      lastCallEndMs: start + H,
      hostileStreak: n,
      lastBreakEndMs: null,
    });
    expect(agentAt(start + 2 * H, { state: st(2) }).alerts.map((a) => a.kind)).not.toContain(
      'hostile_streak',
    );
    expect(agentAt(start + 2 * H, { state: st(3) }).alerts[0]).toEqual({
      kind: 'hostile_streak',
      message: '3 hostile calls in a row',
    });
    expect(
      agentAt(start + 2 * H, {
        state: st(3),
        settings: { ...DEFAULT_FLOOR_SETTINGS, hostileStreakAlert: 4 },
      }).alerts.map((a) => a.kind),
    ).not.toContain('hostile_streak');
  });

  it('crosses the overtime line from the week worked before plus this shift pro rata', () => {
    // 36 h before; 4 h into an 8 h shift with 30 min break: 4 × (1 − 0.5/8) = 3.75 h → 39.75 h
    const r = agentAt(start + 4 * H, { weekWorkedBeforeSeconds: 36 * 3600 });
    expect(r.weekWorkedSeconds).toBe(39.75 * 3600);
    expect(r.pastOvertimeLine).toBe(false);
    expect(r.weekWorkedAtShiftEndSeconds).toBe(43.5 * 3600);
    expect(r.alerts.map((a) => a.kind)).not.toContain('overtime');
    const warned = agentAt(start + 4 * H, {
      weekWorkedBeforeSeconds: 36 * 3600,
      settings: { ...DEFAULT_FLOOR_SETTINGS, overtimeWarnMinutes: 30 },
    });
    expect(warned.alerts.find((a) => a.kind === 'overtime')?.message).toMatch(/near/);
    const past = agentAt(start + 5 * H, { weekWorkedBeforeSeconds: 36 * 3600 });
    expect(past.pastOvertimeLine).toBe(true);
    expect(past.alerts.find((a) => a.kind === 'overtime')?.message).toMatch(/past/);
  });

  it('counts time since the last break from the end of the last idle gap', () => {
    const r = agentAt(start + 4 * H, {
      state: {
        lastCallEndMs: start + 4 * H - 60_000,
        hostileStreak: 0,
        lastBreakEndMs: start + 2 * H,
      },
    });
    expect(r.sinceBreakSeconds).toBe(2 * 3600);
    expect(r.onBreak).toBe(false);
    const noBreak = agentAt(start + 3.5 * H, {
      state: { lastCallEndMs: start + 3.5 * H - 60_000, hostileStreak: 0, lastBreakEndMs: null },
    });
    expect(noBreak.alerts.find((a) => a.kind === 'no_break')?.message).toBe('no break for 210 min');
  });
});

describe('the local day and week of a period (a team-day quota counts the calls of the day)', () => {
  const chicago = 'America/Chicago';
  const at = (iso: string) => Date.parse(iso);

  it('splits an overnight shift at local midnight, as its calls are dated', () => {
    // Tuesday 2026-12-01 in Chicago (UTC−6). A shift from Monday 20:00 to Tuesday 05:00 and two
    // day shifts 09:00–17:00; at 01:51 the day has 5 + 8 + 8 = 21 scheduled hours, 1 h 51 of them
    // gone (the overnight shift's part after midnight; the 4 h before it belong to Monday).
    const day = localDayWindow('2026-12-01', chicago);
    expect(day).toEqual({ startMs: at('2026-12-01T06:00:00Z'), endMs: at('2026-12-02T06:00:00Z') });
    const shifts = [
      { startMs: at('2026-12-01T02:00:00Z'), endMs: at('2026-12-01T11:00:00Z') },
      { startMs: at('2026-12-01T15:00:00Z'), endMs: at('2026-12-01T23:00:00Z') },
      { startMs: at('2026-12-01T15:00:00Z'), endMs: at('2026-12-01T23:00:00Z') },
    ];
    const now = at('2026-12-01T07:51:00Z');
    const clock = periodClock(shifts, now, day);
    expect(clock).toEqual({ elapsedMs: 111 * 60_000, durationMs: 21 * H });
    // 12 calls taken since midnight against a day target of 150: expected 150 × 111 / 1260 =
    // 13.21, so 12 is on pace (≥ 0.90 × 13.21 = 11.89), not "ahead" with nothing expected
    const p = pacingFromElapsed({ target: 150, actual: 12, comparator: 'at_least', ...clock });
    expect(p.expected).toBeCloseTo(13.214, 3);
    expect(p.status).toBe('on_pace');
    // without the day's window the overnight shift (dated Monday) would be missing and f = 0
    expect(periodClock(shifts.slice(1), now)).toEqual({ elapsedMs: 0, durationMs: 16 * H });
    // and Monday's clock keeps its first 4 hours
    expect(periodClock(shifts, now, localDayWindow('2026-11-30', chicago))).toEqual({
      elapsedMs: 4 * H,
      durationMs: 4 * H,
    });
  });

  it('has 25 hours on a fall-back day and 23 on a spring-forward day', () => {
    const fall = localDayWindow('2026-11-01', chicago);
    expect(fall.endMs - fall.startMs).toBe(25 * H);
    const spring = localDayWindow('2026-03-08', chicago);
    expect(spring.endMs - spring.startMs).toBe(23 * H);
    // Havana falls back from 01:00 CDT to 00:00 CST: midnight comes twice, and the day starts at
    // the first (its calls from then on are dated that day), so 2021-11-07 has 25 hours
    const havana = localDayWindow('2021-11-07', 'America/Havana');
    expect(havana).toEqual({
      startMs: at('2021-11-07T04:00:00Z'),
      endMs: at('2021-11-08T05:00:00Z'),
    });
    expect(localDayWindow('2021-11-06', 'America/Havana').endMs).toBe(havana.startMs);
    // Cairo moves its clocks at midnight itself: the day starts at 01:00 EEST
    const cairo = localDayWindow('2026-04-24', 'Africa/Cairo');
    expect(cairo).toEqual({
      startMs: at('2026-04-23T22:00:00Z'),
      endMs: at('2026-04-24T21:00:00Z'),
    });
  });

  it('runs the week from local Monday midnight to the next', () => {
    expect(localWeekWindow('2026-12-03', chicago)).toEqual({
      startMs: at('2026-11-30T06:00:00Z'),
      endMs: at('2026-12-07T06:00:00Z'),
    });
    expect(localWeekWindow('2026-11-30', chicago)).toEqual(localWeekWindow('2026-12-06', chicago));
    expect(() => localDayWindow('2026-02-30', chicago)).toThrow(/not a valid/);
    expect(() => localDayWindow('2026-02-03', 'Mars/Olympus')).toThrow(/time zone/);
  });

  it('counts every scheduled minute in exactly one local day', () => {
    const days = ['2026-10-31', '2026-11-01', '2026-11-02', '2026-11-03'].map((d) =>
      localDayWindow(d, chicago),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            start: fc.integer({ min: 0, max: 60 * 60 }),
            minutes: fc.integer({ min: 1, max: 16 * 60 }),
          }),
          { maxLength: 6 },
        ),
        fc.integer({ min: 0, max: 96 * 60 }),
        (raw, nowMinute) => {
          const spans = raw.map((r) => ({
            startMs: days[0].startMs + r.start * 60_000,
            endMs: days[0].startMs + (r.start + r.minutes) * 60_000,
          }));
          const now = days[0].startMs + nowMinute * 60_000;
          const whole = periodClock(spans, now);
          const split = days.map((w) => periodClock(spans, now, w));
          expect(split.reduce((a, c) => a + c.durationMs, 0)).toBe(whole.durationMs);
          expect(split.reduce((a, c) => a + c.elapsedMs, 0)).toBe(whole.elapsedMs);
        },
      ),
    );
  });

  it('starts each day and week where luxon says, in zones with every kind of DST rule', () => {
    // luxon as the independent reference: the zone's first instant of the local date
    const zones = [
      'America/Chicago',
      'Europe/London',
      'Africa/Cairo',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'America/Santiago',
      'Asia/Dhaka',
      'America/Havana',
    ];
    const luxonStart = (date: string, zone: string) => {
      let t = DateTime.fromISO(date, { zone }).startOf('day').toMillis();
      // where clocks fall back across midnight (Havana: 01:00 CDT → 00:00 CST) midnight comes
      // twice and luxon takes the later; the day starts at the first instant dated `date`
      const Q = 15 * 60_000;
      while (DateTime.fromMillis(t - Q, { zone }).toISODate() === date) t -= Q;
      return t;
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({
          min: Date.UTC(2020, 0, 1) / 86_400_000,
          max: Date.UTC(2030, 11, 31) / 86_400_000,
        }),
        (zone, dayNumber) => {
          const date = new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
          const next = new Date((dayNumber + 1) * 86_400_000).toISOString().slice(0, 10);
          expect(localDayWindow(date, zone)).toEqual({
            startMs: luxonStart(date, zone),
            endMs: luxonStart(next, zone),
          });
          const monday = DateTime.fromISO(date, { zone: 'utc' }).startOf('week');
          expect(localWeekWindow(date, zone)).toEqual({
            startMs: luxonStart(monday.toISODate() as string, zone),
            endMs: luxonStart(monday.plus({ days: 7 }).toISODate() as string, zone),
          });
        },
      ),
      { numRuns: 2000 },
    );
    // and every day of a year with two DST changes, one by one
    for (let d = Date.UTC(2026, 0, 1) / 86_400_000; d < Date.UTC(2027, 0, 1) / 86_400_000; d++) {
      const date = new Date(d * 86_400_000).toISOString().slice(0, 10);
      for (const zone of ['America/Chicago', 'Africa/Cairo', 'Australia/Lord_Howe']) {
        expect(localDayWindow(date, zone).startMs).toBe(luxonStart(date, zone));
      }
    }
  });
});

import { WorkShift } from '../schedule';
import {
  burnoutRelativeRisk,
  conditionalExitProbability,
  flightRisk,
  recentActivity,
  recentChanges,
  RecentActivity,
  survivalAt,
} from './flight-risk';
import { kaplanMeier } from './retention-curve';
import { DriverRates } from './turnover-drivers';
import { TEN_AGENTS } from './__fixtures__/ten-agents.fixture';

// The fixture's curve as of 2024-06-30: S = 0.9 (day 0), 0.8 (45), 0.7 (77), 0.6 (89), 0.5 (100),
// 1/3 (366); the longest duration observed is 902 days (A1).
const CURVE = kaplanMeier(TEN_AGENTS, '2024-06-30');

const QUIET: RecentActivity = {
  burnoutNow: null,
  burnout28DaysAgo: null,
  workedHoursLast4Weeks: 160,
  workedHoursPer4WeeksBefore: 160,
  sendHomeHoursLast4Weeks: 0,
  hostileRateLast4Weeks: 0.01,
  hostileRateBefore: 0.01,
};

describe('survivalAt and conditionalExitProbability', () => {
  it('reads the step curve and the 90-day exit share given the tenure', () => {
    expect([0, 44, 45, 99, 100, 365, 366, 900].map((d) => survivalAt(CURVE, d))).toEqual([
      0.9,
      0.9,
      expect.closeTo(0.8, 12),
      expect.closeTo(0.6, 12),
      expect.closeTo(0.5, 12),
      expect.closeTo(0.5, 12),
      expect.closeTo(1 / 3, 12),
      expect.closeTo(1 / 3, 12),
    ]);
    // at 10 days: S(10) = 0.9, S(100) = 0.5 → 1 − 0.5/0.9 = 4/9
    expect(conditionalExitProbability(CURVE, 10, 902)).toBeCloseTo(4 / 9, 12);
    // at 400 days nobody left in the next 90 observed days
    expect(conditionalExitProbability(CURVE, 400, 902)).toBeCloseTo(0, 12);
    // past the follow-up the curve knows nothing
    expect(conditionalExitProbability(CURVE, 850, 902)).toBeNull();
  });
});

describe('burnoutRelativeRisk', () => {
  it('shrinks each band toward the overall rate with 20 pseudo-agents', () => {
    const rates: DriverRates = {
      driver: 'burnout',
      bands: [
        {
          band: 'low',
          agents: 80,
          separations: 8,
          voluntary: 8,
          involuntary: 0,
          rate: 0.1,
          ci: null,
        },
        {
          band: 'high',
          agents: 20,
          separations: 10,
          voluntary: 10,
          involuntary: 0,
          rate: 0.5,
          ci: null,
        },
        {
          band: 'no data',
          agents: 0,
          separations: 0,
          voluntary: 0,
          involuntary: 0,
          rate: null,
          ci: null,
        },
      ],
    };
    // overall 18/100; high: (10 + 20 × 0.18) ÷ 40 = 0.34 → ×1.888…; low: (8 + 3.6) ÷ 100 → ×0.644…
    const rr = burnoutRelativeRisk(rates);
    expect(rr.high).toBeCloseTo(0.34 / 0.18, 12);
    expect(rr.low).toBeCloseTo(0.116 / 0.18, 12);
    expect(rr.critical).toBeUndefined();
    expect(burnoutRelativeRisk(undefined)).toEqual({});
  });
});

describe('recentChanges', () => {
  it('names each change that crosses its threshold and nothing else', () => {
    expect(recentChanges(QUIET)).toEqual([]);
    const kinds = recentChanges({
      burnoutNow: 65,
      burnout28DaysAgo: 50,
      workedHoursLast4Weeks: 100,
      workedHoursPer4WeeksBefore: 160,
      sendHomeHoursLast4Weeks: 6,
      hostileRateLast4Weeks: 0.06,
      hostileRateBefore: 0.03,
    }).map((c) => c.kind);
    expect(kinds).toEqual(['burnout_rising', 'hours_down', 'send_home', 'hostile_rising']);
    expect(recentChanges({ ...QUIET, burnoutNow: 59, burnout28DaysAgo: 50 })).toEqual([]);
    expect(recentChanges({ ...QUIET, workedHoursLast4Weeks: 200 })[0].kind).toBe('hours_up');
    expect(recentChanges({ ...QUIET, sendHomeHoursLast4Weeks: 0.04 })).toEqual([]);
  });
});

describe('recentActivity', () => {
  it('sums the last 28 days against the 56 days before', () => {
    const shift = (date: string): WorkShift => ({
      start: `${date}T09:00:00Z`,
      end: `${date}T17:00:00Z`,
      breakMinutes: 0,
      status: 'worked',
      kind: 'regular',
    });
    const a = recentActivity({
      asOf: '2024-03-31',
      hireDate: '2023-06-01',
      zone: 'UTC',
      shifts: [
        shift('2024-03-04'),
        shift('2024-03-31'),
        shift('2024-01-08'),
        shift('2024-02-01'),
        shift('2023-12-01'),
      ],
      dailyCalls: [],
      burnoutNow: 10,
      burnout28DaysAgo: 5,
    });
    // recent: 03-04 … 03-31 → 2 shifts (16 h); before: 01-08 … 03-03 → 2 shifts (16 h) ÷ 2
    expect(a.workedHoursLast4Weeks).toBe(16);
    expect(a.workedHoursPer4WeeksBefore).toBe(8);
    expect(a.hostileRateLast4Weeks).toBeNull();
    expect(a.burnout28DaysAgo).toBe(5);
  });

  it('compares nothing for an agent hired inside the earlier window', () => {
    const a = recentActivity({
      asOf: '2024-03-31',
      hireDate: '2024-03-01',
      zone: 'UTC',
      shifts: [],
      dailyCalls: [],
      burnoutNow: 30,
      burnout28DaysAgo: 2,
    });
    expect([a.workedHoursPer4WeeksBefore, a.hostileRateBefore, a.burnout28DaysAgo]).toEqual([
      null,
      null,
      null,
    ]);
    expect(recentChanges(a)).toEqual([]);
  });

  it('drops the BRI of 28 days ago unless the 28-day window before the day it was read on was employed', () => {
    const base = {
      asOf: '2024-03-31',
      zone: 'UTC',
      shifts: [],
      dailyCalls: [],
      burnoutNow: 30,
      burnout28DaysAgo: 12,
    };
    // read on asOf: the index of 03-03 covers 02-05 … 03-03, employed from 02-05 (asOf − 55)
    expect(recentActivity({ ...base, hireDate: '2024-02-05' }).burnout28DaysAgo).toBe(12);
    // read a day earlier (03-30, the last complete day): its 28-days-ago window starts 02-04
    expect(
      recentActivity({ ...base, hireDate: '2024-02-05', burnoutAsOf: '2024-03-30' })
        .burnout28DaysAgo,
    ).toBeNull();
    expect(
      recentActivity({ ...base, hireDate: '2024-02-04', burnoutAsOf: '2024-03-30' })
        .burnout28DaysAgo,
    ).toBe(12);
  });
});

describe('flightRisk', () => {
  it('ranks by tenure hazard × burnout relative risk, with the reasons', () => {
    const burnout: DriverRates = {
      driver: 'burnout',
      bands: [
        {
          band: 'low',
          agents: 50,
          separations: 5,
          voluntary: 5,
          involuntary: 0,
          rate: 0.1,
          ci: null,
        },
        {
          band: 'high',
          agents: 50,
          separations: 15,
          voluntary: 15,
          involuntary: 0,
          rate: 0.3,
          ci: null,
        },
      ],
    };
    const ranked = flightRisk(
      [
        {
          ref: 'veteran',
          tenureDays: 400,
          burnoutBand: 'high',
          burnoutIndex: 70,
          burnoutDrivers: ['overtime'],
          activity: QUIET,
        },
        {
          ref: 'new-low',
          tenureDays: 10,
          burnoutBand: 'low',
          burnoutIndex: 20,
          burnoutDrivers: [],
          activity: QUIET,
        },
        {
          ref: 'new-high',
          tenureDays: 10,
          burnoutBand: 'high',
          burnoutIndex: 75,
          burnoutDrivers: ['hostile', 'overtime'],
          activity: QUIET,
        },
        {
          ref: 'ancient',
          tenureDays: 880,
          burnoutBand: null,
          burnoutIndex: null,
          burnoutDrivers: [],
          activity: QUIET,
        },
      ],
      { curve: CURVE, followUpDays: 902, burnout },
    );
    expect(ranked.map((r) => [r.ref, r.rank])).toEqual([
      ['new-high', 1],
      ['new-low', 2],
      ['veteran', 3],
      ['ancient', 4],
    ]);
    // overall 0.2; high (15 + 4) ÷ 70 ÷ 0.2 = 1.357…; p = 4/9 × 1.357…
    expect(ranked[0].probability).toBeCloseTo((4 / 9) * (19 / 70 / 0.2), 12);
    expect(ranked[0].reasons[0]).toBe(
      'tenure 10 days: 44 % of agents at this tenure leave within 90 days (retention curve)',
    );
    expect(ranked[0].reasons[1]).toBe(
      'BRI 75 (high), driven by hostile, overtime: exit rate ×1.36 against all agents',
    );
    expect(ranked[3].probability).toBeNull();
    expect(ranked[3].reasons[1]).toBe('no burnout index (no worked time in the last 28 days)');
  });
});

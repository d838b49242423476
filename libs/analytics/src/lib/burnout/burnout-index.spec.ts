import { WorkShift } from '../schedule';
import { BurnoutDailyCalls } from './burnout-calls';
import { DEFAULT_BURNOUT_CONFIG } from './burnout-config';
import { burnoutBand, burnoutIndex, BurnoutInput, burnoutWithEvidence } from './burnout-index';

function shift(start: string, end: string, overrides: Partial<WorkShift> = {}): WorkShift {
  return { start, end, breakMinutes: 30, status: 'worked', kind: 'regular', ...overrides };
}

function day(date: string, overrides: Partial<BurnoutDailyCalls>): BurnoutDailyCalls {
  return {
    date,
    answered: 0,
    handleSeconds: 0,
    hostile: 0,
    qaSum: 0,
    qaCount: 0,
    csatSum: 0,
    csatCount: 0,
    ...overrides,
  };
}

const CST = '-06:00';
const CDT = '-05:00';

/**
 * An agent in America/Chicago, as of Saturday 2026-03-28: W = 03-01 … 03-28 (across the 03-08
 * spring forward), R = 03-22 … 03-28, B = 03-01 … 03-21.
 *
 * B: 15 weekday shifts 09:00–17:00 with 30 min break = 15 × 7.5 h = 112.5 h (03-16 a holiday).
 * R: Sun 14–23, Mon 08–17, Tue 14–23, Wed 08–17 (8.5 h each), Thu 22:00 → Fri 06:00 (7.5 h),
 *    Sat 14–22 (7.5 h) = 49 h. W = 161.5 h.
 */
const baselineDates = [
  ...['02', '03', '04', '05', '06'].map((d) => [`2026-03-${d}`, CST]),
  ...['09', '10', '11', '12', '13', '16', '17', '18', '19', '20'].map((d) => [`2026-03-${d}`, CDT]),
];
const scenario: BurnoutInput = {
  asOf: '2026-03-28',
  zone: 'America/Chicago',
  contractHours: 40,
  holidays: ['2026-03-16'],
  shifts: [
    // before W: must not count as worked time in W
    shift(`2026-02-27T09:00:00${CST}`, `2026-02-27T17:00:00${CST}`),
    ...baselineDates.map(([d, off]) => shift(`${d}T09:00:00${off}`, `${d}T17:00:00${off}`)),
    shift(`2026-03-14T09:00:00${CDT}`, `2026-03-14T17:00:00${CDT}`, { status: 'absent_unplanned' }),
    shift(`2026-03-15T09:00:00${CDT}`, `2026-03-15T17:00:00${CDT}`, { status: 'absent_excused' }),
    shift(`2026-03-21T09:00:00${CDT}`, `2026-03-21T17:00:00${CDT}`, { status: 'absent_unplanned' }),
    shift(`2026-03-22T14:00:00${CDT}`, `2026-03-22T23:00:00${CDT}`),
    shift(`2026-03-23T08:00:00${CDT}`, `2026-03-23T17:00:00${CDT}`),
    shift(`2026-03-24T14:00:00${CDT}`, `2026-03-24T23:00:00${CDT}`),
    shift(`2026-03-25T08:00:00${CDT}`, `2026-03-25T17:00:00${CDT}`),
    shift(`2026-03-26T22:00:00${CDT}`, `2026-03-27T06:00:00${CDT}`),
    shift(`2026-03-28T14:00:00${CDT}`, `2026-03-28T22:00:00${CDT}`),
    // after D: ignored
    shift(`2026-03-29T09:00:00${CDT}`, `2026-03-29T17:00:00${CDT}`, { status: 'scheduled' }),
  ],
  dailyCalls: [
    day('2026-02-27', { answered: 50, handleSeconds: 30_000, hostile: 50 }),
    // B: 80 calls a day, AHT 300 s, 4 hostile, QA 90 on 2, CSAT 5 on 1
    ...baselineDates.map(([d]) =>
      day(d, {
        answered: 80,
        handleSeconds: 24_000,
        hostile: 4,
        qaSum: 180,
        qaCount: 2,
        csatSum: 5,
        csatCount: 1,
      }),
    ),
    // R: 60 calls a day, AHT 372.75 s, 3 hostile, QA 81 on 2, CSAT 4 on 1
    ...['22', '23', '24', '25', '26', '28'].map((d) =>
      day(`2026-03-${d}`, {
        answered: 60,
        handleSeconds: 22_365,
        hostile: 3,
        qaSum: 162,
        qaCount: 2,
        csatSum: 4,
        csatCount: 1,
      }),
    ),
  ],
  quotaDays: [
    // 11 of the 22 worked days missed; misses outside W or on days off do not count
    ...['02', '03', '04', '05', '06', '09', '22', '23', '24', '25', '26'].map((d) => ({
      date: `2026-03-${d}`,
      missed: true,
    })),
    { date: '2026-03-10', missed: false },
    { date: '2026-03-21', missed: true },
    { date: '2026-02-27', missed: true },
  ],
};

describe('burnoutIndex — one agent in America/Chicago over the 2026-03-08 spring forward', () => {
  const result = burnoutIndex(scenario);

  it('uses the 28 local days ending on D, the last 7 as R and the first 21 as B', () => {
    expect(result.window).toEqual({
      from: '2026-03-01',
      to: '2026-03-28',
      recentFrom: '2026-03-22',
      baselineTo: '2026-03-21',
    });
  });

  it('computes overtime over 4 contract weeks: 161.5 h − 160 h = 1.5 h', () => {
    const c = result.components.overtime;
    expect(c.raw).toBeCloseTo(1.5, 12);
    expect(c.score).toBeCloseTo(1.5 / 40, 12);
    expect(c.points).toBeCloseTo(0.5625, 12);
  });

  it('computes occupancy 494 190 s ÷ 581 400 s = 0.85 and hostile 78 ÷ 1 560 = 0.05', () => {
    expect(result.components.occupancy.raw).toBeCloseTo(0.85, 12);
    expect(result.components.occupancy.score).toBeCloseTo(0.5, 12);
    expect(result.components.occupancy.points).toBeCloseTo(7.5, 12);
    expect(result.components.hostile.raw).toBeCloseTo(0.05, 12);
    expect(result.components.hostile.score).toBeCloseTo(0.3, 12);
    expect(result.components.hostile.points).toBeCloseTo(4.5, 12);
  });

  it('counts two 9 h rests and the 7th consecutive day (Thu night marks Fri) for recovery', () => {
    expect(result.components.recovery).toEqual({
      raw: 3,
      score: 0.5,
      points: 5,
      detail: { shortRestGaps: 2, consecutiveDaysBeyondLimit: 1 },
    });
  });

  it('takes σ of start times unwrapped around 09:00 (22:00 becomes −2 h)', () => {
    // 15 × 9, 14, 8, 14, 8, −2, 14: variance = (21 · 1935 − 191²) ÷ 21² = 4154 ÷ 441
    const sigma = Math.sqrt(4154) / 21;
    const c = result.components.irregularity;
    expect(c.raw).toBeCloseTo(sigma, 12);
    expect(c.score).toBeCloseTo((sigma - 1) / 3, 12);
    expect(c.points).toBeCloseTo((100 * 0.1 * (sigma - 1)) / 3, 12);
    expect(c.detail?.['unpaidSendHomes']).toBe(0);
  });

  it('counts night, weekend and holiday hours once: 32 h of 161.5 h', () => {
    // holiday Mon 7.5 + Sun 8.5 + Tue 22–23 1 + Thu night 7.5 + Sat 7.5 = 32 h → 64/323
    const c = result.components.unsocial;
    expect(c.raw).toBeCloseTo(64 / 323, 12);
    expect(c.score).toBeCloseTo(317 / 1292, 12);
    expect(c.points).toBeCloseTo(1585 / 1292, 12);
  });

  it('divides missed-quota days by worked days: 11 ÷ 22', () => {
    expect(result.components.quota_pressure.raw).toBe(0.5);
    expect(result.components.quota_pressure.score).toBeCloseTo(0.8, 12);
    expect(result.components.quota_pressure.points).toBeCloseTo(8, 12);
  });

  it('takes the largest qualifying deterioration: AHT 300 → 372.75 s (+24.25 %)', () => {
    const c = result.components.drift;
    expect(c.raw).toBeCloseTo(0.2425, 12);
    expect(c.score).toBe(1);
    expect(c.points).toBeCloseTo(10, 12);
    // QA 90 → 81 = 10 %; CSAT has only 6 rated calls in R; adherence 1 → 1
    expect(c.detail?.['qa']).toBeCloseTo(0.1, 12);
    expect(c.detail?.['csat']).toBeNull();
    expect(c.detail?.['adherence']).toBe(0);
  });

  it('counts unplanned absences only', () => {
    expect(result.components.absence.raw).toBe(2);
    expect(result.components.absence.score).toBeCloseTo(2 / 3, 12);
  });

  it('rounds the weighted sum 50.353… to 50, elevated, driven by drift, quota pressure, occupancy', () => {
    expect(result.index).toBe(50);
    expect(result.band).toBe('elevated');
    expect(result.drivers).toEqual(['drift', 'quota_pressure', 'occupancy']);
  });

  it('orders tied drivers by the table and leaves zero-point components out', () => {
    // occupancy 0.15 × 0.5 and hostile 0.25 × 0.3 are both 7.5 points; drift 25, recovery 15
    const tied = burnoutIndex(scenario, {
      ...DEFAULT_BURNOUT_CONFIG,
      weights: {
        overtime: 0,
        occupancy: 0.15,
        hostile: 0.25,
        recovery: 0.3,
        irregularity: 0,
        unsocial: 0,
        quota_pressure: 0,
        drift: 0.25,
        absence: 0.05,
      },
    });
    expect(tied.drivers).toEqual(['drift', 'recovery', 'occupancy']);
    // 25 + 15 + 7.5 + 7.5 + 3.33… = 58.33… → 58
    expect(tied.index).toBe(58);

    const single = burnoutIndex(scenario, {
      ...DEFAULT_BURNOUT_CONFIG,
      weights: { ...DEFAULT_BURNOUT_CONFIG.weights, ...zeroWeights(), absence: 1 },
    });
    expect(single.index).toBe(67);
    expect(single.band).toBe('high');
    expect(single.drivers).toEqual(['absence']);
  });
});

function zeroWeights() {
  return {
    overtime: 0,
    occupancy: 0,
    hostile: 0,
    recovery: 0,
    irregularity: 0,
    unsocial: 0,
    quota_pressure: 0,
    drift: 0,
    absence: 0,
  };
}

describe('burnoutIndex — edge cases', () => {
  const base = { asOf: '2026-06-28', zone: 'Europe/Berlin', contractHours: 40 };

  it('has no index (null, not zero) without worked time in W, but still reports components', () => {
    const result = burnoutIndex({
      ...base,
      shifts: ['2026-06-22', '2026-06-23', '2026-06-24'].map((d) =>
        shift(`${d}T09:00:00+02:00`, `${d}T17:00:00+02:00`, { status: 'absent_unplanned' }),
      ),
    });
    expect(result.index).toBeNull();
    expect(result.band).toBeNull();
    expect(result.drivers).toEqual([]);
    expect(result.components.absence).toEqual({ raw: 3, score: 1, points: 10 });
    expect(result.components.occupancy.raw).toBeNull();
    expect(result.components.hostile).toEqual({ raw: null, score: 0, points: 0 });
  });

  it('unwraps start times around midnight and counts unpaid send-homes (not goal_met)', () => {
    // starts alternate 23:00 and 01:00 → 23, 25, 23, 25, 23, 25 → σ = 1 h → ramp 0;
    // two unpaid send-homes → ramp(2, 0, 3) = 2/3
    const starts = ['06-15T23', '06-17T01', '06-18T23', '06-20T01', '06-21T23', '06-23T01'];
    const shifts = starts.map((s, i) => {
      const start = `2026-${s}:00:00+02:00`;
      const end = new Date(Date.parse(start) + 8 * 3_600_000).toISOString();
      const sent =
        i === 1
          ? {
              status: 'sent_home' as const,
              sendHomeReason: 'outage' as const,
              sendHomeAt: new Date(Date.parse(start) + 3_600_000).toISOString(),
            }
          : i === 3
            ? { status: 'sent_home' as const, sendHomeReason: 'low_volume' as const }
            : i === 5
              ? {
                  status: 'sent_home' as const,
                  sendHomeReason: 'goal_met' as const,
                  sendHomeAt: new Date(Date.parse(start) + 5 * 3_600_000).toISOString(),
                }
              : {};
      return shift(start, end, { breakMinutes: 0, ...sent });
    });
    const result = burnoutIndex({ ...base, shifts });
    expect(result.components.irregularity.raw).toBeCloseTo(1, 12);
    expect(result.components.irregularity.score).toBeCloseTo(2 / 3, 12);
    expect(result.components.irregularity.detail).toEqual({
      startTimeSigmaHours: expect.any(Number),
      unpaidSendHomes: 2,
    });
  });

  it('maps a start exactly 12 h from the first to the earlier side (06:00 and 18:00 → 6 and −6)', () => {
    const shifts = [
      shift('2026-06-15T06:00:00+02:00', '2026-06-15T14:00:00+02:00'),
      shift('2026-06-16T18:00:00+02:00', '2026-06-17T02:00:00+02:00'),
    ];
    const result = burnoutIndex({ ...base, shifts });
    expect(result.components.irregularity.raw).toBe(6);
    expect(result.components.irregularity.score).toBe(1);
  });

  it('compares adherence only with ≥ 2 shifts and call metrics only with ≥ 10 calls in both windows', () => {
    // B: two on-time shifts (adherence 1); R: two shifts 45 min late → 6.75 ÷ 7.5 = 0.9
    const shifts = [
      shift('2026-06-08T09:00:00+02:00', '2026-06-08T17:00:00+02:00'),
      shift('2026-06-09T09:00:00+02:00', '2026-06-09T17:00:00+02:00'),
      shift('2026-06-23T09:00:00+02:00', '2026-06-23T17:00:00+02:00', {
        actualStart: '2026-06-23T09:45:00+02:00',
      }),
      shift('2026-06-24T09:00:00+02:00', '2026-06-24T17:00:00+02:00', {
        actualStart: '2026-06-24T09:45:00+02:00',
      }),
    ];
    const dailyCalls = [
      day('2026-06-08', { answered: 20, handleSeconds: 6_000 }),
      day('2026-06-23', { answered: 9, handleSeconds: 9_000 }), // AHT 1 000 s, but only 9 calls
    ];
    const result = burnoutIndex({ ...base, shifts, dailyCalls });
    expect(result.components.drift.detail).toEqual({
      aht: null,
      qa: null,
      csat: null,
      adherence: expect.any(Number),
    });
    expect(result.components.drift.raw).toBeCloseTo(0.1, 12);
    expect(result.components.drift.score).toBeCloseTo(0.5, 12);

    const oneRecentShift = burnoutIndex({ ...base, shifts: shifts.slice(0, 3), dailyCalls });
    expect(oneRecentShift.components.drift).toEqual({
      raw: null,
      score: 0,
      points: 0,
      detail: { aht: null, qa: null, csat: null, adherence: null },
    });
  });

  it('reports an improvement as negative drift scoring 0', () => {
    const shifts = [
      shift('2026-06-08T09:00:00+02:00', '2026-06-08T17:00:00+02:00'),
      shift('2026-06-23T09:00:00+02:00', '2026-06-23T17:00:00+02:00'),
    ];
    const dailyCalls = [
      day('2026-06-08', { answered: 10, handleSeconds: 4_000 }),
      day('2026-06-23', { answered: 10, handleSeconds: 3_000 }),
    ];
    const result = burnoutIndex({ ...base, shifts, dailyCalls });
    expect(result.components.drift.raw).toBeCloseTo(-0.25, 12);
    expect(result.components.drift.score).toBe(0);
  });

  it('reads raw calls by local date the same way as daily sums', () => {
    const shifts = [
      shift('2026-06-26T16:00:00+02:00', '2026-06-27T00:00:00+02:00', { breakMinutes: 0 }),
    ];
    const call = {
      direction: 'inbound' as const,
      hasAgent: true,
      queueSeconds: 5,
      talkSeconds: 3_000,
      holdSeconds: 600,
      wrapSeconds: 0,
    };
    // an abandoned call counts nowhere; 00:30 Berlin on 06-29 is still 06-28 in UTC but after D
    const calls = [
      {
        ...call,
        outcome: 'resolved' as const,
        startedAt: '2026-06-26T23:30:00+02:00',
        hostile: true,
      },
      { ...call, outcome: 'sale' as const, startedAt: '2026-06-26T17:00:00+02:00' },
      {
        ...call,
        outcome: 'abandoned' as const,
        hasAgent: false,
        startedAt: '2026-06-26T18:00:00+02:00',
        hostile: true,
      },
      {
        ...call,
        outcome: 'resolved' as const,
        startedAt: '2026-06-29T00:30:00+02:00',
        hostile: true,
      },
    ];
    const result = burnoutIndex({ ...base, shifts, calls });
    // 7 200 s of handle ÷ 28 800 s worked
    expect(result.components.occupancy.raw).toBe(0.25);
    expect(result.components.hostile.raw).toBe(0.5);
    expect(() => burnoutIndex({ ...base, shifts, calls, dailyCalls: [] })).toThrow(
      /either calls or dailyCalls/,
    );
  });

  it('rejects negative contract hours and an unknown zone', () => {
    expect(() => burnoutIndex({ ...base, contractHours: -1, shifts: [] })).toThrow(/contractHours/);
    expect(() => burnoutIndex({ ...base, zone: 'Mars/Olympus', shifts: [] })).toThrow(
      /unknown IANA/,
    );
  });

  it('refuses an invalid configuration', () => {
    expect(() =>
      burnoutIndex(
        { ...base, shifts: [] },
        { ...DEFAULT_BURNOUT_CONFIG, weights: { ...DEFAULT_BURNOUT_CONFIG.weights, drift: 0.2 } },
      ),
    ).toThrow(/weights must sum to 1, they sum to 1.1/);
  });
});

describe('burnoutBand', () => {
  it('puts each boundary in the higher band', () => {
    expect([0, 39, 40, 59, 60, 79, 80, 100].map(burnoutBand)).toEqual([
      'low',
      'low',
      'elevated',
      'elevated',
      'high',
      'high',
      'critical',
      'critical',
    ]);
  });
});

describe('burnoutIndex — quota pressure without quota data', () => {
  it('reports the component as not measured (null, source none), never as 0 %', () => {
    const r = burnoutIndex({ ...scenario, quotaDays: undefined });
    expect(r.components.quota_pressure).toEqual({
      raw: null,
      score: 0,
      points: 0,
      detail: { source: 'none', missedDays: null, workedDays: 22 },
    });
    const none = burnoutIndex({ ...scenario, quotaDays: [] });
    expect(none.components.quota_pressure.raw).toBe(0);
    expect(none.components.quota_pressure.detail?.['source']).toBe('quotas');
  });
});

describe('burnoutWithEvidence', () => {
  const r = burnoutWithEvidence({
    ...scenario,
    shifts: scenario.shifts.map((s, i) => ({ ...s, id: `S${i}` })),
  });

  it('gives the same index as burnoutIndex', () => {
    expect(r.index).toBe(burnoutIndex(scenario).index);
  });

  it('lists the two short rests, the 7th day, the absences and every day of W', () => {
    expect(r.evidence.shortRests.map((g) => g.gapHours)).toEqual([9, 9]);
    expect(r.evidence.shifts.filter((s) => s.shortRestBeforeHours !== null).length).toBe(2);
    expect(r.evidence.shifts.filter((s) => s.unplannedAbsence).map((s) => s.date)).toEqual([
      '2026-03-14',
      '2026-03-21',
    ]);
    expect(r.evidence.days).toHaveLength(28);
    // Sun 22 … Sat 28: the Thursday night marks Friday, so Saturday is the 7th day in a row
    expect(r.evidence.days.filter((d) => d.run >= 7).map((d) => d.date)).toEqual(['2026-03-28']);
    expect(r.evidence.days.reduce((s, d) => s + d.workedSeconds, 0) / 3600).toBeCloseTo(161.5, 9);
  });

  it('sums work weeks Monday to Sunday with their overtime over the contract', () => {
    // week of 03-23: Mon, Tue, Wed 8.5 each + the night's 2 h Thu and 5.5 h Fri (break centred
    // at 01:45–02:15) + Sat 7.5 = 40.5 h
    const week = r.evidence.weeks.find((w) => w.weekStart === '2026-03-23');
    expect(week?.workedHours).toBeCloseTo(40.5, 9);
    expect(week?.overtimeHours).toBeCloseTo(0.5, 9);
    expect(r.evidence.weeks[0].weekStart).toBe('2026-02-23');
  });

  it('keeps both sides of each drift metric', () => {
    expect(r.evidence.drift.aht).toEqual({ baseline: 300, recent: 372.75 });
    expect(r.evidence.drift.qa.baseline).toBe(90);
  });
});

import { validatePayConfig } from './pay-config';
import { payEstimate } from './pay-estimate';
import { DEFAULT_PAY_CONFIG, WorkShift } from './shift.types';

function shift(start: string, end: string, overrides: Partial<WorkShift> = {}): WorkShift {
  return { start, end, breakMinutes: 0, status: 'worked', kind: 'regular', ...overrides };
}

const H = 3600;

describe('payEstimate', () => {
  it('adds base, overtime premium, a single differential per hour and SPIFF (Chicago fall-back week)', () => {
    const shifts: WorkShift[] = [
      ...['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29'].map((d) =>
        shift(`${d}T08:00:00-05:00`, `${d}T18:00:00-05:00`),
      ),
      // 9 h elapsed − 1 h break = 8 h, Saturday night into Sunday: night and weekend tie → weekend
      shift('2026-10-31T22:00:00-05:00', '2026-11-01T06:00:00-06:00', { breakMinutes: 60 }),
    ];
    const result = payEstimate({
      shifts,
      zone: 'America/Chicago',
      hourlyRateCents: 1581,
      spiffAwardsCents: [2500, 1000],
    });
    // base 48 h × 1581 = 75 888; overtime 8 h × 1581 × 0.5 = 6 324;
    // weekend 8 h × 1581 × 0.10 = 1 264.8 → 1 265; SPIFF 3 500
    expect(result.lines).toEqual({
      baseCents: 75_888,
      overtimePremiumCents: 6_324,
      nightDifferentialCents: 0,
      weekendDifferentialCents: 1_265,
      holidayDifferentialCents: 0,
      spiffCents: 3_500,
    });
    expect(result.totalCents).toBe(86_977);
    expect(result.overtimeSeconds).toBe(8 * H);
    expect(result.differentialSeconds).toEqual({ night: 0, weekend: 8 * H, holiday: 0 });
  });

  it('pays a goal_met remainder at base only and rounds each line half away from zero (Asia/Dhaka)', () => {
    const shifts: WorkShift[] = [
      // Wed 20:00 → Independence Day 04:00: night 2 h, holiday 4 h
      shift('2026-03-25T20:00:00+06:00', '2026-03-26T04:00:00+06:00'),
      // Sun (a workday in Dhaka) 09–17, 30 min break, released at 13:00 with the goal met:
      // worked 3.5 h, paid 7.5 h
      shift('2026-03-29T09:00:00+06:00', '2026-03-29T17:00:00+06:00', {
        breakMinutes: 30,
        status: 'sent_home',
        sendHomeReason: 'goal_met',
        actualEnd: '2026-03-29T13:00:00+06:00',
        sendHomeAt: '2026-03-29T13:00:00+06:00',
      }),
    ];
    const result = payEstimate({
      shifts,
      zone: 'Asia/Dhaka',
      hourlyRateCents: 1581,
      config: { ...DEFAULT_PAY_CONFIG, holidays: ['2026-03-26'], weekendDays: [5, 6] },
    });
    // base 15.5 h × 1581 = 24 505.5 → 24 506; night 2 × 158.1 = 316.2 → 316;
    // holiday 4 × 790.5 = 3 162
    expect(result.lines).toEqual({
      baseCents: 24_506,
      overtimePremiumCents: 0,
      nightDifferentialCents: 316,
      weekendDifferentialCents: 0,
      holidayDifferentialCents: 3_162,
      spiffCents: 0,
    });
    expect(result.totalCents).toBe(27_984);
    expect(result.paidSeconds).toBe(15.5 * H);
    expect(result.workedSeconds).toBe(11.5 * H);
  });

  it('rounds an exact half cent up where floating point would not (5 h × $15.81 × 10 %)', () => {
    // Europe/London, Tue 01:00–06:00 BST: 5 night hours → 790.5 ¢ → 791 ¢
    const result = payEstimate({
      shifts: [shift('2026-05-05T01:00:00+01:00', '2026-05-05T06:00:00+01:00')],
      zone: 'Europe/London',
      hourlyRateCents: 1581,
    });
    expect(result.lines.baseCents).toBe(7_905);
    expect(result.lines.nightDifferentialCents).toBe(791);
    expect(result.totalCents).toBe(8_696);
  });

  it('pays an outage send-home only up to the send-home instant', () => {
    const result = payEstimate({
      shifts: [
        shift('2026-05-05T09:00:00Z', '2026-05-05T17:00:00Z', {
          status: 'sent_home',
          sendHomeReason: 'outage',
          sendHomeAt: '2026-05-05T11:15:00Z',
        }),
      ],
      zone: 'Europe/London',
      hourlyRateCents: 2000,
      config: { ...DEFAULT_PAY_CONFIG, minReportingPayHours: 0 },
    });
    // 2.25 h × 2000 = 4 500
    expect(result.totalCents).toBe(4_500);
  });

  it('rejects rates and awards that are not integer cents', () => {
    const shifts = [shift('2026-05-05T09:00:00Z', '2026-05-05T17:00:00Z')];
    expect(() => payEstimate({ shifts, zone: 'UTC', hourlyRateCents: 15.81 })).toThrow(
      /integer of cents/,
    );
    expect(() =>
      payEstimate({ shifts, zone: 'UTC', hourlyRateCents: 1581, spiffAwardsCents: [10.5] }),
    ).toThrow(/integer cents/);
    expect(() =>
      payEstimate({ shifts, zone: 'UTC', hourlyRateCents: 1581, spiffPendingCents: [0.5] }),
    ).toThrow(/integer cents/);
  });

  it('adds approved SPIFF sums to the total and reports pending awards beside it, not in it', () => {
    // one worked day, 8 h × $20.00 = 16 000 ¢ base, no overtime, no differential (a Tuesday in UTC)
    const shifts = [shift('2026-05-05T09:00:00Z', '2026-05-05T17:00:00Z')];
    const result = payEstimate({
      shifts,
      zone: 'UTC',
      hourlyRateCents: 2000,
      spiffAwardsCents: [12_345],
      spiffPendingCents: [700, 55],
    });
    expect(result.lines.spiffCents).toBe(12_345);
    expect(result.spiffPendingCents).toBe(755);
    // 16 000 + 12 345; the 755 pending cents are not in it
    expect(result.totalCents).toBe(28_345);
    const none = payEstimate({ shifts, zone: 'UTC', hourlyRateCents: 2000 });
    expect(none.lines.spiffCents).toBe(0);
    expect(none.spiffPendingCents).toBe(0);
    expect(none.totalCents).toBe(16_000);
  });
});

describe('validatePayConfig', () => {
  it('lists every problem of a bad configuration', () => {
    expect(
      validatePayConfig({
        ...DEFAULT_PAY_CONFIG,
        nightStart: 24,
        nightEnd: 5.5,
        nightPct: -0.1,
        overtimeMultiplier: 0.5,
        holidays: ['2026-02-30'],
        weekendDays: [0],
      }),
    ).toEqual([
      'nightPct must be a non-negative number',
      'overtimeMultiplier must be at least 1',
      'nightStart must be a whole hour from 0 to 23',
      'nightEnd must be a whole hour from 0 to 23',
      'holiday "2026-02-30" is not a valid YYYY-MM-DD date',
      'weekend day 0 must be an ISO weekday from 1 (Monday) to 7 (Sunday)',
    ]);
    expect(validatePayConfig(DEFAULT_PAY_CONFIG)).toEqual([]);
  });

  it('makes payEstimate refuse an invalid configuration', () => {
    expect(() =>
      payEstimate({
        shifts: [],
        zone: 'UTC',
        hourlyRateCents: 1581,
        config: { ...DEFAULT_PAY_CONFIG, overtimeMultiplier: 0.5 },
      }),
    ).toThrow(/invalid pay config: overtimeMultiplier must be at least 1/);
  });
});

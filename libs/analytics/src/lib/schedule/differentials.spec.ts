import { differentialSeconds } from './differentials';
import { splitAtLocalHours } from './local-hours';
import { DEFAULT_PAY_CONFIG, PayConfig, WorkShift } from './shift.types';
import { workedIntervals, workedSeconds } from './worked-time';

function shift(start: string, end: string, overrides: Partial<WorkShift> = {}): WorkShift {
  return { start, end, breakMinutes: 0, status: 'worked', kind: 'regular', ...overrides };
}

const H = 3600;
const config = (overrides: Partial<PayConfig> = {}): PayConfig => ({
  ...DEFAULT_PAY_CONFIG,
  ...overrides,
});

describe('America/Chicago spring forward (2026-03-08 02:00 → 03:00)', () => {
  // Sat 22:00 CST (04:00Z) → Sun 06:00 CDT (11:00Z): 7 h elapsed, not 8; break 30 min centred
  // → 07:15Z–07:45Z = 01:15–01:45 CST. Worked: Sat 22–24 (2 h), Sun 00:00–01:15, 01:45–02:00,
  // 03:00–06:00 CDT (4.5 h) = 6.5 h, all of it night and all of it weekend.
  const night = shift('2026-03-07T22:00:00-06:00', '2026-03-08T06:00:00-05:00', {
    breakMinutes: 30,
  });

  it('counts the real elapsed time of a night crossing the missing hour', () => {
    expect(workedSeconds(night)).toBe(6.5 * H);
    const pieces = splitAtLocalHours(workedIntervals(night), 'America/Chicago');
    expect(pieces.map((p) => `${p.date} ${p.hour}`)).toEqual([
      '2026-03-07 22',
      '2026-03-07 23',
      '2026-03-08 0',
      '2026-03-08 1',
      '2026-03-08 1',
      '2026-03-08 3',
      '2026-03-08 4',
      '2026-03-08 5',
    ]);
  });

  it('gives a weekend night to one differential only; equal percentages go to weekend', () => {
    expect(differentialSeconds([night], 'America/Chicago', config())).toEqual({
      night: 0,
      weekend: 6.5 * H,
      holiday: 0,
      none: 0,
    });
    expect(differentialSeconds([night], 'America/Chicago', config({ nightPct: 0.15 }))).toEqual({
      night: 6.5 * H,
      weekend: 0,
      holiday: 0,
      none: 0,
    });
  });
});

describe('America/Chicago fall back (2026-11-01 02:00 CDT → 01:00 CST)', () => {
  it('counts the repeated 01:00 hour twice', () => {
    // Sun 00:00 CDT (05:00Z) → 04:00 CST (10:00Z) = 5 h; hours 0, 1 (CDT), 1 (CST), 2, 3
    const s = shift('2026-11-01T00:00:00-05:00', '2026-11-01T04:00:00-06:00');
    const pieces = splitAtLocalHours(workedIntervals(s), 'America/Chicago');
    expect(pieces.map((p) => p.hour)).toEqual([0, 1, 1, 2, 3]);
    expect(differentialSeconds([s], 'America/Chicago', config({ weekendPct: 0 }))).toEqual({
      night: 5 * H,
      weekend: 0,
      holiday: 0,
      none: 0,
    });
  });
});

describe('Africa/Cairo (DST again since 2023)', () => {
  it('splits a night across the 2026-04-24 spring forward (00:00 → 01:00, midnight missing)', () => {
    // Thu 20:00 EET (18:00Z) → Fri 06:00 EEST (03:00Z) = 9 h; break 1 h centred → 22:00Z–23:00Z
    // = Fri 01:00–02:00. Worked Thu 20–24 (4 h: 20, 21 plain; 22, 23 night), Fri 02–06 (4 h night).
    const s = shift('2026-04-23T20:00:00+02:00', '2026-04-24T06:00:00+03:00', { breakMinutes: 60 });
    expect(workedSeconds(s)).toBe(8 * H);
    expect(differentialSeconds([s], 'Africa/Cairo', config())).toEqual({
      night: 6 * H,
      weekend: 0,
      holiday: 0,
      none: 2 * H,
    });
    // with a Friday–Saturday weekend, Friday's 4 h tie night vs weekend at 10 % → weekend
    expect(differentialSeconds([s], 'Africa/Cairo', config({ weekendDays: [5, 6] }))).toEqual({
      night: 2 * H,
      weekend: 4 * H,
      holiday: 0,
      none: 2 * H,
    });
  });

  it('counts the repeated 23:00 hour of the 2026-10-29 fall back', () => {
    // Thu 18:00 EEST (15:00Z) → Fri 02:00 EET (00:00Z) = 9 h: Thu 18, 19, 20, 21, 22, 23, 23 and
    // Fri 0, 1 → night = 22, 23, 23, 0, 1 = 5 h, plain = 4 h
    const s = shift('2026-10-29T18:00:00+03:00', '2026-10-30T02:00:00+02:00');
    expect(workedSeconds(s)).toBe(9 * H);
    const pieces = splitAtLocalHours(workedIntervals(s), 'Africa/Cairo');
    expect(pieces.map((p) => p.hour)).toEqual([18, 19, 20, 21, 22, 23, 23, 0, 1]);
    expect(differentialSeconds([s], 'Africa/Cairo', config())).toEqual({
      night: 5 * H,
      weekend: 0,
      holiday: 0,
      none: 4 * H,
    });
  });
});

describe('Asia/Dhaka (UTC+6, no DST) with a site holiday', () => {
  it('pays the holiday rate, not holiday plus night, for holiday night hours', () => {
    // Wed 2026-03-25 20:00 → Thu 2026-03-26 (Independence Day) 04:00 = 8 h:
    // 20–22 plain, 22–24 night (Wednesday), 00–04 holiday and night → holiday 50 % wins
    const s = shift('2026-03-25T20:00:00+06:00', '2026-03-26T04:00:00+06:00');
    expect(differentialSeconds([s], 'Asia/Dhaka', config({ holidays: ['2026-03-26'] }))).toEqual({
      night: 2 * H,
      weekend: 0,
      holiday: 4 * H,
      none: 2 * H,
    });
  });

  it('ignores categories configured at 0 % and supports a night window that does not wrap', () => {
    const s = shift('2026-03-25T20:00:00+06:00', '2026-03-26T04:00:00+06:00');
    expect(
      differentialSeconds([s], 'Asia/Dhaka', config({ holidays: ['2026-03-26'], holidayPct: 0 })),
    ).toEqual({ night: 6 * H, weekend: 0, holiday: 0, none: 2 * H });
    // night 01:00–05:00 only: 01, 02, 03 are night
    expect(differentialSeconds([s], 'Asia/Dhaka', config({ nightStart: 1, nightEnd: 5 }))).toEqual({
      night: 3 * H,
      weekend: 0,
      holiday: 0,
      none: 5 * H,
    });
  });

  it('rejects an unknown time zone', () => {
    const s = shift('2026-03-25T20:00:00+06:00', '2026-03-26T04:00:00+06:00');
    expect(() => differentialSeconds([s], 'Asia/Atlantis', config())).toThrow(/unknown IANA/);
  });
});

import { payEstimate } from './pay-estimate';
import { DEFAULT_PAY_CONFIG, PayConfig, WorkShift } from './shift.types';

function shift(start: string, end: string, overrides: Partial<WorkShift> = {}): WorkShift {
  return { start, end, breakMinutes: 0, status: 'worked', kind: 'regular', ...overrides };
}

const H = 3600;
const RATE = 2000; // $20.00/h

/**
 * A Berlin agent (contract 40 h) paid semi-monthly across the 2026 spring forward
 * (Sun 29 March 02:00 CET → 03:00 CEST), with site holidays on Fri 20 March and Good Friday
 * 3 April. Every figure below is computed by hand in the comments.
 */
const config: PayConfig = { ...DEFAULT_PAY_CONFIG, holidays: ['2026-03-20', '2026-04-03'] };
const day = (d: string, from: string, to: string, breakMinutes: number, offset = '+01:00') =>
  shift(`2026-${d}T${from}:00${offset}`, `2026-${d}T${to}:00${offset}`, { breakMinutes });

const shifts: WorkShift[] = [
  // week of Mon 9 March (its Sunday is in 1–15 March): never paid in 16–31 March
  day('03-13', '09:00', '17:00', 30),
  // week of Mon 16 March: 5 × (10 h − 30 min) = 47.5 h → 7.5 h overtime; Fri 20 is a holiday
  ...['03-16', '03-17', '03-18', '03-19', '03-20'].map((d) => day(d, '08:00', '18:00', 30)),
  // week of Mon 23 March: 4 × 7.5 h = 30 h …
  ...['03-23', '03-24', '03-25', '03-26'].map((d) => day(d, '09:00', '17:00', 30)),
  // … and Sat 22:00 CET → Sun 06:00 CEST: 7 h elapsed across the missing hour → week 37 h
  shift('2026-03-28T22:00:00+01:00', '2026-03-29T06:00:00+02:00'),
  // week of Mon 30 March (its Sunday is 5 April): Mon, Tue 7.5 h; a Tuesday night into
  // Wednesday 1 April (2 h in March, 6 h in April); Wed–Fri 10 h → 7.5 + 7.5 + 8 + 30 = 53 h
  day('03-30', '09:00', '17:00', 30, '+02:00'),
  day('03-31', '09:00', '17:00', 30, '+02:00'),
  shift('2026-03-31T22:00:00+02:00', '2026-04-01T06:00:00+02:00'),
  ...['04-01', '04-02', '04-03'].map((d) => day(d, '09:00', '19:00', 0, '+02:00')),
];

describe('payEstimate for a semi-monthly period (Europe/Berlin, spring forward)', () => {
  it('pays 16–31 March: the weeks whose Sunday is in it, and the March hours of the night into April', () => {
    const r = payEstimate({
      shifts,
      zone: 'Europe/Berlin',
      hourlyRateCents: RATE,
      config,
      period: { from: '2026-03-16', to: '2026-03-31' },
    });
    // worked in the period: 47.5 + 30 + 7 + 7.5 + 7.5 + 2 = 101.5 h → base 101.5 × 2000 = 203 000
    // overtime: week of 16 March 7.5 h × 2000 × 0.5 = 7 500 (week of 23 March: 37 h, none)
    // holiday Fri 20: 9.5 h × 2000 × 0.5 = 9 500
    // weekend: Sat 22–24 and Sun 00–02, 03–06 = 7 h (night ties weekend at 10 %: weekend) → 1 400
    // night: Tue 31 22–24 = 2 h × 200 = 400
    expect(r.lines).toEqual({
      baseCents: 203_000,
      overtimePremiumCents: 7_500,
      nightDifferentialCents: 400,
      weekendDifferentialCents: 1_400,
      holidayDifferentialCents: 9_500,
      spiffCents: 0,
    });
    expect(r.totalCents).toBe(221_800);
    expect(r.workedSeconds).toBe(101.5 * H);
    expect(r.overtimeSeconds).toBe(7.5 * H);
    expect(r.differentialSeconds).toEqual({ night: 2 * H, weekend: 7 * H, holiday: 9.5 * H });
    expect(r.weeks.map((w) => [w.weekStart, w.workedSeconds / H, w.paidInPeriod])).toEqual([
      ['2026-03-09', 7.5, false],
      ['2026-03-16', 47.5, true],
      ['2026-03-23', 37, true],
      ['2026-03-30', 53, false],
    ]);
  });

  it("pays 1–15 April the overtime of the week that began on 30 March, and April's hours", () => {
    const r = payEstimate({
      shifts,
      zone: 'Europe/Berlin',
      hourlyRateCents: RATE,
      config,
      period: { from: '2026-04-01', to: '2026-04-15' },
    });
    // worked in April: 6 h (night) + 3 × 10 h = 36 h → 72 000; overtime 53 − 40 = 13 h → 13 000;
    // night Wed 00–06 = 6 h → 1 200; Good Friday 10 h × 1 000 = 10 000
    expect(r.lines).toEqual({
      baseCents: 72_000,
      overtimePremiumCents: 13_000,
      nightDifferentialCents: 1_200,
      weekendDifferentialCents: 0,
      holidayDifferentialCents: 10_000,
      spiffCents: 0,
    });
    expect(r.totalCents).toBe(96_200);
  });

  it('keeps a goal_met remainder, hours lost and scheduled time with the date the shift starts', () => {
    const r = payEstimate({
      shifts: [
        // Tue 31 March 14:00–22:00 CEST, sent home at 18:00 with the goal met: 4 h worked,
        // 4 h paid remainder in March
        shift('2026-03-31T14:00:00+02:00', '2026-03-31T22:00:00+02:00', {
          status: 'sent_home',
          sendHomeReason: 'goal_met',
          actualEnd: '2026-03-31T18:00:00+02:00',
        }),
        // Wed 1 April 09:00–17:00, an outage at 11:00: 2 h paid, 6 h lost in April
        shift('2026-04-01T09:00:00+02:00', '2026-04-01T17:00:00+02:00', {
          status: 'sent_home',
          sendHomeReason: 'outage',
          actualEnd: '2026-04-01T11:00:00+02:00',
        }),
      ],
      zone: 'Europe/Berlin',
      hourlyRateCents: RATE,
      config,
      period: { from: '2026-03-16', to: '2026-03-31' },
    });
    expect(r.paidSeconds).toBe(8 * H);
    expect(r.workedSeconds).toBe(4 * H);
    expect(r.lostSeconds).toBe(0);
    expect(r.scheduledSeconds).toBe(8 * H);
    const april = payEstimate({
      shifts: [],
      zone: 'Europe/Berlin',
      hourlyRateCents: RATE,
      config,
      period: { from: '2026-04-01', to: '2026-04-15' },
    });
    expect(april.totalCents).toBe(0);
  });
});

describe('payEstimate across the Berlin fall back (Sun 25 October 2026 03:00 CEST → 02:00 CET)', () => {
  it('pays the 9 elapsed hours of the longest night, minus its break, once per hour', () => {
    // Sat 22:00 CEST (20:00Z) → Sun 06:00 CET (05:00Z) = 9 h; break 60 min centred at
    // 00:00Z–01:00Z (02:00 CEST → 02:00 CET). Worked 8 h, all weekend and night.
    const r = payEstimate({
      shifts: [
        shift('2026-10-24T22:00:00+02:00', '2026-10-25T06:00:00+01:00', { breakMinutes: 60 }),
      ],
      zone: 'Europe/Berlin',
      hourlyRateCents: RATE,
      config: { ...DEFAULT_PAY_CONFIG, nightPct: 0.2 },
      period: { from: '2026-10-19', to: '2026-11-01' },
    });
    // base 8 × 2000 = 16 000; night wins at 20 %: 8 × 400 = 3 200
    expect(r.lines.baseCents).toBe(16_000);
    expect(r.lines.nightDifferentialCents).toBe(3_200);
    expect(r.lines.weekendDifferentialCents).toBe(0);
    expect(r.totalCents).toBe(19_200);
  });
});

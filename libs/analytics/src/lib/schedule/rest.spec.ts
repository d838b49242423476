import { consecutiveWorkdays, restGaps } from './rest';
import { WorkShift } from './shift.types';

function shift(start: string, end: string, overrides: Partial<WorkShift> = {}): WorkShift {
  return { start, end, breakMinutes: 0, status: 'worked', kind: 'regular', ...overrides };
}

const H = 3600;

describe('restGaps (Europe/London)', () => {
  it('finds the 11 wall-clock hours across the spring forward to be 10 h, and short', () => {
    // Sat 2026-03-28 22:00 GMT (22:00Z) → Sun 09:00 BST (08:00Z)
    const gaps = restGaps([
      shift('2026-03-29T09:00:00+01:00', '2026-03-29T17:00:00+01:00'),
      shift('2026-03-28T14:00:00Z', '2026-03-28T22:00:00Z'),
    ]);
    expect(gaps).toEqual([
      {
        fromIndex: 1,
        toIndex: 0,
        fromEndMs: Date.parse('2026-03-28T22:00:00Z'),
        toStartMs: Date.parse('2026-03-29T08:00:00Z'),
        gapSeconds: 10 * H,
        short: true,
      },
    ]);
  });

  it('finds the 10 wall-clock hours across the fall back to be 11 h, and not short', () => {
    // Sat 2026-10-24 22:00 BST (21:00Z) → Sun 08:00 GMT (08:00Z)
    const gaps = restGaps([
      shift('2026-10-24T14:00:00+01:00', '2026-10-24T22:00:00+01:00'),
      shift('2026-10-25T08:00:00Z', '2026-10-25T16:00:00Z'),
    ]);
    expect(gaps.map((g) => [g.gapSeconds, g.short])).toEqual([[11 * H, false]]);
  });

  it('measures from the timesheet, skips shifts not worked, and honours a custom threshold', () => {
    const gaps = restGaps([
      shift('2026-05-04T09:00:00Z', '2026-05-04T17:00:00Z', {
        actualStart: '2026-05-04T09:00:00Z',
        actualEnd: '2026-05-04T22:30:00Z',
      }),
      shift('2026-05-05T06:00:00Z', '2026-05-05T14:00:00Z', { status: 'absent_unplanned' }),
      shift('2026-05-05T09:00:00Z', '2026-05-05T17:00:00Z'),
    ]);
    // 22:30 → 09:00 = 10.5 h
    expect(gaps.map((g) => [g.fromIndex, g.toIndex, g.gapSeconds, g.short])).toEqual([
      [0, 2, 10.5 * H, true],
    ]);
    expect(
      restGaps(
        [
          shift('2026-05-04T09:00:00Z', '2026-05-04T17:00:00Z'),
          shift('2026-05-05T02:00:00Z', '2026-05-05T10:00:00Z'),
        ],
        8 * H,
      )[0].short,
    ).toBe(false);
  });
});

describe('consecutiveWorkdays (America/Chicago)', () => {
  it('counts runs of local dates with worked time; a night shift marks both of its dates', () => {
    const shifts: WorkShift[] = [
      // Mon 03-02 … Sun 03-08 day shifts (the last one on the first CDT day)
      ...['02', '03', '04', '05', '06', '07'].map((d) =>
        shift(`2026-03-${d}T09:00:00-06:00`, `2026-03-${d}T17:00:00-06:00`),
      ),
      shift('2026-03-08T09:00:00-05:00', '2026-03-08T17:00:00-05:00'),
      // Mon 03-09 off; Tue 03-10 22:00 → Wed 03-11 06:00
      shift('2026-03-10T22:00:00-05:00', '2026-03-11T06:00:00-05:00'),
      // an excused absence is no workday
      shift('2026-03-12T09:00:00-05:00', '2026-03-12T17:00:00-05:00', { status: 'absent_excused' }),
    ];
    const result = consecutiveWorkdays(shifts, 'America/Chicago');
    expect(result.days.map((d) => `${d.date}#${d.run}`)).toEqual([
      '2026-03-02#1',
      '2026-03-03#2',
      '2026-03-04#3',
      '2026-03-05#4',
      '2026-03-06#5',
      '2026-03-07#6',
      '2026-03-08#7',
      '2026-03-10#1',
      '2026-03-11#2',
    ]);
    expect(result.runs).toEqual([
      { from: '2026-03-02', to: '2026-03-08', length: 7 },
      { from: '2026-03-10', to: '2026-03-11', length: 2 },
    ]);
    expect(result.longest).toBe(7);
  });

  it('uses the site date, not the UTC date', () => {
    // 19:00–23:00 in Dhaka is 13:00–17:00Z; 01:00–05:00 Dhaka the next day is 19:00–23:00Z,
    // the same UTC day
    const shifts = [
      shift('2026-03-25T19:00:00+06:00', '2026-03-25T23:00:00+06:00'),
      shift('2026-03-26T01:00:00+06:00', '2026-03-26T05:00:00+06:00'),
    ];
    expect(consecutiveWorkdays(shifts, 'Asia/Dhaka').runs).toEqual([
      { from: '2026-03-25', to: '2026-03-26', length: 2 },
    ]);
    expect(consecutiveWorkdays([], 'Asia/Dhaka')).toEqual({ days: [], runs: [], longest: 0 });
  });
});

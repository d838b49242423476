import { overtimeByWeek } from './overtime';
import { WorkShift } from './shift.types';

function shift(start: string, end: string, overrides: Partial<WorkShift> = {}): WorkShift {
  return { start, end, breakMinutes: 0, status: 'worked', kind: 'regular', ...overrides };
}

const H = 3600;

describe('overtimeByWeek', () => {
  it('keeps a week that crosses a month whole and splits a Sunday night at Monday 00:00 (Europe/Berlin)', () => {
    const shifts: WorkShift[] = [
      // previous week (Mon 2026-06-22): Sun 06-28 10–16 = 6 h
      shift('2026-06-28T10:00:00+02:00', '2026-06-28T16:00:00+02:00'),
      // Mon 06-29 … Fri 07-03 09:00–18:00 with a 30 min break = 8.5 h × 5 = 42.5 h
      ...['2026-06-29', '2026-06-30', '2026-07-01', '2026-07-02', '2026-07-03'].map((d) =>
        shift(`${d}T09:00:00+02:00`, `${d}T18:00:00+02:00`, { breakMinutes: 30 }),
      ),
      // Sat 07-04 10–14 = 4 h
      shift('2026-07-04T10:00:00+02:00', '2026-07-04T14:00:00+02:00'),
      // Sun 07-05 22:00 → Mon 07-06 06:00: 2 h this week, 6 h next week
      shift('2026-07-05T22:00:00+02:00', '2026-07-06T06:00:00+02:00'),
    ];
    // week of 06-29: 42.5 + 4 + 2 = 48.5 h → 8.5 h overtime
    expect(overtimeByWeek(shifts, 'Europe/Berlin')).toEqual([
      { weekStart: '2026-06-22', workedSeconds: 6 * H, overtimeSeconds: 0 },
      { weekStart: '2026-06-29', workedSeconds: 48.5 * H, overtimeSeconds: 8.5 * H },
      { weekStart: '2026-07-06', workedSeconds: 6 * H, overtimeSeconds: 0 },
    ]);
  });

  it('counts the extra hour of the fall-back night (America/Chicago, week of 2026-10-26)', () => {
    const shifts: WorkShift[] = [
      // Mon–Thu 08:00–18:00 CDT = 40 h
      ...['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29'].map((d) =>
        shift(`${d}T08:00:00-05:00`, `${d}T18:00:00-05:00`),
      ),
      // Sat 22:00 CDT → Sun 06:00 CST = 9 h elapsed − 1 h break = 8 h (a wall-clock count says 7)
      shift('2026-10-31T22:00:00-05:00', '2026-11-01T06:00:00-06:00', { breakMinutes: 60 }),
    ];
    expect(overtimeByWeek(shifts, 'America/Chicago')).toEqual([
      { weekStart: '2026-10-26', workedSeconds: 48 * H, overtimeSeconds: 8 * H },
    ]);
  });

  it('uses the contract hours of the agent and counts the shorter spring-forward night', () => {
    // Chicago, week of 2026-03-02: Mon–Thu 9 h, then Sat 22:00 CST → Sun 06:00 CDT = 7 h
    const shifts: WorkShift[] = [
      ...['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'].map((d) =>
        shift(`${d}T08:00:00-06:00`, `${d}T17:00:00-06:00`),
      ),
      shift('2026-03-07T22:00:00-06:00', '2026-03-08T06:00:00-05:00'),
    ];
    // 36 + 7 = 43 h; 30 contract hours → 13 h overtime
    expect(overtimeByWeek(shifts, 'America/Chicago', { contractHours: 30 })).toEqual([
      { weekStart: '2026-03-02', workedSeconds: 43 * H, overtimeSeconds: 13 * H },
    ]);
  });

  it('does not count paid-but-not-worked goal_met time as hours worked', () => {
    const shifts: WorkShift[] = [
      ...['2026-05-04', '2026-05-05', '2026-05-06', '2026-05-07'].map((d) =>
        shift(`${d}T08:00:00Z`, `${d}T18:00:00Z`),
      ),
      shift('2026-05-08T08:00:00Z', '2026-05-08T18:00:00Z', {
        status: 'sent_home',
        sendHomeReason: 'goal_met',
        actualStart: '2026-05-08T08:00:00Z',
        actualEnd: '2026-05-08T12:00:00Z',
        sendHomeAt: '2026-05-08T12:00:00Z',
      }),
    ];
    expect(overtimeByWeek(shifts, 'Europe/London')).toEqual([
      { weekStart: '2026-05-04', workedSeconds: 44 * H, overtimeSeconds: 4 * H },
    ]);
  });
});

import { sendHomeLoss } from './send-home';
import { WorkShift } from './shift.types';

function shift(start: string, end: string, overrides: Partial<WorkShift> = {}): WorkShift {
  return { start, end, breakMinutes: 0, status: 'worked', kind: 'regular', ...overrides };
}

const H = 3600;
// every shift 09:00–17:00 with a 30 min break: 7.5 h = 27 000 s scheduled
const day = (d: string, overrides: Partial<WorkShift>) =>
  shift(`2026-05-${d}T09:00:00-05:00`, `2026-05-${d}T17:00:00-05:00`, {
    breakMinutes: 30,
    ...overrides,
  });

const shifts: WorkShift[] = [
  day('04', {
    status: 'sent_home',
    sendHomeReason: 'goal_met',
    actualStart: '2026-05-04T09:00:00-05:00',
    actualEnd: '2026-05-04T14:00:00-05:00',
    sendHomeAt: '2026-05-04T14:00:00-05:00',
  }),
  day('05', {
    status: 'sent_home',
    sendHomeReason: 'outage',
    actualStart: '2026-05-05T09:00:00-05:00',
    actualEnd: '2026-05-05T14:00:00-05:00',
    sendHomeAt: '2026-05-05T14:00:00-05:00',
  }),
  day('06', {
    status: 'sent_home',
    sendHomeReason: 'low_volume',
    sendHomeAt: '2026-05-06T10:00:00-05:00',
  }),
  day('07', { status: 'sent_home', sendHomeAt: '2026-05-07T11:00:00-05:00' }),
  day('08', {}),
];

describe('sendHomeLoss', () => {
  it('pays goal_met through the scheduled end and counts the unpaid rest of the others as lost', () => {
    const result = sendHomeLoss(shifts, { minReportingPayHours: 0 });
    expect(
      result.shifts.map((s) => [s.index, s.reason, s.workedSeconds, s.paidSeconds, s.lostSeconds]),
    ).toEqual([
      [0, 'goal_met', 4.5 * H, 7.5 * H, 0],
      [1, 'outage', 4.5 * H, 4.5 * H, 3 * H],
      [2, 'low_volume', 0.5 * H, 0.5 * H, 7 * H],
      [3, null, 1.5 * H, 1.5 * H, 6 * H],
    ]);
    expect(result.lostSeconds).toBe(16 * H);
    expect(result.lostSecondsByReason).toEqual({
      goal_met: 0,
      outage: 3 * H,
      low_volume: 7 * H,
      unspecified: 6 * H,
    });
    expect(result.paidNotWorkedSeconds).toBe(3 * H);
  });

  it('tops unpaid send-homes up to the minimum reporting pay', () => {
    const result = sendHomeLoss(shifts, { minReportingPayHours: 4 });
    // outage worked 4.5 h > 4 h: unchanged; low_volume 0.5 → 4 h; unspecified 1.5 → 4 h
    expect(result.shifts.map((s) => s.lostSeconds)).toEqual([0, 3 * H, 3.5 * H, 3.5 * H]);
    expect(result.lostSeconds).toBe(10 * H);
    expect(result.paidNotWorkedSeconds).toBe(3 * H + 3.5 * H + 2.5 * H);
  });
});

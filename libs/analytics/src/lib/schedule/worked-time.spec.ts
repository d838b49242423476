import { WorkShift } from './shift.types';
import {
  adherence,
  paidSeconds,
  scheduledSeconds,
  stayLateSeconds,
  workedIntervals,
  workedSeconds,
} from './worked-time';

function shift(start: string, end: string, overrides: Partial<WorkShift> = {}): WorkShift {
  return { start, end, breakMinutes: 0, status: 'worked', kind: 'regular', ...overrides };
}

const H = 3600;

describe('workedSeconds and scheduledSeconds', () => {
  it('subtracts the break from the timesheet and from the schedule', () => {
    const s = shift('2026-05-04T09:00:00Z', '2026-05-04T17:00:00Z', {
      breakMinutes: 30,
      actualStart: '2026-05-04T09:15:00Z',
      actualEnd: '2026-05-04T17:00:00Z',
    });
    // timesheet 7 h 45 min − 30 min = 7 h 15 min; schedule 8 h − 30 min = 7 h 30 min
    expect(workedSeconds(s)).toBe(7.25 * H);
    expect(scheduledSeconds(s)).toBe(7.5 * H);
  });

  it('treats a worked shift without a timesheet as worked exactly as scheduled', () => {
    const s = shift('2026-05-04T09:00:00+02:00', '2026-05-04T17:00:00+02:00', { breakMinutes: 45 });
    expect(workedSeconds(s)).toBe(7.25 * H);
  });

  it('gives no worked time to scheduled and absent shifts even when actual times are present', () => {
    for (const status of ['scheduled', 'absent_unplanned', 'absent_excused'] as const) {
      const s = shift('2026-05-04T09:00:00Z', '2026-05-04T17:00:00Z', {
        status,
        actualStart: '2026-05-04T09:00:00Z',
        actualEnd: '2026-05-04T17:00:00Z',
      });
      expect(workedSeconds(s)).toBe(0);
      expect(scheduledSeconds(s)).toBe(8 * H);
    }
  });

  it('never returns negative worked time when the break is longer than the timesheet', () => {
    const s = shift('2026-05-04T09:00:00Z', '2026-05-04T17:00:00Z', {
      status: 'sent_home',
      sendHomeReason: 'outage',
      breakMinutes: 60,
      sendHomeAt: '2026-05-04T09:20:00Z',
    });
    expect(workedSeconds(s)).toBe(0);
  });

  it('rejects a shift that ends before it starts and instants without an offset', () => {
    expect(() => scheduledSeconds(shift('2026-05-04T17:00:00Z', '2026-05-04T09:00:00Z'))).toThrow(
      /ends before it starts/,
    );
    expect(() => scheduledSeconds(shift('2026-05-04T09:00:00', '2026-05-04T17:00:00Z'))).toThrow(
      /no UTC offset/,
    );
    expect(() =>
      workedSeconds(
        shift('2026-05-04T09:00:00Z', '2026-05-04T17:00:00Z', {
          actualStart: '2026-05-04T12:00:00Z',
          actualEnd: '2026-05-04T11:00:00Z',
        }),
      ),
    ).toThrow(/actual end is before actual start/);
    expect(() =>
      workedSeconds(shift('2026-05-04T09:00:00Z', '2026-05-04T17:00:00Z', { breakMinutes: -5 })),
    ).toThrow(/breakMinutes/);
  });
});

describe('workedIntervals (break placement)', () => {
  it('centres the break in the timesheet span, the first part rounded down to the second', () => {
    // span 09:00:00–17:00:01 = 28 801 s, break 1 800 s → before = floor(27 001 / 2) = 13 500 s
    const s = shift('2026-05-04T09:00:00Z', '2026-05-04T17:00:01Z', { breakMinutes: 30 });
    expect(workedIntervals(s)).toEqual([
      { startMs: Date.parse('2026-05-04T09:00:00Z'), endMs: Date.parse('2026-05-04T12:45:00Z') },
      { startMs: Date.parse('2026-05-04T13:15:00Z'), endMs: Date.parse('2026-05-04T17:00:01Z') },
    ]);
  });
});

describe('adherence', () => {
  const late = shift('2026-05-04T09:00:00Z', '2026-05-04T17:00:00Z', {
    breakMinutes: 30,
    actualStart: '2026-05-04T09:15:00Z',
    actualEnd: '2026-05-04T17:00:00Z',
  });
  const stayedLate = shift('2026-05-05T09:00:00Z', '2026-05-05T17:00:00Z', {
    breakMinutes: 30,
    actualStart: '2026-05-05T09:00:00Z',
    actualEnd: '2026-05-05T17:30:00Z',
  });

  it('divides worked seconds inside the schedule by scheduled seconds', () => {
    // late: 26 100 s worked, all inside → 26 100 / 27 000 = 29/30
    expect(adherence([late]).adherence).toBeCloseTo(29 / 30, 12);
    // stayed late: worked 09:00–13:00 and 13:30–17:30; inside 09–17 = 4 h + 3.5 h = 27 000 s
    // together: (26 100 + 27 000) / 54 000 = 59/60
    const result = adherence([late, stayedLate]);
    expect(result.inScheduleSeconds).toBe(53_100);
    expect(result.scheduledSeconds).toBe(54_000);
    expect(result.adherence).toBeCloseTo(59 / 60, 12);
    expect(result.shifts).toBe(2);
  });

  it('leaves absences and send-homes out, and is null with nothing scheduled', () => {
    const absent = shift('2026-05-06T09:00:00Z', '2026-05-06T17:00:00Z', {
      status: 'absent_unplanned',
    });
    const sent = shift('2026-05-07T09:00:00Z', '2026-05-07T17:00:00Z', {
      status: 'sent_home',
      sendHomeReason: 'low_volume',
      sendHomeAt: '2026-05-07T11:00:00Z',
    });
    expect(adherence([late, absent, sent]).adherence).toBeCloseTo(29 / 30, 12);
    expect(adherence([absent, sent])).toEqual({
      inScheduleSeconds: 0,
      scheduledSeconds: 0,
      adherence: null,
      shifts: 0,
    });
  });

  it('caps a shift at 100 % when its centred break falls outside the schedule', () => {
    // timesheet 00:00–17:00 (17 h), break 1 h centred → 08:00–09:00, before the 09:00 start;
    // worked inside 09–17 = 8 h, capped at the 7 h scheduled
    const early = shift('2026-05-04T09:00:00Z', '2026-05-04T17:00:00Z', {
      breakMinutes: 60,
      actualStart: '2026-05-04T00:00:00Z',
      actualEnd: '2026-05-04T17:00:00Z',
    });
    expect(adherence([early]).adherence).toBe(1);
  });
});

describe('stayLateSeconds', () => {
  it('counts worked time after the scheduled end', () => {
    const s = shift('2026-05-04T09:00:00-05:00', '2026-05-04T18:30:00-05:00', {
      breakMinutes: 60,
      actualStart: '2026-05-04T09:00:00-05:00',
      actualEnd: '2026-05-04T18:55:00-05:00',
    });
    // the article's customer walking in at 6:25 pm: 25 minutes past the 18:30 end
    expect(stayLateSeconds(s)).toBe(25 * 60);
    expect(stayLateSeconds(shift('2026-05-04T09:00:00Z', '2026-05-04T17:00:00Z'))).toBe(0);
  });
});

describe('paidSeconds', () => {
  const base = {
    breakMinutes: 30,
    status: 'sent_home' as const,
    actualStart: '2026-05-04T09:00:00Z',
    actualEnd: '2026-05-04T14:00:00Z',
    sendHomeAt: '2026-05-04T14:00:00Z',
  };

  it('pays a goal_met release through the scheduled end', () => {
    const s = shift('2026-05-04T09:00:00Z', '2026-05-04T17:00:00Z', {
      ...base,
      sendHomeReason: 'goal_met',
    });
    // worked 5 h − 30 min = 4.5 h; paid as if to 17:00: 8 h − 30 min = 7.5 h
    expect(workedSeconds(s)).toBe(4.5 * H);
    expect(paidSeconds(s, { minReportingPayHours: 0 })).toBe(7.5 * H);
  });

  it('pays only worked time for an outage unless the minimum reporting pay is higher', () => {
    const s = shift('2026-05-04T09:00:00Z', '2026-05-04T17:00:00Z', {
      ...base,
      sendHomeReason: 'outage',
    });
    expect(paidSeconds(s, { minReportingPayHours: 0 })).toBe(4.5 * H);
    expect(paidSeconds(s, { minReportingPayHours: 6 })).toBe(6 * H);
    // the minimum never exceeds the scheduled 7.5 h
    expect(paidSeconds(s, { minReportingPayHours: 10 })).toBe(7.5 * H);
  });

  it('pays nothing for scheduled or absent shifts', () => {
    expect(
      paidSeconds(
        shift('2026-05-04T09:00:00Z', '2026-05-04T17:00:00Z', { status: 'absent_excused' }),
        {
          minReportingPayHours: 4,
        },
      ),
    ).toBe(0);
  });
});

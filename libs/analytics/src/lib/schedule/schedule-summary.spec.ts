import { agentScheduleSummary, overtimePieces } from './schedule-summary';
import { WorkShift } from './shift.types';
import { staffingGap } from './staffing-gap';

function shift(start: string, end: string, overrides: Partial<WorkShift> = {}): WorkShift {
  return { start, end, breakMinutes: 0, status: 'worked', kind: 'regular', ...overrides };
}

const H = 3600;
const CST = '-06:00';
const at = (d: string, hm: string) => `2026-11-${d}T${hm}:00${CST}`;

/** A Chicago agent's week of 9–15 November 2026, with the Sunday before (hand-checked below). */
const week: WorkShift[] = [
  shift(at('08', '15:00'), at('08', '23:00')), // Sun, the week before
  shift(at('09', '07:00'), at('09', '17:00'), { actualEnd: at('09', '17:20') }), // 10 h 20
  shift(at('10', '07:00'), at('10', '17:00')), // 10 h
  shift(at('11', '07:00'), at('11', '17:00'), {
    status: 'sent_home',
    sendHomeReason: 'outage',
    actualEnd: at('11', '11:00'),
  }), // 4 h worked, 6 h lost
  shift(at('12', '07:00'), at('12', '17:00'), { status: 'scheduled' }), // 10 h planned
  shift(at('13', '07:00'), at('13', '17:00'), { status: 'scheduled' }), // 10 h planned
  shift(at('14', '09:00'), at('14', '17:00'), { status: 'absent_unplanned' }),
];

describe('agentScheduleSummary (America/Chicago, week of 9 November 2026)', () => {
  const r = agentScheduleSummary({
    shifts: week,
    zone: 'America/Chicago',
    contractHours: 40,
    window: { from: '2026-11-09', to: '2026-11-15' },
  });

  it("places the week's projected overtime on its last hours: Friday's", () => {
    // planned 10⅓ + 10 + 4 + 10 + 10 = 44⅓ h → 4⅓ h over 40, all of it on Friday
    expect(r.shifts.map((s) => [s.index, s.overtimeSeconds])).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
      [5, (4 * 60 + 20) * 60],
      [6, 0],
    ]);
    expect(r.overtimeSeconds).toBe((4 * 60 + 20) * 60);
  });

  it('flags the 8 h rest from Sunday 23:00 to Monday 07:00 and counts the run of workdays', () => {
    expect(r.shifts.map((s) => [s.restBeforeSeconds, s.shortRestBefore])).toEqual([
      [8 * H, true],
      [(13 * 60 + 40) * 60, false], // Monday's stay-late to 17:20 → Tuesday 07:00
      [14 * H, false],
      [20 * H, false], // sent home at 11:00 Wednesday → Thursday 07:00
      [14 * H, false],
      [null, false], // an absence has no rest before it
    ]);
    expect(r.shortRests).toBe(1);
    expect(r.shifts.map((s) => s.consecutiveDay)).toEqual([2, 3, 4, 5, 6, null]);
    expect(r.longestRun).toBe(6);
  });

  it('sums scheduled, worked, planned, paid, lost and stay-late time of the window only', () => {
    expect({
      scheduled: r.scheduledSeconds / H,
      worked: r.workedSeconds / 60,
      planned: r.plannedSeconds / 60,
      paid: r.paidSeconds / 60,
      lost: r.lostSeconds / H,
      stayLate: r.stayLateSeconds / 60,
      adherence: r.adherence,
    }).toEqual({
      scheduled: 58,
      worked: 24 * 60 + 20,
      planned: 44 * 60 + 20,
      paid: 24 * 60 + 20,
      lost: 6,
      stayLate: 20,
      adherence: 1,
    });
  });
});

describe('overtimePieces', () => {
  it('splits a shift at the instant the contract hours run out, per local week', () => {
    // contract 20 h: Mon–Wed 8 h → 24 h; 4 h of Wednesday and all of Thursday are overtime
    const shifts = ['09', '10', '11', '12'].map((d) => shift(at(d, '09:00'), at(d, '17:00')));
    expect(overtimePieces(shifts, 'America/Chicago', 20)).toEqual([
      { index: 2, startMs: Date.parse(at('11', '13:00')), endMs: Date.parse(at('11', '17:00')) },
      { index: 3, startMs: Date.parse(at('12', '09:00')), endMs: Date.parse(at('12', '17:00')) },
    ]);
  });
});

describe('staffingGap', () => {
  it('counts agents per interval net of breaks and training, and the overtime that fills the gap', () => {
    // B has a 20 h contract and 24 h worked by Wednesday: Thursday 07:15–15:15 is all overtime
    const b = [
      ...['09', '10', '11'].map((d) => shift(at(d, '09:00'), at(d, '17:00'))),
      shift(at('12', '07:15'), at('12', '15:15'), { status: 'scheduled' }),
    ];
    const trainee = [
      shift(at('12', '07:00'), at('12', '09:00'), { status: 'scheduled', kind: 'training' }),
    ];
    const slots = [
      { startMs: Date.parse(at('12', '06:30')), required: 1 },
      { startMs: Date.parse(at('12', '07:00')), required: 2 },
      { startMs: Date.parse(at('12', '07:30')), required: 2 },
    ];
    const r = staffingGap(
      [
        { zone: 'America/Chicago', contractHours: 40, shifts: week },
        { zone: 'America/Chicago', contractHours: 20, shifts: b },
        { zone: 'America/Chicago', contractHours: 40, shifts: trainee },
      ],
      slots,
      30,
    );
    expect(r.slots).toEqual([
      { staffed: 0, overtimeStaffed: 0, required: 1, gap: -1, understaffed: true },
      { staffed: 1.5, overtimeStaffed: 0.5, required: 2, gap: -0.5, understaffed: true },
      { staffed: 2, overtimeStaffed: 1, required: 2, gap: 0, understaffed: false },
    ]);
    expect(r.summary).toEqual({
      understaffedSlots: 2,
      shortfallAgentHours: 0.75,
      surplusAgentHours: 0,
      overtimeAgentHours: 0.75,
      overtimeCoveringGapAgentHours: 0.75,
    });
  });

  it('takes a centred break and a send-home out of the agents present', () => {
    // 08:00–12:00 with a 60 min break → 09:30–10:30 off; sent home at 11:00
    const s = [
      shift(at('12', '08:00'), at('12', '12:00'), {
        breakMinutes: 60,
        status: 'sent_home',
        sendHomeReason: 'low_volume',
        actualEnd: at('12', '11:00'),
      }),
    ];
    // span 08:00–11:00 (3 h), break 1 h centred → worked 08:00–09:00 and 10:00–11:00
    const hours = ['08:00', '09:00', '10:00', '11:00'].map((hm) => ({
      startMs: Date.parse(at('12', hm)),
      required: 0,
    }));
    const r = staffingGap([{ zone: 'America/Chicago', contractHours: 40, shifts: s }], hours, 60);
    expect(r.slots.map((x) => x.staffed)).toEqual([1, 0, 1, 0]);
  });
});

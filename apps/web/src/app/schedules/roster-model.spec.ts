import type { ShiftDto, StaffingGapDto } from '@floorwise/contracts';
import {
  gapHeatmap,
  hoursText,
  minutesFrom,
  mondayOf,
  payLines,
  spiffNote,
  shiftBadges,
  shiftBars,
  wallClock,
  worstSlots,
} from './roster-model';

const L = 'en-US';

function shift(
  overrides: Partial<ShiftDto> = {},
  figures: Partial<ShiftDto['figures']> = {},
): ShiftDto {
  return {
    shiftId: 'S1',
    employeeCode: 'A1',
    localDate: '2026-12-01',
    start: '2026-12-01T09:00:00-06:00',
    end: '2026-12-01T17:30:00-06:00',
    kind: 'regular',
    breakMinutes: 30,
    status: 'scheduled',
    actualStart: null,
    actualEnd: null,
    sendHomeReason: null,
    sendHomeAt: null,
    note: null,
    source: 'import',
    figures: {
      scheduledSeconds: 8 * 3600,
      workedSeconds: 0,
      plannedSeconds: 8 * 3600,
      paidSeconds: 0,
      lostSeconds: 0,
      stayLateSeconds: 0,
      overtimeSeconds: 0,
      restBeforeSeconds: 15 * 3600,
      shortRestBefore: false,
      consecutiveDay: 2,
      ...figures,
    },
    ...overrides,
  };
}

describe('wall-clock positions', () => {
  it("reads the site's wall time from the offset the API wrote, across a fall back", () => {
    expect(wallClock('2026-11-01T06:00:00-06:00')).toEqual({
      date: '2026-11-01',
      minutes: 360,
      hhmm: '06:00',
    });
    // a Saturday-night shift on a roster of the week of Mon 26 Oct: Sat is day 5
    expect(minutesFrom('2026-10-26', '2026-10-31T22:00:00-05:00')).toBe(5 * 1440 + 1320);
    expect(minutesFrom('2026-10-26', '2026-11-01T06:00:00-06:00')).toBe(6 * 1440 + 360);
    expect(mondayOf('2026-12-03')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
  });

  it('writes hours for people', () => {
    expect(hoursText(25 * 60, L)).toBe('25 min');
    expect(hoursText(7.5 * 3600, L)).toBe('7.5 h');
    expect(hoursText(44 * 3600, L)).toBe('44 h');
  });
});

describe('shiftBars', () => {
  it('draws a booked shift light and coloured by its kind', () => {
    const [bar] = shiftBars(shift({ kind: 'overtime' }), '2026-11-30', 'Ada');
    expect(bar).toMatchObject({
      id: 'S1',
      startMin: 1440 + 540,
      endMin: 1440 + 1050,
      tone: 'orange',
      style: 'planned',
      label: '9–17:30',
    });
  });

  it('draws a worked shift from clock-in to clock-out', () => {
    const [bar] = shiftBars(
      shift({
        status: 'worked',
        actualStart: '2026-12-01T08:55:00-06:00',
        actualEnd: '2026-12-01T17:55:00-06:00',
      }),
      '2026-12-01',
      'Ada',
    );
    expect(bar).toMatchObject({ startMin: 535, endMin: 1075, style: 'solid' });
  });

  it('cuts a send-home at the instant the agent left, the rest dashed', () => {
    const bars = shiftBars(
      shift(
        {
          status: 'sent_home',
          sendHomeReason: 'outage',
          actualStart: '2026-12-01T09:00:00-06:00',
          actualEnd: '2026-12-01T12:00:00-06:00',
          sendHomeAt: '2026-12-01T12:00:00-06:00',
        },
        { lostSeconds: 5 * 3600 },
      ),
      '2026-12-01',
      'Ada',
      L,
    );
    expect(bars.map((b) => [b.startMin, b.endMin, b.style])).toEqual([
      [540, 720, 'solid'],
      [720, 1050, 'ghost'],
    ]);
    expect(bars[0].markerMin).toBe(720);
    expect(bars[0].badges?.map((b) => b.text)).toEqual(['Home']);
    expect(bars[0].title).toContain('sent home at 12:00 PM, outage (unpaid)');
    expect(bars[0].title).toContain('5 h lost');
  });

  it('hatches an absence, red when unplanned', () => {
    const [bar] = shiftBars(shift({ status: 'absent_unplanned' }), '2026-12-01', 'Ada');
    expect(bar).toMatchObject({ style: 'hatched', tone: 'red', label: 'Absent' });
    expect(shiftBars(shift({ status: 'absent_excused' }), '2026-12-01', 'Ada')[0].tone).toBe(
      'grey',
    );
  });
});

describe('shiftBadges', () => {
  it('flags short rest, overtime, the 7th day and a stay-late, ignoring rounding', () => {
    const badges = shiftBadges(
      shift(
        {},
        {
          shortRestBefore: true,
          restBeforeSeconds: 8 * 3600,
          overtimeSeconds: 90 * 60,
          consecutiveDay: 7,
          stayLateSeconds: 25 * 60,
        },
      ),
      L,
    );
    expect(badges.map((b) => [b.text, b.tone])).toEqual([
      ['Rest 8h', 'bad'],
      ['OT 1.5h', 'warn'],
      ['Day 7', 'bad'],
      ['+25m', 'info'],
    ]);
    expect(shiftBadges(shift({}, { overtimeSeconds: 78, stayLateSeconds: 120 }), L)).toEqual([]);
  });
});

describe('the staffing gap', () => {
  const gap: StaffingGapDto = {
    campaignCode: 'SUP',
    timeZone: 'America/Chicago',
    intervalMinutes: 30,
    startDate: '2026-12-01',
    endDate: '2026-12-07',
    agents: 3,
    slots: [
      ['00:00', 0, 0],
      ['09:00', 6, 2.5],
      ['09:30', 4, 4],
      ['23:30', 0, 0],
    ].map(([start, required, staffed]) => ({
      date: '2026-12-01',
      start: start as string,
      offered: 10,
      required: required as number,
      requiredScheduled: Math.ceil((required as number) / 0.7),
      staffed: staffed as number,
      overtimeStaffed: 0,
      gap: (staffed as number) - (required as number),
      understaffed: (staffed as number) < (required as number),
    })),
    summary: {
      understaffedSlots: 1,
      shortfallAgentHours: 1.75,
      surplusAgentHours: 0,
      overtimeAgentHours: 0,
      overtimeCoveringGapAgentHours: 0,
    },
  };

  it('leaves idle night intervals out and colours staffed − required', () => {
    const h = gapHeatmap(gap, L);
    expect(h.columns).toEqual(['9:00 AM', '9:30 AM']);
    expect(h.cells.map((c) => c.value)).toEqual([-3.5, 0]);
    expect(worstSlots(gap).map((s) => s.start)).toEqual(['09:00']);
  });
});

describe('payLines', () => {
  it('lists every line with the hours behind it', () => {
    const lines = payLines({
      from: '2026-11-16',
      to: '2026-11-29',
      current: false,
      hourlyRateCents: 1581,
      lines: {
        baseCents: 100,
        overtimePremiumCents: 20,
        nightDifferentialCents: 3,
        weekendDifferentialCents: 4,
        holidayDifferentialCents: 5,
        spiffCents: 2_500,
      },
      totalCents: 2_632,
      paidSeconds: 7200,
      workedSeconds: 7200,
      scheduledSeconds: 7200,
      overtimeSeconds: 3600,
      differentialSeconds: { night: 1800, weekend: 0, holiday: 0 },
      lostSeconds: 0,
      lostSecondsByReason: { goal_met: 0, outage: 0, low_volume: 0, unspecified: 0 },
      lostCents: 0,
      spiffAwards: 2,
      spiffPendingCents: 700,
      spiffPendingAwards: 1,
    });
    expect(lines.map((l) => [l.label, l.cents, l.hours])).toEqual([
      ['Base pay', 100, 2],
      ['Overtime premium', 20, 1],
      ['Night differential', 3, 0.5],
      ['Weekend differential', 4, 0],
      ['Holiday differential', 5, 0],
      ['SPIFF awards', 2_500, null],
    ]);
    // the pending 700 ¢ is not a line: it is shown beside the total, not in it
    expect(lines.reduce((sum, l) => sum + l.cents, 0)).toBe(2_632);
    expect(lines[5].note).toBe('2 approved bonus awards');
  });

  it('names the awards behind the SPIFF line', () => {
    expect(spiffNote(0)).toBe('no approved bonus awards');
    expect(spiffNote(1)).toBe('1 approved bonus award');
    expect(spiffNote(3)).toBe('3 approved bonus awards');
  });
});

import type {
  GapSlotDto,
  PayEstimateDto,
  RosterAgentDto,
  RosterDto,
  SendHomeReason,
  ShiftDto,
  ShiftKind,
  ShiftStatus,
  StaffingGapDto,
} from '@floorwise/contracts';
import {
  addDays,
  formatClock,
  formatClockSpan,
  formatDayLabel,
  formatNumber,
  HeatmapData,
  TimelineBadge,
  TimelineBar,
  TimelineRow,
  TimelineTone,
} from '@floorwise/ui';

export const KIND_LABEL: Record<ShiftKind, string> = {
  regular: 'Regular',
  overtime: 'Overtime',
  training: 'Training',
};

export const STATUS_LABEL: Record<ShiftStatus, string> = {
  scheduled: 'Scheduled',
  worked: 'Worked',
  absent_unplanned: 'Absent (unplanned)',
  absent_excused: 'Absent (excused)',
  sent_home: 'Sent home',
};

export const REASON_LABEL: Record<SendHomeReason, string> = {
  goal_met: 'goal met (paid to the end)',
  outage: 'outage (unpaid)',
  low_volume: 'low volume (unpaid)',
};

const KIND_TONE: Record<ShiftKind, TimelineTone> = {
  regular: 'blue',
  overtime: 'orange',
  training: 'purple',
};

/** Overtime, stay-late and the like under this are rounding, not a flag. */
const FLAG_MINUTES = 5;

const WALL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/;

/**
 * The site-local wall time of an instant the API gave with the site's offset
 * (`2026-11-30T22:00:00-06:00` → 30 Nov, 22:00). Rosters are drawn in wall time: the night of a
 * fall back spans 22:00–06:00 on the chart though it lasts 9 hours.
 */
export function wallClock(iso: string): { date: string; minutes: number; hhmm: string } {
  const m = WALL.exec(iso);
  if (!m) {
    throw new RangeError(`"${iso}" is not an ISO date-time`);
  }
  return { date: m[1], minutes: Number(m[2]) * 60 + Number(m[3]), hhmm: `${m[2]}:${m[3]}` };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Minutes from local midnight of `rangeStart` to the wall time of `iso`. */
export function minutesFrom(rangeStart: string, iso: string): number {
  const w = wallClock(iso);
  return daysBetween(rangeStart, w.date) * 1440 + w.minutes;
}

/** Seconds as hours for people: "25 min", "7.5 h", "44 h". */
export function hoursText(seconds: number, locale?: string): string {
  if (!Number.isFinite(seconds)) {
    return '—';
  }
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) {
    return `${minutes} min`;
  }
  return `${formatNumber(seconds / 3600, locale, 1)} h`;
}

/** "09:00–17:30" of a shift in its site's wall time. */
export function shiftSpanText(s: Pick<ShiftDto, 'start' | 'end'>, locale?: string): string {
  return `${formatClock(wallClock(s.start).hhmm, locale)}–${formatClock(wallClock(s.end).hhmm, locale)}`;
}

function compactClock(hhmm: string): string {
  const [h, m] = hhmm.split(':');
  return m === '00' ? String(Number(h)) : `${Number(h)}:${m}`;
}

/** The flags of a shift worth a badge, most important first. */
export function shiftBadges(s: ShiftDto, locale?: string): TimelineBadge[] {
  const f = s.figures;
  const out: TimelineBadge[] = [];
  if (f.shortRestBefore && f.restBeforeSeconds !== null) {
    out.push({
      text: `Rest ${hoursText(f.restBeforeSeconds, locale).replace(' ', '')}`,
      tone: 'bad',
      title: `Only ${hoursText(f.restBeforeSeconds, locale)} of rest before this shift (under 11 h)`,
    });
  }
  if (f.overtimeSeconds >= FLAG_MINUTES * 60) {
    out.push({
      text: `OT ${hoursText(f.overtimeSeconds, locale).replace(' ', '')}`,
      tone: 'warn',
      title: `${hoursText(f.overtimeSeconds, locale)} of this shift is beyond the week's contract hours`,
    });
  }
  if (f.consecutiveDay !== null && f.consecutiveDay >= 6) {
    out.push({
      text: `Day ${f.consecutiveDay}`,
      tone: f.consecutiveDay >= 7 ? 'bad' : 'warn',
      title: `The ${ordinal(f.consecutiveDay)} workday in a row`,
    });
  }
  if (f.stayLateSeconds >= FLAG_MINUTES * 60) {
    out.push({
      text: `+${Math.round(f.stayLateSeconds / 60)}m`,
      tone: 'info',
      title: `Stayed ${hoursText(f.stayLateSeconds, locale)} past the scheduled end`,
    });
  }
  return out;
}

function ordinal(n: number): string {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
}

/** A one-line description of a shift for tooltips and screen readers. */
export function shiftTitle(s: ShiftDto, agentName: string, locale?: string): string {
  const f = s.figures;
  const parts = [
    `${agentName}: ${formatDayLabel(s.localDate, locale)} ${shiftSpanText(s, locale)}`,
    `${KIND_LABEL[s.kind].toLowerCase()}, ${STATUS_LABEL[s.status].toLowerCase()}`,
  ];
  if (s.status === 'sent_home' && s.sendHomeReason && s.sendHomeAt) {
    parts.push(
      `sent home at ${formatClock(wallClock(s.sendHomeAt).hhmm, locale)}, ${REASON_LABEL[s.sendHomeReason]}`,
    );
  }
  if (s.status === 'worked' || s.status === 'sent_home') {
    parts.push(
      `worked ${hoursText(f.workedSeconds, locale)}, paid ${hoursText(f.paidSeconds, locale)}`,
    );
  } else if (s.status === 'scheduled') {
    parts.push(`${hoursText(f.scheduledSeconds, locale)} planned`);
  }
  if (f.lostSeconds > 0) {
    parts.push(`${hoursText(f.lostSeconds, locale)} lost`);
  }
  for (const b of shiftBadges(s, locale)) {
    parts.push(b.title.charAt(0).toLowerCase() + b.title.slice(1));
  }
  return parts.join(' · ');
}

/**
 * The bars of one shift on a timeline starting at local midnight of `rangeStart`: a booked
 * shift light, a worked one solid (from clock-in to clock-out), an absence hatched, a
 * send-home solid up to the instant the agent left and dashed for the hours it took away.
 */
export function shiftBars(
  s: ShiftDto,
  rangeStart: string,
  agentName: string,
  locale?: string,
  /** Across a week a bar is narrow: label it with its start only. */
  short = false,
): TimelineBar[] {
  const absent = s.status === 'absent_unplanned' || s.status === 'absent_excused';
  const tone: TimelineTone = absent
    ? s.status === 'absent_unplanned'
      ? 'red'
      : 'grey'
    : KIND_TONE[s.kind];
  const title = shiftTitle(s, agentName, locale);
  const badges = shiftBadges(s, locale);
  const start = minutesFrom(rangeStart, s.start);
  const end = minutesFrom(rangeStart, s.end);
  const endClock = wallClock(s.end).hhmm === '00:00' ? '24' : compactClock(wallClock(s.end).hhmm);
  const label = short
    ? compactClock(wallClock(s.start).hhmm)
    : `${compactClock(wallClock(s.start).hhmm)}–${endClock}`;
  if (absent) {
    return [
      {
        id: s.shiftId,
        startMin: start,
        endMin: end,
        tone,
        style: 'hatched',
        label: 'Absent',
        title,
        badges,
      },
    ];
  }
  if (s.status === 'scheduled') {
    return [
      { id: s.shiftId, startMin: start, endMin: end, tone, style: 'planned', label, title, badges },
    ];
  }
  const actualStart = s.actualStart ? minutesFrom(rangeStart, s.actualStart) : start;
  if (s.status === 'sent_home') {
    const left = s.sendHomeAt ?? s.actualEnd;
    const cut = left ? minutesFrom(rangeStart, left) : start;
    return [
      {
        id: s.shiftId,
        startMin: actualStart,
        endMin: Math.max(cut, actualStart + 1),
        tone,
        style: 'solid',
        label,
        title,
        badges: [
          ...badges,
          {
            text: s.sendHomeReason === 'goal_met' ? 'Goal' : 'Home',
            tone: s.sendHomeReason === 'goal_met' ? 'info' : 'bad',
            title: `Sent home: ${s.sendHomeReason ? REASON_LABEL[s.sendHomeReason] : 'no reason'}`,
          },
        ],
        markerMin: cut,
      },
      { id: s.shiftId, startMin: cut, endMin: end, tone, style: 'ghost', label: '', title },
    ];
  }
  const actualEnd = s.actualEnd ? minutesFrom(rangeStart, s.actualEnd) : end;
  return [
    {
      id: s.shiftId,
      startMin: actualStart,
      endMin: actualEnd,
      tone,
      style: 'solid',
      label,
      title,
      badges,
    },
  ];
}

/** One roster row: the agent, their shifts, and planned hours against contract at the end. */
export function rosterRow(
  a: RosterAgentDto,
  rangeStart: string,
  days: number,
  locale?: string,
): TimelineRow {
  const contract = a.contractHours * 3600 * (days / 7);
  const planned = a.totals.plannedSeconds;
  const over = a.totals.overtimeSeconds >= FLAG_MINUTES * 60;
  const aside =
    days >= 7
      ? `${formatNumber(planned / 3600, locale, 1)} / ${formatNumber(a.contractHours, locale, 0)} h`
      : hoursText(planned, locale);
  const notes = [
    `${hoursText(planned, locale)} planned${days >= 7 ? ` against ${formatNumber(a.contractHours, locale)} h contract` : ''}`,
  ];
  if (over) {
    notes.push(`${hoursText(a.totals.overtimeSeconds, locale)} overtime`);
  }
  if (a.totals.shortRests > 0) {
    notes.push(`${a.totals.shortRests} short rest${a.totals.shortRests === 1 ? '' : 's'}`);
  }
  if (a.totals.lostSeconds > 0) {
    notes.push(`${hoursText(a.totals.lostSeconds, locale)} lost to send-homes`);
  }
  return {
    id: a.employeeCode,
    label: a.fullName,
    sublabel: `${a.employeeCode} · ${a.teamCode}`,
    aside,
    asideTone:
      a.totals.shortRests > 0
        ? 'bad'
        : over || (days >= 7 && planned > contract + FLAG_MINUTES * 60)
          ? 'warn'
          : 'neutral',
    asideTitle: notes.join(' · '),
    bars: a.shifts.flatMap((s) => shiftBars(s, rangeStart, a.fullName, locale, days > 1)),
  };
}

/** Totals of the roster for the summary cards. */
export function rosterTotals(r: RosterDto) {
  let planned = 0;
  let overtime = 0;
  let shortRests = 0;
  let lost = 0;
  let absences = 0;
  let sentHome = 0;
  let longRuns = 0;
  for (const a of r.agents) {
    planned += a.totals.plannedSeconds;
    overtime += a.totals.overtimeSeconds;
    shortRests += a.totals.shortRests;
    lost += a.totals.lostSeconds;
    if (a.totals.longestRun >= 7) {
      longRuns += 1;
    }
    for (const s of a.shifts) {
      if (s.status === 'absent_unplanned' || s.status === 'absent_excused') {
        absences += 1;
      }
      if (s.status === 'sent_home') {
        sentHome += 1;
      }
    }
  }
  return {
    agents: r.agents.length,
    planned,
    overtime,
    shortRests,
    lost,
    absences,
    sentHome,
    longRuns,
  };
}

/** The Monday of the week of a local date. */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

// ------------------------------------------------------------------ staffing gap

/** The intervals of the day with anything to show (required or staffed) on some day. */
export function activeStarts(slots: readonly GapSlotDto[]): string[] {
  const starts = [...new Set(slots.map((s) => s.start))].sort();
  const busy = new Set(slots.filter((s) => s.required > 0 || s.staffed > 0).map((s) => s.start));
  const first = starts.findIndex((s) => busy.has(s));
  if (first === -1) {
    return [];
  }
  const last = starts.length - 1 - [...starts].reverse().findIndex((s) => busy.has(s));
  return starts.slice(first, last + 1);
}

/**
 * The staffing gap as a heatmap: intervals across, dates down, staffed − required as a diverging
 * colour (short red, over blue), rounded to a tenth of an agent.
 */
export function gapHeatmap(gap: StaffingGapDto, locale?: string): HeatmapData {
  const starts = activeStarts(gap.slots);
  const keep = new Set(starts);
  const dates = [...new Set(gap.slots.map((s) => s.date))].sort();
  const column = new Map(starts.map((s, i) => [s, i]));
  const row = new Map(dates.map((d, i) => [d, i]));
  return {
    columns: starts.map((s) => formatClock(s, locale)),
    rows: dates.map((d) => formatDayLabel(d, locale)),
    cells: gap.slots
      .filter((s) => keep.has(s.start))
      .map((s) => ({
        x: column.get(s.start) ?? 0,
        y: row.get(s.date) ?? 0,
        value: Math.round(s.gap * 10) / 10,
        details: [
          { label: 'Interval', value: formatClockSpan(s.start, gap.intervalMinutes, locale) },
          { label: 'Required on the phones', value: formatNumber(s.required, locale) },
          { label: 'On the floor (shifts)', value: formatNumber(s.staffed, locale, 1) },
          { label: 'of them on overtime', value: formatNumber(s.overtimeStaffed, locale, 1) },
          { label: 'Forecast calls', value: formatNumber(s.offered, locale, 1) },
        ],
      })),
  };
}

/** The worst intervals first: the largest shortfall. */
export function worstSlots(gap: StaffingGapDto, n = 12): GapSlotDto[] {
  return [...gap.slots]
    .filter((s) => s.understaffed)
    .sort((a, b) => a.gap - b.gap || a.date.localeCompare(b.date) || a.start.localeCompare(b.start))
    .slice(0, n);
}

// ------------------------------------------------------------------ pay

export interface PayLine {
  label: string;
  cents: number;
  hours: number | null;
  note: string;
}

/** "2 approved bonus awards" — the awards behind the SPIFF line of a pay estimate. */
export function spiffNote(awards: number): string {
  return awards === 0
    ? 'no approved bonus awards'
    : `${awards} approved bonus award${awards === 1 ? '' : 's'}`;
}

/** The line items of a pay estimate in reading order, each with the hours behind it. */
export function payLines(p: PayEstimateDto): PayLine[] {
  return [
    {
      label: 'Base pay',
      cents: p.lines.baseCents,
      hours: p.paidSeconds / 3600,
      note: 'paid hours × your rate',
    },
    {
      label: 'Overtime premium',
      cents: p.lines.overtimePremiumCents,
      hours: p.overtimeSeconds / 3600,
      note: 'hours past your contract hours in a week, the extra half',
    },
    {
      label: 'Night differential',
      cents: p.lines.nightDifferentialCents,
      hours: p.differentialSeconds.night / 3600,
      note: 'night hours',
    },
    {
      label: 'Weekend differential',
      cents: p.lines.weekendDifferentialCents,
      hours: p.differentialSeconds.weekend / 3600,
      note: 'weekend hours',
    },
    {
      label: 'Holiday differential',
      cents: p.lines.holidayDifferentialCents,
      hours: p.differentialSeconds.holiday / 3600,
      note: 'site holiday hours',
    },
    {
      label: 'SPIFF awards',
      cents: p.lines.spiffCents,
      hours: null,
      note: spiffNote(p.spiffAwards),
    },
  ];
}

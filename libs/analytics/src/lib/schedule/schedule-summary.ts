import { toDayNumber } from '../dates/local-date';
import { consecutiveWorkdays, restGaps, SHORT_REST_SECONDS } from './rest';
import { sendHomeLoss } from './send-home';
import { DEFAULT_PAY_CONFIG, PayConfig, TimeSpan, WorkShift } from './shift.types';
import {
  adherence,
  paidSeconds,
  plannedIntervals,
  scheduledSeconds,
  scheduledSpan,
  stayLateSeconds,
  workedSeconds,
} from './worked-time';
import { dayString, weekdayOfDayNumber, ZoneClock } from '../dates/zone-clock';

/** A planned piece of one shift that lies beyond the week's contract hours. */
export interface OvertimePiece extends TimeSpan {
  /** Index of the shift in the input. */
  index: number;
}

/**
 * metrics.md §4 overtime, placed in time: walking each Monday–Sunday local week in order, the
 * planned time after the agent's contract hours are reached is overtime. The week's total is
 * the one of {@link overtimeByWeek} (planned basis); this says which hours — and so which shifts
 * and which intervals — it falls on (our rule: the last hours of the week are the overtime ones).
 */
export function overtimePieces(
  shifts: readonly WorkShift[],
  zone: string,
  contractHours: number,
): OvertimePiece[] {
  const limitMs = contractHours * 3_600_000;
  const clock = ZoneClock.of(zone);
  const pieces: { startMs: number; endMs: number; monday: number; index: number }[] = [];
  shifts.forEach((shift, index) => {
    for (const span of plannedIntervals(shift)) {
      // split only where a local week begins (Monday 00:00), which a Sunday night crosses
      let start = span.startMs;
      while (start < span.endMs) {
        const day = clock.localDayNumber(start);
        const monday = day - (weekdayOfDayNumber(day) - 1);
        const nextMonday = monday + 7;
        const end =
          clock.localDayNumber(span.endMs - 1) >= nextMonday
            ? clock.startOfLocalDayWithin(nextMonday, start, span.endMs)
            : span.endMs;
        pieces.push({ startMs: start, endMs: end, monday, index });
        start = end;
      }
    }
  });
  pieces.sort((a, b) => a.startMs - b.startMs);
  const usedByWeek = new Map<number, number>();
  const out: OvertimePiece[] = [];
  for (const p of pieces) {
    const monday = p.monday;
    const before = usedByWeek.get(monday) ?? 0;
    const ms = p.endMs - p.startMs;
    usedByWeek.set(monday, before + ms);
    const overMs = Math.min(ms, Math.max(0, before + ms - limitMs));
    if (overMs > 0) {
      const last = out[out.length - 1];
      const startMs = p.endMs - overMs;
      if (last && last.index === p.index && last.endMs === startMs) {
        last.endMs = p.endMs;
      } else {
        out.push({ index: p.index, startMs, endMs: p.endMs });
      }
    }
  }
  return out;
}

/** Input of {@link agentScheduleSummary}. */
export interface AgentScheduleInput {
  /**
   * The agent's shifts from at least 7 days before `window.from` (for rests, runs of workdays
   * and the week's overtime so far) to `window.to`; more is harmless.
   */
  shifts: readonly WorkShift[];
  zone: string;
  /** The agent's contract hours per week (metrics.md §4 overtime). */
  contractHours: number;
  config?: Pick<PayConfig, 'minReportingPayHours'>;
  /** Local dates, inclusive: the shifts that start on them are summarised. */
  window: { from: string; to: string };
  shortRestSeconds?: number;
}

/** Figures of one shift on a roster (metrics.md §4), seconds. */
export interface ShiftFigures {
  /** Index of the shift in the input. */
  index: number;
  scheduledSeconds: number;
  workedSeconds: number;
  /** Planned time at the floor: worked where worked, scheduled where still to come. */
  plannedSeconds: number;
  paidSeconds: number;
  /** Hours lost to an unpaid send-home (0 otherwise). */
  lostSeconds: number;
  stayLateSeconds: number;
  /** Planned time of this shift beyond the week's contract hours. */
  overtimeSeconds: number;
  /** Rest since the previous planned shift ended; null for the first one known. */
  restBeforeSeconds: number | null;
  shortRestBefore: boolean;
  /** Position of the shift's start date in its run of consecutive (planned) workdays. */
  consecutiveDay: number | null;
}

/** Result of {@link agentScheduleSummary}: the window's shifts and totals. */
export interface AgentScheduleSummary {
  shifts: ShiftFigures[];
  scheduledSeconds: number;
  workedSeconds: number;
  plannedSeconds: number;
  paidSeconds: number;
  lostSeconds: number;
  stayLateSeconds: number;
  overtimeSeconds: number;
  shortRests: number;
  /** Longest run of consecutive planned workdays that reaches into the window. */
  longestRun: number;
  adherence: number | null;
}

/**
 * Everything a roster shows per agent and shift (metrics.md §4): scheduled, worked and paid time,
 * hours lost, stay-late minutes, the overtime each shift carries, the rest before it (short under
 * 11 h) and its place in a run of consecutive workdays — on the planned basis, so tomorrow's short
 * rest or seventh day in a row is flagged before it is worked.
 */
export function agentScheduleSummary(input: AgentScheduleInput): AgentScheduleSummary {
  const { shifts, zone } = input;
  const config = input.config ?? DEFAULT_PAY_CONFIG;
  const clock = ZoneClock.of(zone);
  const fromDay = toDayNumber(input.window.from);
  const toDay = toDayNumber(input.window.to);
  const startDay = shifts.map((s) => clock.localDayNumber(scheduledSpan(s).startMs));
  const inWindow = startDay.map((d) => d >= fromDay && d <= toDay);

  const overtime = new Map<number, number>();
  for (const p of overtimePieces(shifts, zone, input.contractHours)) {
    overtime.set(p.index, (overtime.get(p.index) ?? 0) + (p.endMs - p.startMs) / 1000);
  }
  const rests = new Map<number, { gap: number; short: boolean }>();
  for (const g of restGaps(shifts, input.shortRestSeconds ?? SHORT_REST_SECONDS, 'planned')) {
    rests.set(g.toIndex, { gap: g.gapSeconds, short: g.short });
  }
  const runs = consecutiveWorkdays(shifts, zone, 'planned');
  const runByDate = new Map(runs.days.map((d) => [d.date, d.run]));

  const figures: ShiftFigures[] = [];
  const windowShifts: WorkShift[] = [];
  shifts.forEach((shift, index) => {
    if (!inWindow[index]) {
      return;
    }
    windowShifts.push(shift);
    const planned = plannedIntervals(shift).reduce((sum, p) => sum + (p.endMs - p.startMs), 0);
    const rest = rests.get(index);
    figures.push({
      index,
      scheduledSeconds: scheduledSeconds(shift),
      workedSeconds: workedSeconds(shift),
      plannedSeconds: planned / 1000,
      paidSeconds: paidSeconds(shift, config),
      lostSeconds: 0,
      stayLateSeconds: stayLateSeconds(shift),
      overtimeSeconds: overtime.get(index) ?? 0,
      restBeforeSeconds: rest ? rest.gap : null,
      shortRestBefore: rest ? rest.short : false,
      consecutiveDay: planned > 0 ? (runByDate.get(dayString(startDay[index])) ?? null) : null,
    });
  });
  // hours lost of the window's send-homes (metrics.md §4), in the order of `windowShifts`
  for (const lost of sendHomeLoss(windowShifts, config).shifts) {
    figures[lost.index].lostSeconds = lost.lostSeconds;
  }
  const sum = (k: keyof ShiftFigures) => figures.reduce((s, f) => s + (f[k] as number), 0);
  const longestRun = runs.runs
    .filter((r) => r.from <= input.window.to && r.to >= input.window.from)
    .reduce((max, r) => Math.max(max, r.length), 0);
  return {
    shifts: figures,
    scheduledSeconds: sum('scheduledSeconds'),
    workedSeconds: sum('workedSeconds'),
    plannedSeconds: sum('plannedSeconds'),
    paidSeconds: sum('paidSeconds'),
    lostSeconds: sum('lostSeconds'),
    stayLateSeconds: sum('stayLateSeconds'),
    overtimeSeconds: sum('overtimeSeconds'),
    shortRests: figures.filter((f) => f.shortRestBefore).length,
    longestRun,
    adherence: adherence(windowShifts).adherence,
  };
}

import { assertZone } from './instant';
import { WorkShift } from './shift.types';
import { dayString, ZoneClock } from '../dates/zone-clock';
import { actualSpan, plannedIntervals, scheduledSpan, workedIntervals } from './worked-time';

/** metrics.md §4: a rest gap is short when under 11 h. */
export const SHORT_REST_SECONDS = 11 * 3600;

/** The rest between two consecutive worked shifts. */
export interface RestGap {
  /** Indices into the input array. */
  fromIndex: number;
  toIndex: number;
  /** End of the earlier timesheet and start of the later one, epoch ms. */
  fromEndMs: number;
  toStartMs: number;
  /** May be negative when the two timesheets overlap (bad data, and short). */
  gapSeconds: number;
  short: boolean;
}

/**
 * metrics.md §4 rest gap: time between the end of one worked shift and the start of the next,
 * short when under 11 h. Worked shifts are those with worked seconds > 0, ordered by actual
 * start; ends and starts are the timesheet's (a stay-late shortens the next rest).
 */
export function restGaps(
  shifts: readonly WorkShift[],
  shortBelowSeconds: number = SHORT_REST_SECONDS,
  /**
   * `planned`: scheduled shifts count with their scheduled span too, so a roster flags a short
   * rest before it happens (a close followed by an open).
   */
  basis: 'worked' | 'planned' = 'worked',
): RestGap[] {
  const spanOf = (shift: WorkShift) =>
    basis === 'planned' && shift.status === 'scheduled' ? scheduledSpan(shift) : actualSpan(shift);
  const piecesOf = basis === 'planned' ? plannedIntervals : workedIntervals;
  const worked = shifts
    .map((shift, index) => ({ index, span: spanOf(shift), pieces: piecesOf(shift) }))
    .filter((w) => w.span !== null && w.pieces.length > 0)
    .sort((a, b) => (a.span?.startMs ?? 0) - (b.span?.startMs ?? 0) || a.index - b.index);
  const gaps: RestGap[] = [];
  for (let k = 1; k < worked.length; k += 1) {
    const prev = worked[k - 1];
    const next = worked[k];
    const fromEndMs = prev.span?.endMs ?? 0;
    const toStartMs = next.span?.startMs ?? 0;
    const gapSeconds = (toStartMs - fromEndMs) / 1000;
    gaps.push({
      fromIndex: prev.index,
      toIndex: next.index,
      fromEndMs,
      toStartMs,
      gapSeconds,
      short: gapSeconds < shortBelowSeconds,
    });
  }
  return gaps;
}

/** One local date with worked time and its position in the current run of workdays. */
export interface Workday {
  date: string;
  /** 1 for the first day of a run, 7 for the seventh consecutive day, … */
  run: number;
}

/** Result of {@link consecutiveWorkdays}. */
export interface ConsecutiveWorkdays {
  days: Workday[];
  runs: { from: string; to: string; length: number }[];
  longest: number;
}

/**
 * metrics.md §4 consecutive workdays: run lengths of local calendar days (site zone) with worked
 * time. A day counts when any worked second falls on it, so a 22:00–06:00 night shift marks both
 * of its dates.
 */
export function consecutiveWorkdays(
  shifts: readonly WorkShift[],
  zone: string,
  /** `planned`: scheduled shifts count as the days they are planned (a roster's look ahead). */
  basis: 'worked' | 'planned' = 'worked',
): ConsecutiveWorkdays {
  assertZone(zone);
  const piecesOf = basis === 'planned' ? plannedIntervals : workedIntervals;
  const clock = ZoneClock.of(zone);
  const dayNumbers = new Set<number>();
  for (const shift of shifts) {
    for (const span of piecesOf(shift)) {
      // every local date from the one the piece starts on to the one it ends on
      const last = clock.localDayNumber(span.endMs - 1);
      for (let d = clock.localDayNumber(span.startMs); d <= last; d++) {
        dayNumbers.add(d);
      }
    }
  }
  const sorted = [...dayNumbers].sort((a, b) => a - b);
  const days: Workday[] = [];
  const runs: ConsecutiveWorkdays['runs'] = [];
  let previous = Number.NaN;
  for (const day of sorted) {
    const date = dayString(day);
    if (day === previous + 1) {
      days.push({ date, run: days[days.length - 1].run + 1 });
      const current = runs[runs.length - 1];
      current.to = date;
      current.length += 1;
    } else {
      days.push({ date, run: 1 });
      runs.push({ from: date, to: date, length: 1 });
    }
    previous = day;
  }
  return { days, runs, longest: runs.reduce((max, r) => Math.max(max, r.length), 0) };
}

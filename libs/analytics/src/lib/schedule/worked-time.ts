import { toEpochMillis } from './instant';
import { PayConfig, TimeSpan, WorkShift } from './shift.types';

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60_000;

function breakMs(shift: WorkShift): number {
  if (!Number.isFinite(shift.breakMinutes) || shift.breakMinutes < 0) {
    throw new RangeError(`breakMinutes must be a non-negative number, got ${shift.breakMinutes}`);
  }
  return shift.breakMinutes * MS_PER_MINUTE;
}

/**
 * metrics.md §4 scheduled time: the span `[start, end)` in epoch ms; an end before the start is an
 * error.
 */
export function scheduledSpan(shift: WorkShift): TimeSpan {
  const startMs = toEpochMillis(shift.start, 'start');
  const endMs = toEpochMillis(shift.end, 'end');
  if (endMs < startMs) {
    throw new RangeError(`shift${shift.id ? ` ${shift.id}` : ''} ends before it starts`);
  }
  return { startMs, endMs };
}

/** metrics.md §4 timesheet: true for the statuses that carry one, `worked` and `sent_home`. */
export function hasTimesheet(shift: WorkShift): boolean {
  return shift.status === 'worked' || shift.status === 'sent_home';
}

/**
 * The timesheet span `[actual_start, actual_end)` (metrics.md §4 "worked time"), or null when the
 * shift was not worked. Missing timesheet fields fall back to the schedule: a `worked` shift
 * without actuals was worked as scheduled; a `sent_home` shift ends at its `sendHomeAt` (or at
 * its start when neither `actualEnd` nor `sendHomeAt` is known).
 */
export function actualSpan(shift: WorkShift): TimeSpan | null {
  if (!hasTimesheet(shift)) {
    return null;
  }
  const scheduled = scheduledSpan(shift);
  const startMs =
    shift.actualStart != null ? toEpochMillis(shift.actualStart, 'actualStart') : scheduled.startMs;
  let endMs: number;
  if (shift.actualEnd != null) {
    endMs = toEpochMillis(shift.actualEnd, 'actualEnd');
  } else if (shift.status === 'sent_home') {
    endMs = shift.sendHomeAt != null ? toEpochMillis(shift.sendHomeAt, 'sendHomeAt') : startMs;
  } else {
    endMs = scheduled.endMs;
  }
  if (endMs < startMs) {
    throw new RangeError(
      `shift${shift.id ? ` ${shift.id}` : ''} actual end is before actual start`,
    );
  }
  return { startMs, endMs };
}

/**
 * The worked pieces of a shift (metrics.md §4 "worked time: actual_end − actual_start − break").
 * Break placement (our rule): the break is one block centred in the timesheet span — the time
 * before it is `floor((span − break) / 2)` rounded down to the whole second — so a break never
 * sits at a shift edge and adherence, stay-late, differentials and night shares all see the same
 * worked seconds. A break longer than the span consumes the whole span.
 */
export function workedIntervals(shift: WorkShift): TimeSpan[] {
  const span = actualSpan(shift);
  if (span === null) {
    return [];
  }
  const spanMs = span.endMs - span.startMs;
  const brk = Math.min(breakMs(shift), spanMs);
  if (brk === 0) {
    return spanMs > 0 ? [span] : [];
  }
  const beforeMs = Math.floor((spanMs - brk) / 2 / MS_PER_SECOND) * MS_PER_SECOND;
  const pieces: TimeSpan[] = [
    { startMs: span.startMs, endMs: span.startMs + beforeMs },
    { startMs: span.startMs + beforeMs + brk, endMs: span.endMs },
  ];
  return pieces.filter((p) => p.endMs > p.startMs);
}

/**
 * The time an agent is expected on the floor (rosters, projected overtime, planned rests, the
 * staffing gap): the worked pieces of a shift with a timesheet (`worked`, `sent_home` — a
 * send-home ends the time at the floor), the schedule with its break centred for a `scheduled`
 * shift, nothing for an absence.
 */
export function plannedIntervals(shift: WorkShift): TimeSpan[] {
  if (shift.status !== 'scheduled') {
    return workedIntervals(shift);
  }
  return workedIntervals({ ...shift, status: 'worked', actualStart: null, actualEnd: null });
}

function totalMs(spans: readonly TimeSpan[]): number {
  return spans.reduce((sum, s) => sum + (s.endMs - s.startMs), 0);
}

/** metrics.md §1 adherence / §4 stay-late: milliseconds of `spans` inside `[fromMs, toMs)`. */
export function overlapMs(spans: readonly TimeSpan[], fromMs: number, toMs: number): number {
  let sum = 0;
  for (const s of spans) {
    const a = Math.max(s.startMs, fromMs);
    const b = Math.min(s.endMs, toMs);
    if (b > a) {
      sum += b - a;
    }
  }
  return sum;
}

/**
 * metrics.md §4: worked time = `actual_end − actual_start − break`, in seconds (0 if not worked).
 */
export function workedSeconds(shift: WorkShift): number {
  return totalMs(workedIntervals(shift)) / MS_PER_SECOND;
}

/** metrics.md §4: scheduled time = `end − start − break`, in seconds (never negative). */
export function scheduledSeconds(shift: WorkShift): number {
  const span = scheduledSpan(shift);
  return Math.max(0, span.endMs - span.startMs - breakMs(shift)) / MS_PER_SECOND;
}

/**
 * metrics.md §4 "stay-late minutes: worked time after the scheduled end", in seconds (the UI
 * shows minutes). Uses the centred-break worked pieces.
 */
export function stayLateSeconds(shift: WorkShift): number {
  const { endMs } = scheduledSpan(shift);
  return overlapMs(workedIntervals(shift), endMs, Number.POSITIVE_INFINITY) / MS_PER_SECOND;
}

/** Result of {@link adherence}. */
export interface AdherenceResult {
  /** Worked seconds inside the scheduled spans (each shift capped at its scheduled seconds). */
  inScheduleSeconds: number;
  scheduledSeconds: number;
  /** inSchedule ÷ scheduled, or null when nothing was scheduled. */
  adherence: number | null;
  shifts: number;
}

/**
 * metrics.md §1/§4 adherence: seconds of actual worked time inside the scheduled shift ÷
 * scheduled seconds, over the shifts in the period. Counted shifts: status `worked` only —
 * absences are attendance (burnout "absence"), and a `sent_home` shift had its schedule changed
 * by management, so neither counts. Each shift's in-schedule time is capped at its scheduled
 * seconds (a break placed outside the schedule cannot lift a shift above 100 %).
 */
export function adherence(shifts: readonly WorkShift[]): AdherenceResult {
  let inSchedule = 0;
  let scheduled = 0;
  let count = 0;
  for (const shift of shifts) {
    if (shift.status !== 'worked') {
      continue;
    }
    const span = scheduledSpan(shift);
    const sched = scheduledSeconds(shift);
    const inside = overlapMs(workedIntervals(shift), span.startMs, span.endMs) / MS_PER_SECOND;
    inSchedule += Math.min(inside, sched);
    scheduled += sched;
    count += 1;
  }
  return {
    inScheduleSeconds: inSchedule,
    scheduledSeconds: scheduled,
    adherence: scheduled === 0 ? null : inSchedule / scheduled,
    shifts: count,
  };
}

/**
 * Paid seconds of one shift (metrics.md §4 send-home rules):
 * - `worked`: the worked seconds;
 * - `sent_home` with reason `goal_met`: paid through the scheduled end, i.e. as if the timesheet
 *   had run from the actual start to the scheduled end (minus the break), never less than worked;
 * - `sent_home` for `outage`, `low_volume` or no reason: worked seconds, topped up to the minimum
 *   reporting pay (capped at the scheduled seconds);
 * - any other status: 0.
 */
export function paidSeconds(
  shift: WorkShift,
  config: Pick<PayConfig, 'minReportingPayHours'>,
): number {
  const worked = workedSeconds(shift);
  if (shift.status !== 'sent_home') {
    return shift.status === 'worked' ? worked : 0;
  }
  if (shift.sendHomeReason === 'goal_met') {
    const span = actualSpan(shift) as TimeSpan;
    const { endMs } = scheduledSpan(shift);
    const throughEnd = Math.max(0, endMs - span.startMs - breakMs(shift)) / MS_PER_SECOND;
    return Math.max(worked, throughEnd);
  }
  const minimum = Math.min(config.minReportingPayHours * 3600, scheduledSeconds(shift));
  return Math.max(worked, minimum);
}

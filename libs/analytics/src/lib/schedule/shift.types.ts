import { InstantInput } from './instant';

/** Shift status as in the `shifts` import file (interfaces.md). */
export type ShiftStatus =
  | 'scheduled'
  | 'worked'
  | 'absent_unplanned'
  | 'absent_excused'
  | 'sent_home';
/** Shift kind as in the `shifts` import file (interfaces.md). */
export type ShiftKind = 'regular' | 'overtime' | 'training';
/** Why an agent was sent home (metrics.md §4). */
export type SendHomeReason = 'goal_met' | 'outage' | 'low_volume';

/**
 * One scheduled shift and its timesheet. `start`/`end` are the schedule, `actualStart`/`actualEnd`
 * the timesheet; all are instants with an offset.
 */
export interface WorkShift {
  id?: string;
  start: InstantInput;
  end: InstantInput;
  breakMinutes: number;
  status: ShiftStatus;
  kind: ShiftKind;
  actualStart?: InstantInput | null;
  actualEnd?: InstantInput | null;
  sendHomeReason?: SendHomeReason | null;
  sendHomeAt?: InstantInput | null;
}

/** Pay and calendar rules of a site (metrics.md §4); every value is configurable per site. */
export interface PayConfig {
  /** Contract hours per work week; overtime starts beyond them. */
  contractHours: number;
  /** Overtime pay multiplier; the premium line pays `multiplier − 1` on top of base. */
  overtimeMultiplier: number;
  /** Local hour (0–23) at which night starts. */
  nightStart: number;
  /** Local hour (0–23) at which night ends; night wraps midnight when `nightEnd < nightStart`. */
  nightEnd: number;
  nightPct: number;
  weekendPct: number;
  holidayPct: number;
  /** Site holidays, local dates `YYYY-MM-DD`. */
  holidays: readonly string[];
  /**
   * ISO weekdays (1 = Monday … 7 = Sunday) that earn the weekend differential. metrics.md says
   * Saturday/Sunday, the default; a site in Egypt or Bangladesh may set Friday/Saturday `[5, 6]`.
   */
  weekendDays?: readonly number[];
  /** Minimum paid hours of an outage / low-volume send-home (capped at the scheduled time). */
  minReportingPayHours: number;
}

/** metrics.md §4 defaults. */
export const DEFAULT_PAY_CONFIG: PayConfig = Object.freeze({
  contractHours: 40,
  overtimeMultiplier: 1.5,
  nightStart: 22,
  nightEnd: 6,
  nightPct: 0.1,
  weekendPct: 0.1,
  holidayPct: 0.5,
  holidays: Object.freeze([]) as readonly string[],
  minReportingPayHours: 0,
});

/** A half-open span of epoch milliseconds `[startMs, endMs)`. */
export interface TimeSpan {
  startMs: number;
  endMs: number;
}

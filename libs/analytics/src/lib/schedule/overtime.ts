import { assertZone } from './instant';
import { splitAtLocalHours } from './local-hours';
import { DEFAULT_PAY_CONFIG, PayConfig, WorkShift } from './shift.types';
import { plannedIntervals, workedIntervals } from './worked-time';
import { dayString } from '../dates/zone-clock';

/** Worked and overtime seconds of one Monday–Sunday local work week. */
export interface WeekOvertime {
  /** The local Monday that starts the week, `YYYY-MM-DD`. */
  weekStart: string;
  workedSeconds: number;
  overtimeSeconds: number;
}

/**
 * metrics.md §4 overtime: hours worked beyond the contract hours in a work week (Monday–Sunday,
 * site local). Worked time is attributed to the week in which it is worked — a Sunday-night shift
 * that runs into Monday is split at local Monday 00:00 — and weeks never reset at month ends.
 * Paid-but-not-worked time (a `goal_met` release) is not worked and does not count.
 */
export function overtimeByWeek(
  shifts: readonly WorkShift[],
  zone: string,
  config: Pick<PayConfig, 'contractHours'> = DEFAULT_PAY_CONFIG,
  /** `planned`: count scheduled shifts as they are planned too (a roster's projected overtime). */
  basis: 'worked' | 'planned' = 'worked',
): WeekOvertime[] {
  const intervals = basis === 'planned' ? plannedIntervals : workedIntervals;
  assertZone(zone);
  if (!Number.isFinite(config.contractHours) || config.contractHours < 0) {
    throw new RangeError(`contractHours must be non-negative, got ${config.contractHours}`);
  }
  const byWeek = new Map<number, number>();
  for (const shift of shifts) {
    for (const piece of splitAtLocalHours(intervals(shift), zone)) {
      const monday = piece.dayNumber - (piece.weekday - 1);
      byWeek.set(monday, (byWeek.get(monday) ?? 0) + (piece.endMs - piece.startMs));
    }
  }
  const limitSeconds = config.contractHours * 3600;
  return [...byWeek.entries()]
    .sort(([a], [b]) => a - b)
    .map(([monday, ms]) => ({
      weekStart: dayString(monday),
      workedSeconds: ms / 1000,
      overtimeSeconds: Math.max(0, ms / 1000 - limitSeconds),
    }));
}

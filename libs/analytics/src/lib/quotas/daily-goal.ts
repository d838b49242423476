import { InstantInput, toEpochMillis } from '../schedule/instant';
import { isCountQuotaMetric, Quota } from './quota.types';

/** metrics.md §3 daily goal: true for an at-least count quota for the day (or shift). */
export function isDailyGoalQuota(quota: Pick<Quota, 'metric' | 'period' | 'comparator'>): boolean {
  return (
    isCountQuotaMetric(quota.metric) &&
    quota.comparator === 'at_least' &&
    (quota.period === 'day' || quota.period === 'shift')
  );
}

/** Input of {@link dailyGoalMet}. */
export interface DailyGoalInput {
  quota: Pick<Quota, 'metric' | 'period' | 'comparator' | 'target'>;
  /** When each unit (call handled, sale, save, resolution) was recorded, in any order. */
  unitTimes: readonly InstantInput[];
  /** The shift's scheduled end. */
  shiftEnd: InstantInput;
  now: InstantInput;
}

/** Result of {@link dailyGoalMet}. */
export interface DailyGoalResult {
  /** Units recorded up to `now`. */
  units: number;
  /** Units still needed (`ceil(target)` − units, never negative). */
  remaining: number;
  /** When the `ceil(target)`-th unit was recorded, epoch ms, or null. */
  reachedAtMs: number | null;
  /** metrics.md §3 "daily goal met": the target was reached before the shift's end. */
  met: boolean;
  /** Met, and the shift has not ended yet, so a manager may release the agent early. */
  eligibleForEarlyRelease: boolean;
}

/**
 * metrics.md §3 **daily goal met**: a count quota for the day reached before the shift's end;
 * the agent becomes eligible for early release (granted releases are recorded as a `goal_met`
 * send-home, paid through the scheduled end — see `paidSeconds`). A unit recorded exactly at
 * the scheduled end is not "before" it. Units after `now` are ignored, so the answer is the one
 * the floor view would have shown at `now`.
 */
export function dailyGoalMet(input: DailyGoalInput): DailyGoalResult {
  const { quota } = input;
  if (!isDailyGoalQuota(quota)) {
    throw new RangeError('a daily goal is an "at least" count quota with period day or shift');
  }
  if (!(quota.target > 0)) {
    throw new RangeError(`a daily goal needs a positive target, got ${quota.target}`);
  }
  const nowMs = toEpochMillis(input.now, 'now');
  const endMs = toEpochMillis(input.shiftEnd, 'shiftEnd');
  const times = input.unitTimes
    .map((t) => toEpochMillis(t, 'unit time'))
    .filter((t) => t <= nowMs)
    .sort((a, b) => a - b);
  const needed = Math.ceil(quota.target);
  const reachedAtMs = times.length >= needed ? times[needed - 1] : null;
  const met = reachedAtMs !== null && reachedAtMs < endMs;
  return {
    units: times.length,
    remaining: Math.max(0, needed - times.length),
    reachedAtMs,
    met,
    eligibleForEarlyRelease: met && nowMs < endMs,
  };
}

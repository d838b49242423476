import { InstantInput, toEpochMillis } from '../schedule/instant';
import { quotaProgress } from './quota-progress';
import { isCountQuotaMetric, QuotaComparator, QuotaMetric } from './quota.types';

/** Pacing status (metrics.md §3). */
export type PacingStatus = 'ahead' | 'on_pace' | 'behind';

/** Input of {@link pacing}. */
export interface PacingInput {
  target: number;
  /** Count so far, or the current rate (null for a rate with no calls yet). */
  actual: number | null;
  /** Shift (or period) start and end, and the current instant. */
  start: InstantInput;
  end: InstantInput;
  now: InstantInput;
  comparator: QuotaComparator;
  /** When given, decides count vs rate pacing; otherwise `at_most` means rate, `at_least` count. */
  metric?: QuotaMetric;
}

/** Result of {@link pacing}. */
export interface PacingResult {
  measure: 'count' | 'rate';
  /** `f = (now − start) ÷ (end − start)`, clamped to [0, 1]. */
  elapsedFraction: number;
  /** Counts: `target × f`; rates: the target itself. */
  expected: number;
  /** Null only for a rate with no actual yet. */
  status: PacingStatus | null;
  /** Counts: `actual ÷ f`; rates: the current rate. Null until `f ≥ 0.10`. */
  projected: number | null;
  /** {@link quotaProgress} of the actual so far. */
  progress: number | null;
}

const AHEAD = 105;
const BEHIND = 90;

/**
 * metrics.md §3 pacing inside a shift. Counts: `f = (now − start) ÷ (end − start)`, expected
 * `= target × f`, `ahead` when `actual ≥ 1.05 × expected`, `behind` when `actual < 0.90 ×
 * expected`, else `on_pace`; projected `= actual ÷ f` once `f ≥ 0.10`. `f` is clamped to [0, 1];
 * at `f = 0` nothing is expected yet, so the status is `on_pace` (or `ahead` with units already).
 * The comparisons are cross-multiplied (`100 · actual · duration ≥ 105 · target · elapsed`) so
 * integer counts meet the 1.05 / 0.90 boundaries exactly.
 *
 * Pacing proper applies to count metrics. A rate (`aht_seconds` at most, `csat`/`qa_score` at
 * least) does not accumulate, so its status compares the current rate with the target through
 * the progress ratio `r` (actual ÷ target, or target ÷ actual for at-most): `ahead` when
 * `r ≥ 1.05`, `behind` when `r < 0.90` — an AHT target of 300 s is ahead at ≤ 285.7 s and
 * behind above 333.3 s. Its expected value is the target and its projection the current rate.
 */
export function pacing(input: PacingInput): PacingResult {
  const startMs = toEpochMillis(input.start, 'start');
  const endMs = toEpochMillis(input.end, 'end');
  const nowMs = toEpochMillis(input.now, 'now');
  if (endMs <= startMs) {
    throw new RangeError('pacing needs a period that ends after it starts');
  }
  const duration = endMs - startMs;
  return pacingFromElapsed({
    target: input.target,
    actual: input.actual,
    comparator: input.comparator,
    metric: input.metric,
    elapsedMs: Math.min(duration, Math.max(0, nowMs - startMs)),
    durationMs: duration,
  });
}

/** Input of {@link pacingFromElapsed}: the elapsed part of the period instead of its instants. */
export interface ElapsedPacingInput {
  target: number;
  actual: number | null;
  comparator: QuotaComparator;
  metric?: QuotaMetric;
  /** Time of the period already gone, in [0, durationMs] (e.g. scheduled seconds worked so far). */
  elapsedMs: number;
  /** The whole period (e.g. the scheduled seconds of the week's shifts); > 0. */
  durationMs: number;
}

/**
 * {@link pacing} for a period that is not one span: a week of shifts, or a team's day, where `f`
 * is the scheduled time elapsed so far ÷ the scheduled time of the period (time between shifts
 * does not count, so a Monday evening is not "behind" on a weekly quota for the days not worked
 * yet). Same rules and boundaries as {@link pacing}.
 */
export function pacingFromElapsed(input: ElapsedPacingInput): PacingResult {
  const duration = input.durationMs;
  if (!(duration > 0) || !Number.isFinite(duration)) {
    throw new RangeError('pacing needs a period that ends after it starts');
  }
  const elapsed = Math.min(duration, Math.max(0, input.elapsedMs));
  const f = elapsed / duration;
  const projectable = 10 * elapsed >= duration;
  const { target, actual, comparator } = input;
  const measure =
    input.metric !== undefined
      ? isCountQuotaMetric(input.metric)
        ? 'count'
        : 'rate'
      : comparator === 'at_most'
        ? 'rate'
        : 'count';
  if (measure === 'count') {
    if (comparator !== 'at_least') {
      throw new RangeError('count quotas are "at least" quotas');
    }
    const units = actual ?? 0;
    let status: PacingStatus;
    if (elapsed === 0) {
      status = units > 0 ? 'ahead' : 'on_pace';
    } else if (100 * units * duration >= AHEAD * target * elapsed) {
      status = 'ahead';
    } else if (100 * units * duration < BEHIND * target * elapsed) {
      status = 'behind';
    } else {
      status = 'on_pace';
    }
    return {
      measure,
      elapsedFraction: f,
      expected: (target * elapsed) / duration,
      status,
      projected: projectable ? (units * duration) / elapsed : null,
      progress: quotaProgress(units, target, comparator),
    };
  }

  let status: PacingStatus | null = null;
  if (actual !== null) {
    // r = actual ÷ target (at least) or target ÷ actual (at most), cross-multiplied
    const [numerator, denominator] = comparator === 'at_most' ? [target, actual] : [actual, target];
    if (100 * numerator >= AHEAD * denominator) {
      status = 'ahead';
    } else if (100 * numerator < BEHIND * denominator) {
      status = 'behind';
    } else {
      status = 'on_pace';
    }
  }
  return {
    measure,
    elapsedFraction: f,
    expected: target,
    status,
    projected: projectable ? actual : null,
    progress: quotaProgress(actual, target, comparator),
  };
}

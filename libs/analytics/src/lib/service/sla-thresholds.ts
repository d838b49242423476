import { ServiceCall, ServiceSums, isAnswered, isInboundAbandoned } from './call-service';

/**
 * The SL thresholds T (seconds) pre-counted in every 15-minute rollup row, so SL(T) of
 * metrics.md §1 can be reported for any of them without re-reading calls. The default T is 20 s.
 */
export const SLA_THRESHOLDS = [10, 15, 20, 30, 45, 60, 90, 120, 180, 300] as const;

export type SlaThreshold = (typeof SLA_THRESHOLDS)[number];

/**
 * Per-threshold SL numerator and denominator parts, index-aligned with {@link SLA_THRESHOLDS}:
 * `answeredWithin[i]` counts inbound answered calls with queue ≤ SLA_THRESHOLDS[i],
 * `abandonedAfter[i]` inbound abandoned calls with queue > SLA_THRESHOLDS[i].
 */
export interface SlaThresholdCounts {
  answeredWithin: number[];
  abandonedAfter: number[];
}

/** True when `seconds` is one of the pre-counted thresholds. */
export function isSlaThreshold(seconds: number): seconds is SlaThreshold {
  return (SLA_THRESHOLDS as readonly number[]).includes(seconds);
}

/** Index of `seconds` in SLA_THRESHOLDS; throws a RangeError for a threshold not pre-counted. */
export function slaThresholdIndex(seconds: number): number {
  const index = (SLA_THRESHOLDS as readonly number[]).indexOf(seconds);
  if (index < 0) {
    throw new RangeError(
      `SL threshold ${seconds} s is not pre-counted; use one of ${SLA_THRESHOLDS.join(', ')}`,
    );
  }
  return index;
}

/** All-zero per-threshold counts. */
export function emptySlaThresholdCounts(): SlaThresholdCounts {
  return {
    answeredWithin: SLA_THRESHOLDS.map(() => 0),
    abandonedAfter: SLA_THRESHOLDS.map(() => 0),
  };
}

/**
 * What one call adds to each threshold's SL(T) counts (metrics.md §1 SL(T), inbound only: answered
 * with queue ≤ T; abandoned with queue > T; short abandons count neither way). The same rule as
 * {@link callServiceIncrements}, evaluated for every T in SLA_THRESHOLDS.
 */
export function callSlaThresholdCounts(call: ServiceCall): SlaThresholdCounts {
  const counts = emptySlaThresholdCounts();
  if (call.direction !== 'inbound') {
    return counts;
  }
  const answered = isAnswered(call);
  const abandoned = !answered && isInboundAbandoned(call);
  SLA_THRESHOLDS.forEach((t, i) => {
    counts.answeredWithin[i] = answered && call.queueSeconds <= t ? 1 : 0;
    counts.abandonedAfter[i] = abandoned && call.queueSeconds > t ? 1 : 0;
  });
  return counts;
}

/** Element-wise sum of two per-threshold counts. */
export function addSlaThresholdCounts(
  a: SlaThresholdCounts,
  b: SlaThresholdCounts,
): SlaThresholdCounts {
  return {
    answeredWithin: a.answeredWithin.map((v, i) => v + b.answeredWithin[i]),
    abandonedAfter: a.abandonedAfter.map((v, i) => v + b.abandonedAfter[i]),
  };
}

/**
 * `sums` with its SL numerator/denominator parts taken from the pre-counted threshold
 * `slaSeconds` — how a rollup row (counted once for all thresholds) becomes the ServiceSums of
 * metrics.md §1 for the T a caller asked for.
 */
export function withSlaThreshold(
  sums: ServiceSums,
  counts: SlaThresholdCounts,
  slaSeconds: number,
): ServiceSums {
  const i = slaThresholdIndex(slaSeconds);
  return {
    ...sums,
    answeredWithinSla: counts.answeredWithin[i],
    abandonedAfterSla: counts.abandonedAfter[i],
  };
}

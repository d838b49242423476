import { CallDirection, CallOutcome, isAnswered, isInboundAbandoned } from './call-service';
import { SLA_THRESHOLDS } from './sla-thresholds';

/**
 * The additive measures of one rollup row (a 15-minute or day group of calls), in a fixed order.
 * Every service figure of metrics.md §1 is a ratio of these sums ({@link serviceFigures}); the
 * rollup tables store one column per name. The first 19 are counts and seconds; then, for every
 * T in SLA_THRESHOLDS, `ans_le_T` (inbound answered with queue ≤ T) and `abn_gt_T` (inbound
 * abandoned with queue > T).
 */
export const ROLLUP_MEASURE_NAMES = [
  'calls',
  'offered',
  'answered',
  'abandoned',
  'inbound_answered',
  'queue_answered',
  'handle_seconds',
  'talk_seconds',
  'hold_seconds',
  'wrap_seconds',
  'hostile',
  'resolved',
  'sales',
  'saves',
  'sale_cents',
  'qa_sum',
  'qa_count',
  'csat_sum',
  'csat_count',
  ...SLA_THRESHOLDS.flatMap((t) => [`ans_le_${t}`, `abn_gt_${t}`]),
] as const;

export type RollupMeasureName = (typeof ROLLUP_MEASURE_NAMES)[number];

/** Measures per rollup row. */
export const ROLLUP_MEASURE_COUNT = ROLLUP_MEASURE_NAMES.length;

/** Index of the first threshold pair (`ans_le_<first T>`). */
const FIRST_THRESHOLD = ROLLUP_MEASURE_NAMES.indexOf(`ans_le_${SLA_THRESHOLDS[0]}`);
// Module-local references for the per-call loop (imported bindings are getters once bundled).
const THRESHOLDS: readonly number[] = [...SLA_THRESHOLDS];
const answeredCall = isAnswered;
const inboundAbandonedCall = isInboundAbandoned;

/** What a rollup reads of one call. */
export interface RollupCall {
  direction: CallDirection;
  outcome: CallOutcome;
  /** An agent is recorded (`employee_code` present). */
  hasAgent: boolean;
  queueSeconds: number;
  talkSeconds: number;
  holdSeconds: number;
  wrapSeconds: number;
  hostile: boolean;
  saleAmountCents: number | null;
  qaScore: number | null;
  csat: number | null;
}

/**
 * Adds one call to the rollup row stored at `sums[offset … offset + ROLLUP_MEASURE_COUNT)`, in
 * ROLLUP_MEASURE_NAMES order. The same classification as {@link callServiceIncrements} and
 * {@link callSlaThresholdCounts} (answered = an agent and outcome ≠ abandoned, any direction;
 * offered, abandoned, SL and ASA inbound only; hostile and handle time on answered calls), plus
 * outcome counts, sale cents of sales, and QA / CSAT sums and counts of the calls that carry one.
 * Writes into a flat array so a million calls add up without an object per call.
 */
export function addCallToRollup(
  sums: Float64Array | number[],
  offset: number,
  call: RollupCall,
): void {
  const answered = answeredCall(call);
  const abandoned = inboundAbandonedCall(call);
  const inboundAnswered = answered && call.direction === 'inbound';
  const o = offset;
  sums[o] += 1;
  if (inboundAnswered || abandoned) {
    sums[o + 1] += 1;
  }
  if (answered) {
    sums[o + 2] += 1;
    sums[o + 6] += call.talkSeconds + call.holdSeconds + call.wrapSeconds;
    sums[o + 7] += call.talkSeconds;
    sums[o + 8] += call.holdSeconds;
    sums[o + 9] += call.wrapSeconds;
    if (call.hostile) {
      sums[o + 10] += 1;
    }
  }
  if (abandoned) {
    sums[o + 3] += 1;
  }
  if (inboundAnswered) {
    sums[o + 4] += 1;
    sums[o + 5] += call.queueSeconds;
  }
  if (call.outcome === 'resolved') {
    sums[o + 11] += 1;
  } else if (call.outcome === 'sale') {
    sums[o + 12] += 1;
    sums[o + 14] += call.saleAmountCents ?? 0;
  } else if (call.outcome === 'save') {
    sums[o + 13] += 1;
  }
  if (call.qaScore !== null) {
    sums[o + 15] += call.qaScore;
    sums[o + 16] += 1;
  }
  if (call.csat !== null) {
    sums[o + 17] += call.csat;
    sums[o + 18] += 1;
  }
  if (inboundAnswered || abandoned) {
    const q = call.queueSeconds;
    let k = o + FIRST_THRESHOLD;
    for (let j = 0; j < THRESHOLDS.length; j++) {
      const t = THRESHOLDS[j];
      if (inboundAnswered && q <= t) {
        sums[k] += 1;
      } else if (abandoned && q > t) {
        sums[k + 1] += 1;
      }
      k += 2;
    }
  }
}

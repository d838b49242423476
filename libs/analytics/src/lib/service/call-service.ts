import { median, ratio } from '../common';

/**
 * Calls and service — metrics.md §1.
 *
 * DECISION (lead engineer): offered, abandoned, service level and ASA consider **inbound** calls
 * only, because queue time is meaningless for outbound calls; `answered` (handled) and AHT count
 * every handled call of any direction (an agent is present and the outcome is not `abandoned`).
 *
 * Consequences spelled out, so every consumer classifies a call the same way:
 * - abandoned = inbound with outcome `abandoned` (the outcome decides, even if an agent is
 *   recorded); an outbound `abandoned` call counts nowhere.
 * - an inbound call with no agent and an outcome other than `abandoned` (e.g. finished in the IVR)
 *   is neither answered nor abandoned, so it is not offered either ("answered or abandoned").
 * - a hostile flag counts only on answered calls, so hostile rate = hostile ÷ answered ≤ 1.
 */

export type CallDirection = 'inbound' | 'outbound';
export type CallOutcome =
  | 'resolved'
  | 'unresolved'
  | 'sale'
  | 'save'
  | 'escalated'
  | 'transferred'
  | 'abandoned';

/** The fields of a call (interfaces.md `calls` import) that service figures read. */
export interface ServiceCall {
  direction: CallDirection;
  outcome: CallOutcome;
  /** True when the call has an agent (`employee_code` present). */
  hasAgent: boolean;
  queueSeconds: number;
  talkSeconds: number;
  holdSeconds: number;
  wrapSeconds: number;
  hostile?: boolean;
}

/**
 * Additive counts behind every §1 figure. Sums of rows (calls, 15-minute rollups, days) add
 * field by field with {@link addServiceSums}; the ratios are taken only at the end.
 */
export interface ServiceSums {
  /** Inbound answered + inbound abandoned. */
  offered: number;
  /** Handled calls of any direction (agent present, outcome ≠ abandoned). */
  answered: number;
  /** Inbound calls with outcome `abandoned`. */
  abandoned: number;
  /** Inbound answered calls with queue_seconds ≤ T. */
  answeredWithinSla: number;
  /** Inbound abandoned calls with queue_seconds > T (short abandons count neither way). */
  abandonedAfterSla: number;
  /** Inbound answered calls (the ASA denominator and part of the SL denominator). */
  inboundAnswered: number;
  /** Σ queue_seconds of inbound answered calls. */
  queueSecondsInboundAnswered: number;
  /** Σ (talk + hold + wrap) of answered calls of any direction. */
  handleSeconds: number;
  /** Answered calls flagged hostile. */
  hostile: number;
}

/** The §1 figures of a set of calls; every ratio is null when its denominator is empty. */
export interface ServiceFigures {
  offered: number;
  answered: number;
  abandoned: number;
  /** SL(T) in [0, 1] for the T the sums were counted with. */
  serviceLevel: number | null;
  asaSeconds: number | null;
  ahtSeconds: number | null;
  abandonRate: number | null;
  hostileRate: number | null;
}

/** A ServiceSums of zeros (the identity of {@link addServiceSums}). */
export function emptyServiceSums(): ServiceSums {
  return {
    offered: 0,
    answered: 0,
    abandoned: 0,
    answeredWithinSla: 0,
    abandonedAfterSla: 0,
    inboundAnswered: 0,
    queueSecondsInboundAnswered: 0,
    handleSeconds: 0,
    hostile: 0,
  };
}

/** Handle time of one call: talk + hold + wrap (metrics.md §1, AHT numerator). */
export function callHandleSeconds(call: ServiceCall): number {
  return call.talkSeconds + call.holdSeconds + call.wrapSeconds;
}

/** metrics.md §1 "answered (handled)": an agent and outcome ≠ `abandoned`, any direction. */
export function isAnswered(call: ServiceCall): boolean {
  return call.hasAgent && call.outcome !== 'abandoned';
}

/** metrics.md §1 "abandoned", restricted to inbound calls (see the decision above). */
export function isInboundAbandoned(call: ServiceCall): boolean {
  return call.direction === 'inbound' && call.outcome === 'abandoned';
}

/**
 * What one call adds to each ServiceSums field for an SL threshold of `slaSeconds` (metrics.md §1
 * offered, answered, abandoned, SL(T), ASA, AHT, hostile rate).
 */
export function callServiceIncrements(call: ServiceCall, slaSeconds: number): ServiceSums {
  const sums = emptyServiceSums();
  const answered = isAnswered(call);
  const inbound = call.direction === 'inbound';
  if (answered) {
    sums.answered = 1;
    sums.handleSeconds = callHandleSeconds(call);
    sums.hostile = call.hostile ? 1 : 0;
    if (inbound) {
      sums.offered = 1;
      sums.inboundAnswered = 1;
      sums.queueSecondsInboundAnswered = call.queueSeconds;
      sums.answeredWithinSla = call.queueSeconds <= slaSeconds ? 1 : 0;
    }
  } else if (isInboundAbandoned(call)) {
    sums.offered = 1;
    sums.abandoned = 1;
    sums.abandonedAfterSla = call.queueSeconds > slaSeconds ? 1 : 0;
  }
  return sums;
}

/** Field-by-field sum of two ServiceSums (they are all additive counts or seconds). */
export function addServiceSums(a: ServiceSums, b: ServiceSums): ServiceSums {
  return {
    offered: a.offered + b.offered,
    answered: a.answered + b.answered,
    abandoned: a.abandoned + b.abandoned,
    answeredWithinSla: a.answeredWithinSla + b.answeredWithinSla,
    abandonedAfterSla: a.abandonedAfterSla + b.abandonedAfterSla,
    inboundAnswered: a.inboundAnswered + b.inboundAnswered,
    queueSecondsInboundAnswered: a.queueSecondsInboundAnswered + b.queueSecondsInboundAnswered,
    handleSeconds: a.handleSeconds + b.handleSeconds,
    hostile: a.hostile + b.hostile,
  };
}

/** ServiceSums of a list of calls for threshold `slaSeconds`. */
export function sumCallService(calls: readonly ServiceCall[], slaSeconds: number): ServiceSums {
  let sums = emptyServiceSums();
  for (const call of calls) {
    sums = addServiceSums(sums, callServiceIncrements(call, slaSeconds));
  }
  return sums;
}

/**
 * The §1 figures from additive sums:
 * - SL(T) = answered within T ÷ (answered + abandoned after T), inbound only; empty → null.
 * - ASA = Σ queue_seconds ÷ inbound answered.
 * - abandon rate = abandoned ÷ offered.
 * - AHT = Σ(talk + hold + wrap) ÷ answered.
 * - hostile rate = hostile ÷ answered.
 */
export function serviceFigures(sums: ServiceSums): ServiceFigures {
  return {
    offered: sums.offered,
    answered: sums.answered,
    abandoned: sums.abandoned,
    serviceLevel: ratio(sums.answeredWithinSla, sums.inboundAnswered + sums.abandonedAfterSla),
    asaSeconds: ratio(sums.queueSecondsInboundAnswered, sums.inboundAnswered),
    ahtSeconds: ratio(sums.handleSeconds, sums.answered),
    abandonRate: ratio(sums.abandoned, sums.offered),
    hostileRate: ratio(sums.hostile, sums.answered),
  };
}

/**
 * Median handle time (talk + hold + wrap) over raw per-call handle seconds — the robust companion
 * of AHT (metrics.md §1 AHT uses the mean); null for no calls.
 */
export function medianHandleSeconds(handleSeconds: readonly number[]): number | null {
  return median(handleSeconds);
}

/**
 * metrics.md §1 occupancy (actual) = Σ(talk + hold + wrap) of the agent's calls ÷ worked seconds
 * (timesheet time minus breaks). Null when nothing was worked. Not capped at 1: a value above 1
 * signals calls outside the recorded timesheet, which a manager should see rather than hide.
 */
export function occupancy(handleSeconds: number, workedSeconds: number): number | null {
  return workedSeconds > 0 ? handleSeconds / workedSeconds : null;
}

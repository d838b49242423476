import { ratio } from '../common';
import { QuotaMetric } from './quota.types';

/**
 * The additive sums behind every quota metric (metrics.md §3), as the rollups keep them
 * (`call_rollup_*`: answered, handle_seconds, hostile, sales, saves, resolved, qa and csat sums
 * and counts). Sums of rollup rows and of single calls add field by field; the rates are taken
 * only at the end ({@link quotaActual}).
 */
export interface QuotaSums {
  /** Handled calls (an agent and outcome ≠ abandoned), the `calls_handled` metric. */
  callsHandled: number;
  handleSeconds: number;
  hostile: number;
  sales: number;
  saves: number;
  resolved: number;
  qaSum: number;
  qaCount: number;
  csatSum: number;
  csatCount: number;
}

export function emptyQuotaSums(): QuotaSums {
  return {
    callsHandled: 0,
    handleSeconds: 0,
    hostile: 0,
    sales: 0,
    saves: 0,
    resolved: 0,
    qaSum: 0,
    qaCount: 0,
    csatSum: 0,
    csatCount: 0,
  };
}

export function addQuotaSums(a: QuotaSums, b: QuotaSums): QuotaSums {
  return {
    callsHandled: a.callsHandled + b.callsHandled,
    handleSeconds: a.handleSeconds + b.handleSeconds,
    hostile: a.hostile + b.hostile,
    sales: a.sales + b.sales,
    saves: a.saves + b.saves,
    resolved: a.resolved + b.resolved,
    qaSum: a.qaSum + b.qaSum,
    qaCount: a.qaCount + b.qaCount,
    csatSum: a.csatSum + b.csatSum,
    csatCount: a.csatCount + b.csatCount,
  };
}

/** One call as the live floor receives it (the fields of a `floor_event`). */
export interface LiveCall {
  /** Epoch ms when the call started (before its queue time). */
  startedAtMs: number;
  /** True when an agent took it and its outcome is not `abandoned`. */
  answered: boolean;
  queueSeconds: number;
  handleSeconds: number;
  outcome: string;
  hostile: boolean;
  qaScore: number | null;
  csat: number | null;
}

/**
 * The sums one call adds, with the predicates of the rollups (`call-rollups.sql.ts`): handle
 * time and hostile count answered calls only; outcomes count whatever the agent; QA and CSAT
 * count every call that carries one. A test checks these against the rollups call by call.
 */
export function callQuotaSums(call: LiveCall): QuotaSums {
  return {
    callsHandled: call.answered ? 1 : 0,
    handleSeconds: call.answered ? call.handleSeconds : 0,
    hostile: call.answered && call.hostile ? 1 : 0,
    sales: call.outcome === 'sale' ? 1 : 0,
    saves: call.outcome === 'save' ? 1 : 0,
    resolved: call.outcome === 'resolved' ? 1 : 0,
    qaSum: call.qaScore ?? 0,
    qaCount: call.qaScore === null ? 0 : 1,
    csatSum: call.csat ?? 0,
    csatCount: call.csat === null ? 0 : 1,
  };
}

/**
 * metrics.md §3 metric values of a set of sums: counts as they are; `aht_seconds` = Σ handle ÷
 * handled (§1 AHT), `csat` and `qa_score` the mean of the calls that carry one; null when empty.
 */
export function quotaActual(sums: QuotaSums, metric: QuotaMetric): number | null {
  switch (metric) {
    case 'calls_handled':
      return sums.callsHandled;
    case 'sales':
      return sums.sales;
    case 'saves':
      return sums.saves;
    case 'resolved':
      return sums.resolved;
    case 'aht_seconds':
      return ratio(sums.handleSeconds, sums.callsHandled);
    case 'csat':
      return ratio(sums.csatSum, sums.csatCount);
    case 'qa_score':
      return ratio(sums.qaSum, sums.qaCount);
  }
}

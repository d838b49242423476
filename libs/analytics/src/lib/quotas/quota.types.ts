/** Who a quota applies to (metrics.md §3). */
export type QuotaScope = 'agent' | 'team' | 'campaign';
/** The metric a quota targets (metrics.md §3). */
export type QuotaMetric =
  | 'calls_handled'
  | 'sales'
  | 'saves'
  | 'resolved'
  | 'aht_seconds'
  | 'csat'
  | 'qa_score';
/** The period a quota covers (metrics.md §3). */
export type QuotaPeriod = 'shift' | 'day' | 'week';
/** Whether the actual must reach the target (`at_least`) or stay under it (`at_most`). */
export type QuotaComparator = 'at_least' | 'at_most';

/** metrics.md §3: `{scope, metric, period, target, comparator}`. */
export interface Quota {
  scope: QuotaScope;
  metric: QuotaMetric;
  period: QuotaPeriod;
  target: number;
  comparator: QuotaComparator;
}

/** Count metrics accumulate during a period; the others are rates (means). */
export const COUNT_QUOTA_METRICS: readonly QuotaMetric[] = Object.freeze([
  'calls_handled',
  'sales',
  'saves',
  'resolved',
]);

/** metrics.md §3: `aht_seconds` is "at most"; `csat`, `qa_score` and the counts are "at least". */
export const QUOTA_METRIC_COMPARATOR: Readonly<Record<QuotaMetric, QuotaComparator>> =
  Object.freeze({
    calls_handled: 'at_least',
    sales: 'at_least',
    saves: 'at_least',
    resolved: 'at_least',
    aht_seconds: 'at_most',
    csat: 'at_least',
    qa_score: 'at_least',
  });

/** metrics.md §3: true for the count metrics (`calls_handled`, `sales`, `saves`, `resolved`). */
export function isCountQuotaMetric(metric: QuotaMetric): boolean {
  return COUNT_QUOTA_METRICS.includes(metric);
}

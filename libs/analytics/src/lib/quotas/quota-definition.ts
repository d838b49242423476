import {
  isCountQuotaMetric,
  QUOTA_METRIC_COMPARATOR,
  QuotaComparator,
  QuotaMetric,
  QuotaPeriod,
  QuotaScope,
} from './quota.types';

export const QUOTA_SCOPES: readonly QuotaScope[] = ['agent', 'team', 'campaign'];
export const QUOTA_METRICS: readonly QuotaMetric[] = Object.keys(
  QUOTA_METRIC_COMPARATOR,
) as QuotaMetric[];
export const QUOTA_PERIODS: readonly QuotaPeriod[] = ['shift', 'day', 'week'];

/** A quota as a manager defines it (metrics.md §3), before it is stored. */
export interface QuotaDefinition {
  scope: unknown;
  metric: unknown;
  period: unknown;
  target: unknown;
  comparator?: unknown;
  /** Team scope only: the target of each member rather than of the team's total. */
  perMember?: unknown;
}

/** The largest target accepted per metric (a typo of 8000 calls a shift is caught here). */
const MAX_TARGET: Readonly<Record<QuotaMetric, number>> = {
  calls_handled: 100_000,
  sales: 100_000,
  saves: 100_000,
  resolved: 100_000,
  aht_seconds: 7200,
  csat: 5,
  qa_score: 100,
};
const MIN_TARGET: Readonly<Partial<Record<QuotaMetric, number>>> = { csat: 1, aht_seconds: 10 };

/**
 * Checks a quota definition and names every problem by field: scope, metric and period from
 * their lists; the comparator, when given, must be the metric's (§3: `aht_seconds` at most, the
 * others at least); a positive target within the metric's range (CSAT 1–5, QA 0–100, AHT
 * 10–7200 s, counts up to 100,000); `perMember` only on a team quota.
 */
export function quotaDefinitionProblems(d: QuotaDefinition): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const scopeOk = QUOTA_SCOPES.includes(d.scope as QuotaScope);
  if (!scopeOk) {
    problems.push({ field: 'scope', message: `scope must be one of ${QUOTA_SCOPES.join(', ')}` });
  }
  const metricOk = QUOTA_METRICS.includes(d.metric as QuotaMetric);
  if (!metricOk) {
    problems.push({
      field: 'metric',
      message: `metric must be one of ${QUOTA_METRICS.join(', ')}`,
    });
  }
  if (!QUOTA_PERIODS.includes(d.period as QuotaPeriod)) {
    problems.push({
      field: 'period',
      message: `period must be one of ${QUOTA_PERIODS.join(', ')}`,
    });
  }
  if (metricOk) {
    const metric = d.metric as QuotaMetric;
    const expected: QuotaComparator = QUOTA_METRIC_COMPARATOR[metric];
    if (d.comparator !== undefined && d.comparator !== expected) {
      problems.push({
        field: 'comparator',
        message: `${metric} is an "${expected}" metric; comparator must be ${expected}`,
      });
    }
    problems.push(...targetProblems(metric, d.target));
  }
  if (d.perMember !== undefined && typeof d.perMember !== 'boolean') {
    problems.push({ field: 'perMember', message: 'perMember must be true or false' });
  } else if (d.perMember === true && scopeOk && d.scope !== 'team') {
    problems.push({
      field: 'perMember',
      message: 'perMember applies to team quotas only (an agent quota is already per agent)',
    });
  }
  return problems;
}

/** The problems of a target for `metric` (also used when a target changes). */
export function targetProblems(
  metric: QuotaMetric,
  target: unknown,
): { field: string; message: string }[] {
  if (typeof target !== 'number' || !Number.isFinite(target)) {
    return [{ field: 'target', message: 'target must be a number' }];
  }
  const min = MIN_TARGET[metric] ?? 0;
  const max = MAX_TARGET[metric];
  if (!(target > 0) || target < min || target > max) {
    return [
      {
        field: 'target',
        message: `target of ${metric} must be ${min > 0 ? `between ${min} and` : 'above 0 and at most'} ${max}, got ${target}`,
      },
    ];
  }
  if (isCountQuotaMetric(metric) && !Number.isInteger(target)) {
    return [{ field: 'target', message: `a count target is a whole number, got ${target}` }];
  }
  return [];
}

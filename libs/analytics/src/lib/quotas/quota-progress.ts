import { mean } from '../common';
import { isCountQuotaMetric, QuotaComparator, QuotaMetric } from './quota.types';

/**
 * metrics.md §3 "progress = actual ÷ target (for 'at most' metrics: target ÷ actual, capped at 1
 * when met)". An at-least quota may exceed 1 (120 % of target). An at-most quota is met — and
 * reports exactly 1 — whenever `actual ≤ target`, which also covers an actual of 0. Null when
 * there is no actual yet, or when an at-least target is 0 (an empty denominator has no figure).
 */
export function quotaProgress(
  actual: number | null,
  target: number,
  comparator: QuotaComparator,
): number | null {
  if (actual === null) {
    return null;
  }
  if (comparator === 'at_most') {
    return actual <= target ? 1 : target / actual;
  }
  return target === 0 ? null : actual / target;
}

/**
 * metrics.md §3 comparator: met when `actual ≥ target` (at least) or `actual ≤ target` (at most).
 */
export function quotaMet(
  actual: number | null,
  target: number,
  comparator: QuotaComparator,
): boolean {
  if (actual === null) {
    return false;
  }
  return comparator === 'at_most' ? actual <= target : actual >= target;
}

/**
 * metrics.md §3 "Team and campaign quotas apply to the sum (counts) or the mean (rates) of their
 * members". For counts a member without a figure adds 0; for rates members without a figure
 * (no calls) are left out of the mean, and no figures at all give null.
 */
export function aggregateQuotaActual(
  metric: QuotaMetric,
  memberActuals: readonly (number | null)[],
): number | null {
  if (isCountQuotaMetric(metric)) {
    return memberActuals.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  }
  return mean(memberActuals.filter((v): v is number => v !== null));
}

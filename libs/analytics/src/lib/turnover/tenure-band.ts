/**
 * Tenure bands for grouping turnover figures (metrics.md §6 "grouped by … tenure band"). The
 * spec names the dimension but not the bands; the first band ends at 90 days to line up with
 * 90-day (early) attrition, the rest at six months, one and two years (in days: 180, 365, 730).
 */
export const TENURE_BANDS = ['0-89d', '90-179d', '180-364d', '1-2y', '2y+'] as const;

export type TenureBand = (typeof TENURE_BANDS)[number];

/** The tenure band of a tenure in days (lower bounds inclusive: 90 → '90-179d', 730 → '2y+'). */
export function tenureBand(days: number): TenureBand {
  if (!Number.isFinite(days) || days < 0) {
    throw new RangeError(`tenure must be a finite number of days ≥ 0 (got ${days})`);
  }
  if (days < 90) {
    return '0-89d';
  }
  if (days < 180) {
    return '90-179d';
  }
  if (days < 365) {
    return '180-364d';
  }
  return days < 730 ? '1-2y' : '2y+';
}

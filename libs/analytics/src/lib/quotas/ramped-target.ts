import { localDaysBetween } from '../schedule/instant';
import { QuotaComparator } from './quota.types';

/**
 * A new-hire ramp: productivity `startFraction` in week one, rising linearly to 1 by week `weeks`.
 */
export interface RampConfig {
  startFraction: number;
  weeks: number;
}

/** 50 % in week one, 100 % by week eight (the new-hire ramp of metrics.md §6 cost of turnover). */
export const DEFAULT_RAMP: RampConfig = Object.freeze({ startFraction: 0.5, weeks: 8 });

/**
 * metrics.md §3 targets with the §6 ramp (50 % over 8 weeks): the ramp fraction on local date
 * `date` for an agent hired on `hireDate`. Tenure week `w = floor(days since hire ÷ 7) + 1` (the
 * hire date starts week 1); the fraction is `start + (1 − start) × (w − 1) ÷ (weeks − 1)` up to
 * week `weeks`, and 1 from then on — with the defaults 0.5, 0.5714…, …, 0.9286 and 1 in week eight,
 * a step of 1/14 per week.
 */
export function rampFraction(
  hireDate: string,
  date: string,
  ramp: RampConfig = DEFAULT_RAMP,
): number {
  if (!(ramp.startFraction >= 0 && ramp.startFraction <= 1)) {
    throw new RangeError(`ramp startFraction must lie in [0, 1], got ${ramp.startFraction}`);
  }
  if (!Number.isInteger(ramp.weeks) || ramp.weeks < 1) {
    throw new RangeError(`ramp weeks must be a whole number ≥ 1, got ${ramp.weeks}`);
  }
  const days = localDaysBetween(hireDate, date);
  if (days < 0) {
    throw new RangeError(`${date} is before the hire date ${hireDate}`);
  }
  const week = Math.floor(days / 7) + 1;
  if (ramp.weeks === 1 || week >= ramp.weeks) {
    return 1;
  }
  return ramp.startFraction + ((1 - ramp.startFraction) * (week - 1)) / (ramp.weeks - 1);
}

/**
 * A quota target ramped for a new hire (metrics.md §3 quotas with the §6 ramp: 50 % productivity
 * rising to 100 % over 8 weeks). At-least targets are multiplied by the ramp fraction; at-most
 * targets (AHT) are divided by it — a new hire at half productivity may take twice as long.
 * The result is not rounded (a count target of 45.71 is met at 46 units).
 */
export function rampedTarget(
  target: number,
  hireDate: string,
  date: string,
  ramp: RampConfig = DEFAULT_RAMP,
  comparator: QuotaComparator = 'at_least',
): number {
  const fraction = rampFraction(hireDate, date, ramp);
  if (comparator === 'at_most') {
    return fraction === 0 ? Number.POSITIVE_INFINITY : target / fraction;
  }
  return target * fraction;
}

import { differentialSeconds } from './differentials';
import { lineCents } from './money';
import { overtimeByWeek } from './overtime';
import { validatePayConfig } from './pay-config';
import { DEFAULT_PAY_CONFIG, PayConfig, WorkShift } from './shift.types';
import { paidSeconds, workedSeconds } from './worked-time';

/** Input of {@link payEstimate}. */
export interface PayEstimateInput {
  /** The shifts of whole Monday–Sunday work weeks (overtime is computed per week). */
  shifts: readonly WorkShift[];
  /** The site's IANA zone. */
  zone: string;
  /** Base rate in integer cents per hour (e.g. $15.81/h → 1581). */
  hourlyRateCents: number;
  config?: PayConfig;
  /** Approved SPIFF awards of the period, integer cents. */
  spiffAwardsCents?: readonly number[];
}

/** Line items of {@link payEstimate}, each rounded once. */
export interface PayEstimateLines {
  baseCents: number;
  overtimePremiumCents: number;
  nightDifferentialCents: number;
  weekendDifferentialCents: number;
  holidayDifferentialCents: number;
  spiffCents: number;
}

/** Result of {@link payEstimate}. */
export interface PayEstimate {
  lines: PayEstimateLines;
  totalCents: number;
  paidSeconds: number;
  workedSeconds: number;
  overtimeSeconds: number;
  differentialSeconds: { night: number; weekend: number; holiday: number };
}

/**
 * metrics.md §4 pay estimate `= base + overtime premium + differentials + approved SPIFF awards`,
 * in integer cents, each line rounded once half away from zero:
 * - base = paid hours × rate (paid includes `goal_met` remainders and minimum reporting pay);
 * - overtime premium = overtime hours × rate × (multiplier − 1), per Monday–Sunday local week;
 * - one differential line per category (night, weekend, holiday): hours won by that category
 *   (largest percentage per hour, not stacked) × rate × percentage;
 * - SPIFF = the sum of the approved awards (already cents).
 */
export function payEstimate(input: PayEstimateInput): PayEstimate {
  const config = input.config ?? DEFAULT_PAY_CONFIG;
  const rate = input.hourlyRateCents;
  const problems = validatePayConfig(config);
  if (problems.length > 0) {
    throw new RangeError(`invalid pay config: ${problems.join('; ')}`);
  }
  for (const award of input.spiffAwardsCents ?? []) {
    if (!Number.isInteger(award)) {
      throw new RangeError(`SPIFF awards must be integer cents, got ${award}`);
    }
  }
  const paid = input.shifts.reduce((sum, s) => sum + paidSeconds(s, config), 0);
  const worked = input.shifts.reduce((sum, s) => sum + workedSeconds(s), 0);
  const overtime = overtimeByWeek(input.shifts, input.zone, config).reduce(
    (sum, w) => sum + w.overtimeSeconds,
    0,
  );
  const diff = differentialSeconds(input.shifts, input.zone, config);
  const lines: PayEstimateLines = {
    baseCents: lineCents(paid * 1000, rate),
    overtimePremiumCents: lineCents(overtime * 1000, rate, config.overtimeMultiplier - 1),
    nightDifferentialCents: lineCents(diff.night * 1000, rate, config.nightPct),
    weekendDifferentialCents: lineCents(diff.weekend * 1000, rate, config.weekendPct),
    holidayDifferentialCents: lineCents(diff.holiday * 1000, rate, config.holidayPct),
    spiffCents: (input.spiffAwardsCents ?? []).reduce((sum, a) => sum + a, 0),
  };
  return {
    lines,
    totalCents: Object.values(lines).reduce((sum, v) => sum + v, 0),
    paidSeconds: paid,
    workedSeconds: worked,
    overtimeSeconds: overtime,
    differentialSeconds: { night: diff.night, weekend: diff.weekend, holiday: diff.holiday },
  };
}

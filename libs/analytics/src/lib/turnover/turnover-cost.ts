import { roundHalfAwayFromZero } from '../common';

/** Configurable defaults of the metrics.md §6 cost of turnover. */
export const TURNOVER_COST_DEFAULTS = {
  recruitingCents: 150_000,
  trainingWeeks: 4,
  rampWeeks: 8,
  rampProductivity: 0.5,
  contractHours: 40,
} as const;

export interface TurnoverCostParams {
  /** Hourly base rate in cents (e.g. 1581 for $15.81). */
  baseRateCents: number;
  /** Separations to cost; default 1. May be fractional for expected values (the what-if). */
  separations?: number;
  /** Contract hours per week; default 40. */
  contractHours?: number;
  /** Recruiting cost per separation in cents; default 150,000 ($1,500). */
  recruitingCents?: number;
  /** Paid training weeks per replacement; default 4. */
  trainingWeeks?: number;
  /** Ramp length in weeks; default 8. */
  rampWeeks?: number;
  /** Productivity of a new hire during the ramp; default 0.5. */
  rampProductivity?: number;
}

/** Line items in integer cents, each rounded once (half away from zero); total = their sum. */
export interface TurnoverCost {
  recruitingCents: number;
  trainingCents: number;
  rampLossCents: number;
  totalCents: number;
}

/**
 * metrics.md §6 cost of turnover, per separation: recruiting + training weeks × contract hours ×
 * base rate + ramp loss. RAMP LOSS is the pay for output not delivered while ramping:
 * (1 − ramp productivity) × ramp weeks × contract hours × base rate — with the defaults
 * 0.5 × 8 × 40 h = 160 paid hours. Money is integer cents, each line item rounded once.
 */
export function turnoverCost(params: TurnoverCostParams): TurnoverCost {
  const separations = params.separations ?? 1;
  const hours = params.contractHours ?? TURNOVER_COST_DEFAULTS.contractHours;
  const recruiting = params.recruitingCents ?? TURNOVER_COST_DEFAULTS.recruitingCents;
  const trainingWeeks = params.trainingWeeks ?? TURNOVER_COST_DEFAULTS.trainingWeeks;
  const rampWeeks = params.rampWeeks ?? TURNOVER_COST_DEFAULTS.rampWeeks;
  const productivity = params.rampProductivity ?? TURNOVER_COST_DEFAULTS.rampProductivity;
  const problems: string[] = [];
  for (const [name, value] of Object.entries({
    baseRateCents: params.baseRateCents,
    separations,
    contractHours: hours,
    recruitingCents: recruiting,
    trainingWeeks,
    rampWeeks,
  })) {
    if (!Number.isFinite(value) || value < 0) {
      problems.push(`${name} must be a finite number ≥ 0 (got ${value})`);
    }
  }
  if (!Number.isFinite(productivity) || productivity < 0 || productivity > 1) {
    problems.push(`rampProductivity must be between 0 and 1 (got ${productivity})`);
  }
  if (problems.length > 0) {
    throw new RangeError(problems.join('; '));
  }
  const recruitingCents = roundHalfAwayFromZero(separations * recruiting);
  const trainingCents = roundHalfAwayFromZero(
    separations * trainingWeeks * hours * params.baseRateCents,
  );
  const rampLossCents = roundHalfAwayFromZero(
    separations * (1 - productivity) * rampWeeks * hours * params.baseRateCents,
  );
  return {
    recruitingCents,
    trainingCents,
    rampLossCents,
    totalCents: recruitingCents + trainingCents + rampLossCents,
  };
}

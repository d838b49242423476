/**
 * Wilson score interval for a binomial proportion (Wilson 1927): the confidence interval the
 * turnover drivers show beside every rate, so a group of 6 agents with 3 exits reads as
 * "50 %, somewhere between 19 % and 81 %" rather than as a fact. Unlike the normal ("Wald")
 * interval it stays inside [0, 1] and is sensible at 0 or n successes and for small n.
 *
 *   centre = (p̂ + z²/2n) / (1 + z²/n),  half = z·√(p̂(1 − p̂)/n + z²/4n²) / (1 + z²/n)
 */
export interface ProportionInterval {
  lower: number;
  upper: number;
}

/** z of a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

export function wilsonInterval(
  successes: number,
  trials: number,
  z: number = Z_95,
): ProportionInterval | null {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0) {
    throw new RangeError(
      `successes and trials must be whole numbers ≥ 0 (got ${successes}/${trials})`,
    );
  }
  if (successes > trials) {
    throw new RangeError(`successes (${successes}) exceed trials (${trials})`);
  }
  if (trials === 0) {
    return null;
  }
  const n = trials;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // At p̂ = 0 or 1 the bound is exactly 0 or 1 on paper; floats can land a hair outside.
  return {
    lower: successes === 0 ? 0 : Math.max(0, centre - half),
    upper: successes === n ? 1 : Math.min(1, centre + half),
  };
}

/** `ramp(x, lo, hi) = min(1, max(0, (x − lo) / (hi − lo)))` — metrics.md conventions. */
export function ramp(x: number, lo: number, hi: number): number {
  if (hi === lo) {
    return x >= hi ? 1 : 0;
  }
  return Math.min(1, Math.max(0, (x - lo) / (hi - lo)));
}

/** Rounds half away from zero (metrics.md §4: money is rounded once per line item this way). */
export function roundHalfAwayFromZero(x: number): number {
  const r = Math.round(Math.abs(x));
  // Math.round rounds .5 up for positives, so |x| then sign gives half-away-from-zero.
  return x < 0 ? -r : r;
}

/** Arithmetic mean, or null for an empty list. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  let sum = 0;
  for (const v of values) {
    sum += v;
  }
  return sum / values.length;
}

/** Median (mean of the two middle values for an even count), or null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Population standard deviation, or null for an empty list. */
export function stdDev(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null) {
    return null;
  }
  let sq = 0;
  for (const v of values) {
    sq += (v - m) * (v - m);
  }
  return Math.sqrt(sq / values.length);
}

/** a ÷ b, or null when b is 0 (an empty denominator has no figure, not zero). */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

const MICRO = 1_000_000;
const MS_PER_HOUR = 3_600_000n;

/** A fraction such as 0.10 or 0.5 as an integer number of millionths (exact for config values). */
function toMicros(fraction: number): bigint {
  if (!Number.isFinite(fraction) || fraction < 0) {
    throw new RangeError(`pay percentages and multipliers must be non-negative, got ${fraction}`);
  }
  return BigInt(Math.round(fraction * MICRO));
}

/** n ÷ d rounded half away from zero, exactly (d > 0). */
function divideRounded(n: bigint, d: bigint): bigint {
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = abs / d;
  const r = abs % d;
  const rounded = r * 2n >= d ? q + 1n : q;
  return negative ? -rounded : rounded;
}

/**
 * Cents for `ms` milliseconds at `rateCents` per hour times `fraction`, rounded once half away
 * from zero (metrics.md §4). Integer arithmetic end to end, so 5 h × 1581 ¢ × 10 % is exactly
 * 790.5 ¢ and rounds to 791 ¢ — a float product could land on 790.4999… and round down.
 */
export function lineCents(ms: number, rateCents: number, fraction = 1): number {
  if (!Number.isInteger(rateCents) || rateCents < 0) {
    throw new RangeError(`hourly rate must be a non-negative integer of cents, got ${rateCents}`);
  }
  const n = BigInt(Math.round(ms)) * BigInt(rateCents) * toMicros(fraction);
  return Number(divideRounded(n, MS_PER_HOUR * BigInt(MICRO)));
}

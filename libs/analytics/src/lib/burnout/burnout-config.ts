/** The nine BRI components, in the order of the metrics.md §5 table. */
export const BURNOUT_COMPONENTS = [
  'overtime',
  'occupancy',
  'hostile',
  'recovery',
  'irregularity',
  'unsocial',
  'quota_pressure',
  'drift',
  'absence',
] as const;

/** One BRI component name (metrics.md §5). */
export type BurnoutComponentName = (typeof BURNOUT_COMPONENTS)[number];

/** The ramps of metrics.md §5; irregularity has two (start-time σ and unpaid send-homes). */
export type BurnoutRampName =
  | Exclude<BurnoutComponentName, 'irregularity'>
  | 'irregularity_sigma'
  | 'irregularity_send_homes';

/** Every ramp name, in table order. */
export const BURNOUT_RAMPS: readonly BurnoutRampName[] = Object.freeze([
  'overtime',
  'occupancy',
  'hostile',
  'recovery',
  'irregularity_sigma',
  'irregularity_send_homes',
  'unsocial',
  'quota_pressure',
  'drift',
  'absence',
]);

/** `ramp(x, lo, hi)` bounds. */
export interface RampBounds {
  lo: number;
  hi: number;
}

/** Weights, ramps and thresholds of the BRI; "configurable, the defaults are these" (§5). */
export interface BurnoutConfig {
  weights: Record<BurnoutComponentName, number>;
  ramps: Record<BurnoutRampName, RampBounds>;
  /** A rest gap under this many hours is short (metrics.md §4: 11 h). */
  shortRestHours: number;
  /** A worked day that is this consecutive day or later counts for recovery (§5: the 7th). */
  consecutiveDayLimit: number;
  /** Drift compares a call metric only when both windows have at least this many calls. */
  driftMinCalls: number;
  /** Drift compares adherence only when both windows have at least this many shifts. */
  driftMinShifts: number;
  /** Night window for "unsocial", local hours (metrics.md §4: 22:00–06:00). */
  nightStart: number;
  nightEnd: number;
  /** ISO weekdays counted as weekend for "unsocial" (default Saturday, Sunday). */
  weekendDays: readonly number[];
}

/** metrics.md §5 defaults. */
export const DEFAULT_BURNOUT_CONFIG: BurnoutConfig = Object.freeze({
  weights: Object.freeze({
    overtime: 0.15,
    occupancy: 0.15,
    hostile: 0.15,
    recovery: 0.1,
    irregularity: 0.1,
    unsocial: 0.05,
    quota_pressure: 0.1,
    drift: 0.1,
    absence: 0.1,
  }),
  ramps: Object.freeze({
    overtime: { lo: 0, hi: 40 },
    occupancy: { lo: 0.75, hi: 0.95 },
    hostile: { lo: 0.02, hi: 0.12 },
    recovery: { lo: 0, hi: 6 },
    irregularity_sigma: { lo: 1, hi: 4 },
    irregularity_send_homes: { lo: 0, hi: 3 },
    unsocial: { lo: 0.1, hi: 0.5 },
    quota_pressure: { lo: 0.1, hi: 0.6 },
    drift: { lo: 0, hi: 0.2 },
    absence: { lo: 0, hi: 3 },
  }),
  shortRestHours: 11,
  consecutiveDayLimit: 7,
  driftMinCalls: 10,
  driftMinShifts: 2,
  nightStart: 22,
  nightEnd: 6,
  weekendDays: Object.freeze([6, 7]),
});

/**
 * Checks a BRI configuration (metrics.md §5 "weights and ramps are configurable") and returns
 * every problem, or [] when valid: weights finite and non-negative and summing to 1 (within
 * 1e−9), each ramp with `hi > lo`, positive thresholds, night hours 0–23.
 */
export function validateBurnoutConfig(config: BurnoutConfig): string[] {
  const errors: string[] = [];
  let sum = 0;
  for (const name of BURNOUT_COMPONENTS) {
    const w = config.weights[name];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      errors.push(`weight of ${name} must be a non-negative number`);
    } else {
      sum += w;
    }
  }
  if (errors.length === 0 && Math.abs(sum - 1) > 1e-9) {
    errors.push(`weights must sum to 1, they sum to ${Number(sum.toFixed(12))}`);
  }
  for (const name of BURNOUT_RAMPS) {
    const bounds = config.ramps[name];
    if (
      !bounds ||
      !Number.isFinite(bounds.lo) ||
      !Number.isFinite(bounds.hi) ||
      bounds.hi <= bounds.lo
    ) {
      errors.push(`ramp ${name} needs finite bounds with hi > lo`);
    }
  }
  if (!(config.shortRestHours > 0)) {
    errors.push('shortRestHours must be positive');
  }
  for (const name of ['consecutiveDayLimit', 'driftMinCalls', 'driftMinShifts'] as const) {
    if (!Number.isInteger(config[name]) || config[name] < 1) {
      errors.push(`${name} must be a whole number ≥ 1`);
    }
  }
  for (const name of ['nightStart', 'nightEnd'] as const) {
    if (!Number.isInteger(config[name]) || config[name] < 0 || config[name] > 23) {
      errors.push(`${name} must be a whole hour from 0 to 23`);
    }
  }
  return errors;
}

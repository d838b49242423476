/**
 * The causal chain of domain.md, as the generator plays it out: a team staffed below its call
 * volume runs at high occupancy with long queues and abandons, the manager plugs the gap with
 * overtime and schedule changes, callers who waited get hostile, agents accumulate stress, their
 * quality drifts down, and the monthly separation hazard rises with that stress.
 * Every constant lives here so the manifest and docs/demo-data.md can quote them.
 */

export const CHAIN = {
  /** Offered handle time per rostered contract hour for a team at staffing ratio 1.0. */
  occupancyTarget: 0.8,
  /** Agents never exceed this occupancy; calls beyond it abandon. */
  occupancyCap: 0.96,
  /** Overtime is scheduled when the day's offered load exceeds this share of the planned supply. */
  overtimeTrigger: 0.98,
  /** Occupancy the manager plans overtime towards, and the share of that gap he manages to cover. */
  overtimeTargetOccupancy: 0.9,
  overtimeCoverShare: 0.25,
  /** Days-off picked up voluntarily (per off day) even when the team is fine. */
  voluntaryOvertimeRate: 0.003,
  /** At most this many overtime shifts per agent per week. */
  maxOvertimeShiftsPerWeek: 2,
  /** Stress is a weighted sum of ramps over exponentially decayed (≈ 4-week) sums. */
  stressDecayDays: 14,
  stressWeights: { occupancy: 0.35, overtime: 0.25, hostile: 0.2, recovery: 0.2 },
  stressRamps: {
    occupancy: [0.74, 0.93] as const,
    overtimeHours: [0, 12] as const,
    hostileRate: [0.03, 0.065] as const,
    recoveryEvents: [0, 3] as const,
  },
  /** Monthly separation hazard = base × (1 + stressWeight × stress) × early × propensity. */
  baseMonthlyHazard: 0.015,
  stressHazardWeight: 4.5,
  earlyTenureDays: 90,
  earlyHazardMultiplier: 2.5,
  /**
   * Separations are drawn per team: the members' daily probabilities accumulate, and each time
   * the sum passes a threshold drawn from this range one member leaves, picked in proportion to
   * their probability. Expected counts are those of independent draws, with less noise.
   */
  separationThreshold: [0.6, 1.4] as const,
  /** Training: new hires spend this many working days in training shifts (no calls). */
  trainingWorkdays: 10,
  /** New hires handle calls slower and score lower until this many days after training. */
  rampDays: 60,
  /** Days from a separation to the replacement's first day (a Monday at or after the lag). */
  hiringLagDays: [14, 42] as const,
  /** Unplanned absence probability per scheduled shift at zero stress, and its stress slope. */
  unplannedAbsenceRate: 0.018,
  unplannedAbsenceStressSlope: 2,
  /** Stay-late probability per worked shift: base + slope × ramp(load, 0.85, 1.05). */
  stayLateBase: 0.05,
  stayLateSlope: 0.3,
} as const;

export function ramp(x: number, lo: number, hi: number): number {
  if (x <= lo) return 0;
  if (x >= hi) return 1;
  return (x - lo) / (hi - lo);
}

export interface StressInputs {
  occupancy: number;
  overtimeHours: number;
  hostileRate: number;
  recoveryEvents: number;
}

export function stressIndex(x: StressInputs): number {
  const w = CHAIN.stressWeights;
  const r = CHAIN.stressRamps;
  return (
    w.occupancy * ramp(x.occupancy, r.occupancy[0], r.occupancy[1]) +
    w.overtime * ramp(x.overtimeHours, r.overtimeHours[0], r.overtimeHours[1]) +
    w.hostile * ramp(x.hostileRate, r.hostileRate[0], r.hostileRate[1]) +
    w.recovery * ramp(x.recoveryEvents, r.recoveryEvents[0], r.recoveryEvents[1])
  );
}

export function monthlySeparationHazard(
  stress: number,
  tenureDays: number,
  propensity: number,
): number {
  const early = tenureDays < CHAIN.earlyTenureDays ? CHAIN.earlyHazardMultiplier : 1;
  const h = CHAIN.baseMonthlyHazard * (1 + CHAIN.stressHazardWeight * stress) * early * propensity;
  return Math.min(0.9, h);
}

export function dailyFromMonthly(monthly: number): number {
  return 1 - Math.pow(1 - monthly, 1 / 30.44);
}

export interface QueueState {
  /** Share of offered calls that abandon. */
  abandonRate: number;
  /** Occupancy of the agents on the phones. */
  occupancy: number;
  /** Share of answered calls that waited in queue, and the mean wait of those that did. */
  answeredWaitShare: number;
  meanWaitSeconds: number;
}

/**
 * Queue behaviour of a half-hour slot from its load u = offered handle seconds ÷ agent seconds
 * available. A simple closed form tuned to look like Erlang C with abandonment at these team
 * sizes: below ~0.75 calls are answered at once, towards 1.0 waits grow and callers hang up, and
 * what the agents cannot absorb at the occupancy cap is abandoned.
 */
export function queueState(u: number, inbound: boolean): QueueState {
  const cap = CHAIN.occupancyCap;
  if (!inbound) {
    return {
      abandonRate: 0,
      occupancy: Math.min(cap, u),
      answeredWaitShare: 0,
      meanWaitSeconds: 0,
    };
  }
  if (!Number.isFinite(u)) {
    return { abandonRate: 1, occupancy: 0, answeredWaitShare: 1, meanWaitSeconds: 240 };
  }
  let abandonRate = 0.01 + 0.1 * ramp(u, 0.8, 1.15);
  let occupancy = u * (1 - abandonRate);
  if (occupancy > cap) {
    occupancy = cap;
    abandonRate = 1 - cap / u;
  }
  const answeredWaitShare = Math.min(0.97, 0.05 + 0.9 * ramp(u, 0.55, 1.05));
  const meanWaitSeconds = 8 + 150 * Math.pow(ramp(u, 0.7, 1.15), 1.5);
  return { abandonRate, occupancy, answeredWaitShare, meanWaitSeconds };
}

/** Relative call volume by ISO weekday (index 0 = Monday); the mean is 1. */
export const WEEKDAY_VOLUME: readonly number[] = [1.18, 1.08, 1.05, 1.02, 1.0, 0.85, 0.82];

/**
 * Pairs of consecutive days off and their weights, solved so that the share of agents at work on
 * each weekday follows WEEKDAY_VOLUME (Monday fullest, weekend emptiest). Index = first day.
 */
export const DAYS_OFF_PAIRS: readonly (readonly [number, number])[] = [
  [6, 7],
  [7, 1],
  [1, 2],
  [2, 3],
  [3, 4],
  [4, 5],
  [5, 6],
];
export const DAYS_OFF_WEIGHTS: readonly number[] = [0.3, 0.114, 0.043, 0.186, 0.064, 0.207, 0.079];

/** Intraday arrival modulation in [0, 1]: peaks late morning and early afternoon, local time. */
export function arrivalCurve(hour: number): number {
  const a = Math.exp(-Math.pow((hour - 10.5) / 1.6, 2));
  const b = 0.9 * Math.exp(-Math.pow((hour - 14.25) / 1.7, 2));
  return Math.min(1, a + b);
}

/** Calls are fewer on public holidays. */
export const HOLIDAY_VOLUME = 0.55;

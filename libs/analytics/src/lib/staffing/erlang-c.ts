import {
  ERLANG_DEFAULTS,
  ErlangCInput,
  ErlangInputError,
  scheduledAgents,
  trafficErlangs,
  validateErlangInput,
} from './erlang-input';

/**
 * Erlang C staffing — metrics.md §2, the definitions of pyworkforce's ErlangC
 * (`required_positions`). Erlang B is computed by its recursion only (no factorials, no powers),
 * which stays in (0, 1] and is exact and fast with A in the thousands; the agent search is one
 * O(N) pass that carries B(k) forward, starting at the smallest integer strictly above A.
 */

/** The figures at one agent count N. */
export interface ErlangCPoint {
  agents: number;
  /** SL = 1 − C·exp(−(N − A)·T ÷ AHT); 0 when N ≤ A. */
  serviceLevel: number;
  /** C, the probability that a call waits; 1 when N ≤ A. */
  waitProbability: number;
  /** ASA = C·AHT ÷ (N − A); null when N ≤ A (the queue has no steady state). */
  asaSeconds: number | null;
  /** A ÷ N (0 when N = 0). */
  occupancy: number;
}

/** The answer of metrics.md §2 for one interval; the figures are those at `rawAgents`. */
export interface ErlangCResult {
  trafficErlangs: number;
  /** Smallest integer N > A with SL ≥ SL* and A ÷ N ≤ Occ*. */
  rawAgents: number;
  /** ceil(raw ÷ (1 − s)) (scheduled required agents). */
  agents: number;
  serviceLevel: number;
  waitProbability: number;
  asaSeconds: number;
  occupancy: number;
}

/**
 * metrics.md §2 Erlang B by recursion: `B(0) = 1`, `B(k) = A·B(k−1) ÷ (k + A·B(k−1))`.
 * O(N); never uses factorials.
 */
export function erlangB(agents: number, traffic: number): number {
  let b = 1;
  for (let k = 1; k <= agents; k++) {
    b = (traffic * b) / (k + traffic * b);
  }
  return b;
}

/** metrics.md §2 wait probability from B(N): `C = N·B ÷ (N − A·(1 − B))` for N > A, else 1. */
function waitProbabilityFromB(agents: number, traffic: number, b: number): number {
  if (agents <= traffic) {
    return 1;
  }
  return (agents * b) / (agents - traffic * (1 - b));
}

function pointFromB(
  agents: number,
  traffic: number,
  b: number,
  ahtSeconds: number,
  targetAnswerSeconds: number,
): ErlangCPoint {
  const occupancy = agents > 0 ? traffic / agents : 0;
  if (agents <= traffic) {
    return { agents, serviceLevel: 0, waitProbability: 1, asaSeconds: null, occupancy };
  }
  const c = waitProbabilityFromB(agents, traffic, b);
  return {
    agents,
    serviceLevel: 1 - c * Math.exp((-(agents - traffic) * targetAnswerSeconds) / ahtSeconds),
    waitProbability: c,
    asaSeconds: (c * ahtSeconds) / (agents - traffic),
    occupancy,
  };
}

/** metrics.md §2 wait probability C(N, A) (Erlang C formula via the Erlang B recursion). */
export function erlangCWaitProbability(agents: number, traffic: number): number {
  return waitProbabilityFromB(agents, traffic, erlangB(agents, traffic));
}

/**
 * metrics.md §2 figures (SL, C, ASA, occupancy) for `agents` agents at traffic `traffic` Erlangs.
 */
export function erlangCAt(
  traffic: number,
  agents: number,
  ahtSeconds: number,
  targetAnswerSeconds: number,
): ErlangCPoint {
  return pointFromB(agents, traffic, erlangB(agents, traffic), ahtSeconds, targetAnswerSeconds);
}

/**
 * Walks N = floor(A) + 1, floor(A) + 2, … (the integers strictly above A — never round(A + 1),
 * which skips floor(A) + 1 when A's fraction is ≥ .5), carrying B(N) forward, and hands each
 * point to `visit` until it returns false.
 */
function walkAboveTraffic(
  traffic: number,
  ahtSeconds: number,
  targetAnswerSeconds: number,
  visit: (point: ErlangCPoint) => boolean,
): void {
  const first = Math.floor(traffic) + 1;
  let b = erlangB(first - 1, traffic);
  for (let n = first; ; n++) {
    b = (traffic * b) / (n + traffic * b);
    if (!visit(pointFromB(n, traffic, b, ahtSeconds, targetAnswerSeconds))) {
      return;
    }
  }
}

function meetsTargets(
  point: ErlangCPoint,
  targetServiceLevel: number,
  maxOccupancy: number,
): boolean {
  return point.serviceLevel >= targetServiceLevel && point.occupancy <= maxOccupancy;
}

/**
 * metrics.md §2 Erlang C staffing for one interval: traffic, raw required agents (smallest integer
 * N > A with SL ≥ SL* and A ÷ N ≤ Occ*), scheduled agents `ceil(raw ÷ (1 − s))`, and SL, wait
 * probability, ASA and occupancy at the raw agent count.
 *
 * Zero calls: no traffic needs no agent, so raw = scheduled = 0 with SL 1, wait probability 0,
 * ASA 0 and occupancy 0 (nobody waits because nobody calls).
 *
 * @throws ErlangInputError listing every problem of the input.
 */
export function erlangC(input: ErlangCInput): ErlangCResult {
  const problems = validateErlangInput(input);
  if (problems.length > 0) {
    throw new ErlangInputError(problems);
  }
  const maxOccupancy = input.maxOccupancy ?? ERLANG_DEFAULTS.maxOccupancy;
  const shrinkage = input.shrinkage ?? ERLANG_DEFAULTS.shrinkage;
  const traffic = trafficErlangs(input.calls, input.intervalMinutes, input.ahtSeconds);
  if (traffic === 0) {
    return {
      trafficErlangs: 0,
      rawAgents: 0,
      agents: 0,
      serviceLevel: 1,
      waitProbability: 0,
      asaSeconds: 0,
      occupancy: 0,
    };
  }
  let found: ErlangCPoint | undefined;
  walkAboveTraffic(traffic, input.ahtSeconds, input.targetAnswerSeconds, (point) => {
    if (meetsTargets(point, input.targetServiceLevel, maxOccupancy)) {
      found = point;
      return false;
    }
    return true;
  });
  // The walk ends only when a point meets the targets: SL → 1 and A ÷ N → 0 as N grows.
  const raw = found as ErlangCPoint;
  return {
    trafficErlangs: traffic,
    rawAgents: raw.agents,
    agents: scheduledAgents(raw.agents, shrinkage),
    serviceLevel: raw.serviceLevel,
    waitProbability: raw.waitProbability,
    asaSeconds: raw.asaSeconds as number,
    occupancy: raw.occupancy,
  };
}

/** Options of {@link serviceLevelCurve}. */
export interface ServiceLevelCurveOptions {
  /** Last agent count of the curve (inclusive); defaults as described on the function. */
  toAgents?: number;
}

/**
 * The metrics.md §2 figures for every N from the smallest integer above A up to `toAgents`, for
 * a chart of SL / wait probability / ASA / occupancy against staffing. By default the curve ends
 * two agents past the later of the raw required agents and the first N with SL ≥ 0.99, so the
 * chart shows the target being met and the plateau. Zero calls give the curve from N = 1
 * (SL 1, nobody waits).
 *
 * @throws ErlangInputError listing every problem of the input.
 */
export function serviceLevelCurve(
  input: ErlangCInput,
  options: ServiceLevelCurveOptions = {},
): ErlangCPoint[] {
  const result = erlangC(input);
  const traffic = result.trafficErlangs;
  const points: ErlangCPoint[] = [];
  let firstAt99: number | null = null;
  walkAboveTraffic(traffic, input.ahtSeconds, input.targetAnswerSeconds, (point) => {
    points.push(point);
    if (firstAt99 === null && point.serviceLevel >= 0.99) {
      firstAt99 = point.agents;
    }
    const last =
      options.toAgents ??
      (firstAt99 === null ? Infinity : Math.max(result.rawAgents, firstAt99) + 2);
    return point.agents < last;
  });
  return points;
}

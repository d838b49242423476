import {
  ERLANG_DEFAULTS,
  ErlangCInput,
  ErlangInputError,
  StaffingErrorCode,
  scheduledAgents,
  trafficErlangs,
  validateErlangInput,
} from './erlang-input';

/**
 * Erlang A — the M/M/N+M queue (Poisson arrivals, exponential handle times, N agents, FCFS, and
 * callers who abandon after an exponentially distributed patience). An alternative to the
 * Erlang C of metrics.md §2 that does not assume infinitely patient callers; it is labelled
 * "Erlang A" wherever it is shown and never replaces the §2 figures.
 *
 * Method (exact up to truncation of the queue):
 * - The number in system is a birth–death chain: births λ; deaths n·μ for n ≤ N and
 *   N·μ + (n − N)·θ above (μ = 1 ÷ AHT, θ = 1 ÷ patience). Its stationary weights are products
 *   of rate ratios, accumulated as logarithms and scaled by their maximum, so nothing overflows
 *   with A in the thousands; the queue is cut where the remaining tail is below 1e-17 of the
 *   largest weight.
 * - An arrival (PASTA) that finds j callers queued reaches an agent after V, a sum of exponential
 *   stages with rates N·μ + i·θ (i = j … 0), i.e. V = −ln(U) ÷ θ with U ~ Beta(N·μ/θ, j + 1); its
 *   own patience τ ~ Exp(θ) is independent. So P(answered | j) = E[U] = a ÷ (a + j + 1) with
 *   a = N·μ/θ, P(answered within T | j) = E[U; U ≥ e^(−θT)], and E[wait | answered, j] =
 *   Σ_{i=1}^{j+1} 1 ÷ (N·μ + i·θ). The incomplete beta sums for integer b = j + 1 are finite
 *   series of positive terms, carried forward in j in log space.
 * - Service level uses the metrics.md §1 definition, so it is comparable with measured SL:
 *   answered within T ÷ (answered + abandoned after T).
 */

/** An Erlang C question plus the mean caller patience (seconds) before abandoning. */
export interface ErlangAInput extends ErlangCInput {
  patienceSeconds: number;
}

/** The queue of one interval, without targets: what {@link erlangAAt} needs. */
export type ErlangAQueue = Pick<
  ErlangAInput,
  'calls' | 'intervalMinutes' | 'ahtSeconds' | 'patienceSeconds' | 'targetAnswerSeconds'
>;

/** Erlang A figures at one agent count. */
export interface ErlangAPoint {
  agents: number;
  /** §1 SL: answered within T ÷ (answered + abandoned after T). */
  serviceLevel: number;
  /** Probability that a caller finds every agent busy and queues. */
  waitProbability: number;
  /** Probability that a caller abandons. */
  abandonProbability: number;
  /** Mean queue time of answered calls (0-second waits included); null when nobody is answered. */
  asaSeconds: number | null;
  /** Mean queue time of all callers, answered or abandoned (E[queue length] ÷ λ). */
  averageWaitSeconds: number;
  /** Carried traffic per agent: A·(1 − abandon probability) ÷ N; 0 when N = 0. */
  occupancy: number;
}

/** The Erlang A staffing answer; figures are those at `rawAgents`. */
export interface ErlangAResult {
  trafficErlangs: number;
  /** Smallest N ≥ 1 with SL ≥ SL* and occupancy ≤ Occ* (Erlang A may staff below A). */
  rawAgents: number;
  /** ceil(raw ÷ (1 − s)), as metrics.md §2. */
  agents: number;
  serviceLevel: number;
  waitProbability: number;
  abandonProbability: number;
  asaSeconds: number;
  occupancy: number;
}

/** Thrown when the queue would need more states than we are willing to sum. */
export class ErlangQueueTooLongError extends Error {
  readonly code = StaffingErrorCode.QueueTooLong;

  constructor(readonly states: number) {
    super(
      `Erlang A queue needs more than ${states} states: patience is too long for this load; use Erlang C`,
    );
    this.name = 'ErlangQueueTooLongError';
  }
}

/** Upper bound on queue states summed for one agent count. */
export const ERLANG_A_MAX_QUEUE_STATES = 5_000_000;
const LOG_TAIL_TOLERANCE = Math.log(1e-17);

function logAddExp(x: number, y: number): number {
  if (x === -Infinity) {
    return y;
  }
  if (y === -Infinity) {
    return x;
  }
  const m = Math.max(x, y);
  return m + Math.log1p(Math.exp(-Math.abs(x - y)));
}

/** Problems of an Erlang A input: those of Erlang C plus a finite, positive patience. */
export function validateErlangAInput(input: ErlangAInput): string[] {
  const problems = validateErlangInput(input);
  const p = input.patienceSeconds;
  if (typeof p !== 'number' || !Number.isFinite(p)) {
    problems.push(`patienceSeconds must be a finite number (got ${String(p)})`);
  } else if (p <= 0) {
    problems.push(`patienceSeconds must be greater than 0 (got ${p})`);
  }
  return problems;
}

/**
 * Erlang A (M/M/N+M) figures for `agents` agents: §1 service level, wait and abandon
 * probabilities, ASA of answered calls, mean wait of all callers, occupancy. Inputs are assumed
 * valid (see {@link validateErlangAInput}).
 *
 * @throws ErlangQueueTooLongError when the truncated queue would exceed
 *   ERLANG_A_MAX_QUEUE_STATES states (patience far longer than the load can drain).
 */
export function erlangAAt(queue: ErlangAQueue, agents: number): ErlangAPoint {
  const lambda = queue.calls / (queue.intervalMinutes * 60);
  const mu = 1 / queue.ahtSeconds;
  const theta = 1 / queue.patienceSeconds;
  const traffic = lambda / mu;
  const n = agents;
  if (lambda === 0) {
    return {
      agents,
      serviceLevel: 1,
      waitProbability: 0,
      abandonProbability: 0,
      asaSeconds: 0,
      averageWaitSeconds: 0,
      occupancy: 0,
    };
  }
  if (n === 0) {
    // Everyone queues and abandons; nobody is answered, so SL's numerator is 0.
    return {
      agents,
      serviceLevel: 0,
      waitProbability: 1,
      abandonProbability: 1,
      asaSeconds: null,
      averageWaitSeconds: queue.patienceSeconds,
      occupancy: 0,
    };
  }

  // Pass 1: the largest log weight and where the queue can be cut.
  const logTraffic = Math.log(traffic);
  let logW = 0;
  let maxLogW = 0;
  for (let k = 1; k <= n; k++) {
    logW += logTraffic - Math.log(k);
    maxLogW = Math.max(maxLogW, logW);
  }
  const logWAtN = logW;
  const nMu = n * mu;
  let lastJ = 0;
  for (let j = 1; ; j++) {
    const r = lambda / (nMu + j * theta);
    logW += Math.log(r);
    maxLogW = Math.max(maxLogW, logW);
    // Ratios only fall as j grows, so the tail after j is at most w_j·r ÷ (1 − r).
    if (r < 1 && logW + Math.log(r / (1 - r)) - maxLogW < LOG_TAIL_TOLERANCE) {
      lastJ = j;
      break;
    }
    if (j > ERLANG_A_MAX_QUEUE_STATES) {
      throw new ErlangQueueTooLongError(ERLANG_A_MAX_QUEUE_STATES);
    }
  }

  // Pass 2: weights scaled by exp(−max), and the per-j conditional figures.
  let belowN = 0; // callers answered at once
  logW = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0) {
      logW += logTraffic - Math.log(k);
    }
    belowN += Math.exp(logW - maxLogW);
  }
  const a = nMu / theta;
  const t = queue.targetAnswerSeconds;
  const x = Math.exp(-theta * t);
  const logX = -theta * t;
  const logOneMinusX = t > 0 ? Math.log(-Math.expm1(-theta * t)) : -Infinity;
  let logTermA = a * logX; // k-th term of I_x(a, j + 1)
  let logTermA1 = (a + 1) * logX; // k-th term of I_x(a + 1, j + 1)
  let logIA = logTermA;
  let logIA1 = logTermA1;
  let harmonic = 0; // Σ_{i=1}^{j+1} 1 ÷ (Nμ + iθ)
  let queued = 0;
  let answeredAfterQueue = 0;
  let abandoned = 0;
  let answeredWithin = 0;
  let abandonedAfter = 0;
  let waitOfAnswered = 0;
  let queueLength = 0;
  logW = logWAtN;
  for (let j = 0; j <= lastJ; j++) {
    if (j > 0) {
      logW += Math.log(lambda / (nMu + j * theta));
      logTermA += Math.log((a + j - 1) / j) + logOneMinusX;
      logTermA1 += Math.log((a + j) / j) + logOneMinusX;
      logIA = logAddExp(logIA, logTermA);
      logIA1 = logAddExp(logIA1, logTermA1);
    }
    const w = Math.exp(logW - maxLogW);
    const iA = Math.min(1, Math.exp(logIA)); // P(U ≤ x), U ~ Beta(a, j + 1)
    const iA1 = Math.min(1, Math.exp(logIA1)); // the same for Beta(a + 1, j + 1)
    const pAnswered = a / (a + j + 1);
    harmonic += 1 / (nMu + (j + 1) * theta);
    queued += w;
    answeredAfterQueue += w * pAnswered;
    abandoned += (w * (j + 1)) / (a + j + 1);
    answeredWithin += w * pAnswered * (1 - iA1);
    abandonedAfter += w * Math.max(0, x * iA - pAnswered * iA1);
    waitOfAnswered += w * pAnswered * harmonic;
    queueLength += w * j;
  }
  const total = belowN + queued;
  const answered = belowN + answeredAfterQueue;
  const abandonProbability = abandoned / total;
  return {
    agents,
    serviceLevel: (belowN + answeredWithin) / (answered + abandonedAfter),
    waitProbability: queued / total,
    abandonProbability,
    asaSeconds: waitOfAnswered / answered,
    averageWaitSeconds: queueLength / total / lambda,
    occupancy: (traffic * (1 - abandonProbability)) / n,
  };
}

/**
 * Erlang A staffing for one interval: the smallest N ≥ 1 whose Erlang A §1 service level
 * reaches SL* with occupancy ≤ Occ*, scheduled agents as metrics.md §2 (shrinkage, 1e-9 before
 * ceil). Both conditions improve with every added agent, so the search doubles N until it
 * passes and bisects back. Zero calls → 0 agents, SL 1, nothing waits or abandons.
 *
 * @throws ErlangInputError listing every problem of the input.
 */
export function erlangA(input: ErlangAInput): ErlangAResult {
  const problems = validateErlangAInput(input);
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
      abandonProbability: 0,
      asaSeconds: 0,
      occupancy: 0,
    };
  }
  const cache = new Map<number, ErlangAPoint>();
  const at = (agents: number): ErlangAPoint => {
    let point = cache.get(agents);
    if (!point) {
      point = erlangAAt(input, agents);
      cache.set(agents, point);
    }
    return point;
  };
  const ok = (agents: number): boolean => {
    const p = at(agents);
    return p.serviceLevel >= input.targetServiceLevel && p.occupancy <= maxOccupancy;
  };
  let lo = 0; // N = 0 answers nobody, so it never meets SL* > 0
  let hi = Math.max(1, Math.ceil(traffic));
  while (!ok(hi)) {
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) {
      hi = mid;
    } else {
      lo = mid;
    }
  }
  const p = at(hi);
  return {
    trafficErlangs: traffic,
    rawAgents: hi,
    agents: scheduledAgents(hi, shrinkage),
    serviceLevel: p.serviceLevel,
    waitProbability: p.waitProbability,
    abandonProbability: p.abandonProbability,
    asaSeconds: p.asaSeconds ?? 0,
    occupancy: p.occupancy,
  };
}

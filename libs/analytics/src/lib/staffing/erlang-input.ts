/**
 * Inputs of the staffing models of metrics.md §2 and their validation.
 */

/** Defaults of metrics.md §2: maximum occupancy 0.85 (1 disables the cap), shrinkage 0.30. */
export const ERLANG_DEFAULTS = { maxOccupancy: 0.85, shrinkage: 0.3 } as const;

/** One interval's staffing question (metrics.md §2 inputs). */
export interface ErlangCInput {
  /** Calls offered in the interval (λ·I); may be fractional when it comes from a forecast. */
  calls: number;
  /** Interval length I in minutes. */
  intervalMinutes: number;
  /** Mean handle time AHT in seconds. */
  ahtSeconds: number;
  /** Target service level SL* in (0, 1). */
  targetServiceLevel: number;
  /** Target answer time T in seconds. */
  targetAnswerSeconds: number;
  /** Maximum occupancy Occ* in (0, 1]; default 0.85; 1 disables the cap. */
  maxOccupancy?: number;
  /** Shrinkage s in [0, 1); default 0.30. */
  shrinkage?: number;
}

/** Error codes of the staffing models, for mapping to HTTP 400 in one place. */
export enum StaffingErrorCode {
  InvalidInput = 'STAFFING_INVALID_INPUT',
  QueueTooLong = 'STAFFING_QUEUE_TOO_LONG',
}

/** Thrown by erlangC / erlangA with every problem of the input listed. */
export class ErlangInputError extends Error {
  readonly code = StaffingErrorCode.InvalidInput;

  constructor(readonly problems: readonly string[]) {
    super(`Invalid staffing input: ${problems.join('; ')}`);
    this.name = 'ErlangInputError';
  }
}

function finite(problems: string[], name: string, value: number): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.push(`${name} must be a finite number (got ${String(value)})`);
    return false;
  }
  return true;
}

/**
 * Human-readable problems of an Erlang input (empty when valid). metrics.md §2 inputs: calls ≥ 0,
 * I > 0, AHT > 0, SL* in (0, 1), T ≥ 0, Occ* in (0, 1], s in [0, 1); all finite.
 */
export function validateErlangInput(input: ErlangCInput): string[] {
  const problems: string[] = [];
  const maxOccupancy = input.maxOccupancy ?? ERLANG_DEFAULTS.maxOccupancy;
  const shrinkage = input.shrinkage ?? ERLANG_DEFAULTS.shrinkage;
  if (finite(problems, 'calls', input.calls) && input.calls < 0) {
    problems.push(`calls must not be negative (got ${input.calls})`);
  }
  if (finite(problems, 'intervalMinutes', input.intervalMinutes) && input.intervalMinutes <= 0) {
    problems.push(`intervalMinutes must be greater than 0 (got ${input.intervalMinutes})`);
  }
  if (finite(problems, 'ahtSeconds', input.ahtSeconds) && input.ahtSeconds <= 0) {
    problems.push(`ahtSeconds must be greater than 0 (got ${input.ahtSeconds})`);
  }
  if (
    finite(problems, 'targetServiceLevel', input.targetServiceLevel) &&
    (input.targetServiceLevel <= 0 || input.targetServiceLevel >= 1)
  ) {
    problems.push(
      `targetServiceLevel must be between 0 and 1, exclusive (got ${input.targetServiceLevel})`,
    );
  }
  if (
    finite(problems, 'targetAnswerSeconds', input.targetAnswerSeconds) &&
    input.targetAnswerSeconds < 0
  ) {
    problems.push(`targetAnswerSeconds must not be negative (got ${input.targetAnswerSeconds})`);
  }
  if (finite(problems, 'maxOccupancy', maxOccupancy) && (maxOccupancy <= 0 || maxOccupancy > 1)) {
    problems.push(`maxOccupancy must be greater than 0 and at most 1 (got ${maxOccupancy})`);
  }
  if (finite(problems, 'shrinkage', shrinkage) && (shrinkage < 0 || shrinkage >= 1)) {
    problems.push(`shrinkage must be at least 0 and less than 1 (got ${shrinkage})`);
  }
  return problems;
}

/** metrics.md §2: traffic `A = calls × AHT ÷ I` in Erlangs (I in seconds). */
export function trafficErlangs(calls: number, intervalMinutes: number, ahtSeconds: number): number {
  return (calls * ahtSeconds) / (intervalMinutes * 60);
}

/**
 * metrics.md §2: scheduled required agents `= ceil(raw ÷ (1 − s))`, with 1e-9 subtracted before
 * the ceil so a float like `21 ÷ 0.7 = 30.000000000000004` gives 30, not 31.
 */
export function scheduledAgents(rawAgents: number, shrinkage: number): number {
  return Math.max(0, Math.ceil(rawAgents / (1 - shrinkage) - 1e-9));
}

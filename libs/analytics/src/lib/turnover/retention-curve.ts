import { LocalDate, toDayNumber } from '../dates';
import { TurnoverAgent } from './attrition';

/** One step of the Kaplan–Meier curve. */
export interface RetentionPoint {
  /** Days since hire. */
  day: number;
  /** S(day), the share still employed. */
  survival: number;
  /** nᵢ: agents whose duration is ≥ day. */
  atRisk: number;
  /** dᵢ: separations at exactly this duration. */
  events: number;
}

export interface RetentionCurve {
  points: RetentionPoint[];
  /** First event day with S ≤ 0.5, else null. */
  medianTenureDays: number | null;
}

/** Tolerance for "S ≤ 0.5": a product like 0.9 × 8/9 × … × 5/6 lands a hair above 0.5 in floats. */
const SURVIVAL_EPSILON = 1e-12;

/**
 * metrics.md §6 retention curve (Kaplan–Meier) as of `asOf`:
 * - population: agents hired on or before asOf;
 * - duration = (termination_date, or asOf) − hire_date in days; event = separated on or before
 *   asOf; an agent whose termination date is after asOf is still employed on asOf and is
 *   censored there;
 * - `S(t) = Π over event times tᵢ ≤ t of (1 − dᵢ ÷ nᵢ)`, nᵢ = agents with duration ≥ tᵢ;
 * - median tenure = first event time t with S(t) ≤ 0.5, else null.
 *
 * Points: one per event time, each day at most once, so `S(day)` of a point is exactly the
 * curve's value on that day. The curve always starts at day 0: when nobody separates at day 0 an
 * origin point {day 0, survival 1, atRisk: everyone, events 0} is added; a same-day separation
 * (hired and terminated on one date, duration 0) is an event at day 0, and then the day-0 point
 * carries it (S(0) < 1). Censoring times add no point.
 */
export function kaplanMeier(agents: readonly TurnoverAgent[], asOf: LocalDate): RetentionCurve {
  const asOfDay = toDayNumber(asOf);
  const durations: number[] = [];
  const eventsAt = new Map<number, number>();
  for (const agent of agents) {
    const hireDay = toDayNumber(agent.hireDate);
    if (hireDay > asOfDay) {
      continue;
    }
    const terminationDay =
      agent.terminationDate === null ? null : toDayNumber(agent.terminationDate);
    if (terminationDay !== null && terminationDay < hireDay) {
      throw new RangeError(
        `termination date ${agent.terminationDate} is before hire date ${agent.hireDate}`,
      );
    }
    const event = terminationDay !== null && terminationDay <= asOfDay;
    const duration = (event ? (terminationDay as number) : asOfDay) - hireDay;
    durations.push(duration);
    if (event) {
      eventsAt.set(duration, (eventsAt.get(duration) ?? 0) + 1);
    }
  }
  durations.sort((a, b) => a - b);
  const eventTimes = [...eventsAt.keys()].sort((a, b) => a - b);

  const points: RetentionPoint[] = eventsAt.has(0)
    ? []
    : [{ day: 0, survival: 1, atRisk: durations.length, events: 0 }];
  let survival = 1;
  let medianTenureDays: number | null = null;
  let firstAtRisk = 0; // index of the first duration ≥ the current event time
  for (const t of eventTimes) {
    while (durations[firstAtRisk] < t) {
      firstAtRisk++;
    }
    const atRisk = durations.length - firstAtRisk;
    const events = eventsAt.get(t) as number;
    survival *= 1 - events / atRisk;
    points.push({ day: t, survival, atRisk, events });
    if (medianTenureDays === null && survival <= 0.5 + SURVIVAL_EPSILON) {
      medianTenureDays = t;
    }
  }
  return { points, medianTenureDays };
}

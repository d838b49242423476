import { ratio } from '../common';
import {
  LocalDate,
  YearMonth,
  addMonths,
  daysBetween,
  isYearMonth,
  monthEnd,
  monthStart,
  toDayNumber,
} from '../dates';

/**
 * Headcount and attrition — metrics.md §6. Dates are local `YYYY-MM-DD` strings; for valid
 * dates string order is calendar order, which the hot loops rely on (validated at the edges).
 */

export type TerminationType = 'voluntary' | 'involuntary';

/**
 * The fields of an agent that turnover figures read. Callers pass their own richer records
 * (site, team, campaign, work mode, title …) and group them before calling.
 */
export interface TurnoverAgent {
  hireDate: LocalDate;
  /** Last day employed, or null while employed. */
  terminationDate: LocalDate | null;
  terminationType: TerminationType | null;
}

export interface SeparationCounts {
  separations: number;
  /** Separations typed voluntary; untyped separations count in neither split. */
  voluntary: number;
  involuntary: number;
}

export interface MonthlyAttrition extends SeparationCounts {
  month: YearMonth;
  headcountStart: number;
  headcountEnd: number;
  /** separations ÷ ((headcountStart + headcountEnd) ÷ 2); null when both are 0. */
  rate: number | null;
}

export interface TrailingAttrition {
  separations: number;
  /** separations ÷ mean of the 12 monthly average headcounts; null when that mean is 0. */
  rate: number | null;
}

export interface EarlyAttrition {
  cohortSize: number;
  separated: number;
  rate: number | null;
}

/**
 * metrics.md §6: employed on `d` when `hire_date ≤ d ≤ termination_date` (the termination date
 * is the last day employed) or there is no termination date.
 */
export function isEmployed(agent: TurnoverAgent, d: LocalDate): boolean {
  return agent.hireDate <= d && (agent.terminationDate === null || d <= agent.terminationDate);
}

/** metrics.md §6 headcount(d): agents employed on `d`. */
export function headcount(agents: readonly TurnoverAgent[], d: LocalDate): number {
  toDayNumber(d);
  let count = 0;
  for (const agent of agents) {
    if (isEmployed(agent, d)) {
      count++;
    }
  }
  return count;
}

/**
 * metrics.md §6 separations in a period: agents whose termination date falls in `[from, to]`
 * (inclusive), split voluntary / involuntary.
 */
export function separationsBetween(
  agents: readonly TurnoverAgent[],
  from: LocalDate,
  to: LocalDate,
): SeparationCounts {
  toDayNumber(from);
  toDayNumber(to);
  const counts: SeparationCounts = { separations: 0, voluntary: 0, involuntary: 0 };
  for (const agent of agents) {
    const t = agent.terminationDate;
    if (t !== null && from <= t && t <= to) {
      counts.separations++;
      if (agent.terminationType === 'voluntary') {
        counts.voluntary++;
      } else if (agent.terminationType === 'involuntary') {
        counts.involuntary++;
      }
    }
  }
  return counts;
}

/**
 * metrics.md §6 monthly attrition: separations in the month ÷ ((headcount(first day) +
 * headcount(last day)) ÷ 2). An agent whose last day is the month's last day is in the ending
 * headcount and is a separation of the month.
 */
export function monthlyAttrition(
  agents: readonly TurnoverAgent[],
  month: YearMonth,
): MonthlyAttrition {
  const first = monthStart(month);
  const last = monthEnd(month);
  const headcountStart = headcount(agents, first);
  const headcountEnd = headcount(agents, last);
  const counts = separationsBetween(agents, first, last);
  return {
    month,
    headcountStart,
    headcountEnd,
    ...counts,
    rate: ratio(counts.separations, (headcountStart + headcountEnd) / 2),
  };
}

/** {@link monthlyAttrition} for every month from `fromMonth` to `toMonth` inclusive. */
export function monthlyAttritionSeries(
  agents: readonly TurnoverAgent[],
  fromMonth: YearMonth,
  toMonth: YearMonth,
): MonthlyAttrition[] {
  if (!isYearMonth(fromMonth) || !isYearMonth(toMonth)) {
    throw new RangeError(`"${fromMonth}".."${toMonth}" is not a valid YYYY-MM range`);
  }
  const months: MonthlyAttrition[] = [];
  for (let m = fromMonth; m <= toMonth; m = addMonths(m, 1)) {
    months.push(monthlyAttrition(agents, m));
  }
  return months;
}

/**
 * metrics.md §6 trailing-12-month attrition for the 12 months ending with `endMonth`:
 * separations in those months ÷ the mean of their 12 monthly average headcounts.
 */
export function trailing12Attrition(
  agents: readonly TurnoverAgent[],
  endMonth: YearMonth,
): TrailingAttrition {
  const months = monthlyAttritionSeries(agents, addMonths(endMonth, -11), endMonth);
  let separations = 0;
  let averageSum = 0;
  for (const m of months) {
    separations += m.separations;
    averageSum += (m.headcountStart + m.headcountEnd) / 2;
  }
  return { separations, rate: ratio(separations, averageSum / 12) };
}

/**
 * metrics.md §6 90-day (early) attrition of a hire cohort: among agents hired in
 * `[hiredFrom, hiredTo]` (each bound optional, inclusive) with `hire_date + 90 ≤ asOf`, the share
 * with `termination_date − hire_date < 90` days. Such a termination is before asOf by
 * construction, so nothing after asOf is read.
 */
export function earlyAttrition90(
  agents: readonly TurnoverAgent[],
  asOf: LocalDate,
  hiredFrom?: LocalDate,
  hiredTo?: LocalDate,
): EarlyAttrition {
  const asOfDay = toDayNumber(asOf);
  let cohortSize = 0;
  let separated = 0;
  for (const agent of agents) {
    if (
      (hiredFrom !== undefined && agent.hireDate < hiredFrom) ||
      (hiredTo !== undefined && agent.hireDate > hiredTo)
    ) {
      continue;
    }
    const hireDay = toDayNumber(agent.hireDate);
    if (hireDay + 90 > asOfDay) {
      continue;
    }
    cohortSize++;
    if (agent.terminationDate !== null && toDayNumber(agent.terminationDate) - hireDay < 90) {
      separated++;
    }
  }
  return { cohortSize, separated, rate: ratio(separated, cohortSize) };
}

/**
 * Tenure in days on `asOf`: (termination date if on or before asOf, else asOf) − hire date,
 * the duration of the §6 retention curve; null for an agent hired after asOf.
 */
export function tenureDays(agent: TurnoverAgent, asOf: LocalDate): number | null {
  if (agent.hireDate > asOf) {
    return null;
  }
  const end =
    agent.terminationDate !== null && agent.terminationDate <= asOf ? agent.terminationDate : asOf;
  return daysBetween(agent.hireDate, end);
}

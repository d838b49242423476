import { ratio } from '../common';
import {
  LocalDate,
  YearMonth,
  addMonths,
  monthEnd,
  monthStart,
  toDayNumber,
  yearMonthOf,
} from '../dates';
import { EarlyAttrition, MonthlyAttrition, TrailingAttrition, TurnoverAgent } from './attrition';
import { TENURE_BANDS, tenureBand } from './tenure-band';

/**
 * The turnover summary of `GET /api/turnover/summary` (metrics.md §6) for many groups in one pass
 * over the agents: per group the months of the range, the trailing-12-month attrition ending
 * with the range's last month, and the 90-day attrition of the range's hires.
 *
 * Two kinds of grouping:
 * - a fixed key per agent (site, team, campaign, work mode, title, hire cohort, burnout band at
 *   separation): headcounts, separations and cohorts are counted within the agent's group;
 * - the tenure band, which changes with time: an agent counts in the headcount of the band of
 *   their tenure on that day, and a separation in the band of the tenure at their last day. The
 *   90-day cohort is reported in `0-89d` (every hire starts there); other bands have none.
 *
 * The definitions are those of `./attrition` (isEmployed, monthlyAttrition, trailing12Attrition,
 * earlyAttrition90); this module only counts them for all groups at once on day numbers, and its
 * spec checks it against those functions group by group.
 */

export interface GroupedTurnoverAgent extends TurnoverAgent {
  /** The agent's group; ignored by the tenure-band grouping. */
  key: string;
}

export interface TurnoverSummaryOptions {
  /** First local date of the range; the range covers every calendar month it touches. */
  from: LocalDate;
  /** Last local date of the range. */
  to: LocalDate;
  /** As-of date of the 90-day cohort (hired in [from, to] with hire + 90 ≤ asOf); default `to`. */
  asOf?: LocalDate;
  /** `tenure_band`: group by tenure at each day (see above); else by each agent's `key`. */
  grouping?: 'key' | 'tenure_band';
  /**
   * The groups to report, in this order (default: the agents' keys, sorted). A listed key
   * without agents gets zeros; an agent whose key is not listed counts nowhere.
   */
  keys?: readonly string[];
}

export interface TurnoverGroupSummary {
  key: string;
  months: MonthlyAttrition[];
  trailing12: TrailingAttrition;
  earlyAttrition90: EarlyAttrition;
}

interface Prepared {
  hire: number;
  /** Day number of the last day employed, or +∞. */
  term: number;
  voluntary: boolean;
  involuntary: boolean;
  group: number;
}

interface Counters {
  start: number[];
  end: number[];
  separations: number[];
  voluntary: number[];
  involuntary: number[];
}

/** The calendar months from the month of `from` to the month of `to`, inclusive. */
export function monthsOfRange(from: LocalDate, to: LocalDate): YearMonth[] {
  if (toDayNumber(from) > toDayNumber(to)) {
    throw new RangeError(`from ${from} is after to ${to}`);
  }
  const months: YearMonth[] = [];
  for (let m = yearMonthOf(from); m <= yearMonthOf(to); m = addMonths(m, 1)) {
    months.push(m);
  }
  return months;
}

export function summarizeTurnover(
  agents: readonly GroupedTurnoverAgent[],
  options: TurnoverSummaryOptions,
): TurnoverGroupSummary[] {
  const byTenure = options.grouping === 'tenure_band';
  const asOf = options.asOf ?? options.to;
  const months = monthsOfRange(options.from, options.to);
  const lastMonth = months[months.length - 1];
  // The months that feed any figure: the range and the 12 months ending with its last month.
  const firstMonth = addMonths(lastMonth, -11) < months[0] ? addMonths(lastMonth, -11) : months[0];
  const allMonths: YearMonth[] = [];
  for (let m = firstMonth; m <= lastMonth; m = addMonths(m, 1)) {
    allMonths.push(m);
  }

  const keys: string[] = byTenure
    ? [...TENURE_BANDS]
    : options.keys
      ? [...options.keys]
      : [...new Set(agents.map((a) => a.key))].sort();
  const index = new Map(keys.map((k, i) => [k, i]));
  const listed = byTenure || !options.keys ? agents : agents.filter((a) => index.has(a.key));
  const prepared: Prepared[] = listed.map((a) => {
    const hire = toDayNumber(a.hireDate);
    const term = a.terminationDate === null ? Infinity : toDayNumber(a.terminationDate);
    if (term < hire) {
      throw new RangeError(
        `termination date ${a.terminationDate} is before hire date ${a.hireDate}`,
      );
    }
    return {
      hire,
      term,
      voluntary: a.terminationType === 'voluntary',
      involuntary: a.terminationType === 'involuntary',
      group: byTenure ? 0 : (index.get(a.key) as number),
    };
  });
  const bandIndex = (days: number) => TENURE_BANDS.indexOf(tenureBand(days));
  const groupAt = (p: Prepared, day: number) => (byTenure ? bandIndex(day - p.hire) : p.group);

  const perMonth: Counters[] = allMonths.map((month) => {
    const first = toDayNumber(monthStart(month));
    const last = toDayNumber(monthEnd(month));
    const c: Counters = {
      start: keys.map(() => 0),
      end: keys.map(() => 0),
      separations: keys.map(() => 0),
      voluntary: keys.map(() => 0),
      involuntary: keys.map(() => 0),
    };
    for (const p of prepared) {
      if (p.hire > last || p.term < first) {
        continue;
      }
      // employed on d ⇔ hire ≤ d ≤ termination (the termination date is the last day employed)
      if (p.hire <= first) {
        c.start[groupAt(p, first)]++;
      }
      if (p.term >= last) {
        c.end[groupAt(p, last)]++;
      }
      if (p.term <= last) {
        const g = groupAt(p, p.term);
        c.separations[g]++;
        if (p.voluntary) {
          c.voluntary[g]++;
        } else if (p.involuntary) {
          c.involuntary[g]++;
        }
      }
    }
    return c;
  });

  // 90-day attrition (metrics.md §6, as earlyAttrition90 of ./attrition): hired in [from, to],
  // hire + 90 ≤ asOf; early when termination − hire < 90 days. Every hire starts in band 0.
  const cohortFrom = toDayNumber(options.from);
  const cohortTo = toDayNumber(options.to);
  const asOfDay = toDayNumber(asOf);
  const cohortSize = keys.map(() => 0);
  const earlySeparated = keys.map(() => 0);
  for (const p of prepared) {
    if (p.hire >= cohortFrom && p.hire <= cohortTo && p.hire + 90 <= asOfDay) {
      cohortSize[p.group]++;
      if (p.term - p.hire < 90) {
        earlySeparated[p.group]++;
      }
    }
  }
  const rangeOffset = allMonths.indexOf(months[0]);
  const trailingOffset = allMonths.length - 12;
  return keys.map((key, g) => {
    const monthly: MonthlyAttrition[] = allMonths.map((month, i) => {
      const c = perMonth[i];
      return {
        month,
        headcountStart: c.start[g],
        headcountEnd: c.end[g],
        separations: c.separations[g],
        voluntary: c.voluntary[g],
        involuntary: c.involuntary[g],
        rate: ratio(c.separations[g], (c.start[g] + c.end[g]) / 2),
      };
    });
    let separations = 0;
    let averageSum = 0;
    for (const m of monthly.slice(trailingOffset)) {
      separations += m.separations;
      averageSum += (m.headcountStart + m.headcountEnd) / 2;
    }
    return {
      key,
      months: monthly.slice(rangeOffset),
      trailing12: { separations, rate: ratio(separations, averageSum / 12) },
      earlyAttrition90: {
        cohortSize: cohortSize[g],
        separated: earlySeparated[g],
        rate: ratio(earlySeparated[g], cohortSize[g]),
      },
    };
  });
}

import { addDays, isoWeekday, monthEnd, toDayNumber } from '../dates/local-date';

/**
 * How a site's pay periods run (our decision; metrics.md says only "a period"):
 * - `weekly`, `biweekly`: 7 or 14 days from a Monday `anchor` (every period starts on a Monday,
 *   so each work week lies in exactly one period);
 * - `semimonthly`: the 1st–15th and the 16th–last of each month;
 * - `monthly`: calendar months.
 */
export type PayPeriodKind = 'weekly' | 'biweekly' | 'semimonthly' | 'monthly';

export const PAY_PERIOD_KINDS: readonly PayPeriodKind[] = [
  'weekly',
  'biweekly',
  'semimonthly',
  'monthly',
];

export interface PayPeriodRule {
  kind: PayPeriodKind;
  /** A Monday `YYYY-MM-DD` from which weekly and bi-weekly periods count; ignored otherwise. */
  anchor: string;
}

/** A pay period: local dates, both inclusive. */
export interface PayPeriod {
  from: string;
  to: string;
}

/** Bi-weekly from Monday 2025-12-29 (the default of a site without pay rules). */
export const DEFAULT_PAY_PERIOD_RULE: PayPeriodRule = Object.freeze({
  kind: 'biweekly',
  anchor: '2025-12-29',
});

function checkRule(rule: PayPeriodRule): void {
  if (!PAY_PERIOD_KINDS.includes(rule.kind)) {
    throw new RangeError(`pay period "${rule.kind}" is not one of ${PAY_PERIOD_KINDS.join(', ')}`);
  }
  if ((rule.kind === 'weekly' || rule.kind === 'biweekly') && isoWeekday(rule.anchor) !== 1) {
    throw new RangeError(`the pay period anchor ${rule.anchor} is not a Monday`);
  }
}

/** The pay period that contains the local date `date`. */
export function payPeriodOf(
  date: string,
  rule: PayPeriodRule = DEFAULT_PAY_PERIOD_RULE,
): PayPeriod {
  checkRule(rule);
  const day = toDayNumber(date);
  switch (rule.kind) {
    case 'weekly':
    case 'biweekly': {
      const length = rule.kind === 'weekly' ? 7 : 14;
      const offset = day - toDayNumber(rule.anchor);
      const start = toDayNumber(rule.anchor) + Math.floor(offset / length) * length;
      const from = addDays(rule.anchor, start - toDayNumber(rule.anchor));
      return { from, to: addDays(from, length - 1) };
    }
    case 'semimonthly': {
      const month = date.slice(0, 7);
      return Number(date.slice(8, 10)) <= 15
        ? { from: `${month}-01`, to: `${month}-15` }
        : { from: `${month}-16`, to: monthEnd(month) };
    }
    case 'monthly': {
      const month = date.slice(0, 7);
      return { from: `${month}-01`, to: monthEnd(month) };
    }
  }
}

/** The period before `period` under the same rule. */
export function previousPayPeriod(period: PayPeriod, rule: PayPeriodRule): PayPeriod {
  return payPeriodOf(addDays(period.from, -1), rule);
}

/**
 * `count` periods ending with the one that contains `date`, newest first (the agent's "current
 * and past pay periods").
 */
export function recentPayPeriods(date: string, count: number, rule: PayPeriodRule): PayPeriod[] {
  const out: PayPeriod[] = [];
  let p = payPeriodOf(date, rule);
  for (let i = 0; i < count; i++) {
    out.push(p);
    p = previousPayPeriod(p, rule);
  }
  return out;
}

/**
 * The work weeks (Monday dates) whose overtime a period pays: those whose Sunday falls in it
 * (the US rule for a work week that straddles two pay periods — its overtime is known, and paid,
 * once the week is over). With weekly and bi-weekly periods these are exactly its own weeks.
 */
export function overtimeWeeksOf(period: PayPeriod): string[] {
  const weeks: string[] = [];
  let monday = addDays(period.from, -(isoWeekday(period.from) - 1));
  for (;;) {
    const sunday = addDays(monday, 6);
    if (sunday > period.to) {
      break;
    }
    if (sunday >= period.from) {
      weeks.push(monday);
    }
    monday = addDays(monday, 7);
  }
  return weeks;
}

/** The first local date whose shifts a period's estimate needs: the Monday of its first paid week. */
export function payPeriodDataFrom(period: PayPeriod): string {
  const weeks = overtimeWeeksOf(period);
  return weeks.length > 0 && weeks[0] < period.from ? weeks[0] : period.from;
}

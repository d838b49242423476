import { BurnoutBand, BurnoutDailyCalls } from '../burnout';
import { addDays, LocalDate } from '../dates';
import { sendHomeLoss, WorkShift, workedSeconds } from '../schedule';
import { toEpochMillis } from '../schedule/instant';
import { localDateOfInstant } from './local-day';
import { RetentionCurve } from './retention-curve';
import { DriverRates } from './turnover-drivers';
import { TenureBand, tenureBand } from './tenure-band';

/**
 * Flight risk of active agents (issue 8), explainable by construction:
 *
 *   p = min(0.99, h(t) × RR(band))
 *
 * - h(t), the tenure hazard: the share of agents still employed at tenure t who leave within the
 *   next `horizonDays` (90), read from the Kaplan–Meier curve: 1 − S(t + 90) ÷ S(t). Past the
 *   longest tenure the curve has observed, h is unknown (null) rather than 0.
 * - RR(band), the burnout relative risk: the exit rate of the agent's BRI band in the drivers
 *   analysis ÷ the overall exit rate, each band's rate shrunk toward the overall rate by
 *   `shrinkage` (20) pseudo-agents — (exits + 20 × overall) ÷ (agents + 20) — so a band of 3
 *   agents cannot multiply anyone's risk by 5. No BRI → RR 1.
 * - Recent changes (BRI up ≥ 10 points in 4 weeks, worked hours ±25 % against the 8 weeks before,
 *   hours lost to send-homes, hostile share up by half) are listed as reasons and break ties in
 *   the ranking; they do not multiply p, because the data hold no measured effect size for them.
 *
 * The ranking is by p (agents with no p last), then by the number of recent changes, then by BRI.
 */

export const FLIGHT_RISK_HORIZON_DAYS = 90;
export const FLIGHT_RISK_SHRINKAGE = 20;

/** S(day) of a Kaplan–Meier curve: the value of the last point on or before `day` (a step). */
export function survivalAt(curve: RetentionCurve, day: number): number {
  let s = 1;
  for (const p of curve.points) {
    if (p.day > day) {
      break;
    }
    s = p.survival;
  }
  return s;
}

/**
 * 1 − S(t + h) ÷ S(t): of those employed at tenure t, the share gone by t + h. Null when S(t) is 0
 * or t + h is past the longest duration the curve has observed (`followUpDays`).
 */
export function conditionalExitProbability(
  curve: RetentionCurve,
  tenureDays: number,
  followUpDays: number,
  horizonDays = FLIGHT_RISK_HORIZON_DAYS,
): number | null {
  if (tenureDays + horizonDays > followUpDays) {
    return null;
  }
  const now = survivalAt(curve, tenureDays);
  if (now <= 0) {
    return null;
  }
  return 1 - survivalAt(curve, tenureDays + horizonDays) / now;
}

/** Burnout-band relative risk from the drivers' burnout rates, shrunk toward the overall rate. */
export function burnoutRelativeRisk(
  burnout: DriverRates | undefined,
  shrinkage = FLIGHT_RISK_SHRINKAGE,
): Partial<Record<BurnoutBand, number>> {
  if (!burnout) {
    return {};
  }
  const agents = burnout.bands.reduce((s, b) => s + b.agents, 0);
  const exits = burnout.bands.reduce((s, b) => s + b.separations, 0);
  if (agents === 0 || exits === 0) {
    return {};
  }
  const overall = exits / agents;
  const out: Partial<Record<BurnoutBand, number>> = {};
  for (const b of burnout.bands) {
    if (b.band === 'no data') {
      continue;
    }
    out[b.band as BurnoutBand] =
      (b.separations + shrinkage * overall) / (b.agents + shrinkage) / overall;
  }
  return out;
}

export interface RecentActivity {
  /** BRI now and 28 days ago (null: no index). */
  burnoutNow: number | null;
  burnout28DaysAgo: number | null;
  /** Worked hours of the last 28 days and mean per 28 days of the 56 days before. */
  workedHoursLast4Weeks: number;
  workedHoursPer4WeeksBefore: number | null;
  /** Hours lost to unpaid send-homes in the last 28 days. */
  sendHomeHoursLast4Weeks: number;
  /** Hostile share of answered calls, last 28 days and the 56 days before (null: no calls). */
  hostileRateLast4Weeks: number | null;
  hostileRateBefore: number | null;
}

export type RecentChangeKind =
  | 'burnout_rising'
  | 'hours_down'
  | 'hours_up'
  | 'send_home'
  | 'hostile_rising';

export interface RecentChange {
  kind: RecentChangeKind;
  text: string;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

export function recentChanges(a: RecentActivity): RecentChange[] {
  const out: RecentChange[] = [];
  if (
    a.burnoutNow !== null &&
    a.burnout28DaysAgo !== null &&
    a.burnoutNow - a.burnout28DaysAgo >= 10
  ) {
    out.push({
      kind: 'burnout_rising',
      text: `BRI up ${a.burnoutNow - a.burnout28DaysAgo} points in 4 weeks (${a.burnout28DaysAgo} → ${a.burnoutNow})`,
    });
  }
  if (a.workedHoursPer4WeeksBefore !== null && a.workedHoursPer4WeeksBefore > 0) {
    const change = a.workedHoursLast4Weeks / a.workedHoursPer4WeeksBefore - 1;
    if (change <= -0.25) {
      out.push({
        kind: 'hours_down',
        text: `worked hours down ${pct(-change)} against the 8 weeks before`,
      });
    } else if (change >= 0.25) {
      out.push({
        kind: 'hours_up',
        text: `worked hours up ${pct(change)} against the 8 weeks before`,
      });
    }
  }
  if (a.sendHomeHoursLast4Weeks >= 0.5) {
    out.push({
      kind: 'send_home',
      text: `${a.sendHomeHoursLast4Weeks.toFixed(1)} h lost to send-homes in 4 weeks`,
    });
  }
  if (
    a.hostileRateLast4Weeks !== null &&
    a.hostileRateBefore !== null &&
    a.hostileRateLast4Weeks >= 0.02 &&
    a.hostileRateLast4Weeks >= 1.5 * a.hostileRateBefore
  ) {
    out.push({
      kind: 'hostile_rising',
      text: `hostile calls ${pct(a.hostileRateLast4Weeks)} of answered, up from ${pct(a.hostileRateBefore)}`,
    });
  }
  return out;
}

export interface FlightRiskAgentInput<T> {
  /** Whatever the caller needs back (codes, names). */
  ref: T;
  tenureDays: number;
  burnoutBand: BurnoutBand | null;
  burnoutIndex: number | null;
  burnoutDrivers: readonly string[];
  activity: RecentActivity;
}

export interface FlightRiskEntry<T> {
  ref: T;
  rank: number;
  tenureDays: number;
  tenureBand: TenureBand;
  /** p, the estimated probability of leaving in the next 90 days; null when h is unknown. */
  probability: number | null;
  tenureHazard: number | null;
  burnoutIndex: number | null;
  burnoutBand: BurnoutBand | null;
  burnoutRelativeRisk: number;
  burnoutDrivers: string[];
  changes: RecentChange[];
  /** The reasons in words, most important first. */
  reasons: string[];
}

export interface FlightRiskOptions {
  curve: RetentionCurve;
  followUpDays: number;
  burnout?: DriverRates;
  horizonDays?: number;
  shrinkage?: number;
}

export function flightRisk<T>(
  agents: readonly FlightRiskAgentInput<T>[],
  options: FlightRiskOptions,
): FlightRiskEntry<T>[] {
  const rr = burnoutRelativeRisk(options.burnout, options.shrinkage);
  const horizon = options.horizonDays ?? FLIGHT_RISK_HORIZON_DAYS;
  const entries = agents.map((a) => {
    const h = conditionalExitProbability(
      options.curve,
      a.tenureDays,
      options.followUpDays,
      horizon,
    );
    const relative = a.burnoutBand === null ? 1 : (rr[a.burnoutBand] ?? 1);
    const probability = h === null ? null : Math.min(0.99, h * relative);
    const changes = recentChanges(a.activity);
    const reasons: string[] = [];
    reasons.push(
      h === null
        ? `tenure ${a.tenureDays} days: past the longest tenure the retention curve has observed`
        : `tenure ${a.tenureDays} days: ${pct(h)} of agents at this tenure leave within ${horizon} days (retention curve)`,
    );
    if (a.burnoutBand !== null) {
      const drivers =
        a.burnoutDrivers.length > 0 ? `, driven by ${a.burnoutDrivers.join(', ')}` : '';
      reasons.push(
        `BRI ${a.burnoutIndex} (${a.burnoutBand})${drivers}: exit rate ×${relative.toFixed(2)} against all agents`,
      );
    } else {
      reasons.push('no burnout index (no worked time in the last 28 days)');
    }
    for (const c of changes) {
      reasons.push(c.text);
    }
    return {
      ref: a.ref,
      rank: 0,
      tenureDays: a.tenureDays,
      tenureBand: tenureBand(a.tenureDays),
      probability,
      tenureHazard: h,
      burnoutIndex: a.burnoutIndex,
      burnoutBand: a.burnoutBand,
      burnoutRelativeRisk: relative,
      burnoutDrivers: [...a.burnoutDrivers],
      changes,
      reasons,
    };
  });
  entries.sort(
    (x, y) =>
      (y.probability ?? -1) - (x.probability ?? -1) ||
      y.changes.length - x.changes.length ||
      (y.burnoutIndex ?? -1) - (x.burnoutIndex ?? -1),
  );
  entries.forEach((e, i) => (e.rank = i + 1));
  return entries;
}

/**
 * Worked hours, send-home losses and hostile share of the 28 days ending `asOf` and of the 56
 * days before (shifts by the local date of their scheduled start), for {@link recentChanges}.
 * A comparison needs the agent employed through the earlier window: hired less than 84 days
 * before `asOf`, they have no "before" (a new hire's first weeks are not a change), and the BRI
 * of 28 days ago is dropped unless its whole 28-day window was employed.
 *
 * `burnoutNow` is the BRI on `burnoutAsOf` (default `asOf`) and `burnout28DaysAgo` the one 28
 * days before that: the burnout feature reads an index only on a complete day, so for an `asOf`
 * of today both are a day earlier.
 */
export function recentActivity(input: {
  asOf: LocalDate;
  hireDate: LocalDate;
  zone: string;
  shifts: readonly WorkShift[];
  dailyCalls: readonly BurnoutDailyCalls[];
  burnoutNow: number | null;
  burnout28DaysAgo: number | null;
  burnoutAsOf?: LocalDate;
}): RecentActivity {
  const recentFrom = addDays(input.asOf, -27);
  const beforeFrom = addDays(input.asOf, -83);
  const recent: WorkShift[] = [];
  const before: WorkShift[] = [];
  for (const s of input.shifts) {
    const d = localDateOfInstant(toEpochMillis(s.start, 'start'), input.zone);
    if (d >= recentFrom && d <= input.asOf) {
      recent.push(s);
    } else if (d >= beforeFrom && d < recentFrom) {
      before.push(s);
    }
  }
  const hours = (list: WorkShift[]) => list.reduce((x, s) => x + workedSeconds(s), 0) / 3600;
  const calls = (from: LocalDate, to: LocalDate) => {
    let answered = 0;
    let hostile = 0;
    for (const d of input.dailyCalls) {
      if (d.date >= from && d.date <= to) {
        answered += d.answered;
        hostile += d.hostile;
      }
    }
    return answered > 0 ? hostile / answered : null;
  };
  const comparable = input.hireDate <= beforeFrom;
  return {
    burnoutNow: input.burnoutNow,
    burnout28DaysAgo:
      input.hireDate <= addDays(input.burnoutAsOf ?? input.asOf, -55)
        ? input.burnout28DaysAgo
        : null,
    workedHoursLast4Weeks: hours(recent),
    workedHoursPer4WeeksBefore: comparable && before.length > 0 ? hours(before) / 2 : null,
    sendHomeHoursLast4Weeks: sendHomeLoss(recent).lostSeconds / 3600,
    hostileRateLast4Weeks: calls(recentFrom, input.asOf),
    hostileRateBefore: comparable ? calls(beforeFrom, addDays(recentFrom, -1)) : null,
  };
}

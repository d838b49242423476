import { BurnoutBand, BurnoutDailyCalls } from '../burnout';
import { addDays, daysBetween, LocalDate } from '../dates';
import {
  DEFAULT_PAY_CONFIG,
  differentialSeconds,
  overtimeByWeek,
  sendHomeLoss,
  WorkShift,
} from '../schedule';
import { toEpochMillis } from '../schedule/instant';
import { localDateOfInstant } from './local-day';
import { TerminationType } from './attrition';
import { ProportionInterval, wilsonInterval } from './wilson';

/**
 * Turnover drivers (issue 8): the exit rate of agents grouped by what they were exposed to —
 * overtime, night/weekend/holiday share, hostile calls, hours lost to send-homes and the burnout
 * band — each band with its counts and a Wilson 95 % interval, so a small group is not over-read.
 *
 * Population: every agent employed on at least one day of the range [from, to]. An agent is an
 * exit of the range when their termination date falls in it. Exposure is measured over the last
 * `windowDays` (default 90) days employed within the range: the days up to the last day employed
 * for an exit, up to `to` for everyone else (never before hire). Rates are proportions:
 * exits ÷ agents of the band — comparable across bands of one range, not monthly rates.
 */

export const DRIVER_WINDOW_DAYS = 90;

/** What one agent was exposed to over their exposure window. */
export interface DriverExposure {
  windowFrom: LocalDate;
  windowTo: LocalDate;
  /** Mean overtime hours per week of the window (metrics.md §4); null without worked time. */
  overtimeHoursPerWeek: number | null;
  /** Share of worked time at night, on weekends or site holidays; null without worked time. */
  unsocialShare: number | null;
  /** Hostile ÷ answered calls (metrics.md §1); null without answered calls. */
  hostileRate: number | null;
  answeredCalls: number;
  /** Hours lost to unpaid send-homes (metrics.md §4) per 4 weeks of the window; null without shifts. */
  sendHomeHoursPer4Weeks: number | null;
  /**
   * BRI (metrics.md §5) on the window's last day, as the burnout feature reads it (its stored
   * snapshot or its own computation); null without worked time in its 28 days.
   */
  burnoutIndex: number | null;
  burnoutBand: BurnoutBand | null;
  /** The BRI's top drivers on that day. */
  burnoutDrivers: string[];
}

export interface DriverExposureInput {
  hireDate: LocalDate;
  /** Last day employed, or null. */
  terminationDate: LocalDate | null;
  from: LocalDate;
  to: LocalDate;
  zone: string;
  holidays?: readonly string[];
  contractHours: number;
  shifts: readonly WorkShift[];
  dailyCalls: readonly BurnoutDailyCalls[];
  /**
   * The agent's BRI on the window's last day ({@link exposureWindow}'s `to`), given by the
   * caller: the index has one source, the burnout feature (its daily snapshots, or its own
   * computation for a date without one). Null when there is none.
   */
  burnout: BurnoutReading | null;
  windowDays?: number;
}

/** A BRI as another feature reads it: index, band and top drivers on one date. */
export interface BurnoutReading {
  index: number | null;
  band: BurnoutBand | null;
  drivers: readonly string[];
}

/** The exposure window of an agent in a range, or null when not employed in it. */
export function exposureWindow(
  hireDate: LocalDate,
  terminationDate: LocalDate | null,
  from: LocalDate,
  to: LocalDate,
  windowDays = DRIVER_WINDOW_DAYS,
): { from: LocalDate; to: LocalDate } | null {
  const end = terminationDate !== null && terminationDate < to ? terminationDate : to;
  if (hireDate > end || end < from) {
    return null;
  }
  const start = addDays(end, -(windowDays - 1));
  return { from: start > hireDate ? start : hireDate, to: end };
}

/** Shifts whose scheduled start falls on a local date of [from, to]. */
function shiftsIn(
  shifts: readonly WorkShift[],
  zone: string,
  from: LocalDate,
  to: LocalDate,
): WorkShift[] {
  return shifts.filter((s) => {
    const d = localDateOfInstant(toEpochMillis(s.start, 'start'), zone);
    return d >= from && d <= to;
  });
}

export function driverExposure(input: DriverExposureInput): DriverExposure | null {
  const w = exposureWindow(
    input.hireDate,
    input.terminationDate,
    input.from,
    input.to,
    input.windowDays,
  );
  if (w === null) {
    return null;
  }
  const days = daysBetween(w.from, w.to) + 1;
  const shifts = shiftsIn(input.shifts, input.zone, w.from, w.to);
  const weeks = overtimeByWeek(shifts, input.zone, { contractHours: input.contractHours });
  const worked = weeks.reduce((s, x) => s + x.workedSeconds, 0);
  const overtime = weeks.reduce((s, x) => s + x.overtimeSeconds, 0);
  const diff = differentialSeconds(shifts, input.zone, {
    ...DEFAULT_PAY_CONFIG,
    holidays: input.holidays ?? [],
  });
  const diffTotal = diff.night + diff.weekend + diff.holiday + diff.none;
  let answered = 0;
  let hostile = 0;
  for (const d of input.dailyCalls) {
    if (d.date >= w.from && d.date <= w.to) {
      answered += d.answered;
      hostile += d.hostile;
    }
  }
  return {
    windowFrom: w.from,
    windowTo: w.to,
    overtimeHoursPerWeek: worked > 0 ? overtime / 3600 / (days / 7) : null,
    unsocialShare: diffTotal > 0 ? (diffTotal - diff.none) / diffTotal : null,
    hostileRate: answered > 0 ? hostile / answered : null,
    answeredCalls: answered,
    sendHomeHoursPer4Weeks:
      shifts.length > 0 ? sendHomeLoss(shifts).lostSeconds / 3600 / (days / 28) : null,
    burnoutIndex: input.burnout?.index ?? null,
    burnoutBand: input.burnout?.band ?? null,
    burnoutDrivers: [...(input.burnout?.drivers ?? [])],
  };
}

// ------------------------------------------------------------------ bands and rates

export const DRIVER_NAMES = ['overtime', 'unsocial', 'hostile', 'send_home', 'burnout'] as const;
export type DriverName = (typeof DRIVER_NAMES)[number];

/** Band labels of each driver, in display order; `no data` comes last. */
export const DRIVER_BANDS: Record<DriverName, readonly string[]> = {
  overtime: ['none', '< 2 h/week', '2–5 h/week', '≥ 5 h/week', 'no data'],
  unsocial: ['< 10 %', '10–25 %', '25–50 %', '≥ 50 %', 'no data'],
  hostile: ['< 2 %', '2–5 %', '5–10 %', '≥ 10 %', 'no data'],
  send_home: ['none', '< 4 h', '4–12 h', '≥ 12 h', 'no data'],
  burnout: ['low', 'elevated', 'high', 'critical', 'no data'],
};

/** The band of an exposure for one driver. */
export function driverBand(driver: DriverName, e: DriverExposure): string {
  const bands = DRIVER_BANDS[driver];
  const pick = (x: number | null, cuts: [number, number, number], zeroIsFirst = false) => {
    if (x === null) {
      return bands[4];
    }
    if (zeroIsFirst ? x <= 0 : x < cuts[0]) {
      return bands[0];
    }
    if (x < cuts[1]) {
      return bands[1];
    }
    return x < cuts[2] ? bands[2] : bands[3];
  };
  switch (driver) {
    case 'overtime':
      return pick(e.overtimeHoursPerWeek, [0, 2, 5], true);
    case 'unsocial':
      return pick(e.unsocialShare, [0.1, 0.25, 0.5]);
    case 'hostile':
      return pick(e.hostileRate, [0.02, 0.05, 0.1]);
    case 'send_home':
      return pick(e.sendHomeHoursPer4Weeks, [0, 4, 12], true);
    case 'burnout':
      return e.burnoutBand ?? bands[4];
  }
}

export interface DriverAgent {
  /** Separated in the range. */
  separated: boolean;
  terminationType: TerminationType | null;
  exposure: DriverExposure;
}

export interface DriverBandRate {
  band: string;
  agents: number;
  separations: number;
  voluntary: number;
  involuntary: number;
  /** separations ÷ agents; null for an empty band. */
  rate: number | null;
  /** Wilson 95 % interval of the rate. */
  ci: ProportionInterval | null;
}

export interface DriverRates {
  driver: DriverName;
  bands: DriverBandRate[];
}

/** Exit rate per band of every driver, with counts and Wilson intervals. */
export function driverRates(agents: readonly DriverAgent[]): DriverRates[] {
  return DRIVER_NAMES.map((driver) => {
    const rows = new Map(
      DRIVER_BANDS[driver].map((band) => [
        band,
        { band, agents: 0, separations: 0, voluntary: 0, involuntary: 0 },
      ]),
    );
    for (const a of agents) {
      const row = rows.get(driverBand(driver, a.exposure)) as DriverBandRate;
      row.agents++;
      if (a.separated) {
        row.separations++;
        if (a.terminationType === 'voluntary') {
          row.voluntary++;
        } else if (a.terminationType === 'involuntary') {
          row.involuntary++;
        }
      }
    }
    return {
      driver,
      bands: [...rows.values()].map((r) => ({
        ...r,
        rate: r.agents === 0 ? null : r.separations / r.agents,
        ci: wilsonInterval(r.separations, r.agents),
      })),
    };
  });
}

// ------------------------------------------------------------------ exit reasons

export interface ExitReasonCount {
  /** The reason as most often written (first seen on a tie); `(not recorded)` when empty. */
  reason: string;
  separations: number;
  voluntary: number;
  involuntary: number;
  /** Share of all separations. */
  share: number;
}

export const NO_REASON = '(not recorded)';

/**
 * Separations per recorded reason. Reasons are free text in HR exports: spellings that differ
 * only in case, spacing or `_`/`-` ("Better pay", "better_pay ") count as one reason.
 */
export function exitReasons(
  separations: readonly { reason: string | null; terminationType: TerminationType | null }[],
): ExitReasonCount[] {
  const groups = new Map<
    string,
    { spellings: Map<string, number>; separations: number; voluntary: number; involuntary: number }
  >();
  for (const s of separations) {
    const text = (s.reason ?? '').trim().replace(/\s+/g, ' ');
    const norm = text === '' ? '' : text.toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');
    let g = groups.get(norm);
    if (!g) {
      g = { spellings: new Map(), separations: 0, voluntary: 0, involuntary: 0 };
      groups.set(norm, g);
    }
    g.spellings.set(text, (g.spellings.get(text) ?? 0) + 1);
    g.separations++;
    if (s.terminationType === 'voluntary') {
      g.voluntary++;
    } else if (s.terminationType === 'involuntary') {
      g.involuntary++;
    }
  }
  const total = separations.length;
  return [...groups.entries()]
    .map(([norm, g]) => {
      let best = '';
      let bestCount = -1;
      for (const [spelling, count] of g.spellings) {
        if (count > bestCount) {
          best = spelling;
          bestCount = count;
        }
      }
      return {
        reason: norm === '' ? NO_REASON : best,
        separations: g.separations,
        voluntary: g.voluntary,
        involuntary: g.involuntary,
        share: g.separations / total,
      };
    })
    .sort((a, b) => b.separations - a.separations || a.reason.localeCompare(b.reason));
}

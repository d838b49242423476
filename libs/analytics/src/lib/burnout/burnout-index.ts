import { ramp, roundHalfAwayFromZero, stdDev } from '../common';
import { emptyServiceSums, occupancy, serviceFigures } from '../service';
import { DateTime } from 'luxon';
import {
  addLocalDays,
  assertZone,
  localDateOf,
  parseLocalDate,
  startOfLocalDay,
} from '../schedule/instant';
import { LocalHourPiece, splitAtLocalHours, unsocialFlags } from '../schedule/local-hours';
import { consecutiveWorkdays, restGaps } from '../schedule/rest';
import { WorkShift } from '../schedule/shift.types';
import { adherence, hasTimesheet, scheduledSpan, workedIntervals } from '../schedule/worked-time';
import { BurnoutCall, BurnoutDailyCalls, burnoutDailyCalls } from './burnout-calls';
import {
  BURNOUT_COMPONENTS,
  BurnoutComponentName,
  BurnoutConfig,
  BurnoutRampName,
  DEFAULT_BURNOUT_CONFIG,
  validateBurnoutConfig,
} from './burnout-config';

/** Points closer than this are a tie (0.3 × 25 and 0.5 × 15 differ only by floating point). */
const POINTS_TIE = 1e-9;

/** BRI band (metrics.md §5). */
export type BurnoutBand = 'low' | 'elevated' | 'high' | 'critical';

/** One day's quota result for the agent: was a day or shift count quota missed? */
export interface BurnoutQuotaDay {
  date: string;
  missed: boolean;
}

/** Input of {@link burnoutIndex} for one agent. */
export interface BurnoutInput {
  /** As-of local date D, `YYYY-MM-DD`. */
  asOf: string;
  /** The site's IANA zone. */
  zone: string;
  /** The agent's contract hours per week. */
  contractHours: number;
  /** Site holidays, `YYYY-MM-DD`. */
  holidays?: readonly string[];
  /**
   * The agent's shifts with status and timesheet. Shifts outside W are ignored except that the
   * six days before W let the run of consecutive workdays and the first rest gap be exact.
   */
  shifts: readonly WorkShift[];
  /** The agent's calls, or … */
  calls?: readonly BurnoutCall[];
  /** … their daily sums (give one of the two). */
  dailyCalls?: readonly BurnoutDailyCalls[];
  /** Day / shift count-quota results per local date. */
  quotaDays?: readonly BurnoutQuotaDay[];
}

/** One component: raw x, ramp value in [0, 1] and weighted points on the 0–100 scale. */
export interface BurnoutComponent {
  /** The raw value x over W; null when there is nothing to measure (then the score is 0). */
  raw: number | null;
  score: number;
  points: number;
  /** The parts behind an aggregated raw value (irregularity, drift, recovery). */
  detail?: Record<string, number | string | null>;
}

/** Result of {@link burnoutIndex}. */
export interface BurnoutResult {
  /** 0–100, or null when the agent has no worked time in W. */
  index: number | null;
  band: BurnoutBand | null;
  components: Record<BurnoutComponentName, BurnoutComponent>;
  /** Up to three component names with the most points (see {@link burnoutIndex}). */
  drivers: BurnoutComponentName[];
  window: { from: string; to: string; recentFrom: string; baselineTo: string };
}

/** metrics.md §5 bands: `low` < 40 ≤ `elevated` < 60 ≤ `high` < 80 ≤ `critical`. */
export function burnoutBand(index: number): BurnoutBand {
  if (index < 40) {
    return 'low';
  }
  if (index < 60) {
    return 'elevated';
  }
  return index < 80 ? 'high' : 'critical';
}

interface CallSums {
  answered: number;
  handleSeconds: number;
  hostile: number;
  qaSum: number;
  qaCount: number;
  csatSum: number;
  csatCount: number;
}

function sumDays(days: readonly BurnoutDailyCalls[], from: string, to: string): CallSums {
  const sums: CallSums = {
    answered: 0,
    handleSeconds: 0,
    hostile: 0,
    qaSum: 0,
    qaCount: 0,
    csatSum: 0,
    csatCount: 0,
  };
  for (const d of days) {
    if (d.date >= from && d.date <= to) {
      sums.answered += d.answered;
      sums.handleSeconds += d.handleSeconds;
      sums.hostile += d.hostile;
      sums.qaSum += d.qaSum;
      sums.qaCount += d.qaCount;
      sums.csatSum += d.csatSum;
      sums.csatCount += d.csatCount;
    }
  }
  return sums;
}

/** AHT and hostile rate of call sums, with the §1 definitions of `../service`. */
function serviceOf(sums: CallSums) {
  return serviceFigures({
    ...emptyServiceSums(),
    answered: sums.answered,
    handleSeconds: sums.handleSeconds,
    hostile: sums.hostile,
  });
}

/** Local time of day of an instant in hours (wall clock, e.g. 22.5 for 22:30). */
function hourOfDay(ms: number, zone: string): number {
  const t = DateTime.fromMillis(ms, { zone });
  return t.hour + t.minute / 60 + t.second / 3600;
}

/** Relative deterioration, or null when either side is missing or the baseline is 0. */
function deterioration(
  baseline: number | null,
  recent: number | null,
  worseWhen: 'up' | 'down',
): number | null {
  if (baseline === null || recent === null || baseline === 0) {
    return null;
  }
  return worseWhen === 'up' ? (recent - baseline) / baseline : (baseline - recent) / baseline;
}

/**
 * metrics.md §5 burnout risk index for one agent on as-of date D. W = the 28 local days ending on
 * D, R = its last 7 days, B = its first 21; each component is a ramp in [0, 1] and the index is
 * `round(100 × Σ wᵢ·cᵢ)` (half away from zero, after snapping the sum to 1e−9 so 42.4999999…
 * from floating point does not round the wrong way).
 *
 * Interpretations (each documented in the component's `raw`/`detail`):
 * - worked time is the centred-break worked pieces of `../schedule`, clipped to W at local day
 *   boundaries; per-shift figures (σ of start times, send-homes, absences, adherence) take the
 *   shifts whose scheduled start falls on a local date of W (or R / B).
 * - overtime: worked hours in W − 4 × contract hours, floored at 0.
 * - occupancy: Σ handle of answered calls dated in W ÷ worked seconds in W (`../service`
 *   `occupancy`); hostile: hostile ÷ answered in W (null raw, score 0, without calls).
 * - recovery: short rest gaps (< 11 h) whose later shift starts in W + worked days of W that are
 *   the 7th or later consecutive workday (runs may start before W when those shifts are given).
 * - irregularity: max(ramp(σ, 1, 4), ramp(unpaid send-homes, 0, 3)); σ is the population σ of
 *   the scheduled start times of day (hours) of the worked or sent-home shifts in W, each moved
 *   by whole days into [t₀ − 12 h, t₀ + 12 h) around the first such shift's t₀; unpaid
 *   send-homes are `sent_home` shifts with reason `outage`, `low_volume` or none. `raw` is σ.
 * - unsocial: share of worked seconds in W at night, on a weekend day or on a site holiday.
 * - quota_pressure: worked days of W with a missed day/shift count quota ÷ worked days of W.
 * - drift: the largest of AHT (R − B) ÷ B, QA (B − R) ÷ B, CSAT (B − R) ÷ B and adherence
 *   (B − R) ÷ B; a call metric only when both windows have ≥ 10 calls carrying it (answered for
 *   AHT, scored for QA/CSAT), adherence only with ≥ 2 worked shifts in both. Raw may be negative
 *   (everything improved; score 0); null when nothing qualifies.
 * - absence: shifts in W with status `absent_unplanned` (scheduled, not worked, not excused).
 * - drivers: the three components with the most points, ties (within 1e−9 points) in table
 *   order; components with 0 points are never drivers, so an agent may have fewer than three.
 * - no worked time in W → index, band null, drivers []; the components are still returned.
 */
export function burnoutIndex(
  input: BurnoutInput,
  config: BurnoutConfig = DEFAULT_BURNOUT_CONFIG,
): BurnoutResult {
  const problems = validateBurnoutConfig(config);
  if (problems.length > 0) {
    throw new RangeError(`invalid burnout config: ${problems.join('; ')}`);
  }
  assertZone(input.zone);
  parseLocalDate(input.asOf, 'asOf');
  if (!Number.isFinite(input.contractHours) || input.contractHours < 0) {
    throw new RangeError(`contractHours must be non-negative, got ${input.contractHours}`);
  }
  if (input.calls && input.dailyCalls) {
    throw new RangeError('give either calls or dailyCalls, not both');
  }
  const { zone, asOf } = input;
  const wFrom = addLocalDays(asOf, -27);
  const rFrom = addLocalDays(asOf, -6);
  const bTo = addLocalDays(asOf, -7);
  const wStartMs = startOfLocalDay(wFrom, zone);
  const wEndMs = startOfLocalDay(addLocalDays(asOf, 1), zone);
  const inW = (date: string) => date >= wFrom && date <= asOf;
  const flagsConfig = {
    nightStart: config.nightStart,
    nightEnd: config.nightEnd,
    holidays: input.holidays ?? [],
    weekendDays: config.weekendDays,
  };

  // worked time in W, split at local hours
  const pieces: LocalHourPiece[] = input.shifts
    .flatMap((s) => splitAtLocalHours(workedIntervals(s), zone))
    .filter((p) => inW(p.date));
  const workedMs = pieces.reduce((sum, p) => sum + (p.endMs - p.startMs), 0);
  const workedSeconds = workedMs / 1000;
  const unsocialMs = pieces.reduce((sum, p) => {
    const f = unsocialFlags(p, flagsConfig);
    return sum + (f.night || f.weekend || f.holiday ? p.endMs - p.startMs : 0);
  }, 0);
  const workedDates = new Set(pieces.map((p) => p.date));

  // shifts by the local date of their scheduled start
  const dated = input.shifts.map((shift) => ({
    shift,
    date: localDateOf(scheduledSpan(shift).startMs, zone),
  }));
  const shiftsIn = (from: string, to: string) =>
    dated.filter((d) => d.date >= from && d.date <= to);
  const shiftsW = shiftsIn(wFrom, asOf);

  // calls
  const days = input.dailyCalls ?? burnoutDailyCalls(input.calls ?? [], zone);
  const callsW = sumDays(days, wFrom, asOf);
  const callsR = sumDays(days, rFrom, asOf);
  const callsB = sumDays(days, wFrom, bTo);

  const raws: Record<BurnoutComponentName, number | null> = {} as Record<
    BurnoutComponentName,
    number | null
  >;
  const scores: Record<BurnoutComponentName, number> = {} as Record<BurnoutComponentName, number>;
  const details: Partial<Record<BurnoutComponentName, Record<string, number | string | null>>> = {};
  const rampOf = (name: BurnoutRampName, x: number | null) =>
    x === null ? 0 : ramp(x, config.ramps[name].lo, config.ramps[name].hi);

  // overtime
  raws.overtime = Math.max(0, workedSeconds / 3600 - 4 * input.contractHours);
  scores.overtime = rampOf('overtime', raws.overtime);

  // occupancy and hostile (section 1 definitions)
  raws.occupancy = occupancy(callsW.handleSeconds, workedSeconds);
  scores.occupancy = rampOf('occupancy', raws.occupancy);
  raws.hostile = serviceOf(callsW).hostileRate;
  scores.hostile = rampOf('hostile', raws.hostile);

  // recovery
  const shortRest = restGaps(input.shifts, config.shortRestHours * 3600).filter(
    (g) => g.short && g.toStartMs >= wStartMs && g.toStartMs < wEndMs,
  ).length;
  const lateRunDays = consecutiveWorkdays(input.shifts, zone).days.filter(
    (d) => inW(d.date) && d.run >= config.consecutiveDayLimit,
  ).length;
  raws.recovery = shortRest + lateRunDays;
  scores.recovery = rampOf('recovery', raws.recovery);
  details.recovery = { shortRestGaps: shortRest, consecutiveDaysBeyondLimit: lateRunDays };

  // irregularity
  const lived = shiftsW
    .filter((d) => hasTimesheet(d.shift))
    .map((d) => scheduledSpan(d.shift).startMs)
    .sort((a, b) => a - b);
  let sigma: number | null = null;
  if (lived.length > 0) {
    const t0 = hourOfDay(lived[0], zone);
    const unwrapped = lived.map((ms) => {
      const t = hourOfDay(ms, zone);
      return t - 24 * Math.floor((t - t0 + 12) / 24);
    });
    sigma = stdDev(unwrapped);
  }
  const unpaidSendHomes = shiftsW.filter(
    (d) => d.shift.status === 'sent_home' && d.shift.sendHomeReason !== 'goal_met',
  ).length;
  raws.irregularity = sigma;
  scores.irregularity = Math.max(
    rampOf('irregularity_sigma', sigma),
    rampOf('irregularity_send_homes', unpaidSendHomes),
  );
  details.irregularity = { startTimeSigmaHours: sigma, unpaidSendHomes };

  // unsocial
  raws.unsocial = workedMs > 0 ? unsocialMs / workedMs : null;
  scores.unsocial = rampOf('unsocial', raws.unsocial);

  // quota pressure
  const missedDates = new Set((input.quotaDays ?? []).filter((q) => q.missed).map((q) => q.date));
  const missedWorked = [...workedDates].filter((d) => missedDates.has(d)).length;
  raws.quota_pressure = workedDates.size > 0 ? missedWorked / workedDates.size : null;
  scores.quota_pressure = rampOf('quota_pressure', raws.quota_pressure);

  // drift
  const enoughCalls = (b: number, r: number) =>
    b >= config.driftMinCalls && r >= config.driftMinCalls;
  const ahtDrift = enoughCalls(callsB.answered, callsR.answered)
    ? deterioration(serviceOf(callsB).ahtSeconds, serviceOf(callsR).ahtSeconds, 'up')
    : null;
  const qaDrift = enoughCalls(callsB.qaCount, callsR.qaCount)
    ? deterioration(callsB.qaSum / callsB.qaCount, callsR.qaSum / callsR.qaCount, 'down')
    : null;
  const csatDrift = enoughCalls(callsB.csatCount, callsR.csatCount)
    ? deterioration(callsB.csatSum / callsB.csatCount, callsR.csatSum / callsR.csatCount, 'down')
    : null;
  const adhB = adherence(shiftsIn(wFrom, bTo).map((d) => d.shift));
  const adhR = adherence(shiftsIn(rFrom, asOf).map((d) => d.shift));
  const adherenceDrift =
    adhB.shifts >= config.driftMinShifts && adhR.shifts >= config.driftMinShifts
      ? deterioration(adhB.adherence, adhR.adherence, 'down')
      : null;
  const drifts = { aht: ahtDrift, qa: qaDrift, csat: csatDrift, adherence: adherenceDrift };
  const qualifying = Object.values(drifts).filter((v): v is number => v !== null);
  raws.drift = qualifying.length > 0 ? Math.max(...qualifying) : null;
  scores.drift = rampOf('drift', raws.drift);
  details.drift = drifts;

  // absence
  raws.absence = shiftsW.filter((d) => d.shift.status === 'absent_unplanned').length;
  scores.absence = rampOf('absence', raws.absence);

  const components = {} as Record<BurnoutComponentName, BurnoutComponent>;
  let total = 0;
  for (const name of BURNOUT_COMPONENTS) {
    const points = 100 * config.weights[name] * scores[name];
    total += points;
    components[name] = { raw: raws[name], score: scores[name], points };
    if (details[name]) {
      components[name].detail = details[name];
    }
  }
  const window = { from: wFrom, to: asOf, recentFrom: rFrom, baselineTo: bTo };
  if (workedMs === 0) {
    return { index: null, band: null, components, drivers: [], window };
  }
  const index = roundHalfAwayFromZero(Math.round(total * 1e9) / 1e9);
  const drivers = BURNOUT_COMPONENTS.filter((name) => components[name].points > 0)
    .map((name, order) => ({ name, order, points: components[name].points }))
    .sort((a, b) =>
      Math.abs(b.points - a.points) > POINTS_TIE ? b.points - a.points : a.order - b.order,
    )
    .slice(0, 3)
    .map((d) => d.name);
  return { index, band: burnoutBand(index), components, drivers, window };
}

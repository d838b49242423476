import { ramp, roundHalfAwayFromZero, stdDev } from '../common';
import { addDays, isoWeekday } from '../dates/local-date';
import { HourPiece, ZoneClock } from '../dates/zone-clock';
import { emptyServiceSums, occupancy, serviceFigures } from '../service';
import { parseLocalDate, startOfLocalDay } from '../schedule/instant';
import { isNightHour } from '../schedule/local-hours';
import { WorkShift } from '../schedule/shift.types';
import {
  actualSpan,
  adherence,
  hasTimesheet,
  scheduledSpan,
  workedIntervals,
} from '../schedule/worked-time';
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
   * days before W let the run of consecutive workdays, the first rest gap and the first work week
   * be exact (give at least the six days before W).
   */
  shifts: readonly WorkShift[];
  /** The agent's calls, or … */
  calls?: readonly BurnoutCall[];
  /** … their daily sums (give one of the two). */
  dailyCalls?: readonly BurnoutDailyCalls[];
  /**
   * Day / shift count-quota results per local date. `undefined` or `null`: no quota data exists
   * for the agent, so quota pressure cannot be measured (raw null, 0 points, `detail.source` says
   * so) — never a silent 0 %. An empty array: quotas exist and none was missed.
   */
  quotaDays?: readonly BurnoutQuotaDay[] | null;
}

/** One component: raw x, ramp value in [0, 1] and weighted points on the 0–100 scale. */
export interface BurnoutComponent {
  /** The raw value x over W; null when there is nothing to measure (then the score is 0). */
  raw: number | null;
  score: number;
  points: number;
  /** The parts behind an aggregated raw value (irregularity, drift, recovery, quota pressure). */
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

/** A shift with its instants resolved once (shared by every as-of date it falls in). */
interface PreparedShift {
  zone: string;
  shift: WorkShift;
  schedStartMs: number;
  schedEndMs: number;
  /** Local date of the scheduled start. */
  date: string;
  /** Scheduled start, local hours of day. */
  startHour: number;
  actual: { startMs: number; endMs: number } | null;
  workedPieces: HourPiece[];
}

const prepared = new WeakMap<WorkShift, PreparedShift>();

function prepare(shift: WorkShift, clock: ZoneClock, zone: string): PreparedShift {
  const cached = prepared.get(shift);
  if (cached && cached.zone === zone) {
    return cached;
  }
  const sched = scheduledSpan(shift);
  const pieces: HourPiece[] = [];
  for (const span of workedIntervals(shift)) {
    clock.splitHours(span.startMs, span.endMs, pieces);
  }
  const p: PreparedShift = {
    zone,
    shift,
    schedStartMs: sched.startMs,
    schedEndMs: sched.endMs,
    date: clock.localDate(sched.startMs),
    startHour: clock.hourOfDay(sched.startMs),
    actual: actualSpan(shift),
    workedPieces: pieces,
  };
  prepared.set(shift, p);
  return p;
}

/** A short rest gap behind the recovery component (metrics.md §4: under 11 h). */
export interface BurnoutShortRest {
  fromShiftId: string | null;
  toShiftId: string | null;
  fromEndMs: number;
  toStartMs: number;
  gapHours: number;
}

/** A Monday–Sunday work week touching W (metrics.md §4 overtime: hours beyond the contract). */
export interface BurnoutWeek {
  weekStart: string;
  workedHours: number;
  overtimeHours: number;
}

/** One local day of W with what the components read from it. */
export interface BurnoutDay {
  date: string;
  workedSeconds: number;
  unsocialSeconds: number;
  /** Position in the run of consecutive workdays (0 when not worked). */
  run: number;
  answered: number;
  handleSeconds: number;
  hostile: number;
  qaSum: number;
  qaCount: number;
  csatSum: number;
  csatCount: number;
  /**
   * true / false on a worked day when quota data exists (a day without a quota in force is not
   * missed); null on a day not worked or when no quota result is known.
   */
  quotaMissed: boolean | null;
}

/** One shift of W as the components see it. */
export interface BurnoutShiftEvidence {
  id: string | null;
  date: string;
  kind: WorkShift['kind'];
  status: WorkShift['status'];
  startMs: number;
  endMs: number;
  actualStartMs: number | null;
  actualEndMs: number | null;
  workedSeconds: number;
  /** Scheduled start in local hours, unwrapped around the first lived shift of W (irregularity). */
  startHourUnwrapped: number | null;
  sendHomeReason: WorkShift['sendHomeReason'] | null;
  /** An unpaid send-home (irregularity). */
  unpaidSendHome: boolean;
  /** An unplanned absence (absence). */
  unplannedAbsence: boolean;
  /** Hours of rest before this shift when that rest was short (recovery), else null. */
  shortRestBeforeHours: number | null;
  /** In R (the last 7 days) rather than B. */
  recent: boolean;
}

/** The shifts, days and weeks behind each driver, for the drill-down. */
export interface BurnoutEvidence {
  days: BurnoutDay[];
  shifts: BurnoutShiftEvidence[];
  shortRests: BurnoutShortRest[];
  weeks: BurnoutWeek[];
  /** Recent and baseline values of each drift metric. */
  drift: Record<
    'aht' | 'qa' | 'csat' | 'adherence',
    { baseline: number | null; recent: number | null }
  >;
}

interface Analysis {
  result: BurnoutResult;
  /** Built only when asked for (the daily job needs the index alone). */
  evidence: BurnoutEvidence | null;
}

/**
 * metrics.md §5 burnout risk index for one agent on as-of date D. W = the 28 local days ending on
 * D, R = its last 7 days, B = its first 21; each component is a ramp in [0, 1] and the index is
 * `round(100 × Σ wᵢ·cᵢ)` (half away from zero, after snapping the sum to 1e−9 so 42.4999999…
 * from floating point does not round the wrong way).
 *
 * Interpretations (each documented in the component's `raw`/`detail` and in docs/burnout.md):
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
 * - quota_pressure: worked days of W with a missed day/shift count quota ÷ worked days of W;
 *   without quota data (input `quotaDays` absent) raw is null and `detail.source` is `none`.
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
  return analyse(input, config, false).result;
}

/**
 * The index of {@link burnoutIndex} together with what it was computed from: every day of W, the
 * shifts of W with their flags (short rest before, unpaid send-home, unplanned absence, unwrapped
 * start hour), the Monday–Sunday weeks touching W with their overtime, and drift's two sides.
 */
export function burnoutWithEvidence(
  input: BurnoutInput,
  config: BurnoutConfig = DEFAULT_BURNOUT_CONFIG,
): BurnoutResult & { evidence: BurnoutEvidence } {
  const a = analyse(input, config, true);
  return { ...a.result, evidence: a.evidence as BurnoutEvidence };
}

function analyse(input: BurnoutInput, config: BurnoutConfig, withEvidence: boolean): Analysis {
  const problems = validateBurnoutConfig(config);
  if (problems.length > 0) {
    throw new RangeError(`invalid burnout config: ${problems.join('; ')}`);
  }
  const clock = ZoneClock.of(input.zone);
  parseLocalDate(input.asOf, 'asOf');
  if (!Number.isFinite(input.contractHours) || input.contractHours < 0) {
    throw new RangeError(`contractHours must be non-negative, got ${input.contractHours}`);
  }
  if (input.calls && input.dailyCalls) {
    throw new RangeError('give either calls or dailyCalls, not both');
  }
  const { zone, asOf } = input;
  const wFrom = addDays(asOf, -27);
  const rFrom = addDays(asOf, -6);
  const bTo = addDays(asOf, -7);
  const wStartMs = startOfLocalDay(wFrom, zone);
  const wEndMs = startOfLocalDay(addDays(asOf, 1), zone);
  const inW = (date: string) => date >= wFrom && date <= asOf;
  const holidays = new Set(input.holidays ?? []);
  const weekend = new Set(config.weekendDays);
  const isUnsocial = (p: HourPiece) =>
    isNightHour(p.hour, config.nightStart, config.nightEnd) ||
    weekend.has(p.weekday) ||
    holidays.has(p.date);

  const all = input.shifts.map((s) => prepare(s, clock, zone));

  // worked time by local date (every given shift: runs and weeks may start before W)
  const workedByDate = new Map<string, number>();
  const unsocialByDate = new Map<string, number>();
  let workedMs = 0;
  let unsocialMs = 0;
  for (const p of all) {
    for (const piece of p.workedPieces) {
      const len = piece.endMs - piece.startMs;
      workedByDate.set(piece.date, (workedByDate.get(piece.date) ?? 0) + len);
      const unsocial = isUnsocial(piece);
      if (unsocial) {
        unsocialByDate.set(piece.date, (unsocialByDate.get(piece.date) ?? 0) + len);
      }
      if (inW(piece.date)) {
        workedMs += len;
        if (unsocial) {
          unsocialMs += len;
        }
      }
    }
  }
  const workedSeconds = workedMs / 1000;

  // consecutive workdays (metrics.md §4): runs of local dates with worked time
  const runByDate = new Map<string, number>();
  for (const date of [...workedByDate.keys()].sort()) {
    runByDate.set(date, (runByDate.get(addDays(date, -1)) ?? 0) + 1);
  }

  const shiftsW = all.filter((p) => inW(p.date));
  const shiftsIn = (from: string, to: string) =>
    all.filter((p) => p.date >= from && p.date <= to).map((p) => p.shift);

  // calls
  const days = input.dailyCalls ?? burnoutDailyCalls(input.calls ?? [], zone);
  const callsW = sumDays(days, wFrom, asOf);
  const callsR = sumDays(days, rFrom, asOf);
  const callsB = sumDays(days, wFrom, bTo);

  const raws = {} as Record<BurnoutComponentName, number | null>;
  const scores = {} as Record<BurnoutComponentName, number>;
  const details: Partial<Record<BurnoutComponentName, Record<string, number | string | null>>> = {};
  const rampOf = (name: BurnoutRampName, x: number | null) =>
    x === null ? 0 : ramp(x, config.ramps[name].lo, config.ramps[name].hi);

  // overtime
  raws.overtime = Math.max(0, workedSeconds / 3600 - 4 * input.contractHours);
  scores.overtime = rampOf('overtime', raws.overtime);
  details.overtime = {
    workedHours: workedSeconds / 3600,
    contractHours: 4 * input.contractHours,
  };

  // occupancy and hostile (section 1 definitions)
  raws.occupancy = occupancy(callsW.handleSeconds, workedSeconds);
  scores.occupancy = rampOf('occupancy', raws.occupancy);
  details.occupancy = { handleSeconds: callsW.handleSeconds, workedSeconds };
  raws.hostile = serviceOf(callsW).hostileRate;
  scores.hostile = rampOf('hostile', raws.hostile);
  details.hostile = { hostile: callsW.hostile, answered: callsW.answered };

  // recovery: rest gaps between worked shifts (timesheet ends and starts), ordered by start
  const lived = all
    .filter((p) => p.actual !== null && p.workedPieces.length > 0)
    .sort((a, b) => (a.actual?.startMs ?? 0) - (b.actual?.startMs ?? 0));
  const shortRests: BurnoutShortRest[] = [];
  const shortRestBefore = new Map<PreparedShift, number>();
  for (let k = 1; k < lived.length; k += 1) {
    const prev = lived[k - 1];
    const next = lived[k];
    const fromEndMs = prev.actual?.endMs ?? 0;
    const toStartMs = next.actual?.startMs ?? 0;
    const gapHours = (toStartMs - fromEndMs) / 3_600_000;
    if (gapHours < config.shortRestHours && toStartMs >= wStartMs && toStartMs < wEndMs) {
      shortRests.push({
        fromShiftId: prev.shift.id ?? null,
        toShiftId: next.shift.id ?? null,
        fromEndMs,
        toStartMs,
        gapHours,
      });
      shortRestBefore.set(next, gapHours);
    }
  }
  let lateRunDays = 0;
  for (const [date, run] of runByDate) {
    if (inW(date) && run >= config.consecutiveDayLimit) {
      lateRunDays += 1;
    }
  }
  raws.recovery = shortRests.length + lateRunDays;
  scores.recovery = rampOf('recovery', raws.recovery);
  details.recovery = {
    shortRestGaps: shortRests.length,
    consecutiveDaysBeyondLimit: lateRunDays,
  };

  // irregularity
  const withTimesheet = shiftsW
    .filter((p) => hasTimesheet(p.shift))
    .sort((a, b) => a.schedStartMs - b.schedStartMs);
  const unwrapped = new Map<PreparedShift, number>();
  let sigma: number | null = null;
  if (withTimesheet.length > 0) {
    const t0 = withTimesheet[0].startHour;
    for (const p of withTimesheet) {
      const t = p.startHour;
      unwrapped.set(p, t - 24 * Math.floor((t - t0 + 12) / 24));
    }
    sigma = stdDev([...unwrapped.values()]);
  }
  const isUnpaidSendHome = (p: PreparedShift) =>
    p.shift.status === 'sent_home' && p.shift.sendHomeReason !== 'goal_met';
  const unpaidSendHomes = shiftsW.filter(isUnpaidSendHome).length;
  raws.irregularity = sigma;
  scores.irregularity = Math.max(
    rampOf('irregularity_sigma', sigma),
    rampOf('irregularity_send_homes', unpaidSendHomes),
  );
  details.irregularity = { startTimeSigmaHours: sigma, unpaidSendHomes };

  // unsocial
  raws.unsocial = workedMs > 0 ? unsocialMs / workedMs : null;
  scores.unsocial = rampOf('unsocial', raws.unsocial);
  details.unsocial = { unsocialSeconds: unsocialMs / 1000, workedSeconds };

  // quota pressure
  const quotaByDate = new Map<string, boolean>();
  for (const q of input.quotaDays ?? []) {
    quotaByDate.set(q.date, (quotaByDate.get(q.date) ?? false) || q.missed);
  }
  const workedDatesW = [...workedByDate.keys()].filter(inW);
  const missedWorked = workedDatesW.filter((d) => quotaByDate.get(d) === true).length;
  if (input.quotaDays == null) {
    raws.quota_pressure = null;
    details.quota_pressure = { source: 'none', missedDays: null, workedDays: workedDatesW.length };
  } else {
    raws.quota_pressure = workedDatesW.length > 0 ? missedWorked / workedDatesW.length : null;
    details.quota_pressure = {
      source: 'quotas',
      missedDays: missedWorked,
      workedDays: workedDatesW.length,
    };
  }
  scores.quota_pressure = rampOf('quota_pressure', raws.quota_pressure);

  // drift
  const enoughCalls = (b: number, r: number) =>
    b >= config.driftMinCalls && r >= config.driftMinCalls;
  const ahtB = serviceOf(callsB).ahtSeconds;
  const ahtR = serviceOf(callsR).ahtSeconds;
  const qaB = callsB.qaCount > 0 ? callsB.qaSum / callsB.qaCount : null;
  const qaR = callsR.qaCount > 0 ? callsR.qaSum / callsR.qaCount : null;
  const csatB = callsB.csatCount > 0 ? callsB.csatSum / callsB.csatCount : null;
  const csatR = callsR.csatCount > 0 ? callsR.csatSum / callsR.csatCount : null;
  const adhB = adherence(shiftsIn(wFrom, bTo));
  const adhR = adherence(shiftsIn(rFrom, asOf));
  const drifts = {
    aht: enoughCalls(callsB.answered, callsR.answered) ? deterioration(ahtB, ahtR, 'up') : null,
    qa: enoughCalls(callsB.qaCount, callsR.qaCount) ? deterioration(qaB, qaR, 'down') : null,
    csat: enoughCalls(callsB.csatCount, callsR.csatCount)
      ? deterioration(csatB, csatR, 'down')
      : null,
    adherence:
      adhB.shifts >= config.driftMinShifts && adhR.shifts >= config.driftMinShifts
        ? deterioration(adhB.adherence, adhR.adherence, 'down')
        : null,
  };
  const qualifying = Object.values(drifts).filter((v): v is number => v !== null);
  raws.drift = qualifying.length > 0 ? Math.max(...qualifying) : null;
  scores.drift = rampOf('drift', raws.drift);
  details.drift = drifts;

  // absence
  raws.absence = shiftsW.filter((p) => p.shift.status === 'absent_unplanned').length;
  scores.absence = rampOf('absence', raws.absence);

  const components = {} as Record<BurnoutComponentName, BurnoutComponent>;
  let total = 0;
  for (const name of BURNOUT_COMPONENTS) {
    const points = 100 * config.weights[name] * scores[name];
    total += points;
    components[name] = { raw: raws[name], score: scores[name], points };
    const detail = details[name];
    if (detail && PUBLIC_DETAIL[name]) {
      components[name].detail = pick(detail, PUBLIC_DETAIL[name] as string[]);
    }
  }
  const window = { from: wFrom, to: asOf, recentFrom: rFrom, baselineTo: bTo };

  const evidence = withEvidence ? buildEvidence() : null;
  function buildEvidence(): BurnoutEvidence {
    const dayRows: BurnoutDay[] = [];
    const callsByDate = new Map(days.map((d) => [d.date, d]));
    for (let date = wFrom; date <= asOf; date = addDays(date, 1)) {
      const c = callsByDate.get(date);
      const q = quotaByDate.get(date);
      dayRows.push({
        date,
        workedSeconds: (workedByDate.get(date) ?? 0) / 1000,
        unsocialSeconds: (unsocialByDate.get(date) ?? 0) / 1000,
        run: runByDate.get(date) ?? 0,
        answered: c?.answered ?? 0,
        handleSeconds: c?.handleSeconds ?? 0,
        hostile: c?.hostile ?? 0,
        qaSum: c?.qaSum ?? 0,
        qaCount: c?.qaCount ?? 0,
        csatSum: c?.csatSum ?? 0,
        csatCount: c?.csatCount ?? 0,
        // only worked days are judged (quota pressure counts worked days)
        quotaMissed: input.quotaDays == null || !workedByDate.has(date) ? null : (q ?? false),
      });
    }
    const weeks: BurnoutWeek[] = [];
    for (
      let monday = addDays(wFrom, 1 - isoWeekday(wFrom));
      monday <= asOf;
      monday = addDays(monday, 7)
    ) {
      let ms = 0;
      for (let i = 0; i < 7; i += 1) {
        ms += workedByDate.get(addDays(monday, i)) ?? 0;
      }
      const hours = ms / 3_600_000;
      weeks.push({
        weekStart: monday,
        workedHours: hours,
        overtimeHours: Math.max(0, hours - input.contractHours),
      });
    }
    const shiftRows: BurnoutShiftEvidence[] = shiftsW
      .sort((a, b) => a.schedStartMs - b.schedStartMs)
      .map((p) => ({
        id: p.shift.id ?? null,
        date: p.date,
        kind: p.shift.kind,
        status: p.shift.status,
        startMs: p.schedStartMs,
        endMs: p.schedEndMs,
        actualStartMs: p.actual?.startMs ?? null,
        actualEndMs: p.actual?.endMs ?? null,
        workedSeconds: p.workedPieces.reduce((s, x) => s + x.endMs - x.startMs, 0) / 1000,
        startHourUnwrapped: unwrapped.get(p) ?? null,
        sendHomeReason: p.shift.sendHomeReason ?? null,
        unpaidSendHome: isUnpaidSendHome(p),
        unplannedAbsence: p.shift.status === 'absent_unplanned',
        shortRestBeforeHours: shortRestBefore.get(p) ?? null,
        recent: p.date >= rFrom,
      }));
    return {
      days: dayRows,
      shifts: shiftRows,
      shortRests,
      weeks,
      drift: {
        aht: { baseline: ahtB, recent: ahtR },
        qa: { baseline: qaB, recent: qaR },
        csat: { baseline: csatB, recent: csatR },
        adherence: { baseline: adhB.adherence, recent: adhR.adherence },
      },
    };
  }

  if (workedMs === 0) {
    return { result: { index: null, band: null, components, drivers: [], window }, evidence };
  }
  const index = roundHalfAwayFromZero(Math.round(total * 1e9) / 1e9);
  const drivers = BURNOUT_COMPONENTS.filter((name) => components[name].points > 0)
    .map((name, order) => ({ name, order, points: components[name].points }))
    .sort((a, b) =>
      Math.abs(b.points - a.points) > POINTS_TIE ? b.points - a.points : a.order - b.order,
    )
    .slice(0, 3)
    .map((d) => d.name);
  return { result: { index, band: burnoutBand(index), components, drivers, window }, evidence };
}

/** Which parts of a component's working are returned as its `detail`. */
const PUBLIC_DETAIL: Partial<Record<BurnoutComponentName, readonly string[]>> = {
  recovery: ['shortRestGaps', 'consecutiveDaysBeyondLimit'],
  irregularity: ['startTimeSigmaHours', 'unpaidSendHomes'],
  quota_pressure: ['source', 'missedDays', 'workedDays'],
  drift: ['aht', 'qa', 'csat', 'adherence'],
};

function pick(
  detail: Record<string, number | string | null>,
  keys: readonly string[],
): Record<string, number | string | null> {
  const out: Record<string, number | string | null> = {};
  for (const k of keys) {
    out[k] = detail[k] ?? null;
  }
  return out;
}

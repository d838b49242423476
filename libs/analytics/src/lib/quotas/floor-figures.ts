import { toDayNumber, weekdayOfDayNumber, ZoneClock } from '../dates';
import { AppliedQuota } from './effective-quota';
import { breakFigures, AgentLiveState } from './floor-state';
import { FloorSettings } from './floor-settings';
import { aggregateQuotaActual, quotaMet } from './quota-progress';
import { pacingFromElapsed, PacingStatus } from './quota-pacing';
import { addQuotaSums, emptyQuotaSums, quotaActual, QuotaSums } from './quota-sums';
import { isCountQuotaMetric, QuotaComparator, QuotaMetric, QuotaPeriod } from './quota.types';
import { isDailyGoalQuota } from './daily-goal';

/** A period's scheduled time: how much of it has gone by now, and how long it is. */
export interface PeriodClock {
  elapsedMs: number;
  durationMs: number;
}

/** A scheduled span of work (a shift: start and end, epoch ms). */
export interface ScheduledSpan {
  startMs: number;
  endMs: number;
}

/**
 * A period's clock from its shifts: elapsed = scheduled time before `nowMs`, duration = all of
 * their scheduled time. A week's pacing so counts only the hours the agent (or team) is scheduled.
 * With `window` (the local day or week the period's figures count, see {@link localDayWindow}),
 * each shift counts only its part inside it: an overnight shift is split at local midnight exactly
 * as its calls are dated, so the clock and the actual cover the same hours.
 */
export function periodClock(
  spans: readonly ScheduledSpan[],
  nowMs: number,
  window?: ScheduledSpan,
): PeriodClock {
  let elapsedMs = 0;
  let durationMs = 0;
  for (const span of spans) {
    const startMs = window ? Math.max(span.startMs, window.startMs) : span.startMs;
    const endMs = window ? Math.min(span.endMs, window.endMs) : span.endMs;
    if (endMs <= startMs) {
      continue;
    }
    durationMs += endMs - startMs;
    elapsedMs += Math.min(endMs, Math.max(startMs, nowMs)) - startMs;
  }
  return { elapsedMs, durationMs };
}

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

/**
 * Local midnight at the start of day `dayNumber` in `zone`: the first instant whose local date is
 * that day (across DST: where clocks jump at midnight itself, as in Cairo, the day starts at
 * 01:00). Read off the zone's {@link ZoneClock}: the floor computes these for every agent on every
 * load, where luxon cost ~0.25 ms a call (a 2,000-agent floor stalled the server for a second).
 */
function localMidnight(dayNumber: number, clock: ZoneClock): number {
  const utcMidnight = dayNumber * MS_PER_DAY;
  // the usual case: local midnight is UTC midnight less the offset then
  const guess = utcMidnight - clock.offsetMs(utcMidnight - clock.offsetMs(utcMidnight));
  if (clock.localDayNumber(guess) === dayNumber && clock.localDayNumber(guess - 1) < dayNumber) {
    return guess;
  }
  // offsets run from −12 h to +14 h: the day starts within UTC midnight − 14 h … + 12 h
  return clock.startOfLocalDayWithin(
    dayNumber,
    utcMidnight - 15 * MS_PER_HOUR,
    utcMidnight + 13 * MS_PER_HOUR,
  );
}

/** The local calendar day `date` (`YYYY-MM-DD`) of `zone`, as instants (23 or 25 h across DST). */
export function localDayWindow(date: string, zone: string): ScheduledSpan {
  const clock = ZoneClock.of(zone);
  const day = toDayNumber(date);
  return { startMs: localMidnight(day, clock), endMs: localMidnight(day + 1, clock) };
}

/** The work week (Monday–Sunday, metrics.md §4) holding `date` in `zone`, as instants. */
export function localWeekWindow(date: string, zone: string): ScheduledSpan {
  const clock = ZoneClock.of(zone);
  const day = toDayNumber(date);
  const monday = day - (weekdayOfDayNumber(day) - 1);
  return { startMs: localMidnight(monday, clock), endMs: localMidnight(monday + 7, clock) };
}

/** The figures of one quota at `now` (metrics.md §3). */
export interface QuotaFigure {
  quotaId: number;
  metric: QuotaMetric;
  period: QuotaPeriod;
  comparator: QuotaComparator;
  target: number;
  baseTarget: number;
  rampFraction: number;
  actual: number | null;
  progress: number | null;
  expected: number;
  elapsedFraction: number;
  status: PacingStatus | null;
  projected: number | null;
  met: boolean;
}

function quotaFigure(
  q: Pick<
    AppliedQuota,
    'quotaId' | 'metric' | 'period' | 'comparator' | 'target' | 'baseTarget' | 'rampFraction'
  >,
  actual: number | null,
  clock: PeriodClock,
): QuotaFigure {
  const p =
    clock.durationMs > 0
      ? pacingFromElapsed({
          target: q.target,
          actual,
          comparator: q.comparator,
          metric: q.metric,
          elapsedMs: clock.elapsedMs,
          durationMs: clock.durationMs,
        })
      : null;
  return {
    quotaId: q.quotaId,
    metric: q.metric,
    period: q.period,
    comparator: q.comparator,
    target: q.target,
    baseTarget: q.baseTarget,
    rampFraction: q.rampFraction,
    actual,
    progress: p?.progress ?? null,
    expected: p?.expected ?? q.target,
    elapsedFraction: p?.elapsedFraction ?? 0,
    status: p?.status ?? null,
    projected: p?.projected ?? null,
    met: isCountQuotaMetric(q.metric)
      ? actual !== null && actual >= Math.ceil(q.target - 1e-9)
      : quotaMet(actual, q.target, q.comparator),
  };
}

export type FloorAlertKind = 'hostile_streak' | 'far_behind' | 'overtime' | 'no_break';

export interface FloorAlert {
  kind: FloorAlertKind;
  message: string;
}

/** Everything the floor knows about one agent on shift, as raw inputs. */
export interface FloorAgentInput {
  nowMs: number;
  shift: { startMs: number; endMs: number; breakMinutes: number };
  sums: Record<QuotaPeriod, QuotaSums>;
  clocks: Record<QuotaPeriod, PeriodClock>;
  quotas: readonly AppliedQuota[];
  state: AgentLiveState;
  /** Worked seconds of this work week before the current shift (completed shifts). */
  weekWorkedBeforeSeconds: number;
  contractHours: number;
  settings: FloorSettings;
}

export interface DailyGoalFigure {
  /** The day/shift count quotas that make up the goal (all must be reached). */
  quotaIds: number[];
  remaining: number;
  met: boolean;
  eligibleForEarlyRelease: boolean;
}

export interface FloorAgentFigures {
  quotas: QuotaFigure[];
  /** Null when the agent has no day or shift count quota, so no goal to meet. */
  dailyGoal: DailyGoalFigure | null;
  /** AHT of the shift so far (§1) against the agent's `aht_seconds` target, else the default. */
  ahtSeconds: number | null;
  ahtLimitSeconds: number | null;
  ahtOverLimit: boolean;
  hostileToday: number;
  hostileStreak: number;
  sinceBreakSeconds: number;
  onBreak: boolean;
  idleSeconds: number;
  weekWorkedSeconds: number;
  overtimeLineSeconds: number;
  /** Worked seconds of the week at the scheduled end of this shift. */
  weekWorkedAtShiftEndSeconds: number;
  pastOvertimeLine: boolean;
  alerts: FloorAlert[];
}

function workedSoFarSeconds(shift: FloorAgentInput['shift'], nowMs: number): number {
  const duration = shift.endMs - shift.startMs;
  const elapsed = Math.min(duration, Math.max(0, nowMs - shift.startMs));
  // The break is taken somewhere in the shift; count it pro rata so worked time grows evenly.
  const breakMs = Math.min(duration, shift.breakMinutes * 60_000);
  return duration > 0 ? Math.round((elapsed * (1 - breakMs / duration)) / 1000) : 0;
}

/**
 * The live floor's figures of one agent (metrics.md §3 and the thresholds of `FloorSettings`):
 * each quota's progress, pacing and projection over its period's scheduled clock; the daily goal
 * (every day/shift count quota reached while the shift runs → eligible for early release); AHT
 * against its limit; break figures; the week's worked time against the overtime line (contract
 * hours, metrics.md §4); and the alerts.
 */
export function floorAgentFigures(input: FloorAgentInput): FloorAgentFigures {
  const { settings, nowMs } = input;
  const quotas = input.quotas.map((q) =>
    quotaFigure(q, quotaActual(input.sums[q.period], q.metric), input.clocks[q.period]),
  );
  const goalQuotas = quotas.filter((q) => isDailyGoalQuota(q));
  let dailyGoal: DailyGoalFigure | null = null;
  if (goalQuotas.length > 0) {
    const met = goalQuotas.every((q) => q.met);
    dailyGoal = {
      quotaIds: goalQuotas.map((q) => q.quotaId),
      remaining: goalQuotas.reduce(
        (sum, q) => sum + Math.max(0, Math.ceil(q.target - 1e-9) - (q.actual ?? 0)),
        0,
      ),
      met,
      eligibleForEarlyRelease: met && nowMs < input.shift.endMs,
    };
  }
  const ahtQuota = quotas.find((q) => q.metric === 'aht_seconds');
  const ahtSeconds = quotaActual(input.sums.shift, 'aht_seconds');
  const ahtLimitSeconds = ahtQuota ? ahtQuota.target : settings.defaultAhtLimitSeconds;
  const breaks = breakFigures(
    input.state,
    input.shift.startMs,
    nowMs,
    settings.breakGapMinutes * 60,
  );
  const overtimeLineSeconds = Math.round(input.contractHours * 3600);
  const weekWorkedSeconds = input.weekWorkedBeforeSeconds + workedSoFarSeconds(input.shift, nowMs);
  const weekWorkedAtShiftEndSeconds =
    input.weekWorkedBeforeSeconds + workedSoFarSeconds(input.shift, input.shift.endMs);
  const pastOvertimeLine = weekWorkedSeconds > overtimeLineSeconds;

  const alerts: FloorAlert[] = [];
  if (input.state.hostileStreak >= settings.hostileStreakAlert) {
    alerts.push({
      kind: 'hostile_streak',
      message: `${input.state.hostileStreak} hostile calls in a row`,
    });
  }
  for (const q of quotas) {
    if (
      isCountQuotaMetric(q.metric) &&
      q.elapsedFraction >= settings.farBehindMinElapsed &&
      q.elapsedFraction > 0 &&
      (q.actual ?? 0) < settings.farBehindRatio * q.expected
    ) {
      alerts.push({
        kind: 'far_behind',
        message: `${METRIC_LABEL[q.metric]} ${q.actual ?? 0} of ${Math.round(q.expected)} expected by now (${q.period})`,
      });
    }
  }
  if (weekWorkedSeconds >= overtimeLineSeconds - settings.overtimeWarnMinutes * 60) {
    alerts.push({
      kind: 'overtime',
      message: pastOvertimeLine
        ? `past the overtime line (${input.contractHours} h this week)`
        : `near the overtime line (${input.contractHours} h this week)`,
    });
  }
  if (
    settings.noBreakAlertMinutes > 0 &&
    input.shift.breakMinutes > 0 &&
    breaks.sinceBreakSeconds >= settings.noBreakAlertMinutes * 60
  ) {
    alerts.push({
      kind: 'no_break',
      message: `no break for ${Math.floor(breaks.sinceBreakSeconds / 60)} min`,
    });
  }
  return {
    quotas,
    dailyGoal,
    ahtSeconds,
    ahtLimitSeconds,
    ahtOverLimit: ahtSeconds !== null && ahtLimitSeconds !== null && ahtSeconds > ahtLimitSeconds,
    hostileToday: input.sums.day.hostile,
    hostileStreak: input.state.hostileStreak,
    sinceBreakSeconds: breaks.sinceBreakSeconds,
    onBreak: breaks.onBreak,
    idleSeconds: breaks.idleSeconds,
    weekWorkedSeconds,
    overtimeLineSeconds,
    weekWorkedAtShiftEndSeconds,
    pastOvertimeLine,
    alerts,
  };
}

export const METRIC_LABEL: Readonly<Record<QuotaMetric, string>> = {
  calls_handled: 'calls',
  sales: 'sales',
  saves: 'saves',
  resolved: 'resolved',
  aht_seconds: 'AHT',
  csat: 'CSAT',
  qa_score: 'QA',
};

/** A team or campaign quota (applies to the total, metrics.md §3) with its target in force. */
export interface GroupQuota {
  quotaId: number;
  metric: QuotaMetric;
  period: QuotaPeriod;
  comparator: QuotaComparator;
  target: number;
}

/** Totals of a team (or campaign): summed member sums and the group's quotas. */
export interface GroupFigures {
  sums: Record<QuotaPeriod, QuotaSums>;
  ahtSeconds: number | null;
  quotas: QuotaFigure[];
}

/**
 * metrics.md §3 team and campaign quotas: counts against the members' sum, rates against the
 * mean of the members' rates (members without calls left out). Pacing runs on the group's
 * scheduled clock (its members' shifts in the period).
 */
export function groupFigures(
  members: readonly Record<QuotaPeriod, QuotaSums>[],
  quotas: readonly GroupQuota[],
  clocks: Record<QuotaPeriod, PeriodClock>,
): GroupFigures {
  const sums = {
    shift: emptyQuotaSums(),
    day: emptyQuotaSums(),
    week: emptyQuotaSums(),
  } as Record<QuotaPeriod, QuotaSums>;
  for (const m of members) {
    for (const p of ['shift', 'day', 'week'] as const) {
      sums[p] = addQuotaSums(sums[p], m[p]);
    }
  }
  return {
    sums,
    ahtSeconds: quotaActual(sums.day, 'aht_seconds'),
    quotas: quotas.map((q) =>
      quotaFigure(
        { ...q, baseTarget: q.target, rampFraction: 1 },
        aggregateQuotaActual(
          q.metric,
          members.map((m) => quotaActual(m[q.period], q.metric)),
        ),
        clocks[q.period],
      ),
    ),
  };
}

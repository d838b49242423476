import { toDayNumber } from '../dates/local-date';
import { DifferentialKind, winningDifferential } from './differentials';
import { splitAtLocalHours, unsocialFlags } from './local-hours';
import { lineCents } from './money';
import { validatePayConfig } from './pay-config';
import { PayPeriod } from './pay-period';
import { sendHomeLoss } from './send-home';
import { DEFAULT_PAY_CONFIG, PayConfig, SendHomeReason, WorkShift } from './shift.types';
import { paidSeconds, scheduledSpan, workedIntervals } from './worked-time';
import { dayString, ZoneClock } from '../dates/zone-clock';

/** Input of {@link payEstimate}. */
export interface PayEstimateInput {
  /**
   * The shifts to pay. With a `period`, they must cover its paid work weeks too, i.e. from
   * `payPeriodDataFrom(period)` to `period.to`; shifts outside the period are read only for
   * the overtime of those weeks. Without one, every shift counts and overtime is computed for
   * every week they touch (pass whole Monday–Sunday weeks).
   */
  shifts: readonly WorkShift[];
  /** The site's IANA zone. */
  zone: string;
  /** Base rate in integer cents per hour (e.g. $15.81/h → 1581). */
  hourlyRateCents: number;
  /** The site's rules; `contractHours` is the agent's (metrics.md: "the agent's contract hours"). */
  config?: PayConfig;
  /**
   * Approved SPIFF awards payable in the period, integer cents (one sum per period, or one entry
   * per award — they are added). docs/schedules.md says which awards count and when.
   */
  spiffAwardsCents?: readonly number[];
  /**
   * SPIFF awards still awaiting approval, integer cents: reported beside the estimate
   * (`spiffPendingCents`), never in a line or the total.
   */
  spiffPendingCents?: readonly number[];
  /** The pay period (local dates, inclusive). */
  period?: PayPeriod;
}

/** Line items of {@link payEstimate}, each rounded once. */
export interface PayEstimateLines {
  baseCents: number;
  overtimePremiumCents: number;
  nightDifferentialCents: number;
  weekendDifferentialCents: number;
  holidayDifferentialCents: number;
  spiffCents: number;
}

/** One Monday–Sunday work week read for the estimate. */
export interface PayEstimateWeek {
  weekStart: string;
  workedSeconds: number;
  overtimeSeconds: number;
  /** Whether this period pays the week's overtime (its Sunday lies in the period). */
  paidInPeriod: boolean;
}

/** Result of {@link payEstimate}. */
export interface PayEstimate {
  lines: PayEstimateLines;
  totalCents: number;
  /** Paid seconds in the period: worked time plus goal_met remainders and minimum reporting pay. */
  paidSeconds: number;
  workedSeconds: number;
  /** Overtime seconds paid in the period (of the weeks whose Sunday lies in it). */
  overtimeSeconds: number;
  differentialSeconds: { night: number; weekend: number; holiday: number };
  /** Hours lost to unpaid send-homes (metrics.md §4) of the period's shifts, in seconds. */
  lostSeconds: number;
  lostSecondsByReason: Record<SendHomeReason | 'unspecified', number>;
  /** The pay those hours would have earned at the base rate (cents, rounded once). */
  lostCents: number;
  /** Scheduled seconds of the period's shifts (all statuses). */
  scheduledSeconds: number;
  /** SPIFF awards awaiting approval (cents): shown beside the estimate, not in its total. */
  spiffPendingCents: number;
  weeks: PayEstimateWeek[];
}

/**
 * metrics.md §4 pay estimate `= base + overtime premium + differentials + approved SPIFF awards`,
 * in integer cents, each line rounded once half away from zero:
 * - base = paid hours × rate (paid includes `goal_met` remainders and minimum reporting pay);
 * - overtime premium = overtime hours × rate × (multiplier − 1), per Monday–Sunday local week;
 * - one differential line per category (night, weekend, holiday): hours won by that category
 *   (largest percentage per hour, not stacked) × rate × percentage;
 * - SPIFF = the sum of the approved awards (already cents); pending awards are summed apart
 *   (`spiffPendingCents`) and stay out of the total.
 *
 * With a pay period (our rules where metrics.md is silent): worked time belongs to the local date
 * it is worked on (a night shift across the period's last midnight is split there, as weeks are);
 * a paid-but-not-worked remainder, hours lost and scheduled time belong to the shift's local
 * start date; a work week's overtime is paid in the period that holds its Sunday.
 */
export function payEstimate(input: PayEstimateInput): PayEstimate {
  const config = input.config ?? DEFAULT_PAY_CONFIG;
  const rate = input.hourlyRateCents;
  const problems = validatePayConfig(config);
  if (problems.length > 0) {
    throw new RangeError(`invalid pay config: ${problems.join('; ')}`);
  }
  for (const award of [...(input.spiffAwardsCents ?? []), ...(input.spiffPendingCents ?? [])]) {
    if (!Number.isInteger(award)) {
      throw new RangeError(`SPIFF awards must be integer cents, got ${award}`);
    }
  }
  const clock = ZoneClock.of(input.zone);
  const fromDay = input.period ? toDayNumber(input.period.from) : Number.NEGATIVE_INFINITY;
  const toDay = input.period ? toDayNumber(input.period.to) : Number.POSITIVE_INFINITY;
  if (fromDay > toDay) {
    throw new RangeError(
      `pay period ${input.period?.from}–${input.period?.to} ends before it starts`,
    );
  }
  const inPeriod = (day: number) => day >= fromDay && day <= toDay;
  const pct: Record<DifferentialKind, number> = {
    night: config.nightPct,
    weekend: config.weekendPct,
    holiday: config.holidayPct,
  };
  const flagConfig = { ...config, holidays: new Set(config.holidays) };

  let workedMs = 0;
  let paidMs = 0;
  let scheduledMs = 0;
  const diffMs: Record<DifferentialKind, number> = { night: 0, weekend: 0, holiday: 0 };
  const weekMs = new Map<number, number>();
  const periodShifts: WorkShift[] = [];
  for (const shift of input.shifts) {
    const startDay = clock.localDayNumber(scheduledSpan(shift).startMs);
    const shiftInPeriod = inPeriod(startDay);
    let shiftWorkedMs = 0;
    for (const piece of splitAtLocalHours(workedIntervals(shift), input.zone)) {
      const ms = piece.endMs - piece.startMs;
      shiftWorkedMs += ms;
      const monday = piece.dayNumber - (piece.weekday - 1);
      weekMs.set(monday, (weekMs.get(monday) ?? 0) + ms);
      if (!inPeriod(piece.dayNumber)) {
        continue;
      }
      workedMs += ms;
      paidMs += ms;
      const winner = winningDifferential(unsocialFlags(piece, flagConfig), pct);
      if (winner) {
        diffMs[winner] += ms;
      }
    }
    if (shiftInPeriod) {
      periodShifts.push(shift);
      // the paid-but-not-worked remainder (goal_met, minimum reporting pay) goes with the shift
      paidMs += Math.max(0, Math.round(paidSeconds(shift, config) * 1000) - shiftWorkedMs);
    }
  }
  const loss = sendHomeLoss(periodShifts, config);
  for (const s of periodShifts) {
    const span = scheduledSpan(s);
    scheduledMs += Math.max(0, span.endMs - span.startMs - s.breakMinutes * 60_000);
  }

  const limitMs = config.contractHours * 3_600_000;
  let overtimeMs = 0;
  const weeks: PayEstimateWeek[] = [...weekMs.entries()]
    .sort(([a], [b]) => a - b)
    .map(([monday, ms]) => {
      const paidInPeriod = inPeriod(monday + 6);
      const over = Math.max(0, ms - limitMs);
      if (paidInPeriod) {
        overtimeMs += over;
      }
      return {
        weekStart: dayString(monday),
        workedSeconds: ms / 1000,
        overtimeSeconds: over / 1000,
        paidInPeriod,
      };
    });

  const lines: PayEstimateLines = {
    baseCents: lineCents(paidMs, rate),
    overtimePremiumCents: lineCents(overtimeMs, rate, config.overtimeMultiplier - 1),
    nightDifferentialCents: lineCents(diffMs.night, rate, config.nightPct),
    weekendDifferentialCents: lineCents(diffMs.weekend, rate, config.weekendPct),
    holidayDifferentialCents: lineCents(diffMs.holiday, rate, config.holidayPct),
    spiffCents: (input.spiffAwardsCents ?? []).reduce((sum, a) => sum + a, 0),
  };
  return {
    lines,
    totalCents: Object.values(lines).reduce((sum, v) => sum + v, 0),
    paidSeconds: paidMs / 1000,
    workedSeconds: workedMs / 1000,
    overtimeSeconds: overtimeMs / 1000,
    differentialSeconds: {
      night: diffMs.night / 1000,
      weekend: diffMs.weekend / 1000,
      holiday: diffMs.holiday / 1000,
    },
    lostSeconds: loss.lostSeconds,
    lostSecondsByReason: loss.lostSecondsByReason,
    lostCents: lineCents(loss.lostSeconds * 1000, rate),
    scheduledSeconds: scheduledMs / 1000,
    spiffPendingCents: (input.spiffPendingCents ?? []).reduce((sum, a) => sum + a, 0),
    weeks,
  };
}

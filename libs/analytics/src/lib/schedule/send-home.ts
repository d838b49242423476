import { DEFAULT_PAY_CONFIG, PayConfig, SendHomeReason, WorkShift } from './shift.types';
import { paidSeconds, scheduledSeconds, workedSeconds } from './worked-time';

/** One sent-home shift's time. */
export interface SendHomeShift {
  index: number;
  reason: SendHomeReason | null;
  scheduledSeconds: number;
  workedSeconds: number;
  paidSeconds: number;
  /** scheduled − paid for unpaid reasons; 0 for `goal_met`. */
  lostSeconds: number;
}

/** Result of {@link sendHomeLoss}. */
export interface SendHomeLoss {
  shifts: SendHomeShift[];
  /**
   * Hours lost (metrics.md §4), in seconds, over `outage`, `low_volume` and unspecified reasons.
   */
  lostSeconds: number;
  lostSecondsByReason: Record<SendHomeReason | 'unspecified', number>;
  /** Paid-but-not-worked seconds (goal_met remainders and minimum reporting pay). */
  paidNotWorkedSeconds: number;
}

/**
 * metrics.md §4 send-home: `goal_met` is paid through the scheduled end; `outage` and
 * `low_volume` are unpaid after the send-home instant unless the minimum reporting pay applies.
 * Hours lost = scheduled − paid of those shifts. A send-home without a reason is treated as unpaid.
 * A `goal_met` shift loses nothing by definition (a late start is lateness, not a send-home loss).
 */
export function sendHomeLoss(
  shifts: readonly WorkShift[],
  config: Pick<PayConfig, 'minReportingPayHours'> = DEFAULT_PAY_CONFIG,
): SendHomeLoss {
  const result: SendHomeLoss = {
    shifts: [],
    lostSeconds: 0,
    lostSecondsByReason: { goal_met: 0, outage: 0, low_volume: 0, unspecified: 0 },
    paidNotWorkedSeconds: 0,
  };
  shifts.forEach((shift, index) => {
    if (shift.status !== 'sent_home') {
      return;
    }
    const reason = shift.sendHomeReason ?? null;
    const scheduled = scheduledSeconds(shift);
    const worked = workedSeconds(shift);
    const paid = paidSeconds(shift, config);
    const lost = reason === 'goal_met' ? 0 : Math.max(0, scheduled - paid);
    result.shifts.push({
      index,
      reason,
      scheduledSeconds: scheduled,
      workedSeconds: worked,
      paidSeconds: paid,
      lostSeconds: lost,
    });
    result.lostSeconds += lost;
    result.lostSecondsByReason[reason ?? 'unspecified'] += lost;
    result.paidNotWorkedSeconds += paid - worked;
  });
  return result;
}

import { splitAtLocalHours, UnsocialFlags, unsocialFlags } from './local-hours';
import { DEFAULT_PAY_CONFIG, PayConfig, WorkShift } from './shift.types';
import { workedIntervals } from './worked-time';

/** A differential category of metrics.md §4. */
export type DifferentialKind = 'night' | 'weekend' | 'holiday';

/** Worked seconds per winning differential, and the seconds with none. */
export interface DifferentialSeconds {
  night: number;
  weekend: number;
  holiday: number;
  none: number;
}

/** Tie order when two categories pay the same percentage: holiday, then weekend, then night. */
const PRIORITY: readonly DifferentialKind[] = ['holiday', 'weekend', 'night'];

/**
 * The one differential that wins a local hour (metrics.md §4 "not stacked — the largest applies"):
 * the largest configured percentage among the categories that apply, ties going holiday →
 * weekend → night; null when none applies or every applying category is at 0 %.
 */
export function winningDifferential(
  flags: UnsocialFlags,
  pct: Record<DifferentialKind, number>,
): DifferentialKind | null {
  let winner: DifferentialKind | null = null;
  for (const kind of PRIORITY) {
    if (flags[kind] && pct[kind] > 0 && (winner === null || pct[kind] > pct[winner])) {
      winner = kind;
    }
  }
  return winner;
}

/**
 * metrics.md §4 differentials, not stacked: every worked second is split at local hour, date and
 * DST boundaries (luxon), and the single largest applicable percentage wins that second (ties go
 * holiday → weekend → night; the money is the same). A category configured at 0 % never wins.
 * Only worked time earns differentials — a `goal_met` paid remainder is paid at base rate.
 */
export function differentialSeconds(
  shifts: readonly WorkShift[],
  zone: string,
  config: Pick<
    PayConfig,
    | 'nightStart'
    | 'nightEnd'
    | 'holidays'
    | 'weekendDays'
    | 'nightPct'
    | 'weekendPct'
    | 'holidayPct'
  > = DEFAULT_PAY_CONFIG,
): DifferentialSeconds {
  const pct: Record<DifferentialKind, number> = {
    night: config.nightPct,
    weekend: config.weekendPct,
    holiday: config.holidayPct,
  };
  const ms: DifferentialSeconds = { night: 0, weekend: 0, holiday: 0, none: 0 };
  for (const shift of shifts) {
    for (const piece of splitAtLocalHours(workedIntervals(shift), zone)) {
      const winner = winningDifferential(unsocialFlags(piece, config), pct);
      ms[winner ?? 'none'] += piece.endMs - piece.startMs;
    }
  }
  return {
    night: ms.night / 1000,
    weekend: ms.weekend / 1000,
    holiday: ms.holiday / 1000,
    none: ms.none / 1000,
  };
}

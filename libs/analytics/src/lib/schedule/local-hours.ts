import { HourPiece, ZoneClock } from '../dates/zone-clock';
import { PayConfig, TimeSpan } from './shift.types';

/** A piece of worked time inside one local clock hour of one local date. */
export type LocalHourPiece = HourPiece;

/**
 * metrics.md §4 differentials and work weeks: splits spans at every local hour boundary of `zone`,
 * so each piece has one local date, weekday and clock hour. The zone's offsets come from luxon
 * (via {@link ZoneClock}); a piece also ends at every offset change, so on a spring-forward day
 * the missing hour simply never appears and on a fall-back day the repeated hour yields two
 * pieces with the same `hour`. Every piece's length is real elapsed time.
 */
export function splitAtLocalHours(spans: readonly TimeSpan[], zone: string): LocalHourPiece[] {
  const clock = ZoneClock.of(zone);
  const pieces: LocalHourPiece[] = [];
  for (const span of spans) {
    clock.splitHours(span.startMs, span.endMs, pieces);
  }
  return pieces;
}

/** metrics.md §4: Saturday and Sunday (ISO weekdays 6 and 7). */
export const DEFAULT_WEEKEND_DAYS: readonly number[] = Object.freeze([6, 7]);

/** Night/weekend/holiday flags of a local hour (metrics.md §4 differentials, §5 unsocial). */
export interface UnsocialFlags {
  night: boolean;
  weekend: boolean;
  holiday: boolean;
}

/**
 * metrics.md §4 night hours (22:00–06:00 by default): is `hour` in `[nightStart, nightEnd)`,
 * wrapping?
 */
export function isNightHour(hour: number, nightStart: number, nightEnd: number): boolean {
  if (nightStart === nightEnd) {
    return false;
  }
  return nightStart < nightEnd
    ? hour >= nightStart && hour < nightEnd
    : hour >= nightStart || hour < nightEnd;
}

/**
 * metrics.md §4 differentials, §5 unsocial: flags a local hour as night / weekend / site holiday.
 */
export function unsocialFlags(
  piece: Pick<LocalHourPiece, 'date' | 'weekday' | 'hour'>,
  config: Pick<PayConfig, 'nightStart' | 'nightEnd' | 'weekendDays'> & {
    /** Site holidays; a Set is faster when called for every hour of a pay period. */
    holidays: readonly string[] | ReadonlySet<string>;
  },
): UnsocialFlags {
  const holidays = config.holidays;
  return {
    night: isNightHour(piece.hour, config.nightStart, config.nightEnd),
    weekend: (config.weekendDays ?? DEFAULT_WEEKEND_DAYS).includes(piece.weekday),
    holiday: 'has' in holidays ? holidays.has(piece.date) : holidays.includes(piece.date),
  };
}

import { PayConfig, TimeSpan } from './shift.types';
import {
  dayString,
  MS_PER_DAY,
  MS_PER_HOUR,
  weekdayOfDayNumber,
  ZoneOffsets,
} from './zone-offsets';

/** A piece of worked time inside one local clock hour of one local date. */
export interface LocalHourPiece extends TimeSpan {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  /** Days since 1970-01-01 of the local date (for week arithmetic without parsing `date`). */
  dayNumber: number;
  /** ISO weekday of the local date, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local clock hour 0–23 (the repeated hour of a fall-back day appears twice). */
  hour: number;
}

/**
 * metrics.md §4 differentials and work weeks: splits spans at every local hour boundary of `zone`,
 * so each piece has one local date, weekday and clock hour. The zone's offsets come from luxon
 * (via {@link ZoneOffsets}); a piece also ends at every offset change, so on a spring-forward day
 * the missing hour simply never appears and on a fall-back day the repeated hour yields two
 * pieces with the same `hour`. Every piece's length is real elapsed time.
 */
export function splitAtLocalHours(spans: readonly TimeSpan[], zone: string): LocalHourPiece[] {
  const offsets = ZoneOffsets.of(zone);
  const pieces: LocalHourPiece[] = [];
  for (const span of spans) {
    let t = span.startMs;
    let nextChange = offsets.nextTransitionAfter(t);
    while (t < span.endMs) {
      if (t >= nextChange) {
        nextChange = offsets.nextTransitionAfter(t);
      }
      const offset = offsets.offsetMs(t);
      const local = t + offset;
      const hourStart = Math.floor(local / MS_PER_HOUR) * MS_PER_HOUR;
      const end = Math.min(hourStart + MS_PER_HOUR - offset, nextChange, span.endMs);
      const dayNumber = Math.floor(local / MS_PER_DAY);
      pieces.push({
        startMs: t,
        endMs: end,
        date: dayString(dayNumber),
        dayNumber,
        weekday: weekdayOfDayNumber(dayNumber),
        hour: Math.floor((local - dayNumber * MS_PER_DAY) / MS_PER_HOUR),
      });
      t = end;
    }
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
  config: Pick<PayConfig, 'nightStart' | 'nightEnd' | 'holidays' | 'weekendDays'>,
): UnsocialFlags {
  return {
    night: isNightHour(piece.hour, config.nightStart, config.nightEnd),
    weekend: (config.weekendDays ?? DEFAULT_WEEKEND_DAYS).includes(piece.weekday),
    holiday: config.holidays.includes(piece.date),
  };
}

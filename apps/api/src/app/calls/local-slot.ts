import { ZoneClock } from '@floorwise/analytics';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
/** A rollup interval: 15 minutes, in ms. */
export const BUCKET_MS = 15 * MS_PER_MINUTE;
/** 2000-01-01T00:00:00Z in ms since 1970: PostgreSQL's epoch for dates and timestamps. */
export const PG_EPOCH_MS = 946_684_800_000;
const PG_EPOCH_DAYS = PG_EPOCH_MS / MS_PER_DAY;

/** Where a call falls on its site's clock. */
export interface LocalSlot {
  /** The local calendar date, as days since 2000-01-01 (PostgreSQL's date epoch). */
  localDay: number;
  /** Minutes after local midnight of the start of its 15-minute slot (0, 15, …, 1425). */
  localMinute: number;
}

/**
 * The local date and 15-minute slot of the instant `ms` (ms since 1970, UTC) on `clock`, as
 * `(started_at AT TIME ZONE tz)::date` and the 15-minute slot of the local time would give
 * (call-rollups.sql.ts). The offset comes from the shared {@link ZoneClock} of libs/analytics.
 */
export function localSlot(clock: ZoneClock, ms: number, out: LocalSlot): LocalSlot {
  const local = ms + clock.offsetMs(ms);
  const day = Math.floor(local / MS_PER_DAY);
  const minuteOfDay = Math.floor((local - day * MS_PER_DAY) / MS_PER_MINUTE);
  out.localDay = day - PG_EPOCH_DAYS;
  out.localMinute = minuteOfDay - (minuteOfDay % 15);
  return out;
}

/** `YYYY-MM-DD` of a day number since 2000-01-01. */
export function pgDayToIso(day: number): string {
  return new Date((day + PG_EPOCH_DAYS) * MS_PER_DAY).toISOString().slice(0, 10);
}

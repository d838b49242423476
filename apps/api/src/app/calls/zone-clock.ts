import { IANAZone } from 'luxon';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const HOUR_MS = 3_600_000;
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
 * One IANA zone's clock, as `(started_at AT TIME ZONE tz)::date` and the 15-minute slot of the
 * local time would give (call-rollups.sql.ts). The zone's offset comes from luxon, looked up once
 * per UTC hour when the offset is the same at both ends of the hour (nearly every hour), else
 * once per UTC 15-minute interval: zone offsets and their changes fall on whole quarter hours
 * since the 1970s, so an interval has one offset; one that does not (checked at both ends) is
 * looked up per call.
 */
export class ZoneClock {
  private readonly zone: IANAZone;
  /** Offset in minutes per UTC hour; NaN: the hour holds a change, see `quarters`. */
  private readonly hours = new Map<number, number>();
  /** Offset in minutes per UTC 15-minute bucket of such hours; NaN: a change inside. */
  private readonly quarters = new Map<number, number>();
  private lastHour = Number.NaN;
  private lastOffset = 0;

  constructor(readonly name: string) {
    this.zone = IANAZone.create(name);
    if (!this.zone.isValid) {
      throw new Error(`"${name}" is not an IANA time zone`);
    }
  }

  /** The zone's offset from UTC, in minutes, at `ms`. */
  offsetMinutes(ms: number): number {
    const hour = Math.floor(ms / HOUR_MS);
    if (hour === this.lastHour) {
      return this.lastOffset;
    }
    let off = this.hours.get(hour);
    if (off === undefined) {
      off = this.steady(hour * HOUR_MS, HOUR_MS);
      this.hours.set(hour, off);
    }
    if (!Number.isNaN(off)) {
      this.lastHour = hour;
      this.lastOffset = off;
      return off;
    }
    const bucket = Math.floor(ms / BUCKET_MS);
    let q = this.quarters.get(bucket);
    if (q === undefined) {
      q = this.steady(bucket * BUCKET_MS, BUCKET_MS);
      this.quarters.set(bucket, q);
    }
    return Number.isNaN(q) ? this.zone.offset(ms) : q;
  }

  /** The offset over [start, start + length) when it is the same at both ends, else NaN. */
  private steady(start: number, length: number): number {
    const first = this.zone.offset(start);
    return this.zone.offset(start + length - 1) === first ? first : Number.NaN;
  }

  /** The local date and 15-minute slot of the instant `ms` (ms since 1970, UTC). */
  slot(ms: number, out: LocalSlot): LocalSlot {
    const local = ms + this.offsetMinutes(ms) * MS_PER_MINUTE;
    const day = Math.floor(local / MS_PER_DAY);
    const minuteOfDay = Math.floor((local - day * MS_PER_DAY) / MS_PER_MINUTE);
    out.localDay = day - PG_EPOCH_DAYS;
    out.localMinute = minuteOfDay - (minuteOfDay % 15);
    return out;
  }
}

/** ZoneClocks by zone name, made on first use (an import sees a handful of zones). */
export class ZoneClocks {
  private readonly clocks = new Map<string, ZoneClock>();

  of(name: string): ZoneClock {
    let c = this.clocks.get(name);
    if (!c) {
      c = new ZoneClock(name);
      this.clocks.set(name, c);
    }
    return c;
  }
}

/** `YYYY-MM-DD` of a day number since 2000-01-01. */
export function pgDayToIso(day: number): string {
  return new Date((day + PG_EPOCH_DAYS) * MS_PER_DAY).toISOString().slice(0, 10);
}

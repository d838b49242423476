import { IANAZone } from 'luxon';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Local wall-clock arithmetic for one IANA zone, fast enough to run for every hour of every shift
 * of thousands of agents (the BRI of 2,000 agents must take seconds, and luxon's `DateTime` asks
 * `Intl` for the offset of every instant it builds, ~20 µs each).
 *
 * Exactness: luxon's zone gives the offset; it is cached per UTC hour when the offset is the same
 * at both ends of that hour (a zone changes its offset at most once an hour), and asked again for
 * the instant itself inside the rare hour that holds a change. Results equal luxon's
 * (`zone-clock.spec.ts` compares them across DST changes of several zones).
 */
export class ZoneClock {
  private readonly zone: IANAZone;
  /** UTC hour index → offset in ms, or NaN when the offset changes inside that hour. */
  private readonly byHour = new Map<number, number>();

  private constructor(name: string) {
    this.zone = IANAZone.create(name);
    if (!this.zone.isValid) {
      throw new RangeError(`unknown IANA time zone "${name}"`);
    }
  }

  private static readonly clocks = new Map<string, ZoneClock>();

  /** The clock of a zone (one per zone and process; a bad name throws). */
  static of(name: string): ZoneClock {
    let clock = ZoneClock.clocks.get(name);
    if (!clock) {
      clock = new ZoneClock(name);
      ZoneClock.clocks.set(name, clock);
    }
    return clock;
  }

  private exactOffset(ms: number): number {
    return this.zone.offset(ms) * 60_000;
  }

  /** UTC offset in ms at an instant. */
  offsetAt(ms: number): number {
    const h = Math.floor(ms / HOUR_MS);
    let v = this.byHour.get(h);
    if (v === undefined) {
      const a = this.exactOffset(h * HOUR_MS);
      const b = this.exactOffset(h * HOUR_MS + HOUR_MS - 1);
      v = a === b ? a : Number.NaN;
      this.byHour.set(h, v);
    }
    return Number.isNaN(v) ? this.exactOffset(ms) : v;
  }

  /** The local wall time of an instant as "epoch ms of the same wall time in UTC". */
  wall(ms: number): number {
    return ms + this.offsetAt(ms);
  }

  /** Local date `YYYY-MM-DD` of an instant. */
  localDate(ms: number): string {
    return isoDate(this.wall(ms));
  }

  /** Local time of day in hours (22.5 for 22:30). */
  hourOfDay(ms: number): number {
    const w = this.wall(ms);
    return (w - Math.floor(w / DAY_MS) * DAY_MS) / HOUR_MS;
  }

  /** The first instant after `fromMs` (and at most `toMs`) where the offset differs, else null. */
  private changeBetween(fromMs: number, toMs: number): number | null {
    const off = this.offsetAt(fromMs);
    if (this.offsetAt(toMs - 1) === off) {
      return null;
    }
    // the offset changes once in (fromMs, toMs): bisect for the first instant with the new one
    let lo = fromMs; // old offset
    let hi = toMs - 1; // new offset
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.offsetAt(mid) === off) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  /**
   * Splits `[startMs, endMs)` at every local hour boundary and offset change, as
   * `splitAtLocalHours` of `../schedule` does with luxon: each piece has one local date, ISO
   * weekday and clock hour (a fall-back day's repeated hour gives two pieces with the same hour).
   */
  splitHours(startMs: number, endMs: number, out: HourPiece[] = []): HourPiece[] {
    let t = startMs;
    while (t < endMs) {
      const off = this.offsetAt(t);
      const w = t + off;
      let next = (Math.floor(w / HOUR_MS) + 1) * HOUR_MS - off;
      const change = this.changeBetween(t, Math.min(next, endMs));
      if (change !== null) {
        next = change;
      }
      const end = Math.min(next, endMs);
      const dayStart = Math.floor(w / DAY_MS) * DAY_MS;
      out.push({
        startMs: t,
        endMs: end,
        date: isoDate(w),
        weekday: ((Math.floor(w / DAY_MS) + 3) % 7) + 1,
        hour: Math.floor((w - dayStart) / HOUR_MS),
      });
      t = end;
    }
    return out;
  }
}

/** A piece of time inside one local clock hour. */
export interface HourPiece {
  startMs: number;
  endMs: number;
  date: string;
  /** ISO weekday 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** `YYYY-MM-DD` of a UTC epoch-ms value. */
export function isoDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** Calendar-day arithmetic on `YYYY-MM-DD` (no zone involved). */
export function plusDays(date: string, days: number): string {
  return isoDate(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
}

/** The Monday of the ISO week of a date. */
export function mondayOfDate(date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  const weekday = ((Math.floor(ms / DAY_MS) + 3) % 7) + 1;
  return isoDate(ms - (weekday - 1) * DAY_MS);
}

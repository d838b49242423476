import { IANAZone } from 'luxon';
import { fromDayNumber } from './local-date';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
/** Offsets are sampled this far apart; no zone has changed its offset twice within 6 h. */
const SCAN_STEP_MS = 6 * MS_PER_HOUR;

interface YearTable {
  /** The UTC year this table answers for, `[fromMs, toMs)`. */
  fromMs: number;
  toMs: number;
  /** `offsets[i]` (ms east of UTC) applies from `starts[i]` (epoch ms) to `starts[i + 1]`. */
  starts: number[];
  offsets: number[];
}

/** A piece of time inside one local clock hour of one local date (see {@link ZoneClock.splitHours}). */
export interface HourPiece {
  startMs: number;
  endMs: number;
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
 * metrics.md conventions (IANA zone of the site): the one clock that turns a UTC instant into the
 * site's offset, local date, hour and day — for pay periods, the burnout index and the calls
 * import alike.
 *
 * Exactness: the offsets come from a table of the zone's transitions that luxon finds once per
 * UTC year (sampled every 6 h, each change located to the millisecond by bisection), so luxon
 * stays the authority on every rule — US, EU, Egypt's reinstated DST, Lord Howe's 30-minute DST,
 * no-DST zones like Asia/Dhaka — and `zone-clock.spec.ts` compares the answers with luxon's.
 *
 * Speed: the last constant-offset stretch (months long) is kept, so a lookup is two comparisons
 * in the common case; the calls import dates millions of rows with it.
 */
export class ZoneClock {
  private static readonly cache = new Map<string, ZoneClock>();
  private readonly zone: IANAZone;
  private readonly years = new Map<number, YearTable>();
  /** The table of the last lookup: consecutive lookups are almost always in the same year. */
  private last: YearTable | null = null;
  /** The stretch `[segFrom, segTo)` of the last lookup, over which the offset is `segOffset`. */
  private segFrom = 0;
  private segTo = 0;
  private segOffset = 0;

  private constructor(readonly name: string) {
    this.zone = IANAZone.create(name);
  }

  /** The shared clock of `zone` (one per zone and process); throws a RangeError for a zone luxon does not know. */
  static of(zone: string): ZoneClock {
    let z = ZoneClock.cache.get(zone);
    if (!z) {
      if (!IANAZone.isValidZone(zone)) {
        throw new RangeError(`unknown IANA time zone "${zone}"`);
      }
      z = new ZoneClock(zone);
      ZoneClock.cache.set(zone, z);
    }
    return z;
  }

  /** Offset east of UTC in milliseconds at the instant `ms`. */
  offsetMs(ms: number): number {
    if (ms >= this.segFrom && ms < this.segTo) {
      return this.segOffset;
    }
    const t = this.table(ms);
    const { starts, offsets } = t;
    let i = starts.length - 1;
    while (i > 0 && starts[i] > ms) {
      i -= 1;
    }
    this.segFrom = Math.max(starts[i], t.fromMs);
    this.segTo = i + 1 < starts.length ? Math.min(starts[i + 1], t.toMs) : t.toMs;
    this.segOffset = offsets[i];
    return offsets[i];
  }

  /** Offset east of UTC in whole minutes at the instant `ms`. */
  offsetMinutes(ms: number): number {
    return Math.round(this.offsetMs(ms) / MS_PER_MINUTE);
  }

  /** The local wall time of an instant as "epoch ms of the same wall time in UTC". */
  wall(ms: number): number {
    return ms + this.offsetMs(ms);
  }

  /** Days since 1970-01-01 of the local date at `ms`. */
  localDayNumber(ms: number): number {
    return Math.floor((ms + this.offsetMs(ms)) / MS_PER_DAY);
  }

  /** The local date `YYYY-MM-DD` at `ms`. */
  localDate(ms: number): string {
    return dayString(this.localDayNumber(ms));
  }

  /** Local time of day in hours (22.5 for 22:30). */
  hourOfDay(ms: number): number {
    const w = this.wall(ms);
    return (w - Math.floor(w / MS_PER_DAY) * MS_PER_DAY) / MS_PER_HOUR;
  }

  /** The first instant after `ms` at which the offset changes (Infinity within a year: none). */
  nextTransitionAfter(ms: number): number {
    for (const probe of [ms, ms + 366 * MS_PER_DAY]) {
      const { starts } = this.table(probe);
      for (let i = 1; i < starts.length; i++) {
        if (starts[i] > ms) {
          return starts[i];
        }
      }
    }
    return Number.POSITIVE_INFINITY;
  }

  /**
   * The next instant after `ms` at which the offset may change: the next transition in the UTC
   * year of `ms`, else the end of that year (look again from there). Cheaper than
   * {@link nextTransitionAfter} for zones without transitions.
   */
  nextCheckAfter(ms: number): number {
    const t = this.table(ms);
    const { starts } = t;
    for (let i = 1; i < starts.length; i++) {
      if (starts[i] > ms) {
        return Math.min(starts[i], t.toMs);
      }
    }
    return t.toMs;
  }

  /**
   * The first instant in `(fromMs, toMs]` whose local date is `dayNumber` or later (local dates
   * only grow with time, whatever the DST rules), found by bisection to the millisecond.
   */
  startOfLocalDayWithin(dayNumber: number, fromMs: number, toMs: number): number {
    let lo = fromMs;
    let hi = toMs;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.localDayNumber(mid) >= dayNumber) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  /**
   * metrics.md §4 differentials and work weeks: splits `[startMs, endMs)` at every local hour
   * boundary and offset change, appending to `out`: each piece has one local date, weekday and
   * clock hour. On a spring-forward day the missing hour never appears; on a fall-back day the
   * repeated hour yields two pieces with the same `hour`. Every piece's length is real elapsed
   * time.
   */
  splitHours(startMs: number, endMs: number, out: HourPiece[] = []): HourPiece[] {
    let t = startMs;
    let nextChange = this.nextCheckAfter(t);
    while (t < endMs) {
      if (t >= nextChange) {
        nextChange = this.nextCheckAfter(t);
      }
      const offset = this.offsetMs(t);
      const local = t + offset;
      const hourStart = Math.floor(local / MS_PER_HOUR) * MS_PER_HOUR;
      const end = Math.min(hourStart + MS_PER_HOUR - offset, nextChange, endMs);
      const dayNumber = Math.floor(local / MS_PER_DAY);
      out.push({
        startMs: t,
        endMs: end,
        date: dayString(dayNumber),
        dayNumber,
        weekday: weekdayOfDayNumber(dayNumber),
        hour: Math.floor((local - dayNumber * MS_PER_DAY) / MS_PER_HOUR),
      });
      t = end;
    }
    return out;
  }

  private table(ms: number): YearTable {
    const last = this.last;
    if (last && ms >= last.fromMs && ms < last.toMs) {
      return last;
    }
    const year = new Date(ms).getUTCFullYear();
    let t = this.years.get(year);
    if (!t) {
      t = this.build(year);
      this.years.set(year, t);
    }
    this.last = t;
    return t;
  }

  private luxonOffsetMs(ms: number): number {
    return this.zone.offset(ms) * MS_PER_MINUTE;
  }

  /** Transitions from a day before the UTC year to a day after it (so lookups near 1 January agree). */
  private build(year: number): YearTable {
    const from = Date.UTC(year, 0, 1) - MS_PER_DAY;
    const to = Date.UTC(year + 1, 0, 1) + MS_PER_DAY;
    let previous = this.luxonOffsetMs(from);
    const starts = [Number.NEGATIVE_INFINITY];
    const offsets = [previous];
    for (let t = from + SCAN_STEP_MS; t <= to + SCAN_STEP_MS; t += SCAN_STEP_MS) {
      const current = this.luxonOffsetMs(t);
      if (current === previous) {
        continue;
      }
      let lo = t - SCAN_STEP_MS;
      let hi = t;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (this.luxonOffsetMs(mid) === previous) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      starts.push(hi);
      offsets.push(current);
      previous = current;
    }
    return { fromMs: Date.UTC(year, 0, 1), toMs: Date.UTC(year + 1, 0, 1), starts, offsets };
  }
}

const DAY_STRINGS = new Map<number, string>();

/** `YYYY-MM-DD` of a day number, cached (a pay period touches a few dozen distinct dates). */
export function dayString(dayNumber: number): string {
  let s = DAY_STRINGS.get(dayNumber);
  if (s === undefined) {
    s = fromDayNumber(dayNumber);
    if (DAY_STRINGS.size > 100_000) {
      DAY_STRINGS.clear();
    }
    DAY_STRINGS.set(dayNumber, s);
  }
  return s;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

export { MS_PER_DAY, MS_PER_HOUR };

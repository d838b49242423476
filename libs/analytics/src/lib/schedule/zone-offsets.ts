import { IANAZone } from 'luxon';
import { fromDayNumber } from '../dates/local-date';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
/** Offsets are sampled this far apart; no zone has changed its offset twice within 6 h. */
const SCAN_STEP_MS = 6 * MS_PER_HOUR;

interface YearTable {
  /** `offsets[i]` (ms east of UTC) applies from `starts[i]` (epoch ms) to `starts[i + 1]`. */
  starts: number[];
  offsets: number[];
}

/**
 * metrics.md conventions (IANA zone of the site): the UTC offset of a zone at any instant, from a
 * table of its transitions that luxon finds once per UTC year (sampled every 6 h, each change
 * located to the millisecond by bisection). Luxon stays the authority on every zone rule — US,
 * EU, Egypt's reinstated DST, no-DST zones like Asia/Dhaka — while a pay period for 2,000 agents
 * splits hundreds of thousands of worked pieces without calling it per piece.
 */
export class ZoneOffsets {
  private static readonly cache = new Map<string, ZoneOffsets>();
  private readonly zone: IANAZone;
  private readonly years = new Map<number, YearTable>();

  private constructor(readonly name: string) {
    this.zone = IANAZone.create(name);
  }

  /** The shared table of `zone`; throws a RangeError for a zone luxon does not know. */
  static of(zone: string): ZoneOffsets {
    let z = ZoneOffsets.cache.get(zone);
    if (!z) {
      if (!IANAZone.isValidZone(zone)) {
        throw new RangeError(`unknown IANA time zone "${zone}"`);
      }
      z = new ZoneOffsets(zone);
      ZoneOffsets.cache.set(zone, z);
    }
    return z;
  }

  /** Offset east of UTC in milliseconds at the instant `ms`. */
  offsetMs(ms: number): number {
    const t = this.table(ms);
    const { starts, offsets } = t;
    let i = starts.length - 1;
    while (i > 0 && starts[i] > ms) {
      i -= 1;
    }
    return offsets[i];
  }

  /** Offset east of UTC in whole minutes at the instant `ms`. */
  offsetMinutes(ms: number): number {
    return Math.round(this.offsetMs(ms) / MS_PER_MINUTE);
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

  /** Days since 1970-01-01 of the local date at `ms`. */
  localDayNumber(ms: number): number {
    return Math.floor((ms + this.offsetMs(ms)) / MS_PER_DAY);
  }

  /** The local date `YYYY-MM-DD` at `ms`. */
  localDate(ms: number): string {
    return dayString(this.localDayNumber(ms));
  }

  private table(ms: number): YearTable {
    const year = new Date(ms).getUTCFullYear();
    let t = this.years.get(year);
    if (!t) {
      t = this.build(year);
      this.years.set(year, t);
    }
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
    return { starts, offsets };
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

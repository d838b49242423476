import { DateTime, IANAZone } from 'luxon';

import { civilFromDays, formatDay, pad2 } from './civil-date';

// Module-level aliases: the hot loops then skip global lookups, which are slow in the VM
// contexts test runners execute code in.
const { floor, round } = Math;

const SCAN_STEP_SECONDS = 6 * 3600;

/**
 * The clock of one site. Luxon answers every time-zone question (the offset table, local
 * midnights, local wall times); the table then lets the per-call inner loop find the offset of an
 * instant and format it as ISO 8601 without calling luxon for each call.
 */
export class ZoneClock {
  private readonly ianaZone: IANAZone;
  /** `offsets[i]` (minutes east of UTC) applies from `starts[i]` (epoch seconds). */
  private readonly starts: number[] = [Number.NEGATIVE_INFINITY];
  private readonly offsets: number[] = [];
  private readonly offsetLabels = new Map<number, string>();
  private readonly midnights = new Map<number, number>();
  private readonly wallTimes = new Map<number, number>();
  private cachedLocalDay = Number.NaN;
  private cachedPrefix = '';

  constructor(
    readonly zone: string,
    private readonly fromEpoch: number,
    private readonly toEpoch: number,
  ) {
    if (!IANAZone.isValidZone(zone)) throw new Error(`unknown IANA time zone: ${zone}`);
    this.ianaZone = IANAZone.create(zone);
    let previous = this.luxonOffset(fromEpoch);
    this.offsets.push(previous);
    for (
      let t = fromEpoch + SCAN_STEP_SECONDS;
      t < toEpoch + 2 * SCAN_STEP_SECONDS;
      t += SCAN_STEP_SECONDS
    ) {
      const current = this.luxonOffset(t);
      if (current === previous) continue;
      let lo = t - SCAN_STEP_SECONDS;
      let hi = t;
      while (hi - lo > 1) {
        const mid = floor((lo + hi) / 2);
        if (this.luxonOffset(mid) === previous) lo = mid;
        else hi = mid;
      }
      this.starts.push(hi);
      this.offsets.push(current);
      previous = current;
    }
  }

  /** Offset in minutes east of UTC at the instant (epoch seconds). */
  offsetAt(epochSeconds: number): number {
    if (epochSeconds < this.fromEpoch || epochSeconds > this.toEpoch + SCAN_STEP_SECONDS) {
      return this.luxonOffset(epochSeconds);
    }
    for (let i = this.starts.length - 1; i > 0; i--) {
      if (epochSeconds >= this.starts[i]) return this.offsets[i];
    }
    return this.offsets[0];
  }

  /** The instants where the offset changes inside the clock's range. */
  transitions(): { at: number; offsetMinutes: number }[] {
    return this.starts.slice(1).map((at, i) => ({ at, offsetMinutes: this.offsets[i + 1] }));
  }

  /** ISO 8601 with the site's offset at that instant, e.g. `2025-03-09T03:15:00-05:00`. */
  formatIso(epochSeconds: number): string {
    const offset = this.offsetAt(epochSeconds);
    const local = epochSeconds + offset * 60;
    const day = floor(local / 86400);
    if (day !== this.cachedLocalDay) {
      this.cachedLocalDay = day;
      this.cachedPrefix = formatDay(day) + 'T';
    }
    const secondOfDay = local - day * 86400;
    const hh = floor(secondOfDay / 3600);
    const mm = floor((secondOfDay - hh * 3600) / 60);
    const ss = secondOfDay - hh * 3600 - mm * 60;
    return (
      this.cachedPrefix + pad2(hh) + ':' + pad2(mm) + ':' + pad2(ss) + this.offsetLabel(offset)
    );
  }

  /** Local calendar day number of an instant. */
  localDayOf(epochSeconds: number): number {
    return floor((epochSeconds + this.offsetAt(epochSeconds) * 60) / 86400);
  }

  /** Local hour of day (fractional) of an instant. */
  localHourOf(epochSeconds: number): number {
    const local = epochSeconds + this.offsetAt(epochSeconds) * 60;
    return (local - floor(local / 86400) * 86400) / 3600;
  }

  /** The instant the local day begins (luxon moves a midnight that does not exist forward). */
  localMidnight(dayNumber: number): number {
    let value = this.midnights.get(dayNumber);
    if (value === undefined) {
      value = this.wallTime(dayNumber, 0);
      this.midnights.set(dayNumber, value);
    }
    return value;
  }

  /** The instant of a local wall time `minuteOfDay` minutes after 00:00 on the local day. */
  wallTime(dayNumber: number, minuteOfDay: number): number {
    const naive = dayNumber * 86400 + minuteOfDay * 60;
    // Away from offset changes the wall time maps to one instant; luxon decides near them.
    if (this.noTransitionBetween(naive - 2 * 86400, naive + 2 * 86400)) {
      return naive - this.offsetAt(naive) * 60;
    }
    const key = dayNumber * 1440 + minuteOfDay;
    let value = this.wallTimes.get(key);
    if (value === undefined) {
      const [year, month, day] = civilFromDays(dayNumber);
      const dt = DateTime.fromObject(
        { year, month, day, hour: floor(minuteOfDay / 60), minute: minuteOfDay % 60 },
        { zone: this.ianaZone },
      );
      value = round(dt.toMillis() / 1000);
      this.wallTimes.set(key, value);
    }
    return value;
  }

  private noTransitionBetween(from: number, to: number): boolean {
    for (let i = 1; i < this.starts.length; i++) {
      if (this.starts[i] > from && this.starts[i] <= to) return false;
    }
    return true;
  }

  /** Drops cached wall times of days before the given one, to keep memory flat on long runs. */
  forgetBefore(dayNumber: number): void {
    for (const key of this.wallTimes.keys()) {
      if (key < dayNumber * 1440) this.wallTimes.delete(key);
    }
    for (const key of this.midnights.keys()) {
      if (key < dayNumber) this.midnights.delete(key);
    }
  }

  private luxonOffset(epochSeconds: number): number {
    return this.ianaZone.offset(epochSeconds * 1000);
  }

  private offsetLabel(offsetMinutes: number): string {
    let label = this.offsetLabels.get(offsetMinutes);
    if (label === undefined) {
      const abs = Math.abs(offsetMinutes);
      label = (offsetMinutes < 0 ? '-' : '+') + pad2(floor(abs / 60)) + ':' + pad2(abs % 60);
      this.offsetLabels.set(offsetMinutes, label);
    }
    return label;
  }
}

import { fromDayNumber } from '../dates';
import { ZoneOffsets } from '../schedule/zone-offsets';

const MS_PER_DAY = 86_400_000;

/**
 * The local date of an instant in `zone`, from the zone's offset table (luxon is the authority on
 * the rules, consulted once per zone and year): the drivers place tens of thousands of shifts on
 * local dates per request, and a luxon DateTime per shift was most of their time.
 */
export function localDateOfInstant(ms: number, zone: string): string {
  return fromDayNumber(Math.floor((ms + ZoneOffsets.of(zone).offsetMs(ms)) / MS_PER_DAY));
}

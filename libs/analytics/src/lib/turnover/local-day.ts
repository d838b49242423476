import { ZoneClock } from '../dates/zone-clock';

/**
 * The local date of an instant in `zone`, from the zone's offset table (luxon is the authority on
 * the rules, consulted once per zone and year): the drivers place tens of thousands of shifts on
 * local dates per request, and a luxon DateTime per shift was most of their time.
 */
export function localDateOfInstant(ms: number, zone: string): string {
  return ZoneClock.of(zone).localDate(ms);
}

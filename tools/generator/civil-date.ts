/**
 * Calendar dates as day numbers (days since 1970-01-01), free of time zones. Local dates of every
 * site are handled this way; only the mapping of a local wall time to an instant needs a zone.
 */

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return [year, month, day];
}

const PAD2: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? '0' : '') + i);

export function pad2(n: number): string {
  return PAD2[n];
}

/** `YYYY-MM-DD`. */
export function formatDay(dayNumber: number): string {
  const [y, m, d] = civilFromDays(dayNumber);
  return `${y}-${PAD2[m]}-${PAD2[d]}`;
}

/** `YYYYMMDD`, for identifiers. */
export function compactDay(dayNumber: number): string {
  const [y, m, d] = civilFromDays(dayNumber);
  return `${y}${PAD2[m]}${PAD2[d]}`;
}

/** Parses `YYYY-MM-DD`, rejecting dates that do not exist. */
export function parseDay(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${text}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const dayNumber = daysFromCivil(y, m, d);
  const [y2, m2, d2] = civilFromDays(dayNumber);
  if (y2 !== y || m2 !== m || d2 !== d) throw new Error(`date does not exist: ${text}`);
  return dayNumber;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** Day number of the Monday of the week containing the day. */
export function mondayOf(dayNumber: number): number {
  return dayNumber - isoWeekday(dayNumber) + 1;
}

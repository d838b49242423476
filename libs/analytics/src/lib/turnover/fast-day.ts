import { toDayNumber } from '../dates';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) {
      return -1;
    }
    n = n * 10 + c;
  }
  return n;
}

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` date, like `toDayNumber` of ../dates but with integer
 * arithmetic only (the civil-from-days algorithm of H. Hinnant): the summary reads tens of
 * thousands of dates per request, and two Date objects and a formatted string per date were a
 * large part of its time. Anything that is not a valid date goes to `toDayNumber`, which throws
 * the same RangeError.
 */
export function dayNumberOf(s: string): number {
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    const y = digits(s, 0, 4);
    const m = digits(s, 5, 7);
    const d = digits(s, 8, 10);
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const dim = m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1];
    if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= dim) {
      const yy = m <= 2 ? y - 1 : y;
      const era = Math.floor(yy / 400);
      const yoe = yy - era * 400;
      const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
      const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
      return era * 146097 + doe - 719468;
    }
  }
  return toDayNumber(s);
}

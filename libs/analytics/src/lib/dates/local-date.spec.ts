import fc from 'fast-check';
import {
  addDays,
  addMonths,
  daysBetween,
  fromDayNumber,
  isLocalDate,
  isoWeekday,
  isYearMonth,
  monthEnd,
  monthStart,
  toDayNumber,
  yearMonthOf,
} from './local-date';

/** An independent reference: the date's UTC midnight through `Date`, in whole days. */
function referenceDayNumber(y: number, m: number, d: number): number {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return Math.round(date.getTime() / 86_400_000);
}

function referenceDate(dayNumber: number): string {
  const d = new Date(dayNumber * 86_400_000);
  const p = (v: number, n: number) => String(v).padStart(n, '0');
  return `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1, 2)}-${p(d.getUTCDate(), 2)}`;
}

describe('local dates', () => {
  it('agrees with Date over years 0000–9999, both ways, and rejects what Date rolls over', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const n = referenceDayNumber(y, m, d);
          const exists = referenceDate(n) === text; // Date rolls 02-30 over to March
          expect(isLocalDate(text)).toBe(exists);
          if (exists) {
            expect(toDayNumber(text)).toBe(n);
            expect(fromDayNumber(n)).toBe(text);
          }
        },
      ),
      { numRuns: 20_000 },
    );
    const first = referenceDayNumber(0, 1, 1);
    const last = referenceDayNumber(9999, 12, 31);
    for (let n = first; n <= last; n += 97) {
      expect(fromDayNumber(n)).toBe(referenceDate(n));
      expect(toDayNumber(referenceDate(n))).toBe(n);
    }
    for (const bad of [
      '2024-02-3',
      '2024-02-300',
      '2024/02/03',
      '20a4-02-03',
      '2024-00-10',
      ' 2024-02-03',
    ]) {
      expect(isLocalDate(bad)).toBe(false);
    }
  });

  it('numbers days from 1970-01-01 and back', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2024-03-01')).toBe(19783);
    expect(fromDayNumber(19783)).toBe('2024-03-01');
    expect(fromDayNumber(-1)).toBe('1969-12-31');
  });

  it('rejects impossible and malformed dates', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2023-02-29')).toBe(false);
    expect(isLocalDate('2024-13-01')).toBe(false);
    expect(isLocalDate('2024-1-01')).toBe(false);
    expect(() => toDayNumber('2023-02-29')).toThrow(RangeError);
    expect(() => toDayNumber('yesterday')).toThrow('"yesterday" is not a valid YYYY-MM-DD date');
  });

  it('does not map two-digit years to the 1900s', () => {
    expect(fromDayNumber(toDayNumber('0050-06-15'))).toBe('0050-06-15');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect(daysBetween('2024-03-10', '2024-03-01')).toBe(-9);
  });

  it('gives ISO weekdays (Monday 1 … Sunday 7)', () => {
    expect(isoWeekday('2024-01-01')).toBe(1);
    expect(isoWeekday('2024-01-07')).toBe(7);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('1969-12-29')).toBe(1);
  });

  it('handles months', () => {
    expect(monthStart('2024-02')).toBe('2024-02-01');
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2023-02')).toBe('2023-02-28');
    expect(monthEnd('2024-12')).toBe('2024-12-31');
    expect(addMonths('2024-11', 3)).toBe('2025-02');
    expect(addMonths('2024-01', -1)).toBe('2023-12');
    expect(addMonths('2024-01', -13)).toBe('2022-12');
    expect(yearMonthOf('2024-02-29')).toBe('2024-02');
    expect(isYearMonth('2024-00')).toBe(false);
    expect(() => monthStart('2024-13')).toThrow(RangeError);
  });
});

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

describe('local dates', () => {
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

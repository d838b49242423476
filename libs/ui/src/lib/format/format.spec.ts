import {
  formatCents,
  formatInstant,
  formatLocalDate,
  formatNumber,
  formatPercent,
  isValidLocalDate,
} from './format';

describe('formatCents', () => {
  it('shows integer cents as US dollars', () => {
    expect(formatCents(1581, 'en-US')).toBe('$15.81');
    expect(formatCents(300000, 'en-US')).toBe('$3,000.00');
    expect(formatCents(0, 'en-US')).toBe('$0.00');
  });

  it('follows the locale for separators while keeping the currency', () => {
    expect(formatCents(123456, 'de-DE')).toBe('1.234,56\u00a0$');
  });

  it('shows a dash for a missing amount', () => {
    expect(formatCents(null, 'en-US')).toBe('—');
  });
});

describe('formatLocalDate', () => {
  it('shows the calendar day as written, whatever the viewer time zone', () => {
    // TZ is pinned to UTC in CI; the UTC formatting makes the result the same in any zone.
    expect(formatLocalDate('2025-03-04', 'en-US')).toBe('Mar 4, 2025');
    expect(formatLocalDate('2025-01-01', 'en-US', 'short')).toBe('1/1/25');
  });

  it('returns a dash for no date and the input for a value that is not a local date', () => {
    expect(formatLocalDate(null, 'en-US')).toBe('—');
    expect(formatLocalDate('soon', 'en-US')).toBe('soon');
  });
});

describe('formatInstant', () => {
  it('formats a valid instant and passes an invalid one through', () => {
    expect(formatInstant('2025-03-04T10:00:00Z', 'en-US')).toMatch(/2025/);
    expect(formatInstant('not a date', 'en-US')).toBe('not a date');
  });
});

describe('formatNumber and formatPercent', () => {
  it('groups thousands and rounds to the requested digits', () => {
    expect(formatNumber(1234567.891, 'en-US')).toBe('1,234,568');
    expect(formatNumber(2.345, 'en-US', 2)).toBe('2.35');
  });

  it('shows API fractions as percentages', () => {
    expect(formatPercent(0.88835, 'en-US')).toBe('88.8%');
    expect(formatPercent(1, 'en-US', 0)).toBe('100%');
    expect(formatPercent(null, 'en-US')).toBe('—');
  });
});

describe('isValidLocalDate', () => {
  it('accepts real days and rejects impossible ones', () => {
    expect(isValidLocalDate('2024-02-29')).toBe(true);
    expect(isValidLocalDate('2025-02-29')).toBe(false);
    expect(isValidLocalDate('2025-13-01')).toBe(false);
    expect(isValidLocalDate('2025-3-1')).toBe(false);
  });
});

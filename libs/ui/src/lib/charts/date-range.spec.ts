import {
  addDays,
  formatClock,
  formatClockSpan,
  formatDayLabel,
  datesInRange,
  dateAtLocalMidnight,
  formatRange,
  isValidRange,
  localDateOf,
  presetOf,
  rangeDays,
  rangePreset,
} from './date-range';

describe('rangePreset', () => {
  const today = '2025-03-12';

  it('gives yesterday as a one-day range', () => {
    expect(rangePreset('yesterday', today)).toEqual({ from: '2025-03-11', to: '2025-03-11' });
  });

  it('gives the last 7 and 28 complete days, today left out', () => {
    expect(rangePreset('last7', today)).toEqual({ from: '2025-03-05', to: '2025-03-11' });
    expect(rangeDays(rangePreset('last7', today))).toBe(7);
    expect(rangePreset('last4w', today)).toEqual({ from: '2025-02-12', to: '2025-03-11' });
    expect(rangeDays(rangePreset('last4w', today))).toBe(28);
  });

  it('runs this month from the 1st to today', () => {
    expect(rangePreset('thisMonth', today)).toEqual({ from: '2025-03-01', to: '2025-03-12' });
    expect(rangePreset('thisMonth', '2025-03-01')).toEqual({
      from: '2025-03-01',
      to: '2025-03-01',
    });
  });

  it('crosses month, year and leap-day boundaries', () => {
    expect(rangePreset('yesterday', '2025-01-01')).toEqual({
      from: '2024-12-31',
      to: '2024-12-31',
    });
    expect(rangePreset('last7', '2024-03-02')).toEqual({ from: '2024-02-24', to: '2024-03-01' });
    expect(datesInRange({ from: '2024-02-28', to: '2024-03-01' })).toEqual([
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
  });

  it('recognises a preset range, and a custom one as none', () => {
    expect(presetOf({ from: '2025-03-05', to: '2025-03-11' }, today)).toBe('last7');
    expect(presetOf({ from: '2025-03-04', to: '2025-03-11' }, today)).toBeNull();
  });
});

describe('local dates', () => {
  it('reads the calendar date of a Date in the viewer zone and back', () => {
    expect(localDateOf(new Date(2025, 2, 9, 23, 59))).toBe('2025-03-09');
    expect(localDateOf(dateAtLocalMidnight('2025-03-09') as Date)).toBe('2025-03-09');
    expect(dateAtLocalMidnight('9 March')).toBeNull();
  });

  it('counts days across a daylight-saving change as whole days', () => {
    expect(addDays('2025-03-08', 2)).toBe('2025-03-10');
    expect(rangeDays({ from: '2025-03-08', to: '2025-03-10' })).toBe(3);
  });

  it('accepts only real, ordered ranges', () => {
    expect(isValidRange({ from: '2025-03-01', to: '2025-03-01' })).toBe(true);
    expect(isValidRange({ from: '2025-03-02', to: '2025-03-01' })).toBe(false);
    expect(isValidRange({ from: '2025-02-30', to: '2025-03-01' })).toBe(false);
    expect(isValidRange({ from: '', to: '2025-03-01' })).toBe(false);
  });

  it('formats a range with Intl', () => {
    // ICU puts thin spaces around the dash; compare with plain ones.
    const text = formatRange({ from: '2025-03-03', to: '2025-03-09' }, 'en-US');
    expect(text.replace(/\s/g, ' ')).toBe('Mar 3 – 9, 2025');
    expect(formatRange({ from: '2025-03-03', to: '2025-03-03' }, 'en-US')).toBe('Mar 3, 2025');
  });
});

describe('day and clock labels', () => {
  const plain = (text: string) => text.replace(/\s/g, ' ');

  it('names a date with its weekday', () => {
    expect(formatDayLabel('2025-03-03', 'en-US')).toBe('Mon, Mar 3');
    expect(formatDayLabel('2025-03-03', 'en-US', false)).toBe('Mar 3');
    expect(formatDayLabel('soon', 'en-US')).toBe('soon');
  });

  it('shows a wall-clock time and span in the locale', () => {
    expect(plain(formatClock('09:30', 'en-US'))).toBe('9:30 AM');
    expect(formatClock('21:00', 'en-GB')).toBe('21:00');
    expect(plain(formatClockSpan('09:30', 30, 'en-US'))).toBe('9:30 – 10:00 AM');
    expect(plain(formatClockSpan('23:30', 30, 'en-GB'))).toBe('23:30 – 0:00');
    expect(plain(formatClockSpan('23:00', 60, 'en-US'))).toBe('11:00 PM – 12:00 AM');
  });
});

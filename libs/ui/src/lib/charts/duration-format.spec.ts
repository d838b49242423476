import { durationAxis, formatDuration } from './duration-format';

describe('formatDuration', () => {
  it('shows seconds as m:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(9)).toBe('0:09');
    expect(formatDuration(185)).toBe('3:05');
    expect(formatDuration(599.6)).toBe('10:00');
  });

  it('adds hours past the hour', () => {
    expect(formatDuration(3600)).toBe('1:00:00');
    expect(formatDuration(3725)).toBe('1:02:05');
  });

  it('rounds fractional seconds once and keeps a sign', () => {
    expect(formatDuration(20.4)).toBe('0:20');
    expect(formatDuration(-65)).toBe('-1:05');
  });

  it('shows a dash for no value', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});

describe('durationAxis', () => {
  it('ticks on round clock values', () => {
    expect(durationAxis(250)).toEqual({ max: 360, interval: 120 });
    expect(durationAxis(95)).toEqual({ max: 120, interval: 30 });
    expect(durationAxis(14)).toEqual({ max: 15, interval: 5 });
    expect(durationAxis(3 * 3600)).toEqual({ max: 3 * 3600, interval: 3600 });
  });

  it('keeps a minute axis when there is nothing to show', () => {
    expect(durationAxis(0)).toEqual({ max: 60, interval: 15 });
    expect(durationAxis(Number.NaN)).toEqual({ max: 60, interval: 15 });
  });

  it('goes past two-hour steps for very long durations', () => {
    const axis = durationAxis(20 * 3600);
    expect(axis.interval % 3600).toBe(0);
    expect(axis.max / axis.interval).toBeLessThanOrEqual(4);
    expect(axis.max).toBeGreaterThanOrEqual(20 * 3600);
  });
});

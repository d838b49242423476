import { formatDuration } from './duration-format';

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

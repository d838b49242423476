import { formatPercentFixed } from './fixed-percent';

describe('formatPercentFixed', () => {
  it('keeps the decimals so a column of rates lines up', () => {
    expect(formatPercentFixed(0.43, 'en-US')).toBe('43.0%');
    expect(formatPercentFixed(0.88835, 'en-US')).toBe('88.8%');
    expect(formatPercentFixed(1, 'en-US', 0)).toBe('100%');
  });

  it('follows the locale and shows a dash for no value', () => {
    expect(formatPercentFixed(0.471, 'de-DE')).toBe('47,1\u00a0%');
    expect(formatPercentFixed(null, 'en-US')).toBe('—');
  });
});

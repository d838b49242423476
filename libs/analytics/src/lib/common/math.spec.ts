import { mean, median, ramp, ratio, roundHalfAwayFromZero, stdDev } from './math';

describe('ramp', () => {
  it('is 0 below lo, 1 above hi and linear between', () => {
    expect(ramp(-1, 0, 40)).toBe(0);
    expect(ramp(10, 0, 40)).toBe(0.25);
    expect(ramp(50, 0, 40)).toBe(1);
    expect(ramp(0.85, 0.75, 0.95)).toBeCloseTo(0.5, 12);
  });
});

describe('roundHalfAwayFromZero', () => {
  it('rounds halves away from zero on both sides', () => {
    expect(roundHalfAwayFromZero(2.5)).toBe(3);
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
    expect(roundHalfAwayFromZero(2.4999)).toBe(2);
    expect(roundHalfAwayFromZero(-0.4)).toBe(-0);
  });
});

describe('mean, median, stdDev, ratio', () => {
  it('returns null for empty input instead of zero', () => {
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
    expect(stdDev([])).toBeNull();
    expect(ratio(3, 0)).toBeNull();
  });
  it('computes the usual figures', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(stdDev([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(ratio(1, 4)).toBe(0.25);
  });
});

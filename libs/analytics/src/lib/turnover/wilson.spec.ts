import { ProportionInterval, wilsonInterval } from './wilson';

describe('wilsonInterval', () => {
  it('matches published Wilson intervals (Newcombe 1998, table I)', () => {
    // Newcombe, "Two-sided confidence intervals for the single proportion", Stat Med 1998:
    // 81/263 → 0.2553–0.3662; 15/148 → 0.0624–0.1605; 0/20 → 0–0.1611; 1/29 → 0.0061–0.1718.
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [x, n, lo, hi] of cases) {
      const ci = wilsonInterval(x, n);
      expect(ci?.lower).toBeCloseTo(lo, 4);
      expect(ci?.upper).toBeCloseTo(hi, 4);
    }
  });

  it('stays inside [0, 1] at the extremes and has no interval without trials', () => {
    expect(wilsonInterval(5, 5)).toEqual({ lower: expect.any(Number), upper: 1 });
    expect(wilsonInterval(5, 5)?.lower).toBeCloseTo(0.5655, 4);
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('narrows as the group grows at the same rate', () => {
    const small = wilsonInterval(3, 6) as ProportionInterval;
    const large = wilsonInterval(300, 600) as ProportionInterval;
    expect(small.upper - small.lower).toBeGreaterThan(0.5);
    expect(large.upper - large.lower).toBeLessThan(0.1);
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(4, 3)).toThrow('exceed');
    expect(() => wilsonInterval(-1, 3)).toThrow(RangeError);
  });
});

import { rampedTarget, rampFraction } from './ramped-target';

// hired Monday 2026-01-05
const hire = '2026-01-05';

describe('rampFraction', () => {
  it('is 50 % through week one and rises 1/14 a week to 100 % in week eight', () => {
    expect(rampFraction(hire, '2026-01-05')).toBe(0.5);
    expect(rampFraction(hire, '2026-01-11')).toBe(0.5); // day 6, still week 1
    expect(rampFraction(hire, '2026-01-12')).toBeCloseTo(0.5 + 1 / 14, 12); // day 7, week 2
    expect(rampFraction(hire, '2026-02-02')).toBeCloseTo(0.5 + 4 / 14, 12); // day 28, week 5
    expect(rampFraction(hire, '2026-02-22')).toBeCloseTo(0.5 + 6 / 14, 12); // day 48, week 7
    expect(rampFraction(hire, '2026-02-23')).toBe(1); // day 49, week 8
    expect(rampFraction(hire, '2026-09-01')).toBe(1);
  });

  it('supports other ramps and rejects dates before hire and bad ramps', () => {
    expect(rampFraction(hire, '2026-01-19', { startFraction: 0.25, weeks: 4 })).toBe(0.75); // week 3
    expect(rampFraction(hire, '2026-01-05', { startFraction: 0.25, weeks: 1 })).toBe(1);
    expect(() => rampFraction(hire, '2026-01-04')).toThrow(/before the hire date/);
    expect(() => rampFraction(hire, '2026-01-10', { startFraction: 1.5, weeks: 8 })).toThrow(
      /startFraction/,
    );
    expect(() => rampFraction(hire, '2026-01-10', { startFraction: 0.5, weeks: 0 })).toThrow(
      /weeks/,
    );
    expect(() => rampFraction(hire, '2026-02-30')).toThrow(/not a valid/);
  });
});

describe('rampedTarget', () => {
  it('scales at-least targets down and at-most targets up', () => {
    expect(rampedTarget(80, hire, '2026-01-07')).toBe(40);
    expect(rampedTarget(80, hire, '2026-01-12')).toBeCloseTo(320 / 7, 10); // 80 × 4/7
    expect(rampedTarget(80, hire, '2026-02-02')).toBeCloseTo(440 / 7, 10); // 80 × 11/14
    expect(rampedTarget(300, hire, '2026-01-07', undefined, 'at_most')).toBe(600);
    expect(rampedTarget(300, hire, '2026-03-01', undefined, 'at_most')).toBe(300);
  });
});

import { tenureBand } from './tenure-band';
import { turnoverCost } from './turnover-cost';

describe('turnoverCost', () => {
  it('costs one separation at $15.81/h with the defaults: $6,559.20', () => {
    // recruiting 150,000; training 4 × 40 × 1581 = 252,960; ramp 0.5 × 8 × 40 × 1581 = 252,960
    expect(turnoverCost({ baseRateCents: 1581 })).toEqual({
      recruitingCents: 150_000,
      trainingCents: 252_960,
      rampLossCents: 252_960,
      totalCents: 655_920,
    });
  });

  it('multiplies by the separations and honours every parameter', () => {
    expect(turnoverCost({ baseRateCents: 1581, separations: 3 }).totalCents).toBe(1_967_760);
    // recruiting 2 × 80,000; training 2 × 2 × 37.5 × 2000 = 300,000;
    // ramp 2 × 0.25 × 6 × 37.5 × 2000 = 225,000
    expect(
      turnoverCost({
        baseRateCents: 2000,
        separations: 2,
        contractHours: 37.5,
        recruitingCents: 80_000,
        trainingWeeks: 2,
        rampWeeks: 6,
        rampProductivity: 0.75,
      }),
    ).toEqual({
      recruitingCents: 160_000,
      trainingCents: 300_000,
      rampLossCents: 225_000,
      totalCents: 685_000,
    });
  });

  it('rounds each line item once, half away from zero', () => {
    // training 1 × 37.5 × 1001 = 37,537.5 → 37,538; ramp 0.5 × 1 × 37.5 × 1001 = 18,768.75 → 18,769
    expect(
      turnoverCost({
        baseRateCents: 1001,
        contractHours: 37.5,
        trainingWeeks: 1,
        rampWeeks: 1,
        recruitingCents: 0,
      }),
    ).toEqual({
      recruitingCents: 0,
      trainingCents: 37_538,
      rampLossCents: 18_769,
      totalCents: 56_307,
    });
  });

  it('rejects negative amounts and productivity outside [0, 1]', () => {
    expect(() => turnoverCost({ baseRateCents: -1 })).toThrow(
      'baseRateCents must be a finite number ≥ 0',
    );
    expect(() => turnoverCost({ baseRateCents: 1581, rampProductivity: 1.2 })).toThrow(
      'rampProductivity must be between 0 and 1 (got 1.2)',
    );
  });
});

describe('tenureBand', () => {
  it('puts the lower bound of each band inside it', () => {
    expect([0, 89, 90, 179, 180, 364, 365, 729, 730, 5000].map(tenureBand)).toEqual([
      '0-89d',
      '0-89d',
      '90-179d',
      '90-179d',
      '180-364d',
      '180-364d',
      '1-2y',
      '1-2y',
      '2y+',
      '2y+',
    ]);
    expect(() => tenureBand(-1)).toThrow(RangeError);
  });
});

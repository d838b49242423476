import { DEFAULT_BURNOUT_CONFIG, validateBurnoutConfig } from './burnout-config';

describe('validateBurnoutConfig', () => {
  it('accepts the metrics.md defaults, whose weights sum to 1', () => {
    expect(validateBurnoutConfig(DEFAULT_BURNOUT_CONFIG)).toEqual([]);
  });

  it('rejects negative weights and weights that do not sum to 1', () => {
    expect(
      validateBurnoutConfig({
        ...DEFAULT_BURNOUT_CONFIG,
        weights: { ...DEFAULT_BURNOUT_CONFIG.weights, overtime: -0.15, occupancy: 0.45 },
      }),
    ).toEqual(['weight of overtime must be a non-negative number']);
    expect(
      validateBurnoutConfig({
        ...DEFAULT_BURNOUT_CONFIG,
        weights: { ...DEFAULT_BURNOUT_CONFIG.weights, absence: 0 },
      }),
    ).toEqual(['weights must sum to 1, they sum to 0.9']);
  });

  it('rejects inverted ramps and bad thresholds', () => {
    expect(
      validateBurnoutConfig({
        ...DEFAULT_BURNOUT_CONFIG,
        ramps: {
          ...DEFAULT_BURNOUT_CONFIG.ramps,
          hostile: { lo: 0.12, hi: 0.02 },
          drift: { lo: 0, hi: 0 },
        },
        driftMinCalls: 0,
        nightStart: 25,
      }),
    ).toEqual([
      'ramp hostile needs finite bounds with hi > lo',
      'ramp drift needs finite bounds with hi > lo',
      'driftMinCalls must be a whole number ≥ 1',
      'nightStart must be a whole hour from 0 to 23',
    ]);
  });
});

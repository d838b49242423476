import { perUnitAward, spiffProgress, tieredAward, upToCents } from './spiff-rules';
import { PerUnitRule, TieredRule } from './spiff.types';

const perUnit: PerUnitRule = { type: 'per_unit', amountCents: 500, capCents: 5_000 };
const tiered: TieredRule = {
  type: 'tiered',
  tiers: [
    { threshold: 5, amountCents: 2_500 },
    { threshold: 10, amountCents: 7_500 },
    { threshold: 20, amountCents: 20_000 },
  ],
};

describe('perUnitAward', () => {
  it('pays units × amount up to the cap', () => {
    expect(perUnitAward(7, perUnit)).toBe(3_500);
    expect(perUnitAward(12, perUnit)).toBe(5_000);
    expect(perUnitAward(12, { type: 'per_unit', amountCents: 500 })).toBe(6_000);
  });
});

describe('tieredAward', () => {
  it('pays the highest tier reached, not the sum', () => {
    expect([4, 5, 19, 20, 25].map((u) => tieredAward(u, tiered))).toEqual([
      0, 2_500, 7_500, 20_000, 20_000,
    ]);
  });
});

describe('upToCents', () => {
  it('advertises the cap, the top tier, the first prize or the largest amount', () => {
    expect(upToCents(perUnit)).toBe(5_000);
    expect(upToCents({ type: 'per_unit', amountCents: 500 })).toBeNull();
    expect(upToCents(tiered)).toBe(20_000);
    expect(
      upToCents({ type: 'contest', prizes: [10_000, 5_000], scope: 'team', minUnits: 0 }),
    ).toBe(10_000);
    expect(upToCents({ type: 'lottery', unitsPerTicket: 1, prizes: [7_500] })).toBe(7_500);
    expect(
      upToCents({
        type: 'prize_wheel',
        unitsPerSpin: 5,
        slices: [
          { amountCents: 500, weight: 9 },
          { amountCents: 10_000, weight: 1 },
        ],
      }),
    ).toBe(10_000);
    expect(
      upToCents({
        type: 'mystery_envelope',
        unitsPerEnvelope: 3,
        amounts: [
          { amountCents: 2_000, weight: 1 },
          { amountCents: 100, weight: 5 },
        ],
      }),
    ).toBe(2_000);
  });
});

describe('spiffProgress', () => {
  it('shows the units left to the cap of a per-unit rule', () => {
    expect(spiffProgress(7, perUnit)).toEqual({
      kind: 'per_unit',
      earnedCents: 3_500,
      capCents: 5_000,
      unitsToCap: 3,
    });
    expect(spiffProgress(7, { ...perUnit, capCents: 5_200 })).toMatchObject({ unitsToCap: 4 });
    expect(spiffProgress(15, perUnit)).toMatchObject({ earnedCents: 5_000, unitsToCap: 0 });
  });

  it('shows the next tier, or none at the top', () => {
    expect(spiffProgress(7, tiered)).toEqual({
      kind: 'tier',
      tier: 0,
      earnedCents: 2_500,
      nextThreshold: 10,
      nextAmountCents: 7_500,
      unitsToNext: 3,
    });
    expect(spiffProgress(3, tiered)).toMatchObject({
      tier: null,
      earnedCents: 0,
      nextThreshold: 5,
      unitsToNext: 2,
    });
    expect(spiffProgress(20, tiered)).toMatchObject({
      tier: 2,
      nextThreshold: null,
      unitsToNext: null,
    });
  });

  it('shows spins, envelopes and tickets earned and the units to the next one', () => {
    const wheel = {
      type: 'prize_wheel' as const,
      unitsPerSpin: 5,
      slices: [{ amountCents: 100, weight: 1 }],
    };
    expect(spiffProgress(12, wheel)).toEqual({
      kind: 'spins',
      earned: 2,
      unitsPerDraw: 5,
      unitsToNext: 3,
    });
    expect(spiffProgress(10, wheel)).toEqual({
      kind: 'spins',
      earned: 2,
      unitsPerDraw: 5,
      unitsToNext: 5,
    });
    expect(
      spiffProgress(7, {
        type: 'mystery_envelope',
        unitsPerEnvelope: 3,
        amounts: [{ amountCents: 100, weight: 1 }],
      }),
    ).toEqual({ kind: 'envelopes', earned: 2, unitsPerDraw: 3, unitsToNext: 2 });
    expect(spiffProgress(0, { type: 'lottery', unitsPerTicket: 4, prizes: [100] })).toEqual({
      kind: 'tickets',
      earned: 0,
      unitsPerDraw: 4,
      unitsToNext: 4,
    });
  });

  it('shows the units a contest entrant still needs to qualify', () => {
    expect(
      spiffProgress(3, { type: 'contest', prizes: [100], scope: 'agent', minUnits: 5 }),
    ).toEqual({
      kind: 'contest',
      units: 3,
      minUnits: 5,
      unitsToQualify: 2,
    });
  });

  it('rejects negative units', () => {
    expect(() => spiffProgress(-1, tiered)).toThrow(/non-negative/);
  });
});

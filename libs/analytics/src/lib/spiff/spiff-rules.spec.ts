import fc from 'fast-check';
import {
  handicapPercent,
  perUnitAward,
  ruleForEntrant,
  scaleTarget,
  spiffProgress,
  tieredAward,
  upToCents,
} from './spiff-rules';
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

  it('pays per whole perUnits units', () => {
    expect(perUnitAward(29_999, { type: 'per_unit', amountCents: 500, perUnits: 10_000 })).toBe(
      1_000,
    );
  });

  it('agrees with paying unit by unit until the cap (independent loop)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 1_000 }),
        fc.option(fc.integer({ min: 1_000, max: 20_000 }), { nil: undefined }),
        fc.integer({ min: 1, max: 7 }),
        (units, amountCents, capCents, perUnits) => {
          let paid = 0;
          let pending = 0;
          for (let u = 1; u <= units; u++) {
            pending += 1;
            if (pending === perUnits) {
              pending = 0;
              paid =
                capCents === undefined
                  ? paid + amountCents
                  : Math.min(capCents, paid + amountCents);
            }
          }
          expect(perUnitAward(units, { type: 'per_unit', amountCents, capCents, perUnits })).toBe(
            paid,
          );
        },
      ),
    );
  });
});

describe('tieredAward', () => {
  it('pays the highest tier reached, not the sum', () => {
    expect([4, 5, 19, 20, 25].map((u) => tieredAward(u, tiered))).toEqual([
      0, 2_500, 7_500, 20_000, 20_000,
    ]);
  });

  it('agrees with scanning the tiers for the best one reached (independent scan)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), (units) => {
        let best = 0;
        for (const t of tiered.tiers) {
          if (units >= t.threshold) best = Math.max(best, t.amountCents);
        }
        expect(tieredAward(units, tiered)).toBe(best);
      }),
    );
  });
});

describe('handicapped targets', () => {
  it('scales a target up to a whole unit, never below one', () => {
    expect(scaleTarget(10, 70)).toBe(7);
    expect(scaleTarget(9, 70)).toBe(7); // 6.3 → 7
    expect(scaleTarget(1, 10)).toBe(1);
    expect(scaleTarget(20, 100)).toBe(20);
    // independent: the smallest whole n with n ≥ target × p ÷ 100
    for (let t = 1; t <= 50; t++) {
      for (const p of [1, 33, 50, 67, 70, 99]) {
        let n = 1;
        while (n * 100 < t * p) n++;
        expect(scaleTarget(t, p)).toBe(n);
      }
    }
  });

  it('handicaps agents whose tenure on the first day is under the limit', () => {
    const h = { tenureDays: 90, targetPercent: 70 };
    expect(handicapPercent('2026-08-03', '2026-11-01', h)).toBe(100); // exactly 90 days: not under
    expect(handicapPercent('2026-08-04', '2026-11-01', h)).toBe(70); // 89 days
    expect(handicapPercent('2026-08-02', '2026-11-01', h)).toBe(100); // 91 days
    expect(handicapPercent('2026-11-15', '2026-11-01', h)).toBe(70); // hired during the campaign
    expect(handicapPercent('2020-01-01', '2026-11-01', null)).toBe(100);
  });

  it('scales every target of a rule and nothing else', () => {
    expect(ruleForEntrant(tiered, 50)).toEqual({
      type: 'tiered',
      tiers: [
        { threshold: 3, amountCents: 2_500 },
        { threshold: 5, amountCents: 7_500 },
        { threshold: 10, amountCents: 20_000 },
      ],
    });
    expect(
      ruleForEntrant(
        { type: 'prize_wheel', unitsPerSpin: 5, slices: [{ amountCents: 1, weight: 1 }] },
        60,
      ),
    ).toMatchObject({ unitsPerSpin: 3 });
    expect(ruleForEntrant({ type: 'lottery', unitsPerTicket: 4, prizes: [1] }, 50)).toMatchObject({
      unitsPerTicket: 2,
    });
    expect(
      ruleForEntrant({ type: 'contest', scope: 'agent', prizes: [1], minUnits: 10 }, 75),
    ).toMatchObject({ minUnits: 8 });
    expect(ruleForEntrant(perUnit, 50)).toBe(perUnit);
    expect(ruleForEntrant(tiered, 100)).toBe(tiered);
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
      perUnits: 1,
      unitsToNext: 1,
    });
    expect(spiffProgress(7, { ...perUnit, capCents: 5_200 })).toMatchObject({ unitsToCap: 4 });
    expect(spiffProgress(15, perUnit)).toMatchObject({
      earnedCents: 5_000,
      unitsToCap: 0,
      unitsToNext: null,
    });
    expect(
      spiffProgress(12_500, {
        type: 'per_unit',
        amountCents: 500,
        perUnits: 10_000,
        capCents: 1_500,
      }),
    ).toMatchObject({ earnedCents: 500, unitsToCap: 17_500, unitsToNext: 7_500 });
  });

  it('shows the next tier, or none at the top', () => {
    expect(spiffProgress(7, tiered)).toEqual({
      kind: 'tier',
      tier: 0,
      earnedCents: 2_500,
      fromThreshold: 5,
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

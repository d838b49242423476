import { spiffCostPreview } from './cost-preview';
import { createPrng, samplePoisson } from './prng';
import { SpiffCampaign } from './spiff.types';

const campaign = (rule: SpiffCampaign['rule'], budgetCents = 25_000): SpiffCampaign => ({
  metric: 'sales',
  budgetCents,
  rule,
});

describe('spiffCostPreview — exact and analytic rules', () => {
  it('sums the per-unit awards of the forecast', () => {
    const preview = spiffCostPreview(
      campaign({ type: 'per_unit', amountCents: 500, capCents: 5_000 }),
      [
        { code: 'A', units: 7 },
        { code: 'B', units: 12 },
      ],
    );
    expect(preview).toEqual({
      method: 'exact',
      expectedCents: 8_500,
      worstCaseCents: 8_500,
      budgetCents: 25_000,
      expectedOverBudget: false,
      worstCaseOverBudget: false,
      standardErrorCents: null,
      simulations: null,
    });
  });

  it('flags tiered awards that pass the budget', () => {
    const preview = spiffCostPreview(
      campaign({
        type: 'tiered',
        tiers: [
          { threshold: 5, amountCents: 2_500 },
          { threshold: 10, amountCents: 7_500 },
          { threshold: 20, amountCents: 20_000 },
        ],
      }),
      [
        { code: 'A', units: 7 },
        { code: 'B', units: 12 },
        { code: 'C', units: 25 },
      ],
    );
    expect(preview).toMatchObject({
      expectedCents: 30_000,
      expectedOverBudget: true,
      worstCaseOverBudget: true,
    });
  });

  it('expects spins × the weighted mean slice, worst case the largest slice every spin', () => {
    // mean = (500·6 + 2 000·3 + 10 000·1) ÷ 10 = 1 900; spins 2 + 1 + 0 = 3
    const preview = spiffCostPreview(
      campaign({
        type: 'prize_wheel',
        unitsPerSpin: 5,
        slices: [
          { amountCents: 500, weight: 6 },
          { amountCents: 2_000, weight: 3 },
          { amountCents: 10_000, weight: 1 },
        ],
      }),
      [
        { code: 'A', units: 12 },
        { code: 'B', units: 7 },
        { code: 'C', units: 4 },
      ],
    );
    expect(preview).toMatchObject({
      method: 'analytic',
      expectedCents: 5_700,
      worstCaseCents: 30_000,
      worstCaseOverBudget: true,
    });
  });

  it('rounds an envelope expectation of 150.5 ¢ half away from zero', () => {
    const preview = spiffCostPreview(
      campaign({
        type: 'mystery_envelope',
        unitsPerEnvelope: 2,
        amounts: [
          { amountCents: 101, weight: 1 },
          { amountCents: 200, weight: 1 },
        ],
      }),
      [{ code: 'A', units: 3 }],
    );
    expect(preview).toMatchObject({ expectedCents: 151, worstCaseCents: 200 });
  });

  it('refuses an invalid campaign', () => {
    expect(() =>
      spiffCostPreview(campaign({ type: 'lottery', unitsPerTicket: 0, prizes: [100] }), []),
    ).toThrow(/invalid campaign: rule.unitsPerTicket must be a whole number ≥ 1/);
  });
});

describe('spiffCostPreview — seeded Monte-Carlo for contests and lotteries', () => {
  const contest = (minUnits: number, prizes: number[]) =>
    campaign({ type: 'contest', prizes, scope: 'agent', minUnits });

  it('pays nothing when nobody can qualify, and the tie share when everyone ties', () => {
    const nobody = spiffCostPreview(
      contest(1, [1_000, 500]),
      [
        { code: 'A', units: 0 },
        { code: 'B', units: 0 },
        { code: 'C', units: 0 },
      ],
      { simulations: 200 },
    );
    expect(nobody).toMatchObject({
      method: 'monte_carlo',
      expectedCents: 0,
      worstCaseCents: 1_500,
      standardErrorCents: 0,
      simulations: 200,
    });
    // three entrants on 0 units tie for places 1–3: (1 000 + 500 + 0) ÷ 3 = 500 each
    const allTie = spiffCostPreview(
      contest(0, [1_000, 500]),
      [
        { code: 'A', units: 0 },
        { code: 'B', units: 0 },
        { code: 'C', units: 0 },
      ],
      { simulations: 200 },
    );
    expect(allTie).toMatchObject({ expectedCents: 1_500, standardErrorCents: 0 });
  });

  it('expects half the prize when qualifying has probability 1/2 (Poisson λ = ln 2)', () => {
    const preview = spiffCostPreview(contest(1, [1_000]), [{ code: 'A', units: Math.LN2 }], {
      simulations: 10_000,
      seed: 7,
    });
    // P(N ≥ 1) = 1 − e^(−ln 2) = 0.5 → 500 ¢, standard error 1 000 · 0.5 ÷ 100 = 5 ¢
    expect(Math.abs(preview.expectedCents - 500)).toBeLessThanOrEqual(20);
    expect(preview.standardErrorCents).toBeCloseTo(5, 0);
    expect(
      spiffCostPreview(contest(1, [1_000]), [{ code: 'A', units: Math.LN2 }], {
        simulations: 10_000,
        seed: 7,
      }),
    ).toEqual(preview);
  });

  it('pays every lottery prize when all entrants surely hold tickets', () => {
    const preview = spiffCostPreview(
      campaign({ type: 'lottery', unitsPerTicket: 1, prizes: [1_000, 500] }),
      [
        { code: 'A', units: 50 },
        { code: 'B', units: 50 },
        { code: 'C', units: 50 },
      ],
      { simulations: 500 },
    );
    expect(preview).toMatchObject({
      expectedCents: 1_500,
      worstCaseCents: 1_500,
      standardErrorCents: 0,
    });
  });
});

describe('createPrng and samplePoisson', () => {
  it('reproduces mulberry32 (reference values computed in Python)', () => {
    const next = createPrng(1);
    expect([next(), next(), next()]).toEqual([
      0.6270739405881613, 0.002735721180215478, 0.5274470399599522,
    ]);
    const other = createPrng(42);
    expect(other()).toBe(0.6011037519201636);
  });

  it('samples Poisson counts with the right mean on both methods', () => {
    for (const lambda of [4, 100]) {
      const next = createPrng(3);
      let sum = 0;
      const n = 20_000;
      for (let i = 0; i < n; i += 1) {
        sum += samplePoisson(lambda, next);
      }
      // standard error √(λ ÷ n): 0.014 for λ = 4, 0.071 for λ = 100; allow 5 of them
      expect(Math.abs(sum / n - lambda)).toBeLessThan(5 * Math.sqrt(lambda / n));
    }
    expect(samplePoisson(0, createPrng(1))).toBe(0);
  });
});

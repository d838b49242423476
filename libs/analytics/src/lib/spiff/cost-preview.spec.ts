import { spiffCostPreview } from './cost-preview';
import { createPrng, lnFactorial, poissonDistribution, samplePoisson } from './prng';
import { SpiffCampaign } from './spiff.types';

const campaign = (rule: SpiffCampaign['rule'], budgetCents = 25_000): SpiffCampaign => ({
  metric: 'sales',
  budgetCents,
  rule,
});

/** Independent reference: the Poisson pmf by plain recursion (fine for small λ). */
function pmf(lambda: number, upTo: number): number[] {
  const p = [Math.exp(-lambda)];
  for (let n = 1; n <= upTo; n++) p.push((p[n - 1] * lambda) / n);
  return p;
}

/** E[f(N)] for N ~ Poisson(λ), by summing the pmf far into the tail. */
function expectation(lambda: number, f: (n: number) => number): number {
  return pmf(lambda, 200).reduce((s, p, n) => s + p * f(n), 0);
}

function quantile(lambda: number, q: number): number {
  let c = 0;
  const p = pmf(lambda, 400);
  for (let n = 0; n < p.length; n++) {
    c += p[n];
    if (c >= q) return n;
  }
  return p.length;
}

describe('spiffCostPreview — analytic rules', () => {
  it('expects the per-unit awards over the Poisson units, capped', () => {
    const rule = { type: 'per_unit' as const, amountCents: 500, capCents: 5_000 };
    const preview = spiffCostPreview(campaign(rule), [
      { code: 'A', units: 7 },
      { code: 'B', units: 12 },
    ]);
    const reference =
      expectation(7, (n) => Math.min(n * 500, 5_000)) +
      expectation(12, (n) => Math.min(n * 500, 5_000));
    expect(preview.method).toBe('analytic');
    expect(Math.abs(preview.expectedCents - reference)).toBeLessThanOrEqual(0.5);
    expect(preview.worstCaseCents).toBe(
      Math.min(quantile(7, 0.99) * 500, 5_000) + Math.min(quantile(12, 0.99) * 500, 5_000),
    );
    expect(preview.ceilingCents).toBe(10_000);
    expect(preview.standardErrorCents).toBeNull();
  });

  it('has no ceiling for an uncapped per-unit rule and pays per whole perUnits', () => {
    const rule = { type: 'per_unit' as const, amountCents: 300, perUnits: 3 };
    const preview = spiffCostPreview(campaign(rule), [{ code: 'A', units: 10 }]);
    expect(
      Math.abs(preview.expectedCents - expectation(10, (n) => Math.floor(n / 3) * 300)),
    ).toBeLessThanOrEqual(0.5);
    expect(preview.ceilingCents).toBeNull();
  });

  it('expects the highest tier reached, with handicapped thresholds for new hires', () => {
    const tiers = [
      { threshold: 5, amountCents: 2_500 },
      { threshold: 10, amountCents: 7_500 },
      { threshold: 20, amountCents: 20_000 },
    ];
    const best = (n: number, scale: number) =>
      tiers.reduce((b, t) => (n >= Math.ceil((t.threshold * scale) / 100) ? t.amountCents : b), 0);
    const preview = spiffCostPreview(campaign({ type: 'tiered', tiers }, 30_000), [
      { code: 'A', units: 8 },
      { code: 'NEW', units: 6, targetPercent: 50 },
    ]);
    const reference = expectation(8, (n) => best(n, 100)) + expectation(6, (n) => best(n, 50));
    expect(Math.abs(preview.expectedCents - reference)).toBeLessThanOrEqual(0.5);
    expect(preview.worstCaseCents).toBe(best(quantile(8, 0.99), 100) + best(quantile(6, 0.99), 50));
    expect(preview.ceilingCents).toBe(40_000);
    expect(preview.worstCaseOverBudget).toBe(preview.worstCaseCents > 30_000);
  });

  it('expects whole spins × the weighted mean slice, worst case the largest slice every spin', () => {
    const slices = [
      { amountCents: 500, weight: 6 },
      { amountCents: 2_000, weight: 3 },
      { amountCents: 10_000, weight: 1 },
    ];
    // mean = (500·6 + 2 000·3 + 10 000·1) ÷ 10 = 1 900
    const preview = spiffCostPreview(campaign({ type: 'prize_wheel', unitsPerSpin: 5, slices }), [
      { code: 'A', units: 12 },
      { code: 'B', units: 7 },
    ]);
    const reference =
      1_900 *
      (expectation(12, (n) => Math.floor(n / 5)) + expectation(7, (n) => Math.floor(n / 5)));
    expect(Math.abs(preview.expectedCents - reference)).toBeLessThanOrEqual(0.5);
    expect(preview.worstCaseCents).toBe(
      10_000 * (Math.floor(quantile(12, 0.99) / 5) + Math.floor(quantile(7, 0.99) / 5)),
    );
    expect(preview.ceilingCents).toBeNull();
  });

  it('uses the normal approximation for sale cents and stays near the closed form', () => {
    const preview = spiffCostPreview(
      {
        metric: 'sale_amount_cents',
        budgetCents: 1_000_000,
        rule: { type: 'per_unit', amountCents: 500, perUnits: 10_000 },
      },
      [{ code: 'A', units: 2_000_000 }],
      { simulations: 200 },
    );
    // E[floor(N / 10 000)] ≈ λ / 10 000 − (10 000 − 1) / 20 000 = 199.50005 → 99 750 ¢
    expect(Math.abs(preview.expectedCents - 99_750)).toBeLessThan(50);
  });

  it('estimates the chance of running out of budget by simulation', () => {
    // one agent, Poisson(10) sales at $1, budget $12: P(N > 12) = 1 − CDF(12; 10)
    const exact = 1 - pmf(10, 12).reduce((a, b) => a + b, 0);
    const preview = spiffCostPreview(
      campaign({ type: 'per_unit', amountCents: 100 }, 1_200),
      [{ code: 'A', units: 10 }],
      {
        simulations: 20_000,
        seed: 3,
      },
    );
    expect(exact).toBeCloseTo(0.2084, 3);
    expect(Math.abs(preview.overBudgetChance - exact)).toBeLessThan(0.02);
  });

  it('refuses an invalid campaign', () => {
    expect(() =>
      spiffCostPreview(campaign({ type: 'lottery', unitsPerTicket: 0, prizes: [100] }), []),
    ).toThrow(/invalid campaign: rule.unitsPerTicket must be a whole number ≥ 1/);
  });
});

describe('spiffCostPreview — seeded Monte-Carlo for contests and lotteries', () => {
  const contest = (minUnits: number, prizes: number[], scope: 'agent' | 'team' = 'agent') =>
    campaign({ type: 'contest', prizes, scope, minUnits });

  it('pays nothing when nobody can qualify, every prize when everyone surely does', () => {
    const nobody = spiffCostPreview(
      contest(1, [1_000, 500]),
      [
        { code: 'A', units: 0 },
        { code: 'B', units: 0 },
      ],
      { simulations: 200 },
    );
    expect(nobody).toMatchObject({
      method: 'monte_carlo',
      expectedCents: 0,
      worstCaseCents: 1_500,
      ceilingCents: 1_500,
      standardErrorCents: 0,
      simulations: 200,
    });
    // three entrants of λ = 50 always qualify; ties share pools that always sum to 1 500
    const everyone = spiffCostPreview(
      contest(1, [1_000, 500]),
      ['A', 'B', 'C'].map((code) => ({ code, units: 50 })),
      { simulations: 500 },
    );
    expect(everyone).toMatchObject({ expectedCents: 1_500, standardErrorCents: 0 });
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

  it('competes team totals in a team contest', () => {
    const preview = spiffCostPreview(
      contest(1, [1_000, 500, 250], 'team'),
      [
        { code: 'A1', units: 3, teamCode: 'T1' },
        { code: 'A2', units: 4, teamCode: 'T1' },
        { code: 'B1', units: 5, teamCode: 'T2' },
      ],
      { simulations: 300 },
    );
    // two teams: the third prize has nobody to go to
    expect(preview).toMatchObject({ entrants: 2, worstCaseCents: 1_500, ceilingCents: 1_500 });
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
      overBudgetChance: 0,
    });
  });
});

describe('createPrng, samplePoisson and poissonDistribution', () => {
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

  it('gives the tail and quantiles of the plain recursion', () => {
    for (const lambda of [0.7, 4, 30, 150]) {
      const d = poissonDistribution(lambda);
      const p = pmf(lambda, 400);
      for (const k of [0, 1, 3, Math.floor(lambda), Math.ceil(lambda * 1.5) + 2]) {
        const tail = p.slice(k).reduce((a, b) => a + b, 0);
        expect(d.tail(k)).toBeCloseTo(tail, 10);
      }
      expect(d.quantile(0.99)).toBe(quantile(lambda, 0.99));
    }
    expect(lnFactorial(40)).toBeCloseTo(
      Array.from({ length: 40 }, (_, i) => Math.log(i + 1)).reduce((a, b) => a + b),
      10,
    );
  });
});

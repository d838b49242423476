import { roundHalfAwayFromZero } from '../common';
import { contestStandings } from './contest';
import { createPrng, samplePoisson } from './prng';
import { perUnitAward, tieredAward } from './spiff-rules';
import { SpiffCampaign, SpiffEntrant, WeightedAmount } from './spiff.types';
import { validateSpiffCampaign } from './spiff-validation';

/** Options of the Monte-Carlo preview. */
export interface CostPreviewOptions {
  /** Simulated campaigns (default 10 000). */
  simulations?: number;
  /** PRNG seed (default 1); the same seed gives the same preview. */
  seed?: number;
}

/** Result of {@link spiffCostPreview}; all money in integer cents. */
export interface SpiffCostPreview {
  method: 'exact' | 'analytic' | 'monte_carlo';
  expectedCents: number;
  worstCaseCents: number;
  budgetCents: number;
  expectedOverBudget: boolean;
  worstCaseOverBudget: boolean;
  /** Monte-Carlo only: standard error of the expectation, cents (unrounded). */
  standardErrorCents: number | null;
  simulations: number | null;
}

function weightedMean(items: readonly WeightedAmount[]): number {
  const weight = items.reduce((s, i) => s + i.weight, 0);
  return items.reduce((s, i) => s + i.amountCents * i.weight, 0) / weight;
}

function prizeSum(prizes: readonly number[], places: number): number {
  return prizes.slice(0, Math.max(0, places)).reduce((s, p) => s + p, 0);
}

/**
 * metrics.md §7 budget (budget burn preview): expected cost of a campaign for forecast units per
 * entrant (agents, or teams for a team contest), before it starts:
 * - `per_unit`, `tiered`: exact — the awards the forecast units would earn (expected = worst).
 * - `prize_wheel`, `mystery_envelope`: analytic — Σ floor(units ÷ unitsPerX) × weighted mean
 *   amount; worst case with the largest amount every time.
 * - `contest`, `lottery`: seeded Monte-Carlo — each entrant's units drawn as Poisson(forecast),
 *   then the contest's standings (minUnits, tie floors) or the lottery's ticket holders decide
 *   which prizes are paid; expected = mean cost, worst case = every prize a place can take.
 * The expectation is rounded once, half away from zero. Budget caps are not applied — the preview
 * says whether the expectation or the worst case would exceed the budget, and the budget is
 * enforced at grant time ({@link allocateBudget}).
 */
export function spiffCostPreview(
  campaign: SpiffCampaign,
  forecast: readonly SpiffEntrant[],
  options: CostPreviewOptions = {},
): SpiffCostPreview {
  const problems = validateSpiffCampaign(campaign);
  if (problems.length > 0) {
    throw new RangeError(
      `invalid campaign: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
    );
  }
  for (const f of forecast) {
    if (!Number.isFinite(f.units) || f.units < 0) {
      throw new RangeError(`forecast units must be non-negative, got ${f.units} for ${f.code}`);
    }
  }
  const { rule, budgetCents } = campaign;
  const result = (
    method: SpiffCostPreview['method'],
    expected: number,
    worst: number,
    standardError: number | null = null,
    simulations: number | null = null,
  ): SpiffCostPreview => {
    const expectedCents = roundHalfAwayFromZero(expected);
    return {
      method,
      expectedCents,
      worstCaseCents: worst,
      budgetCents,
      expectedOverBudget: expectedCents > budgetCents,
      worstCaseOverBudget: worst > budgetCents,
      standardErrorCents: standardError,
      simulations,
    };
  };

  switch (rule.type) {
    case 'per_unit':
    case 'tiered': {
      const total = forecast.reduce(
        (s, f) =>
          s + (rule.type === 'per_unit' ? perUnitAward(f.units, rule) : tieredAward(f.units, rule)),
        0,
      );
      return result('exact', total, total);
    }
    case 'prize_wheel':
    case 'mystery_envelope': {
      const per = rule.type === 'prize_wheel' ? rule.unitsPerSpin : rule.unitsPerEnvelope;
      const items = rule.type === 'prize_wheel' ? rule.slices : rule.amounts;
      const draws = forecast.reduce((s, f) => s + Math.floor(f.units / per), 0);
      const largest = Math.max(...items.map((i) => i.amountCents));
      return result('analytic', draws * weightedMean(items), draws * largest);
    }
    case 'contest':
    case 'lottery': {
      const simulations = options.simulations ?? 10_000;
      if (!Number.isSafeInteger(simulations) || simulations < 2) {
        throw new RangeError('simulations must be a whole number ≥ 2');
      }
      const next = createPrng(options.seed ?? 1);
      let sum = 0;
      let sumSquares = 0;
      for (let s = 0; s < simulations; s += 1) {
        const units = forecast.map((f) => ({ code: f.code, units: samplePoisson(f.units, next) }));
        const cost =
          rule.type === 'contest'
            ? contestStandings(units, rule).totalCents
            : prizeSum(
                rule.prizes,
                units.filter((u) => Math.floor(u.units / rule.unitsPerTicket) > 0).length,
              );
        sum += cost;
        sumSquares += cost * cost;
      }
      const mean = sum / simulations;
      const variance = Math.max(0, (sumSquares - simulations * mean * mean) / (simulations - 1));
      return result(
        'monte_carlo',
        mean,
        prizeSum(rule.prizes, forecast.length),
        Math.sqrt(variance / simulations),
        simulations,
      );
    }
  }
}

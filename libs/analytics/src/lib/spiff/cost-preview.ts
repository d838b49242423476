import { roundHalfAwayFromZero } from '../common';
import { contestStandings } from './contest';
import { lotteryTickets } from './draws';
import { createPrng, poissonDistribution, samplePoisson } from './prng';
import { perUnitAward, perUnitsOf, ruleForEntrant, tieredAward } from './spiff-rules';
import { SpiffCampaign, SpiffRule, WeightedAmount } from './spiff.types';
import { validateSpiffCampaign } from './spiff-validation';

/** Options of the preview. */
export interface CostPreviewOptions {
  /** Simulated campaigns (default 4 000). */
  simulations?: number;
  /** PRNG seed (default 1); the same seed gives the same preview. */
  seed?: number;
  /** The "worst case" unit count of each entrant: this quantile of its units (default 0.99). */
  worstQuantile?: number;
}

/** One eligible agent's forecast: the units expected over the whole period. */
export interface ForecastEntrant {
  code: string;
  /** Expected units over the period (recent daily rate × days); the mean of a Poisson count. */
  units: number;
  targetPercent?: number;
  /** For team contests: the agent's team. */
  teamCode?: string;
}

/** Result of {@link spiffCostPreview}; all money in integer cents. */
export interface SpiffCostPreview {
  /** How the expectation was computed. */
  method: 'analytic' | 'monte_carlo';
  /** Agents, or teams for a team contest. */
  entrants: number;
  expectedCents: number;
  /** Every entrant at the `worstQuantile` of its units with the largest draw every time; contests and lotteries: every prize paid. */
  worstCaseCents: number;
  /** The most the rule can ever pay these entrants, or null when it has no ceiling. */
  ceilingCents: number | null;
  budgetCents: number;
  expectedOverBudget: boolean;
  worstCaseOverBudget: boolean;
  /** Share of the simulated campaigns whose awards would pass the budget (some declined). */
  overBudgetChance: number;
  /** Monte-Carlo expectation only: its standard error, cents (unrounded). */
  standardErrorCents: number | null;
  simulations: number;
}

function weightedMean(items: readonly WeightedAmount[]): number {
  const weight = items.reduce((s, i) => s + i.weight, 0);
  return items.reduce((s, i) => s + i.amountCents * i.weight, 0) / weight;
}

function weightedVariance(items: readonly WeightedAmount[]): number {
  const weight = items.reduce((s, i) => s + i.weight, 0);
  const m = weightedMean(items);
  return items.reduce((s, i) => s + (i.amountCents - m) ** 2 * i.weight, 0) / weight;
}

function prizeSum(prizes: readonly number[], places: number): number {
  return prizes.slice(0, Math.max(0, places)).reduce((s, p) => s + p, 0);
}

/** Above this many terms a sum over whole payments is replaced by its closed-form approximation. */
const MAX_TERMS = 1_000_000;

/** E[floor(N ÷ per)] = Σⱼ≥1 P(N ≥ j·per) for N ~ Poisson(λ). */
function expectedWholeDraws(lambda: number, per: number): number {
  const d = poissonDistribution(lambda);
  const terms = Math.floor(d.upper / per);
  if (terms > MAX_TERMS) {
    return lambda / per - (per - 1) / (2 * per);
  }
  let s = 0;
  for (let j = 1; j <= terms; j += 1) {
    s += d.tail(j * per);
  }
  return s;
}

/** E[min(floor(N ÷ per) × amount, cap)] = Σⱼ P(N ≥ j·per) × (min(j·a, cap) − min((j−1)·a, cap)). */
function expectedPerUnit(lambda: number, amount: number, per: number, cap: number | null): number {
  if (cap === null) {
    return amount * expectedWholeDraws(lambda, per);
  }
  const d = poissonDistribution(lambda);
  const terms = Math.min(Math.ceil(cap / amount), Math.floor(d.upper / per));
  let s = 0;
  for (let j = 1; j <= terms; j += 1) {
    s += d.tail(j * per) * (Math.min(j * amount, cap) - Math.min((j - 1) * amount, cap));
  }
  return s;
}

function pickWeighted(items: readonly WeightedAmount[], total: number, u: number): number {
  let t = u * total;
  for (const item of items) {
    t -= item.weight;
    if (t < 0) {
      return item.amountCents;
    }
  }
  return items[items.length - 1].amountCents;
}

/**
 * metrics.md §7 cost preview, before launch: the cost of a campaign's rule for the eligible
 * agents, each one's units over the period a Poisson count with mean = its forecast (recent
 * daily rate × days of the period):
 * - expected — analytic for `per_unit`, `tiered`, `prize_wheel` and `mystery_envelope`
 *   (E[award(N)] summed over the Poisson tail: Σⱼ P(N ≥ j·perUnits)·(payment j) for per-unit,
 *   Σₖ P(N ≥ thresholdₖ)·(amountₖ − amountₖ₋₁) for tiers, E[floor(N ÷ unitsPerX)] × weighted mean
 *   amount for draws); seeded Monte-Carlo for `contest` and `lottery` (standings with ties and
 *   `minUnits`, or the ticket holders, decide the prizes paid);
 * - worst case — every entrant at the 99th percentile of its units with the largest amount on
 *   every draw; contests and lotteries: every prize paid;
 * - ceiling — what the rule can pay at most (caps, top tiers, the prize list), null when
 *   unbounded (uncapped per-unit, draws);
 * - over-budget chance — the share of simulated campaigns (same Poisson units, draws by the
 *   weights) whose awards pass the budget, i.e. where some award would be `declined_budget`.
 * Handicapped entrants play their own targets ({@link ruleForEntrant}); a team contest groups the
 * forecast by `teamCode`. The expectation is rounded once, half away from zero. The budget is not
 * applied to the figures — it is enforced at grant time.
 */
export function spiffCostPreview(
  campaign: SpiffCampaign,
  forecast: readonly ForecastEntrant[],
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
  const simulations = options.simulations ?? 4_000;
  if (!Number.isSafeInteger(simulations) || simulations < 2) {
    throw new RangeError('simulations must be a whole number ≥ 2');
  }
  const q = options.worstQuantile ?? 0.99;
  const { rule, budgetCents } = campaign;

  // A team contest competes on team totals: a sum of Poisson counts is Poisson.
  let entrants: ForecastEntrant[] = [...forecast];
  if (rule.type === 'contest' && rule.scope === 'team') {
    const byTeam = new Map<string, number>();
    for (const f of forecast) {
      const team = f.teamCode ?? f.code;
      byTeam.set(team, (byTeam.get(team) ?? 0) + f.units);
    }
    entrants = [...byTeam.entries()].map(([code, units]) => ({ code, units }));
  }
  const own = entrants.map((e) => ({ e, rule: ruleForEntrant(rule, e.targetPercent ?? 100) }));
  const n = entrants.length;

  // ---- analytic expectation, worst case and ceiling
  let analytic: number | null = null;
  let worst = 0;
  let ceiling: number | null = null;
  switch (rule.type) {
    case 'per_unit': {
      const per = perUnitsOf(rule);
      analytic = entrants.reduce(
        (s, e) => s + expectedPerUnit(e.units, rule.amountCents, per, rule.capCents ?? null),
        0,
      );
      worst = entrants.reduce(
        (s, e) => s + perUnitAward(poissonDistribution(e.units).quantile(q), rule),
        0,
      );
      ceiling = rule.capCents != null ? rule.capCents * n : null;
      break;
    }
    case 'tiered': {
      analytic = 0;
      for (const { e, rule: r } of own) {
        if (r.type !== 'tiered') continue;
        const d = poissonDistribution(e.units);
        const tiers = [...r.tiers].sort((a, b) => a.threshold - b.threshold);
        let previous = 0;
        for (const t of tiers) {
          analytic += d.tail(t.threshold) * (t.amountCents - previous);
          previous = Math.max(previous, t.amountCents);
        }
        worst += tieredAward(d.quantile(q), r);
      }
      ceiling = n * Math.max(...rule.tiers.map((t) => t.amountCents));
      break;
    }
    case 'prize_wheel':
    case 'mystery_envelope': {
      const items = rule.type === 'prize_wheel' ? rule.slices : rule.amounts;
      const mean = weightedMean(items);
      const largest = Math.max(...items.map((i) => i.amountCents));
      analytic = 0;
      for (const { e, rule: r } of own) {
        const per =
          r.type === 'prize_wheel'
            ? r.unitsPerSpin
            : r.type === 'mystery_envelope'
              ? r.unitsPerEnvelope
              : 1;
        analytic += expectedWholeDraws(e.units, per) * mean;
        worst += Math.floor(poissonDistribution(e.units).quantile(q) / per) * largest;
      }
      ceiling = null;
      break;
    }
    case 'contest':
    case 'lottery':
      worst = prizeSum(rule.prizes, n);
      ceiling = worst;
      break;
  }

  // ---- simulation: the over-budget chance always, the expectation of contests and lotteries
  const next = createPrng(options.seed ?? 1);
  const drawItems =
    rule.type === 'prize_wheel'
      ? rule.slices
      : rule.type === 'mystery_envelope'
        ? rule.amounts
        : null;
  const drawWeight = drawItems ? drawItems.reduce((s, i) => s + i.weight, 0) : 0;
  const drawMean = drawItems ? weightedMean(drawItems) : 0;
  const drawSd = drawItems ? Math.sqrt(weightedVariance(drawItems)) : 0;
  let sum = 0;
  let sumSquares = 0;
  let over = 0;
  for (let s = 0; s < simulations; s += 1) {
    const units = own.map(({ e }) => samplePoisson(e.units, next));
    const cost = simulatedCost(rule, own, units, next, drawItems, drawWeight, drawMean, drawSd);
    sum += cost;
    sumSquares += cost * cost;
    if (cost > budgetCents) {
      over += 1;
    }
  }
  const mean = sum / simulations;
  const variance = Math.max(0, (sumSquares - simulations * mean * mean) / (simulations - 1));
  const expectedCents = roundHalfAwayFromZero(analytic ?? mean);
  return {
    method: analytic === null ? 'monte_carlo' : 'analytic',
    entrants: n,
    expectedCents,
    worstCaseCents: worst,
    ceilingCents: ceiling,
    budgetCents,
    expectedOverBudget: expectedCents > budgetCents,
    worstCaseOverBudget: worst > budgetCents,
    overBudgetChance: over / simulations,
    standardErrorCents: analytic === null ? Math.sqrt(variance / simulations) : null,
    simulations,
  };
}

/** Draws per simulated campaign above which their sum is taken as normal (mean D·μ, sd √D·σ). */
const EXACT_DRAWS_MAX = 20_000;

function simulatedCost(
  rule: SpiffRule,
  own: readonly { e: ForecastEntrant; rule: SpiffRule }[],
  units: readonly number[],
  next: () => number,
  drawItems: readonly WeightedAmount[] | null,
  drawWeight: number,
  drawMean: number,
  drawSd: number,
): number {
  switch (rule.type) {
    case 'per_unit':
      return units.reduce((s, u) => s + perUnitAward(u, rule), 0);
    case 'tiered':
      return own.reduce(
        (s, o, i) => s + (o.rule.type === 'tiered' ? tieredAward(units[i], o.rule) : 0),
        0,
      );
    case 'prize_wheel':
    case 'mystery_envelope': {
      let draws = 0;
      own.forEach((o, i) => {
        const r = o.rule;
        const per =
          r.type === 'prize_wheel'
            ? r.unitsPerSpin
            : r.type === 'mystery_envelope'
              ? r.unitsPerEnvelope
              : 1;
        draws += Math.floor(units[i] / per);
      });
      if (!drawItems || draws === 0) {
        return 0;
      }
      if (draws > EXACT_DRAWS_MAX) {
        const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
        return Math.max(0, Math.round(draws * drawMean + Math.sqrt(draws) * drawSd * z));
      }
      let cost = 0;
      for (let d = 0; d < draws; d += 1) {
        cost += pickWeighted(drawItems, drawWeight, next());
      }
      return cost;
    }
    case 'contest':
      return contestStandings(
        own.map((o, i) => ({ code: o.e.code, units: units[i], targetPercent: o.e.targetPercent })),
        rule,
      ).totalCents;
    case 'lottery': {
      const holders = own.filter(
        (o, i) => lotteryTickets(units[i], rule, o.e.targetPercent ?? 100) > 0,
      ).length;
      return prizeSum(rule.prizes, holders);
    }
  }
}

import { TENURE_BANDS, TenureBand, tenureBand } from './tenure-band';
import { turnoverCost } from './turnover-cost';

/**
 * Bottom-X% policy what-if — metrics.md §6: "simulate firing the bottom X% by a chosen metric
 * every period for N periods from the current roster: projected separations, replacement hires,
 * training and ramp cost, and the change in mean tenure and experience mix", side by side with
 * the "current trend" baseline: today's voluntary and involuntary attrition carried forward.
 *
 * The model is deterministic and analytic (expected values, no random draws): each agent is a
 * weight (1 at the start) that voluntary attrition shrinks, so separations and hires can be
 * fractional; money is rounded to cents once per line item per period. Per period, in order:
 * 1. voluntary attrition: every weight × (1 − q), q = 1 − (1 − monthly rate)^periodMonths,
 *    uniform across tenure and metric (no tenure-dependent quit curve); then the current
 *    involuntary attrition the same way (`monthlyInvoluntaryAttrition`, default 0) — in the
 *    baseline always, in the policy scenario only when `policyKeepsCurrentInvoluntary` (by
 *    default the policy replaces today's dismissals rather than adding to them);
 * 2. everyone ages by periodMonths × 365.25 ÷ 12 days;
 * 3. policy only: the bottom X% of the remaining headcount by the metric is fired. Agents tied at
 *    the cut-off are fired in equal proportion, so the result does not depend on roster order;
 * 4. every separation is replaced at the period's end by a hire with tenure 0 (headcount stays
 *    constant). A hire's metric follows the `newHireMetric` assumption: `roster_distribution`
 *    (default) — hires perform like the starting roster, represented exactly as a weighted copy
 *    of its metric values — or `fixed`. A hire keeps its metric (no ramp effect on the metric;
 *    the ramp is costed as lost productivity instead);
 * 5. the cost of the period's hires is the §6 cost of turnover (recruiting, training, ramp loss).
 * Figures are reported at the end of each period, after the hires.
 */

export type MetricDirection = 'higher_is_better' | 'lower_is_better';

export type NewHireMetricAssumption =
  | { kind: 'roster_distribution' }
  | { kind: 'fixed'; value: number };

/** One agent of the current roster. */
export interface WhatIfRosterAgent {
  /** The chosen performance metric's value for the agent. */
  metric: number;
  /** Tenure on the start date, in days. */
  tenureDays: number;
}

export interface WhatIfAssumptions {
  /** Hourly base rate in cents. */
  baseRateCents: number;
  /** Baseline voluntary attrition per month, a fraction in [0, 1). */
  monthlyVoluntaryAttrition: number;
  /** Current involuntary attrition per month, a fraction in [0, 1); default 0. */
  monthlyInvoluntaryAttrition?: number;
  /** Whether the policy scenario keeps today's involuntary attrition on top of its firings. */
  policyKeepsCurrentInvoluntary?: boolean;
  recruitingCents?: number;
  trainingWeeks?: number;
  rampWeeks?: number;
  rampProductivity?: number;
  contractHours?: number;
  newHireMetric?: NewHireMetricAssumption;
}

export interface BottomXWhatIfInput {
  roster: readonly WhatIfRosterAgent[];
  /** X as a fraction of headcount fired each period, in [0, 1) (1/3 for "the bottom third"). */
  bottomShare: number;
  /** N, the number of periods simulated (1–120). */
  periods: number;
  /** Period length in whole months (1–12). */
  periodMonths: number;
  /** Which end of the metric is "bottom"; default higher_is_better (lowest values fired). */
  metricDirection?: MetricDirection;
  assumptions: WhatIfAssumptions;
}

/** The workforce at one moment. */
export interface WorkforceSnapshot {
  headcount: number;
  meanTenureDays: number | null;
  shareUnder90Days: number | null;
  meanMetric: number | null;
  /** Share of headcount per tenure band (the experience mix); all 0 for an empty roster. */
  tenureMix: Record<TenureBand, number>;
}

export interface WhatIfPeriod extends WorkforceSnapshot {
  /** 1-based period number. */
  period: number;
  voluntarySeparations: number;
  involuntarySeparations: number;
  separations: number;
  replacementHires: number;
  recruitingCents: number;
  trainingCents: number;
  rampLossCents: number;
  costCents: number;
}

export interface WhatIfScenario {
  periods: WhatIfPeriod[];
  totals: {
    separations: number;
    replacementHires: number;
    recruitingCents: number;
    trainingCents: number;
    rampLossCents: number;
    costCents: number;
  };
}

export interface BottomXWhatIfResult {
  start: WorkforceSnapshot;
  policy: WhatIfScenario;
  /** The current trend: voluntary attrition and replacements, no policy firings. */
  baseline: WhatIfScenario;
}

/** Average month in days, for ageing the workforce. */
const DAYS_PER_MONTH = 365.25 / 12;
const NEGLIGIBLE_WEIGHT = 1e-12;

interface Member {
  metric: number;
  tenureDays: number;
  weight: number;
}

/** Typed error listing every problem of a what-if input. */
export class WhatIfInputError extends Error {
  readonly code = 'WHAT_IF_INVALID_INPUT';

  constructor(readonly problems: readonly string[]) {
    super(`Invalid what-if input: ${problems.join('; ')}`);
    this.name = 'WhatIfInputError';
  }
}

/** Problems of a what-if input (empty when valid). */
export function validateBottomXWhatIf(input: BottomXWhatIfInput): string[] {
  const problems: string[] = [];
  const a = input.assumptions;
  input.roster.forEach((agent, i) => {
    if (!Number.isFinite(agent.metric)) {
      problems.push(`roster[${i}].metric must be a finite number`);
    }
    if (!Number.isFinite(agent.tenureDays) || agent.tenureDays < 0) {
      problems.push(`roster[${i}].tenureDays must be a finite number ≥ 0`);
    }
  });
  if (!(input.bottomShare >= 0 && input.bottomShare < 1)) {
    problems.push(`bottomShare must be at least 0 and less than 1 (got ${input.bottomShare})`);
  }
  if (!Number.isInteger(input.periods) || input.periods < 1 || input.periods > 120) {
    problems.push(`periods must be an integer from 1 to 120 (got ${input.periods})`);
  }
  if (!Number.isInteger(input.periodMonths) || input.periodMonths < 1 || input.periodMonths > 12) {
    problems.push(`periodMonths must be an integer from 1 to 12 (got ${input.periodMonths})`);
  }
  if (!(a.monthlyVoluntaryAttrition >= 0 && a.monthlyVoluntaryAttrition < 1)) {
    problems.push(
      `monthlyVoluntaryAttrition must be at least 0 and less than 1 (got ${a.monthlyVoluntaryAttrition})`,
    );
  }
  const inv = a.monthlyInvoluntaryAttrition ?? 0;
  if (!(inv >= 0 && inv < 1)) {
    problems.push(`monthlyInvoluntaryAttrition must be at least 0 and less than 1 (got ${inv})`);
  }
  if (a.newHireMetric?.kind === 'fixed' && !Number.isFinite(a.newHireMetric.value)) {
    problems.push('newHireMetric.value must be a finite number');
  }
  try {
    turnoverCost({ ...a, separations: 1 });
  } catch (e) {
    problems.push((e as Error).message);
  }
  return problems;
}

function snapshot(members: readonly Member[]): WorkforceSnapshot {
  let weight = 0;
  let tenure = 0;
  let metric = 0;
  const tenureMix = Object.fromEntries(TENURE_BANDS.map((b) => [b, 0])) as Record<
    TenureBand,
    number
  >;
  for (const m of members) {
    weight += m.weight;
    tenure += m.weight * m.tenureDays;
    metric += m.weight * m.metric;
    tenureMix[tenureBand(m.tenureDays)] += m.weight;
  }
  if (weight <= NEGLIGIBLE_WEIGHT) {
    return {
      headcount: 0,
      meanTenureDays: null,
      shareUnder90Days: null,
      meanMetric: null,
      tenureMix,
    };
  }
  for (const band of TENURE_BANDS) {
    tenureMix[band] /= weight;
  }
  return {
    headcount: weight,
    meanTenureDays: tenure / weight,
    shareUnder90Days: tenureMix['0-89d'],
    meanMetric: metric / weight,
    tenureMix,
  };
}

/** Fires `amount` of weight from the worst end; ties at the cut-off lose the same fraction. */
function fireBottom(members: Member[], amount: number, direction: MetricDirection): void {
  const worstFirst = [...members].sort((x, y) =>
    direction === 'higher_is_better' ? x.metric - y.metric : y.metric - x.metric,
  );
  let remaining = amount;
  let i = 0;
  while (remaining > NEGLIGIBLE_WEIGHT && i < worstFirst.length) {
    let j = i;
    let groupWeight = 0;
    while (j < worstFirst.length && worstFirst[j].metric === worstFirst[i].metric) {
      groupWeight += worstFirst[j].weight;
      j++;
    }
    const fraction = Math.min(1, remaining / groupWeight);
    for (let k = i; k < j; k++) {
      worstFirst[k].weight *= 1 - fraction;
    }
    remaining -= fraction * groupWeight;
    i = j;
  }
}

function simulate(
  input: BottomXWhatIfInput,
  withPolicy: boolean,
  hireMetrics: readonly { metric: number; share: number }[],
): WhatIfScenario {
  const a = input.assumptions;
  const direction = input.metricDirection ?? 'higher_is_better';
  const q = 1 - (1 - a.monthlyVoluntaryAttrition) ** input.periodMonths;
  const keepInvoluntary = !withPolicy || a.policyKeepsCurrentInvoluntary === true;
  const qi = keepInvoluntary
    ? 1 - (1 - (a.monthlyInvoluntaryAttrition ?? 0)) ** input.periodMonths
    : 0;
  let members: Member[] = input.roster.map((r) => ({
    metric: r.metric,
    tenureDays: r.tenureDays,
    weight: 1,
  }));
  const periods: WhatIfPeriod[] = [];
  const totals = {
    separations: 0,
    replacementHires: 0,
    recruitingCents: 0,
    trainingCents: 0,
    rampLossCents: 0,
    costCents: 0,
  };
  for (let p = 1; p <= input.periods; p++) {
    let voluntary = 0;
    let currentInvoluntary = 0;
    for (const m of members) {
      voluntary += m.weight * q;
      m.weight *= 1 - q;
      currentInvoluntary += m.weight * qi;
      m.weight *= 1 - qi;
      m.tenureDays += input.periodMonths * DAYS_PER_MONTH;
    }
    let involuntary = currentInvoluntary;
    if (withPolicy && input.bottomShare > 0) {
      const before = members.reduce((s, m) => s + m.weight, 0);
      const fired = input.bottomShare * before;
      fireBottom(members, fired, direction);
      involuntary += fired;
    }
    members = members.filter((m) => m.weight > NEGLIGIBLE_WEIGHT);
    const hires = voluntary + involuntary;
    if (hires > 0) {
      for (const h of hireMetrics) {
        members.push({ metric: h.metric, tenureDays: 0, weight: hires * h.share });
      }
    }
    const cost = turnoverCost({
      baseRateCents: a.baseRateCents,
      separations: hires,
      contractHours: a.contractHours,
      recruitingCents: a.recruitingCents,
      trainingWeeks: a.trainingWeeks,
      rampWeeks: a.rampWeeks,
      rampProductivity: a.rampProductivity,
    });
    periods.push({
      period: p,
      voluntarySeparations: voluntary,
      involuntarySeparations: involuntary,
      separations: hires,
      replacementHires: hires,
      recruitingCents: cost.recruitingCents,
      trainingCents: cost.trainingCents,
      rampLossCents: cost.rampLossCents,
      costCents: cost.totalCents,
      ...snapshot(members),
    });
    totals.separations += hires;
    totals.replacementHires += hires;
    totals.recruitingCents += cost.recruitingCents;
    totals.trainingCents += cost.trainingCents;
    totals.rampLossCents += cost.rampLossCents;
    totals.costCents += cost.totalCents;
  }
  return { periods, totals };
}

/**
 * metrics.md §6 bottom-X% policy what-if (model described above): the policy scenario and the
 * current-trend baseline, period by period, from the same starting roster and assumptions.
 *
 * @throws WhatIfInputError listing every problem of the input.
 */
export function bottomXWhatIf(input: BottomXWhatIfInput): BottomXWhatIfResult {
  const problems = validateBottomXWhatIf(input);
  if (problems.length > 0) {
    throw new WhatIfInputError(problems);
  }
  const assumption = input.assumptions.newHireMetric ?? { kind: 'roster_distribution' };
  const hireMetrics =
    assumption.kind === 'fixed'
      ? [{ metric: assumption.value, share: 1 }]
      : input.roster.map((r) => ({ metric: r.metric, share: 1 / input.roster.length }));
  const start = snapshot(input.roster.map((r) => ({ ...r, weight: 1 })));
  return {
    start,
    policy: simulate(input, true, hireMetrics),
    baseline: simulate(input, false, hireMetrics),
  };
}

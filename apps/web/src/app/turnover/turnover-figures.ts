import type {
  RetentionCurvesDto,
  RetentionPointDto,
  TurnoverCostDto,
  TurnoverSummaryGroup,
  WhatIfResultDto,
} from '@floorwise/contracts';
import type { CategoryChartData, ComboChartData, SurvivalCurve } from '@floorwise/ui';

/**
 * Pure shaping of the turnover answers for charts and tables. No figure is computed here beyond
 * sums of what the API returned (every rate comes from the API, i.e. from libs/analytics).
 */

/** The range's headline numbers from the `all` group of the summary. */
export interface OverviewFigures {
  headcountStart: number;
  headcountEnd: number;
  separations: number;
  voluntary: number;
  involuntary: number;
  /** Separations with no type recorded. */
  untyped: number;
  trailing12Rate: number | null;
  trailing12Separations: number;
  earlyRate: number | null;
  earlyCohort: number;
  earlySeparated: number;
}

export function overviewFigures(all: TurnoverSummaryGroup): OverviewFigures {
  const months = all.months;
  const sum = (pick: (m: (typeof months)[number]) => number) =>
    months.reduce((s, m) => s + pick(m), 0);
  const separations = sum((m) => m.separations);
  const voluntary = sum((m) => m.voluntary);
  const involuntary = sum((m) => m.involuntary);
  return {
    headcountStart: months[0]?.headcountStart ?? 0,
    headcountEnd: months.at(-1)?.headcountEnd ?? 0,
    separations,
    voluntary,
    involuntary,
    untyped: separations - voluntary - involuntary,
    trailing12Rate: all.trailing12.rate,
    trailing12Separations: all.trailing12.separations,
    earlyRate: all.earlyAttrition90.rate,
    earlyCohort: all.earlyAttrition90.cohortSize,
    earlySeparated: all.earlyAttrition90.separated,
  };
}

/** Separations per month as bars (by type), headcount at month end and the monthly rate as lines. */
export function monthlyCombo(
  all: TurnoverSummaryGroup,
  monthLabel: (m: string) => string,
): ComboChartData {
  const months = all.months;
  const untyped = months.map((m) => m.separations - m.voluntary - m.involuntary);
  return {
    categories: months.map((m) => monthLabel(m.month)),
    series: [
      { name: 'Voluntary', type: 'bar', values: months.map((m) => m.voluntary), panel: 0 },
      { name: 'Involuntary', type: 'bar', values: months.map((m) => m.involuntary), panel: 0 },
      ...(untyped.some((u) => u > 0)
        ? [{ name: 'Type not recorded', type: 'bar' as const, values: untyped, panel: 0 }]
        : []),
      {
        name: 'Headcount (month end)',
        type: 'line',
        values: months.map((m) => m.headcountEnd),
        panel: 0,
        axis: 'right',
      },
      { name: 'Monthly attrition', type: 'line', values: months.map((m) => m.rate), panel: 1 },
    ],
  };
}

/** One row of the "attrition by group" table. */
export interface GroupRow {
  key: string;
  headcountStart: number;
  headcountEnd: number;
  separations: number;
  voluntary: number;
  involuntary: number;
  /** Mean of the monthly rates of the range (months with a rate). */
  meanMonthlyRate: number | null;
  trailing12Rate: number | null;
  earlyCohort: number;
  earlySeparated: number;
  earlyRate: number | null;
  costCents: number | null;
}

export function groupRows(
  groups: readonly TurnoverSummaryGroup[],
  cost: TurnoverCostDto | null,
): GroupRow[] {
  const costOf = new Map((cost?.groups ?? []).map((g) => [g.key, g.totalCents]));
  return groups.map((g) => {
    const rates = g.months.map((m) => m.rate).filter((r): r is number => r !== null);
    return {
      key: g.key,
      headcountStart: g.months[0]?.headcountStart ?? 0,
      headcountEnd: g.months.at(-1)?.headcountEnd ?? 0,
      separations: g.months.reduce((s, m) => s + m.separations, 0),
      voluntary: g.months.reduce((s, m) => s + m.voluntary, 0),
      involuntary: g.months.reduce((s, m) => s + m.involuntary, 0),
      meanMonthlyRate: rates.length === 0 ? null : rates.reduce((s, r) => s + r, 0) / rates.length,
      trailing12Rate: g.trailing12.rate,
      earlyCohort: g.earlyAttrition90.cohortSize,
      earlySeparated: g.earlyAttrition90.separated,
      earlyRate: g.earlyAttrition90.rate,
      costCents: cost ? (costOf.get(g.key) ?? 0) : null,
    };
  });
}

/** Trailing-12 and 90-day attrition per group as two bar series. */
export function groupBars(rows: readonly GroupRow[]): CategoryChartData {
  return {
    categories: rows.map((r) => r.key),
    series: [
      { name: 'Trailing-12-month attrition', values: rows.map((r) => r.trailing12Rate) },
      { name: '90-day attrition of the range’s hires', values: rows.map((r) => r.earlyRate) },
    ],
  };
}

/** S(day) of a curve's points: the value of the last point on or before `day` (a step). */
export function survivalOn(points: readonly RetentionPointDto[], day: number): number {
  let s = 1;
  for (const p of points) {
    if (p.day > day) {
      break;
    }
    s = p.survival;
  }
  return s;
}

/** Curves drawn on the chart: at least this many hires in a group (smaller ones: table only). */
export const MIN_CURVE_AGENTS = 10;
/** At most this many curves on one chart (the palette's distinct colours); the largest groups. */
export const MAX_CURVES = 7;

/**
 * The groups' Kaplan–Meier curves for the survival chart: groups with at least `minAgents` hires
 * (or, when none has that many, all groups), the `max` largest of them, in key order.
 */
export function survivalCurves(
  curves: RetentionCurvesDto,
  minAgents = MIN_CURVE_AGENTS,
  max = MAX_CURVES,
): SurvivalCurve[] {
  const large = curves.groups.filter((g) => g.agents >= minAgents);
  // A small team may have no group that large: then its largest groups, however small.
  const shown = (large.length > 0 ? large : curves.groups.filter((g) => g.agents > 0))
    .slice()
    .sort((a, b) => b.agents - a.agents || a.key.localeCompare(b.key))
    .slice(0, max)
    .sort((a, b) => a.key.localeCompare(b.key));
  return shown.map((g) => ({
    name: `${g.key} (${g.agents})`,
    steps: g.points.map((p) => [p.day, p.survival] as const),
    followUpDays: g.followUpDays,
  }));
}

/** The what-if per period, policy beside the current trend. */
export function whatIfCharts(w: WhatIfResultDto): {
  newHires: CategoryChartData;
  cost: CategoryChartData;
  tenure: CategoryChartData;
} {
  const label = (p: number) => `P${p}`;
  const categories = ['Now', ...w.policy.periods.map((p) => label(p.period))];
  const start = w.start;
  return {
    newHires: {
      categories,
      series: [
        {
          name: 'Policy',
          values: [start.shareUnder90Days, ...w.policy.periods.map((p) => p.shareUnder90Days)],
        },
        {
          name: 'Current trend',
          values: [start.shareUnder90Days, ...w.baseline.periods.map((p) => p.shareUnder90Days)],
        },
      ],
    },
    tenure: {
      categories,
      series: [
        {
          name: 'Policy',
          values: [start.meanTenureDays, ...w.policy.periods.map((p) => p.meanTenureDays)],
        },
        {
          name: 'Current trend',
          values: [start.meanTenureDays, ...w.baseline.periods.map((p) => p.meanTenureDays)],
        },
      ],
    },
    cost: {
      categories: w.policy.periods.map((p) => label(p.period)),
      series: [
        { name: 'Policy', values: w.policy.periods.map((p) => p.costCents / 100) },
        { name: 'Current trend', values: w.baseline.periods.map((p) => p.costCents / 100) },
      ],
    },
  };
}

/** `2025-03` → a short month label in the user's locale ("Mar 25"). */
export function monthLabel(month: string, locale?: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** The first and last local dates of a `YYYY-MM` month. */
export function monthBounds(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(last).padStart(2, '0')}` };
}

/** `YYYY-MM` plus n months. */
export function addMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

const WHOLE_DOLLARS = new Map<string, Intl.NumberFormat>();

/** Integer cents as whole dollars ("$6,560"), for figures where cents are noise. */
export function wholeDollars(cents: number | null | undefined, locale?: string): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) {
    return '—';
  }
  const key = locale ?? '';
  let f = WHOLE_DOLLARS.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'USD',
      maximumFractionDigits: 0,
    });
    WHOLE_DOLLARS.set(key, f);
  }
  return f.format(cents / 100);
}

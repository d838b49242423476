import type { ErlangCResponse } from '@floorwise/contracts';
import { ComboCategoryMark, ComboChartData, ComboValueMark, formatPercent } from '@floorwise/ui';

/** The calculator's inputs as a person types them: percentages as 0–100. */
export interface ErlangFormValue {
  calls: number | null;
  intervalMinutes: 15 | 30 | 60;
  ahtSeconds: number | null;
  targetServiceLevelPercent: number | null;
  targetAnswerSeconds: number | null;
  maxOccupancyPercent: number | null;
  shrinkagePercent: number | null;
}

/** The published pyworkforce example (metrics.md §2): A = 10, 14 raw agents, 20 scheduled. */
export const ERLANG_FORM_DEFAULTS: ErlangFormValue = {
  calls: 100,
  intervalMinutes: 30,
  ahtSeconds: 180,
  targetServiceLevelPercent: 80,
  targetAnswerSeconds: 20,
  maxOccupancyPercent: 85,
  shrinkagePercent: 30,
};

/** The query of `GET /api/staffing/erlang-c` (and `/curve`): rates as fractions. */
export interface ErlangQuery {
  calls: number;
  intervalMinutes: number;
  ahtSeconds: number;
  targetServiceLevel: number;
  targetAnswerSeconds: number;
  maxOccupancy: number;
  shrinkage: number;
}

/** One point of `GET /api/staffing/erlang-c/curve`. */
export interface ErlangCurvePoint {
  agents: number;
  serviceLevel: number;
  waitProbability: number;
  asaSeconds: number | null;
  occupancy: number;
}

/** Percent to fraction without float noise: 57 → 0.57, not 0.5700000000000001. */
export function percentToFraction(percent: number): number {
  return Number((percent / 100).toFixed(10));
}

/**
 * The API query of the form, or null while a field is empty. Values are sent as typed — the API
 * judges what is possible (its 400 message is shown inline) — so the page never second-guesses
 * the formula's rules.
 */
export function erlangQuery(value: ErlangFormValue): ErlangQuery | null {
  const numbers = [
    value.calls,
    value.ahtSeconds,
    value.targetServiceLevelPercent,
    value.targetAnswerSeconds,
    value.maxOccupancyPercent,
    value.shrinkagePercent,
  ];
  if (numbers.some((n) => n === null || n === undefined || !Number.isFinite(n))) {
    return null;
  }
  return {
    calls: value.calls as number,
    intervalMinutes: value.intervalMinutes,
    ahtSeconds: value.ahtSeconds as number,
    targetServiceLevel: percentToFraction(value.targetServiceLevelPercent as number),
    targetAnswerSeconds: value.targetAnswerSeconds as number,
    maxOccupancy: percentToFraction(value.maxOccupancyPercent as number),
    shrinkage: percentToFraction(value.shrinkagePercent as number),
  };
}

/** The curve as chart data: service level and occupancy against agents, with the target marked. */
export function curveChart(
  points: readonly ErlangCurvePoint[],
  result: ErlangCResponse,
  query: ErlangQuery,
  locale?: string,
): { data: ComboChartData; valueMarks: ComboValueMark[]; categoryMarks: ComboCategoryMark[] } {
  const categories = points.map((p) => String(p.agents));
  // Two close lines (80% target, 85% cap): the higher one's label above it, the lower one's below.
  const capped = query.maxOccupancy < 1;
  const targetHigher = !capped || query.targetServiceLevel >= query.maxOccupancy;
  const valueMarks: ComboValueMark[] = [
    {
      value: query.targetServiceLevel,
      label: `Target SL ${formatPercent(query.targetServiceLevel, locale, 1)}`,
      labelAt: targetHigher ? 'above' : 'below',
    },
  ];
  if (capped) {
    valueMarks.push({
      value: query.maxOccupancy,
      label: `Max occupancy ${formatPercent(query.maxOccupancy, locale, 1)}`,
      labelAt: targetHigher ? 'below' : 'above',
    });
  }
  return {
    data: {
      categories,
      series: [
        { name: 'Service level', type: 'line', values: points.map((p) => p.serviceLevel) },
        { name: 'Occupancy', type: 'line', values: points.map((p) => p.occupancy) },
      ],
    },
    valueMarks,
    categoryMarks: [{ category: String(result.rawAgents), label: `${result.rawAgents} needed` }],
  };
}

import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  DatasetComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/** One named series of values, aligned index by index with the chart's categories. */
export interface ChartSeries {
  name: string;
  /** `null` is a gap (no data), never a zero. */
  values: readonly (number | null)[];
}

/** Data of a category chart: the categories along one axis and one or more series. */
export interface CategoryChartData {
  categories: readonly string[];
  series: readonly ChartSeries[];
}

export type ValueFormatter = (value: number) => string;

/** The option type of the echarts parts registered in `echarts-setup.ts` — nothing else is allowed. */
export type FwChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | DatasetComponentOption
>;

/** A calm palette that sits with the Material theme; colour-blind-distinguishable in its first four. */
export const CHART_PALETTE: readonly string[] = [
  '#3465a4',
  '#d08c32',
  '#4e9a76',
  '#8e6bb8',
  '#c45a5a',
  '#5aa3b8',
  '#7d7d7d',
];

/** Builds the dataset rows `[category, v1, v2, …]`; dimension names are positional so series names may repeat. */
export function datasetFor(data: CategoryChartData): DatasetComponentOption {
  return {
    dimensions: ['category', ...data.series.map((_, i) => `s${i}`)],
    source: data.categories.map((category, row) => [
      category,
      ...data.series.map((series) => series.values[row] ?? null),
    ]),
  };
}

export function tooltipValueFormatter(format: ValueFormatter | undefined) {
  return (value: unknown): string => {
    const v = Array.isArray(value) ? value[0] : value;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      return '—';
    }
    return format ? format(v) : String(v);
  };
}

export const AXIS_TEXT = { color: '#5b6169', fontSize: 11 } as const;
export const GRID_LINE = { lineStyle: { color: '#e4e7ec' } } as const;

/**
 * A short text rendering of the data for screen readers (a canvas is opaque to them):
 * "Agents — CHI: 120, DAL: 80" per series, at most `limit` categories.
 */
export function summarizeChart(
  data: CategoryChartData,
  format?: ValueFormatter,
  limit = 12,
): string {
  const show = (v: number | null | undefined) =>
    v === null || v === undefined ? 'no data' : format ? format(v) : String(v);
  return data.series
    .map((series) => {
      const parts = data.categories
        .slice(0, limit)
        .map((category, i) => `${category}: ${show(series.values[i])}`);
      const more =
        data.categories.length > limit ? `, and ${data.categories.length - limit} more` : '';
      return `${series.name} — ${parts.join(', ')}${more}`;
    })
    .join('. ');
}

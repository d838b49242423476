import type { LineSeriesOption } from 'echarts/charts';
import {
  AXIS_TEXT,
  CategoryChartData,
  CHART_PALETTE,
  datasetFor,
  FwChartOption,
  GRID_LINE,
  tooltipValueFormatter,
  ValueFormatter,
} from './chart-types';

export interface LineOptionSettings {
  valueFormatter?: ValueFormatter;
  valueAxisName?: string;
  /** Fix the value axis, e.g. `{min: 0, max: 1}` for a survival curve or a rate. */
  min?: number;
  max?: number;
  /** Shade the area under a single series. */
  area?: boolean;
  /** Step line, e.g. for a Kaplan–Meier curve. */
  step?: boolean;
  palette?: readonly string[];
}

/** Symbols clutter a dense line; they are shown only up to this many points. */
export const LINE_SYMBOL_LIMIT = 40;

/** Builds the echarts option of a line chart (pure). Gaps (`null`) stay gaps: lines are not joined across them. */
export function buildLineOption(
  data: CategoryChartData,
  settings: LineOptionSettings = {},
): FwChartOption {
  const withLegend = data.series.length > 1;
  const format = settings.valueFormatter;

  const series: LineSeriesOption[] = data.series.map((s, i) => ({
    type: 'line',
    name: s.name,
    encode: { x: 0, y: i + 1 },
    showSymbol: data.categories.length <= LINE_SYMBOL_LIMIT,
    symbolSize: 5,
    connectNulls: false,
    step: settings.step ? 'end' : undefined,
    areaStyle: settings.area && !withLegend ? { opacity: 0.12 } : undefined,
    lineStyle: { width: 2 },
    emphasis: { focus: 'series' },
  }));

  return {
    color: [...(settings.palette ?? CHART_PALETTE)],
    animationDuration: 300,
    dataset: datasetFor(data),
    grid: {
      left: 8,
      right: 16,
      top: withLegend ? 36 : settings.valueAxisName ? 28 : 12,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    legend: { show: withLegend, top: 0, left: 0, icon: 'roundRect', textStyle: AXIS_TEXT },
    tooltip: { trigger: 'axis', valueFormatter: tooltipValueFormatter(format) },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      axisLabel: { ...AXIS_TEXT, hideOverlap: true },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#c4c8cf' } },
    },
    yAxis: {
      type: 'value',
      name: settings.valueAxisName,
      nameTextStyle: AXIS_TEXT,
      min: settings.min,
      max: settings.max,
      axisLabel: { ...AXIS_TEXT, formatter: format ? (v: number) => format(v) : undefined },
      splitLine: GRID_LINE,
    },
    series,
  };
}

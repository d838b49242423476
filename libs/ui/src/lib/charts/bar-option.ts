import type { BarSeriesOption } from 'echarts/charts';
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

export interface BarOptionSettings {
  /** `horizontal` puts categories on the y axis: better for long names (teams, agents). */
  orientation?: 'vertical' | 'horizontal';
  /** Stack the series into one bar per category. */
  stacked?: boolean;
  valueFormatter?: ValueFormatter;
  /** Name of the value axis, e.g. "Agents". */
  valueAxisName?: string;
  palette?: readonly string[];
}

/** Builds the echarts option of a bar chart (pure: same data and settings give the same option). */
export function buildBarOption(
  data: CategoryChartData,
  settings: BarOptionSettings = {},
): FwChartOption {
  const horizontal = settings.orientation === 'horizontal';
  const withLegend = data.series.length > 1;
  const format = settings.valueFormatter;

  const categoryAxis = {
    type: 'category' as const,
    axisLabel: { ...AXIS_TEXT, hideOverlap: true },
    axisTick: { show: false },
    axisLine: { lineStyle: { color: '#c4c8cf' } },
    // Horizontal bars read top-down in the order given.
    inverse: horizontal,
  };
  const valueAxis = {
    type: 'value' as const,
    name: settings.valueAxisName,
    // Under horizontal bars the name sits centred below the axis, where it cannot be clipped.
    nameLocation: horizontal ? ('middle' as const) : ('end' as const),
    nameGap: horizontal ? 24 : 12,
    nameTextStyle: AXIS_TEXT,
    axisLabel: { ...AXIS_TEXT, formatter: format ? (v: number) => format(v) : undefined },
    splitLine: GRID_LINE,
  };

  const series: BarSeriesOption[] = data.series.map((s, i) => ({
    type: 'bar',
    name: s.name,
    encode: horizontal ? { y: 0, x: i + 1 } : { x: 0, y: i + 1 },
    stack: settings.stacked ? 'total' : undefined,
    barMaxWidth: 36,
    emphasis: { focus: 'series' },
  }));

  return {
    color: [...(settings.palette ?? CHART_PALETTE)],
    animationDuration: 300,
    dataset: datasetFor(data),
    grid: {
      left: 8,
      right: 16,
      top: withLegend ? 36 : settings.valueAxisName && !horizontal ? 28 : 12,
      bottom: horizontal && settings.valueAxisName ? 28 : 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    legend: { show: withLegend, top: 0, left: 0, icon: 'roundRect', textStyle: AXIS_TEXT },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: tooltipValueFormatter(format),
    },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series,
  };
}

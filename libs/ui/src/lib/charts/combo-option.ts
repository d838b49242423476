import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  AxisPointerComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { AXIS_TEXT, CHART_PALETTE, GRID_LINE, ValueFormatter } from './chart-types';
import { tooltipLine, tooltipTitle } from './chart-html';

/** The echarts parts a combo chart uses (registered in `echarts-combo-setup.ts`). */
export type FwComboOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | AxisPointerComponentOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
>;

export type ComboAxisSide = 'left' | 'right';

/** One series of a combo chart: bars or a line, in a panel, against its left or right axis. */
export interface ComboSeries {
  name: string;
  type: 'bar' | 'line';
  /** `null` is a gap (no data), never a zero. */
  values: readonly (number | null)[];
  /** Index of the panel (stacked plot area) it is drawn in; default 0. */
  panel?: number;
  axis?: ComboAxisSide;
}

export interface ComboChartData {
  categories: readonly string[];
  series: readonly ComboSeries[];
}

/** A value axis: its name (with the unit), how its values read, optional fixed bounds. */
export interface ComboAxis {
  name: string;
  format?: ValueFormatter;
  min?: number;
  max?: number;
  /** Fixed step between ticks (e.g. 0.25 for a 0–100% axis, 60 for minutes). */
  interval?: number;
}

/** A plot area with its own value axes; panels share the category axis and stack top-down. */
export interface ComboPanel {
  left: ComboAxis;
  right?: ComboAxis;
  /** Relative height among the panels; default 1. */
  weight?: number;
}

/** A horizontal reference line at a value of an axis (e.g. the target service level). */
export interface ComboValueMark {
  value: number;
  label: string;
  panel?: number;
  axis?: ComboAxisSide;
  /** Which side of the line its label sits on (two close lines: one above, one below). */
  labelAt?: 'above' | 'below';
}

/** A vertical reference line at a category (e.g. the required number of agents). */
export interface ComboCategoryMark {
  category: string;
  label: string;
  panel?: number;
}

export interface ComboOptionSettings {
  /** Default: one panel whose left axis has no name. */
  panels?: readonly ComboPanel[];
  /** Total height of the chart in pixels; panels share what axes and legend leave. */
  height?: number;
  xAxisName?: string;
  /** The text of a category on the axis; default the category itself. */
  axisLabel?: (category: string, index: number) => string;
  /** Which categories get an axis label (thinning a dense axis); default all, overlaps hidden. */
  showAxisLabel?: (category: string, index: number) => boolean;
  /** The heading of the tooltip for a category; default the axis label. */
  tooltipTitle?: (category: string, index: number) => string;
  valueMarks?: readonly ComboValueMark[];
  categoryMarks?: readonly ComboCategoryMark[];
  /** Draw the bars of a category over each other (a part inside its whole, e.g. abandoned in offered). */
  overlapBars?: boolean;
  palette?: readonly string[];
}

/** Room for axis labels beside each panel: fixed, so panels stacked top-down line up exactly. */
export const COMBO_SIDE_ROOM = 56;
const LEGEND_ROOM = 28;
const AXIS_NAME_ROOM = 22;
const PANEL_GAP = 34;
const MARK_COLOR = '#b3261e';

/** Pixel layout of the panels: top and height of each grid. */
export function comboPanelLayout(
  weights: readonly number[],
  height: number,
  withLegend: boolean,
  withXAxisName: boolean,
): { top: number; height: number }[] {
  const top = (withLegend ? LEGEND_ROOM : 0) + AXIS_NAME_ROOM;
  const bottom = 26 + (withXAxisName ? 22 : 0);
  const plot = Math.max(
    40 * weights.length,
    height - top - bottom - PANEL_GAP * (weights.length - 1),
  );
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  let y = top;
  return weights.map((weight) => {
    const h = Math.round((plot * weight) / sum);
    const grid = { top: y, height: h };
    y += h + PANEL_GAP;
    return grid;
  });
}

/**
 * Builds the option of a combo chart (pure): bars and lines over shared categories, in one or
 * more stacked panels, each with a left and optionally a right value axis. One tooltip lists
 * every series at the hovered category, each value in its own axis' format.
 */
export function buildComboOption(
  data: ComboChartData,
  settings: ComboOptionSettings = {},
): FwComboOption {
  const panels = settings.panels?.length ? settings.panels : [{ left: { name: '' } }];
  const palette = settings.palette ?? CHART_PALETTE;
  const withLegend = data.series.length > 1;
  const layout = comboPanelLayout(
    panels.map((p) => p.weight ?? 1),
    settings.height ?? 320,
    withLegend,
    Boolean(settings.xAxisName),
  );
  const anyRight = panels.some((p) => p.right);
  const hasBars = data.series.some((s) => s.type === 'bar');
  const last = panels.length - 1;
  const label = settings.axisLabel ?? ((category: string) => category);
  const show = settings.showAxisLabel;
  const title = settings.tooltipTitle ?? label;

  // y axes in panel order: left, then right when the panel has one.
  const yIndex = new Map<string, number>();
  const yAxes: NonNullable<FwComboOption['yAxis']> = [];
  panels.forEach((panel, p) => {
    for (const side of ['left', 'right'] as const) {
      const axis = panel[side];
      if (!axis) {
        continue;
      }
      yIndex.set(`${p}:${side}`, yAxes.length);
      yAxes.push({
        type: 'value',
        gridIndex: p,
        position: side,
        name: axis.name,
        nameGap: 10,
        nameTextStyle: { ...AXIS_TEXT, align: side === 'left' ? 'left' : 'right' },
        min: axis.min,
        max: axis.max,
        interval: axis.interval,
        axisLabel: {
          ...AXIS_TEXT,
          formatter: axis.format ? (v: number) => (axis.format as ValueFormatter)(v) : undefined,
        },
        // Only the left axis draws grid lines: two sets of lines would not meet.
        splitLine: side === 'left' ? GRID_LINE : { show: false },
        splitNumber: 4,
      });
    }
  });
  const axisOf = (s: { panel?: number; axis?: ComboAxisSide }) =>
    yIndex.get(`${s.panel ?? 0}:${s.axis ?? 'left'}`) ?? yIndex.get(`${s.panel ?? 0}:left`) ?? 0;
  const formatOf = (s: ComboSeries): ValueFormatter | undefined =>
    panels[s.panel ?? 0]?.[s.axis ?? 'left']?.format;

  const series: (BarSeriesOption | LineSeriesOption)[] = data.series.map((s) => {
    const common = {
      name: s.name,
      xAxisIndex: s.panel ?? 0,
      yAxisIndex: axisOf(s),
      data: s.values.map((v) => (v === null || v === undefined ? null : v)),
      emphasis: { focus: 'series' as const },
    };
    if (s.type === 'bar') {
      return {
        ...common,
        type: 'bar',
        barMaxWidth: 28,
        barGap: settings.overlapBars ? '-100%' : '10%',
      };
    }
    return {
      ...common,
      type: 'line',
      showSymbol: data.categories.length <= 40,
      symbolSize: 5,
      connectNulls: false,
      lineStyle: { width: 2 },
    };
  });

  // Reference lines ride on the first series of their panel and axis.
  const marks = new Map<number, NonNullable<MarkLineComponentOption['data']>>();
  const addMark = (
    seriesIndex: number,
    item: NonNullable<MarkLineComponentOption['data']>[number],
  ) => marks.set(seriesIndex, [...(marks.get(seriesIndex) ?? []), item]);
  for (const mark of settings.valueMarks ?? []) {
    const i = data.series.findIndex(
      (s) => (s.panel ?? 0) === (mark.panel ?? 0) && (s.axis ?? 'left') === (mark.axis ?? 'left'),
    );
    if (i >= 0) {
      addMark(i, {
        yAxis: mark.value,
        label: {
          formatter: mark.label,
          position: mark.labelAt === 'below' ? 'insideEndBottom' : 'insideEndTop',
        },
      });
    }
  }
  for (const mark of settings.categoryMarks ?? []) {
    const i = data.series.findIndex((s) => (s.panel ?? 0) === (mark.panel ?? 0));
    if (i >= 0 && data.categories.includes(mark.category)) {
      // Above the top of the plot, level: a label along a vertical line is hard to read.
      addMark(i, {
        xAxis: mark.category,
        label: { formatter: mark.label, position: 'end', rotate: 0 },
      });
    }
  }
  for (const [i, items] of marks) {
    series[i] = {
      ...series[i],
      markLine: {
        silent: true,
        symbol: 'none',
        animation: false,
        lineStyle: { color: MARK_COLOR, type: 'dashed', width: 1.5 },
        label: { color: MARK_COLOR, fontSize: 11, fontWeight: 600 },
        data: items,
      },
    } as BarSeriesOption | LineSeriesOption;
  }

  const xAxes: NonNullable<FwComboOption['xAxis']> = panels.map((_, p) => ({
    type: 'category',
    gridIndex: p,
    data: [...data.categories],
    // Bars need a band per category; every panel uses the same so their columns line up.
    boundaryGap: hasBars,
    name: p === last ? settings.xAxisName : undefined,
    nameLocation: 'middle',
    nameGap: 30,
    nameTextStyle: AXIS_TEXT,
    axisTick: { show: false },
    axisLine: { lineStyle: { color: '#c4c8cf' } },
    axisLabel:
      p === last
        ? {
            ...AXIS_TEXT,
            hideOverlap: true,
            interval: show ? (index: number, value: string) => show(value, index) : 'auto',
            formatter: (value: string, index: number) => label(value, index),
          }
        : { show: false },
  }));

  const tooltipFormatter = (params: unknown): string => {
    const list = (Array.isArray(params) ? params : [params]) as { dataIndex?: number }[];
    const index = list[0]?.dataIndex;
    if (index === undefined || index < 0 || index >= data.categories.length) {
      return '';
    }
    const lines = data.series.map((s, i) => {
      const v = s.values[index];
      const format = formatOf(s);
      const text = v === null || v === undefined ? '—' : format ? format(v) : String(v);
      return tooltipLine(s.name, text, palette[i % palette.length]);
    });
    return tooltipTitle(title(data.categories[index], index)) + lines.join('');
  };

  return {
    color: [...palette],
    animationDuration: 300,
    grid: layout.map((g) => ({
      left: COMBO_SIDE_ROOM,
      right: anyRight ? COMBO_SIDE_ROOM : 16,
      top: g.top,
      height: g.height,
      outerBoundsMode: 'none',
    })),
    legend: {
      show: withLegend,
      // One line that scrolls on a narrow screen, instead of wrapping over the plot.
      type: 'scroll',
      top: 0,
      left: 0,
      right: 0,
      icon: 'roundRect',
      textStyle: AXIS_TEXT,
      data: data.series.map((s) => s.name),
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: hasBars ? 'shadow' : 'line' },
      formatter: tooltipFormatter,
    },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    xAxis: xAxes,
    yAxis: yAxes,
    series,
  };
}

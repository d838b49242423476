import type { BarSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { AXIS_TEXT, CHART_PALETTE, GRID_LINE, ValueFormatter } from './chart-types';

/** The echarts parts the interval chart uses (registered in `echarts-interval-setup.ts`). */
export type FwIntervalOption = ComposeOption<
  | BarSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
>;

/** One estimate with its confidence interval (e.g. an exit rate and its Wilson 95 % interval). */
export interface IntervalRow {
  label: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** What the estimate rests on, shown in the tooltip and the label ("3 of 6"). */
  note?: string;
}

export interface IntervalOptionSettings {
  valueFormatter?: ValueFormatter;
  /** A reference value drawn as a vertical line (e.g. the overall rate). */
  reference?: { value: number; label: string } | null;
  max?: number;
}

/**
 * A forest plot, one row per category: a light bar from the interval's lower to upper bound and
 * a dot at the estimate, with an optional reference line. Pure: builds the echarts option only.
 * Categories run top-down in the given order.
 */
export function buildIntervalOption(
  rows: readonly IntervalRow[],
  settings: IntervalOptionSettings = {},
): FwIntervalOption {
  const format = settings.valueFormatter ?? ((v: number) => String(v));
  const labels = rows.map((r) => (r.note ? `${r.label}  (${r.note})` : r.label));
  const color = CHART_PALETTE[0];
  return {
    animationDuration: 300,
    grid: {
      left: 8,
      right: 24,
      top: settings.reference ? 24 : 8,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const i = (p as { dataIndex: number }).dataIndex;
        const r = rows[i];
        if (!r || r.value === null) {
          return `${r?.label ?? ''}: no data`;
        }
        const ci =
          r.lower !== null && r.upper !== null
            ? ` (95 % CI ${format(r.lower)}–${format(r.upper)})`
            : '';
        return `${r.label}: ${format(r.value)}${ci}${r.note ? ` — ${r.note}` : ''}`;
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: settings.max,
      axisLabel: { ...AXIS_TEXT, formatter: (v: number) => format(v) },
      splitLine: GRID_LINE,
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: labels,
      axisLabel: AXIS_TEXT,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#c4c8cf' } },
    },
    series: [
      {
        type: 'bar',
        name: 'base',
        stack: 'ci',
        silent: true,
        itemStyle: { color: 'transparent' },
        data: rows.map((r) => r.lower),
        barWidth: 10,
      },
      {
        type: 'bar',
        name: '95 % interval',
        stack: 'ci',
        itemStyle: { color, opacity: 0.22, borderRadius: 5 },
        data: rows.map((r) => (r.lower !== null && r.upper !== null ? r.upper - r.lower : null)),
        barWidth: 10,
        markLine: settings.reference
          ? {
              symbol: 'none',
              silent: true,
              lineStyle: { color: '#7d7d7d', type: 'dashed' },
              // Named in the panel's text: a label here would sit on the axis labels.
              label: { show: false },
              data: [{ xAxis: settings.reference.value }],
            }
          : undefined,
      },
      {
        type: 'scatter',
        name: 'estimate',
        symbolSize: 10,
        itemStyle: { color },
        data: rows.map((r) => r.value),
        z: 3,
      },
    ],
  };
}

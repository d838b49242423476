import type { HeatmapSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { AXIS_TEXT, ValueFormatter } from './chart-types';
import { tooltipLine, tooltipTitle } from './chart-html';

/** The echarts parts a heatmap uses (registered in `echarts-heatmap-setup.ts`). */
export type FwHeatmapOption = ComposeOption<
  HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

/** A line of a cell's tooltip, already formatted. */
export interface HeatmapDetail {
  label: string;
  value: string;
}

/** One cell: column `x`, row `y` (indexes into the categories), its value and tooltip details. */
export interface HeatmapCell {
  x: number;
  y: number;
  /** `null` is no data: the cell stays blank. */
  value: number | null;
  details?: readonly HeatmapDetail[];
}

/** A grid of values: columns (e.g. intervals of the day) by rows (e.g. dates). */
export interface HeatmapData {
  columns: readonly string[];
  rows: readonly string[];
  cells: readonly HeatmapCell[];
}

export interface HeatmapOptionSettings {
  /** What the colour means, e.g. "Scheduled agents" (legend and tooltip). */
  valueName: string;
  valueFormatter?: ValueFormatter;
  columnAxisName?: string;
  rowAxisName?: string;
  /** Columns down the side and rows across the top: a tall grid for a narrow screen. */
  transpose?: boolean;
  /** Print each value in its cell; zero cells stay unlabelled. Default true. */
  showValues?: boolean;
  /** Which columns get an axis label (thinning); default all, overlaps hidden. */
  showColumnLabel?: (column: string, index: number) => boolean;
  /** The text of a row on its axis (e.g. two short lines when rows run across a phone). */
  rowLabel?: (row: string, index: number) => string;
  /** Tooltip heading of a cell; default "row · column". */
  cellTitle?: (column: string, row: string) => string;
  /** Colours from the lowest to the highest value. */
  colors?: readonly string[];
  /**
   * A diverging scale centred on zero (e.g. staffed − required: short red, over blue): the colour
   * range runs from −m to +m where m is the largest absolute value, with `DIVERGING_COLORS`
   * unless `colors` is given. Default: 0 to the largest value.
   */
  diverging?: boolean;
}

/** Red (short) through near-white (even) to blue (over). */
export const DIVERGING_COLORS: readonly string[] = [
  '#9f1d1d',
  '#e0605a',
  '#f7d4cf',
  '#f5f7fa',
  '#c9daf0',
  '#5b8bd0',
  '#1c3f7a',
];

/** Light to dark: the darker a cell, the more it needs. */
export const HEATMAP_COLORS: readonly string[] = [
  '#f3f6fb',
  '#c6d6ee',
  '#6f95cc',
  '#3465a4',
  '#1c3559',
];

/** A label is printed white once its cell is past this share of the scale (the dark end). */
const DARK_SHARE = 0.55;

/**
 * Builds the option of a heatmap (pure). The colour scale runs from 0 to the largest value,
 * with a legend under the grid; each cell's tooltip lists its details.
 */
export function buildHeatmapOption(
  data: HeatmapData,
  settings: HeatmapOptionSettings,
): FwHeatmapOption {
  const transpose = settings.transpose ?? false;
  const format = settings.valueFormatter ?? ((v: number) => String(v));
  const diverging = settings.diverging ?? false;
  const max = Math.max(
    1,
    ...data.cells.map((c) =>
      c.value === null || !Number.isFinite(c.value) ? 0 : diverging ? Math.abs(c.value) : c.value,
    ),
  );
  const min = diverging ? -max : 0;
  const showValues = settings.showValues ?? true;
  const title = settings.cellTitle ?? ((column: string, row: string) => `${row} · ${column}`);
  const colors = settings.colors ?? (diverging ? DIVERGING_COLORS : HEATMAP_COLORS);

  const columnAxis = {
    type: 'category' as const,
    data: [...data.columns],
    name: settings.columnAxisName,
    nameTextStyle: AXIS_TEXT,
    axisTick: { show: false },
    axisLine: { show: false },
    splitArea: { show: false },
    axisLabel: {
      ...AXIS_TEXT,
      hideOverlap: true,
      interval: settings.showColumnLabel
        ? (index: number, value: string) =>
            (settings.showColumnLabel as NonNullable<HeatmapOptionSettings['showColumnLabel']>)(
              value,
              index,
            )
        : 0,
    },
  };
  const rowAxis = {
    type: 'category' as const,
    data: [...data.rows],
    name: settings.rowAxisName,
    nameTextStyle: AXIS_TEXT,
    axisTick: { show: false },
    axisLine: { show: false },
    axisLabel: {
      ...AXIS_TEXT,
      interval: 0,
      // Room for a two-line label (weekday over day).
      lineHeight: 14,
      formatter: settings.rowLabel
        ? (value: string, index: number) =>
            (settings.rowLabel as NonNullable<HeatmapOptionSettings['rowLabel']>)(value, index)
        : undefined,
    },
  };

  const cells = data.cells.map((cell) => {
    const value = cell.value === null || !Number.isFinite(cell.value) ? '-' : cell.value;
    // diverging: both ends are dark (deep red, deep blue), the middle light
    const dark =
      typeof value === 'number' && (diverging ? Math.abs(value) : value) / max > DARK_SHARE;
    return {
      value: transpose ? [cell.y, cell.x, value] : [cell.x, cell.y, value],
      label: { color: dark ? '#ffffff' : '#1d2733' },
    };
  });

  const tooltipFormatter = (params: unknown): string => {
    const index = (params as { dataIndex?: number }).dataIndex;
    const cell = index === undefined ? undefined : data.cells[index];
    if (!cell) {
      return '';
    }
    const head = tooltipTitle(title(data.columns[cell.x] ?? '', data.rows[cell.y] ?? ''));
    const value = tooltipLine(settings.valueName, cell.value === null ? '—' : format(cell.value));
    const details = (cell.details ?? []).map((d) => tooltipLine(d.label, d.value)).join('');
    return head + value + details;
  };

  return {
    animation: false,
    grid: {
      left: 8,
      right: 8,
      top: transpose ? 44 : settings.columnAxisName ? 24 : 8,
      bottom: 64,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: { trigger: 'item', confine: true, formatter: tooltipFormatter },
    xAxis: transpose
      ? { ...rowAxis, position: 'top' }
      : { ...columnAxis, nameLocation: 'middle', nameGap: 26 },
    // The first row (or column, transposed) reads at the top.
    yAxis: transpose ? { ...columnAxis, inverse: true } : { ...rowAxis, inverse: true },
    visualMap: {
      type: 'continuous',
      min,
      max,
      dimension: 2,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemWidth: 12,
      itemHeight: 160,
      text: [`${format(max)} ${settings.valueName.toLowerCase()}`, format(min)],
      textStyle: AXIS_TEXT,
      inRange: { color: [...colors] },
    },
    series: [
      {
        type: 'heatmap',
        name: settings.valueName,
        data: cells,
        itemStyle: { borderColor: '#ffffff', borderWidth: 1, borderRadius: 2 },
        label: {
          show: showValues,
          fontSize: 10,
          formatter: (p: { value?: unknown }) => {
            const v = Array.isArray(p.value) ? p.value[2] : null;
            return typeof v === 'number' && v !== 0 ? format(v) : '';
          },
        },
        emphasis: { itemStyle: { borderColor: '#1d2733', borderWidth: 1 } },
      },
    ],
  };
}

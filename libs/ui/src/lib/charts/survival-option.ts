import type { LineSeriesOption } from 'echarts/charts';
import { AXIS_TEXT, CHART_PALETTE, FwChartOption, GRID_LINE, ValueFormatter } from './chart-types';

/** One survival (retention) curve: its steps and how far its data reach. */
export interface SurvivalCurve {
  name: string;
  /** Steps `[day, survival]`, ascending by day; survival holds until the next step. */
  steps: readonly (readonly [number, number])[];
  /** The last day the curve is known (the longest tenure observed); the line stops there. */
  followUpDays: number;
}

export interface SurvivalOptionSettings {
  /** Days shown along the axis. */
  horizonDays: number;
  valueFormatter?: ValueFormatter;
  /** Days between ticks of the day axis; default 30, 90 or 365 by horizon. */
  tickDays?: number;
  palette?: readonly string[];
}

/** Ticks that read as months, quarters or years for the horizon. */
export function survivalTickDays(horizonDays: number): number {
  if (horizonDays <= 200) {
    return 30;
  }
  return horizonDays <= 800 ? 90 : 365;
}

/** The line's data: the steps up to the horizon, and the flat tail to the follow-up or horizon. */
export function survivalLine(curve: SurvivalCurve, horizonDays: number): [number, number][] {
  const end = Math.min(curve.followUpDays, horizonDays);
  const out: [number, number][] = [];
  for (const [day, s] of curve.steps) {
    if (day > end) {
      break;
    }
    out.push([day, s]);
  }
  if (out.length === 0) {
    out.push([0, 1]);
  }
  const last = out[out.length - 1];
  if (last[0] < end) {
    out.push([end, last[1]]);
  }
  return out;
}

/**
 * Kaplan–Meier curves on a day axis (pure): exact steps (`step: 'end'` — the level holds until
 * the next step, then drops), each line ending where its group's data end, survival 0–100 %.
 */
export function buildSurvivalOption(
  curves: readonly SurvivalCurve[],
  settings: SurvivalOptionSettings,
): FwChartOption {
  const format = settings.valueFormatter ?? ((v: number) => `${Math.round(v * 100)}%`);
  const series: LineSeriesOption[] = curves.map((c) => ({
    type: 'line',
    name: c.name,
    step: 'end',
    showSymbol: false,
    lineStyle: { width: 2 },
    emphasis: { focus: 'series' },
    data: survivalLine(c, settings.horizonDays),
  }));
  return {
    color: [...(settings.palette ?? CHART_PALETTE)],
    animationDuration: 300,
    grid: {
      left: 8,
      right: 20,
      top: curves.length > 1 ? 40 : 12,
      bottom: 24,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    legend: { show: curves.length > 1, top: 0, left: 0, icon: 'roundRect', textStyle: AXIS_TEXT },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? format(v) : '—'),
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: settings.horizonDays,
      interval: settings.tickDays ?? survivalTickDays(settings.horizonDays),
      name: 'days of tenure',
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: AXIS_TEXT,
      axisLabel: AXIS_TEXT,
      splitLine: GRID_LINE,
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 1,
      interval: 0.25,
      axisLabel: { ...AXIS_TEXT, formatter: (v: number) => format(v) },
      splitLine: GRID_LINE,
    },
    series,
  };
}

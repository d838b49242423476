import * as echarts from 'echarts';
import { num } from './figures';

export interface GrowthPoint {
  agents: number;
  calls: number;
  importRowsPerSecond: number;
  psqlRowsPerSecond: number;
  memory1MB: number;
  memory4MB: number;
  oursIntervalMs: number;
  oursAgentMs: number;
  rawIntervalMs: number;
  rawAgentMs: number;
}

interface Panel {
  title: string;
  unit: string;
  log: boolean;
  series: { name: string; pick: (p: GrowthPoint) => number }[];
}

const PANELS: Panel[] = [
  {
    title: 'GET /api/calls/stats, one month (median ms, log scale)',
    unit: 'ms',
    log: true,
    series: [
      { name: 'ours by interval', pick: (p) => p.oursIntervalMs },
      { name: 'ours by agent', pick: (p) => p.oursAgentMs },
      { name: 'raw GROUP BY by interval', pick: (p) => p.rawIntervalMs },
      { name: 'raw GROUP BY by agent', pick: (p) => p.rawAgentMs },
    ],
  },
  {
    title: 'Calls import, 1,000,000 rows into an empty table (rows/s)',
    unit: 'rows/s',
    log: false,
    series: [
      { name: 'ours over HTTP', pick: (p) => p.importRowsPerSecond },
      { name: 'psql \\copy', pick: (p) => p.psqlRowsPerSecond },
    ],
  },
  {
    title: 'API memory during the import (peak RSS − idle, MB)',
    unit: 'MB',
    log: false,
    series: [
      { name: '1,000,000 rows', pick: (p) => p.memory1MB },
      { name: '4,000,000 rows', pick: (p) => p.memory4MB },
    ],
  },
];

const COLORS = ['#1565c0', '#2e7d32', '#c62828', '#ef6c00'];

/** Each cost against the number of agents, as an SVG (echarts server-side rendering). */
export function renderGrowthSvg(points: readonly GrowthPoint[]): string {
  const width = 960;
  const panelHeight = 300;
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width,
    height: panelHeight * PANELS.length + 40,
  });
  const xs = points.map((p) => p.agents);
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: 'Helvetica, Arial, sans-serif' },
    color: COLORS,
    title: PANELS.map((panel, i) => ({
      text: panel.title,
      left: 20,
      top: 10 + i * panelHeight,
      textStyle: { fontSize: 14, fontWeight: 'bold' },
    })),
    legend: PANELS.map((panel, i) => ({
      data: panel.series.map((s) => s.name),
      top: 34 + i * panelHeight,
      left: 20,
      textStyle: { fontSize: 11 },
    })),
    grid: PANELS.map((_, i) => ({
      left: 90,
      right: 40,
      top: 70 + i * panelHeight,
      height: panelHeight - 125,
    })),
    xAxis: PANELS.map((_, i) => ({
      gridIndex: i,
      type: 'log',
      logBase: 10,
      min: Math.min(...xs) * 0.8,
      max: Math.max(...xs) * 1.25,
      name: 'agents (12 months of calls)',
      nameLocation: 'middle',
      nameGap: 26,
      axisLabel: {
        formatter: (v: number) => (xs.includes(Math.round(v)) ? num(Math.round(v)) : ''),
      },
      splitLine: { show: false },
    })),
    yAxis: PANELS.map((panel, i) => ({
      gridIndex: i,
      type: panel.log ? 'log' : 'value',
      name: panel.unit,
      nameTextStyle: { fontSize: 11 },
      min: panel.log ? undefined : 0,
      axisLabel: { formatter: (v: number) => num(v, v < 10 && v !== 0 ? 1 : 0) },
    })),
    series: PANELS.flatMap((panel, i) =>
      panel.series.map((s) => ({
        name: s.name,
        type: 'line',
        xAxisIndex: i,
        yAxisIndex: i,
        symbolSize: 7,
        label: {
          show: true,
          fontSize: 10,
          formatter: (p: { value: [number, number] }) => num(p.value[1], p.value[1] < 10 ? 1 : 0),
        },
        data: points.map((p) => [p.agents, s.pick(p)]),
      })),
    ),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** One sentence per cost: flat when it changes by less than half from the smallest to the largest scale. */
export function growthSentences(points: readonly GrowthPoint[]): string[] {
  const first = points[0];
  const last = points[points.length - 1];
  const flat: string[] = [];
  const grows: string[] = [];
  for (const panel of PANELS) {
    for (const s of panel.series) {
      const a = s.pick(first);
      const b = s.pick(last);
      const factor = b / a;
      const name = `${s.name} (${panel.unit === 'ms' ? 'stats' : panel.unit === 'MB' ? 'memory' : 'import'})`;
      const text = `${name}: ${num(a, a < 10 ? 1 : 0)} → ${num(b, b < 10 ? 1 : 0)} ${panel.unit} (×${num(factor, 2)})`;
      if (factor > 1 / 1.5 && factor < 1.5) {
        flat.push(text);
      } else {
        grows.push(text);
      }
    }
  }
  return [
    `From ${num(first.agents)} to ${num(last.agents)} agents (${num(first.calls)} → ${num(last.calls)} calls, ×${num(
      last.calls / first.calls,
      1,
    )}):`,
    `- **stay flat** (within ×1.5): ${flat.length > 0 ? flat.join('; ') : 'none'}.`,
    `- **change with size**: ${grows.length > 0 ? grows.join('; ') : 'none'}.`,
  ];
}

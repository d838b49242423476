import {
  buildComboOption,
  COMBO_SIDE_ROOM,
  comboPanelLayout,
  ComboChartData,
} from './combo-option';

interface Inspected {
  grid: { left: number; right: number; top: number; height: number }[];
  legend: { show: boolean; type: string; data: string[] };
  xAxis: {
    gridIndex: number;
    data: string[];
    boundaryGap: boolean;
    name?: string;
    axisLabel: {
      show?: boolean;
      interval?: ((i: number, v: string) => boolean) | string;
      formatter?: (v: string, i: number) => string;
    };
  }[];
  yAxis: {
    gridIndex: number;
    position: string;
    name: string;
    min?: number;
    max?: number;
    axisLabel: { formatter?: (v: number) => string };
  }[];
  series: {
    type: string;
    name: string;
    xAxisIndex: number;
    yAxisIndex: number;
    data: (number | null)[];
    connectNulls?: boolean;
    markLine?: { data: { yAxis?: number; xAxis?: string; label: object }[] };
  }[];
  tooltip: { trigger: string; formatter: (p: unknown) => string };
  axisPointer: { link: unknown[] };
}
const inspect = (option: unknown) => option as Inspected;

const pct = (v: number) => `${Math.round(v * 100)}%`;
const mss = (v: number) => `${Math.floor(v / 60)}:${String(Math.round(v % 60)).padStart(2, '0')}`;

const service: ComboChartData = {
  categories: ['2025-03-03T09:00', '2025-03-03T10:00', '2025-03-03T11:00'],
  series: [
    { name: 'Offered', type: 'bar', values: [120, 95, 0] },
    { name: 'Abandoned', type: 'bar', values: [6, 2, 0] },
    { name: 'Service level', type: 'line', panel: 1, values: [0.82, 0.9, null] },
    { name: 'ASA', type: 'line', panel: 1, axis: 'right', values: [14, 9.5, null] },
  ],
};
const panels = [
  { left: { name: 'Calls' }, weight: 3 },
  {
    left: { name: 'SL', format: pct, min: 0, max: 1, interval: 0.25 },
    right: { name: 'ASA (m:ss)', format: mss },
    weight: 2,
  },
];

describe('buildComboOption', () => {
  it('stacks one grid per panel with the same side room, so columns line up', () => {
    const option = inspect(buildComboOption(service, { panels, height: 400 }));
    expect(option.grid).toHaveLength(2);
    expect(option.grid.map((g) => [g.left, g.right])).toEqual([
      [COMBO_SIDE_ROOM, COMBO_SIDE_ROOM],
      [COMBO_SIDE_ROOM, COMBO_SIDE_ROOM],
    ]);
    expect(option.grid[1].top).toBeGreaterThan(option.grid[0].top + option.grid[0].height);
    expect(option.grid[0].height).toBeGreaterThan(option.grid[1].height);
    expect(option.axisPointer.link).toEqual([{ xAxisIndex: 'all' }]);
  });

  it('puts bars on the first panel and each line on its own axis of the second', () => {
    const option = inspect(buildComboOption(service, { panels }));
    expect(option.yAxis.map((a) => [a.gridIndex, a.position, a.name])).toEqual([
      [0, 'left', 'Calls'],
      [1, 'left', 'SL'],
      [1, 'right', 'ASA (m:ss)'],
    ]);
    expect(option.series.map((s) => [s.type, s.xAxisIndex, s.yAxisIndex])).toEqual([
      ['bar', 0, 0],
      ['bar', 0, 0],
      ['line', 1, 1],
      ['line', 1, 2],
    ]);
    expect(option.yAxis[1]).toMatchObject({ min: 0, max: 1, interval: 0.25 });
    expect(option.yAxis[1].axisLabel.formatter?.(0.8)).toBe('80%');
    expect(option.yAxis[2].axisLabel.formatter?.(75)).toBe('1:15');
  });

  it('keeps gaps as gaps: a line is not joined across an interval without calls', () => {
    const option = inspect(buildComboOption(service, { panels }));
    expect(option.series[2].data).toEqual([0.82, 0.9, null]);
    expect(option.series[2].connectNulls).toBe(false);
  });

  it('labels only the bottom category axis, thinned and formatted as asked', () => {
    const option = inspect(
      buildComboOption(service, {
        panels,
        xAxisName: 'Interval start',
        axisLabel: (c) => c.slice(11),
        showAxisLabel: (_c, i) => i % 2 === 0,
      }),
    );
    expect(option.xAxis.map((x) => x.boundaryGap)).toEqual([true, true]);
    expect(option.xAxis[0].axisLabel.show).toBe(false);
    expect(option.xAxis[0].name).toBeUndefined();
    expect(option.xAxis[1].name).toBe('Interval start');
    const interval = option.xAxis[1].axisLabel.interval as (i: number, v: string) => boolean;
    expect([0, 1, 2].map((i) => interval(i, service.categories[i]))).toEqual([true, false, true]);
    expect(option.xAxis[1].axisLabel.formatter?.('2025-03-03T09:00', 0)).toBe('09:00');
  });

  it('lists every series of every panel in one tooltip, each in its own format', () => {
    const option = inspect(
      buildComboOption(service, { panels, tooltipTitle: (c) => `Mon ${c.slice(11)}` }),
    );
    expect(option.tooltip.trigger).toBe('axis');
    const html = option.tooltip.formatter([{ dataIndex: 0 }]);
    expect(html).toContain('Mon 09:00');
    expect(html).toContain('Offered');
    expect(html).toContain('<b style="font-variant-numeric:tabular-nums">120</b>');
    expect(html).toContain('>82%</b>');
    expect(html).toContain('>0:14</b>');
    expect(option.tooltip.formatter([{ dataIndex: 2 }])).toContain('>—</b>');
  });

  it('escapes names in the tooltip', () => {
    const option = inspect(
      buildComboOption({
        categories: ['<b>'],
        series: [{ name: 'a<script>', type: 'bar', values: [1] }],
      }),
    );
    const html = option.tooltip.formatter({ dataIndex: 0 });
    expect(html).not.toContain('<script>');
    expect(html).toContain('a&lt;script&gt;');
    expect(html).toContain('&lt;b&gt;');
  });

  it('draws a target line on the value axis and a line at a category', () => {
    const curve: ComboChartData = {
      categories: ['11', '12', '13', '14', '15'],
      series: [
        { name: 'Service level', type: 'line', values: [0.2, 0.5, 0.7, 0.88, 0.95] },
        { name: 'Occupancy', type: 'line', values: [0.9, 0.83, 0.77, 0.71, 0.67] },
      ],
    };
    const option = inspect(
      buildComboOption(curve, {
        panels: [{ left: { name: 'Share', format: pct, min: 0, max: 1 } }],
        valueMarks: [
          { value: 0.8, label: 'Target 80%', labelAt: 'below' },
          { value: 0.85, label: 'Cap 85%' },
        ],
        categoryMarks: [
          { category: '14', label: 'Need 14' },
          { category: '99', label: 'off the axis' },
        ],
      }),
    );
    expect(option.series[0].markLine?.data).toEqual([
      { yAxis: 0.8, label: { formatter: 'Target 80%', position: 'insideEndBottom' } },
      { yAxis: 0.85, label: { formatter: 'Cap 85%', position: 'insideEndTop' } },
      { xAxis: '14', label: { formatter: 'Need 14', position: 'end', rotate: 0 } },
    ]);
    expect(option.series[1].markLine).toBeUndefined();
    expect(option.xAxis[0].boundaryGap).toBe(false);
    expect(option.grid[0].right).toBe(16);
  });

  it('shows a legend only for several series, on one scrolling line', () => {
    expect(inspect(buildComboOption(service, { panels })).legend).toMatchObject({
      show: true,
      type: 'scroll',
      data: ['Offered', 'Abandoned', 'Service level', 'ASA'],
    });
    const one = { categories: ['a'], series: [{ name: 'x', type: 'bar' as const, values: [1] }] };
    expect(inspect(buildComboOption(one)).legend.show).toBe(false);
  });
});

describe('buildComboOption bars', () => {
  it('draws a part over its whole when asked (abandoned inside offered)', () => {
    const bars = (overlapBars: boolean) =>
      (buildComboOption(service, { panels, overlapBars }).series as { barGap?: string }[])
        .slice(0, 2)
        .map((s) => s.barGap);
    expect(bars(true)).toEqual(['-100%', '-100%']);
    expect(bars(false)).toEqual(['10%', '10%']);
  });
});

describe('comboPanelLayout', () => {
  it('shares the height by weight below the legend and above the axis name', () => {
    const [a, b] = comboPanelLayout([3, 2], 400, true, true);
    expect(a.top).toBe(50);
    expect(a.height / b.height).toBeCloseTo(1.5, 1);
    expect(b.top + b.height).toBeLessThanOrEqual(400 - 48);
  });
});

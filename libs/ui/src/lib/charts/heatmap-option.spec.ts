import { buildHeatmapOption, HeatmapData } from './heatmap-option';

interface Inspected {
  xAxis: { data: string[]; position?: string; axisLabel: { interval: unknown } };
  yAxis: { data: string[]; inverse: boolean };
  visualMap: {
    min: number;
    max: number;
    dimension: number;
    text: string[];
    inRange: { color: string[] };
  };
  series: {
    type: string;
    data: { value: (number | string)[]; label: { color: string } }[];
    label: { show: boolean; formatter: (p: { value?: unknown }) => string };
  }[];
  tooltip: { trigger: string; formatter: (p: unknown) => string };
}
const inspect = (option: unknown) => option as Inspected;

const week: HeatmapData = {
  columns: ['08:00', '08:30', '09:00'],
  rows: ['Mon 3 Mar', 'Tue 4 Mar'],
  cells: [
    { x: 0, y: 0, value: 0 },
    { x: 1, y: 0, value: 6 },
    { x: 2, y: 0, value: 20, details: [{ label: 'Offered calls', value: '100' }] },
    { x: 0, y: 1, value: 2 },
    { x: 1, y: 1, value: null },
    { x: 2, y: 1, value: 18 },
  ],
};

describe('buildHeatmapOption', () => {
  it('puts intervals across, dates down (first date on top), one cell per value', () => {
    const option = inspect(buildHeatmapOption(week, { valueName: 'Scheduled agents' }));
    expect(option.xAxis.data).toEqual(week.columns);
    expect(option.yAxis).toMatchObject({ data: week.rows, inverse: true });
    expect(option.series[0].type).toBe('heatmap');
    expect(option.series[0].data.map((d) => d.value)).toEqual([
      [0, 0, 0],
      [1, 0, 6],
      [2, 0, 20],
      [0, 1, 2],
      [1, 1, '-'],
      [2, 1, 18],
    ]);
  });

  it('colours from zero to the largest value, with a legend that names it', () => {
    const option = inspect(buildHeatmapOption(week, { valueName: 'Scheduled agents' }));
    expect(option.visualMap).toMatchObject({ min: 0, max: 20, dimension: 2 });
    expect(option.visualMap.text).toEqual(['20 scheduled agents', '0']);
    expect(option.visualMap.inRange.color.length).toBeGreaterThan(1);
  });

  it('keeps a scale for an all-zero week', () => {
    const idle: HeatmapData = {
      columns: ['08:00'],
      rows: ['Mon'],
      cells: [{ x: 0, y: 0, value: 0 }],
    };
    expect(inspect(buildHeatmapOption(idle, { valueName: 'Agents' })).visualMap.max).toBe(1);
  });

  it('prints values in their cells, white on dark cells, and leaves zeros blank', () => {
    const option = inspect(buildHeatmapOption(week, { valueName: 'Scheduled agents' }));
    const series = option.series[0];
    expect(series.label.show).toBe(true);
    expect(series.label.formatter({ value: [2, 0, 20] })).toBe('20');
    expect(series.label.formatter({ value: [0, 0, 0] })).toBe('');
    expect(series.data[2].label.color).toBe('#ffffff');
    expect(series.data[1].label.color).not.toBe('#ffffff');
    expect(
      inspect(buildHeatmapOption(week, { valueName: 'x', showValues: false })).series[0].label.show,
    ).toBe(false);
  });

  it('shows the cell, its value and its details in the tooltip', () => {
    const option = inspect(
      buildHeatmapOption(week, {
        valueName: 'Scheduled agents',
        cellTitle: (column, row) => `${row}, ${column}`,
      }),
    );
    const html = option.tooltip.formatter({ dataIndex: 2 });
    expect(html).toContain('Mon 3 Mar, 09:00');
    expect(html).toContain('Scheduled agents');
    expect(html).toContain('>20</b>');
    expect(html).toContain('Offered calls');
    expect(html).toContain('>100</b>');
    expect(option.tooltip.formatter({ dataIndex: 4 })).toContain('>—</b>');
  });

  it('transposes for a narrow screen: dates across the top, intervals down', () => {
    const option = inspect(buildHeatmapOption(week, { valueName: 'Agents', transpose: true }));
    expect(option.xAxis).toMatchObject({ data: week.rows, position: 'top' });
    expect(option.yAxis).toMatchObject({ data: week.columns, inverse: true });
    expect(option.series[0].data[2].value).toEqual([0, 2, 20]);
  });

  it('writes row labels as asked, e.g. on two lines across a phone', () => {
    const option = buildHeatmapOption(week, {
      valueName: 'Agents',
      transpose: true,
      rowLabel: (row) => row.replace(' ', '\n'),
    }) as unknown as { xAxis: { axisLabel: { formatter: (v: string, i: number) => string } } };
    expect(option.xAxis.axisLabel.formatter('Mon 3 Mar', 0)).toBe('Mon\n3 Mar');
  });

  it('thins the interval labels as asked', () => {
    const option = inspect(
      buildHeatmapOption(week, {
        valueName: 'Agents',
        showColumnLabel: (column) => column.endsWith(':00'),
      }),
    );
    const interval = option.xAxis.axisLabel.interval as (i: number, v: string) => boolean;
    expect(week.columns.map((c, i) => interval(i, c))).toEqual([true, false, true]);
  });
});

describe('buildHeatmapOption with a diverging scale', () => {
  const gap: HeatmapData = {
    columns: ['09:00', '09:30'],
    rows: ['Mon'],
    cells: [
      { x: 0, y: 0, value: -6 },
      { x: 1, y: 0, value: 2 },
    ],
  };

  it('centres the colours on zero, from minus to plus the largest absolute value', () => {
    const option = inspect(buildHeatmapOption(gap, { valueName: 'Gap', diverging: true }));
    expect(option.visualMap).toMatchObject({ min: -6, max: 6, text: ['6 gap', '-6'] });
    expect(option.visualMap.inRange.color[0]).toBe('#9f1d1d');
    // both ends are dark: a deep-red shortfall gets a white label, a small surplus a dark one
    expect(option.series[0].data.map((d) => d.label.color)).toEqual(['#ffffff', '#1d2733']);
    expect(option.series[0].label.formatter({ value: [0, 0, -6] })).toBe('-6');
  });
});

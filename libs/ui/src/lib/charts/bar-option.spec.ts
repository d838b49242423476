import { buildBarOption } from './bar-option';
import { CategoryChartData, CHART_PALETTE, summarizeChart } from './chart-types';

/** The parts of the option these tests read, without echarts' union types. */
interface Axis {
  type: string;
  inverse?: boolean;
  name?: string;
  nameLocation?: string;
  axisLabel: { formatter?: (v: number) => string };
}
interface Inspected {
  color: string[];
  dataset: { dimensions: string[]; source: (string | number | null)[][] };
  series: { type: string; name: string; encode: Record<string, number>; stack?: string }[];
  legend: { show: boolean };
  xAxis: Axis;
  yAxis: Axis;
  tooltip: { valueFormatter: (v: unknown) => string };
}
const inspect = (option: unknown) => option as Inspected;

const headcount: CategoryChartData = {
  categories: ['CHI', 'DAL', 'MNL'],
  series: [{ name: 'Active agents', values: [120, 80, null] }],
};

describe('buildBarOption', () => {
  it('puts the data in a dataset, one row per category, gaps kept as null', () => {
    const option = inspect(buildBarOption(headcount));
    expect(option.dataset.dimensions).toEqual(['category', 's0']);
    expect(option.dataset.source).toEqual([
      ['CHI', 120],
      ['DAL', 80],
      ['MNL', null],
    ]);
  });

  it('draws vertical bars by default: categories on x, values on y', () => {
    const option = inspect(buildBarOption(headcount));
    expect(option.xAxis.type).toBe('category');
    expect(option.yAxis.type).toBe('value');
    expect(option.series).toHaveLength(1);
    expect(option.series[0]).toMatchObject({
      type: 'bar',
      name: 'Active agents',
      encode: { x: 0, y: 1 },
    });
  });

  it('swaps the axes for horizontal bars and lists categories top-down', () => {
    const option = inspect(
      buildBarOption(headcount, { orientation: 'horizontal', valueAxisName: 'Agents' }),
    );
    expect(option.xAxis.type).toBe('value');
    expect(option.xAxis.name).toBe('Agents');
    expect(option.xAxis.nameLocation).toBe('middle');
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true });
    expect(option.series[0].encode).toEqual({ y: 0, x: 1 });
  });

  it('shows a legend only when there is more than one series, and stacks on request', () => {
    expect(inspect(buildBarOption(headcount)).legend.show).toBe(false);
    const split: CategoryChartData = {
      categories: ['2025-01', '2025-02'],
      series: [
        { name: 'Voluntary', values: [4, 6] },
        { name: 'Involuntary', values: [1, 2] },
      ],
    };
    const option = inspect(buildBarOption(split, { stacked: true }));
    expect(option.legend.show).toBe(true);
    expect(option.series.map((s) => [s.name, s.stack, s.encode['y']])).toEqual([
      ['Voluntary', 'total', 1],
      ['Involuntary', 'total', 2],
    ]);
    expect(inspect(buildBarOption(split)).series[0].stack).toBeUndefined();
  });

  it('formats the value axis and the tooltip with the given formatter, and a gap as a dash', () => {
    const usd = (v: number) => `$${v.toFixed(2)}`;
    const option = inspect(buildBarOption(headcount, { valueFormatter: usd }));
    expect(option.yAxis.axisLabel.formatter?.(3)).toBe('$3.00');
    expect(option.tooltip.valueFormatter(12.5)).toBe('$12.50');
    expect(option.tooltip.valueFormatter(null)).toBe('—');
  });

  it('uses the calm palette unless one is given', () => {
    expect(inspect(buildBarOption(headcount)).color).toEqual(CHART_PALETTE);
    expect(inspect(buildBarOption(headcount, { palette: ['#000'] })).color).toEqual(['#000']);
  });

  it('is pure: the same input gives an equal option and the input is not changed', () => {
    const before = JSON.stringify(headcount);
    expect(JSON.stringify(buildBarOption(headcount))).toBe(
      JSON.stringify(buildBarOption(headcount)),
    );
    expect(JSON.stringify(headcount)).toBe(before);
  });
});

describe('summarizeChart', () => {
  it('reads the data out for screen readers', () => {
    expect(summarizeChart(headcount)).toBe('Active agents — CHI: 120, DAL: 80, MNL: no data');
  });

  it('stops after the limit and says how many more', () => {
    expect(summarizeChart(headcount, undefined, 2)).toBe(
      'Active agents — CHI: 120, DAL: 80, and 1 more',
    );
  });
});

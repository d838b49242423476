import { CategoryChartData } from './chart-types';
import { buildLineOption, LINE_SYMBOL_LIMIT } from './line-option';

interface Inspected {
  dataset: { source: (string | number | null)[][] };
  series: {
    type: string;
    showSymbol: boolean;
    connectNulls: boolean;
    step?: string;
    areaStyle?: object;
    encode: Record<string, number>;
  }[];
  legend: { show: boolean };
  xAxis: { type: string; boundaryGap: boolean };
  yAxis: { min?: number; max?: number };
}
const inspect = (option: unknown) => option as Inspected;

const survival: CategoryChartData = {
  categories: ['0', '30', '60', '90'],
  series: [{ name: 'Still employed', values: [1, 0.92, null, 0.71] }],
};

describe('buildLineOption', () => {
  it('plots each series against the categories without joining across gaps', () => {
    const option = inspect(buildLineOption(survival));
    expect(option.xAxis).toMatchObject({ type: 'category', boundaryGap: false });
    expect(option.dataset.source[2]).toEqual(['60', null]);
    expect(option.series[0]).toMatchObject({
      type: 'line',
      connectNulls: false,
      encode: { x: 0, y: 1 },
    });
  });

  it('fixes the value axis and draws a step line for a survival curve', () => {
    const option = inspect(buildLineOption(survival, { min: 0, max: 1, step: true, area: true }));
    expect(option.yAxis).toMatchObject({ min: 0, max: 1 });
    expect(option.series[0].step).toBe('end');
    expect(option.series[0].areaStyle).toBeDefined();
  });

  it('hides point symbols on long series', () => {
    const days = Array.from({ length: LINE_SYMBOL_LIMIT + 1 }, (_, i) => `d${i}`);
    const long = inspect(
      buildLineOption({ categories: days, series: [{ name: 'Calls', values: days.map(() => 1) }] }),
    );
    expect(long.series[0].showSymbol).toBe(false);
    expect(inspect(buildLineOption(survival)).series[0].showSymbol).toBe(true);
  });

  it('shades no area when several series would overlap, and shows their legend', () => {
    const two: CategoryChartData = {
      categories: ['Mon', 'Tue'],
      series: [
        { name: 'Offered', values: [10, 12] },
        { name: 'Answered', values: [9, 12] },
      ],
    };
    const option = inspect(buildLineOption(two, { area: true }));
    expect(option.legend.show).toBe(true);
    expect(option.series.every((s) => s.areaStyle === undefined)).toBe(true);
    expect(option.series[1].encode).toEqual({ x: 0, y: 2 });
  });
});

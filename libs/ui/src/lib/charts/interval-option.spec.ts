import { buildIntervalOption, IntervalRow } from './interval-option';

interface Inspected {
  yAxis: { data: string[]; inverse: boolean };
  xAxis: { min: number; max?: number };
  series: {
    type: string;
    stack?: string;
    data: (number | null)[];
    markLine?: { data: { xAxis: number }[] };
  }[];
  tooltip: { formatter: (p: unknown) => string };
}

const ROWS: IntervalRow[] = [
  { label: 'low', value: 0.1, lower: 0.05, upper: 0.2, note: '8 of 80' },
  { label: 'high', value: 0.5, lower: 0.19, upper: 0.81, note: '3 of 6' },
  { label: 'no data', value: null, lower: null, upper: null },
];

describe('buildIntervalOption', () => {
  it('stacks an invisible base to the lower bound under the interval span, and dots the estimate', () => {
    const o = buildIntervalOption(ROWS) as unknown as Inspected;
    expect(o.yAxis).toMatchObject({
      inverse: true,
      data: ['low  (8 of 80)', 'high  (3 of 6)', 'no data'],
    });
    const [base, span, dots] = o.series;
    expect(base).toMatchObject({ type: 'bar', stack: 'ci', data: [0.05, 0.19, null] });
    expect(span.type).toBe('bar');
    expect(span.data[0]).toBeCloseTo(0.15, 12);
    expect(span.data[1]).toBeCloseTo(0.62, 12);
    expect(span.data[2]).toBeNull();
    expect(dots).toMatchObject({ type: 'scatter', data: [0.1, 0.5, null] });
    expect(o.xAxis.min).toBe(0);
  });

  it('draws the reference line and reads each row in its tooltip', () => {
    const pct = (v: number) => `${Math.round(v * 100)} %`;
    const o = buildIntervalOption(ROWS, {
      valueFormatter: pct,
      reference: { value: 0.18, label: 'all agents' },
    }) as unknown as Inspected;
    expect(o.series[1].markLine?.data).toEqual([{ xAxis: 0.18 }]);
    expect(o.tooltip.formatter({ dataIndex: 1 })).toBe('high: 50 % (95 % CI 19 %–81 %) — 3 of 6');
    expect(o.tooltip.formatter({ dataIndex: 2 })).toBe('no data: no data');
  });
});

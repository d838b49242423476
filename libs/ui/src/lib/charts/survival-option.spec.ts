import { buildSurvivalOption, survivalLine, survivalTickDays } from './survival-option';

interface Inspected {
  xAxis: { type: string; max: number; interval: number };
  yAxis: { min: number; max: number };
  legend: { show: boolean };
  series: { step: string; data: [number, number][]; name: string }[];
}

const CURVE = {
  name: '2025 (40)',
  steps: [
    [0, 1],
    [30, 0.9],
    [95, 0.7],
    [400, 0.5],
  ] as [number, number][],
  followUpDays: 500,
};

describe('survivalLine', () => {
  it('keeps the steps inside the horizon and extends the last level to the follow-up', () => {
    expect(survivalLine(CURVE, 365)).toEqual([
      [0, 1],
      [30, 0.9],
      [95, 0.7],
      [365, 0.7],
    ]);
    expect(survivalLine(CURVE, 730)).toEqual([
      [0, 1],
      [30, 0.9],
      [95, 0.7],
      [400, 0.5],
      [500, 0.5],
    ]);
  });

  it('stops a young cohort where its data stop, and starts an empty one at 100 %', () => {
    expect(survivalLine({ ...CURVE, followUpDays: 60 }, 730)).toEqual([
      [0, 1],
      [30, 0.9],
      [60, 0.9],
    ]);
    expect(survivalLine({ name: 'x', steps: [], followUpDays: 10 }, 730)).toEqual([
      [0, 1],
      [10, 1],
    ]);
  });
});

describe('buildSurvivalOption', () => {
  it('draws steps on a day axis with ticks for the horizon and a 0–100 % scale', () => {
    const o = buildSurvivalOption([CURVE, { ...CURVE, name: 'b' }], {
      horizonDays: 730,
    }) as unknown as Inspected;
    expect(o.xAxis).toMatchObject({ type: 'value', max: 730, interval: 90 });
    expect(o.yAxis).toMatchObject({ min: 0, max: 1 });
    expect(o.series.map((s) => [s.name, s.step])).toEqual([
      ['2025 (40)', 'end'],
      ['b', 'end'],
    ]);
    expect(o.legend.show).toBe(true);
    expect([180, 365, 1825].map(survivalTickDays)).toEqual([30, 90, 365]);
  });
});

import { TestBed } from '@angular/core/testing';
import { NGX_ECHARTS_CONFIG } from 'ngx-echarts';
import { FwLineChart } from './line-chart';

describe('FwLineChart', () => {
  it('hands echarts a step line with a fixed 0–1 axis for a survival curve', async () => {
    const setOption = jest.fn();
    const chart = {
      setOption,
      on: jest.fn(),
      dispose: jest.fn(),
      isDisposed: () => false,
      resize: jest.fn(),
    };
    const echarts = { init: jest.fn(() => chart) };
    TestBed.overrideComponent(FwLineChart, {
      set: {
        providers: [
          { provide: NGX_ECHARTS_CONFIG, useValue: { echarts: () => Promise.resolve(echarts) } },
        ],
      },
    });
    const fixture = TestBed.createComponent(FwLineChart);
    fixture.componentRef.setInput('data', {
      categories: ['0', '90', '180'],
      series: [{ name: 'Still employed', values: [1, 0.8, 0.64] }],
    });
    fixture.componentRef.setInput('step', true);
    fixture.componentRef.setInput('min', 0);
    fixture.componentRef.setInput('max', 1);
    fixture.detectChanges();
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));

    const option = setOption.mock.calls.at(-1)?.[0] as {
      yAxis: { min: number; max: number };
      series: { type: string; step: string }[];
    };
    expect(option.yAxis).toMatchObject({ min: 0, max: 1 });
    expect(option.series[0]).toMatchObject({ type: 'line', step: 'end' });
  });
});

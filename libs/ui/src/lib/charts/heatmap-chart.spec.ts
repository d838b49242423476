import { TestBed } from '@angular/core/testing';
import { NGX_ECHARTS_CONFIG } from 'ngx-echarts';
import { FwHeatmapChart } from './heatmap-chart';

describe('FwHeatmapChart', () => {
  it('hands echarts a heatmap and reads each row’s peak out for screen readers', async () => {
    const setOption = jest.fn();
    const chart = {
      setOption,
      on: jest.fn(),
      dispose: jest.fn(),
      isDisposed: () => false,
      resize: jest.fn(),
    };
    TestBed.overrideComponent(FwHeatmapChart, {
      set: {
        providers: [
          {
            provide: NGX_ECHARTS_CONFIG,
            useValue: { echarts: () => Promise.resolve({ init: () => chart }) },
          },
        ],
      },
    });
    const fixture = TestBed.createComponent(FwHeatmapChart);
    fixture.componentRef.setInput('data', {
      columns: ['08:00', '08:30'],
      rows: ['Mon 3 Mar', 'Tue 4 Mar'],
      cells: [
        { x: 0, y: 0, value: 4 },
        { x: 1, y: 0, value: 9 },
        { x: 0, y: 1, value: null },
        { x: 1, y: 1, value: null },
      ],
    });
    fixture.componentRef.setInput('valueName', 'Scheduled agents');
    fixture.componentRef.setInput('caption', 'Required agents');
    fixture.detectChanges();
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));

    const option = setOption.mock.calls.at(-1)?.[0] as {
      series: { type: string }[];
      visualMap: { max: number };
    };
    expect(option.series[0].type).toBe('heatmap');
    expect(option.visualMap.max).toBe(9);
    expect(
      (fixture.nativeElement as HTMLElement)
        .querySelector('[role=img]')
        ?.getAttribute('aria-label'),
    ).toBe('Required agents (Scheduled agents). Mon 3 Mar: up to 9, Tue 4 Mar: up to no data');
  });
});

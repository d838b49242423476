import { TestBed } from '@angular/core/testing';
import { NGX_ECHARTS_CONFIG } from 'ngx-echarts';
import { FwBarChart } from './bar-chart';
import { CategoryChartData } from './chart-types';

/** Stands in for echarts: a canvas cannot render in jsdom, but what the wrapper hands echarts can be checked. */
function fakeEcharts() {
  const setOption = jest.fn();
  const chart = {
    setOption,
    on: jest.fn(),
    off: jest.fn(),
    dispose: jest.fn(),
    isDisposed: () => false,
    resize: jest.fn(),
    showLoading: jest.fn(),
    hideLoading: jest.fn(),
  };
  const init = jest.fn(() => chart);
  return { init, setOption };
}

describe('FwBarChart', () => {
  const data: CategoryChartData = {
    categories: ['CHI', 'DAL'],
    series: [{ name: 'Active agents', values: [120, 80] }],
  };

  function create(fake: ReturnType<typeof fakeEcharts>) {
    TestBed.overrideComponent(FwBarChart, {
      set: {
        providers: [
          { provide: NGX_ECHARTS_CONFIG, useValue: { echarts: () => Promise.resolve(fake) } },
        ],
      },
    });
    const fixture = TestBed.createComponent(FwBarChart);
    fixture.componentRef.setInput('data', data);
    fixture.componentRef.setInput('caption', 'Active agents by site');
    return fixture;
  }

  it('hands echarts the option built from its inputs', async () => {
    const fake = fakeEcharts();
    const fixture = create(fake);
    fixture.componentRef.setInput('orientation', 'horizontal');
    fixture.detectChanges();
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));

    expect(fake.init).toHaveBeenCalledTimes(1);
    const option = fake.setOption.mock.calls.at(-1)?.[0] as {
      dataset: { source: unknown[] };
      xAxis: { type: string };
    };
    expect(option.dataset.source).toEqual([
      ['CHI', 120],
      ['DAL', 80],
    ]);
    expect(option.xAxis.type).toBe('value');
  });

  it('describes the data for screen readers and shows the caption', async () => {
    const fixture = create(fakeEcharts());
    fixture.detectChanges();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('figcaption')?.textContent).toContain('Active agents by site');
    expect(el.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe(
      'Active agents by site. Active agents — CHI: 120, DAL: 80',
    );
  });

  it('shows an empty state instead of an empty canvas when there is no data', async () => {
    const fake = fakeEcharts();
    const fixture = create(fake);
    fixture.componentRef.setInput('data', { categories: [], series: [] });
    fixture.componentRef.setInput('emptyText', 'No sites yet.');
    fixture.detectChanges();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('.empty')?.textContent).toContain('No sites yet.');
    expect(el.querySelector('[echarts]')).toBeNull();
    expect(fake.init).not.toHaveBeenCalled();
  });
});

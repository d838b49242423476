import { TestBed } from '@angular/core/testing';
import { NGX_ECHARTS_CONFIG } from 'ngx-echarts';
import { FwComboChart } from './combo-chart';

/** Stands in for echarts: records the option and lets a test click a pixel of the plot. */
function fakeEcharts() {
  const handlers: Record<string, (e: { offsetX: number; offsetY: number }) => void> = {};
  const setOption = jest.fn();
  const chart = {
    setOption,
    on: jest.fn(),
    off: jest.fn(),
    dispose: jest.fn(),
    isDisposed: () => false,
    resize: jest.fn(),
    getZr: () => ({
      on: (name: string, handler: (e: { offsetX: number; offsetY: number }) => void) =>
        (handlers[name] = handler),
      setCursorStyle: jest.fn(),
    }),
    // The plot is x 0–300 of grid 0; each of the three categories is 100 px wide.
    containPixel: ({ gridIndex }: { gridIndex: number }, [x]: number[]) =>
      gridIndex === 0 && x >= 0 && x < 300,
    convertFromPixel: (_: unknown, [x, y]: number[]) => [Math.floor(x / 100), y],
  };
  return { init: jest.fn(() => chart), setOption, handlers };
}

describe('FwComboChart', () => {
  it('hands echarts the option and reports the category of a clicked column', async () => {
    const fake = fakeEcharts();
    TestBed.overrideComponent(FwComboChart, {
      set: {
        providers: [
          { provide: NGX_ECHARTS_CONFIG, useValue: { echarts: () => Promise.resolve(fake) } },
        ],
      },
    });
    const fixture = TestBed.createComponent(FwComboChart);
    fixture.componentRef.setInput('data', {
      categories: ['Mon', 'Tue', 'Wed'],
      series: [{ name: 'Offered', type: 'bar', values: [3, 4, 5] }],
    });
    fixture.componentRef.setInput('clickable', true);
    fixture.componentRef.setInput('caption', 'Calls');
    const clicks: unknown[] = [];
    fixture.componentInstance.categoryClick.subscribe((c) => clicks.push(c));
    fixture.detectChanges();
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));

    const option = fake.setOption.mock.calls.at(-1)?.[0] as { series: { type: string }[] };
    expect(option.series[0].type).toBe('bar');
    fake.handlers['click']({ offsetX: 150, offsetY: 10 });
    fake.handlers['click']({ offsetX: 900, offsetY: 10 });
    expect(clicks).toEqual([{ index: 1, category: 'Tue' }]);
    expect(
      (fixture.nativeElement as HTMLElement)
        .querySelector('[role=img]')
        ?.getAttribute('aria-label'),
    ).toBe('Calls. Offered — Mon: 3, Tue: 4, Wed: 5');
  });

  it('shows the empty text instead of a chart without categories', async () => {
    const fixture = TestBed.createComponent(FwComboChart);
    fixture.componentRef.setInput('data', { categories: [], series: [] });
    fixture.componentRef.setInput('emptyText', 'No calls in this range.');
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('.empty')?.textContent).toContain('No calls in this range.');
    expect(el.querySelector('[echarts]')).toBeNull();
  });
});

import { TestBed } from '@angular/core/testing';
import { FwDateRangePicker } from './date-range-picker';
import { LocalDateRange } from './date-range';

describe('FwDateRangePicker', () => {
  function create(range: LocalDateRange) {
    const fixture = TestBed.createComponent(FwDateRangePicker);
    fixture.componentRef.setInput('range', range);
    fixture.componentRef.setInput('today', '2025-03-12');
    const emitted: LocalDateRange[] = [];
    fixture.componentInstance.rangeChange.subscribe((r) => emitted.push(r));
    return { fixture, emitted, el: fixture.nativeElement as HTMLElement };
  }

  it('names the preset the range matches', async () => {
    const { fixture, el } = create({ from: '2025-03-05', to: '2025-03-11' });
    await fixture.whenStable();
    expect(el.querySelector('mat-select')?.textContent).toContain('Last 7 days');
  });

  it('calls any other range custom', async () => {
    const { fixture, el } = create({ from: '2025-03-02', to: '2025-03-04' });
    await fixture.whenStable();
    expect(el.querySelector('mat-select')?.textContent).toContain('Custom range');
  });

  it('emits the days of a chosen preset', async () => {
    const { fixture, emitted } = create({ from: '2025-03-05', to: '2025-03-11' });
    await fixture.whenStable();
    const select = fixture.debugElement.query((d) => d.name === 'mat-select');
    select.triggerEventHandler('valueChange', 'last4w');
    expect(emitted).toEqual([{ from: '2025-02-12', to: '2025-03-11' }]);
  });

  it('emits a typed range once its end is set, and ignores a backwards one', async () => {
    const { fixture, emitted } = create({ from: '2025-03-05', to: '2025-03-11' });
    await fixture.whenStable();
    const [start, end] = fixture.debugElement.queryAll((d) => d.name === 'input');
    start.triggerEventHandler('dateChange', { value: new Date(2025, 1, 3) });
    end.triggerEventHandler('dateChange', { value: new Date(2025, 1, 9) });
    expect(emitted).toEqual([{ from: '2025-02-03', to: '2025-02-09' }]);
    start.triggerEventHandler('dateChange', { value: new Date(2025, 1, 10) });
    end.triggerEventHandler('dateChange', { value: new Date(2025, 1, 9) });
    expect(emitted).toHaveLength(1);
  });
});

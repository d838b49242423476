import { TestBed } from '@angular/core/testing';
import { FwDateRangePicker } from './date-range-picker';
import type { LocalDateRange } from '@floorwise/ui';

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
    expect(el.querySelector('mat-select')?.textContent).toContain('Custom dates');
  });

  it('emits the days of a chosen preset', async () => {
    const { fixture, emitted } = create({ from: '2025-03-05', to: '2025-03-11' });
    await fixture.whenStable();
    const select = fixture.debugElement.query((d) => d.name === 'mat-select');
    select.triggerEventHandler('valueChange', 'last4w');
    expect(emitted).toEqual([{ from: '2025-02-12', to: '2025-03-11' }]);
  });

  it('emits typed dates once they make a range, and ignores a backwards one', async () => {
    const { fixture, emitted, el } = create({ from: '2025-03-05', to: '2025-03-11' });
    await fixture.whenStable();
    const [from, to] = [...el.querySelectorAll<HTMLInputElement>('input[type=date]')];
    expect([from.value, to.value]).toEqual(['2025-03-05', '2025-03-11']);
    from.value = '2025-02-03';
    from.dispatchEvent(new Event('change'));
    expect(emitted).toEqual([{ from: '2025-02-03', to: '2025-03-11' }]);
    to.value = '2025-03-01';
    to.dispatchEvent(new Event('change'));
    // The range is still Mar 5 – 11 (the parent owns it): Mar 5 – Mar 1 runs backwards.
    expect(emitted).toHaveLength(1);
  });
});

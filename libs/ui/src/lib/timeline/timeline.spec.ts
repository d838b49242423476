import { TestBed } from '@angular/core/testing';
import { FwTimeline } from './timeline';
import { daysAxis, TimelineRow } from './timeline-layout';

describe('FwTimeline', () => {
  const rows: TimelineRow[] = [
    {
      id: 'A1',
      label: 'Ada One',
      sublabel: 'A1 · T1',
      aside: '44 / 40 h',
      asideTone: 'warn',
      bars: [
        {
          id: 'S1',
          startMin: 540,
          endMin: 1020,
          tone: 'blue',
          style: 'solid',
          label: '09–17',
          title: 'Mon 09:00–17:00, worked',
          badges: [{ text: 'OT 4h', tone: 'warn', title: '4 h overtime' }],
        },
        // wholly outside the day: not drawn
        {
          id: 'S0',
          startMin: -600,
          endMin: -60,
          tone: 'blue',
          style: 'solid',
          label: '',
          title: '',
        },
      ],
    },
    { id: 'A2', label: 'Ben Two', bars: [] },
  ];

  function create() {
    const fixture = TestBed.createComponent(FwTimeline);
    fixture.componentRef.setInput('rows', rows);
    fixture.componentRef.setInput('axis', daysAxis(['Mon 30 Nov']));
    fixture.detectChanges();
    return fixture;
  }

  it('draws a bar per shift inside the axis, with its badge and the row figure', () => {
    const el: HTMLElement = create().nativeElement;
    const bars = el.querySelectorAll<HTMLButtonElement>('button.bar');
    expect(bars).toHaveLength(1);
    expect(bars[0].getAttribute('aria-label')).toBe('Mon 09:00–17:00, worked');
    expect(bars[0].style.left).toBe(`${(540 / 1440) * 100}%`);
    expect(bars[0].querySelector('.badge')?.textContent?.trim()).toBe('OT 4h');
    expect(el.querySelector('[data-row="A1"] .aside')?.textContent?.trim()).toBe('44 / 40 h');
    expect(el.querySelectorAll('.row')).toHaveLength(2);
  });

  it('reports the bar clicked, and a click on an empty stretch with its row', () => {
    const fixture = create();
    const clicked: string[] = [];
    const slots: { rowId: string; atMin: number }[] = [];
    fixture.componentInstance.barClick.subscribe((id) => clicked.push(id));
    fixture.componentInstance.slotClick.subscribe((s) => slots.push(s));
    const el: HTMLElement = fixture.nativeElement;
    el.querySelector<HTMLButtonElement>('button.bar')?.click();
    expect(clicked).toEqual(['S1']);
    expect(slots).toEqual([]);
    const track = el.querySelector<HTMLElement>('[data-row="A2"] .track') as HTMLElement;
    // jsdom lays nothing out: give the track a width of one pixel per minute
    track.getBoundingClientRect = () => ({ left: 0, width: 1440 }) as DOMRect;
    track.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 600 }));
    expect(slots).toEqual([{ rowId: 'A2', atMin: 600 }]);
  });
});

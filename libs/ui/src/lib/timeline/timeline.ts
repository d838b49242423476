import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { BarBox, layoutBar, TimelineAxis, TimelineBar, TimelineRow } from './timeline-layout';

interface PlacedBar {
  bar: TimelineBar;
  box: BarBox;
}

interface PlacedRow {
  row: TimelineRow;
  bars: PlacedBar[];
}

/** Where an empty stretch of a row was clicked: the row and the minute on the axis. */
export interface TimelineSlotClick {
  rowId: string;
  atMin: number;
}

/**
 * A timeline of rows (people) over an axis of days: bars coloured by tone, styled as booked,
 * done, missed or cut, with badges for the flags that matter. Plain HTML and CSS — no chart
 * library — so every bar is a button a keyboard can reach and a screen reader can read.
 */
@Component({
  selector: 'fw-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="scroll">
      <div class="grid" [style.min-width.px]="minWidth()">
        <div class="head">
          <div class="label-col">{{ labelHeading() }}</div>
          <div class="track axis">
            @for (t of axis().ticks; track t.atMin) {
              <span class="tick" [class.major]="t.major" [style.left.%]="pct(t.atMin)">
                @if (t.label) {
                  <span class="tick-label">{{ t.label }}</span>
                }
              </span>
            }
          </div>
          <div class="aside-col">{{ asideHeading() }}</div>
        </div>
        @for (r of placed(); track r.row.id) {
          <div class="row" [attr.data-row]="r.row.id">
            <div class="label-col">
              <span class="name">{{ r.row.label }}</span>
              @if (r.row.sublabel) {
                <span class="sub">{{ r.row.sublabel }}</span>
              }
            </div>
            <div
              class="track"
              [style.height.px]="rowHeight()"
              (click)="clickTrack($event, r.row.id)"
              role="presentation"
            >
              @for (t of majorTicks(); track t.atMin) {
                <span class="day-line" [style.left.%]="pct(t.atMin)"></span>
              }
              @for (p of r.bars; track $index) {
                <button
                  type="button"
                  class="bar"
                  [attr.data-tone]="p.bar.tone"
                  [attr.data-style]="p.bar.style"
                  [attr.data-bar]="p.bar.id"
                  [class.clip-start]="p.box.clippedStart"
                  [class.clip-end]="p.box.clippedEnd"
                  [style.left.%]="p.box.leftPct"
                  [style.width.%]="p.box.widthPct"
                  [attr.title]="p.bar.title"
                  [attr.aria-label]="p.bar.title"
                  (click)="$event.stopPropagation(); barClick.emit(p.bar.id)"
                >
                  <span class="bar-label">{{ p.bar.label }}</span>
                  @if (p.box.markerPct !== null) {
                    <span class="marker" [style.left.%]="p.box.markerPct"></span>
                  }
                  @if (p.bar.badges?.length) {
                    <span class="badges">
                      @for (b of p.bar.badges; track b.text) {
                        <span class="badge" [attr.data-tone]="b.tone" [attr.title]="b.title">{{
                          b.text
                        }}</span>
                      }
                    </span>
                  }
                </button>
              }
            </div>
            <div
              class="aside-col aside"
              [attr.data-tone]="r.row.asideTone ?? 'neutral'"
              [attr.title]="r.row.asideTitle ?? null"
            >
              {{ r.row.aside ?? '' }}
            </div>
          </div>
        } @empty {
          <div class="empty">{{ emptyText() }}</div>
        }
      </div>
    </div>
  `,
  styles: `
    :host {
      display: block;
      --fw-tl-label: 190px;
      --fw-tl-aside: 110px;
    }
    .scroll {
      overflow-x: auto;
    }
    .grid {
      position: relative;
    }
    .head,
    .row {
      display: grid;
      grid-template-columns: var(--fw-tl-label) minmax(0, 1fr) var(--fw-tl-aside);
      align-items: stretch;
    }
    .head {
      position: sticky;
      top: 0;
      z-index: 3;
      background: var(--mat-sys-surface-container-low);
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
      height: 32px;
    }
    .head .label-col,
    .head .aside-col {
      display: flex;
      align-items: center;
      padding: 0 12px;
    }
    .row {
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .row:hover {
      background: var(--mat-sys-surface-container-low);
    }
    .label-col {
      position: sticky;
      left: 0;
      z-index: 2;
      background: inherit;
      padding: 6px 12px;
      min-width: 0;
      display: flex;
      flex-direction: column;
      justify-content: center;
    }
    .row .label-col {
      background: var(--mat-sys-surface-container-lowest);
    }
    .name {
      font: var(--mat-sys-body-medium);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .sub {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .aside {
      display: flex;
      align-items: center;
      justify-content: flex-end;
      padding: 0 12px;
      font: var(--mat-sys-body-small);
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .aside[data-tone='warn'] {
      color: var(--fw-warn, #b7791f);
      font-weight: 600;
    }
    .aside[data-tone='bad'] {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
    .track {
      position: relative;
      cursor: copy;
    }
    .axis {
      cursor: default;
    }
    .tick {
      position: absolute;
      top: 0;
      bottom: 0;
      border-left: 1px solid transparent;
    }
    .tick.major {
      border-left-color: var(--mat-sys-outline-variant);
    }
    .tick-label {
      position: absolute;
      top: 8px;
      left: 4px;
      white-space: nowrap;
    }
    .tick:not(.major) .tick-label {
      left: -14px;
    }
    .day-line {
      position: absolute;
      top: 0;
      bottom: 0;
      border-left: 1px solid var(--mat-sys-outline-variant);
    }
    .bar {
      position: absolute;
      top: 6px;
      bottom: 6px;
      min-width: 3px;
      padding: 0 4px;
      margin: 0;
      border: 1px solid var(--fw-tl-edge);
      border-radius: 4px;
      background: var(--fw-tl-fill);
      color: var(--fw-tl-text);
      font:
        500 11px/1 system-ui,
        sans-serif;
      text-align: left;
      overflow: visible;
      cursor: pointer;
      display: flex;
      align-items: center;
      box-sizing: border-box;
    }
    .bar:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 1px;
      z-index: 1;
    }
    .bar-label {
      overflow: hidden;
      white-space: nowrap;
      text-overflow: clip;
    }
    .bar.clip-start {
      border-top-left-radius: 0;
      border-bottom-left-radius: 0;
    }
    .bar.clip-end {
      border-top-right-radius: 0;
      border-bottom-right-radius: 0;
    }
    .bar[data-tone='blue'] {
      --fw-tl-solid: #3465a4;
      --fw-tl-light: #dbe6f6;
    }
    .bar[data-tone='orange'] {
      --fw-tl-solid: #c25e00;
      --fw-tl-light: #fde3c8;
    }
    .bar[data-tone='purple'] {
      --fw-tl-solid: #6b4fa8;
      --fw-tl-light: #e6defa;
    }
    .bar[data-tone='grey'] {
      --fw-tl-solid: #6b7380;
      --fw-tl-light: #e7e9ed;
    }
    .bar[data-tone='red'] {
      --fw-tl-solid: #b3261e;
      --fw-tl-light: #f9dedc;
    }
    .bar[data-tone='green'] {
      --fw-tl-solid: #2e7d5b;
      --fw-tl-light: #dcefe4;
    }
    .bar[data-style='solid'] {
      --fw-tl-fill: var(--fw-tl-solid);
      --fw-tl-edge: var(--fw-tl-solid);
      --fw-tl-text: #ffffff;
    }
    .bar[data-style='planned'] {
      --fw-tl-fill: var(--fw-tl-light);
      --fw-tl-edge: var(--fw-tl-solid);
      --fw-tl-text: #1d2733;
    }
    .bar[data-style='hatched'] {
      --fw-tl-edge: var(--fw-tl-solid);
      --fw-tl-text: #1d2733;
      background: repeating-linear-gradient(135deg, var(--fw-tl-light) 0 4px, #ffffff 4px 8px);
    }
    .bar[data-style='ghost'] {
      --fw-tl-fill: transparent;
      --fw-tl-edge: var(--fw-tl-solid);
      --fw-tl-text: var(--fw-tl-solid);
      border-style: dashed;
    }
    .marker {
      position: absolute;
      top: -4px;
      bottom: -4px;
      width: 0;
      border-left: 2px solid #1d2733;
    }
    .badges {
      position: absolute;
      top: -7px;
      right: -2px;
      display: flex;
      gap: 2px;
      pointer-events: none;
    }
    .badge {
      padding: 0 3px;
      border-radius: 3px;
      font:
        600 9px/13px system-ui,
        sans-serif;
      white-space: nowrap;
      box-shadow: 0 0 0 1px #ffffff;
    }
    .badge[data-tone='info'] {
      background: #dbe6f6;
      color: #1c3559;
    }
    .badge[data-tone='warn'] {
      background: #fbe1b3;
      color: #4d3209;
    }
    .badge[data-tone='bad'] {
      background: #b3261e;
      color: #ffffff;
    }
    .empty {
      padding: 32px 16px;
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class FwTimeline {
  readonly rows = input.required<readonly TimelineRow[]>();
  readonly axis = input.required<TimelineAxis>();
  readonly rowHeight = input(40);
  readonly labelHeading = input('');
  readonly asideHeading = input('');
  /** The narrowest the grid may get before it scrolls (a week needs room for its bars). */
  readonly minWidth = input(720);
  readonly emptyText = input('Nobody to show.');
  readonly barClick = output<string>();
  readonly slotClick = output<TimelineSlotClick>();

  protected readonly placed = computed<PlacedRow[]>(() => {
    const total = this.axis().totalMin;
    return this.rows().map((row) => ({
      row,
      bars: row.bars
        .map((bar) => ({ bar, box: layoutBar(bar, total) }))
        .filter((p): p is PlacedBar => p.box !== null),
    }));
  });
  protected readonly majorTicks = computed(() => this.axis().ticks.filter((t) => t.major));

  protected pct(atMin: number): number {
    return (atMin / Math.max(1, this.axis().totalMin)) * 100;
  }

  protected clickTrack(event: MouseEvent, rowId: string): void {
    const el = event.currentTarget as HTMLElement;
    const rect = el.getBoundingClientRect();
    if (rect.width <= 0) {
      return;
    }
    const share = Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width));
    this.slotClick.emit({ rowId, atMin: Math.floor(share * this.axis().totalMin) });
  }
}

import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { BurnoutBandName } from '@floorwise/contracts';
import { BAND_COLOR, BAND_LABEL } from './burnout-text';

/** An index with its band: "62 High" on the band's colour. */
@Component({
  selector: 'fw-band-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (band(); as b) {
      <span class="chip" [style.background]="color()">
        <b>{{ index() }}</b> {{ label() }}
      </span>
    } @else {
      <span class="chip none" title="No worked time in the 28-day window">no index</span>
    }
  `,
  styles: `
    .chip {
      display: inline-block;
      padding: 1px 8px;
      border-radius: 10px;
      color: #fff;
      font: var(--mat-sys-label-medium);
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .none {
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class BandChip {
  readonly index = input<number | null>(null);
  readonly band = input<BurnoutBandName | null>(null);
  protected readonly color = computed(() => BAND_COLOR[this.band() ?? 'low']);
  protected readonly label = computed(() => BAND_LABEL[this.band() ?? 'low']);
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export type StatTone = 'neutral' | 'good' | 'warn' | 'bad';

/** One headline figure: a label, its value already formatted, and an optional hint beneath. */
@Component({
  selector: 'fw-stat-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-tone]': 'tone()' },
  template: `
    <div class="label">{{ label() }}</div>
    <div class="value">{{ value() }}</div>
    @if (hint()) {
      <div class="hint">{{ hint() }}</div>
    }
  `,
  styles: `
    :host {
      display: block;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-lowest);
      border: 1px solid var(--mat-sys-outline-variant);
      min-width: 140px;
    }
    :host([data-tone='good']) {
      border-left: 4px solid var(--fw-good, #2e7d5b);
    }
    :host([data-tone='warn']) {
      border-left: 4px solid var(--fw-warn, #b7791f);
    }
    :host([data-tone='bad']) {
      border-left: 4px solid var(--mat-sys-error);
    }
    .label {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    .value {
      font: var(--mat-sys-headline-small);
      font-variant-numeric: tabular-nums;
      color: var(--mat-sys-on-surface);
      margin-top: 2px;
    }
    .hint {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      margin-top: 2px;
    }
  `,
})
export class StatCard {
  readonly label = input.required<string>();
  readonly value = input.required<string | number>();
  readonly hint = input<string | null>(null);
  readonly tone = input<StatTone>('neutral');
}

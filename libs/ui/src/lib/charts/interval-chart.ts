import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import type { ValueFormatter } from './chart-types';
import { buildIntervalOption, IntervalRow } from './interval-option';

/** Estimates with confidence intervals, one row per category (a forest plot). echarts loads lazily. */
@Component({
  selector: 'fw-interval-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts: () => import('./echarts-interval-setup') })],
  template: `
    <figure>
      @if (caption()) {
        <figcaption>{{ caption() }}</figcaption>
      }
      @if (rows().length === 0) {
        <div class="empty" [style.height.px]="height()">{{ emptyText() }}</div>
      } @else {
        <div
          echarts
          class="chart"
          role="img"
          [attr.aria-label]="summary()"
          [options]="option()"
          [style.height.px]="height()"
        ></div>
      }
    </figure>
  `,
  styleUrl: './chart-frame.scss',
})
export class FwIntervalChart {
  readonly rows = input.required<readonly IntervalRow[]>();
  readonly valueFormatter = input<ValueFormatter | undefined>(undefined);
  readonly reference = input<{ value: number; label: string } | null>(null);
  readonly max = input<number | undefined>(undefined);
  readonly caption = input<string | null>(null);
  readonly emptyText = input('No data for this selection.');
  /** Default: 34 px a row. */
  readonly rowHeight = input(34);

  protected readonly height = computed(() =>
    Math.max(120, this.rows().length * this.rowHeight() + 40),
  );
  protected readonly option = computed(() =>
    buildIntervalOption(this.rows(), {
      valueFormatter: this.valueFormatter(),
      reference: this.reference(),
      max: this.max(),
    }),
  );
  protected readonly summary = computed(() => {
    const f = this.valueFormatter() ?? ((v: number) => String(v));
    return `${this.caption() ?? 'Interval chart'}. ${this.rows()
      .map((r) =>
        r.value === null
          ? `${r.label}: no data`
          : `${r.label}: ${f(r.value)}${r.lower !== null && r.upper !== null ? ` (${f(r.lower)} to ${f(r.upper)})` : ''}`,
      )
      .join('; ')}`;
  });
}

import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { ValueFormatter } from './chart-types';
import { buildHeatmapOption, HeatmapData } from './heatmap-option';

/** A heatmap of values over columns × rows (intervals × dates). echarts loads lazily. */
@Component({
  selector: 'fw-heatmap-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts: () => import('./echarts-heatmap-setup') })],
  template: `
    <figure>
      @if (caption()) {
        <figcaption>{{ caption() }}</figcaption>
      }
      @if (empty()) {
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
export class FwHeatmapChart {
  readonly data = input.required<HeatmapData>();
  readonly valueName = input.required<string>();
  readonly valueFormatter = input<ValueFormatter | undefined>(undefined);
  readonly columnAxisName = input<string | undefined>(undefined);
  readonly rowAxisName = input<string | undefined>(undefined);
  readonly transpose = input(false);
  readonly showValues = input(true);
  readonly showColumnLabel = input<((column: string, index: number) => boolean) | undefined>(
    undefined,
  );
  readonly rowLabel = input<((row: string, index: number) => string) | undefined>(undefined);
  readonly cellTitle = input<((column: string, row: string) => string) | undefined>(undefined);
  readonly height = input(320);
  readonly caption = input<string | null>(null);
  readonly emptyText = input('No data for this selection.');
  /** A scale centred on zero (negative red, positive blue), see `HeatmapOptionSettings`. */
  readonly diverging = input(false);

  protected readonly empty = computed(
    () => this.data().columns.length === 0 || this.data().rows.length === 0,
  );
  protected readonly option = computed(() =>
    buildHeatmapOption(this.data(), {
      valueName: this.valueName(),
      valueFormatter: this.valueFormatter(),
      columnAxisName: this.columnAxisName(),
      rowAxisName: this.rowAxisName(),
      transpose: this.transpose(),
      showValues: this.showValues(),
      showColumnLabel: this.showColumnLabel(),
      rowLabel: this.rowLabel(),
      cellTitle: this.cellTitle(),
      diverging: this.diverging(),
    }),
  );
  /** For screen readers: the largest value per row. */
  protected readonly summary = computed(() => {
    const data = this.data();
    const format = this.valueFormatter() ?? ((v: number) => String(v));
    const peaks = data.rows.map((row, y) => {
      const values = data.cells
        .filter((c) => c.y === y && c.value !== null)
        .map((c) => c.value as number);
      return `${row}: up to ${values.length ? format(Math.max(...values)) : 'no data'}`;
    });
    return `${this.caption() ?? 'Heatmap'} (${this.valueName()}). ${peaks.join(', ')}`;
  });
}

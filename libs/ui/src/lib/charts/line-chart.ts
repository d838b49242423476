import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import { CategoryChartData, summarizeChart, ValueFormatter } from './chart-types';
import { provideLazyEcharts } from './lazy-echarts';
import { buildLineOption } from './line-option';

/** A line chart over ordered categories (days, intervals, tenure days). echarts loads lazily. */
@Component({
  selector: 'fw-line-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgxEchartsDirective],
  providers: [provideLazyEcharts()],
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
export class FwLineChart {
  readonly data = input.required<CategoryChartData>();
  readonly valueFormatter = input<ValueFormatter | undefined>(undefined);
  readonly valueAxisName = input<string | undefined>(undefined);
  readonly min = input<number | undefined>(undefined);
  readonly max = input<number | undefined>(undefined);
  readonly area = input(false);
  readonly step = input(false);
  readonly height = input(280);
  readonly caption = input<string | null>(null);
  readonly emptyText = input('No data for this selection.');

  protected readonly empty = computed(
    () => this.data().categories.length === 0 || this.data().series.length === 0,
  );
  protected readonly option = computed(() =>
    buildLineOption(this.data(), {
      valueFormatter: this.valueFormatter(),
      valueAxisName: this.valueAxisName(),
      min: this.min(),
      max: this.max(),
      area: this.area(),
      step: this.step(),
    }),
  );
  protected readonly summary = computed(
    () =>
      `${this.caption() ?? 'Line chart'}. ${summarizeChart(this.data(), this.valueFormatter())}`,
  );
}

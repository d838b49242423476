import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import { buildBarOption } from './bar-option';
import { CategoryChartData, summarizeChart, ValueFormatter } from './chart-types';
import { provideLazyEcharts } from './lazy-echarts';

/** A bar chart over categories (sites, teams, days). echarts itself loads lazily on first render. */
@Component({
  selector: 'fw-bar-chart',
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
export class FwBarChart {
  readonly data = input.required<CategoryChartData>();
  readonly orientation = input<'vertical' | 'horizontal'>('vertical');
  readonly stacked = input(false);
  readonly valueFormatter = input<ValueFormatter | undefined>(undefined);
  readonly valueAxisName = input<string | undefined>(undefined);
  readonly height = input(280);
  readonly caption = input<string | null>(null);
  readonly emptyText = input('No data for this selection.');
  /** Series colours in order (default: the shared palette). */
  readonly palette = input<readonly string[] | undefined>(undefined);

  protected readonly empty = computed(
    () => this.data().categories.length === 0 || this.data().series.length === 0,
  );
  protected readonly option = computed(() =>
    buildBarOption(this.data(), {
      orientation: this.orientation(),
      stacked: this.stacked(),
      valueFormatter: this.valueFormatter(),
      valueAxisName: this.valueAxisName(),
      palette: this.palette(),
    }),
  );
  protected readonly summary = computed(
    () => `${this.caption() ?? 'Bar chart'}. ${summarizeChart(this.data(), this.valueFormatter())}`,
  );
}

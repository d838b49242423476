import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { ECharts } from 'echarts/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { summarizeChart } from './chart-types';
import {
  buildComboOption,
  ComboCategoryMark,
  ComboChartData,
  ComboPanel,
  ComboValueMark,
} from './combo-option';

/** Where a click on the plot landed: the category under it. */
export interface ComboCategoryClick {
  index: number;
  category: string;
}

/**
 * Bars and lines over shared categories, in stacked panels with left and right value axes
 * (e.g. calls as bars above, service level and speed of answer as lines below). A click anywhere
 * in a column reports its category, so thin bars are easy to hit. echarts loads lazily.
 */
@Component({
  selector: 'fw-combo-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts: () => import('./echarts-combo-setup') })],
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
          (chartInit)="onInit($event)"
          [style.height.px]="height()"
        ></div>
      }
    </figure>
  `,
  styleUrl: './chart-frame.scss',
})
export class FwComboChart {
  readonly data = input.required<ComboChartData>();
  readonly panels = input<readonly ComboPanel[]>([]);
  readonly xAxisName = input<string | undefined>(undefined);
  readonly axisLabel = input<((category: string, index: number) => string) | undefined>(undefined);
  readonly showAxisLabel = input<((category: string, index: number) => boolean) | undefined>(
    undefined,
  );
  readonly tooltipTitle = input<((category: string, index: number) => string) | undefined>(
    undefined,
  );
  readonly valueMarks = input<readonly ComboValueMark[]>([]);
  readonly categoryMarks = input<readonly ComboCategoryMark[]>([]);
  readonly overlapBars = input(false);
  readonly height = input(320);
  readonly caption = input<string | null>(null);
  readonly emptyText = input('No data for this selection.');
  /** Emit `categoryClick` when the plot is clicked (and show a pointer cursor). */
  readonly clickable = input(false);

  readonly categoryClick = output<ComboCategoryClick>();

  protected readonly empty = computed(
    () => this.data().categories.length === 0 || this.data().series.length === 0,
  );
  protected readonly option = computed(() =>
    buildComboOption(this.data(), {
      panels: this.panels(),
      height: this.height(),
      xAxisName: this.xAxisName(),
      axisLabel: this.axisLabel(),
      showAxisLabel: this.showAxisLabel(),
      tooltipTitle: this.tooltipTitle(),
      valueMarks: this.valueMarks(),
      categoryMarks: this.categoryMarks(),
      overlapBars: this.overlapBars(),
    }),
  );
  protected readonly summary = computed(() => {
    const label = this.axisLabel();
    const data = this.data();
    const readable = label
      ? { ...data, categories: data.categories.map((c, i) => label(c, i) || c) }
      : data;
    return `${this.caption() ?? 'Chart'}. ${summarizeChart(readable)}`;
  });

  protected onInit(chart: ECharts): void {
    const zr = chart.getZr();
    zr.on('click', (event: { offsetX: number; offsetY: number }) => {
      const index = this.categoryAt(chart, [event.offsetX, event.offsetY]);
      if (index !== null && this.clickable()) {
        this.categoryClick.emit({ index, category: this.data().categories[index] });
      }
    });
    // A pointer over the plots says a column can be opened.
    zr.on('mousemove', (event: { offsetX: number; offsetY: number }) => {
      if (this.clickable() && this.categoryAt(chart, [event.offsetX, event.offsetY]) !== null) {
        zr.setCursorStyle('pointer');
      }
    });
  }

  /** The category under a pixel of any panel, or null outside the plots. */
  private categoryAt(chart: ECharts, pixel: [number, number]): number | null {
    const panels = Math.max(1, this.panels().length);
    for (let gridIndex = 0; gridIndex < panels; gridIndex++) {
      if (chart.containPixel({ gridIndex }, pixel)) {
        const [x] = chart.convertFromPixel({ gridIndex }, pixel) as number[];
        const index = Math.round(x);
        return index >= 0 && index < this.data().categories.length ? index : null;
      }
    }
    return null;
  }
}

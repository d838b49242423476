import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { ValueFormatter } from './chart-types';
import { provideLazyEcharts } from './lazy-echarts';
import { buildSurvivalOption, SurvivalCurve } from './survival-option';

/** Retention (Kaplan–Meier) curves, several on one chart, on a day axis. echarts loads lazily. */
@Component({
  selector: 'fw-survival-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgxEchartsDirective],
  providers: [provideLazyEcharts()],
  template: `
    <figure>
      @if (caption()) {
        <figcaption>{{ caption() }}</figcaption>
      }
      @if (curves().length === 0) {
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
export class FwSurvivalChart {
  readonly curves = input.required<readonly SurvivalCurve[]>();
  readonly horizonDays = input(730);
  readonly valueFormatter = input<ValueFormatter | undefined>(undefined);
  readonly height = input(360);
  readonly caption = input<string | null>(null);
  readonly emptyText = input('No data for this selection.');

  protected readonly option = computed(() =>
    buildSurvivalOption(this.curves(), {
      horizonDays: this.horizonDays(),
      valueFormatter: this.valueFormatter(),
    }),
  );
  protected readonly summary = computed(() => {
    const f = this.valueFormatter() ?? ((v: number) => `${Math.round(v * 100)}%`);
    return `${this.caption() ?? 'Retention curves'}. ${this.curves()
      .map((c) => {
        const last = c.steps
          .filter(([d]) => d <= Math.min(c.followUpDays, this.horizonDays()))
          .at(-1);
        return `${c.name}: ${last ? f(last[1]) : f(1)} still employed after ${Math.min(c.followUpDays, this.horizonDays())} days`;
      })
      .join('; ')}`;
  });
}

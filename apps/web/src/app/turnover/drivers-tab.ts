import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { DriverDto } from '@floorwise/contracts';
import {
  Alert,
  ExportPanel,
  formatPercent,
  FwBarChart,
  FwIntervalChart,
  IntervalRow,
  NumberFormatPipe,
  PercentFixedPipe,
  StatCard,
  toCsv,
} from '@floorwise/ui';
import { loadOnChange } from '../core/load';
import { TurnoverApi } from './turnover-api.service';

/** The exit rate of agents by what they were exposed to, with Wilson intervals; exit reasons. */
@Component({
  selector: 'fw-turnover-drivers',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    Alert,
    ExportPanel,
    FwIntervalChart,
    FwBarChart,
    MatProgressBar,
    NumberFormatPipe,
    PercentFixedPipe,
    StatCard,
  ],
  template: `
    @if (data().error; as message) {
      <fw-alert tone="error" heading="Drivers could not be loaded" class="fw-alert-gap">{{
        message
      }}</fw-alert>
    }
    <div class="progress">
      @if (data().loading) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the drivers" />
      }
    </div>
    @if (data().value; as d) {
      <section class="cards" aria-label="Who the drivers count">
        <fw-stat-card
          label="Agents employed"
          [value]="d.agents | num"
          [hint]="'at some point from ' + d.from"
        />
        <fw-stat-card
          label="Left in the range"
          [value]="d.separations | num"
          [hint]="'to ' + d.to"
        />
        <fw-stat-card
          label="Exit rate"
          [value]="d.overall.rate | percentFixed"
          [hint]="
            d.overall.ci ? '95 % CI ' + pct(d.overall.ci.lower) + '–' + pct(d.overall.ci.upper) : ''
          "
        />
      </section>
      <p class="note">
        Each agent is measured over their last {{ d.windowDays }} days employed in the range (the
        days before leaving, or up to {{ d.to }}). A rate is the share of a band's agents who left
        in the range; the bar is its Wilson 95 % interval — wide bars mean few agents, so read them
        as “not known yet”. The dashed line is the rate of all agents.
      </p>
      <div class="grid">
        @for (driver of d.drivers; track driver.driver) {
          <fw-export-panel
            [title]="driver.label"
            [fileName]="'turnover-driver-' + driver.driver"
            [csv]="csvOf(driver)"
            [attr.data-testid]="'driver-' + driver.driver"
          >
            <fw-interval-chart
              [rows]="rowsOf(driver)"
              [valueFormatter]="pct"
              [reference]="d.overall.rate === null ? null : { value: d.overall.rate, label: 'all' }"
              [max]="1"
            />
          </fw-export-panel>
        }
      </div>
      <fw-export-panel
        title="Reasons recorded at exit"
        subtitle="Free text from the HR system; spellings that differ only in case or punctuation count as one reason."
        fileName="turnover-exit-reasons"
        [csv]="reasonsCsv"
        data-testid="turnover-reasons"
      >
        <fw-bar-chart
          [data]="reasonsChart()"
          orientation="horizontal"
          [stacked]="true"
          [height]="60 + reasonsChart().categories.length * 28"
          emptyText="Nobody left in this range."
        />
      </fw-export-panel>
    }
  `,
  styleUrl: './turnover-tabs.scss',
})
export class DriversTab {
  private readonly api = inject(TurnoverApi);
  readonly range = input.required<{ from: string; to: string }>();

  protected readonly data = loadOnChange(
    () => this.range(),
    (r) => this.api.drivers({ from: r.from, to: r.to }),
  );
  protected readonly pct = (v: number) => formatPercent(v, undefined, 0);

  protected rowsOf(driver: DriverDto): IntervalRow[] {
    return driver.bands
      .filter((b) => b.agents > 0)
      .map((b) => ({
        label: b.band,
        value: b.rate,
        lower: b.ci?.lower ?? null,
        upper: b.ci?.upper ?? null,
        note: `${b.separations} of ${b.agents}`,
      }));
  }

  protected csvOf(driver: DriverDto): () => string {
    return () =>
      toCsv(
        [
          { header: 'band', value: (b) => b.band },
          { header: 'agents', value: (b) => b.agents },
          { header: 'exits', value: (b) => b.separations },
          { header: 'voluntary', value: (b) => b.voluntary },
          { header: 'involuntary', value: (b) => b.involuntary },
          { header: 'exit_rate', value: (b) => b.rate },
          { header: 'ci95_lower', value: (b) => b.ci?.lower },
          { header: 'ci95_upper', value: (b) => b.ci?.upper },
        ],
        driver.bands,
      );
  }

  protected readonly reasonsChart = computed(() => {
    const reasons = (this.data().value?.reasons ?? []).slice(0, 15);
    return {
      categories: reasons.map((r) => r.reason.replace(/\s+/g, ' ').slice(0, 48)),
      series: [
        { name: 'Voluntary', values: reasons.map((r) => r.voluntary) },
        { name: 'Involuntary', values: reasons.map((r) => r.involuntary) },
        {
          name: 'Type not recorded',
          values: reasons.map((r) => r.separations - r.voluntary - r.involuntary),
        },
      ],
    };
  });

  protected readonly reasonsCsv = () =>
    toCsv(
      [
        { header: 'reason', value: (r) => r.reason },
        { header: 'exits', value: (r) => r.separations },
        { header: 'voluntary', value: (r) => r.voluntary },
        { header: 'involuntary', value: (r) => r.involuntary },
        { header: 'share', value: (r) => r.share },
      ],
      this.data().value?.reasons ?? [],
    );
}

import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import type { CampaignDto, ForecastSlot } from '@floorwise/contracts';
import {
  Alert,
  csvFileName,
  CsvColumn,
  downloadCsv,
  DurationPipe,
  formatClockSpan,
  formatDayLabel,
  formatRange,
  FwHeatmapChart,
  Icon,
  NumberFormatPipe,
  PercentFormatPipe,
  StatCard,
  toCsv,
  TypedCellDef,
  TypedRowDef,
} from '@floorwise/ui';
import { of } from 'rxjs';
import { loadOnChange } from '../core/load';
import {
  defaultForecastCampaign,
  forecastHeatmap,
  onTheHour,
  shortDayLabel,
  trimIdleEdges,
  weekPeak,
} from './forecast-week';
import { StaffingApi } from './staffing-api.service';

const CSV_COLUMNS: CsvColumn<ForecastSlot>[] = [
  { header: 'date', value: (s) => s.date },
  { header: 'start', value: (s) => s.start },
  { header: 'offered_forecast', value: (s) => Number(s.offered.toFixed(2)) },
  { header: 'aht_seconds', value: (s) => Number(s.ahtSeconds.toFixed(1)) },
  { header: 'raw_agents', value: (s) => s.rawAgents },
  { header: 'scheduled_agents', value: (s) => s.agents },
];

/**
 * The week ahead of one campaign (metrics.md §2): forecast calls per half-hour turned into
 * required agents by Erlang C, as a heatmap, with how far off the method was on a past week.
 */
@Component({
  selector: 'fw-forecast-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatButton,
    MatProgressBar,
    MatTableModule,
    TypedCellDef,
    TypedRowDef,
    Alert,
    Icon,
    StatCard,
    FwHeatmapChart,
    NumberFormatPipe,
    PercentFormatPipe,
    DurationPipe,
  ],
  templateUrl: './forecast-panel.html',
  styleUrl: './staffing-sections.scss',
})
export class ForecastPanel {
  private readonly api = inject(StaffingApi);
  readonly campaigns = input.required<readonly CampaignDto[]>();
  readonly phone = input(false);

  private readonly picked = signal<string | null>(null);
  protected readonly campaignCode = computed(
    () => this.picked() ?? defaultForecastCampaign(this.campaigns()),
  );
  protected readonly forecast = loadOnChange(
    () => this.campaignCode(),
    (code) => (code ? this.api.forecast(code, 30) : of(null)),
  );
  /** The forecast of the chosen campaign only: a failure does not leave another's standing. */
  protected readonly shown = computed(() => {
    const f = this.forecast();
    return f.error || !f.value || f.value.campaignCode !== this.campaignCode() ? null : f.value;
  });
  protected readonly week = computed(() => {
    const f = this.shown();
    return f ? trimIdleEdges(f.slots) : null;
  });
  protected readonly heatmap = computed(() => {
    const f = this.shown();
    return f ? forecastHeatmap(f) : null;
  });
  /** Across a phone the dates are columns: weekday over day of month, on two lines. */
  protected readonly twoLineRow = (_row: string, index: number) => {
    const dates = [...new Set(this.shown()?.slots.map((s) => s.date) ?? [])].sort();
    return shortDayLabel(dates[index] ?? '');
  };
  protected readonly showColumnLabel = computed(() => onTheHour(this.week()?.starts ?? []));
  protected readonly peak = computed(() => weekPeak(this.week()?.slots ?? []));
  protected readonly rangeText = computed(() => {
    const f = this.shown();
    return f ? formatRange({ from: f.startDate, to: f.endDate }) : '';
  });
  protected readonly heldOutText = computed(() => {
    const b = this.shown()?.backtest;
    return b ? formatRange({ from: b.heldOutStart, to: b.heldOutEnd }) : '';
  });
  protected readonly heatmapHeight = computed(() => {
    const week = this.week();
    const rows = this.phone() ? (week?.starts.length ?? 0) : 7;
    return Math.max(260, rows * (this.phone() ? 20 : 38) + 110);
  });
  protected readonly slotColumns = ['date', 'interval', 'offered', 'aht', 'raw', 'agents'];

  protected pick(code: string): void {
    this.picked.set(code);
  }

  protected dayLabel(date: string): string {
    return formatDayLabel(date);
  }

  protected intervalLabel(slot: ForecastSlot): string {
    return formatClockSpan(slot.start, this.shown()?.intervalMinutes ?? 30);
  }

  protected exportCsv(): void {
    const f = this.shown();
    if (f) {
      downloadCsv(
        csvFileName(`staffing-forecast-${f.campaignCode}-${f.startDate}`),
        toCsv(CSV_COLUMNS, f.slots),
      );
    }
  }
}

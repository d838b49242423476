import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { inject } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { BURNOUT_BANDS, type BurnoutTeamView } from '@floorwise/contracts';
import {
  Alert,
  CategoryChartData,
  formatLocalDate,
  formatNumber,
  formatPercent,
  FwBarChart,
  FwLineChart,
  PageHeader,
  StatCard,
  StatTone,
} from '@floorwise/ui';
import { loadOnChange } from '../core/load';
import { BandChip } from './band-chip';
import { BurnoutApi } from './burnout-api.service';
import { BAND_COLOR, BAND_LABEL, COMPONENT_LABEL } from './burnout-text';

/** The team view: distribution by band, mean index over time, capacity at risk, top drivers. */
@Component({
  selector: 'fw-burnout-team-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    Alert,
    BandChip,
    FwBarChart,
    FwLineChart,
    MatFormField,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    PageHeader,
    RouterLink,
    StatCard,
  ],
  templateUrl: './team-page.html',
  styleUrl: './burnout.scss',
})
export class BurnoutTeamPage {
  private readonly api = inject(BurnoutApi);
  protected readonly teamCode = signal('');
  protected readonly asOf = signal('');
  protected readonly days = signal(90);
  protected readonly label = COMPONENT_LABEL;
  protected readonly bandLabel = BAND_LABEL;
  protected readonly fmtPct = (v: number) => formatPercent(v);
  /** Counts of agents: whole numbers only (fractional axis ticks stay blank). */
  protected readonly fmtNum = (v: number) => (Number.isInteger(v) ? formatNumber(v, undefined, 0) : '');

  protected readonly loaded = loadOnChange(
    () => ({ teamCode: this.teamCode(), asOf: this.asOf(), days: this.days() }),
    (q) =>
      this.api.team({
        teamCode: q.teamCode || undefined,
        asOf: q.asOf || undefined,
        days: q.days,
      }),
  );
  protected readonly view = computed<BurnoutTeamView | undefined>(() => this.loaded().value);

  protected readonly meanTone = computed<StatTone>(() => toneOf(this.view()?.meanIndex ?? null));
  protected readonly atRiskShare = computed(() => {
    const v = this.view();
    return v && v.withIndex > 0 ? (v.bands.high + v.bands.critical) / v.withIndex : null;
  });

  protected readonly bandPalette = BURNOUT_BANDS.map((b) => BAND_COLOR[b]);
  protected readonly bandRows = computed(() => {
    const v = this.view();
    return BURNOUT_BANDS.map((band) => ({
      band,
      label: BAND_LABEL[band],
      color: BAND_COLOR[band],
      count: v?.bands[band] ?? 0,
      share: v && v.withIndex > 0 ? v.bands[band] / v.withIndex : 0,
    }));
  });

  protected readonly meanTrend = computed<CategoryChartData>(() => {
    const v = this.view();
    if (!v || v.trend.length === 0) {
      return { categories: [], series: [] };
    }
    return {
      categories: v.trend.map((p) => formatLocalDate(p.date, undefined, 'short')),
      series: [
        { name: 'Mean index', values: v.trend.map((p) => p.meanIndex) },
        {
          name: 'Capacity at risk (%)',
          values: v.trend.map((p) => (p.capacityAtRisk === null ? null : 100 * p.capacityAtRisk)),
        },
      ],
    };
  });

  protected readonly bandTrend = computed<CategoryChartData>(() => {
    const v = this.view();
    if (!v || v.trend.length === 0) {
      return { categories: [], series: [] };
    }
    return {
      categories: v.trend.map((p) => formatLocalDate(p.date, undefined, 'short')),
      series: BURNOUT_BANDS.map((b) => ({
        name: BAND_LABEL[b],
        values: v.trend.map((p) => p.bands[b]),
      })),
    };
  });

  protected readonly maxDriverPoints = computed(() =>
    Math.max(1, ...(this.view()?.drivers ?? []).map((d) => d.meanPoints)),
  );

  protected pct(v: number | null): string {
    return formatPercent(v);
  }
  protected num(v: number | null, digits = 0): string {
    return formatNumber(v, undefined, digits);
  }
  protected date(d: string): string {
    return formatLocalDate(d);
  }
  protected signed(v: number | null): string {
    return v === null ? '—' : v > 0 ? `+${v}` : `${v}`;
  }
}

export function toneOf(index: number | null): StatTone {
  if (index === null) {
    return 'neutral';
  }
  return index >= 60 ? 'bad' : index >= 40 ? 'warn' : 'good';
}

import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import type {
  TurnoverCostAssumptionsDto,
  TurnoverGroupBy,
  TurnoverScope,
} from '@floorwise/contracts';
import {
  Alert,
  ComboPanel,
  CsvColumn,
  ExportPanel,
  formatNumber,
  formatPercent,
  FwBarChart,
  FwComboChart,
  NumberFormatPipe,
  PercentFixedPipe,
  StatCard,
  toCsv,
} from '@floorwise/ui';
import { forkJoin } from 'rxjs';
import { loadOnChange } from '../core/load';
import { CostAssumptionsEditor } from './cost-assumptions-editor';
import { TurnoverApi } from './turnover-api.service';
import {
  GroupRow,
  groupBars,
  groupRows,
  monthLabel,
  monthlyCombo,
  overviewFigures,
  wholeDollars,
} from './turnover-figures';
import { GROUPS } from './turnover-state';

const PCT = (v: number) => formatPercent(v, undefined, 1);

/** Headcount, separations and attrition over time and by group; cost of turnover. */
@Component({
  selector: 'fw-turnover-overview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    StatCard,
    Alert,
    ExportPanel,
    FwComboChart,
    FwBarChart,
    MatProgressBar,
    NumberFormatPipe,
    PercentFixedPipe,
    CostAssumptionsEditor,
  ],
  templateUrl: './overview-tab.html',
  styleUrl: './turnover-tabs.scss',
})
export class OverviewTab {
  private readonly api = inject(TurnoverApi);

  readonly range = input.required<{ from: string; to: string }>();
  readonly groupBy = input.required<TurnoverGroupBy>();
  readonly scope = input<TurnoverScope>('mine');
  readonly canEditCosts = input(false);
  readonly isManager = input(false);

  private readonly reload = signal(0);

  protected readonly data = loadOnChange(
    () => ({ ...this.range(), groupBy: this.groupBy(), scope: this.scope(), n: this.reload() }),
    (p) =>
      forkJoin({
        all: this.api.summary({ from: p.from, to: p.to, scope: p.scope }),
        grouped: this.api.summary({ from: p.from, to: p.to, groupBy: p.groupBy }),
        cost: this.api.cost({ from: p.from, to: p.to, groupBy: p.groupBy }),
        retention: this.api.retention({ asOf: p.to, scope: p.scope }),
      }),
  );

  protected readonly groupTitle = computed(
    () => GROUPS.find((g) => g.id === this.groupBy())?.label ?? this.groupBy(),
  );
  protected readonly groupLabel = computed(
    () => GROUPS.find((g) => g.id === this.groupBy())?.label.toLowerCase() ?? this.groupBy(),
  );
  protected readonly figures = computed(() => {
    const all = this.data().value?.all.groups[0];
    return all ? overviewFigures(all) : null;
  });
  protected readonly median = computed(() => this.data().value?.retention.medianTenureDays ?? null);
  protected readonly combo = computed(() => {
    const all = this.data().value?.all.groups[0];
    return all ? monthlyCombo(all, (m) => monthLabel(m)) : { categories: [], series: [] };
  });
  /** Separations are whole people: small counts get whole-number ticks. */
  protected readonly comboPanels = computed<ComboPanel[]>(() => {
    const months = this.data().value?.all.groups[0]?.months ?? [];
    const most = Math.max(
      0,
      ...months.map((m) => Math.max(m.voluntary, m.involuntary, m.separations)),
    );
    return [
      {
        left: {
          name: 'Separations',
          format: (v) => formatNumber(v),
          min: 0,
          ...(most <= 6 ? { interval: 1, max: Math.max(1, most) } : {}),
        },
        right: { name: 'Headcount', format: (v) => formatNumber(v), min: 0 },
        weight: 2,
      },
      { left: { name: 'Monthly attrition', format: PCT, min: 0 }, weight: 1 },
    ];
  });
  protected readonly rows = computed<GroupRow[]>(() => {
    const v = this.data().value;
    return v ? groupRows(v.grouped.groups, v.cost) : [];
  });
  protected readonly bars = computed(() => groupBars(this.rows()));
  protected readonly cost = computed(() => this.data().value?.cost ?? null);
  protected readonly assumptions = computed<TurnoverCostAssumptionsDto[]>(
    () => this.data().value?.cost.assumptions ?? [],
  );
  protected readonly pct = PCT;

  protected readonly monthsCsv = () => {
    const all = this.data().value?.all.groups[0];
    const cols: CsvColumn<NonNullable<typeof all>['months'][number]>[] = [
      { header: 'month', value: (m) => m.month },
      { header: 'headcount_start', value: (m) => m.headcountStart },
      { header: 'headcount_end', value: (m) => m.headcountEnd },
      { header: 'separations', value: (m) => m.separations },
      { header: 'voluntary', value: (m) => m.voluntary },
      { header: 'involuntary', value: (m) => m.involuntary },
      { header: 'attrition_rate', value: (m) => m.rate },
    ];
    return toCsv(cols, all?.months ?? []);
  };

  protected readonly groupsCsv = () =>
    toCsv<GroupRow>(
      [
        { header: this.groupBy(), value: (r) => r.key },
        { header: 'headcount_start', value: (r) => r.headcountStart },
        { header: 'headcount_end', value: (r) => r.headcountEnd },
        { header: 'separations', value: (r) => r.separations },
        { header: 'voluntary', value: (r) => r.voluntary },
        { header: 'involuntary', value: (r) => r.involuntary },
        { header: 'mean_monthly_attrition', value: (r) => r.meanMonthlyRate },
        { header: 'trailing_12_month_attrition', value: (r) => r.trailing12Rate },
        { header: 'hires_90_days_in', value: (r) => r.earlyCohort },
        { header: 'gone_before_day_90', value: (r) => r.earlySeparated },
        { header: 'attrition_90_day', value: (r) => r.earlyRate },
        {
          header: 'cost_of_turnover_usd',
          value: (r) => (r.costCents === null ? null : r.costCents / 100),
        },
      ],
      this.rows(),
    );

  protected readonly costCsv = () => {
    const c = this.cost();
    const rows = c ? [...c.groups, c.total] : [];
    return toCsv(
      [
        { header: this.groupBy(), value: (g) => g.key },
        { header: 'separations', value: (g) => g.separations },
        { header: 'recruiting_usd', value: (g) => g.recruitingCents / 100 },
        { header: 'training_usd', value: (g) => g.trainingCents / 100 },
        { header: 'ramp_loss_usd', value: (g) => g.rampLossCents / 100 },
        { header: 'total_usd', value: (g) => g.totalCents / 100 },
        {
          header: 'per_separation_usd',
          value: (g) => (g.perSeparationCents === null ? null : g.perSeparationCents / 100),
        },
      ],
      rows,
    );
  };

  protected money(cents: number | null | undefined): string {
    return wholeDollars(cents);
  }

  protected saved(): void {
    this.reload.update((n) => n + 1);
  }
}

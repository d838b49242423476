import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  MatFormField,
  MatHint,
  MatLabel,
  MatPrefix,
  MatSuffix,
} from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import type {
  WhatIfAssumptionsDto,
  WhatIfMetric,
  WhatIfPeriodDto,
  WhatIfRequest,
} from '@floorwise/contracts';
import {
  Alert,
  ExportPanel,
  formatNumber,
  formatPercent,
  FwBarChart,
  FwLineChart,
  NumberFormatPipe,
  PercentFixedPipe,
  StatCard,
  toCsv,
} from '@floorwise/ui';
import { loadOnChange } from '../core/load';
import { TurnoverApi } from './turnover-api.service';
import { wholeDollars, whatIfCharts } from './turnover-figures';

const METRICS: readonly { id: WhatIfMetric; label: string }[] = [
  { id: 'calls_per_hour', label: 'Calls per worked hour' },
  { id: 'calls_handled', label: 'Calls handled' },
  { id: 'aht_seconds', label: 'Handle time (longest fired)' },
  { id: 'qa_score', label: 'QA score' },
  { id: 'csat', label: 'CSAT' },
  { id: 'sales', label: 'Sales' },
  { id: 'saves', label: 'Retention saves' },
  { id: 'resolution_rate', label: 'Resolution rate' },
];

const BANDS = ['0-89d', '90-179d', '180-364d', '1-2y', '2y+'];

/** Draft of the editable assumptions, in the units people type (dollars, percent). */
interface Draft {
  baseRateDollars: number;
  contractHours: number;
  voluntaryPct: number;
  involuntaryPct: number;
  keepsInvoluntary: boolean;
  recruitingDollars: number;
  trainingWeeks: number;
  rampWeeks: number;
  rampProductivityPct: number;
  newHires: 'roster' | 'fixed';
  newHireValue: number;
}

/** The metrics.md §6 bottom-X % policy what-if against the current trend, assumptions editable. */
@Component({
  selector: 'fw-turnover-what-if',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    Alert,
    ExportPanel,
    FwLineChart,
    FwBarChart,
    StatCard,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatHint,
    MatPrefix,
    MatSuffix,
    MatInput,
    MatSelect,
    MatOption,
    MatProgressBar,
    NumberFormatPipe,
    PercentFixedPipe,
  ],
  templateUrl: './what-if-tab.html',
  styleUrl: './turnover-tabs.scss',
})
export class WhatIfTab {
  private readonly api = inject(TurnoverApi);
  readonly asOf = input.required<string>();

  protected readonly metrics = METRICS;
  protected readonly bands = BANDS;
  protected readonly metric = signal<WhatIfMetric>('calls_per_hour');
  protected readonly bottomPct = signal(33);
  protected readonly periods = signal(4);
  protected readonly periodMonths = signal(3);
  protected readonly draft = signal<Draft | null>(null);
  private readonly request = signal<WhatIfRequest | null>(null);

  protected readonly result = loadOnChange(
    () => this.request(),
    (r) => this.api.whatIf(r ?? this.baseRequest()),
  );

  constructor() {
    // The first run measures the assumptions; they then fill the form for editing.
    effect(() => {
      const value = this.result().value;
      if (value && this.draft() === null) {
        this.draft.set(toDraft(value.assumptions));
      }
    });
  }

  protected readonly charts = computed(() => {
    const v = this.result().value;
    return v ? whatIfCharts(v) : null;
  });
  protected readonly pct = (v: number) => formatPercent(v, undefined, 0);
  protected readonly days = (v: number) => `${formatNumber(v)} d`;
  protected readonly dollars = (v: number) => wholeDollars(v * 100);
  protected readonly money = (cents: number | null | undefined) => wholeDollars(cents);
  protected readonly last = computed(() => {
    const v = this.result().value;
    return v ? { policy: v.policy.periods.at(-1), trend: v.baseline.periods.at(-1) } : null;
  });

  protected baseRequest(): WhatIfRequest {
    return {
      metric: this.metric(),
      bottomShare: this.bottomPct() / 100,
      periods: this.periods(),
      periodMonths: this.periodMonths(),
      asOf: this.asOf(),
    };
  }

  /** Runs with the form's assumptions (after the first, measured run). */
  protected run(): void {
    const d = this.draft();
    this.request.set({ ...this.baseRequest(), ...(d ? { assumptions: fromDraft(d) } : {}) });
  }

  /** Back to what the data says: measured attrition, pay and the sites' cost assumptions. */
  protected resetAssumptions(): void {
    this.draft.set(null);
    this.request.set({ ...this.baseRequest() });
  }

  protected setDraft<K extends keyof Draft>(key: K, value: Draft[K]): void {
    this.draft.update((d) => (d ? { ...d, [key]: value } : d));
  }

  protected num(event: Event): number {
    return Number((event.target as HTMLInputElement).value);
  }

  protected readonly periodsCsv = () => {
    const v = this.result().value;
    if (!v) {
      return '';
    }
    const rows = [
      ...v.policy.periods.map((p) => ({ scenario: 'policy', ...p })),
      ...v.baseline.periods.map((p) => ({ scenario: 'current_trend', ...p })),
    ];
    return toCsv<WhatIfPeriodDto & { scenario: string }>(
      [
        { header: 'scenario', value: (r) => r.scenario },
        { header: 'period', value: (r) => r.period },
        { header: 'voluntary_separations', value: (r) => r.voluntarySeparations },
        { header: 'involuntary_separations', value: (r) => r.involuntarySeparations },
        { header: 'replacement_hires', value: (r) => r.replacementHires },
        { header: 'headcount', value: (r) => r.headcount },
        { header: 'mean_tenure_days', value: (r) => r.meanTenureDays },
        { header: 'share_under_90_days', value: (r) => r.shareUnder90Days },
        { header: 'mean_metric', value: (r) => r.meanMetric },
        { header: 'recruiting_usd', value: (r) => r.recruitingCents / 100 },
        { header: 'training_usd', value: (r) => r.trainingCents / 100 },
        { header: 'ramp_loss_usd', value: (r) => r.rampLossCents / 100 },
        { header: 'cost_usd', value: (r) => r.costCents / 100 },
        ...BANDS.map((b) => ({
          header: `tenure_${b}`,
          value: (r: WhatIfPeriodDto) => r.tenureMix[b],
        })),
      ],
      rows,
    );
  };
}

function toDraft(a: WhatIfAssumptionsDto): Draft {
  return {
    baseRateDollars: a.baseRateCents / 100,
    contractHours: round(a.contractHours, 1),
    voluntaryPct: round(a.monthlyVoluntaryAttrition * 100, 2),
    involuntaryPct: round(a.monthlyInvoluntaryAttrition * 100, 2),
    keepsInvoluntary: a.policyKeepsCurrentInvoluntary,
    recruitingDollars: Math.round(a.recruitingCents / 100),
    trainingWeeks: round(a.trainingWeeks, 1),
    rampWeeks: round(a.rampWeeks, 1),
    rampProductivityPct: Math.round(a.rampProductivity * 100),
    newHires: a.newHireMetric === 'roster' ? 'roster' : 'fixed',
    newHireValue: a.newHireMetric === 'roster' ? 0 : a.newHireMetric,
  };
}

function fromDraft(d: Draft): WhatIfAssumptionsDto {
  return {
    baseRateCents: Math.round(d.baseRateDollars * 100),
    contractHours: d.contractHours,
    monthlyVoluntaryAttrition: d.voluntaryPct / 100,
    monthlyInvoluntaryAttrition: d.involuntaryPct / 100,
    policyKeepsCurrentInvoluntary: d.keepsInvoluntary,
    recruitingCents: Math.round(d.recruitingDollars * 100),
    trainingWeeks: d.trainingWeeks,
    rampWeeks: d.rampWeeks,
    rampProductivity: d.rampProductivityPct / 100,
    newHireMetric: d.newHires === 'roster' ? 'roster' : d.newHireValue,
  };
}

function round(x: number, digits: number): number {
  return Number(x.toFixed(digits));
}

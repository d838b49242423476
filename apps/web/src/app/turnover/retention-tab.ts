import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import type { HireCohort, RetentionGroupBy } from '@floorwise/contracts';
import {
  Alert,
  ExportPanel,
  formatPercent,
  FwSurvivalChart,
  NumberFormatPipe,
  PercentFixedPipe,
  toCsv,
} from '@floorwise/ui';
import { loadOnChange } from '../core/load';
import { TurnoverApi } from './turnover-api.service';
import { MIN_CURVE_AGENTS, survivalCurves, survivalOn } from './turnover-figures';

interface CurveChoice {
  id: string;
  label: string;
  groupBy: RetentionGroupBy;
  cohort?: HireCohort;
}

const CHOICES: readonly CurveChoice[] = [
  { id: 'year', label: 'Hire year', groupBy: 'hire_cohort', cohort: 'year' },
  { id: 'quarter', label: 'Hire quarter', groupBy: 'hire_cohort', cohort: 'quarter' },
  { id: 'site', label: 'Site', groupBy: 'site' },
  { id: 'team', label: 'Team', groupBy: 'team' },
  { id: 'campaign', label: 'Campaign', groupBy: 'campaign' },
  { id: 'work_mode', label: 'Work mode', groupBy: 'work_mode' },
  { id: 'title', label: 'Title', groupBy: 'title' },
];

const HORIZONS = [
  { days: 180, label: '6 months' },
  { days: 365, label: '1 year' },
  { days: 730, label: '2 years' },
  { days: 1825, label: '5 years' },
];

/** Kaplan–Meier retention curves by hire cohort or group, several on one chart. */
@Component({
  selector: 'fw-turnover-retention',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    Alert,
    ExportPanel,
    FwSurvivalChart,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatProgressBar,
    NumberFormatPipe,
    PercentFixedPipe,
  ],
  template: `
    <div class="controls">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Curves by</mat-label>
        <mat-select [value]="choice()" (valueChange)="choice.set($event)">
          @for (c of choices; track c.id) {
            <mat-option [value]="c.id">{{ c.label }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>First</mat-label>
        <mat-select [value]="horizon()" (valueChange)="horizon.set($event)">
          @for (h of horizons; track h.days) {
            <mat-option [value]="h.days">{{ h.label }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <span class="fw-muted">as of {{ asOf() }}</span>
    </div>
    @if (data().error; as message) {
      <fw-alert tone="error" heading="Retention could not be loaded" class="fw-alert-gap">{{
        message
      }}</fw-alert>
    }
    <div class="progress">
      @if (data().loading) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading retention curves" />
      }
    </div>
    <fw-export-panel
      class="gap"
      [title]="'Retention by ' + choiceLabel().toLowerCase()"
      subtitle="Share of hires still employed after each day of tenure (Kaplan–Meier; agents still employed count until today). A curve stops at the longest tenure its group has reached."
      [fileName]="'turnover-retention-by-' + choice()"
      [csv]="curvesCsv"
      data-testid="turnover-retention"
    >
      <fw-survival-chart
        [curves]="chart()"
        [horizonDays]="horizon()"
        [valueFormatter]="pct"
        [height]="380"
        [emptyText]="'No group has ' + minAgents + ' or more hires in this selection.'"
      />
      <p class="note">
        The number beside each name is the group's hires. Groups with fewer than {{ minAgents }}
        hires are left off the chart when others have more (they are in the table); at most seven,
        the largest, are drawn.
      </p>
    </fw-export-panel>
    <fw-export-panel
      title="Median tenure and survival milestones"
      subtitle="Median tenure: the first day the curve reaches 50 %; “—” when more than half are still employed."
      [fileName]="'turnover-retention-milestones-' + choice()"
      [png]="false"
      [csv]="milestonesCsv"
    >
      <div class="fw-table-scroll">
        <table class="fw-table plain" aria-label="Retention milestones">
          <thead>
            <tr>
              <th>{{ choiceLabel() }}</th>
              <th class="fw-num">Hires</th>
              <th class="fw-num">Exits</th>
              <th class="fw-num">Median tenure</th>
              <th class="fw-num">Day 90</th>
              <th class="fw-num">1 year</th>
              <th class="fw-num">2 years</th>
            </tr>
          </thead>
          <tbody>
            @for (m of milestones(); track m.key) {
              <tr>
                <td class="fw-code">{{ m.key }}</td>
                <td class="fw-num">{{ m.agents | num }}</td>
                <td class="fw-num">{{ m.separations | num }}</td>
                <td class="fw-num">{{ m.median === null ? '—' : (m.median | num) + ' d' }}</td>
                <td class="fw-num">{{ m.s90 | percentFixed }}</td>
                <td class="fw-num">{{ m.s365 | percentFixed }}</td>
                <td class="fw-num">{{ m.s730 | percentFixed }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </fw-export-panel>
  `,
  styleUrl: './turnover-tabs.scss',
})
export class RetentionTab {
  private readonly api = inject(TurnoverApi);
  readonly asOf = input.required<string>();

  protected readonly choices = CHOICES;
  protected readonly horizons = HORIZONS;
  protected readonly choice = signal('year');
  protected readonly horizon = signal(730);
  protected readonly pct = (v: number) => formatPercent(v, undefined, 0);
  protected readonly choiceLabel = computed(
    () => CHOICES.find((c) => c.id === this.choice())?.label ?? '',
  );

  protected readonly data = loadOnChange(
    () => ({
      choice: CHOICES.find((c) => c.id === this.choice()) ?? CHOICES[0],
      asOf: this.asOf(),
    }),
    (p) => this.api.curves({ groupBy: p.choice.groupBy, cohort: p.choice.cohort, asOf: p.asOf }),
  );
  protected readonly minAgents = MIN_CURVE_AGENTS;
  protected readonly chart = computed(() => {
    const v = this.data().value;
    return v ? survivalCurves(v) : [];
  });
  protected readonly milestones = computed(() =>
    (this.data().value?.groups ?? []).map((g) => {
      const at = (d: number) => (d > g.followUpDays ? null : survivalOn(g.points, d));
      return {
        key: g.key,
        agents: g.agents,
        separations: g.separations,
        median: g.medianTenureDays,
        s90: at(90),
        s365: at(365),
        s730: at(730),
      };
    }),
  );

  protected readonly milestonesCsv = () =>
    toCsv(
      [
        { header: this.choice(), value: (m) => m.key },
        { header: 'hires', value: (m) => m.agents },
        { header: 'exits', value: (m) => m.separations },
        { header: 'median_tenure_days', value: (m) => m.median },
        { header: 'survival_day_90', value: (m) => m.s90 },
        { header: 'survival_day_365', value: (m) => m.s365 },
        { header: 'survival_day_730', value: (m) => m.s730 },
      ],
      this.milestones(),
    );

  protected readonly curvesCsv = () => {
    const rows = (this.data().value?.groups ?? []).flatMap((g) =>
      g.points.map((p) => ({ key: g.key, ...p })),
    );
    return toCsv(
      [
        { header: this.choice(), value: (r) => r.key },
        { header: 'day', value: (r) => r.day },
        { header: 'survival', value: (r) => r.survival },
        { header: 'at_risk', value: (r) => r.atRisk },
        { header: 'events', value: (r) => r.events },
      ],
      rows,
    );
  };
}

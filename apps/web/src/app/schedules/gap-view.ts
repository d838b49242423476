import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import type { CampaignDto, GapSlotDto } from '@floorwise/contracts';
import {
  Alert,
  csvFileName,
  CsvColumn,
  downloadCsv,
  formatClockSpan,
  formatDayLabel,
  formatNumber,
  formatRange,
  FwHeatmapChart,
  Icon,
  NumberFormatPipe,
  StatCard,
  toCsv,
  TypedCellDef,
  TypedRowDef,
} from '@floorwise/ui';
import { map, of } from 'rxjs';
import { loadOnChange } from '../core/load';
import { OrgApi } from '../organisation/org-api.service';
import { activeStarts, gapHeatmap, worstSlots } from './roster-model';
import { SchedulesApi } from './schedules-api.service';

const CSV_COLUMNS: CsvColumn<GapSlotDto>[] = [
  { header: 'date', value: (s) => s.date },
  { header: 'start', value: (s) => s.start },
  { header: 'offered_forecast', value: (s) => Number(s.offered.toFixed(2)) },
  { header: 'required_on_phones', value: (s) => s.required },
  { header: 'required_scheduled', value: (s) => s.requiredScheduled },
  { header: 'staffed', value: (s) => Number(s.staffed.toFixed(2)) },
  { header: 'overtime_staffed', value: (s) => Number(s.overtimeStaffed.toFixed(2)) },
  { header: 'gap', value: (s) => Number(s.gap.toFixed(2)) },
];

/**
 * The staffing gap (the chain the product exists to show): agents on the floor each half-hour
 * from the shifts, against what Erlang C says the forecast calls need — understaffed intervals
 * red — and the overtime that is already plugging the holes.
 */
@Component({
  selector: 'fw-gap-view',
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
  ],
  template: `
    <div class="fw-filters">
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="campaign">
        <mat-label>Campaign</mat-label>
        <mat-select
          [value]="campaignCode()"
          (valueChange)="picked.set($event)"
          data-testid="gap-campaign"
        >
          @for (c of campaignList(); track c.campaignCode) {
            <mat-option [value]="c.campaignCode">{{ c.campaignCode }} · {{ c.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      @if (shown(); as g) {
        <span class="fw-chip info">{{ rangeText() }}</span>
        <span class="fw-chip">Time zone {{ g.timeZone }}</span>
        <span class="fw-chip">{{ g.agents }} agents work this campaign</span>
        <button mat-stroked-button type="button" class="export" (click)="exportCsv()">
          <fw-icon name="download" /> Export CSV
        </button>
      }
    </div>
    <div class="progress">
      @if (gap().loading) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the staffing gap" />
      }
    </div>
    @if (gap().error; as message) {
      <fw-alert tone="error" heading="No staffing gap for this campaign">{{ message }}</fw-alert>
    }
    @if (shown(); as g) {
      <div class="fw-summary" data-testid="gap-summary">
        <fw-stat-card
          label="Understaffed half-hours"
          [value]="g.summary.understaffedSlots + ' of ' + openSlots()"
          [tone]="g.summary.understaffedSlots > 0 ? 'bad' : 'good'"
          hint="fewer on the floor than Erlang C needs"
        />
        <fw-stat-card
          label="Shortfall"
          [value]="num(g.summary.shortfallAgentHours) + ' agent-h'"
          [tone]="g.summary.shortfallAgentHours > 0 ? 'bad' : 'good'"
          hint="missing agent-hours this week"
        />
        <fw-stat-card
          label="Overtime scheduled"
          [value]="num(g.summary.overtimeAgentHours) + ' agent-h'"
          [tone]="g.summary.overtimeAgentHours > 0 ? 'warn' : 'neutral'"
          hint="hours beyond contract on the floor"
        />
        <fw-stat-card
          label="Overtime filling the gap"
          [value]="num(g.summary.overtimeCoveringGapAgentHours) + ' agent-h'"
          [tone]="g.summary.overtimeCoveringGapAgentHours > 0 ? 'warn' : 'neutral'"
          [hint]="overtimeShare()"
        />
        <fw-stat-card
          label="Surplus"
          [value]="num(g.summary.surplusAgentHours) + ' agent-h'"
          hint="more than needed"
        />
      </div>
      @if (heatmap(); as h) {
        @if (h.columns.length) {
          <fw-heatmap-chart
            caption="On the floor minus required, per half-hour — red is short, blue is over"
            [data]="h"
            valueName="Agents over (+) or short (−)"
            [valueFormatter]="signed"
            [diverging]="true"
            [transpose]="phone()"
            [showColumnLabel]="onTheHour()"
            [columnAxisName]="phone() ? undefined : 'Interval start (' + g.timeZone + ')'"
            [height]="heatmapHeight()"
            data-testid="gap-heatmap"
          />
        } @else {
          <fw-alert
            >No calls are forecast and nobody is scheduled on {{ g.campaignCode }} this
            week.</fw-alert
          >
        }
      }
      <p class="fw-muted note">
        Required: the agents on the phones Erlang C needs for the forecast calls of each half-hour
        (80 % in 20 s, occupancy at most 85 %), before shrinkage. On the floor: the mean number of
        this campaign's agents whose shifts cover the half-hour — breaks, absences, send-homes and
        training taken out. Agents belong to the campaign most of their calls of the last 4 weeks
        were for.
      </p>
      <h3>Worst half-hours</h3>
      <div class="fw-table-card">
        <div class="fw-table-scroll">
          <table mat-table class="fw-table" [dataSource]="worst()">
            <ng-container matColumnDef="day">
              <th mat-header-cell *matHeaderCellDef>Day</th>
              <td mat-cell *matCellDef="let s; table: worst()" class="fw-nowrap">
                {{ day(s.date) }}
              </td>
            </ng-container>
            <ng-container matColumnDef="interval">
              <th mat-header-cell *matHeaderCellDef>Interval</th>
              <td mat-cell *matCellDef="let s; table: worst()" class="fw-nowrap">
                {{ interval(s) }}
              </td>
            </ng-container>
            <ng-container matColumnDef="offered">
              <th mat-header-cell *matHeaderCellDef class="fw-num">Forecast calls</th>
              <td mat-cell *matCellDef="let s; table: worst()" class="fw-num">
                {{ s.offered | num: 1 }}
              </td>
            </ng-container>
            <ng-container matColumnDef="required">
              <th mat-header-cell *matHeaderCellDef class="fw-num">Required</th>
              <td mat-cell *matCellDef="let s; table: worst()" class="fw-num">
                {{ s.required | num }}
              </td>
            </ng-container>
            <ng-container matColumnDef="staffed">
              <th mat-header-cell *matHeaderCellDef class="fw-num">On the floor</th>
              <td mat-cell *matCellDef="let s; table: worst()" class="fw-num">
                {{ s.staffed | num: 1 }}
              </td>
            </ng-container>
            <ng-container matColumnDef="overtime">
              <th mat-header-cell *matHeaderCellDef class="fw-num">of them on overtime</th>
              <td mat-cell *matCellDef="let s; table: worst()" class="fw-num">
                {{ s.overtimeStaffed | num: 1 }}
              </td>
            </ng-container>
            <ng-container matColumnDef="gap">
              <th mat-header-cell *matHeaderCellDef class="fw-num">Short by</th>
              <td mat-cell *matCellDef="let s; table: worst()" class="fw-num short">
                {{ -s.gap | num: 1 }}
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let s; columns: columns; table: worst()"></tr>
          </table>
          @if (!worst().length) {
            <div class="fw-empty empty">No half-hour is understaffed this week.</div>
          }
        </div>
      </div>
    }
  `,
  styles: `
    .campaign {
      width: 340px !important;
    }
    .export {
      margin-left: auto;
    }
    .progress {
      height: 4px;
      margin-bottom: 8px;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 20px 0 8px;
    }
    .note {
      font: var(--mat-sys-body-small);
      max-width: 100ch;
    }
    .short {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
    .empty {
      padding: 24px;
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class GapView {
  private readonly api = inject(SchedulesApi);
  private readonly org = inject(OrgApi);
  protected readonly phone = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 599.98px)')
      .pipe(map((s) => s.matches)),
    { initialValue: false },
  );
  protected readonly columns = [
    'day',
    'interval',
    'offered',
    'required',
    'staffed',
    'overtime',
    'gap',
  ];
  protected readonly picked = signal<string | null>(null);
  private readonly campaigns = loadOnChange(
    () => true,
    () => this.org.campaigns(),
  );
  private readonly teams = loadOnChange(
    () => true,
    () => this.org.teams(),
  );
  protected readonly campaignList = computed<CampaignDto[]>(() => this.campaigns().value ?? []);
  /**
   * The caller's own site first (a manager's teams' site), then inbound queues: their calls wait
   * for an agent, so understaffing shows there.
   */
  protected readonly campaignCode = computed(() => {
    const list = this.campaignList();
    const site = this.teams().value?.[0]?.siteCode ?? null;
    const rank = (c: CampaignDto) =>
      (c.siteCode === site ? 0 : 2) + (c.kind === 'inbound_support' ? 0 : 1);
    const best = [...list].sort((a, b) => rank(a) - rank(b))[0];
    return this.picked() ?? best?.campaignCode ?? null;
  });
  protected readonly gap = loadOnChange(
    () => (this.teams().loading ? null : this.campaignCode()),
    (code) => (code ? this.api.gap(code, 30) : of(null)),
  );
  protected readonly shown = computed(() => {
    const g = this.gap();
    return g.error || !g.value || g.value.campaignCode !== this.campaignCode() ? null : g.value;
  });
  protected readonly heatmap = computed(() => {
    const g = this.shown();
    return g ? gapHeatmap(g) : null;
  });
  protected readonly worst = computed(() => {
    const g = this.shown();
    return g ? worstSlots(g) : [];
  });
  protected readonly openSlots = computed(() => {
    const g = this.shown();
    return g ? g.slots.filter((s) => s.required > 0).length : 0;
  });
  protected readonly rangeText = computed(() => {
    const g = this.shown();
    return g ? formatRange({ from: g.startDate, to: g.endDate }) : '';
  });
  protected readonly overtimeShare = computed(() => {
    const s = this.shown()?.summary;
    if (!s || s.overtimeAgentHours <= 0) {
      return 'none this week';
    }
    return `${Math.round((s.overtimeCoveringGapAgentHours / s.overtimeAgentHours) * 100)} % of the overtime covers a shortfall`;
  });
  protected readonly heatmapHeight = computed(() => {
    const g = this.shown();
    const rows = this.phone() ? (g ? activeStarts(g.slots).length : 0) : 7;
    return Math.max(260, rows * (this.phone() ? 20 : 38) + 110);
  });
  protected readonly signed = (v: number) =>
    v > 0 ? `+${formatNumber(v, undefined, 1)}` : formatNumber(v, undefined, 1);

  protected readonly onTheHour = computed(() => {
    const starts = activeStarts(this.shown()?.slots ?? []);
    return (_c: string, i: number) => (starts[i] ?? '').endsWith(':00');
  });

  protected num(v: number): string {
    return formatNumber(v, undefined, 1);
  }

  protected day(date: string): string {
    return formatDayLabel(date);
  }

  protected interval(s: GapSlotDto): string {
    return formatClockSpan(s.start, this.shown()?.intervalMinutes ?? 30);
  }

  protected exportCsv(): void {
    const g = this.shown();
    if (g) {
      downloadCsv(
        csvFileName(`staffing-gap-${g.campaignCode}-${g.startDate}`),
        toCsv(CSV_COLUMNS, g.slots),
      );
    }
  }
}

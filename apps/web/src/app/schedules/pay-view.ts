import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSort, MatSortHeader, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import type { PayEstimateRowDto, TeamDto } from '@floorwise/contracts';
import {
  addDays,
  Alert,
  CentsPipe,
  csvFileName,
  downloadCsv,
  formatRange,
  Icon,
  sortRows,
  SortState,
  StatCard,
  TypedCellDef,
  TypedRowDef,
  formatCents,
} from '@floorwise/ui';
import { apiErrorMessage } from '../core/api-error';
import { loadOnChange } from '../core/load';
import { Notify } from '../core/notify';
import { OrgApi } from '../organisation/org-api.service';
import { todayLocal } from '../organisation/org-labels';
import { hoursText } from './roster-model';
import { SchedulesApi } from './schedules-api.service';

const ALL = '__all__';

const SORT_BY = {
  name: (r: PayEstimateRowDto) => r.fullName,
  team: (r: PayEstimateRowDto) => r.teamCode,
  paid: (r: PayEstimateRowDto) => r.paidSeconds,
  overtime: (r: PayEstimateRowDto) => r.overtimeSeconds,
  diff: (r: PayEstimateRowDto) =>
    r.lines.nightDifferentialCents +
    r.lines.weekendDifferentialCents +
    r.lines.holidayDifferentialCents,
  spiff: (r: PayEstimateRowDto) => r.lines.spiffCents,
  lost: (r: PayEstimateRowDto) => r.lostSeconds,
  total: (r: PayEstimateRowDto) => r.totalCents,
};

/**
 * Pay estimates of a pay period for many agents: base, overtime premium, differentials, SPIFF
 * awards, hours lost.
 */
@Component({
  selector: 'fw-pay-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatIconButton,
    MatProgressBar,
    MatTableModule,
    MatSort,
    MatSortHeader,
    TypedCellDef,
    TypedRowDef,
    Alert,
    Icon,
    StatCard,
    CentsPipe,
  ],
  template: `
    <div class="fw-filters">
      <button mat-icon-button type="button" (click)="step(-1)" aria-label="Previous pay period">
        ‹
      </button>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Pay period containing</mat-label>
        <input matInput type="date" [value]="date()" (change)="pickDate($event)" />
        <mat-hint>{{ periodText() }}</mat-hint>
      </mat-form-field>
      <button mat-icon-button type="button" (click)="step(1)" aria-label="Next pay period">
        ›
      </button>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Team</mat-label>
        <mat-select [value]="team()" (valueChange)="team.set($event)">
          <mat-option [value]="all">All teams</mat-option>
          @for (t of teamList(); track t.teamCode) {
            <mat-option [value]="t.teamCode">{{ t.teamCode }} · {{ t.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      @if (canExport()) {
        <button
          mat-stroked-button
          type="button"
          class="export"
          (click)="exportCsv()"
          data-testid="payroll-csv"
        >
          <fw-icon name="download" /> Payroll CSV
        </button>
      }
    </div>
    @if (estimates().error; as message) {
      <fw-alert tone="error" heading="The pay estimates could not be loaded">{{
        message
      }}</fw-alert>
    }
    @if (estimates().value; as e) {
      <div class="fw-summary">
        <fw-stat-card label="Agents" [value]="e.totals.agents" />
        <fw-stat-card label="Estimated pay" [value]="cents(e.totals.totalCents)" />
        <fw-stat-card
          label="Overtime premium"
          [value]="cents(e.totals.lines.overtimePremiumCents)"
          [tone]="e.totals.lines.overtimePremiumCents > 0 ? 'warn' : 'neutral'"
        />
        <fw-stat-card
          label="Differentials"
          [value]="
            cents(
              e.totals.lines.nightDifferentialCents +
                e.totals.lines.weekendDifferentialCents +
                e.totals.lines.holidayDifferentialCents
            )
          "
          hint="night, weekend, holiday"
        />
        <fw-stat-card
          label="SPIFF awards"
          [value]="cents(e.totals.lines.spiffCents)"
          [hint]="
            e.totals.spiffPendingCents > 0
              ? cents(e.totals.spiffPendingCents) + ' awaiting approval, not in the total'
              : 'approved bonus awards'
          "
          data-testid="pay-spiff-total"
        />
        <fw-stat-card
          label="Hours lost"
          [value]="hours(e.totals.lostSeconds)"
          [tone]="e.totals.lostSeconds > 0 ? 'bad' : 'neutral'"
          hint="to unpaid send-homes"
        />
      </div>
    }
    <div class="fw-table-card">
      @if (estimates().loading) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading pay estimates" />
      }
      <div class="fw-table-scroll">
        <table
          mat-table
          class="fw-table"
          [dataSource]="rows()"
          matSort
          (matSortChange)="sort.set($event)"
        >
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef mat-sort-header>Agent</th>
            <td mat-cell *matCellDef="let r; table: rows()">
              {{ r.fullName
              }}<span class="fw-sub">{{ r.employeeCode }} · {{ r.from }} – {{ r.to }}</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="team">
            <th mat-header-cell *matHeaderCellDef mat-sort-header>Team</th>
            <td mat-cell *matCellDef="let r; table: rows()" class="fw-code">{{ r.teamCode }}</td>
          </ng-container>
          <ng-container matColumnDef="paid">
            <th mat-header-cell *matHeaderCellDef mat-sort-header class="fw-num">Paid hours</th>
            <td mat-cell *matCellDef="let r; table: rows()" class="fw-num">
              {{ r.paidSeconds > 0 ? hours(r.paidSeconds) : '—' }}
            </td>
          </ng-container>
          <ng-container matColumnDef="base">
            <th mat-header-cell *matHeaderCellDef class="fw-num">Base</th>
            <td mat-cell *matCellDef="let r; table: rows()" class="fw-num">
              {{ r.lines.baseCents | cents }}
            </td>
          </ng-container>
          <ng-container matColumnDef="overtime">
            <th mat-header-cell *matHeaderCellDef mat-sort-header class="fw-num">Overtime</th>
            <td mat-cell *matCellDef="let r; table: rows()" class="fw-num">
              @if (r.overtimeSeconds > 0) {
                {{ r.lines.overtimePremiumCents | cents }}
                <span class="fw-sub">{{ hours(r.overtimeSeconds) }}</span>
              } @else {
                —
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="diff">
            <th mat-header-cell *matHeaderCellDef mat-sort-header class="fw-num">Differentials</th>
            <td mat-cell *matCellDef="let r; table: rows()" class="fw-num">
              {{
                r.lines.nightDifferentialCents +
                  r.lines.weekendDifferentialCents +
                  r.lines.holidayDifferentialCents | cents
              }}
            </td>
          </ng-container>
          <ng-container matColumnDef="spiff">
            <th mat-header-cell *matHeaderCellDef mat-sort-header class="fw-num">SPIFF</th>
            <td mat-cell *matCellDef="let r; table: rows()" class="fw-num">
              @if (r.lines.spiffCents > 0) {
                {{ r.lines.spiffCents | cents }}
                <span class="fw-sub"
                  >{{ r.spiffAwards }} award{{ r.spiffAwards === 1 ? '' : 's' }}</span
                >
              } @else {
                —
              }
              @if (r.spiffPendingCents > 0) {
                <span class="fw-sub pending">+{{ r.spiffPendingCents | cents }} pending</span>
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="lost">
            <th mat-header-cell *matHeaderCellDef mat-sort-header class="fw-num">Hours lost</th>
            <td
              mat-cell
              *matCellDef="let r; table: rows()"
              class="fw-num"
              [class.bad]="r.lostSeconds > 0"
            >
              {{ r.lostSeconds > 0 ? hours(r.lostSeconds) : '—' }}
              @if (r.lostCents > 0) {
                <span class="fw-sub">{{ r.lostCents | cents }}</span>
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="total">
            <th mat-header-cell *matHeaderCellDef mat-sort-header class="fw-num">Estimate</th>
            <td mat-cell *matCellDef="let r; table: rows()" class="fw-num">
              <strong>{{ r.totalCents | cents }}</strong>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns; sticky: true"></tr>
          <tr mat-row *matRowDef="let r; columns: columns; table: rows()"></tr>
        </table>
      </div>
    </div>
    <p class="fw-muted note">
      An estimate from the timesheets so far: base = paid hours × rate (a goal-met release is paid
      to the scheduled end); overtime premium = the extra half for hours past the contract in each
      Monday–Sunday week, paid in the period that holds the week's Sunday; one differential per
      hour, the largest; SPIFF = the bonus awards payable in the period (approved in it — a spin or
      envelope once also opened). Awards still pending are shown beside the current period, not in
      its total.
    </p>
  `,
  styles: `
    .export {
      margin-left: auto;
    }
    .bad {
      color: var(--mat-sys-error);
    }
    .pending {
      color: var(--mat-sys-on-surface-variant);
      font-style: italic;
    }
    .note {
      font: var(--mat-sys-body-small);
      max-width: 100ch;
    }
    .fw-table-scroll {
      max-height: 640px;
      overflow: auto;
    }
  `,
})
export class PayView {
  private readonly api = inject(SchedulesApi);
  private readonly org = inject(OrgApi);
  private readonly notify = inject(Notify);
  readonly canExport = input(false);
  protected readonly all = ALL;
  protected readonly columns = [
    'name',
    'team',
    'paid',
    'base',
    'overtime',
    'diff',
    'spiff',
    'lost',
    'total',
  ];
  /** Opens on the last complete period (two weeks back lands in it for bi-weekly pay). */
  protected readonly date = signal(addDays(todayLocal(), -14));
  protected readonly team = signal<string>(ALL);
  protected readonly sort = signal<Sort>({ active: 'total', direction: 'desc' });
  private readonly teams = loadOnChange(
    () => true,
    () => this.org.teams(),
  );
  protected readonly teamList = computed<TeamDto[]>(() => this.teams().value ?? []);
  private readonly query = computed(() => ({
    date: this.date(),
    teamCode: this.team() === ALL ? null : this.team(),
  }));
  protected readonly estimates = loadOnChange(
    () => this.query(),
    (q) => this.api.payEstimates(q),
  );
  protected readonly rows = computed(() =>
    sortRows(this.estimates().value?.rows ?? [], this.sort() as SortState, SORT_BY),
  );
  protected readonly periodText = computed(() => {
    const periods = [
      ...new Set((this.estimates().value?.rows ?? []).map((r) => `${r.from}|${r.to}`)),
    ];
    return periods.length === 1
      ? formatRange({ from: periods[0].split('|')[0], to: periods[0].split('|')[1] })
      : periods.length > 1
        ? 'each site has its own pay period'
        : '';
  });

  protected hours(seconds: number): string {
    return hoursText(seconds);
  }

  protected cents(c: number): string {
    return formatCents(c);
  }

  /** To the day before the shown period's first day, or after its last. */
  protected step(direction: number): void {
    const rows = this.estimates().value?.rows ?? [];
    const from = rows.map((r) => r.from).sort()[0];
    const to = rows
      .map((r) => r.to)
      .sort()
      .reverse()[0];
    if (from && to) {
      this.date.set(direction < 0 ? addDays(from, -1) : addDays(to, 1));
    } else {
      this.date.set(addDays(this.date(), direction * 14));
    }
  }

  protected pickDate(event: Event): void {
    const v = (event.target as HTMLInputElement).value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      this.date.set(v);
    }
  }

  protected exportCsv(): void {
    this.api.payrollCsv(this.query()).subscribe({
      next: (csv) => downloadCsv(csvFileName(`payroll-estimate-${this.date()}`), csv),
      error: (e: unknown) => this.notify.failed(apiErrorMessage(e)),
    });
  }
}

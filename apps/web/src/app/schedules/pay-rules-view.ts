import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialog,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  PAY_PERIOD_KINDS,
  type PayPeriodKind,
  type PayRulesDto,
  type PayRulesInput,
} from '@floorwise/contracts';
import { Alert, formatPercent, Icon, TypedCellDef, TypedRowDef } from '@floorwise/ui';
import { apiErrorMessage } from '../core/api-error';
import { loadOnChange } from '../core/load';
import { Notify } from '../core/notify';
import { SchedulesApi } from './schedules-api.service';

const WEEKDAY = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
export const PERIOD_LABEL: Record<PayPeriodKind, string> = {
  weekly: 'Weekly',
  biweekly: 'Every two weeks',
  semimonthly: 'Twice a month (1–15, 16–end)',
  monthly: 'Monthly',
};

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** Each site's pay rules (metrics.md §4); an admin changes them. */
@Component({
  selector: 'fw-pay-rules-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatButton, MatProgressBar, TypedCellDef, TypedRowDef, Alert, Icon],
  template: `
    @if (rules().error; as message) {
      <fw-alert tone="error" heading="The pay rules could not be loaded">{{ message }}</fw-alert>
    }
    <div class="fw-table-card">
      @if (rules().loading) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading pay rules" />
      }
      <div class="fw-table-scroll">
        <table mat-table class="fw-table" [dataSource]="list()">
          <ng-container matColumnDef="site">
            <th mat-header-cell *matHeaderCellDef>Site</th>
            <td mat-cell *matCellDef="let r; table: list()">
              {{ r.siteName }}<span class="fw-sub">{{ r.siteCode }} · {{ r.timeZone }}</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="overtime">
            <th mat-header-cell *matHeaderCellDef>Overtime</th>
            <td mat-cell *matCellDef="let r; table: list()" class="fw-nowrap">
              × {{ r.overtimeMultiplier }} past contract hours
              <span class="fw-sub">default contract {{ r.contractHours }} h/week</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="night">
            <th mat-header-cell *matHeaderCellDef>Night</th>
            <td mat-cell *matCellDef="let r; table: list()" class="fw-nowrap">
              {{ pct(r.nightPct)
              }}<span class="fw-sub">{{ hh(r.nightStart) }}–{{ hh(r.nightEnd) }}</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="weekend">
            <th mat-header-cell *matHeaderCellDef>Weekend</th>
            <td mat-cell *matCellDef="let r; table: list()" class="fw-nowrap">
              {{ pct(r.weekendPct) }}<span class="fw-sub">{{ days(r.weekendDays) }}</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="holiday">
            <th mat-header-cell *matHeaderCellDef>Holiday</th>
            <td mat-cell *matCellDef="let r; table: list()" class="fw-nowrap">
              {{ pct(r.holidayPct)
              }}<span class="fw-sub">{{ r.holidays.length }} site holidays</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="report">
            <th mat-header-cell *matHeaderCellDef>Minimum reporting pay</th>
            <td mat-cell *matCellDef="let r; table: list()">
              {{ r.minReportingPayHours > 0 ? r.minReportingPayHours + ' h' : 'none' }}
              <span class="fw-sub">for an outage or low-volume send-home</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="period">
            <th mat-header-cell *matHeaderCellDef>Pay period</th>
            <td mat-cell *matCellDef="let r; table: list()">
              {{ periodLabel[r.payPeriod] }}
              @if (r.payPeriod === 'weekly' || r.payPeriod === 'biweekly') {
                <span class="fw-sub">from Monday {{ r.payPeriodAnchor }}</span>
              }
              @if (r.isDefault) {
                <span class="fw-chip">defaults</span>
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="edit">
            <th mat-header-cell *matHeaderCellDef></th>
            <td mat-cell *matCellDef="let r; table: list()" class="fw-actions">
              @if (canEdit()) {
                <button
                  mat-stroked-button
                  type="button"
                  (click)="edit(r)"
                  [attr.data-testid]="'edit-rules-' + r.siteCode"
                >
                  <fw-icon name="edit" /> Edit
                </button>
              }
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let r; columns: columns; table: list()"></tr>
        </table>
      </div>
    </div>
    <p class="fw-muted note">
      One differential per hour, the largest that applies. Overtime is paid on hours past each
      agent's own contract hours (the site's value is the default for new contracts) in the
      Monday–Sunday week.
    </p>
  `,
  styles: `
    .note {
      font: var(--mat-sys-body-small);
    }
  `,
})
export class PayRulesView {
  private readonly api = inject(SchedulesApi);
  private readonly dialog = inject(MatDialog);
  readonly canEdit = input(false);
  private readonly reload = signal(0);
  protected readonly rules = loadOnChange(
    () => this.reload(),
    () => this.api.payRules(),
  );
  protected readonly list = computed<PayRulesDto[]>(() => this.rules().value ?? []);
  protected readonly periodLabel = PERIOD_LABEL;
  protected readonly hh = hh;
  protected readonly columns = [
    'site',
    'overtime',
    'night',
    'weekend',
    'holiday',
    'report',
    'period',
    'edit',
  ];

  protected pct(v: number): string {
    return `+${formatPercent(v, undefined, 0)}`;
  }

  protected days(d: readonly number[]): string {
    return d.map((x) => WEEKDAY[x]).join(', ') || 'none';
  }

  protected edit(rules: PayRulesDto): void {
    this.dialog
      .open(PayRulesDialog, { data: rules, width: '620px', maxWidth: '96vw' })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) {
          this.reload.update((n) => n + 1);
        }
      });
  }
}

/** An admin's form for one site's pay rules; percentages are entered as whole percents. */
@Component({
  selector: 'fw-pay-rules-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    MatCheckbox,
    Alert,
  ],
  template: `
    <h2 mat-dialog-title>Pay rules · {{ data.siteName }}</h2>
    <mat-dialog-content>
      @if (error(); as message) {
        <fw-alert tone="error" class="fw-alert-gap">{{ message }}</fw-alert>
      }
      <div class="fw-form-grid">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Default contract hours / week</mat-label>
          <input matInput type="number" min="1" max="80" [(ngModel)]="f.contractHours" />
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Overtime multiplier</mat-label>
          <input
            matInput
            type="number"
            min="1"
            max="4"
            step="0.05"
            [(ngModel)]="f.overtimeMultiplier"
          />
          <mat-hint>1.5 pays time and a half</mat-hint>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Night starts (hour)</mat-label>
          <input matInput type="number" min="0" max="23" [(ngModel)]="f.nightStart" />
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Night ends (hour)</mat-label>
          <input matInput type="number" min="0" max="23" [(ngModel)]="f.nightEnd" />
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Night differential %</mat-label>
          <input matInput type="number" min="0" max="200" [(ngModel)]="nightPct" />
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Weekend differential %</mat-label>
          <input matInput type="number" min="0" max="200" [(ngModel)]="weekendPct" />
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Holiday differential %</mat-label>
          <input matInput type="number" min="0" max="200" [(ngModel)]="holidayPct" />
          <mat-hint>On the site's holidays</mat-hint>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Minimum reporting pay (hours)</mat-label>
          <input
            matInput
            type="number"
            min="0"
            max="24"
            step="0.5"
            [(ngModel)]="f.minReportingPayHours"
          />
          <mat-hint>Paid for an outage or low-volume send-home</mat-hint>
        </mat-form-field>
        <div class="fw-span-2 weekend">
          <span class="fw-muted">Weekend days</span>
          @for (d of weekdays; track d) {
            <mat-checkbox [checked]="f.weekendDays.includes(d)" (change)="toggleDay(d)">{{
              weekdayLabel[d]
            }}</mat-checkbox>
          }
        </div>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Pay period</mat-label>
          <mat-select [(ngModel)]="f.payPeriod">
            @for (p of periods; track p) {
              <mat-option [value]="p">{{ periodLabel[p] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Periods count from (a Monday)</mat-label>
          <input matInput type="date" [(ngModel)]="f.payPeriodAnchor" />
        </mat-form-field>
      </div>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" (click)="ref.close(false)">Cancel</button>
      <button mat-flat-button type="button" (click)="save()" [disabled]="busy()">Save</button>
    </mat-dialog-actions>
  `,
  styles: `
    .weekend {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
    }
  `,
})
export class PayRulesDialog {
  protected readonly data = inject<PayRulesDto>(MAT_DIALOG_DATA);
  protected readonly ref = inject(MatDialogRef<PayRulesDialog, boolean>);
  private readonly api = inject(SchedulesApi);
  private readonly notify = inject(Notify);
  protected readonly weekdays = [1, 2, 3, 4, 5, 6, 7];
  protected readonly weekdayLabel = WEEKDAY;
  protected readonly periods = PAY_PERIOD_KINDS;
  protected readonly periodLabel = PERIOD_LABEL;
  protected readonly f: PayRulesInput = {
    contractHours: this.data.contractHours,
    overtimeMultiplier: this.data.overtimeMultiplier,
    nightStart: this.data.nightStart,
    nightEnd: this.data.nightEnd,
    nightPct: this.data.nightPct,
    weekendPct: this.data.weekendPct,
    holidayPct: this.data.holidayPct,
    weekendDays: [...this.data.weekendDays],
    minReportingPayHours: this.data.minReportingPayHours,
    payPeriod: this.data.payPeriod,
    payPeriodAnchor: this.data.payPeriodAnchor,
  };
  protected nightPct = Math.round(this.data.nightPct * 1000) / 10;
  protected weekendPct = Math.round(this.data.weekendPct * 1000) / 10;
  protected holidayPct = Math.round(this.data.holidayPct * 1000) / 10;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected toggleDay(d: number): void {
    this.f.weekendDays = this.f.weekendDays.includes(d)
      ? this.f.weekendDays.filter((x) => x !== d)
      : [...this.f.weekendDays, d].sort();
  }

  protected save(): void {
    this.busy.set(true);
    this.error.set(null);
    const body: PayRulesInput = {
      ...this.f,
      contractHours: Number(this.f.contractHours),
      overtimeMultiplier: Number(this.f.overtimeMultiplier),
      nightStart: Number(this.f.nightStart),
      nightEnd: Number(this.f.nightEnd),
      minReportingPayHours: Number(this.f.minReportingPayHours),
      nightPct: Number(this.nightPct) / 100,
      weekendPct: Number(this.weekendPct) / 100,
      holidayPct: Number(this.holidayPct) / 100,
    };
    this.api.savePayRules(this.data.siteCode, body).subscribe({
      next: () => {
        this.busy.set(false);
        this.notify.done(`Pay rules of ${this.data.siteCode} saved`);
        this.ref.close(true);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(apiErrorMessage(e));
      },
    });
  }
}
